"""Turns the charging profiles in force into arbiter claims per connector and a cap on the site limit."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Protocol

from app.arbitration import Arbiter, Claim, ClaimSource
from app.balancing import MIN_CURRENT_mA
from app.ocpp.smart_charging import Clock, SmartCharging

log = logging.getLogger(__name__)

SITE_CAP_SOURCE = "ocpp.ChargePointMaxProfile"
MAX_SLEEP_S = 3600.0  # re-evaluate at least hourly, in case the wall clock was set meanwhile
EARLY_WAKE_MARGIN_S = 0.001  # asyncio may wake a hair before the boundary; never spin on it


class SiteCapTarget(Protocol):
    """What the enforcer needs of app.balancing.balancer.LoadBalancer."""

    def set_external_site_limit(self, source: str, limit_mA: tuple[int, int, int] | None) -> None: ...


def claimable_mA(limit_mA: int) -> int:
    """A profile limit as a claim: below the lowest current a pilot offers (IEC 61851-1 Annex A, 6 A) the
    connector gets 0, i.e. no charging, rather than a duty cycle the car would not follow."""
    return limit_mA if limit_mA >= MIN_CURRENT_mA else 0


class ProfileEnforcer:
    """Keeps one OCPP_PROFILE claim per connector and the site cap in line with the profiles.

    It re-evaluates when a profile changes, when a transaction starts or stops, and at the next period
    boundary of any profile (it sleeps until then rather than polling). A claim only limits current
    (may_charge stays None): a profile never permits charging by itself.
    """

    def __init__(
        self,
        smart: SmartCharging,
        arbiter: Arbiter,
        station_connectors: Mapping[int, str],
        *,
        clock: Clock,
        site: SiteCapTarget | None = None,
        share_charge_point_max: bool = False,
    ) -> None:
        self.smart = smart
        # A charger's own identity: its ChargePointMaxProfile is shared equally by its connectors'
        # claims (never more in total), instead of capping the site.
        self.share_charge_point_max = share_charge_point_max
        self.arbiter = arbiter
        self.station_connectors = dict(station_connectors)  # OCPP connector id -> "CP-01/1"
        self.clock = clock
        self.site = site
        self._transactions: dict[int, tuple[datetime | None, int | None]] = {}
        self._site_cap: tuple[int, int, int] | None = None
        self._wake = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None

    # -- inputs -----------------------------------------------------------------------------------
    def transaction_started(self, connector_id: int, start: datetime, tx_id: int | None) -> None:
        """A transaction runs on the connector; call again when the CSMS assigns its transactionId."""
        self._transactions[connector_id] = (start, tx_id)
        self.wake()

    async def transaction_stopped(self, connector_id: int) -> None:
        """The transaction ended: its TxProfiles go (section 3.13.4) and Relative schedules stop applying."""
        _start, tx_id = self._transactions.pop(connector_id, (None, None))
        await asyncio.to_thread(self.smart.transaction_ended, connector_id, tx_id)
        self.wake()

    def wake(self) -> None:
        """Re-evaluate now; safe to call from any thread (profile changes may be stored off the loop)."""
        if self._loop is None or self._loop.is_closed():
            self._wake.set()
        else:
            self._loop.call_soon_threadsafe(self._wake.set)

    # -- evaluation -------------------------------------------------------------------------------
    def apply(self) -> datetime | None:
        """Submits or releases every connector's claim and sets the site cap for now; returns the next
        moment a limit may change (None: not before something else changes)."""
        now = self.clock()
        charge_point_mA = self.smart.charge_point_limit_at(now)
        share = None
        if self.share_charge_point_max and charge_point_mA is not None and self.station_connectors:
            share = charge_point_mA // len(self.station_connectors)
        for ocpp_id, station_id in self.station_connectors.items():
            start, tx_id = self._transactions.get(ocpp_id, (None, None))
            applied = self.smart.connector_limit(ocpp_id, now, start, tx_id)
            limit_mA, reason = (None, "") if applied is None else (applied.mA, applied.reason)
            if share is not None and (limit_mA is None or share < limit_mA):
                limit_mA, reason = share, "ChargePointMaxProfile"
            if limit_mA is None:
                self.arbiter.release(station_id, ClaimSource.OCPP_PROFILE)
            else:
                claim = Claim(ClaimSource.OCPP_PROFILE, max_current_mA=claimable_mA(limit_mA), reason=reason)
                self.arbiter.submit(station_id, claim)
        self._set_site_cap(None if self.share_charge_point_max else charge_point_mA)
        return self.smart.next_change_after(now, self._transactions)

    def _set_site_cap(self, limit_mA: int | None) -> None:
        # ChargePointMaxProfile limits the whole charge point (section 3.13.1): the balancer shares it.
        cap = None if limit_mA is None else (limit_mA, limit_mA, limit_mA)
        if cap != self._site_cap and self.site is not None:
            self.site.set_external_site_limit(SITE_CAP_SOURCE, cap)
        self._site_cap = cap

    async def run(self) -> None:
        self._loop = asyncio.get_running_loop()
        unsubscribe = self.smart.subscribe(self.wake)
        try:
            while True:
                self._wake.clear()
                following = None
                try:
                    following = self.apply()
                except Exception:  # one bad evaluation must not end enforcement
                    log.exception("applying charging profiles failed")
                timeout = MAX_SLEEP_S
                if following is not None:
                    wait = (following - self.clock()).total_seconds() + EARLY_WAKE_MARGIN_S
                    timeout = min(max(wait, 0.0), MAX_SLEEP_S)
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(timeout):
                        await self._wake.wait()
        finally:
            unsubscribe()
            for station_id in self.station_connectors.values():
                self.arbiter.release(station_id, ClaimSource.OCPP_PROFILE)
            self._set_site_cap(None)
