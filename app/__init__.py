"""The station: charger links, sessions, OCPP, payments and pricing; asyncio, no Qt widgets."""
