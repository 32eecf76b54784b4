"""`Analytics`: the queries a face draws and the refresh that rolls days up and raises alarms.

Every method blocks on the database: the kiosk and the web call them from a worker thread, and the
refresher runs `refresh` in one (docs/analytics.md).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Connection, Engine, insert, select

from app.analytics import alarms, day_store, load_uptime, maintenance, usage_revenue
from app.analytics.daily import STATE_COLUMNS, DayInputs
from app.analytics.figures import (
    SITE,
    DayRow,
    Granularity,
    Load,
    Maintenance,
    Period,
    RefreshReport,
    Reliability,
    Revenue,
    Scope,
    SessionRow,
    StateSpan,
    Uptime,
    Usage,
)
from app.analytics.periods import DAY_S, day_start
from app.config import NOMINAL_VOLTAGE_V, AnalyticsSettings, StationConfig
from app.db import EXCLUSION_REASONS, Charger, Connector, UptimeExclusion, read_only, session_factory, utc_now

REFRESH_CHUNK_DAYS = 31  # a long catch-up commits month by month, so the ledger's writer is never held long


def site_limit_W(config: StationConfig) -> int:
    """The site limit in watts: the three phases' limits at the nominal voltage (docs/analytics.md)."""
    return sum(config.site.limit_mA) * NOMINAL_VOLTAGE_V // 1000


class UnknownScopeError(ValueError):
    """A connector or charger the ledger does not know."""


class Analytics:
    """Read-only queries over the ledger, and the daily refresh of its own rollups and alarms."""

    def __init__(
        self,
        engine: Engine,
        settings: AnalyticsSettings,
        *,
        utc_offset_s: int,
        site_limit_W: int,
        sample_interval_s: float = 10.0,
        currency: str = "MYR",
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.utc_offset_s = utc_offset_s
        self.site_limit_W = site_limit_W
        self.sample_interval_s = sample_interval_s
        self.currency = currency
        self.clock = clock

    @classmethod
    def for_config(
        cls, engine: Engine, config: StationConfig, clock: Callable[[], datetime] = utc_now
    ) -> Analytics:
        """The analytics of a station's configuration: its time zone, site limit, sample period, currency."""
        return cls(
            engine,
            config.analytics,
            utc_offset_s=config.ledger.utc_offset_h * 3600,
            site_limit_W=site_limit_W(config),
            sample_interval_s=config.ledger.sample_interval_s,
            currency=config.tariff.currency if config.tariff is not None else "MYR",
            clock=clock,
        )

    # -- helpers --------------------------------------------------------------------------------------

    def _reading(self) -> Connection:
        # Core rows, not ORM objects: a year's sessions are tens of thousands of rows.
        return read_only(self.engine).connect()

    def _now_s(self) -> int:
        return int(self.clock().timestamp())

    def _inputs(
        self, db: Connection, names: dict[int, str] | None = None, now_s: int | None = None
    ) -> DayInputs:
        return DayInputs(
            connectors=names if names is not None else self._names(db, Scope()),
            utc_offset_s=self.utc_offset_s,
            now_s=self._now_s() if now_s is None else now_s,
            sample_interval_s=self.sample_interval_s,
            settings=self.settings,
        )

    @staticmethod
    def _names(db: Connection, scope: Scope) -> dict[int, str]:
        c = Connector
        query = select(c.id, c.name)
        if scope.connector is not None:
            query = query.where(c.name == scope.connector)
        elif scope.charger is not None:
            query = query.where(c.charger_id == scope.charger)
        names = {connector_id: name for connector_id, name in db.execute(query)}
        if not names and (scope.connector is not None or scope.charger is not None):
            raise UnknownScopeError(f"no such {'connector' if scope.connector else 'charger'}: {scope.label}")
        return names

    def connectors(self) -> list[str]:
        with self._reading() as db:
            return sorted(self._names(db, Scope()).values())

    def chargers(self) -> list[str]:
        with self._reading() as db:
            return sorted(c for (c,) in db.execute(select(Charger.id).where(Charger.retired_at.is_(None))))

    # -- queries --------------------------------------------------------------------------------------

    def usage(self, scope: Scope, period: Period, granularity: Granularity | None = None) -> Usage:
        with self._reading() as db:
            names = self._names(db, scope)
            inputs = self._inputs(db, names)
            days = day_store.day_sums(db, period, inputs, list(STATE_COLUMNS.values()))
            return usage_revenue.usage(
                db,
                scope,
                list(names),
                period,
                days,
                granularity=granularity,
                offset=self.utc_offset_s,
                now_s=inputs.now_s,
            )

    def revenue(self, scope: Scope, period: Period) -> Revenue:
        with self._reading() as db:
            names = self._names(db, scope)
            return usage_revenue.revenue(db, scope, list(names), period, self.currency)

    def load(self, period: Period, scope: Scope = SITE) -> Load:
        """The heat maps and balancer caps of the scope's connectors; the peak days are the site's."""
        with self._reading() as db:
            names = self._names(db, Scope())
            inputs = self._inputs(db, names)
            site = day_store.site_rows(db, period, inputs, self.site_limit_W)
            scoped = self._names(db, scope)
            return load_uptime.load(db, scope, scoped, period, site, self.utc_offset_s, inputs.now_s)

    def uptime(self, scope: Scope, period: Period) -> Uptime:
        with self._reading() as db:
            names = self._names(db, scope)
            columns = [*STATE_COLUMNS.values(), "excluded_s"]
            totals = day_store.day_totals(db, period, self._inputs(db, names), columns)
            return load_uptime.uptime(scope, period, totals)

    def timeline(self, connector: str, period: Period) -> tuple[StateSpan, ...]:
        with self._reading() as db:
            (connector_id,) = self._names(db, Scope(connector=connector))
            return load_uptime.timeline(db, connector_id, period, self._now_s())

    def reliability(self, scope: Scope, period: Period) -> Reliability:
        with self._reading() as db:
            return load_uptime.reliability(db, scope, self._names(db, scope), period)

    def session_rows(self, period: Period) -> list[SessionRow]:
        with self._reading() as db:
            return usage_revenue.session_rows(db, self._names(db, Scope()), period)

    def day_rows(self, period: Period) -> list[DayRow]:
        with self._reading() as db:
            names = self._names(db, Scope())
            inputs = self._inputs(db, names)
            days = day_store.day_rows(db, period, inputs)
            gross = usage_revenue.gross_by_day(db, list(names), period, self.utc_offset_s)
            rows = [_day_row(d, names, gross) for d in days]
            return sorted(rows, key=lambda row: (row.day_s, row.connector))

    def maintenance(self) -> Maintenance:
        """The models as of the last refreshed day, with the open alarms."""
        with self._reading() as db:
            end = day_store.refreshed_until(db) or day_start(self._now_s(), self.utc_offset_s)
            names = self._names(db, Scope())
            return Maintenance(
                as_of_s=end - DAY_S,
                contactors=maintenance.contactor_wear(db, names, end, self.settings, self.utc_offset_s),
                thermal=maintenance.thermal(db, names, end, self.utc_offset_s),
                faults=maintenance.faults(db, names, end),
                meters=maintenance.meters(db, names, end),
                links=maintenance.links(db, self.chargers(), end),
                alarms=tuple(alarms.open_alarms(db)),
            )

    # -- what an operator records -----------------------------------------------------------------------

    def add_exclusion(
        self,
        connector: str | None,
        reason: str,
        start_s: int,
        end_s: int,
        *,
        note: str = "",
        created_by: str,
    ) -> int:
        """Records outage time outside the operator's control (23 CFR 680.116(b)(3)) for one connector or
        all (None), and rolls the days it touches up again in the same transaction, so the uptime of
        days already refreshed counts it at once. Returns the exclusion's id."""
        if reason not in EXCLUSION_REASONS:
            raise ValueError(f"reason: one of {', '.join(EXCLUSION_REASONS)}, got {reason!r}")
        if end_s <= start_s:
            raise ValueError("the exclusion must end after it starts")
        with self.engine.begin() as connection:
            connector_id = None
            if connector is not None:
                (connector_id,) = self._names(connection, Scope(connector=connector))
            row_id = connection.execute(
                insert(UptimeExclusion)
                .values(
                    connector_id=connector_id,
                    reason=reason,
                    started_s=start_s,
                    ended_s=end_s,
                    note=note,
                    created_by=created_by,
                    created_at=self.clock(),
                )
                .returning(UptimeExclusion.id)
            ).scalar_one()
            done = day_store.refreshed_until(connection)
            first = day_start(start_s, self.utc_offset_s)
            if done is not None and first < done:
                last = min(done, day_start(end_s - 1, self.utc_offset_s) + DAY_S)
                day_store.store_days(connection, first, last, self._inputs(connection), self.site_limit_W)
            return int(row_id)

    # -- the refresh ----------------------------------------------------------------------------------

    def refresh(self, now: datetime | None = None) -> RefreshReport:
        """Rolls every complete local day not yet done up, then evaluates the maintenance models."""
        began = time.perf_counter()
        now = now or self.clock()
        now_s = int(now.timestamp())
        today = day_start(now_s, self.utc_offset_s)
        written = 0
        with self._reading() as db:
            start = day_store.refreshed_until(db) or day_store.first_record_day(db, self.utc_offset_s)
        while start is not None and start < today:
            end = min(today, start + REFRESH_CHUNK_DAYS * DAY_S)
            with self.engine.begin() as connection:
                written += day_store.store_days(
                    connection, start, end, self._inputs(connection, now_s=now_s), self.site_limit_W
                )
            start = end
        report = self.maintenance()
        findings = maintenance.findings(
            report.contactors, report.thermal, report.faults, report.meters, report.links, self.settings
        )
        with session_factory(self.engine).begin() as db:
            raised, cleared = alarms.synchronise(db, findings, now)
        return RefreshReport(
            days=written, duration_s=time.perf_counter() - began, raised=tuple(raised), cleared=tuple(cleared)
        )


def _day_row(day: dict[str, object], names: dict[int, str], gross: dict[tuple[int, int], int]) -> DayRow:
    def number(key: str) -> int:
        value = day[key]
        assert isinstance(value, int)
        return value

    connector_id, day_s = number("connector_id"), number("day_s")
    outage = number("faulted_s") + number("offline_s") + number("unavailable_s")
    up = number("available_s") + number("reserved_s") + number("occupied_s") + number("charging_s")
    faults = sum(
        number(k) for k in ("rcd_trips", "ground_faults", "pilot_faults", "welded_contactors", "other_faults")
    )
    return DayRow(
        day_s=day_s,
        connector=names[connector_id],
        sessions=number("sessions"),
        energy_Wh=number("energy_Wh"),
        charging_s=number("charging_s"),
        idle_s=number("occupied_s"),
        known_s=up + outage,
        outage_s=outage,
        excluded_s=number("excluded_s"),
        faults=faults,
        gross_minor=gross.get((connector_id, day_s), 0),
    )
