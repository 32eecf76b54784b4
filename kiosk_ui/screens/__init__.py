"""The kiosk's screens, one per file; each is a kiosk_ui.screen.Screen with the same small lifecycle."""
