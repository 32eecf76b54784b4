"""Station configuration: one typed schema read from TOML, a module per section (kiosk, OCPP, the rest)."""
