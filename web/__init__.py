"""Faces on the network for people with a phone: the receipt's HTTP route (docs/receipts.md)."""
