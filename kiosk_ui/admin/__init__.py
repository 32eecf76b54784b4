"""The technician's admin mode on the kiosk: one screen per file, over the operator facade (docs/admin.md)."""
