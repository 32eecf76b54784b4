"""The form of an AuthorizationKey (OCPP 1.6 Security whitepaper): one rule for ChangeConfiguration and the
installer of the first key (python -m app.ocpp.secrets)."""

from __future__ import annotations

import re

_HEX = re.compile(r"^[0-9A-Fa-f]*$")


def authorization_key_problem(key: str) -> str | None:
    """Why `key` cannot be an AuthorizationKey, or None when it can (an empty key means "none set")."""
    if key and (not _HEX.match(key) or len(key) % 2 or not 32 <= len(key) <= 40):
        # Security whitepaper: a 16 to 20 byte password, represented as 32 to 40 hexadecimal digits.
        return "AuthorizationKey: expected 32 to 40 hexadecimal digits"
    return None
