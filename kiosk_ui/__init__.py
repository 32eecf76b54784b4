"""The driver kiosk and the technicians' admin screens (PySide6 widgets); talks to app/ only."""
