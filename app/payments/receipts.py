"""Issuing a paid session's receipt: the next number of the station (no gaps), its document, its PDF.

The number and the document are written in one transaction, once per session (a second call
returns the first receipt); the PDF is rendered from the document off the event loop and kept with
it, so a receipt printed again is the receipt that was issued. What it carries: docs/receipts.md.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, select

from app.config import ReceiptParticulars
from app.db import ChargingSession, Connector, Payment, Receipt, Refund, session_factory
from app.payments.receipt_document import ReceiptDocument
from app.payments.receipt_document import Refund as ReceiptRefund
from app.payments.receipt_pdf import render_receipt_pdf
from app.sessions import session_cost
from app.tariffs import CostBreakdown, tariff_from_dict
from app.tariffs import display as tariff_display


def receipt_number(station_id: str, seq: int) -> str:
    return f"{station_id}-R{seq:06d}" if station_id else f"R{seq:06d}"


def issue_receipt(
    engine: Engine,
    payment_id: int,
    *,
    station_id: str,
    station_name: str,
    particulars: ReceiptParticulars,
    language: str,
    at: datetime,
) -> Receipt | None:
    """The session's receipt, written now if it has none; None for a payment without a session."""
    with session_factory(engine).begin() as db:
        payment = db.get(Payment, payment_id)
        if payment is None or payment.session_id is None:
            return None
        existing = db.scalar(select(Receipt).where(Receipt.session_id == payment.session_id))
        if existing is not None:
            db.expunge(existing)
            return existing
        session = db.get(ChargingSession, payment.session_id)
        assert session is not None
        # Gapless per station: the next number after the station's highest, in the same transaction
        # as the receipt (SQLite's single writer; the unique (station_id, seq) guards PostgreSQL).
        seq = (db.scalar(select(func.max(Receipt.seq)).where(Receipt.station_id == station_id)) or 0) + 1
        connector = db.get(Connector, session.connector_id)
        assert connector is not None
        # The number painted on the charger (the OCPP connector id), as the kiosk's tiles show it.
        label = str(connector.ocpp_connector_id)
        cost = None
        if (
            session.started_at is not None
            and session.stopped_at is not None
            and session.meter_stop_Wh is not None
        ):
            cost = session_cost(db, session, session.stopped_at, session.meter_stop_Wh)
        refunds = db.scalars(
            select(Refund)
            .where(Refund.payment_id == payment.id, Refund.state != "failed")
            .order_by(Refund.id)
        ).all()
        document = receipt_document(
            payment, session, cost, list(refunds), seq=seq, station_id=station_id,
            station_name=station_name, particulars=particulars, language=language,
            connector_label=label, at=at,
        )  # fmt: skip
        row = Receipt(
            receipt_no=document["receipt_no"],
            station_id=station_id,
            seq=seq,
            session_id=session.id,
            payment_id=payment.id,
            token=secrets.token_urlsafe(24),
            issued_at=at,
            currency=session.currency,
            total_minor=session.cost_total_minor or 0,
            tax_minor=session.cost_tax_minor or 0,
            language=language,
            document=document,
            pdf=None,
            emails_sent=0,
        )
        db.add(row)
        db.flush()
        db.expunge(row)
        return row


def receipt_document(
    payment: Payment,
    session: ChargingSession,
    cost: CostBreakdown | None,
    refunds: list[Refund],
    *,
    seq: int,
    station_id: str,
    station_name: str,
    particulars: ReceiptParticulars,
    language: str,
    connector_label: str,
    at: datetime,
) -> dict[str, Any]:
    """Everything the receipt prints (app/payments/receipt_document.py), as JSON: the ledger's amounts,
    to the sen, and the bill's lines in the receipt's language."""
    tariff = tariff_from_dict(session.tariff)
    total = session.cost_total_minor or 0
    items = tariff_display.bill_items(tariff, cost, language) if cost is not None else []
    tax = cost.tax_minor if cost is not None else 0
    registered = bool(particulars.tax_registration)
    inclusive = bool(cost is not None and cost.tax_inclusive)
    if tax and not registered and not inclusive:
        # Tax collected by a seller who is not registered is still part of the bill: a line of its
        # own, but no SST particulars (those belong to registered persons only).
        items.append((f"{tariff.tax_rate_bp / 100:g}%", tax))
    subtotal = sum(amount for _, amount in items)
    if not registered:
        tax = 0
    return {
        "receipt_no": receipt_number(station_id, seq),
        "issued_at": at.isoformat(),
        "timezone": particulars.timezone,
        "language": language,
        "operator_name": particulars.operator_name or station_name or station_id,
        "operator_registration": particulars.registration,
        "operator_address": particulars.address,
        "tax_registration": particulars.tax_registration,
        "tax_rate_text": f"{tariff.tax_rate_bp / 100:g}%" if registered and tariff.tax_rate_bp else "",
        "tax_inclusive": inclusive,
        "station_id": station_id,
        "station_name": station_name,
        "connector_label": connector_label,
        "session_reference": f"{station_id}-{session.id:06d}" if station_id else f"{session.id:06d}",
        "started_at": (session.started_at or session.created_at).isoformat(),
        "stopped_at": (session.stopped_at or session.ended_at or at).isoformat(),
        "energy_Wh": session.energy_Wh or 0,
        "meter_start_Wh": session.meter_start_Wh if session.meter_stop_Wh is not None else None,
        "meter_stop_Wh": session.meter_stop_Wh if session.meter_start_Wh is not None else None,
        "tariff_lines": tariff_display.price_lines(tariff, language),
        "cost_lines": [[words, amount] for words, amount in items],
        "subtotal_minor": subtotal,
        "tax_minor": tax,
        "total_minor": total,
        "currency": session.currency,
        "payment_method": payment.method,
        "card_brand": payment.card_brand.title() if payment.card_brand else None,
        "card_last4": payment.card_last4,
        "authorised_minor": payment.amount_authorised_minor,
        "captured_minor": payment.amount_captured_minor,
        "refunds": [
            {"at": r.requested_at.isoformat(), "amount_minor": r.amount_minor, "reason": r.reason}
            for r in refunds
        ],
        "provider_reference": payment.provider_payment_id or "",
    }


def receipt_from_document(document: dict[str, Any]) -> ReceiptDocument:
    """The checked receipt (amounts add up, no card data) from its ledger JSON."""
    values = dict(document)
    for name in ("issued_at", "started_at", "stopped_at"):
        values[name] = datetime.fromisoformat(values[name])
    values["tariff_lines"] = tuple(values["tariff_lines"])
    values["cost_lines"] = tuple((str(words), int(amount)) for words, amount in values["cost_lines"])
    values["refunds"] = tuple(
        ReceiptRefund(datetime.fromisoformat(r["at"]), int(r["amount_minor"]), str(r.get("reason", "")))
        for r in values["refunds"]
    )
    return ReceiptDocument(**values)


def render_document(document: dict[str, Any]) -> bytes:
    """The receipt's PDF from its ledger JSON (blocking: call it on a worker thread)."""
    return render_receipt_pdf(receipt_from_document(document))
