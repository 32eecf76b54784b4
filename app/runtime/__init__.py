"""The running station: its runtime composition, clock, event recorder and ledger maintenance."""
