"""OCPP 1.6 SmartCharging: the installed profiles (persisted), their stacks and the limits they set."""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine

from app.config import NOMINAL_VOLTAGE_V
from app.db import get_setting, read_only, session_factory, set_setting
from app.ocpp.charging_profiles import (
    CHARGE_POINT_MAX,
    TX_DEFAULT,
    TX_PROFILE,
    ChargingProfile,
    ProfileError,
    ProfileLimits,
    SchedulePeriod,
    check_profile,
    format_time,
    parse_profile,
)
from hal.listeners import Listeners

log = logging.getLogger(__name__)

SETTING_KEY = "ocpp.charging_profiles"
ACTOR = "csms"
DEFAULT_PHASES = 3  # section 7.13: numberPhases absent means 3
DEFAULT_LIMITS = ProfileLimits()

Clock = Callable[[], datetime]
Transactions = Mapping[int, tuple[datetime | None, int | None]]  # OCPP connector -> (start, transactionId)


@dataclass(frozen=True, slots=True)
class ConnectorRating:
    """What the hardware of one OCPP connector can do: its phases and its maximum current per phase."""

    phases: int = 3
    max_current_mA: int = 32000


@dataclass(frozen=True, slots=True)
class InstalledProfile:
    """A profile as installed on a connector (0 = the whole charge point)."""

    connector_id: int
    profile: ChargingProfile


@dataclass(frozen=True, slots=True)
class AppliedLimit:
    """The limit in force and the profile that set it."""

    amps: float  # per phase
    phases: int  # phases the limit was reckoned on (W <-> A)
    installed: InstalledProfile
    period: SchedulePeriod

    @property
    def mA(self) -> int:
        return math.floor(self.amps * 1000 + 1e-6)  # never round a limit up

    @property
    def reason(self) -> str:
        profile = self.installed.profile
        return f"OCPP {profile.purpose} {profile.profile_id} stack {profile.stack_level}"


class SmartCharging:
    """The installed charging profiles and what they allow, per connector and for the charge point.

    Mutations are written to the ledger's runtime settings (one JSON list, one transaction) before
    they take effect in memory, so a restart finds exactly the profiles the CSMS was told are installed.
    """

    def __init__(
        self,
        engine: Engine,
        connectors: Mapping[int, ConnectorRating],
        *,
        limits: ProfileLimits | Callable[[], ProfileLimits] = DEFAULT_LIMITS,
        nominal_voltage_V: float = NOMINAL_VOLTAGE_V,
        charge_point_max_mA: int | None = None,
        clock: Clock = lambda: datetime.now(UTC),
        setting: str = SETTING_KEY,
    ) -> None:
        self._engine = engine
        self._setting = setting  # one per charge point identity (app/ocpp/identities.py)
        self.connectors = dict(connectors)
        self._limits = limits
        self.voltage = nominal_voltage_V
        self.charge_point_max_mA = (
            charge_point_max_mA
            if charge_point_max_mA is not None
            else sum(c.max_current_mA for c in self.connectors.values())
        )
        self.clock = clock
        self.last_refusal: ProfileError | None = None
        self._lock = threading.Lock()
        # A listener's exception reaches the caller whose change of the profiles it is about.
        self._listeners: Listeners[None] = Listeners("charging profiles", log, propagate=True)
        self._installed: tuple[InstalledProfile, ...] = self._load()

    # -- installed profiles -------------------------------------------------------------------------
    @property
    def installed(self) -> tuple[InstalledProfile, ...]:
        return self._installed

    def subscribe(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Called after every change of the installed profiles (possibly from a worker thread)."""
        return self._listeners.subscribe(lambda _none: listener())

    def limits(self) -> ProfileLimits:
        return self._limits() if callable(self._limits) else self._limits

    def set_profile(self, connector_id: int, profile: Mapping[str, Any], active_tx: int | None) -> str:
        """SetChargingProfile.req (section 5.16): "Accepted", "Rejected" or "NotSupported".

        The reason of a refusal is kept in `last_refusal` (and logged) with the field at fault.
        """
        now = self.clock()
        limits = self.limits()
        try:
            parsed = parse_profile(profile, received_at=now)
            check_profile(parsed, connector_id, active_tx, limits=limits, connectors=self.connectors, now=now)
            if parsed.purpose == TX_PROFILE and parsed.transaction_id is None:
                # A TxProfile without transactionId belongs to the transaction running now; recording it
                # lets the end of that transaction remove it (section 3.13.4).
                parsed = _with_transaction(parsed, active_tx)
            with self._lock:
                kept = [i for i in self._installed if not _replaced_by(i, connector_id, parsed)]
                if len(kept) + 1 > limits.max_installed:
                    raise ProfileError(
                        "csChargingProfiles",
                        "too_many_profiles",
                        count=len(kept) + 1,
                        limit=limits.max_installed,
                    )
                self._store([*kept, InstalledProfile(connector_id, parsed)])
        except ProfileError as refusal:
            self.last_refusal = refusal
            log.warning("SetChargingProfile on connector %s refused: %s", connector_id, refusal)
            return refusal.status
        self.last_refusal = None
        self._notify()
        return "Accepted"

    def clear(
        self,
        id: int | None = None,  # the OCPP field name
        connector_id: int | None = None,
        purpose: str | None = None,
        stack_level: int | None = None,
    ) -> str:
        """ClearChargingProfile.req (section 5.5): by id, or every profile matching all criteria given."""
        with self._lock:
            if id is not None:
                kept = [i for i in self._installed if i.profile.profile_id != id]
            else:
                kept = [
                    i
                    for i in self._installed
                    if not (
                        (connector_id is None or i.connector_id == connector_id)
                        and (purpose is None or i.profile.purpose == purpose)
                        and (stack_level is None or i.profile.stack_level == stack_level)
                    )
                ]
            if len(kept) == len(self._installed):
                return "Unknown"
            self._store(kept)
        self._notify()
        return "Accepted"

    def transaction_ended(self, connector_id: int, tx_id: int | None = None) -> None:
        """Section 3.13.4: a TxProfile ends with its transaction."""
        with self._lock:
            kept = [
                i
                for i in self._installed
                if not (
                    i.profile.purpose == TX_PROFILE
                    and i.connector_id == connector_id
                    and (tx_id is None or i.profile.transaction_id == tx_id)
                )
            ]
            if len(kept) == len(self._installed):
                return
            self._store(kept)
        self._notify()

    # -- limits ---------------------------------------------------------------------------------------
    def connector_limit(
        self, connector_id: int, at: datetime, tx_start: datetime | None, tx_id: int | None
    ) -> AppliedLimit | None:
        """The limit of a connector: its TxProfile, else its TxDefaultProfile stack, capped by the
        ChargePointMaxProfile stack (section 3.13.2); connector 0 is the charge point itself."""
        cp_limit = self._winner(self._of(CHARGE_POINT_MAX, (0,)), at, None, 0)
        if connector_id == 0:
            return cp_limit
        tx_limit = None
        if tx_id is not None:
            # Section 3.13.1: a TxProfile overrules the TxDefaultProfile for its transaction.
            tx_profiles = [
                i for i in self._of(TX_PROFILE, (connector_id,)) if i.profile.transaction_id == tx_id
            ]
            tx_limit = self._winner(tx_profiles, at, tx_start, connector_id)
        if tx_limit is None:
            tx_limit = self._winner(self._of(TX_DEFAULT, (connector_id, 0)), at, tx_start, connector_id)
        if tx_limit is None or (cp_limit is not None and cp_limit.amps < tx_limit.amps):
            return cp_limit
        return tx_limit

    def limit_at(
        self, connector_id: int, now: datetime, tx_start: datetime | None, tx_id: int | None
    ) -> int | None:
        """The connector's limit in mA per phase, or None when no profile applies."""
        applied = self.connector_limit(connector_id, now, tx_start, tx_id)
        return None if applied is None else applied.mA

    def charge_point_limit_at(self, now: datetime) -> int | None:
        """The ChargePointMaxProfile limit of the whole charge point in mA per phase, or None."""
        return self.limit_at(0, now, None, None)

    def next_change_after(self, at: datetime, transactions: Transactions) -> datetime | None:
        """The next instant at which any connector's or the charge point's limit may change."""
        starts: dict[int, datetime | None] = {
            c: transactions.get(c, (None, None))[0] for c in self.connectors
        }
        moments = []
        for installed in self._installed:
            if installed.connector_id == 0:
                origins: Iterable[datetime | None] = {None, *starts.values()}
            else:
                origins = (starts.get(installed.connector_id),)
            for origin in origins:
                moment = installed.profile.next_change_after(at, origin)
                if moment is not None:
                    moments.append(moment)
        return min(moments) if moments else None

    def composite_schedule(
        self,
        connector_id: int,
        duration_s: int,
        unit: str | None,
        now: datetime,
        *,
        tx_start: datetime | None = None,
        tx_id: int | None = None,
    ) -> dict[str, Any] | None:
        """GetCompositeSchedule.conf's chargingSchedule (section 5.7) from `now` for duration_s, or None
        for an unknown connector. Where no profile applies, the hardware's maximum is the limit."""
        if connector_id != 0 and connector_id not in self.connectors:
            return None
        unit = unit or ("A" if "A" in self.limits().allowed_units else "W")
        end = now + timedelta(seconds=duration_s)
        transactions = {connector_id: (tx_start, tx_id)}
        periods: list[dict[str, Any]] = []
        at = now
        while at < end:
            applied = self.connector_limit(connector_id, at, tx_start, tx_id)
            period = self._composite_period(
                connector_id, applied, unit, math.ceil((at - now).total_seconds())
            )
            if periods and periods[-1]["startPeriod"] == period["startPeriod"]:
                periods.pop()
            if not periods or _period_value(periods[-1]) != _period_value(period):
                periods.append(period)
            following = self.next_change_after(at, transactions)
            if following is None:
                break
            at = following
        return {
            "duration": duration_s,
            "startSchedule": format_time(now),
            "chargingRateUnit": unit,
            "chargingSchedulePeriod": periods,
        }

    # -- internals ------------------------------------------------------------------------------------
    def _of(self, purpose: str, connector_ids: tuple[int, ...]) -> list[InstalledProfile]:
        return [
            i for i in self._installed if i.profile.purpose == purpose and i.connector_id in connector_ids
        ]

    def _winner(
        self, candidates: list[InstalledProfile], at: datetime, tx_start: datetime | None, connector_id: int
    ) -> AppliedLimit | None:
        """Section 3.13.2: the highest stackLevel that has a period at `at` prevails; at equal levels a
        profile for the connector itself goes before one set on connector 0 for all connectors."""
        ranked = sorted(candidates, key=lambda i: (-i.profile.stack_level, i.connector_id != connector_id))
        for installed in ranked:
            period = installed.profile.period_at(at, tx_start)
            if period is not None:
                return self._applied(installed, period, connector_id)
        return None

    def _applied(
        self, installed: InstalledProfile, period: SchedulePeriod, connector_id: int
    ) -> AppliedLimit:
        wired = self.connectors[connector_id].phases if connector_id else DEFAULT_PHASES
        phases = min(period.number_phases or DEFAULT_PHASES, wired)
        if installed.profile.unit == "A":
            return AppliedLimit(period.limit, phases, installed, period)
        # A power limit is shared by the phases in use: 11040 W on 3 x 230 V is 16 A per phase.
        return AppliedLimit(period.limit / (self.voltage * phases), phases, installed, period)

    def _composite_period(
        self, connector_id: int, applied: AppliedLimit | None, unit: str, start_s: int
    ) -> dict[str, Any]:
        if applied is None:
            amps = (
                self.connectors[connector_id].max_current_mA if connector_id else self.charge_point_max_mA
            ) / 1000
            phases = self.connectors[connector_id].phases if connector_id else DEFAULT_PHASES
            number_phases = None
        else:
            amps, phases, number_phases = applied.amps, applied.phases, applied.period.number_phases
        value = amps if unit == "A" else amps * self.voltage * phases
        period: dict[str, Any] = {"startPeriod": start_s, "limit": math.floor(value * 10 + 1e-6) / 10}
        if number_phases is not None:
            period["numberPhases"] = number_phases
        return period

    def _load(self) -> tuple[InstalledProfile, ...]:
        with session_factory(read_only(self._engine))() as db:
            stored = get_setting(db, self._setting, [])
        installed = []
        for entry in stored:
            try:
                profile = parse_profile(entry["csChargingProfiles"], received_at=self.clock())
            except (ProfileError, KeyError, TypeError) as err:
                log.error("stored charging profile %r dropped: %s", entry, err)
                continue
            installed.append(InstalledProfile(int(entry["connectorId"]), profile))
        return tuple(installed)

    def _store(self, installed: list[InstalledProfile]) -> None:
        """Writes the whole list in one transaction, then swaps it in (caller holds the lock)."""
        value = [
            {"connectorId": i.connector_id, "csChargingProfiles": i.profile.to_ocpp()} for i in installed
        ]
        with session_factory(self._engine).begin() as db:
            set_setting(db, self._setting, value, actor=ACTOR)
        self._installed = tuple(installed)

    def _notify(self) -> None:
        self._listeners.emit(None)


def _replaced_by(old: InstalledProfile, connector_id: int, new: ChargingProfile) -> bool:
    """Section 5.16: the same chargingProfileId, or the same stackLevel and purpose on the same connector,
    replaces the installed profile."""
    if old.profile.profile_id == new.profile_id:
        return True
    return (
        old.connector_id == connector_id
        and old.profile.purpose == new.purpose
        and old.profile.stack_level == new.stack_level
    )


def _with_transaction(profile: ChargingProfile, tx_id: int | None) -> ChargingProfile:
    return replace(profile, transaction_id=tx_id)


def _period_value(period: Mapping[str, Any]) -> tuple[Any, ...]:
    return (period["limit"], period.get("numberPhases"))
