"""Ledger models the analytics keep: connector state timeline, balancer caps, contactor operations, link
health per day, the daily rollups per connector and per site, uptime exclusions and maintenance alarms.

Times are whole seconds since the Unix epoch (UTC) like the meter samples; a day starts at the station's
local midnight (`[ledger] utc_offset_h`). What each column means and how it is computed: docs/analytics.md.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, BigId, utc_now

# The timeline's states: what a driver finds at the connector (docs/analytics.md "State timeline").
CONNECTOR_STATES = ("available", "reserved", "occupied", "charging", "faulted", "offline", "unavailable")
# The reasons 23 CFR 680.116(b)(3) allows to exclude outage minutes from the uptime.
EXCLUSION_REASONS = (
    "utility_interruption",
    "vehicle_fault",
    "scheduled_maintenance",
    "vandalism",
    "natural_disaster",
    "outside_hours",
)
ALARM_KINDS = ("contactor_wear", "thermal_drift", "fault_rise", "meter_drift", "link_health")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class ConnectorStateSpan(Base):
    """One stretch of time a connector spent in one state; `ended_s` NULL while it lasts."""

    __tablename__ = "connector_states"
    __table_args__ = (
        CheckConstraint(_one_of("state", CONNECTOR_STATES), name="state_known"),
        CheckConstraint("ended_s IS NULL OR ended_s >= started_s", name="ordered"),
        Index("ix_connector_states_connector_started", "connector_id", "started_s"),
        Index("ix_connector_states_started", "started_s"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    connector_id: Mapped[int] = mapped_column(ForeignKey("connectors.id"))
    state: Mapped[str] = mapped_column(String(16))
    # Why: the fault ("RCD_TRIP"), the offline cause ("link", "station_down"), the operator's reason.
    detail: Mapped[str | None] = mapped_column(String(64))
    started_s: Mapped[int] = mapped_column(BigInteger)
    ended_s: Mapped[int | None] = mapped_column(BigInteger)


class UptimeExclusion(Base):
    """Time an operator shows was outside their control (23 CFR 680.116(b)(3)): outage in it is excluded."""

    __tablename__ = "uptime_exclusions"
    __table_args__ = (
        CheckConstraint(_one_of("reason", EXCLUSION_REASONS), name="reason_known"),
        CheckConstraint("ended_s > started_s", name="ordered"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    connector_id: Mapped[int | None] = mapped_column(ForeignKey("connectors.id"))  # NULL: every connector
    reason: Mapped[str] = mapped_column(String(24))
    started_s: Mapped[int] = mapped_column(BigInteger)
    ended_s: Mapped[int] = mapped_column(BigInteger)
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class BalancerCap(Base):
    """A stretch of time the load balancer offered a car less than it could take."""

    __tablename__ = "balancer_caps"
    __table_args__ = (Index("ix_balancer_caps_started", "started_s"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    connector_id: Mapped[int] = mapped_column(ForeignKey("connectors.id"))
    started_s: Mapped[int] = mapped_column(BigInteger)
    ended_s: Mapped[int | None] = mapped_column(BigInteger)
    wanted_mA: Mapped[int]  # the most the connector and car could take (the demand's cap)
    offered_min_mA: Mapped[int]  # the lowest the balancer offered during the stretch


class ContactorOperation(Base):
    """One opening of a connector's contactor and the current it broke (the wear model's input)."""

    __tablename__ = "contactor_operations"
    __table_args__ = (Index("ix_contactor_operations_connector_at", "connector_id", "at_s"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    connector_id: Mapped[int] = mapped_column(ForeignKey("connectors.id"))
    at_s: Mapped[int] = mapped_column(BigInteger)
    cycles: Mapped[int] = mapped_column(BigInteger)  # the firmware's persisted close counter then
    break_current_mA: Mapped[int]  # the highest phase current in the last status before it opened


class LinkDay(Base):
    """One charger's link over one local day: polls, failures and reconnections."""

    __tablename__ = "link_days"
    __table_args__ = ({"sqlite_with_rowid": False},)

    charger_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    day_s: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    polls: Mapped[int] = mapped_column(BigInteger, default=0)
    missed_polls: Mapped[int] = mapped_column(BigInteger, default=0)
    bad_frames: Mapped[int] = mapped_column(BigInteger, default=0)
    reconnects: Mapped[int] = mapped_column(default=0)


class ConnectorDay(Base):
    """One connector over one local day, rolled up by the analytics refresh once the day is over."""

    __tablename__ = "connector_days"
    __table_args__ = (Index("ix_connector_days_day", "day_s"), {"sqlite_with_rowid": False})

    connector_id: Mapped[int] = mapped_column(ForeignKey("connectors.id"), primary_key=True)
    day_s: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    sessions: Mapped[int]  # sessions started that day
    energy_Wh: Mapped[int] = mapped_column(BigInteger)  # from the hour rollups
    # Seconds in each timeline state, the outage (faulted, offline, unavailable) and the excluded part.
    available_s: Mapped[int]
    reserved_s: Mapped[int]
    occupied_s: Mapped[int]
    charging_s: Mapped[int]
    faulted_s: Mapped[int]
    offline_s: Mapped[int]
    unavailable_s: Mapped[int]
    unknown_s: Mapped[int]  # no span covers it (before the first record)
    excluded_s: Mapped[int]
    # Faults latched that day by kind (event log codes).
    rcd_trips: Mapped[int]
    ground_faults: Mapped[int]
    pilot_faults: Mapped[int]
    welded_contactors: Mapped[int]
    other_faults: Mapped[int]
    # Thermal: the median over the day's steady charging samples of (T - T_ambient) / I^2, and how many.
    thermal_k_mC_per_A2: Mapped[float | None] = mapped_column(Float)
    thermal_samples: Mapped[int]
    # Meter plausibility: the register's rise and V x I integrated over the same charging intervals.
    metered_Wh: Mapped[int] = mapped_column(BigInteger)
    vi_Wh: Mapped[float] = mapped_column(Float)
    # Contactor: the firmware counter at the day's last reading, operations recorded and their wear.
    contactor_cycles: Mapped[int | None] = mapped_column(BigInteger)
    contactor_operations: Mapped[int]
    contactor_wear: Mapped[float] = mapped_column(Float)  # equivalent rated operations


class SiteDay(Base):
    """The site over one local day: energy, peak demand against the limit, concurrency, balancer caps."""

    __tablename__ = "site_days"

    day_s: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    energy_Wh: Mapped[int] = mapped_column(BigInteger)
    peak_W: Mapped[int]  # the site's highest power in a minute (connectors' minute maxima summed)
    peak_at_s: Mapped[int | None] = mapped_column(BigInteger)
    limit_W: Mapped[int]  # the site limit then (configuration)
    sessions: Mapped[int]
    max_concurrent: Mapped[int]  # most sessions charging at once
    caps: Mapped[int]  # balancer caps that started that day
    capped_s: Mapped[int] = mapped_column(BigInteger)  # car-seconds capped that day
    refreshed_at: Mapped[datetime] = mapped_column(default=utc_now)


class MaintenanceAlarm(Base):
    """A predictive-maintenance alarm with its evidence; `cleared_at` once the evidence is gone."""

    __tablename__ = "maintenance_alarms"
    __table_args__ = (
        CheckConstraint(_one_of("kind", ALARM_KINDS), name="kind_known"),
        Index("ix_maintenance_alarms_open", "kind", "subject", "cleared_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))
    subject: Mapped[str] = mapped_column(String(40))  # connector name ("CP-01/1") or charger id
    raised_at: Mapped[datetime]
    cleared_at: Mapped[datetime | None]
    message: Mapped[str] = mapped_column(Text)
    evidence: Mapped[dict[str, Any]]
