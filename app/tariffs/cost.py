"""The cost of a session: a pure function of the frozen tariff and its usage, so far (running) or final.

Order (docs/tariffs.md "Rounding"): each line is computed exactly and rounded ROUND_HALF_UP to the
minor unit; the subtotal is the sum of the rounded lines; the minimum and maximum charge clamp the
subtotal (before tax, in the prices' own basis); tax is computed once on that adjusted subtotal and
rounded ROUND_HALF_UP (added when prices exclude tax, the contained share when they include it).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from fractions import Fraction

from app import money
from app.tariffs.model import MINUTES_PER_DAY, Tariff

BASIS_POINTS = 10_000
RATE_UNITS_PER_MINOR = money.RATE_UNITS_PER_MINOR


class UsageError(ValueError):
    """Usage that cannot be priced (naive instants, readings out of order); the message names the input."""


MeterReading = tuple[datetime, int | Fraction]  # (instant, cumulative energy in Wh)


@dataclass(frozen=True)
class SessionUsage:
    """What a session used between start and end (end = now for the running cost).

    meter_readings: (instant, cumulative Wh) in time order within [start, end]; the energy is the
    last minus the first, spread linearly in time between consecutive readings.
    idle_periods: [from, to) spans in SuspendedEV (car full, still plugged) within [start, end].
    """

    start: datetime
    end: datetime
    meter_readings: Sequence[MeterReading] = ()
    idle_periods: Sequence[tuple[datetime, datetime]] = ()

    def __post_init__(self) -> None:
        for name, instant in (("start", self.start), ("end", self.end)):
            if instant.utcoffset() is None:
                raise UsageError(f"{name}: a time-zone-aware instant is required")
        if self.end < self.start:
            raise UsageError("end: before start")
        previous: MeterReading | None = None
        for index, (instant, energy_Wh) in enumerate(self.meter_readings):
            where = f"meter_readings[{index}]"
            if instant.utcoffset() is None:
                raise UsageError(f"{where}: a time-zone-aware instant is required")
            if not self.start <= instant <= self.end:
                raise UsageError(f"{where}: {instant.isoformat()} is outside the session")
            if isinstance(energy_Wh, bool) or not isinstance(energy_Wh, int | Fraction):
                raise UsageError(f"{where}: energy must be an int or Fraction of Wh")
            if previous is not None and (instant < previous[0] or energy_Wh < previous[1]):
                raise UsageError(f"{where}: earlier or lower than the reading before it")
            previous = (instant, energy_Wh)
        last_end = self.start
        for index, (begin, end) in enumerate(self.idle_periods):
            where = f"idle_periods[{index}]"
            if begin.utcoffset() is None or end.utcoffset() is None:
                raise UsageError(f"{where}: time-zone-aware instants are required")
            if not last_end <= begin <= end <= self.end:
                raise UsageError(f"{where}: must lie in the session, in order, without overlapping")
            last_end = end


@dataclass(frozen=True)
class EnergyLine:
    """Energy at one price: window None is the base price, else the index in tariff.tou_windows."""

    window: int | None
    energy_Wh: Fraction
    price_cminor_per_kWh: int
    amount_minor: int


@dataclass(frozen=True)
class CostBreakdown:
    """Every line of a session's cost; money in minor units, times in seconds (exact)."""

    currency: str
    energy_lines: tuple[EnergyLine, ...]  # only prices that energy was delivered at, base first
    energy_Wh: Fraction
    charging_s: Fraction
    time_price_cminor_per_min: int
    time_amount_minor: int
    session_fee_minor: int
    idle_s: Fraction
    idle_billed_s: Fraction
    idle_fee_cminor_per_min: int
    idle_amount_minor: int
    subtotal_minor: int
    adjustment_minor: int  # > 0 raised to the minimum charge, < 0 cut to the maximum
    net_minor: int  # subtotal + adjustment: the amount in the prices' basis
    tax_rate_bp: int
    tax_inclusive: bool
    tax_minor: int  # added on top when exclusive; the share contained in net_minor when inclusive
    total_minor: int  # what the driver pays


def compute_cost(tariff: Tariff, usage: SessionUsage) -> CostBreakdown:
    """The cost of the usage under the tariff; the same function serves the running and the final cost."""
    energy_by_window = _energy_by_window(tariff, usage)
    energy_lines = []
    for window in sorted(energy_by_window, key=lambda index: -1 if index is None else index):
        price = (
            tariff.energy_price_cminor_per_kWh
            if window is None
            else tariff.tou_windows[window].energy_price_cminor_per_kWh
        )
        energy_Wh = energy_by_window[window]
        amount = money.round_half_up(energy_Wh * price / (1000 * RATE_UNITS_PER_MINOR))
        energy_lines.append(EnergyLine(window, energy_Wh, price, amount))

    idle_s = sum((_seconds(end - begin) for begin, end in usage.idle_periods), Fraction(0))
    charging_s = _seconds(usage.end - usage.start) - idle_s
    idle_billed_s = max(Fraction(0), idle_s - tariff.idle_grace_s)
    time_amount = _per_minute(charging_s, tariff.time_price_cminor_per_min)
    idle_amount = _per_minute(idle_billed_s, tariff.idle_fee_cminor_per_min)

    subtotal = sum(line.amount_minor for line in energy_lines) + time_amount + tariff.session_fee_minor
    subtotal += idle_amount
    net = max(subtotal, tariff.minimum_charge_minor)
    if tariff.maximum_charge_minor is not None:
        net = min(net, tariff.maximum_charge_minor)
    rate = tariff.tax_rate_bp
    if tariff.tax_inclusive:
        tax = money.round_half_up(Fraction(net * rate, BASIS_POINTS + rate))
        total = net
    else:
        tax = money.round_half_up(Fraction(net * rate, BASIS_POINTS))
        total = net + tax
    return CostBreakdown(
        currency=tariff.currency,
        energy_lines=tuple(energy_lines),
        energy_Wh=sum(energy_by_window.values(), Fraction(0)),
        charging_s=charging_s,
        time_price_cminor_per_min=tariff.time_price_cminor_per_min,
        time_amount_minor=time_amount,
        session_fee_minor=tariff.session_fee_minor,
        idle_s=idle_s,
        idle_billed_s=idle_billed_s,
        idle_fee_cminor_per_min=tariff.idle_fee_cminor_per_min,
        idle_amount_minor=idle_amount,
        subtotal_minor=subtotal,
        adjustment_minor=net - subtotal,
        net_minor=net,
        tax_rate_bp=rate,
        tax_inclusive=tariff.tax_inclusive,
        tax_minor=tax,
        total_minor=total,
    )


def window_at(tariff: Tariff, instant: datetime) -> int | None:
    """The time-of-use window in force at an instant (station local time), None for the base price."""
    local = instant.astimezone(tariff.zone)
    weekday = local.weekday()
    minute = local.hour * 60 + local.minute + Fraction(local.second * 10**6 + local.microsecond, 60 * 10**6)
    for index, window in enumerate(tariff.tou_windows):
        if window.crosses_midnight:
            if (weekday in window.days and minute >= window.start_min) or (
                (weekday - 1) % 7 in window.days and minute < window.end_min
            ):
                return index
        elif weekday in window.days and window.start_min <= minute < window.end_min:
            return index
    return None


def _energy_by_window(tariff: Tariff, usage: SessionUsage) -> dict[int | None, Fraction]:
    """Energy per window. Within a meter interval energy is assumed to flow evenly, so an interval
    that crosses a window boundary is split in proportion to the time on each side."""
    energy: dict[int | None, Fraction] = {}
    boundaries = _price_boundaries(tariff, usage.start, usage.end)
    readings = usage.meter_readings
    for (begin, begin_Wh), (end, end_Wh) in itertools.pairwise(readings):
        delta_Wh = Fraction(end_Wh) - Fraction(begin_Wh)
        if delta_Wh == 0:
            continue
        if end == begin:  # a jump with no duration is priced at that instant
            key = window_at(tariff, begin)
            energy[key] = energy.get(key, Fraction(0)) + delta_Wh
            continue
        cuts = boundaries[bisect.bisect_right(boundaries, begin) : bisect.bisect_left(boundaries, end)]
        points = [begin, *cuts, end]
        duration = _seconds(end - begin)
        for left, right in itertools.pairwise(points):
            key = window_at(tariff, left + (right - left) / 2)
            energy[key] = energy.get(key, Fraction(0)) + delta_Wh * _seconds(right - left) / duration
    return energy


def _price_boundaries(tariff: Tariff, start: datetime, end: datetime) -> list[datetime]:
    """Every instant in (start, end) where a window may begin or end, sorted. A superset is fine: the
    price of each piece is looked up at its middle, which also keeps daylight-saving gaps harmless."""
    if not tariff.tou_windows:
        return []
    zone = tariff.zone
    edges = sorted({w.start_min for w in tariff.tou_windows} | {w.end_min for w in tariff.tou_windows})
    first: date = start.astimezone(zone).date() - timedelta(days=1)
    days = (end.astimezone(zone).date() - first).days + 1
    found = set()
    for offset in range(days):
        midnight = datetime.combine(first + timedelta(days=offset), datetime.min.time(), tzinfo=zone)
        for minute in edges:
            instant = (midnight + timedelta(minutes=minute % MINUTES_PER_DAY)) + timedelta(
                days=minute // MINUTES_PER_DAY
            )
            if start < instant < end:
                found.add(instant)
    return sorted(found)


def _seconds(span: timedelta) -> Fraction:
    return Fraction(span // timedelta(microseconds=1), 10**6)


def _per_minute(seconds: Fraction, price_cminor_per_min: int) -> int:
    """Time is billed to the second (pro rata of the per-minute price), rounded once per line."""
    return money.round_half_up(seconds * price_cminor_per_min / (60 * RATE_UNITS_PER_MINOR))
