"""OCPP dateTime values (RFC 3339) read from the wire."""

from __future__ import annotations

from datetime import datetime


def parse_time(text: str) -> datetime:
    """An OCPP dateTime (RFC 3339, 'Z' allowed)."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
