"""The tariff: a validated, immutable price list that is frozen into each session when it starts.

Rates are integers in 1/100 of a minor unit (`_cminor`), amounts in minor units (`_minor`), see
app/money.py. Every invalid value raises TariffError naming the field as the operator wrote it in the
tariff's dict form (TOML or database; app/tariffs/plain_form.py). The design is in docs/tariffs.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app import money


class TariffError(ValueError):
    """A tariff that cannot be used; the message starts with the field it is about."""


DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MINUTES_PER_DAY = 24 * 60
MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY
# Malaysian service tax: 8 % on most taxable services since 1 March 2024 (Service Tax (Rate of Tax)
# (Amendment) Order 2024). Whether it applies to a site's charging is for the operator's tax adviser;
# the rate is a setting.
DEFAULT_SST_RATE_bp = 800
# No sales tax or VAT in the world reaches 30 %; a larger value is a unit mistake (percent x 100).
MAX_TAX_RATE_bp = 3000
MAX_IDLE_GRACE_MINUTES = 24 * 60
_TIME_PATTERN = re.compile(r"^(\d{2}):(\d{2})$")


def minute_text(minute_of_day: int) -> str:
    """A minute of the day as HH:MM; 1440 is "24:00" (the end of the day)."""
    return f"{minute_of_day // 60:02d}:{minute_of_day % 60:02d}"


@dataclass(frozen=True)
class TouWindow:
    """A time-of-use window: on `days` (0 = Monday) from start to end, local time, its own energy price.

    A window whose end is earlier than its start crosses midnight: Mon 22:00-06:00 runs from Monday
    22:00 to Tuesday 06:00, so `days` names the day the window starts on.
    """

    days: frozenset[int]
    start_min: int  # minute of the local day, 0..1439
    end_min: int  # 1..1440 (1440 = midnight at the end of the day); below start_min = next day
    energy_price_cminor_per_kWh: int

    @property
    def crosses_midnight(self) -> bool:
        return self.end_min < self.start_min

    def week_intervals(self) -> list[tuple[int, int]]:
        """The minutes of the week [from, to) it covers, Monday 00:00 = 0, split where the week wraps."""
        length = (self.end_min - self.start_min) % MINUTES_PER_DAY or MINUTES_PER_DAY
        intervals = []
        for day in sorted(self.days):
            begin = day * MINUTES_PER_DAY + self.start_min
            end = begin + length
            if end <= MINUTES_PER_WEEK:
                intervals.append((begin, end))
            else:
                intervals += [(begin, MINUTES_PER_WEEK), (0, end - MINUTES_PER_WEEK)]
        return intervals


@dataclass(frozen=True, kw_only=True)
class Tariff:
    """A complete price list; construction validates it (TariffError), instances never change."""

    currency: str = "MYR"
    energy_price_cminor_per_kWh: int = 0  # outside every time-of-use window
    time_price_cminor_per_min: int = 0  # per minute of charging: session time minus SuspendedEV time
    session_fee_minor: int = 0
    idle_fee_cminor_per_min: int = 0  # per minute in SuspendedEV beyond the grace period
    idle_grace_s: int = 0  # free SuspendedEV time, counted over the whole session
    minimum_charge_minor: int = 0  # before tax, in the same basis as the prices
    maximum_charge_minor: int | None = None  # None = no cap
    tax_rate_bp: int = DEFAULT_SST_RATE_bp
    tax_inclusive: bool = True  # prices shown already include the tax
    time_zone: str = "Asia/Kuala_Lumpur"
    tou_windows: tuple[TouWindow, ...] = ()

    def __post_init__(self) -> None:
        _validate(self)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


# The dict key an operator writes for each field, so messages name what they typed.
FIELD_KEYS = {
    "currency": "currency",
    "energy_price_cminor_per_kWh": "energy_price_per_kWh",
    "time_price_cminor_per_min": "time_price_per_minute",
    "session_fee_minor": "session_fee",
    "idle_fee_cminor_per_min": "idle_fee_per_minute",
    "idle_grace_s": "idle_grace_minutes",
    "minimum_charge_minor": "minimum_charge",
    "maximum_charge_minor": "maximum_charge",
    "tax_rate_bp": "tax_rate_bp",
    "tax_inclusive": "tax_inclusive",
    "time_zone": "time_zone",
    "tou_windows": "tou_windows",
}


def _validate(tariff: Tariff) -> None:
    if not isinstance(tariff.currency, str) or tariff.currency not in money.MINOR_DIGITS:
        known = ", ".join(sorted(money.MINOR_DIGITS))
        raise TariffError(f"currency: unknown currency {tariff.currency!r} (known: {known})")
    for item in fields(tariff):
        value = getattr(tariff, item.name)
        key = FIELD_KEYS[item.name]
        if item.name.endswith(("_cminor_per_kWh", "_cminor_per_min", "_minor", "_s", "_bp")):
            if value is None and item.name == "maximum_charge_minor":
                continue
            if isinstance(value, bool) or not isinstance(value, int):
                raise TariffError(f"{key}: expected an integer {item.name}, got {type(value).__name__}")
            if value < 0:
                raise TariffError(f"{key}: must not be negative, got {_shown(tariff, item.name, value)}")
    if not isinstance(tariff.tax_inclusive, bool):
        raise TariffError("tax_inclusive: expected true or false")
    if tariff.tax_rate_bp > MAX_TAX_RATE_bp:
        raise TariffError(
            f"tax_rate_bp: {tariff.tax_rate_bp} is out of range 0..{MAX_TAX_RATE_bp} basis points (800 = 8 %)"
        )
    if tariff.idle_grace_s > MAX_IDLE_GRACE_MINUTES * 60:
        raise TariffError(f"idle_grace_minutes: above {MAX_IDLE_GRACE_MINUTES} minutes")
    maximum = tariff.maximum_charge_minor
    if maximum is not None and tariff.minimum_charge_minor > maximum:
        raise TariffError(
            f"minimum_charge: {_shown(tariff, 'minimum_charge_minor', tariff.minimum_charge_minor)} is "
            f"above maximum_charge {_shown(tariff, 'maximum_charge_minor', maximum)}"
        )
    try:
        ZoneInfo(tariff.time_zone)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise TariffError(f"time_zone: unknown time zone {tariff.time_zone!r}") from None
    if not isinstance(tariff.tou_windows, tuple):
        raise TariffError("tou_windows: expected a tuple of TouWindow")
    for index, window in enumerate(tariff.tou_windows):
        _validate_window(f"tou_windows[{index}]", window, tariff)
    _refuse_overlaps(tariff.tou_windows)


def _shown(tariff: Tariff, name: str, value: int) -> str:
    """A value as the operator wrote it: decimal text in major units."""
    digits = money.minor_digits(tariff.currency)
    if name.endswith("_minor"):
        return money.scaled_to_text(value, digits)
    if "_cminor_" in name:
        return money.scaled_to_text(value, digits + money.RATE_EXTRA_DIGITS)
    return str(value)


def _validate_window(where: str, window: TouWindow, tariff: Tariff) -> None:
    if not isinstance(window, TouWindow):
        raise TariffError(f"{where}: expected a TouWindow, got {type(window).__name__}")
    if not window.days or not all(isinstance(day, int) and 0 <= day <= 6 for day in window.days):
        raise TariffError(f"{where}.days: expected one or more of {', '.join(DAY_NAMES)}")
    if not 0 <= window.start_min < MINUTES_PER_DAY:
        raise TariffError(f"{where}.start: must be 00:00..23:59")
    if not 0 < window.end_min <= MINUTES_PER_DAY:
        raise TariffError(f"{where}.end: must be 00:01..24:00")
    if window.end_min == window.start_min:
        raise TariffError(
            f"{where}.end: equals start {minute_text(window.start_min)}; use 00:00-24:00 for a whole day"
        )
    price = window.energy_price_cminor_per_kWh
    if isinstance(price, bool) or not isinstance(price, int):
        raise TariffError(f"{where}.energy_price_per_kWh: expected an integer energy_price_cminor_per_kWh")
    if price < 0:
        shown = _shown(tariff, "energy_price_cminor_per_kWh", price)
        raise TariffError(f"{where}.energy_price_per_kWh: must not be negative, got {shown}")


def _refuse_overlaps(windows: tuple[TouWindow, ...]) -> None:
    """Two windows may not price the same minute: the price of every instant must be unambiguous."""
    for later, window in enumerate(windows):
        for earlier in range(later):
            for begin_a, end_a in window.week_intervals():
                for begin_b, end_b in windows[earlier].week_intervals():
                    begin, end = max(begin_a, begin_b), min(end_a, end_b)
                    if begin < end:
                        span = _week_span(begin, end)
                        raise TariffError(f"tou_windows[{later}]: overlaps tou_windows[{earlier}] on {span}")


def _week_span(begin: int, end: int) -> str:
    """Minutes of the week [begin, end) as "Mon 18:00-22:00" (the end may be on the next day)."""
    day, start = divmod(begin, MINUTES_PER_DAY)
    finish = end - day * MINUTES_PER_DAY
    finish_text = minute_text(finish) if finish <= MINUTES_PER_DAY else minute_text(finish - MINUTES_PER_DAY)
    return f"{DAY_NAMES[day]} {minute_text(start)}-{finish_text}"
