"""The monthly PDF report from hand-built figures: pypdf's extracted text holds the figures passed in
(kWh, RM amounts, uptime %, alarms and their evidence), in English and in Malay."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from app.analytics.figures import (
    Alarm,
    ContactorWear,
    HeatCell,
    Load,
    Maintenance,
    MethodRevenue,
    Period,
    Reliability,
    Revenue,
    Scope,
    SitePeakDay,
    Uptime,
    Usage,
    UsageBucket,
)
from app.analytics.periods import DAY_S, month_period
from app.analytics.report_pdf import render_monthly_report

OFFSET = 8 * 3600
NOVEMBER = month_period("2026-11", OFFSET)
PREPARED = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)


class HandBuilt:
    """The Analytics queries answered from figures written here; records the periods asked for."""

    utc_offset_s = OFFSET

    def __init__(self) -> None:
        self.asked: list[tuple[str, Scope, Period]] = []

    def connectors(self) -> list[str]:
        return ["CP-01/1", "CP-02/1"]

    def usage(self, scope: Scope, period: Period, granularity: object = None) -> Usage:
        assert granularity == "day"
        series = tuple(
            UsageBucket(start_s=day, sessions=3, energy_Wh=10_000 + 1000 * i, charging_s=3 * 3600)
            for i, day in enumerate(range(period.start_s, period.end_s, DAY_S))
        )
        return Usage(
            scope=scope,
            period=period,
            sessions=90,
            energy_Wh=1_234_567,
            charging_s=270 * 3600,
            idle_s=36 * 3600,
            known_s=2 * 30 * DAY_S,
            occupancy_percent=21.25,
            length_mean_s=5400,
            length_p90_s=9000,
            energy_mean_Wh=13_717.4,
            energy_p90_Wh=25_000,
            unique_cards=17,
            unique_payers=23,
            series=series,
        )

    def revenue(self, scope: Scope, period: Period) -> Revenue:
        return Revenue(
            scope=scope,
            period=period,
            currency="MYR",
            sessions=90,
            energy_Wh=1_234_567,
            gross_minor=123_456,
            tax_minor=6_988,
            net_minor=116_468,
            refunds_minor=1_250,
            price_per_kWh_minor=99.0,
            idle_fee_minor=4_500,
            by_method=(
                MethodRevenue("rfid", 40, 600_000, 55_000),
                MethodRevenue("card_present", 30, 400_000, 43_456),
                MethodRevenue("fpx", 20, 234_567, 25_000),
            ),
        )

    def load(self, period: Period) -> Load:
        cells = tuple(
            HeatCell(w, h, energy_Wh=100 * h, mean_power_W=250.0 * h + 100 * w, mean_sessions=h / 24)
            for w in range(7)
            for h in range(24)
        )
        peaks = (SitePeakDay(period.start_s + 4 * DAY_S, 43_210, None, 66_240, 4),)
        return Load(period=period, scope=Scope(), heat_map=cells, peak_days=peaks, caps=())

    def uptime(self, scope: Scope, period: Period) -> Uptime:
        self.asked.append(("uptime", scope, period))
        yearly = period.seconds > 31 * DAY_S
        known = period.seconds
        outage = {"CP-01/1": 19_800, "CP-02/1": 0, None: 19_800}[scope.connector]
        if yearly:
            outage += 3 * 3600
        excluded = 5_400 if scope.connector != "CP-02/1" else 0
        return Uptime(scope, period, known, outage, excluded, {})

    def reliability(self, scope: Scope, period: Period) -> Reliability:
        return Reliability(scope, period, sessions=90, successful=87, faults={"GROUND_FAULT": 2})

    def maintenance(self) -> Maintenance:
        alarm = Alarm(
            kind="contactor_wear",
            subject="CP-01/1",
            raised_at_s=NOVEMBER.start_s + 10 * DAY_S,
            cleared_at_s=None,
            message="CP-01/1: contactor at 87.5 % of its rated life",
            evidence={
                "life_used_percent": 87.5,
                "operations": 43_210,
                "replace_by_s": NOVEMBER.end_s + 40 * DAY_S,
            },
        )
        wear = ContactorWear("CP-01/1", 43_210, 12, 87_500.0, 87.5, 30.0, NOVEMBER.end_s + 40 * DAY_S)
        return Maintenance(NOVEMBER.end_s - DAY_S, (wear,), (), (), (), (), (alarm,))


def extract(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    # Drawn strings can come out with their glyph runs split by spaces; squash whitespace for matching.
    return re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in reader.pages))


@pytest.fixture(scope="module")
def english() -> str:
    source = HandBuilt()
    pdf = render_monthly_report(source, "2026-11", "Stesen Ujian Shah Alam", "en", prepared_at=PREPARED)
    assert pdf.startswith(b"%PDF-")
    return extract(pdf)


@pytest.fixture(scope="module")
def malay() -> str:
    pdf = render_monthly_report(HandBuilt(), "2026-11", "Stesen Ujian Shah Alam", "ms", prepared_at=PREPARED)
    return extract(pdf)


def test_english_report_holds_the_figures(english: str) -> None:
    assert "Monthly report" in english
    assert "Stesen Ujian Shah Alam: November 2026" in english
    assert "2026-11-01 to 2026-11-30" in english
    assert "1,234.567 kWh" in english  # energy delivered
    assert "RM 1,234.56" in english  # gross
    assert "RM 69.88" in english  # tax
    assert "RM 1,164.68" in english  # net
    assert "RM 12.50" in english  # refunds
    assert "RM 45.00" in english  # idle fees
    assert "RM 434.56" in english  # card at the station
    assert "Card at the station" in english and "FPX online banking" in english
    assert "96.7 %" in english  # success: 87 of 90
    assert "ground fault 2" in english
    # Uptime, CP-01/1: (2,592,000 - (19,800 - 5,400)) / 2,592,000 = 99.44 %; the 12 months add 3 h.
    assert "99.44 %" in english
    assert "100.00 %" in english  # CP-02/1
    assert "43.210 kW on 2026-11-05 (65.2 % of the site limit)" in english
    assert "Contactor wear" in english and "life used %: 87.5" in english
    assert "replace by: 2027-01-10" in english


def test_malay_report_is_in_malay(malay: str) -> None:
    for words in (
        "Laporan bulanan",
        "November 2026",
        "Penggunaan",
        "Hasil",
        "Masa operasi",
        "Penyelenggaraan ramalan",
        "Tenaga dibekalkan",
        "Kad di stesen",
        "Kehausan sesentuh",
        "hayat digunakan %: 87.5",
        "kerosakan bumi 2",
        "Halaman 1",
    ):
        assert words in malay, words
    assert "1,234.567 kWh" in malay and "RM 1,234.56" in malay and "99.44 %" in malay
    assert "Monthly report" not in malay and "Usage" not in malay


def test_rolling_uptime_asks_for_the_twelve_months_ending_with_the_month() -> None:
    source = HandBuilt()
    render_monthly_report(source, "2026-11", "S", "en", prepared_at=PREPARED)
    periods = {period for kind, _, period in source.asked}
    year = month_period("2025-12", OFFSET).start_s
    assert periods == {NOVEMBER, Period(year, NOVEMBER.end_s)}


def test_same_figures_same_bytes() -> None:
    one = render_monthly_report(HandBuilt(), "2026-11", "S", "ms", prepared_at=PREPARED)
    two = render_monthly_report(HandBuilt(), "2026-11", "S", "ms", prepared_at=PREPARED)
    assert one == two


def test_bad_month_is_refused() -> None:
    with pytest.raises(ValueError, match="YYYY-MM"):
        render_monthly_report(HandBuilt(), "11-2026", "S", "en")


class QuietMonth(HandBuilt):
    """A month with no load recorded, no peak and no open alarm."""

    def load(self, period: Period) -> Load:
        cells = tuple(HeatCell(w, h, 0, 0.0, 0.0) for w in range(7) for h in range(24))
        peaks = (SitePeakDay(period.start_s, 0, None, 66_240, 0),)
        return Load(period=period, scope=Scope(), heat_map=cells, peak_days=peaks, caps=())

    def maintenance(self) -> Maintenance:
        return Maintenance(NOVEMBER.end_s - DAY_S, (), (), (), (), (), ())


def test_quiet_month_says_no_alarms_and_no_peak() -> None:
    english = extract(render_monthly_report(QuietMonth(), "2026-11", "S", "en", prepared_at=PREPARED))
    assert "No open alarms." in english and "Highest site peak" not in english
    malay = extract(render_monthly_report(QuietMonth(), "2026-11", "S", "ms", prepared_at=PREPARED))
    assert "Tiada amaran terbuka." in malay
