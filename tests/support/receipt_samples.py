"""Sample receipt documents for the receipt tests: a card payment with SST and a refund, in any language."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

from app.payments.receipt_document import ReceiptDocument, Refund

TARIFF_LINES = {
    "en": ("Energy: RM 0.555 per kWh", "Session fee: RM 1.00"),
    "ms": ("Tenaga: RM 0.555 sekWh", "Caj sesi: RM 1.00"),
    "zh_CN": ("电量：每 kWh RM 0.555", "每次充电费：RM 1.00"),
    "ta": ("மின்சக்தி: ஒரு kWh-க்கு RM 0.555", "அமர்வுக் கட்டணம்: RM 1.00"),
}
COST_LINES = {
    "en": (("Energy 20.480 kWh x RM 0.555", 1137), ("Session fee", 100)),
    "ms": (("Tenaga 20.480 kWh x RM 0.555", 1137), ("Caj sesi", 100)),
    "zh_CN": (("电量 20.480 kWh x RM 0.555", 1137), ("每次充电费", 100)),
    "ta": (("மின்சக்தி 20.480 kWh x RM 0.555", 1137), ("அமர்வுக் கட்டணம்", 100)),
}


def sample_receipt(language: str = "en", **changes: Any) -> ReceiptDocument:
    """A paid, partly refunded card session at an SST-registered operator; `changes` replace fields."""
    fields: dict[str, Any] = dict(
        receipt_no="DEMO-01-000042",
        issued_at=datetime(2026, 12, 4, 8, 30, tzinfo=UTC),
        timezone="Asia/Kuala_Lumpur",
        language=language,
        operator_name="Cas Laju Sdn. Bhd.",
        operator_registration="202301012345",
        operator_address="Lot 5, Jalan Teknologi 3/1\n47810 Petaling Jaya, Selangor",
        tax_registration="W10-1808-32000123",
        tax_rate_text="8%",
        station_id="DEMO-01",
        station_name="Mall Level B1",
        connector_label="A (CCS2)",
        session_reference="TX 1187",
        started_at=datetime(2026, 12, 4, 7, 40, tzinfo=UTC),
        stopped_at=datetime(2026, 12, 4, 8, 28, tzinfo=UTC),
        energy_Wh=20480,
        meter_start_Wh=1234567,
        meter_stop_Wh=1255047,
        tariff_lines=TARIFF_LINES[language],
        cost_lines=COST_LINES[language],
        subtotal_minor=1237,
        tax_minor=99,
        total_minor=1336,
        currency="MYR",
        payment_method="card_present",
        card_brand="Visa",
        card_last4="4242",
        authorised_minor=5000,
        captured_minor=1336,
        refunds=(Refund(datetime(2026, 12, 4, 9, 0, tzinfo=UTC), 200, ""),),
        provider_reference="pi_3QxDemoReceipt42",
        authorisation_code="A1B2C3",
        helpline="+60 3-1234 5678",
    )
    fields.update(changes)
    return ReceiptDocument(**fields)


def without_tax(doc: ReceiptDocument) -> ReceiptDocument:
    """The same receipt from an operator not registered for SST."""
    return dataclasses.replace(
        doc,
        tax_registration="",
        tax_rate_text="",
        tax_minor=0,
        total_minor=doc.subtotal_minor,
        captured_minor=doc.subtotal_minor,
    )
