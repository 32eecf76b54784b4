"""What the driver reads: the price before the start and the running or final cost, as lines of text."""

from __future__ import annotations

from datetime import datetime

from app import money
from app.tariffs.cost import CostBreakdown, window_at
from app.tariffs.messages import text
from app.tariffs.model import Tariff, TouWindow, minute_text


def price_lines(tariff: Tariff, language: str, *, energy: bool = True) -> list[str]:
    """The price list shown before the session starts: per kWh first, then the per-minute, session and
    idle fees, the minimum and maximum, the tax, and that the price is fixed for the session (EU AFIR
    Art. 5 and the UK Public Charge Point Regulations 2023: the price is known before charging).
    energy=False leaves out a single energy price (shown apart as the headline); time-of-use windows
    always stay, since the headline gives only the price in force now."""
    currency = tariff.currency

    def rate(value_cminor: int) -> str:
        return money.format_rate(value_cminor, currency, language)

    def amount(value_minor: int) -> str:
        return money.format_money(value_minor, currency, language)

    lines = [
        text(
            language,
            "price.window",
            **_window_hours(window, language),
            rate=rate(window.energy_price_cminor_per_kWh),
        )
        for window in tariff.tou_windows
    ]
    base_id = "price.energy_other_times" if tariff.tou_windows else "price.energy"
    if energy or tariff.tou_windows:
        lines.append(text(language, base_id, rate=rate(tariff.energy_price_cminor_per_kWh)))
    if tariff.time_price_cminor_per_min:
        lines.append(text(language, "price.time", rate=rate(tariff.time_price_cminor_per_min)))
    if tariff.session_fee_minor:
        lines.append(text(language, "price.session_fee", amount=amount(tariff.session_fee_minor)))
    if tariff.idle_fee_cminor_per_min:
        idle_rate = rate(tariff.idle_fee_cminor_per_min)
        if tariff.idle_grace_s:
            lines.append(text(language, "price.idle", rate=idle_rate, grace=tariff.idle_grace_s // 60))
        else:
            lines.append(text(language, "price.idle_no_grace", rate=idle_rate))
    if tariff.minimum_charge_minor:
        lines.append(text(language, "price.minimum", amount=amount(tariff.minimum_charge_minor)))
    if tariff.maximum_charge_minor is not None:
        lines.append(text(language, "price.maximum", amount=amount(tariff.maximum_charge_minor)))
    if not tariff.tax_rate_bp:
        lines.append(text(language, "price.no_tax"))
    else:
        tax_id = "price.tax_inclusive" if tariff.tax_inclusive else "price.tax_exclusive"
        lines.append(text(language, tax_id, rate=percent_text(tariff.tax_rate_bp, language)))
    lines.append(text(language, "price.fixed"))
    return lines


def headline(tariff: Tariff, language: str, now: datetime) -> str:
    """The energy price in force at `now`, alone ("RM 1.20 per kWh"): what the driver reads first, in
    large type, on idle and where a session is committed to (the full list is price_lines)."""
    window = window_at(tariff, now)
    price = (
        tariff.energy_price_cminor_per_kWh
        if window is None
        else tariff.tou_windows[window].energy_price_cminor_per_kWh
    )
    return text(language, "price.headline", rate=money.format_rate(price, tariff.currency, language))


def cost_lines(tariff: Tariff, cost: CostBreakdown, language: str, *, final: bool) -> list[str]:
    """The running cost (final=False) or the final bill's lines, each amount as the breakdown has it."""
    currency = cost.currency

    def rate(value_cminor: int) -> str:
        return money.format_rate(value_cminor, currency, language)

    def amount(value_minor: int) -> str:
        return money.format_money(value_minor, currency, language)

    lines = []
    for line in cost.energy_lines:
        values = {
            "kWh": money.format_number(money.round_half_up(line.energy_Wh), 3, language),
            "rate": rate(line.price_cminor_per_kWh),
            "amount": amount(line.amount_minor),
        }
        if line.window is None:
            lines.append(text(language, "cost.energy", **values))
        else:
            hours = _window_hours(tariff.tou_windows[line.window], language)
            lines.append(text(language, "cost.energy_window", **hours, **values))
    if not cost.energy_lines:
        zero = money.format_number(0, 3, language)
        lines.append(
            text(
                language,
                "cost.energy",
                kWh=zero,
                rate=rate(tariff.energy_price_cminor_per_kWh),
                amount=amount(0),
            )
        )
    if cost.time_price_cminor_per_min:
        minutes = money.format_number(money.round_half_up(cost.charging_s / 6), 1, language)
        lines.append(
            text(
                language,
                "cost.time",
                minutes=minutes,
                rate=rate(cost.time_price_cminor_per_min),
                amount=amount(cost.time_amount_minor),
            )
        )
    if cost.session_fee_minor:
        lines.append(text(language, "cost.session_fee", amount=amount(cost.session_fee_minor)))
    if cost.idle_fee_cminor_per_min and cost.idle_s:
        minutes = money.format_number(money.round_half_up(cost.idle_s / 6), 1, language)
        lines.append(
            text(
                language,
                "cost.idle",
                minutes=minutes,
                grace=tariff.idle_grace_s // 60,
                rate=rate(cost.idle_fee_cminor_per_min),
                amount=amount(cost.idle_amount_minor),
            )
        )
    lines.append(text(language, "cost.subtotal", amount=amount(cost.subtotal_minor)))
    if cost.adjustment_minor > 0:
        lines.append(text(language, "cost.minimum", amount=amount(cost.adjustment_minor)))
    elif cost.adjustment_minor < 0:
        lines.append(text(language, "cost.maximum", amount=amount(cost.adjustment_minor)))
    if cost.tax_rate_bp:
        tax_id = "cost.tax_inclusive" if cost.tax_inclusive else "cost.tax_exclusive"
        lines.append(
            text(
                language, tax_id, rate=percent_text(cost.tax_rate_bp, language), amount=amount(cost.tax_minor)
            )
        )
    total_id = "cost.final_total" if final else "cost.running_total"
    lines.append(text(language, total_id, amount=amount(cost.total_minor)))
    return lines


def percent_text(rate_bp: int, language: str) -> str:
    """Basis points as a percentage without needless decimals: 800 -> "8", 650 -> "6.5"."""
    places = 2
    while places and rate_bp % 10 == 0:
        rate_bp //= 10
        places -= 1
    return money.format_number(rate_bp, places, language)


def days_text(days: frozenset[int], language: str) -> str:
    """Days as the driver reads them: runs of three or more as a range ("Mon-Fri"), others listed."""
    if len(days) == 7:
        return text(language, "days.every")
    runs: list[list[int]] = []
    for day in sorted(days):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        names = [text(language, f"day.{day}") for day in run]
        parts.append(f"{names[0]}-{names[-1]}" if len(run) >= 3 else ", ".join(names))
    return ", ".join(parts)


def _window_hours(window: TouWindow, language: str) -> dict[str, str]:
    return {
        "days": days_text(window.days, language),
        "start": minute_text(window.start_min),
        "end": minute_text(window.end_min),
    }


def bill_items(tariff: Tariff, cost: CostBreakdown, language: str) -> list[tuple[str, int]]:
    """The bill's priced lines before tax, each (its words without the amount, its amount): what a
    receipt prints in two columns. They add up to the amount the tax is computed on."""
    lines = cost_lines(tariff, cost, language, final=True)
    amounts = [line.amount_minor for line in cost.energy_lines] or [0]
    if cost.time_price_cminor_per_min:
        amounts.append(cost.time_amount_minor)
    if cost.session_fee_minor:
        amounts.append(cost.session_fee_minor)
    if cost.idle_fee_cminor_per_min and cost.idle_s:
        amounts.append(cost.idle_amount_minor)
    items = [(_words(line), amount) for line, amount in zip(lines, amounts, strict=False)]
    if cost.adjustment_minor:
        # cost_lines puts the subtotal line before the adjustment: the adjustment is the line after it.
        items.append((_words(lines[len(amounts) + 1]), cost.adjustment_minor))
    return items


def _words(line: str) -> str:
    """A cost line without its amount ("Session fee: RM 1.00" -> "Session fee")."""
    for separator in (": ", "："):
        if separator in line:
            return line.rsplit(separator, 1)[0]
    return line
