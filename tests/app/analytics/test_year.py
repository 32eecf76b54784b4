"""A generated year of 16 connectors (tests/support/analytics_year.py): every analytics figure against the
same figure worked out here from what the generator wrote, by docs/analytics.md's definitions in plain
Python (not the analytics' code path), on SQLite and on the real PostgreSQL server; the injected
degradations raise their alarms and nothing else does."""

from __future__ import annotations

import io
import math
import os
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import analytics_year as year
import pytest
from analytics_year import YearTruth
from pypdf import PdfReader

from app.analytics import SITE, Analytics, Period, Scope, month_period, render_monthly_report
from app.config import AnalyticsSettings
from app.db import check_and_migrate, make_engine

pytest_plugins = ["db_fixtures"]

OFFSET = 8 * 3600
DAY = 86400
END = int(datetime(2026, 12, 1, tzinfo=UTC).timestamp()) - OFFSET  # 1 December 2026, local midnight
LIMIT_W = 3 * 63000 * 230 // 1000
OUTAGE = ("faulted", "offline", "unavailable")
ABNORMAL = {"EmergencyStop", "PowerLoss", "Reboot", "HardReset", "SoftReset", "Other"}
RESULTS: dict[str, dict[str, Any]] = {}  # back-end -> figures, so the two can be compared


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def station(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('year') / 'ledger.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_server").create_database(f"year_{os.getpid()}")
    engine = make_engine(url)
    check_and_migrate(engine)
    truth = year.generate(engine, end_s=END, utc_offset_s=OFFSET, busy=0.6)
    analytics = Analytics(
        engine,
        AnalyticsSettings(),
        utc_offset_s=OFFSET,
        site_limit_W=LIMIT_W,
        sample_interval_s=truth.sample_interval_s,
        clock=lambda: datetime.fromtimestamp(END + 3600, UTC),
    )
    report = analytics.refresh()
    try:
        yield request.param, engine, truth, analytics, report
    finally:
        engine.dispose()


def record(backend: str, key: str, figures: Any) -> None:
    """Keeps a back-end's figures; the second back-end to compute the same figures must get them all
    equal (floats to rounding: sums of floats may be added in another order)."""
    RESULTS.setdefault(backend, {})[key] = figures
    for other, results in RESULTS.items():
        if other != backend and key in results:
            assert _comparable(figures) == _comparable(results[key]), f"{key}: {backend} differs from {other}"


def _comparable(value: Any) -> Any:
    if isinstance(value, float):
        return pytest.approx(value, rel=1e-9)
    if hasattr(value, "__dataclass_fields__"):
        return {name: _comparable(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, tuple | list):
        return [_comparable(item) for item in value]
    if isinstance(value, dict):
        return {key: _comparable(item) for key, item in value.items()}
    return value


# -- the independent computations -------------------------------------------------------------------


def clip(a: int, b: int, lo: int, hi: int) -> int:
    return max(0, min(b, hi) - max(a, lo))


def local(ts_s: int) -> datetime:
    return datetime.fromtimestamp(ts_s + OFFSET, UTC)


def p90(values: list[int]) -> int:
    ordered = sorted(values)
    return ordered[-(-9 * len(ordered) // 10) - 1]


def ids_of(truth: YearTruth, scope: Scope) -> set[int]:
    return {
        c
        for c, name in truth.connectors.items()
        if scope == SITE or name == scope.connector or name.split("/")[0] == scope.charger
    }


def started_in(truth: YearTruth, ids: set[int], period: Period) -> list[dict[str, Any]]:
    return [
        s
        for s in truth.sessions
        if s["connector_id"] in ids and period.start_s <= s["started_at"].timestamp() < period.end_s
    ]


def state_seconds(truth: YearTruth, ids: set[int], period: Period) -> Counter[str]:
    seconds: Counter[str] = Counter()
    for span in truth.spans:
        if span["connector_id"] in ids:
            seconds[span["state"]] += clip(span["started_s"], span["ended_s"], period.start_s, period.end_s)
    return seconds


def excluded_seconds(truth: YearTruth, ids: set[int], period: Period) -> int:
    total = 0
    for span in truth.spans:
        if span["connector_id"] not in ids or span["state"] not in OUTAGE:
            continue
        for x in truth.exclusions:  # the generator's exclusions never overlap each other
            if x["connector_id"] in (None, span["connector_id"]):
                lo, hi = max(span["started_s"], x["started_s"]), min(span["ended_s"], x["ended_s"])
                total += clip(lo, hi, period.start_s, period.end_s)
    return total


def hour_energy(truth: YearTruth) -> Counter[int]:
    """Energy per hour: each sample's rise over the connector's previous sample, in the later's hour."""
    energy: Counter[int] = Counter()
    previous: dict[int, int] = {}
    for sample in sorted(truth.samples, key=lambda s: (s.connector_id, s.ts_s)):
        before = previous.get(sample.connector_id)
        if before is not None and sample.energy_Wh >= before:
            energy[sample.ts_s // 3600 * 3600] += sample.energy_Wh - before
        previous[sample.connector_id] = sample.energy_Wh
    return energy


YEAR = Period(END - 365 * DAY, END)
NOVEMBER = month_period("2026-11", OFFSET)
SCOPES = [SITE, Scope(charger="CP-03"), Scope(connector=year.THERMAL)]


# -- the figures ------------------------------------------------------------------------------------


@pytest.mark.parametrize("period", [YEAR, NOVEMBER], ids=["year", "november"])
@pytest.mark.parametrize("scope", SCOPES, ids=lambda s: s.label)
def test_usage(station: Any, scope: Scope, period: Period) -> None:
    backend, _, truth, analytics, _ = station
    ids = ids_of(truth, scope)
    usage = analytics.usage(scope, period, "month" if period == YEAR else "day")
    sessions = started_in(truth, ids, period)
    seconds = state_seconds(truth, ids, period)
    lengths = [int(s["stopped_at"].timestamp() - s["started_at"].timestamp()) for s in sessions]
    energies = [s["energy_Wh"] for s in sessions]
    paid = {p["session_id"] for p in truth.payments}
    assert usage.sessions == len(sessions)
    assert usage.energy_Wh == sum(energies)
    assert (usage.charging_s, usage.idle_s) == (seconds["charging"], seconds["occupied"])
    assert usage.known_s == sum(seconds.values())
    assert usage.occupancy_percent == pytest.approx(
        100 * (seconds["charging"] + seconds["occupied"]) / sum(seconds.values())
    )
    assert usage.length_mean_s == pytest.approx(sum(lengths) / len(lengths))
    assert (usage.length_p90_s, usage.energy_p90_Wh) == (p90(lengths), p90(energies))
    assert usage.energy_mean_Wh == pytest.approx(sum(energies) / len(energies))
    assert usage.unique_cards == len({s["id_tag"] for s in sessions if s["id"] not in paid})
    in_scope = {s["id"] for s in sessions}
    assert usage.unique_payers == len(
        {
            (p["card_brand"], p["card_last4"])
            for p in truth.payments
            if p["session_id"] in in_scope and p["method"] in ("card_present", "card")
        }
    )
    # The series: sessions by the bucket of their start, charging time split at the buckets' edges.
    bucket = (lambda t: local(t).strftime("%Y-%m")) if period == YEAR else (lambda t: local(t).strftime("%F"))
    by_bucket = Counter(bucket(int(s["started_at"].timestamp())) for s in sessions)
    assert [b.sessions for b in usage.series] == [by_bucket[bucket(b.start_s)] for b in usage.series]
    assert sum(b.charging_s for b in usage.series) == seconds["charging"]
    first = usage.series[0]
    assert first.charging_s == sum(
        clip(s["started_s"], s["ended_s"], first.start_s, usage.series[1].start_s)
        for s in truth.spans
        if s["connector_id"] in ids and s["state"] == "charging"
    )
    record(backend, f"usage {scope.label} {period}", usage)


@pytest.mark.parametrize("scope", SCOPES, ids=lambda s: s.label)
def test_revenue(station: Any, scope: Scope) -> None:
    backend, _, truth, analytics, _ = station
    ids = ids_of(truth, scope)
    revenue = analytics.revenue(scope, YEAR)
    sessions = started_in(truth, ids, YEAR)
    method = {p["session_id"]: p["method"] for p in truth.payments}
    in_scope = {s["id"] for s in sessions}
    payment_session = {p["id"]: p["session_id"] for p in truth.payments}
    refunds = sum(
        r["amount_minor"]
        for r in truth.refunds
        if r["requested_by"] != "station" and payment_session[r["payment_id"]] in in_scope
    )
    gross = sum(s["cost_total_minor"] for s in sessions)
    energy = sum(s["energy_Wh"] for s in sessions)
    assert (revenue.sessions, revenue.energy_Wh, revenue.gross_minor) == (len(sessions), energy, gross)
    assert revenue.tax_minor == sum(s["cost_tax_minor"] for s in sessions)
    assert revenue.net_minor == gross - revenue.tax_minor
    assert revenue.refunds_minor == refunds and refunds > 0
    assert revenue.price_per_kWh_minor == pytest.approx((gross - refunds) * 1000 / energy)
    assert revenue.idle_fee_minor == sum(
        line["amount_minor"]
        for line in truth.lines
        if line["kind"] == "idle" and line["session_id"] in in_scope
    )
    expected = Counter(method.get(s["id"], "rfid") for s in sessions)
    assert {m.method: m.sessions for m in revenue.by_method if m.sessions} == dict(expected)
    gross_by = Counter()
    for s in sessions:
        gross_by[method.get(s["id"], "rfid")] += s["cost_total_minor"]
    assert {m.method: m.gross_minor for m in revenue.by_method if m.sessions} == dict(gross_by)
    record(backend, f"revenue {scope.label}", revenue)


def test_load(station: Any) -> None:
    backend, _, truth, analytics, _ = station
    load = analytics.load(YEAR)
    energy = hour_energy(truth)
    cells: Counter[tuple[int, int]] = Counter()
    hours: Counter[tuple[int, int]] = Counter()
    for hour in range(YEAR.start_s, YEAR.end_s, 3600):
        key = (local(hour).weekday(), local(hour).hour)
        cells[key] += energy[hour]
        hours[key] += 1
    busy: Counter[tuple[int, int]] = Counter()
    for s in truth.sessions:
        a, b = int(s["started_at"].timestamp()), int(s["stopped_at"].timestamp())
        for hour in range(a // 3600 * 3600, b, 3600):
            busy[(local(hour).weekday(), local(hour).hour)] += clip(a, b, hour, hour + 3600)
    for cell in load.heat_map:
        key = (cell.weekday, cell.hour)
        assert cell.energy_Wh == cells[key]
        assert cell.mean_power_W == pytest.approx(cells[key] / hours[key])
        assert cell.mean_sessions == pytest.approx(busy[key] / (3600 * hours[key]))
    # Site peak: per minute the connectors' power summed (one sample each per minute at this period).
    minute: Counter[int] = Counter()
    for sample in truth.samples:
        minute[sample.ts_s // 60 * 60] += sample.power_W
    peaks: dict[int, tuple[int, int]] = {}
    for at in sorted(minute):
        day = (at + OFFSET) // DAY * DAY - OFFSET
        if minute[at] > peaks.get(day, (0, 0))[0]:
            peaks[day] = (minute[at], at)
    assert len(load.peak_days) == 365
    for peak in load.peak_days:
        assert (peak.peak_W, peak.peak_at_s) == peaks.get(peak.day_s, (0, None))
        assert peak.limit_W == LIMIT_W
    caps = {c.connector: c for c in load.caps}
    for connector_id, name in truth.connectors.items():
        mine = [c for c in truth.caps if c["connector_id"] == connector_id]
        assert caps[name].caps == len(mine)
        assert caps[name].capped_s == sum(c["ended_s"] - c["started_s"] for c in mine)
    record(backend, "load", load)


@pytest.mark.parametrize("name", sorted({year.THERMAL, year.WORN, year.TRIPPING, "CP-08/2"}))
def test_uptime_monthly_and_rolling(station: Any, name: str) -> None:
    backend, _, truth, analytics, _ = station
    ids = ids_of(truth, Scope(connector=name))
    for period in (NOVEMBER, YEAR):
        uptime = analytics.uptime(Scope(connector=name), period)
        seconds = state_seconds(truth, ids, period)
        outage = sum(seconds[s] for s in OUTAGE)
        excluded = excluded_seconds(truth, ids, period)
        known = sum(seconds.values())
        assert (uptime.known_s, uptime.outage_s, uptime.excluded_s) == (known, outage, excluded)
        assert uptime.percent == pytest.approx(100 * (known - (outage - excluded)) / known)
        assert uptime.percent < 100.0 or period == NOVEMBER  # every one had an outage in the year
        record(backend, f"uptime {name} {period}", uptime)


def test_reliability(station: Any) -> None:
    backend, _, truth, analytics, _ = station
    reliability = analytics.reliability(SITE, YEAR)
    assert reliability.sessions == len(truth.sessions)
    assert reliability.successful == sum(
        1 for s in truth.sessions if s["energy_Wh"] > 0 and s["stop_reason"] not in ABNORMAL
    )
    codes = Counter(f["code"] for f in truth.faults)
    assert reliability.faults == dict(codes)
    assert reliability.per_100_sessions("RCD_TRIP") == pytest.approx(
        100 * codes["RCD_TRIP"] / len(truth.sessions)
    )
    record(backend, "reliability", reliability)


def test_the_injected_degradations_alarm_and_nothing_else(station: Any) -> None:
    backend, _, truth, analytics, report = station
    assert {(a.kind, a.subject) for a in report.raised} == {
        ("thermal_drift", year.THERMAL),
        ("contactor_wear", year.WORN),
        ("meter_drift", year.DRIFTING),
        ("link_health", year.FLAKY_CHARGER),
        ("fault_rise", f"{year.TRIPPING} RCD_TRIP"),
    }
    maintenance = analytics.maintenance()
    assert {(a.kind, a.subject) for a in maintenance.alarms} == {(a.kind, a.subject) for a in report.raised}
    # Contactor wear by docs/analytics.md: unseen operations at 1, each seen one at max((I/40 A)^2, 0.1).
    worn_id = next(c for c, n in truth.connectors.items() if n == year.WORN)
    operations = [o for o in truth.operations if o["connector_id"] == worn_id]
    wear = (
        operations[0]["cycles"] - 1 + sum(max((o["break_current_mA"] / 40000) ** 2, 0.1) for o in operations)
    )
    contactor = next(c for c in maintenance.contactors if c.connector == year.WORN)
    assert contactor.life_used_percent == pytest.approx(100 * wear / 100000)
    assert 84 < contactor.life_used_percent < 86
    recent = sum(
        max((o["break_current_mA"] / 40000) ** 2, 0.1) for o in operations if o["at_s"] >= END - 30 * DAY
    )
    assert contactor.replace_by_s == END - DAY + math.ceil((100000 - wear) / (recent / 30)) * DAY
    thermal = {t.connector: t for t in maintenance.thermal}
    assert thermal[year.THERMAL].ratio is not None and 1.2 <= thermal[year.THERMAL].ratio < 1.35
    for name, trend in thermal.items():
        assert trend.recent_k == pytest.approx(10.0, rel=0.06) or name == year.THERMAL
        assert trend.baseline_k == pytest.approx(10.0, rel=0.06)
    meters = {m.connector: m.drift_percent for m in maintenance.meters}
    assert meters[year.DRIFTING] == pytest.approx(6.0, abs=0.2)
    assert all(abs(drift or 0) < 0.5 for name, drift in meters.items() if name != year.DRIFTING)
    links = {link.charger: link for link in maintenance.links}
    flaky = [
        d for d in truth.link_days if d["charger_id"] == year.FLAKY_CHARGER and d["day_s"] >= END - 7 * DAY
    ]
    assert links[year.FLAKY_CHARGER].reconnects == sum(d["reconnects"] for d in flaky)
    record(backend, "maintenance", maintenance)


def test_the_monthly_report_prints_the_figures(station: Any) -> None:
    _, _, truth, analytics, _ = station
    pdf = render_monthly_report(analytics, "2026-11", "Year Station", "en")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    sessions = started_in(truth, set(truth.connectors), NOVEMBER)
    energy = sum(s["energy_Wh"] for s in sessions)
    gross = sum(s["cost_total_minor"] for s in sessions)
    assert f"{energy / 1000:,.3f} kWh" in text
    assert f"RM {gross / 100:,.2f}" in text
    assert "Contactor wear" in text and year.WORN in text
