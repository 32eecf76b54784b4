"""Worked examples of session costs that a reviewer can check by hand; the arithmetic is in the comments.

All sessions are in the station's zone, Asia/Kuala_Lumpur (UTC+8, no daylight saving). 5 March 2025
is a Wednesday, 7 March a Friday. Money in sen (1/100 RM); rates in cminor (1/100 sen).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from app.tariffs import SessionUsage, UsageError, compute_cost, tariff_from_dict, window_at

KL = ZoneInfo("Asia/Kuala_Lumpur")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 3, day, hour, minute, tzinfo=KL)


def tariff(**overrides: Any) -> Any:
    return tariff_from_dict({"energy_price_per_kWh": "0.60", "tax_rate_bp": 0, **overrides})


def test_plain_per_kWh_session_with_sst_included() -> None:
    # Wed 10:00-11:00, 12.345 kWh at RM 0.5550/kWh = RM 6.851475 = 685.1475 sen -> 685 sen.
    # Prices include 8 % SST: the tax contained is 685 x 800 / 10800 = 50.74 -> 51 sen.
    priced = tariff_from_dict({"energy_price_per_kWh": "0.5550"})  # defaults: SST 800 bp, inclusive
    cost = compute_cost(priced, SessionUsage(at(5, 10), at(5, 11), [(at(5, 10), 0), (at(5, 11), 12345)]))
    assert [(line.window, line.energy_Wh, line.amount_minor) for line in cost.energy_lines] == [
        (None, 12345, 685)
    ]
    assert (cost.subtotal_minor, cost.adjustment_minor, cost.tax_minor, cost.total_minor) == (685, 0, 51, 685)


def test_energy_is_split_at_a_time_of_use_boundary() -> None:
    # Peak Mon-Fri 18:00-22:00 at RM 0.80, otherwise RM 0.60. One meter interval Wed 17:00 -> 18:30,
    # 9,000 Wh, split by time: 60/90 before 18:00 = 6,000 Wh, 30/90 after = 3,000 Wh.
    # 6.000 kWh x 0.60 = RM 3.60 = 360 sen; 3.000 kWh x 0.80 = RM 2.40 = 240 sen; total 600 sen.
    peak = {"days": ["Mon-Fri"], "start": "18:00", "end": "22:00", "energy_price_per_kWh": "0.80"}
    priced = tariff(tou_windows=[peak])
    cost = compute_cost(
        priced, SessionUsage(at(5, 17), at(5, 18, 30), [(at(5, 17), 0), (at(5, 18, 30), 9000)])
    )
    assert [(line.window, line.energy_Wh, line.amount_minor) for line in cost.energy_lines] == [
        (None, 6000, 360),
        (0, 3000, 240),
    ]
    assert cost.total_minor == 600 and cost.energy_Wh == 9000


def test_window_crossing_midnight_belongs_to_the_day_it_starts_on() -> None:
    # Off-peak "Fri 22:00-06:00" at RM 0.40 runs Friday 22:00 to Saturday 06:00.
    # Fri 21:00 -> Sat 07:00 at a steady 7 kW, one meter interval of 70,000 Wh over 10 h:
    # 21-22 h base 7 kWh, 22-06 h off-peak 56 kWh, 06-07 h base 7 kWh.
    # Base 14 kWh x 0.60 = RM 8.40; off-peak 56 kWh x 0.40 = RM 22.40; total RM 30.80.
    night = {"days": ["Fri"], "start": "22:00", "end": "06:00", "energy_price_per_kWh": "0.40"}
    priced = tariff(tou_windows=[night])
    cost = compute_cost(priced, SessionUsage(at(7, 21), at(8, 7), [(at(7, 21), 0), (at(8, 7), 70000)]))
    assert [(line.window, line.energy_Wh, line.amount_minor) for line in cost.energy_lines] == [
        (None, 14000, 840),
        (0, 56000, 2240),
    ]
    assert cost.total_minor == 3080
    # Saturday night is not Friday night: Sat 23:00 -> Sun 00:30, 10.5 kWh, all at base = RM 6.30.
    saturday = compute_cost(
        priced, SessionUsage(at(8, 23), at(9, 0, 30), [(at(8, 23), 0), (at(9, 0, 30), 10500)])
    )
    assert [(line.window, line.amount_minor) for line in saturday.energy_lines] == [(None, 630)]
    assert window_at(priced, at(8, 5, 59)) == 0 and window_at(priced, at(8, 6)) is None
    assert window_at(priced, at(7, 22).astimezone(UTC)) == 0  # instants in any zone are read in local time


def test_idle_fee_after_the_grace_period_and_time_fee_only_while_charging() -> None:
    # Wed 14:00-15:30. Charging 14:00-15:00: 20 kWh x 0.60 = RM 12.00. Car full 15:00-15:30 (SuspendedEV).
    # Time fee RM 0.10 per minute of charging: 90 min - 30 min idle = 60 min = RM 6.00.
    # Idle fee RM 0.50/min after 15 min grace: 30 - 15 = 15 min = RM 7.50. Total RM 25.50.
    priced = tariff(time_price_per_minute="0.10", idle_fee_per_minute="0.50", idle_grace_minutes=15)
    readings = [(at(5, 14), 0), (at(5, 15), 20000), (at(5, 15, 30), 20000)]
    cost = compute_cost(
        priced, SessionUsage(at(5, 14), at(5, 15, 30), readings, [(at(5, 15), at(5, 15, 30))])
    )
    assert (cost.charging_s, cost.idle_s, cost.idle_billed_s) == (3600, 1800, 900)
    assert (cost.energy_lines[0].amount_minor, cost.time_amount_minor, cost.idle_amount_minor) == (
        1200,
        600,
        750,
    )
    assert cost.total_minor == 2550
    # The grace period is counted over the whole session, not per idle spell: idle 15:00-15:10 and
    # 15:20-15:30 (the car tops up in between) = 20 min, 5 min billed = RM 2.50; charging 70 min = RM 7.00.
    spells = [(at(5, 15), at(5, 15, 10)), (at(5, 15, 20), at(5, 15, 30))]
    cost = compute_cost(priced, SessionUsage(at(5, 14), at(5, 15, 30), readings, spells))
    assert (cost.idle_billed_s, cost.idle_amount_minor, cost.time_amount_minor) == (300, 250, 700)
    # Inside the grace period there is no idle charge at all.
    cost = compute_cost(
        priced, SessionUsage(at(5, 14), at(5, 15, 10), readings[:2], [(at(5, 15), at(5, 15, 10))])
    )
    assert cost.idle_amount_minor == 0


def test_tax_is_computed_once_on_the_subtotal_of_rounded_lines() -> None:
    # Prices exclude SST 8 %. Energy 0.900 kWh x RM 0.5550 = 49.95 sen -> 50 sen.
    # Time 33 min x RM 0.0150 = 49.5 sen -> 50 sen (half up).
    # Lines rounded first: subtotal 50 + 50 = 100 sen; SST 8 % of 100 = 8 sen; total 108 sen.
    # (Rounding only at the end would give 49.95 + 49.5 = 99.45 -> 99 sen, SST 7.92 -> 8, total 107:
    # the documented rule is per line, so the receipt's lines always add up.)
    priced = tariff_from_dict(
        {"energy_price_per_kWh": "0.5550", "time_price_per_minute": "0.0150", "tax_inclusive": False}
    )
    cost = compute_cost(priced, SessionUsage(at(5, 9), at(5, 9, 33), [(at(5, 9), 0), (at(5, 9, 33), 900)]))
    assert (cost.energy_lines[0].amount_minor, cost.time_amount_minor) == (50, 50)
    assert (cost.subtotal_minor, cost.tax_minor, cost.total_minor) == (100, 8, 108)
    # Tax is rounded half up too: 6 % of 25 sen = 1.5 -> 2 sen (SST is 6 % on some services).
    six = tariff_from_dict({"energy_price_per_kWh": "0.25", "tax_rate_bp": 600, "tax_inclusive": False})
    cost = compute_cost(six, SessionUsage(at(5, 9), at(5, 10), [(at(5, 9), 0), (at(5, 10), 1000)]))
    assert (cost.net_minor, cost.tax_minor, cost.total_minor) == (25, 2, 27)
    # Tax on the subtotal, not per line: three 6-sen lines at 8 % would be 0.48 -> 0 sen each, but the
    # subtotal 18 sen x 8 % = 1.44 -> 1 sen.
    three = tariff_from_dict(
        {
            "energy_price_per_kWh": "0.06",
            "time_price_per_minute": "0.06",
            "session_fee": "0.06",
            "tax_inclusive": False,
        }
    )
    cost = compute_cost(three, SessionUsage(at(5, 9), at(5, 9, 1), [(at(5, 9), 0), (at(5, 9, 1), 1000)]))
    assert (cost.subtotal_minor, cost.tax_minor, cost.total_minor) == (18, 1, 19)


def test_minimum_and_maximum_charge_apply_before_tax() -> None:
    # Minimum RM 2.00, maximum RM 20.00, prices exclude SST 8 %: the bounds are in the prices' basis.
    priced = tariff(minimum_charge="2.00", maximum_charge="20.00", tax_rate_bp=800, tax_inclusive=False)
    # 1 kWh x 0.60 = RM 0.60 -> raised by RM 1.40 to RM 2.00; SST 16 sen; total RM 2.16.
    small = compute_cost(priced, SessionUsage(at(5, 9), at(5, 10), [(at(5, 9), 0), (at(5, 10), 1000)]))
    assert (small.subtotal_minor, small.adjustment_minor, small.net_minor) == (60, 140, 200)
    assert (small.tax_minor, small.total_minor) == (16, 216)
    # 50 kWh x 0.60 = RM 30.00 -> capped by -RM 10.00 to RM 20.00; SST RM 1.60; total RM 21.60.
    large = compute_cost(priced, SessionUsage(at(5, 9), at(5, 17), [(at(5, 9), 0), (at(5, 17), 50000)]))
    assert (large.subtotal_minor, large.adjustment_minor, large.net_minor) == (3000, -1000, 2000)
    assert (large.tax_minor, large.total_minor) == (160, 2160)
    # With prices including SST the bounds are what the driver pays: RM 20.00, of which 148 sen SST
    # (2000 x 800 / 10800 = 148.15 -> 148).
    inclusive = tariff(maximum_charge="20.00", tax_rate_bp=800)
    large = compute_cost(inclusive, SessionUsage(at(5, 9), at(5, 17), [(at(5, 9), 0), (at(5, 17), 50000)]))
    assert (large.total_minor, large.tax_minor) == (2000, 148)


def test_zero_energy_session_costs_only_the_fixed_parts() -> None:
    # Plugged in 10 min, the car took nothing: no energy line, the session fee RM 1.00 is the total.
    priced = tariff(session_fee="1.00")
    readings = [(at(5, 9), 123456), (at(5, 9, 10), 123456)]
    cost = compute_cost(priced, SessionUsage(at(5, 9), at(5, 9, 10), readings))
    assert (cost.energy_lines, cost.energy_Wh, cost.total_minor) == ((), 0, 100)
    assert compute_cost(priced, SessionUsage(at(5, 9), at(5, 9))).total_minor == 100  # no readings at all


def test_running_cost_is_the_same_function_on_the_usage_so_far() -> None:
    # At 09:30 the meter has read 3,500 Wh: 3.5 x 0.60 = RM 2.10 so far; at 10:00, 7,000 Wh = RM 4.20.
    priced = tariff()
    readings = [(at(5, 9), 0), (at(5, 9, 30), 3500), (at(5, 10), 7000)]
    running = compute_cost(priced, SessionUsage(at(5, 9), at(5, 9, 30), readings[:2]))
    final = compute_cost(priced, SessionUsage(at(5, 9), at(5, 10), readings))
    assert (running.total_minor, final.total_minor) == (210, 420)


def test_fractional_readings_and_instant_jumps() -> None:
    # 1/3 Wh steps add up exactly; a jump at one instant is priced at that instant's price.
    priced = tariff()
    readings = [(at(5, 9), Fraction(0)), (at(5, 9, 1), Fraction(1, 3)), (at(5, 9, 1), Fraction(1000))]
    cost = compute_cost(priced, SessionUsage(at(5, 9), at(5, 9, 1), readings))
    assert cost.energy_Wh == 1000 and cost.total_minor == 60


@pytest.mark.parametrize(
    ("usage", "message"),
    [
        (lambda: SessionUsage(datetime(2025, 3, 5, 9), at(5, 10)), "start: a time-zone-aware instant"),
        (lambda: SessionUsage(at(5, 10), at(5, 9)), "end: before start"),
        (lambda: SessionUsage(at(5, 9), at(5, 10), [(at(5, 8), 0)]), "meter_readings[0]: "),
        (
            lambda: SessionUsage(at(5, 9), at(5, 10), [(at(5, 9), 5), (at(5, 10), 4)]),
            "meter_readings[1]: earlier",
        ),
        (lambda: SessionUsage(at(5, 9), at(5, 10), [(at(5, 9), 0.5)]), "meter_readings[0]: energy must be"),
        (
            lambda: SessionUsage(
                at(5, 9), at(5, 10), (), [(at(5, 9, 30), at(5, 9, 40)), (at(5, 9, 35), at(5, 9, 50))]
            ),
            "idle_periods[1]: must lie in the session",
        ),
    ],
)
def test_unusable_usage_is_refused_naming_the_input(usage: Any, message: str) -> None:
    with pytest.raises(UsageError, match=message.replace("[", r"\[").replace("]", r"\]")):
        usage()


def test_long_session_across_days_is_split_correctly() -> None:
    # 48 h at a steady 1 kW with hourly readings under daily windows 22:00-06:00 at 0.40:
    # each day 8 h off-peak, 16 h base -> 16 kWh off-peak, 32 kWh base over two days.
    # 32 x 0.60 = RM 19.20; 16 x 0.40 = RM 6.40.
    night = {"days": ["Mon-Sun"], "start": "22:00", "end": "06:00", "energy_price_per_kWh": "0.40"}
    priced = tariff(tou_windows=[night])
    start = at(5, 0)
    readings = [(start + timedelta(hours=hour), hour * 1000) for hour in range(49)]
    cost = compute_cost(priced, SessionUsage(start, start + timedelta(hours=48), readings))
    assert [(line.window, line.energy_Wh, line.amount_minor) for line in cost.energy_lines] == [
        (None, 32000, 1920),
        (0, 16000, 640),
    ]
