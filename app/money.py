"""Money as integers in minor units: currencies, exact half-up rounding, parsing and per-language formatting.

Amounts (fees, costs, totals) are integers in the currency's minor unit (sen for MYR). Unit prices
(per kWh, per minute) need finer steps (RM 0.5550/kWh), so they are integers in "rate units" of
1/100 of a minor unit (`_cminor` in names): RM 0.5550 = 55.50 sen = 5550 cminor. Binary floats are
never used for money; intermediate products are exact fractions, rounded once per line.
See docs/tariffs.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

RATE_UNITS_PER_MINOR = 100
RATE_EXTRA_DIGITS = 2  # a rate unit is 10**-2 of a minor unit

# ISO 4217 minor-unit exponents of the currencies a station in the region may bill in.
MINOR_DIGITS: dict[str, int] = {
    "MYR": 2,
    "SGD": 2,
    "BND": 2,
    "THB": 2,
    "IDR": 2,
    "USD": 2,
    "EUR": 2,
    "GBP": 2,
    "JPY": 0,
    "KRW": 0,
}

# How the driver sees the currency; "RM" is the Malaysian ringgit's sign in both English and Malay.
SYMBOLS: dict[str, str] = {
    "MYR": "RM",
    "SGD": "S$",
    "BND": "B$",
    "THB": "฿",
    "IDR": "Rp",
    "USD": "US$",
    "EUR": "€",
    "GBP": "£",
    "JPY": "¥",
    "KRW": "₩",
}


@dataclass(frozen=True)
class NumberStyle:
    """A language's separators for written numbers."""

    decimal: str
    group: str


# Malaysian usage writes 1,234.56 in both English and Bahasa Melayu (unlike Indonesian, which writes
# 1.234,56); the table keeps the choice per language in one place.
NUMBER_STYLES: dict[str, NumberStyle] = {
    "en": NumberStyle(decimal=".", group=","),
    "ms": NumberStyle(decimal=".", group=","),
    "zh_CN": NumberStyle(decimal=".", group=","),
    "ta": NumberStyle(decimal=".", group=","),
}


def minor_digits(currency: str) -> int:
    """The ISO 4217 minor-unit exponent of a known currency; ValueError for an unknown one."""
    try:
        return MINOR_DIGITS[currency]
    except KeyError:
        known = ", ".join(sorted(MINOR_DIGITS))
        raise ValueError(f"unknown currency {currency!r} (known: {known})") from None


def round_half_up(value: Fraction | int) -> int:
    """Rounds to the nearest integer, halves away from zero (ROUND_HALF_UP as in decimal)."""
    value = Fraction(value)
    magnitude = (abs(value.numerator) * 2 + value.denominator) // (2 * value.denominator)
    return magnitude if value >= 0 else -magnitude


def parse_scaled(value: object, places: int) -> int:
    """A decimal number given as text (or int, Decimal, or a float from TOML) as an integer of 10**-places.

    "0.555" with places=4 gives 5550. More decimal places than `places` is an error rather than a
    silent rounding, so an operator's typo never changes a price.
    """
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        raise ValueError(f'expected a decimal number like "0.55", got {type(value).__name__}')
    # A TOML float is turned into its shortest repr, which is what the operator wrote.
    text = repr(value) if isinstance(value, float) else str(value)
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a decimal number") from None
    if not number.is_finite():
        raise ValueError(f"{text!r} is not a finite number")
    scaled = number.scaleb(places)
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{text} has more than {places} decimal places")
    return int(scaled)


def scaled_to_text(scaled: int, places: int) -> str:
    """The plain decimal text of an integer of 10**-places (5550, 4 -> "0.5550"), for files and errors."""
    return str(Decimal(scaled).scaleb(-places)) if places else str(scaled)


def format_number(scaled: int, places: int, language: str) -> str:
    """An integer of 10**-places written with the language's separators (123456, 2 -> "1,234.56")."""
    style = NUMBER_STYLES[language]
    sign = "-" if scaled < 0 else ""
    whole, fraction = divmod(abs(scaled), 10**places)
    digits = f"{whole:,}".replace(",", style.group)
    if places:
        digits += style.decimal + str(fraction).rjust(places, "0")
    return sign + digits


def format_money(amount_minor: int, currency: str, language: str) -> str:
    """An amount for the driver: "RM 1,234.56", "-RM 2.50"; the sign before the symbol."""
    text = format_number(abs(amount_minor), minor_digits(currency), language)
    return f"{'-' if amount_minor < 0 else ''}{SYMBOLS[currency]} {text}"


def format_rate(rate_cminor: int, currency: str, language: str) -> str:
    """A unit price: at least the currency's decimals, up to two more when set ("RM 0.555", "RM 0.60")."""
    digits = minor_digits(currency)
    places = digits + RATE_EXTRA_DIGITS
    while places > digits and rate_cminor % 10 == 0:
        rate_cminor //= 10
        places -= 1
    text = format_number(abs(rate_cminor), places, language)
    return f"{'-' if rate_cminor < 0 else ''}{SYMBOLS[currency]} {text}"
