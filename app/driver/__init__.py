"""The driver's side of the station: the facade the kiosk calls, its views and card authorisation."""
