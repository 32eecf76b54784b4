"""What the analytics compute: plain frozen dataclasses a face can draw or a report can print.

Definitions of every figure: docs/analytics.md. Energy in Wh, money in minor units, durations in
seconds, times in epoch seconds (UTC) unless a name says local.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Granularity = Literal["hour", "day", "week", "month"]


def nevi_uptime_percent(known_s: int, outage_s: int, excluded_s: int) -> float:
    """23 CFR 680.116(b): 100 x (P - (T_outage - T_excluded)) / P over the known time (docs/analytics.md)."""
    if known_s <= 0:
        return 100.0
    return 100.0 * (known_s - (outage_s - excluded_s)) / known_s


@dataclass(frozen=True, slots=True)
class Scope:
    """One connector (its name, "CP-01/1"), one charger (its id) or the whole site (both None)."""

    connector: str | None = None
    charger: str | None = None

    @property
    def label(self) -> str:
        return self.connector or self.charger or "site"


SITE = Scope()


@dataclass(frozen=True, slots=True)
class Period:
    """Whole local days [start_s, end_s): both are local midnights as epoch seconds."""

    start_s: int
    end_s: int

    @property
    def seconds(self) -> int:
        return self.end_s - self.start_s


@dataclass(frozen=True, slots=True)
class UsageBucket:
    start_s: int  # local start of the hour, day, week or month
    sessions: int
    energy_Wh: int
    charging_s: int


@dataclass(frozen=True, slots=True)
class Usage:
    scope: Scope
    period: Period
    sessions: int
    energy_Wh: int
    charging_s: int
    idle_s: int
    known_s: int
    occupancy_percent: float
    length_mean_s: float
    length_p90_s: float
    energy_mean_Wh: float
    energy_p90_Wh: float
    unique_cards: int
    unique_payers: int
    series: tuple[UsageBucket, ...] = ()


@dataclass(frozen=True, slots=True)
class MethodRevenue:
    method: str  # rfid, card_present, card, fpx, grabpay
    sessions: int
    energy_Wh: int
    gross_minor: int


@dataclass(frozen=True, slots=True)
class Revenue:
    scope: Scope
    period: Period
    currency: str
    sessions: int
    energy_Wh: int
    gross_minor: int
    tax_minor: int
    net_minor: int
    refunds_minor: int
    price_per_kWh_minor: float
    idle_fee_minor: int
    by_method: tuple[MethodRevenue, ...]


@dataclass(frozen=True, slots=True)
class HeatCell:
    weekday: int  # 0 Monday .. 6 Sunday
    hour: int  # local hour 0..23
    energy_Wh: int
    mean_power_W: float
    mean_sessions: float


@dataclass(frozen=True, slots=True)
class SitePeakDay:
    day_s: int
    peak_W: int
    peak_at_s: int | None
    limit_W: int
    max_concurrent: int

    @property
    def peak_percent(self) -> float:
        return 100.0 * self.peak_W / self.limit_W if self.limit_W else 0.0


@dataclass(frozen=True, slots=True)
class ConnectorCaps:
    connector: str
    caps: int
    capped_s: int


@dataclass(frozen=True, slots=True)
class Load:
    period: Period
    scope: Scope
    heat_map: tuple[HeatCell, ...]  # 168 cells, weekday-major
    peak_days: tuple[SitePeakDay, ...]
    caps: tuple[ConnectorCaps, ...]

    @property
    def capped_s(self) -> int:
        return sum(c.capped_s for c in self.caps)


@dataclass(frozen=True, slots=True)
class StateSpan:
    state: str
    detail: str | None
    start_s: int
    end_s: int  # clipped to the period (or now)


@dataclass(frozen=True, slots=True)
class Uptime:
    scope: Scope
    period: Period
    known_s: int
    outage_s: int
    excluded_s: int
    state_s: dict[str, int]  # seconds per timeline state

    @property
    def percent(self) -> float:
        return nevi_uptime_percent(self.known_s, self.outage_s, self.excluded_s)


@dataclass(frozen=True, slots=True)
class Reliability:
    scope: Scope
    period: Period
    sessions: int
    successful: int
    faults: dict[str, int]  # fault code -> latched in the period

    @property
    def success_percent(self) -> float:
        return 100.0 * self.successful / self.sessions if self.sessions else 100.0

    def per_100_sessions(self, code: str) -> float:
        return 100.0 * self.faults.get(code, 0) / self.sessions if self.sessions else 0.0


@dataclass(frozen=True, slots=True)
class ContactorWear:
    connector: str
    operations: int  # recorded
    unseen_operations: int  # counted at rated current
    wear: float  # equivalent rated operations
    life_used_percent: float
    rate_per_day: float  # equivalent operations per day, last 30 days
    replace_by_s: int | None  # forecast local day


@dataclass(frozen=True, slots=True)
class ThermalTrend:
    connector: str
    baseline_k: float | None  # milli-degC per A^2
    recent_k: float | None
    weekly: tuple[tuple[int, float], ...]  # (local week start, median k)

    @property
    def ratio(self) -> float | None:
        if self.baseline_k is None or self.recent_k is None or self.baseline_k <= 0:
            return None
        return self.recent_k / self.baseline_k


@dataclass(frozen=True, slots=True)
class FaultTrend:
    connector: str
    code: str
    recent: int  # last 30 days
    usual: float  # per 30 days over the 180 days before


@dataclass(frozen=True, slots=True)
class MeterPlausibility:
    connector: str
    metered_Wh: int
    vi_Wh: float

    @property
    def drift_percent(self) -> float | None:
        return 100.0 * (self.metered_Wh / self.vi_Wh - 1.0) if self.vi_Wh > 0 else None


@dataclass(frozen=True, slots=True)
class LinkHealth:
    charger: str
    polls: int
    missed_polls: int
    reconnects: int
    days: int

    @property
    def missed_percent(self) -> float:
        total = self.polls + self.missed_polls
        return 100.0 * self.missed_polls / total if total else 0.0

    @property
    def reconnects_per_day(self) -> float:
        return self.reconnects / self.days if self.days else 0.0


@dataclass(frozen=True, slots=True)
class Alarm:
    kind: str
    subject: str
    raised_at_s: int
    cleared_at_s: int | None
    message: str
    evidence: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Maintenance:
    as_of_s: int  # the last day the models looked at (local midnight)
    contactors: tuple[ContactorWear, ...]
    thermal: tuple[ThermalTrend, ...]
    faults: tuple[FaultTrend, ...]
    meters: tuple[MeterPlausibility, ...]
    links: tuple[LinkHealth, ...]
    alarms: tuple[Alarm, ...]  # open ones


@dataclass(frozen=True, slots=True)
class SessionRow:
    """One session as the CSV report lists it."""

    session_id: int
    transaction_ref: int
    connector: str
    started_at_s: int
    stopped_at_s: int | None
    id_tag: str | None
    method: str  # rfid, card_present, card, fpx, grabpay
    energy_Wh: int
    gross_minor: int
    tax_minor: int
    idle_fee_minor: int
    refunded_minor: int
    currency: str
    stop_reason: str | None


@dataclass(frozen=True, slots=True)
class DayRow:
    """One connector over one local day as the CSV report lists it (from connector_days)."""

    day_s: int
    connector: str
    sessions: int
    energy_Wh: int
    charging_s: int
    idle_s: int
    known_s: int
    outage_s: int
    excluded_s: int
    faults: int
    gross_minor: int

    @property
    def uptime_percent(self) -> float:
        return nevi_uptime_percent(self.known_s, self.outage_s, self.excluded_s)


@dataclass(frozen=True, slots=True)
class RefreshReport:
    """What one refresh did."""

    days: int  # days rolled up
    duration_s: float
    raised: tuple[Alarm, ...]
    cleared: tuple[Alarm, ...]
