"""Errors of the OCPP side that callers act on: a CSMS refusal, a lost connection, a refused configuration."""

from __future__ import annotations


class CsmsCallError(Exception):
    """The CSMS answered a call with CALLERROR (OCPP-J 1.6 section 4.2.3): it received and refused it.

    `code` is the CALLERROR errorCode (FormationViolation, NotImplemented, InternalError...).
    """

    def __init__(self, code: str, description: str = "", details: dict[str, object] | None = None) -> None:
        super().__init__(f"{code}: {description}" if description else code)
        self.code = code
        self.description = description
        self.details = details or {}


class CsmsUnavailableError(ConnectionError):
    """No connection to the CSMS: the message was not sent (or its answer was lost with the link)."""
