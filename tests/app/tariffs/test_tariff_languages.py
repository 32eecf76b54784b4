"""Every kiosk language has the whole price and cost catalogue and renders every line the English one does."""

from __future__ import annotations

import re
import string
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app import money
from app.tariffs import SessionUsage, Tariff, compute_cost, cost_lines, price_lines, tariff_from_dict
from app.tariffs.messages import LANGUAGES, MESSAGES

KL = ZoneInfo("Asia/Kuala_Lumpur")
# Wed 5 March 2025 17:30-19:30, crossing the 18:00 peak window; the car stops taking power at 18:30.
START = datetime(2025, 3, 5, 17, 30, tzinfo=KL)
USAGE = SessionUsage(
    START,
    START + timedelta(hours=2),
    [(START, 0), (START + timedelta(hours=1), 7000)],
    [(START + timedelta(hours=1), START + timedelta(hours=2))],
)
SHORT = SessionUsage(START, START + timedelta(minutes=10), [(START, 0), (START + timedelta(minutes=10), 250)])
LONG = SessionUsage(
    START, START + timedelta(hours=30), [(START, 0), (START + timedelta(hours=30), 2_000_000)]
)

# Between them these tariffs and sessions use every message id: windows, time and idle fees with and
# without a free grace, minimum and maximum, tax included, added and none.
CASES: list[tuple[Tariff, SessionUsage]] = [
    (
        tariff_from_dict(
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
                    {
                        "days": ["Sat", "Sun"],
                        "start": "22:00",
                        "end": "06:00",
                        "energy_price_per_kWh": "0.455",
                    },
                    {"days": ["Mon-Sun"], "start": "06:00", "end": "07:00", "energy_price_per_kWh": "0.50"},
                ],
            }
        ),
        USAGE,
    ),
    (
        tariff_from_dict(
            {
                "energy_price_per_kWh": "0.60",
                "time_price_per_minute": "0.10",
                "session_fee": "1.00",
                "idle_fee_per_minute": "0.50",
                "minimum_charge": "5.00",
                "tax_rate_bp": 650,
                "tax_inclusive": False,
            }
        ),
        SHORT,
    ),
    (tariff_from_dict({"energy_price_per_kWh": "0.60", "maximum_charge": "1000.00"}), LONG),
    (tariff_from_dict({"energy_price_per_kWh": "0", "tax_rate_bp": 0}), SessionUsage(START, START)),
]

NUMBER = re.compile(r"\d(?:[\d,.:%-]*[\d%])?")  # a figure never ends in punctuation


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _numbers(line: str) -> list[str]:
    """The figures of a line, in sorted order: a translation may move them but not change or drop one."""
    return sorted(NUMBER.findall(line))


def _rendered(language: str) -> list[list[str]]:
    pages = []
    for tariff, usage in CASES:
        cost = compute_cost(tariff, usage)
        pages.append(price_lines(tariff, language))
        pages.append(cost_lines(tariff, cost, language, final=False))
        pages.append(cost_lines(tariff, cost, language, final=True))
    return pages


def test_every_language_has_exactly_the_english_ids_and_placeholders() -> None:
    assert set(MESSAGES) == set(LANGUAGES)
    english = MESSAGES["en"]
    for language in LANGUAGES:
        assert MESSAGES[language].keys() == english.keys(), language
        for message_id, template in MESSAGES[language].items():
            assert template.strip(), (language, message_id)
            assert _placeholders(template) == _placeholders(english[message_id]), (language, message_id)


def test_every_language_has_a_number_style() -> None:
    assert set(LANGUAGES) <= set(money.NUMBER_STYLES)


def test_the_cases_use_every_message_id() -> None:
    # The render test below proves a language whole only if the cases reach every message.
    used: set[str] = set()
    for page in _rendered("en"):
        for line in page:
            used.update(
                message_id
                for message_id, template in MESSAGES["en"].items()
                if re.fullmatch(re.sub(r"\\\{\w+\\\}", ".*", re.escape(template)), line)
            )
    days = {f"day.{n}" for n in range(7)} | {"days.every", "price.headline"}
    assert set(MESSAGES["en"]) - days <= used, set(MESSAGES["en"]) - days - used


@pytest.mark.parametrize("language", LANGUAGES)
def test_price_and_cost_lines_render_like_english(language: str) -> None:
    for english_page, page in zip(_rendered("en"), _rendered(language), strict=True):
        assert len(page) == len(english_page), (language, page)
        for english_line, line in zip(english_page, page, strict=True):
            assert line.strip(), (language, english_line)
            assert "{" not in line and "}" not in line, (language, line)
            assert _numbers(line) == _numbers(english_line), (language, english_line, line)
