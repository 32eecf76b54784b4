"""OCPP 1.6 ChargingProfile: the typed model parsed from OCPP JSON, its checks, and its schedule over time."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

CHARGE_POINT_MAX = "ChargePointMaxProfile"
TX_DEFAULT = "TxDefaultProfile"
TX_PROFILE = "TxProfile"
PURPOSES = (CHARGE_POINT_MAX, TX_DEFAULT, TX_PROFILE)
ABSOLUTE, RECURRING, RELATIVE = "Absolute", "Recurring", "Relative"
CYCLES = {"Daily": timedelta(days=1), "Weekly": timedelta(days=7)}
# ChargingScheduleAllowedChargingRateUnit lists quantities (OCPP 1.6 section 9.4): Current -> A, Power -> W.
UNIT_OF_QUANTITY = {"Current": "A", "Power": "W"}

# Why a profile was refused, by code: one table so the admin screen can translate them later.
REFUSALS = {
    "missing": "{field} is required",
    "not_integer": "{field} must be an integer",
    "not_number": "{field} must be a number",
    "not_object": "{field} must be an object",
    "not_datetime": "{field} must be an ISO 8601 date-time",
    "one_of": "{field} must be one of {allowed}",
    "negative": "{field} must not be negative",
    "one_decimal": "{field} allows at most one decimal",
    "unknown_connector": "connector {connector} does not exist",
    "cp_max_connector": "a ChargePointMaxProfile applies to connector 0 only",
    "cp_max_relative": "a ChargePointMaxProfile cannot be Relative: there is no transaction to start from",
    "tx_on_zero": "a TxProfile needs a connector, not connector 0",
    "no_transaction": "a TxProfile needs an active transaction on connector {connector}",
    "wrong_transaction": "transaction {given} is not the active transaction {active}",
    "tx_id_not_tx_profile": "transactionId is only allowed in a TxProfile",
    "needs_recurrency": "a Recurring profile needs recurrencyKind",
    "needs_start": "a Recurring profile needs chargingSchedule.startSchedule",
    "valid_to_before_from": "validTo must be after validFrom",
    "valid_to_past": "validTo lies in the past",
    "unit_not_allowed": "charging rate unit {unit} is not supported here (allowed: {allowed})",
    "no_periods": "at least one period is required",
    "too_many_periods": "{count} periods exceed ChargingScheduleMaxPeriods ({limit})",
    "first_period": "the first period must start at 0",
    "period_order": "periods must start in increasing order",
    "phases": "numberPhases must be 1, 2 or 3",
    "stack_level": "stackLevel {level} exceeds ChargeProfileMaxStackLevel ({limit})",
    "too_many_profiles": "{count} profiles would exceed MaxChargingProfilesInstalled ({limit})",
}


class ProfileError(ValueError):
    """A profile refused, naming the OCPP JSON field at fault; `status` is the SetChargingProfile answer."""

    def __init__(self, field_name: str, code: str, *, status: str = "Rejected", **params: object) -> None:
        self.field = field_name
        self.code = code
        self.status = status
        self.params = params
        super().__init__(f"{field_name}: {REFUSALS[code].format(field=field_name, **params)}")


@dataclass(frozen=True, slots=True)
class ProfileLimits:
    """The configuration keys that bound profiles (OCPP 1.6 section 9.4, SmartCharging profile)."""

    max_stack_level: int = 8  # ChargeProfileMaxStackLevel
    allowed_units: frozenset[str] = frozenset({"A", "W"})  # ChargingScheduleAllowedChargingRateUnit
    max_periods: int = 24  # ChargingScheduleMaxPeriods
    max_installed: int = 16  # MaxChargingProfilesInstalled

    @classmethod
    def from_keys(cls, get: Callable[[str], object]) -> ProfileLimits:
        """From a configuration key getter (values may come as strings, as GetConfiguration shows them)."""
        quantities = str(get("ChargingScheduleAllowedChargingRateUnit"))
        units = {UNIT_OF_QUANTITY[q.strip()] for q in quantities.split(",") if q.strip() in UNIT_OF_QUANTITY}
        return cls(
            max_stack_level=int(str(get("ChargeProfileMaxStackLevel"))),
            allowed_units=frozenset(units),
            max_periods=int(str(get("ChargingScheduleMaxPeriods"))),
            max_installed=int(str(get("MaxChargingProfilesInstalled"))),
        )


@dataclass(frozen=True, slots=True)
class SchedulePeriod:
    """One ChargingSchedulePeriod (section 7.13): from start_s seconds into the schedule, at most `limit`."""

    start_s: int
    limit: float  # in the schedule's unit: A per phase, or W in total
    number_phases: int | None = None


@dataclass(frozen=True, slots=True)
class ChargingProfile:
    """One csChargingProfiles (section 7.8) with its ChargingSchedule (section 7.12) flattened in."""

    profile_id: int
    stack_level: int
    purpose: str
    kind: str
    unit: str
    periods: tuple[SchedulePeriod, ...]
    recurrency: str | None = None
    transaction_id: int | None = None
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    start_schedule: datetime | None = None
    duration_s: int | None = None
    min_rate: float | None = None

    def to_ocpp(self) -> dict[str, Any]:
        """The csChargingProfiles JSON (camelCase), as stored and as the CSMS sent it."""
        schedule: dict[str, Any] = {
            "chargingRateUnit": self.unit,
            "chargingSchedulePeriod": [_period_json(p) for p in self.periods],
        }
        if self.duration_s is not None:
            schedule["duration"] = self.duration_s
        if self.start_schedule is not None:
            schedule["startSchedule"] = format_time(self.start_schedule)
        if self.min_rate is not None:
            schedule["minChargingRate"] = self.min_rate
        data: dict[str, Any] = {
            "chargingProfileId": self.profile_id,
            "stackLevel": self.stack_level,
            "chargingProfilePurpose": self.purpose,
            "chargingProfileKind": self.kind,
            "chargingSchedule": schedule,
        }
        for key, value in (
            ("recurrencyKind", self.recurrency),
            ("transactionId", self.transaction_id),
            ("validFrom", None if self.valid_from is None else format_time(self.valid_from)),
            ("validTo", None if self.valid_to is None else format_time(self.valid_to)),
        ):
            if value is not None:
                data[key] = value
        return data

    # -- the schedule over time (section 3.13.3: kinds; 7.12: startSchedule, duration) --------------
    def anchor(self, at: datetime, tx_start: datetime | None) -> datetime | None:
        """Where the schedule cycle that contains `at` starts (None: it has no start, e.g. no transaction).

        Absolute starts at startSchedule, Relative at the transaction's start, Recurring at the last
        startSchedule + n days (Daily) or weeks (Weekly) at or before `at`.
        """
        if self.kind == RELATIVE:
            return tx_start
        assert self.start_schedule is not None  # filled in at parse time for Absolute
        if self.kind == RECURRING:
            cycle = CYCLES[self.recurrency or "Daily"]
            return self.start_schedule + (at - self.start_schedule) // cycle * cycle
        return self.start_schedule

    def period_at(self, at: datetime, tx_start: datetime | None) -> SchedulePeriod | None:
        """The period in force at `at`, or None when the profile says nothing then."""
        if (self.valid_from is not None and at < self.valid_from) or (
            self.valid_to is not None and at >= self.valid_to
        ):
            return None
        start = self.anchor(at, tx_start)
        if start is None or at < start:
            return None
        offset = (at - start).total_seconds()
        if self.duration_s is not None and offset >= self.duration_s:
            return None  # past its duration the next lower stack level applies (section 3.13.2)
        current = None
        for period in self.periods:
            if period.start_s > offset:
                break
            current = period
        return current

    def next_change_after(self, at: datetime, tx_start: datetime | None) -> datetime | None:
        """The first instant after `at` at which period_at may return something else (None: never)."""
        candidates = [t for t in (self.valid_from, self.valid_to) if t is not None]
        start = self.anchor(at, tx_start)
        if start is not None:
            candidates += [start + timedelta(seconds=p.start_s) for p in self.periods]
            if self.duration_s is not None:
                candidates.append(start + timedelta(seconds=self.duration_s))
            if self.kind == RECURRING:
                candidates.append(start + CYCLES[self.recurrency or "Daily"])
        later = [t for t in candidates if t > at]
        return min(later) if later else None


def format_time(at: datetime) -> str:
    """OCPP date-time: UTC with a Z."""
    return at.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _period_json(period: SchedulePeriod) -> dict[str, Any]:
    data: dict[str, Any] = {"startPeriod": period.start_s, "limit": period.limit}
    if period.number_phases is not None:
        data["numberPhases"] = period.number_phases
    return data


# -- parsing ---------------------------------------------------------------------------------------
def _camel(key: str) -> str:
    """The ocpp library hands handlers snake_case keys; the stored form is OCPP's camelCase."""
    return re.sub(r"_([a-z])", lambda m: m.group(1).upper(), key)


def camel_keys(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {_camel(str(k)): camel_keys(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [camel_keys(v) for v in value]
    return value


def _integer(data: Mapping[str, Any], key: str, path: str, *, required: bool = True) -> int | None:
    value = data.get(key)
    if value is None:
        if required:
            raise ProfileError(path, "missing")
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProfileError(path, "not_integer")
    return value


def _one_decimal(data: Mapping[str, Any], key: str, path: str, *, required: bool = True) -> float | None:
    """A limit or rate: a non-negative number with at most one decimal (the schema's multipleOf 0.1)."""
    value = data.get(key)
    if value is None:
        if required:
            raise ProfileError(path, "missing")
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise ProfileError(path, "not_number")
    try:
        exact = Decimal(str(value))
    except InvalidOperation:
        raise ProfileError(path, "not_number") from None
    if not exact.is_finite():
        raise ProfileError(path, "not_number")
    if exact < 0:
        raise ProfileError(path, "negative")
    if exact % Decimal("0.1") != 0:
        raise ProfileError(path, "one_decimal")
    return float(exact)


def _time(data: Mapping[str, Any], key: str, path: str) -> datetime | None:
    value = data.get(key)
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        raise ProfileError(path, "not_datetime") from None
    # OCPP-J sends UTC; a time without an offset is read as UTC rather than refused.
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _choice(
    data: Mapping[str, Any], key: str, path: str, allowed: Iterable[str], *, required: bool = True
) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            raise ProfileError(path, "missing")
        return None
    if value not in allowed:
        raise ProfileError(path, "one_of", allowed=", ".join(allowed))
    return str(value)


def _periods(schedule: Mapping[str, Any]) -> tuple[SchedulePeriod, ...]:
    raw = schedule.get("chargingSchedulePeriod")
    path = "chargingSchedule.chargingSchedulePeriod"
    if not raw:
        raise ProfileError(path, "no_periods")
    periods: list[SchedulePeriod] = []
    for index, item in enumerate(raw):
        where = f"{path}[{index}]"
        if not isinstance(item, Mapping):
            raise ProfileError(where, "not_object")
        start = _integer(item, "startPeriod", f"{where}.startPeriod")
        assert start is not None
        if index == 0 and start != 0:
            raise ProfileError(f"{where}.startPeriod", "first_period")
        if periods and start <= periods[-1].start_s:
            raise ProfileError(f"{where}.startPeriod", "period_order")
        phases = _integer(item, "numberPhases", f"{where}.numberPhases", required=False)
        if phases is not None and phases not in (1, 2, 3):
            raise ProfileError(f"{where}.numberPhases", "phases")
        limit = _one_decimal(item, "limit", f"{where}.limit")
        assert limit is not None
        periods.append(SchedulePeriod(start, limit, phases))
    return tuple(periods)


def parse_profile(raw: Mapping[str, Any], *, received_at: datetime) -> ChargingProfile:
    """The structure of a csChargingProfiles dict (camelCase or snake_case keys); errors name the field.

    An Absolute profile without startSchedule starts when it was received (section 7.12 leaves it open),
    and that moment is stored with it so the schedule does not move after a restart. A startSchedule
    in a Relative profile is ignored: the transaction's start is its origin (section 3.13.3).
    """
    data = camel_keys(raw)
    profile_id = _integer(data, "chargingProfileId", "chargingProfileId")
    stack_level = _integer(data, "stackLevel", "stackLevel")
    assert profile_id is not None and stack_level is not None
    if stack_level < 0:
        raise ProfileError("stackLevel", "negative")
    purpose = _choice(data, "chargingProfilePurpose", "chargingProfilePurpose", PURPOSES)
    kind = _choice(data, "chargingProfileKind", "chargingProfileKind", (ABSOLUTE, RECURRING, RELATIVE))
    recurrency = _choice(data, "recurrencyKind", "recurrencyKind", tuple(CYCLES), required=False)
    schedule = data.get("chargingSchedule")
    if schedule is None:
        raise ProfileError("chargingSchedule", "missing")
    if not isinstance(schedule, Mapping):
        raise ProfileError("chargingSchedule", "not_object")
    unit = _choice(schedule, "chargingRateUnit", "chargingSchedule.chargingRateUnit", ("A", "W"))
    start = _time(schedule, "startSchedule", "chargingSchedule.startSchedule")
    duration = _integer(schedule, "duration", "chargingSchedule.duration", required=False)
    if duration is not None and duration < 0:
        raise ProfileError("chargingSchedule.duration", "negative")
    if kind == RECURRING:
        if recurrency is None:
            raise ProfileError("recurrencyKind", "needs_recurrency")
        if start is None:
            raise ProfileError("chargingSchedule.startSchedule", "needs_start")
    else:
        recurrency = None
    if kind == RELATIVE:
        start = None
    elif start is None:
        start = received_at
    valid_from = _time(data, "validFrom", "validFrom")
    valid_to = _time(data, "validTo", "validTo")
    if valid_from is not None and valid_to is not None and valid_to <= valid_from:
        raise ProfileError("validTo", "valid_to_before_from")
    assert purpose is not None and kind is not None and unit is not None
    return ChargingProfile(
        profile_id=profile_id,
        stack_level=stack_level,
        purpose=purpose,
        kind=kind,
        unit=unit,
        periods=_periods(schedule),
        recurrency=recurrency,
        transaction_id=_integer(data, "transactionId", "transactionId", required=False),
        valid_from=valid_from,
        valid_to=valid_to,
        start_schedule=start,
        duration_s=duration,
        min_rate=_one_decimal(
            schedule, "minChargingRate", "chargingSchedule.minChargingRate", required=False
        ),
    )


def check_profile(
    profile: ChargingProfile,
    connector_id: int,
    active_tx: int | None,
    *,
    limits: ProfileLimits,
    connectors: Iterable[int],
    now: datetime,
) -> None:
    """The checks that depend on where the profile goes and on the configuration (section 5.16)."""
    if connector_id != 0 and connector_id not in set(connectors):
        raise ProfileError("connectorId", "unknown_connector", connector=connector_id)
    if profile.purpose == CHARGE_POINT_MAX:
        if connector_id != 0:
            raise ProfileError("connectorId", "cp_max_connector")
        if profile.kind == RELATIVE:
            raise ProfileError("chargingProfileKind", "cp_max_relative")
    if profile.purpose == TX_PROFILE:
        # Section 3.13.1: a TxProfile can only be set while a transaction is active on the connector.
        if connector_id == 0:
            raise ProfileError("connectorId", "tx_on_zero")
        if active_tx is None:
            raise ProfileError("connectorId", "no_transaction", connector=connector_id)
        if profile.transaction_id is not None and profile.transaction_id != active_tx:
            raise ProfileError(
                "transactionId", "wrong_transaction", given=profile.transaction_id, active=active_tx
            )
    elif profile.transaction_id is not None:
        raise ProfileError("transactionId", "tx_id_not_tx_profile")
    if profile.valid_to is not None and profile.valid_to <= now:
        raise ProfileError("validTo", "valid_to_past")
    if profile.unit not in limits.allowed_units:
        raise ProfileError(
            "chargingSchedule.chargingRateUnit",
            "unit_not_allowed",
            status="NotSupported",
            unit=profile.unit,
            allowed=", ".join(sorted(limits.allowed_units)) or "none",
        )
    if len(profile.periods) > limits.max_periods:
        raise ProfileError(
            "chargingSchedule.chargingSchedulePeriod",
            "too_many_periods",
            count=len(profile.periods),
            limit=limits.max_periods,
        )
    if profile.stack_level > limits.max_stack_level:
        raise ProfileError(
            "stackLevel", "stack_level", level=profile.stack_level, limit=limits.max_stack_level
        )
