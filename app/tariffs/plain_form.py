"""A tariff's plain form (a TOML table or database JSON): decimal prices in major units, checked key by key.

Prices are decimal text ("0.5550") or numbers in major units (ringgit), so what the operator
writes is what the driver sees; more decimals than the tariff's precision are refused, never
rounded. Unknown keys are refused so a typo never becomes a free session.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from app import money
from app.tariffs.model import DAY_NAMES, MINUTES_PER_DAY, Tariff, TariffError, TouWindow, minute_text

# key -> (field, kind); kind says how the value is read.
_TARIFF_KEYS: dict[str, tuple[str, str]] = {
    "currency": ("currency", "text"),
    "energy_price_per_kWh": ("energy_price_cminor_per_kWh", "rate"),
    "time_price_per_minute": ("time_price_cminor_per_min", "rate"),
    "session_fee": ("session_fee_minor", "amount"),
    "idle_fee_per_minute": ("idle_fee_cminor_per_min", "rate"),
    "idle_grace_minutes": ("idle_grace_s", "minutes"),
    "minimum_charge": ("minimum_charge_minor", "amount"),
    "maximum_charge": ("maximum_charge_minor", "amount"),
    "tax_rate_bp": ("tax_rate_bp", "integer"),
    "tax_inclusive": ("tax_inclusive", "flag"),
    "time_zone": ("time_zone", "text"),
    "tou_windows": ("tou_windows", "windows"),
}
# Without an explicit energy price a missing key would silently mean free charging.
_REQUIRED_KEYS = ("energy_price_per_kWh",)
_WINDOW_KEYS = ("days", "start", "end", "energy_price_per_kWh")
_TIME = re.compile(r"^(\d{2}):(\d{2})$")


def tariff_from_dict(data: Mapping[str, Any]) -> Tariff:
    """A validated tariff from its plain form; TariffError names the offending key."""
    if not isinstance(data, Mapping):
        raise TariffError(f"tariff: expected a table of keys, got {type(data).__name__}")
    _refuse_unknown("", data, _TARIFF_KEYS)
    for key in _REQUIRED_KEYS:
        if key not in data:
            raise TariffError(f'{key}: required (write "0" for a tariff without an energy price)')
    currency = data.get("currency", "MYR")
    if not isinstance(currency, str) or currency not in money.MINOR_DIGITS:
        raise TariffError(f"currency: unknown currency {currency!r} (known: {', '.join(money.MINOR_DIGITS)})")
    digits = money.minor_digits(currency)
    values: dict[str, Any] = {}
    for key, raw in data.items():
        name, kind = _TARIFF_KEYS[key]
        if kind == "rate":
            values[name] = _decimal(key, raw, digits + money.RATE_EXTRA_DIGITS)
        elif kind == "amount":
            values[name] = None if raw is None and key == "maximum_charge" else _decimal(key, raw, digits)
        elif kind == "minutes":
            values[name] = _integer(key, raw) * 60
        elif kind == "integer":
            values[name] = _integer(key, raw)
        elif kind == "flag":
            if not isinstance(raw, bool):
                raise TariffError(f"{key}: expected true or false, got {raw!r}")
            values[name] = raw
        elif kind == "text":
            if not isinstance(raw, str):
                raise TariffError(f"{key}: expected text, got {type(raw).__name__}")
            values[name] = raw
        else:
            values[name] = _windows(raw, digits)
    return Tariff(**values)


def tariff_to_dict(tariff: Tariff) -> dict[str, Any]:
    """The plain form of a tariff; tariff_from_dict of it gives an equal tariff."""
    digits = money.minor_digits(tariff.currency)
    rate_digits = digits + money.RATE_EXTRA_DIGITS
    maximum = tariff.maximum_charge_minor
    return {
        "currency": tariff.currency,
        "energy_price_per_kWh": money.scaled_to_text(tariff.energy_price_cminor_per_kWh, rate_digits),
        "time_price_per_minute": money.scaled_to_text(tariff.time_price_cminor_per_min, rate_digits),
        "session_fee": money.scaled_to_text(tariff.session_fee_minor, digits),
        "idle_fee_per_minute": money.scaled_to_text(tariff.idle_fee_cminor_per_min, rate_digits),
        "idle_grace_minutes": tariff.idle_grace_s // 60,
        "minimum_charge": money.scaled_to_text(tariff.minimum_charge_minor, digits),
        "maximum_charge": None if maximum is None else money.scaled_to_text(maximum, digits),
        "tax_rate_bp": tariff.tax_rate_bp,
        "tax_inclusive": tariff.tax_inclusive,
        "time_zone": tariff.time_zone,
        "tou_windows": [
            {
                "days": [DAY_NAMES[day] for day in sorted(window.days)],
                "start": minute_text(window.start_min),
                "end": minute_text(window.end_min),
                "energy_price_per_kWh": money.scaled_to_text(window.energy_price_cminor_per_kWh, rate_digits),
            }
            for window in tariff.tou_windows
        ],
    }


def _refuse_unknown(where: str, data: Mapping[str, Any], known: Mapping[str, Any] | tuple[str, ...]) -> None:
    for key in data:
        if key not in known:
            raise TariffError(f"{where}{key}: unknown key (known: {', '.join(known)})")


def _decimal(key: str, raw: Any, places: int) -> int:
    try:
        return money.parse_scaled(raw, places)
    except ValueError as error:
        raise TariffError(f"{key}: {error}") from None


def _integer(key: str, raw: Any) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise TariffError(f"{key}: expected a whole number, got {raw!r}")
    if raw < 0:
        raise TariffError(f"{key}: must not be negative, got {raw}")
    return raw


def _windows(raw: Any, digits: int) -> tuple[TouWindow, ...]:
    if not isinstance(raw, list | tuple):
        raise TariffError(f"tou_windows: expected a list of tables, got {type(raw).__name__}")
    windows = []
    for index, item in enumerate(raw):
        where = f"tou_windows[{index}]"
        if not isinstance(item, Mapping):
            raise TariffError(f"{where}: expected a table, got {type(item).__name__}")
        _refuse_unknown(f"{where}.", item, _WINDOW_KEYS)
        for key in _WINDOW_KEYS:
            if key not in item:
                raise TariffError(f"{where}.{key}: required")
        windows.append(
            TouWindow(
                days=_days(f"{where}.days", item["days"]),
                start_min=_minute(f"{where}.start", item["start"], allow_end_of_day=False),
                end_min=_minute(f"{where}.end", item["end"], allow_end_of_day=True),
                energy_price_cminor_per_kWh=_decimal(
                    f"{where}.energy_price_per_kWh",
                    item["energy_price_per_kWh"],
                    digits + money.RATE_EXTRA_DIGITS,
                ),
            )
        )
    return tuple(windows)


def _days(where: str, raw: Any) -> frozenset[int]:
    """["Mon-Fri", "Sun"] or "Sat-Sun": day names and ranges (a range may wrap past Sunday)."""
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list | tuple) or not items:
        raise TariffError(f'{where}: expected day names like ["Mon-Fri", "Sun"], got {raw!r}')
    days: set[int] = set()
    for item in items:
        parts = item.split("-") if isinstance(item, str) else []
        if not 1 <= len(parts) <= 2 or not all(part in DAY_NAMES for part in parts):
            raise TariffError(
                f"{where}: {item!r} is not a day ({', '.join(DAY_NAMES)}) or a range like Mon-Fri"
            )
        first, last = DAY_NAMES.index(parts[0]), DAY_NAMES.index(parts[-1])
        days.update((first + step) % 7 for step in range((last - first) % 7 + 1))
    return frozenset(days)


def _minute(where: str, raw: Any, *, allow_end_of_day: bool) -> int:
    """ "HH:MM" as a minute of the day; "24:00" only as an end."""
    match = _TIME.match(raw) if isinstance(raw, str) else None
    hours, minutes = (int(match[1]), int(match[2])) if match else (-1, -1)
    minute = hours * 60 + minutes
    valid = match is not None and minutes < 60 and (0 <= minute < MINUTES_PER_DAY)
    if allow_end_of_day and raw == "24:00":
        valid = True
    if not valid:
        allowed = "00:00-24:00" if allow_end_of_day else "00:00-23:59"
        raise TariffError(f"{where}: {raw!r} is not a time HH:MM ({allowed})")
    return minute
