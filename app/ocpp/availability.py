"""Connector availability set by ChangeAvailability (OCPP 1.6 section 5.2): persisted, enforced by claims.

An inoperative connector holds an OCPP_REMOTE claim that forbids charging, so neither a session nor
the balancer can start it. A change to Inoperative on a connector with a running transaction is
answered Scheduled and applied when that transaction ends. The setting survives a restart (section
5.2: "the availability ... shall be persistent across reboots").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from sqlalchemy import Engine

from app.arbitration import Arbiter, Claim, ClaimSource
from app.db import get_setting, read_only, session_factory, set_setting

SETTING = "ocpp_state.inoperative"
INOPERATIVE, OPERATIVE = "Inoperative", "Operative"


class Availability:
    """Which OCPP connectors (0 = the charge point) are set inoperative, and what waits for a transaction."""

    def __init__(
        self,
        engine: Engine,
        arbiter: Arbiter,
        connectors: Mapping[int, str],
        has_transaction: Callable[[int], bool],
        on_change: Callable[[], None] = lambda: None,
        *,
        setting: str = SETTING,
    ) -> None:
        self.engine = engine
        self.setting = setting  # one per charge point identity (app/ocpp/identities.py)
        self.arbiter = arbiter
        self.connectors = dict(connectors)  # OCPP connector id -> station connector id
        self.has_transaction = has_transaction
        self.on_change = on_change
        with session_factory(read_only(engine))() as db:
            self._inoperative: set[int] = set(get_setting(db, setting, []))
        self._scheduled: dict[int, str] = {}
        self._apply()

    def is_inoperative(self, connector: int) -> bool:
        return connector in self._inoperative or 0 in self._inoperative

    def charge_point_inoperative(self) -> bool:
        return 0 in self._inoperative

    def change(self, connector: int, kind: str) -> str:
        """ChangeAvailability.conf status: Accepted, Rejected or Scheduled."""
        if connector != 0 and connector not in self.connectors:
            return "Rejected"
        targets = sorted(self.connectors) if connector == 0 else [connector]
        busy = [n for n in targets if self.has_transaction(n)]
        if kind == INOPERATIVE and busy:
            for n in targets:
                self._scheduled[n] = kind
            if connector == 0:
                self._scheduled[0] = kind
            # Connectors without a transaction go inoperative now; the busy ones when theirs ends.
            now = {n for n in targets if n not in busy}
            self._store(self._inoperative | now)
            return "Scheduled"
        for n in [*targets, connector]:
            self._scheduled.pop(n, None)
        if kind == INOPERATIVE:
            self._store(self._inoperative | {connector})
        elif connector == 0:
            self._store(set())
        else:
            # Connector 0 stood for all of them: the others stay inoperative, this one comes back.
            rest = (self._inoperative - {0}) | (set(self.connectors) if 0 in self._inoperative else set())
            self._store(rest - {connector})
        return "Accepted"

    def transaction_ended(self, connector: int) -> None:
        """A scheduled change to Inoperative takes effect now (section 5.2)."""
        if self._scheduled.pop(connector, None) == INOPERATIVE:
            whole = self._scheduled.get(0) == INOPERATIVE and not any(
                self.has_transaction(n) for n in self.connectors if n != connector
            )
            if whole:
                self._scheduled.pop(0, None)
            self._store(self._inoperative | {connector} | ({0} if whole else set()))

    def _store(self, inoperative: set[int]) -> None:
        if inoperative != self._inoperative:
            with session_factory(self.engine).begin() as db:
                set_setting(db, self.setting, sorted(inoperative), actor="csms")
            self._inoperative = inoperative
        self._apply()
        self.on_change()

    def _apply(self) -> None:
        for number, connector_id in self.connectors.items():
            if self.is_inoperative(number):
                claim = Claim(ClaimSource.OCPP_REMOTE, may_charge=False, reason="OCPP: set Inoperative")
                self.arbiter.submit(connector_id, claim)
            else:
                self.arbiter.release(connector_id, ClaimSource.OCPP_REMOTE)
