"""Connectors a technician took out of service (docs/admin.md, "Control"): persisted, enforced by a claim.

The operator's counterpart of ChangeAvailability (app/ocpp/availability.py, OCPP 1.6 section 5.2),
kept below the driver facade and the OCPP side so both see it: the kiosk's card says "unavailable",
StatusNotification says Unavailable, the analytics timeline records "unavailable" with the reason. An
unavailable connector holds an ADMIN claim that forbids charging, so neither a session nor the
balancer can start it. Taking out of service a connector with an open session is answered
"scheduled" and applied when that session ends, as section 5.2 does for a transaction. What the
technician asked is kept in the ledger (runtime_settings "admin.unavailable") and applied again when
the station starts.

Writes go through the caller's database session (`store`), so the operator facade commits the change
and its audit row in one transaction; `commit` then applies it on the event loop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.arbitration import Arbiter, Claim, ClaimSource
from app.db import get_setting, read_only, session_factory, set_setting
from app.sessions import ENDED, SessionChange, SessionService
from hal.listeners import Listeners

log = logging.getLogger(__name__)

SETTING = "admin.unavailable"  # {connector_id: {"reason", "by", "at"}}
ACCEPTED, SCHEDULED = "accepted", "scheduled"


@dataclass(frozen=True)
class Hold:
    """Why and by whom a connector was taken out of service."""

    reason: str
    by: str
    at: str  # ISO 8601, UTC

    def stored(self) -> dict[str, str]:
        return {"reason": self.reason, "by": self.by, "at": self.at}


@dataclass(frozen=True)
class AvailabilityPlan:
    """A change worked out before it is written: the holds after it and the answer to give."""

    connector_id: str
    available: bool
    holds: dict[str, Hold]
    outcome: str  # ACCEPTED or SCHEDULED


class OperatorAvailability:
    """The operator's out-of-service holds of one station, and the ADMIN claims that enforce them."""

    def __init__(self, engine: Engine, arbiter: Arbiter, sessions: SessionService) -> None:
        self.engine = engine
        self.arbiter = arbiter
        self.sessions = sessions
        self._holds: dict[str, Hold] = {}  # what the technicians asked (the ledger's copy)
        self._applied: set[str] = set()  # connectors whose ADMIN claim is submitted
        self._listeners: Listeners[str] = Listeners("operator availability", log)
        self._unsubscribe: Callable[[], None] | None = None

    def start(self) -> None:
        """Reads the holds from the ledger and applies them (after the sessions were recovered: a
        connector whose session is still open waits for its end, as a scheduled change does)."""
        with session_factory(read_only(self.engine))() as db:
            stored = get_setting(db, SETTING, {}) or {}
        self._holds = {cid: _hold(value) for cid, value in stored.items()}
        self._unsubscribe = self.sessions.subscribe(self._on_session_change)
        for connector_id in self._holds:
            self._apply(connector_id)

    def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    # -- what the faces read ------------------------------------------------------------------------

    def is_unavailable(self, connector_id: str) -> bool:
        """True once the hold is in force (not while it waits for a session's end)."""
        return connector_id in self._applied

    def hold(self, connector_id: str) -> Hold | None:
        """The hold asked for this connector, in force or scheduled."""
        return self._holds.get(connector_id)

    def is_scheduled(self, connector_id: str) -> bool:
        return connector_id in self._holds and connector_id not in self._applied

    def reasons(self) -> Mapping[str, str]:
        """Connector -> reason of every hold in force (the analytics timeline's detail)."""
        return {cid: self._holds[cid].reason for cid in self._applied if cid in self._holds}

    def subscribe(self, listener: Callable[[str], None]) -> Callable[[], None]:
        """listener(connector_id) after a connector's availability changed (on the event loop)."""
        return self._listeners.subscribe(listener)

    # -- changes --------------------------------------------------------------------------------------

    def plan(
        self, connector_id: str, available: bool, reason: str, by: str, at: datetime
    ) -> AvailabilityPlan:
        """The holds after the change and its answer: "scheduled" while a session is open there."""
        holds = dict(self._holds)
        if available:
            holds.pop(connector_id, None)
            return AvailabilityPlan(connector_id, True, holds, ACCEPTED)
        holds[connector_id] = Hold(reason, by, at.isoformat())
        busy = self.sessions.open_session(connector_id) is not None and connector_id not in self._applied
        return AvailabilityPlan(connector_id, False, holds, SCHEDULED if busy else ACCEPTED)

    def store(self, db: Session, plan: AvailabilityPlan, actor: str) -> bool:
        """Writes the holds in the caller's transaction (its audit row beside); False when unchanged."""
        value = {cid: hold.stored() for cid, hold in sorted(plan.holds.items())}
        return set_setting(db, SETTING, value, actor=actor)

    def commit(self, plan: AvailabilityPlan) -> str:
        """Applies a stored plan (on the event loop); the answer, "scheduled" if a session is open."""
        self._holds = dict(plan.holds)
        self._apply(plan.connector_id)
        if not plan.available and plan.connector_id not in self._applied:
            return SCHEDULED
        return ACCEPTED

    # -- internals ------------------------------------------------------------------------------------

    def _apply(self, connector_id: str) -> None:
        hold = self._holds.get(connector_id)
        if hold is None:
            if connector_id in self._applied:
                self._applied.discard(connector_id)
                self.arbiter.release(connector_id, ClaimSource.ADMIN)
            self._listeners.emit(connector_id)
            return
        if connector_id not in self._applied and self.sessions.open_session(connector_id) is not None:
            log.info("%s: out of service once its session ends (%s)", connector_id, hold.reason)
            self._listeners.emit(connector_id)
            return
        claim = Claim(
            ClaimSource.ADMIN, may_charge=False, reason=f"out of service: {hold.reason} ({hold.by})"
        )
        self.arbiter.submit(connector_id, claim)
        self._applied.add(connector_id)
        self._listeners.emit(connector_id)

    def _on_session_change(self, change: SessionChange) -> None:
        # A scheduled hold takes effect when the session ends (section 5.2's Scheduled).
        if change.to_state == ENDED and self.is_scheduled(change.connector_id):
            self._apply(change.connector_id)


def _hold(value: Any) -> Hold:
    if not isinstance(value, dict):
        return Hold("other", "", "")
    return Hold(str(value.get("reason", "other")), str(value.get("by", "")), str(value.get("at", "")))
