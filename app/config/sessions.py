"""The [sessions] section: how long a session waits for a plug, a stop, a suspended car."""

from __future__ import annotations

from dataclasses import dataclass

from app.config.schema import setting


@dataclass(frozen=True, kw_only=True)
class SessionSettings:
    """Charging-session timeouts (docs/sessions.md)."""

    plug_timeout_s: float = setting(
        120.0,
        minimum=10.0,
        maximum=3600.0,
        doc="An authorised session with no car plugged in ends after this",
    )
    stop_timeout_s: float = setting(
        15.0, minimum=2.0, maximum=300.0, doc="A stop the charger does not confirm ends on the last reading"
    )
