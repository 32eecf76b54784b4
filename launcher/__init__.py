"""The composition root: builds the station from its configuration and runs it (kiosk, headless, demo)."""
