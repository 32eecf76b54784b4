"""Charging sessions: the service that opens and closes them, their states and the ledger."""
