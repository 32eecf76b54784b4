"""Properties of the cost on generated tariffs and sessions: never negative, within the bounds, monotonic in
energy, and independent of how finely the meter was read."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from app import money
from app.tariffs import SessionUsage, Tariff, TouWindow, compute_cost

KL = ZoneInfo("Asia/Kuala_Lumpur")
MICROSECOND = timedelta(microseconds=1)
SETTINGS = settings(max_examples=150, deadline=None)

# Candidate windows that never overlap one another (weekday evenings, weekday nights into the next
# morning, weekend days), so any subset is a valid tariff.
WINDOW_SHAPES = [
    (frozenset({0, 1, 2, 3, 4}), 18 * 60, 22 * 60),
    (frozenset({0, 1, 2, 3}), 22 * 60, 7 * 60),
    (frozenset({5, 6}), 0, 24 * 60),
]
rates = st.integers(0, 20_000)  # up to RM 2.00 per kWh or minute


@st.composite
def tariffs(draw: st.DrawFn) -> Tariff:
    shapes = draw(st.lists(st.sampled_from(WINDOW_SHAPES), unique=True, max_size=3))
    minimum = draw(st.integers(0, 1000))
    maximum = draw(st.none() | st.integers(minimum, 10_000))
    return Tariff(
        energy_price_cminor_per_kWh=draw(rates),
        time_price_cminor_per_min=draw(rates),
        session_fee_minor=draw(st.integers(0, 500)),
        idle_fee_cminor_per_min=draw(rates),
        idle_grace_s=draw(st.integers(0, 60)) * 60,
        minimum_charge_minor=minimum,
        maximum_charge_minor=maximum,
        tax_rate_bp=draw(st.integers(0, 3000)),
        tax_inclusive=draw(st.booleans()),
        tou_windows=tuple(TouWindow(days, start, end, draw(rates)) for days, start, end in shapes),
    )


@st.composite
def usages(draw: st.DrawFn) -> SessionUsage:
    start = datetime(2025, 1, 1, tzinfo=KL) + timedelta(minutes=draw(st.integers(0, 365 * 24 * 60)))
    steps = draw(st.lists(st.tuples(st.integers(0, 4 * 3600), st.integers(0, 20_000)), max_size=12))
    readings = [(start, draw(st.integers(0, 10**6)))]
    for seconds, energy_Wh in steps:
        instant, total = readings[-1]
        readings.append((instant + timedelta(seconds=seconds), total + energy_Wh))
    end = readings[-1][0] + timedelta(seconds=draw(st.integers(0, 3600)))
    idle = []
    if draw(st.booleans()) and end > readings[-1][0]:
        idle.append((readings[-1][0], end))
    return SessionUsage(start, end, readings, idle)


@SETTINGS
@given(tariffs(), usages())
def test_total_is_never_negative_and_within_the_bounds(tariff: Tariff, usage: SessionUsage) -> None:
    cost = compute_cost(tariff, usage)
    assert cost.total_minor >= 0 and cost.tax_minor >= 0
    # Bounds apply before tax, in the prices' basis: to the total when prices include tax, to the
    # net amount (with the tax added on top) when they exclude it.
    assert tariff.minimum_charge_minor <= cost.net_minor
    if tariff.maximum_charge_minor is not None:
        assert cost.net_minor <= tariff.maximum_charge_minor
    expected_lines = sum(line.amount_minor for line in cost.energy_lines) + cost.time_amount_minor
    assert cost.subtotal_minor == expected_lines + cost.session_fee_minor + cost.idle_amount_minor
    if tariff.tax_inclusive:
        assert cost.total_minor == cost.net_minor and cost.tax_minor <= cost.total_minor
    else:
        assert cost.total_minor == cost.net_minor + money.round_half_up(
            Fraction(cost.net_minor * tariff.tax_rate_bp, 10_000)
        )
    assert cost.energy_Wh == Fraction(usage.meter_readings[-1][1] - usage.meter_readings[0][1])


@SETTINGS
@given(tariffs(), usages(), st.data())
def test_more_energy_never_costs_less(tariff: Tariff, usage: SessionUsage, data: st.DataObject) -> None:
    readings = list(usage.meter_readings)
    index = data.draw(st.integers(0, len(readings) - 1))
    extra_Wh = data.draw(st.integers(1, 50_000))
    # Every reading from `index` on is higher by extra_Wh: more energy in one interval, nothing else changes.
    more = [
        (at, energy + (extra_Wh if position >= index else 0))
        for position, (at, energy) in enumerate(readings)
    ]
    bigger = SessionUsage(usage.start, usage.end, more, usage.idle_periods)
    assert compute_cost(tariff, bigger).total_minor >= compute_cost(tariff, usage).total_minor


@SETTINGS
@given(tariffs(), usages(), st.data())
def test_reading_the_meter_more_finely_never_changes_the_energy(
    tariff: Tariff, usage: SessionUsage, data: st.DataObject
) -> None:
    readings = list(usage.meter_readings)
    cost = compute_cost(tariff, usage)
    interpolated = [readings[0]]
    arbitrary = [readings[0]]
    for (begin, begin_Wh), (end, end_Wh) in itertools.pairwise(readings):
        share = data.draw(st.fractions(0, 1))
        instant = begin + (end - begin) * float(share)
        span_us = (end - begin) // MICROSECOND
        exact_share = Fraction((instant - begin) // MICROSECOND, span_us) if span_us else Fraction(0)
        # A reading on the straight line between two readings changes nothing at all ...
        interpolated += [(instant, begin_Wh + (end_Wh - begin_Wh) * exact_share), (end, end_Wh)]
        # ... and any reading in between keeps the energy total.
        arbitrary += [(instant, data.draw(st.integers(begin_Wh, end_Wh))), (end, end_Wh)]
    finer = compute_cost(tariff, SessionUsage(usage.start, usage.end, interpolated, usage.idle_periods))
    assert finer == cost
    other = compute_cost(tariff, SessionUsage(usage.start, usage.end, arbitrary, usage.idle_periods))
    assert other.energy_Wh == cost.energy_Wh
