"""The tariff model: money units, the plain form, and every invalid tariff refused with its field named."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import pytest

from app import money
from app.tariffs import Tariff, TariffError, TouWindow, tariff_from_dict, tariff_to_dict

PEAK = {"days": ["Mon-Fri"], "start": "18:00", "end": "22:00", "energy_price_per_kWh": "0.80"}


def test_money_is_integers_in_minor_units_and_rates_in_hundredths_of_them() -> None:
    assert money.parse_scaled("0.5550", 4) == 5550  # RM 0.5550/kWh = 55.50 sen = 5550 cminor
    assert money.parse_scaled(0.555, 4) == 5550  # a TOML float: its shortest repr is what was written
    assert money.parse_scaled("12", 2) == 1200
    assert money.format_money(123456, "MYR", "en") == "RM 1,234.56"
    assert money.format_money(123456, "MYR", "ms") == "RM 1,234.56"
    assert money.format_money(-250, "MYR", "en") == "-RM 2.50"
    assert money.format_money(1234, "JPY", "en") == "¥ 1,234"  # JPY has no minor unit
    assert money.format_rate(5550, "MYR", "en") == "RM 0.555"  # decimals beyond the sen only when set
    assert money.format_rate(6000, "MYR", "en") == "RM 0.60"
    assert money.format_rate(5555, "MYR", "en") == "RM 0.5555"


def test_round_half_up_rounds_halves_away_from_zero() -> None:
    assert [money.round_half_up(Fraction(n, 2)) for n in (1, 3, 5, -1, -3)] == [1, 2, 3, -1, -2]
    assert money.round_half_up(Fraction(4995, 100)) == 50  # 49.95 sen -> 50
    assert money.round_half_up(Fraction(6851475, 10000)) == 685  # 685.1475 sen -> 685


def test_plain_form_round_trips_and_reads_units() -> None:
    tariff = tariff_from_dict(
        {
            "energy_price_per_kWh": "0.5550",
            "session_fee": "1.00",
            "idle_fee_per_minute": 0.5,
            "idle_grace_minutes": 15,
            "maximum_charge": "50",
            "tou_windows": [
                PEAK,
                {"days": "Sat-Sun", "start": "22:00", "end": "06:00", "energy_price_per_kWh": "0.45"},
            ],
        }
    )
    assert tariff.currency == "MYR" and tariff.time_zone == "Asia/Kuala_Lumpur"
    assert tariff.tax_rate_bp == 800 and tariff.tax_inclusive  # default SST 8 %, prices include it
    assert tariff.energy_price_cminor_per_kWh == 5550
    assert (tariff.session_fee_minor, tariff.idle_fee_cminor_per_min, tariff.idle_grace_s) == (100, 5000, 900)
    assert tariff.maximum_charge_minor == 5000 and tariff.minimum_charge_minor == 0
    assert tariff.tou_windows[0] == TouWindow(frozenset({0, 1, 2, 3, 4}), 18 * 60, 22 * 60, 8000)
    assert tariff.tou_windows[1].crosses_midnight and tariff.tou_windows[1].days == frozenset({5, 6})
    assert tariff_from_dict(tariff_to_dict(tariff)) == tariff


def test_tariff_is_immutable_and_validated_when_built_directly() -> None:
    tariff = Tariff(energy_price_cminor_per_kWh=6000)
    with pytest.raises(dataclasses.FrozenInstanceError):
        tariff.energy_price_cminor_per_kWh = 1  # type: ignore[misc]
    with pytest.raises(TariffError, match=r"^session_fee: must not be negative, got -1.00$"):
        Tariff(session_fee_minor=-100)


def test_windows_crossing_midnight_and_whole_days_are_allowed() -> None:
    tariff_from_dict(
        {
            "energy_price_per_kWh": "0.60",
            "tou_windows": [
                # Mon-Thu nights end on Tue-Fri mornings; Friday night would run into the weekend window.
                {"days": ["Mon-Thu"], "start": "22:00", "end": "07:00", "energy_price_per_kWh": "0.40"},
                {"days": ["Sat", "Sun"], "start": "00:00", "end": "24:00", "energy_price_per_kWh": "0.45"},
                {"days": ["Fri"], "start": "07:00", "end": "22:00", "energy_price_per_kWh": "0.70"},
            ],
        }
    )


def window(days: object, start: str, end: str, price: object = "0.80") -> dict[str, object]:
    return {"days": days, "start": start, "end": end, "energy_price_per_kWh": price}


INVALID = [
    ({"energy_price_per_kWh": "-0.10"}, "energy_price_per_kWh: must not be negative, got -0.1000"),
    ({"session_fee": "1.00"}, "energy_price_per_kWh: required"),
    ({"energy_price_per_kWh": "0.60", "session_fee": "-1"}, "session_fee: must not be negative, got -1.00"),
    (
        {"energy_price_per_kWh": "0.60", "time_price_per_minute": "-0.01"},
        "time_price_per_minute: must not be negative",
    ),
    (
        {"energy_price_per_kWh": "0.60", "idle_fee_per_minute": "-1"},
        "idle_fee_per_minute: must not be negative",
    ),
    ({"energy_price_per_kWh": "0.60", "idle_grace_minutes": -5}, "idle_grace_minutes: must not be negative"),
    ({"energy_price_per_kWh": "0.60", "idle_grace_minutes": 2000}, "idle_grace_minutes: above 1440 minutes"),
    ({"energy_price_per_kWh": "0.60", "currency": "XYZ"}, "currency: unknown currency 'XYZ'"),
    ({"energy_price_per_kWh": "0.60", "currency": "myr"}, "currency: unknown currency 'myr'"),
    ({"energy_price_per_kWh": "0.60", "colour": "red"}, "colour: unknown key"),
    ({"energy_price_per_kWh": "0.55555"}, "energy_price_per_kWh: 0.55555 has more than 4 decimal places"),
    ({"energy_price_per_kWh": "cheap"}, "energy_price_per_kWh: 'cheap' is not a decimal number"),
    ({"energy_price_per_kWh": "NaN"}, "energy_price_per_kWh: 'NaN' is not a finite number"),
    (
        {"energy_price_per_kWh": "0.60", "session_fee": "1.005"},
        "session_fee: 1.005 has more than 2 decimal places",
    ),
    (
        {"energy_price_per_kWh": "0.60", "minimum_charge": "60", "maximum_charge": "50"},
        "minimum_charge: 60.00 is above maximum_charge 50.00",
    ),
    ({"energy_price_per_kWh": "0.60", "tax_rate_bp": 3001}, "tax_rate_bp: 3001 is out of range 0..3000"),
    ({"energy_price_per_kWh": "0.60", "tax_rate_bp": -1}, "tax_rate_bp: must not be negative"),
    ({"energy_price_per_kWh": "0.60", "tax_rate_bp": 8.0}, "tax_rate_bp: expected a whole number"),
    ({"energy_price_per_kWh": "0.60", "tax_inclusive": "yes"}, "tax_inclusive: expected true or false"),
    (
        {"energy_price_per_kWh": "0.60", "time_zone": "Asia/Atlantis"},
        "time_zone: unknown time zone 'Asia/Atlantis'",
    ),
    ({"energy_price_per_kWh": "0.60", "tou_windows": {"days": "Mon"}}, "tou_windows: expected a list"),
    (
        {
            "energy_price_per_kWh": "0.60",
            "tou_windows": [window(["Mon"], "18:00", "22:00"), window(["Mon-Fri"], "20:00", "23:00")],
        },
        "tou_windows[1]: overlaps tou_windows[0] on Mon 20:00-22:00",
    ),
    (
        {
            "energy_price_per_kWh": "0.60",
            "tou_windows": [window(["Mon"], "18:00", "22:00"), window(["Mon"], "18:00", "22:00")],
        },
        "tou_windows[1]: overlaps tou_windows[0] on Mon 18:00-22:00",
    ),
    # Sun 22:00-02:00 runs into Monday: it overlaps a Monday window at 01:00 across the week's wrap.
    (
        {
            "energy_price_per_kWh": "0.60",
            "tou_windows": [window(["Sun"], "22:00", "02:00"), window(["Mon"], "01:00", "03:00")],
        },
        "tou_windows[1]: overlaps tou_windows[0] on Mon 01:00-02:00",
    ),
    (  # Fri 22:00-07:00 runs into Saturday morning, which the whole-day weekend window also prices.
        {
            "energy_price_per_kWh": "0.60",
            "tou_windows": [window(["Mon-Fri"], "22:00", "07:00"), window(["Sat-Sun"], "00:00", "24:00")],
        },
        "tou_windows[1]: overlaps tou_windows[0] on Sat 00:00-07:00",
    ),
    (
        {"energy_price_per_kWh": "0.60", "tou_windows": [window(["Mon"], "25:00", "22:00")]},
        "tou_windows[0].start: '25:00' is not a time HH:MM (00:00-23:59)",
    ),
    (
        {"energy_price_per_kWh": "0.60", "tou_windows": [window(["Mon"], "24:00", "22:00")]},
        "tou_windows[0].start: '24:00'",
    ),
    (
        {"energy_price_per_kWh": "0.60", "tou_windows": [window(["Mon"], "18:00", "22:60")]},
        "tou_windows[0].end: '22:60'",
    ),
    (
        {"energy_price_per_kWh": "0.60", "tou_windows": [window(["Mon"], "6pm", "22:00")]},
        "tou_windows[0].start: '6pm'",
    ),
    (
        {"energy_price_per_kWh": "0.60", "tou_windows": [window(["Mon"], "18:00", "18:00")]},
        "tou_windows[0].end: equals start",
    ),
    (
        {"energy_price_per_kWh": "0.60", "tou_windows": [window(["Monday"], "18:00", "22:00")]},
        "tou_windows[0].days: 'Monday' is not a day",
    ),
    (
        {"energy_price_per_kWh": "0.60", "tou_windows": [window([], "18:00", "22:00")]},
        "tou_windows[0].days: expected day",
    ),
    (
        {"energy_price_per_kWh": "0.60", "tou_windows": [window(["Mon"], "18:00", "22:00", "-0.80")]},
        "tou_windows[0].energy_price_per_kWh: must not be negative, got -0.8000",
    ),
    (
        {
            "energy_price_per_kWh": "0.60",
            "tou_windows": [{"days": ["Mon"], "start": "18:00", "end": "22:00"}],
        },
        "tou_windows[0].energy_price_per_kWh: required",
    ),
    (
        {
            "energy_price_per_kWh": "0.60",
            "tou_windows": [{**window(["Mon"], "18:00", "22:00"), "name": "peak"}],
        },
        "tou_windows[0].name: unknown key",
    ),
]


@pytest.mark.parametrize(
    ("data", "message"), INVALID, ids=[message.split(":")[0] + "|" + message[-20:] for _, message in INVALID]
)
def test_invalid_tariff_is_refused_naming_its_field(data: dict[str, object], message: str) -> None:
    with pytest.raises(TariffError) as refused:
        tariff_from_dict(data)
    assert str(refused.value).startswith(message)
