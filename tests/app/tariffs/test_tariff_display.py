"""What the driver reads: the price before the start and the running and final cost, in English and Malay."""

from __future__ import annotations

import string
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from app.tariffs import SessionUsage, compute_cost, cost_lines, price_lines, tariff_from_dict
from app.tariffs.messages import LANGUAGES, MESSAGES

KL = ZoneInfo("Asia/Kuala_Lumpur")
TARIFF = tariff_from_dict(
    {
        "energy_price_per_kWh": "0.60",
        "time_price_per_minute": "0.10",
        "session_fee": "1.00",
        "idle_fee_per_minute": "0.50",
        "idle_grace_minutes": 15,
        "minimum_charge": "2.00",
        "maximum_charge": "50.00",
        "tou_windows": [
            {"days": ["Mon-Fri"], "start": "18:00", "end": "22:00", "energy_price_per_kWh": "0.80"},
            {"days": ["Sat", "Sun"], "start": "22:00", "end": "06:00", "energy_price_per_kWh": "0.4550"},
        ],
    }
)
# Wed 5 March 2025 17:30-19:30: 7 kWh from 17:30 to 18:30 (half before the 18:00 peak), then full.
START = datetime(2025, 3, 5, 17, 30, tzinfo=KL)
USAGE = SessionUsage(
    START,
    START + timedelta(hours=2),
    [(START, 0), (START + timedelta(hours=1), 7000)],
    [(START + timedelta(hours=1), START + timedelta(hours=2))],
)


def test_price_before_the_start_in_english() -> None:
    assert price_lines(TARIFF, "en") == [
        "Mon-Fri 18:00-22:00: RM 0.80 per kWh",
        "Sat, Sun 22:00-06:00: RM 0.455 per kWh",
        "Energy at other times: RM 0.60 per kWh",
        "Charging time: RM 0.10 per minute",
        "Session fee: RM 1.00",
        "Idle fee when the car stops taking power: RM 0.50 per minute after 15 min free",
        "Minimum charge: RM 2.00",
        "Maximum charge: RM 50.00",
        "Prices include SST 8%",
        "This price will not change during your session",
    ]


def test_price_before_the_start_in_malay() -> None:
    assert price_lines(TARIFF, "ms") == [
        "Isn-Jum 18:00-22:00: RM 0.80 setiap kWh",
        "Sab, Ahd 22:00-06:00: RM 0.455 setiap kWh",
        "Tenaga pada waktu lain: RM 0.60 setiap kWh",
        "Masa pengecasan: RM 0.10 setiap minit",
        "Yuran sesi: RM 1.00",
        "Caj menunggu apabila kereta berhenti mengecas: RM 0.50 seminit selepas 15 minit percuma",
        "Caj minimum: RM 2.00",
        "Caj maksimum: RM 50.00",
        "Harga termasuk SST 8%",
        "Harga ini tidak akan berubah sepanjang sesi anda",
    ]


def test_final_cost_in_both_languages() -> None:
    # 3.5 kWh x 0.60 = 2.10; 3.5 kWh x 0.80 = 2.80; 60 min charging x 0.10 = 6.00; fee 1.00;
    # idle 60 min - 15 free = 45 x 0.50 = 22.50. Subtotal 34.40, SST inside 3440 x 8/108 = 254.8 -> 2.55.
    cost = compute_cost(TARIFF, USAGE)
    assert cost_lines(TARIFF, cost, "en", final=True) == [
        "Energy 3.500 kWh x RM 0.60: RM 2.10",
        "Energy Mon-Fri 18:00-22:00, 3.500 kWh x RM 0.80: RM 2.80",
        "Charging time 60.0 min x RM 0.10: RM 6.00",
        "Session fee: RM 1.00",
        "Idle time 60.0 min (15 min free) x RM 0.50: RM 22.50",
        "Subtotal: RM 34.40",
        "Includes SST 8%: RM 2.55",
        "Total: RM 34.40",
    ]
    assert cost_lines(TARIFF, cost, "ms", final=True) == [
        "Tenaga 3.500 kWh x RM 0.60: RM 2.10",
        "Tenaga Isn-Jum 18:00-22:00, 3.500 kWh x RM 0.80: RM 2.80",
        "Masa pengecasan 60.0 minit x RM 0.10: RM 6.00",
        "Yuran sesi: RM 1.00",
        "Masa menunggu 60.0 minit (15 minit percuma) x RM 0.50: RM 22.50",
        "Jumlah kecil: RM 34.40",
        "Termasuk SST 8%: RM 2.55",
        "Jumlah: RM 34.40",
    ]


def test_running_cost_with_a_minimum_and_tax_added() -> None:
    # 10 min in: 0.250 kWh x 0.60 = 0.15, 10 min x 0.10 = 1.00, fee 1.00 = 2.15, below the minimum
    # RM 5.00, so raised by 2.85; SST 6.5 % added on top: 500 x 0.065 = 32.5 -> 33 sen; 5.33 so far.
    priced = tariff_from_dict(
        {
            "energy_price_per_kWh": "0.60",
            "time_price_per_minute": "0.10",
            "session_fee": "1.00",
            "minimum_charge": "5.00",
            "tax_rate_bp": 650,
            "tax_inclusive": False,
        }
    )
    usage = SessionUsage(
        START, START + timedelta(minutes=10), [(START, 0), (START + timedelta(minutes=10), 250)]
    )
    cost = compute_cost(priced, usage)
    assert cost_lines(priced, cost, "en", final=False) == [
        "Energy 0.250 kWh x RM 0.60: RM 0.15",
        "Charging time 10.0 min x RM 0.10: RM 1.00",
        "Session fee: RM 1.00",
        "Subtotal: RM 2.15",
        "Raised to the minimum charge: RM 2.85",
        "SST 6.5%: RM 0.33",
        "Cost so far: RM 5.33",
    ]
    assert cost_lines(priced, cost, "ms", final=False)[-3:] == [
        "Dinaikkan ke caj minimum: RM 2.85",
        "SST 6.5%: RM 0.33",
        "Kos setakat ini: RM 5.33",
    ]
    assert price_lines(priced, "en")[-2:] == [
        "Prices exclude SST; 6.5% is added to the total",
        "This price will not change during your session",
    ]


def test_cap_zero_energy_and_no_tax_lines() -> None:
    priced = tariff_from_dict({"energy_price_per_kWh": "0.60", "maximum_charge": "1000.00"})
    big = SessionUsage(
        START, START + timedelta(hours=30), [(START, 0), (START + timedelta(hours=30), 2_000_000)]
    )
    # 2,000 kWh x 0.60 = RM 1,200.00, capped at RM 1,000.00 (-RM 200.00).
    assert cost_lines(priced, compute_cost(priced, big), "en", final=True)[-4:] == [
        "Subtotal: RM 1,200.00",
        "Capped at the maximum charge: -RM 200.00",
        "Includes SST 8%: RM 74.07",
        "Total: RM 1,000.00",
    ]
    free = tariff_from_dict({"energy_price_per_kWh": "0", "tax_rate_bp": 0})
    empty = compute_cost(free, SessionUsage(START, START))
    assert cost_lines(free, empty, "ms", final=True) == [
        "Tenaga 0.000 kWh x RM 0.00: RM 0.00",
        "Jumlah kecil: RM 0.00",
        "Jumlah: RM 0.00",
    ]
    assert price_lines(free, "en") == [
        "Energy: RM 0.00 per kWh",
        "No tax is charged",
        "This price will not change during your session",
    ]


def test_catalogue_is_complete_for_both_languages_with_the_same_placeholders() -> None:
    def placeholders(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    assert set(MESSAGES) == set(LANGUAGES)
    english = MESSAGES["en"]
    for language in LANGUAGES:
        assert MESSAGES[language].keys() == english.keys(), language
        for message_id, template in MESSAGES[language].items():
            assert template.strip(), (language, message_id)
            assert placeholders(template) == placeholders(english[message_id]), (language, message_id)
