"""The driver-facing texts of prices and costs, by message id, in English and Bahasa Melayu."""

from __future__ import annotations

from typing import Any

LANGUAGES = ("en", "ms")

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "day.0": "Mon",
        "day.1": "Tue",
        "day.2": "Wed",
        "day.3": "Thu",
        "day.4": "Fri",
        "day.5": "Sat",
        "day.6": "Sun",
        "days.every": "Every day",
        "price.energy": "Energy: {rate} per kWh",
        "price.energy_other_times": "Energy at other times: {rate} per kWh",
        "price.window": "{days} {start}-{end}: {rate} per kWh",
        "price.time": "Charging time: {rate} per minute",
        "price.session_fee": "Session fee: {amount}",
        "price.idle": "Idle fee once the car is full: {rate} per minute after {grace} min",
        "price.idle_no_grace": "Idle fee once the car is full: {rate} per minute",
        "price.minimum": "Minimum charge: {amount}",
        "price.maximum": "Maximum charge: {amount}",
        "price.tax_inclusive": "Prices include SST {rate}%",
        "price.tax_exclusive": "Prices exclude SST; {rate}% is added to the total",
        "price.no_tax": "No tax is charged",
        "price.fixed": "This price will not change during your session",
        "cost.energy": "Energy {kWh} kWh x {rate}: {amount}",
        "cost.energy_window": "Energy {days} {start}-{end}, {kWh} kWh x {rate}: {amount}",
        "cost.time": "Charging time {minutes} min x {rate}: {amount}",
        "cost.session_fee": "Session fee: {amount}",
        "cost.idle": "Idle {minutes} min ({grace} min free) x {rate}: {amount}",
        "cost.subtotal": "Subtotal: {amount}",
        "cost.minimum": "Raised to the minimum charge: {amount}",
        "cost.maximum": "Capped at the maximum charge: {amount}",
        "cost.tax_inclusive": "Includes SST {rate}%: {amount}",
        "cost.tax_exclusive": "SST {rate}%: {amount}",
        "cost.running_total": "Cost so far: {amount}",
        "cost.final_total": "Total: {amount}",
    },
    "ms": {
        "day.0": "Isn",
        "day.1": "Sel",
        "day.2": "Rab",
        "day.3": "Kha",
        "day.4": "Jum",
        "day.5": "Sab",
        "day.6": "Ahd",
        "days.every": "Setiap hari",
        "price.energy": "Tenaga: {rate} setiap kWh",
        "price.energy_other_times": "Tenaga pada waktu lain: {rate} setiap kWh",
        "price.window": "{days} {start}-{end}: {rate} setiap kWh",
        "price.time": "Masa pengecasan: {rate} setiap minit",
        "price.session_fee": "Yuran sesi: {amount}",
        "price.idle": "Caj melahu selepas bateri penuh: {rate} setiap minit selepas {grace} minit",
        "price.idle_no_grace": "Caj melahu selepas bateri penuh: {rate} setiap minit",
        "price.minimum": "Caj minimum: {amount}",
        "price.maximum": "Caj maksimum: {amount}",
        "price.tax_inclusive": "Harga termasuk SST {rate}%",
        "price.tax_exclusive": "Harga tidak termasuk SST; {rate}% ditambah pada jumlah",
        "price.no_tax": "Tiada cukai dikenakan",
        "price.fixed": "Harga ini tidak akan berubah sepanjang sesi anda",
        "cost.energy": "Tenaga {kWh} kWh x {rate}: {amount}",
        "cost.energy_window": "Tenaga {days} {start}-{end}, {kWh} kWh x {rate}: {amount}",
        "cost.time": "Masa pengecasan {minutes} minit x {rate}: {amount}",
        "cost.session_fee": "Yuran sesi: {amount}",
        "cost.idle": "Melahu {minutes} minit ({grace} minit percuma) x {rate}: {amount}",
        "cost.subtotal": "Jumlah kecil: {amount}",
        "cost.minimum": "Dinaikkan ke caj minimum: {amount}",
        "cost.maximum": "Dihadkan pada caj maksimum: {amount}",
        "cost.tax_inclusive": "Termasuk SST {rate}%: {amount}",
        "cost.tax_exclusive": "SST {rate}%: {amount}",
        "cost.running_total": "Kos setakat ini: {amount}",
        "cost.final_total": "Jumlah: {amount}",
    },
}


def text(language: str, message_id: str, **values: Any) -> str:
    """The message in the language with its placeholders filled; KeyError for an unknown id or language."""
    return MESSAGES[language][message_id].format(**values)
