"""The OCPP 1.6J charge point: connection, message handlers, configuration keys and the transaction queue."""
