"""A station that takes payments: the driver facade on the simulator, the real Stripe SDK against the
project's fake Stripe on loopback (checked against Stripe's API description), one simulated terminal."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from driver_station import KIOSK, kiosk_station
from sqlalchemy import select

from app.config import CardTerminal, PaymentSettings, ReceiptParticulars
from app.db.engine import read_only, session_factory
from app.db.models import Payment, PaymentCall, Receipt, Refund
from app.payments import PaymentService
from app.payments.receipts import render_document
from app.runtime.runtime import StationRuntime
from hal.payments.stripe_provider import StripeProvider
from hal.sim.fake_stripe import FakeStripe

RECEIPTS = ReceiptParticulars(
    operator_name="Contoh Cas Sdn Bhd",
    registration="202301234567 (1234567-X)",
    address="Lot 1, Jalan Contoh\n50000 Kuala Lumpur",
    tax_registration="W10-1808-32000123",
)


def payment_settings(reader_id: str, **changes: Any) -> PaymentSettings:
    settings = PaymentSettings(
        provider="stripe",
        terminals=(CardTerminal(reader_id=reader_id),),
        hold="20.00",
        topups=("5.00", "10.00", "20.00"),
        stop_margin="0.20",
        card_timeout_s=20.0,
        qr_timeout_s=60.0,
        receipts=RECEIPTS,
    )
    return dataclasses.replace(settings, **changes)


@contextlib.asynccontextmanager
async def paid_station(
    sim: Any, tmp_path: Path, fake: FakeStripe, **settings: Any
) -> AsyncIterator[tuple[StationRuntime, Any, PaymentService, str, Any]]:
    """(runtime, facade, payment service, reader id, event recorder): a station that takes cards and QR."""
    reader_id = fake.register_reader()
    services: list[PaymentService] = []

    def build(runtime: StationRuntime) -> PaymentService:
        provider = StripeProvider("sk_test_station", api_base=fake.url, qr_methods=("card", "fpx", "grabpay"))
        service = PaymentService(
            runtime.sessions, provider, payment_settings(reader_id, **settings), station_id="KL-07",
            station_name="Hentian Contoh", poll_s=0.1, qr_poll_s=0.2,
        )  # fmt: skip
        service.render_pdf = render_document
        services.append(service)
        return service

    async with kiosk_station(sim, tmp_path, KIOSK, payments=build) as (runtime, facade, _reader, events):
        yield runtime, facade, services[0], reader_id, events


def payment_rows(engine: Any) -> list[Payment]:
    with session_factory(read_only(engine))() as db:
        rows = list(db.scalars(select(Payment).order_by(Payment.id)))
        for row in rows:
            db.expunge(row)
        return rows


def call_rows(engine: Any, payment_id: int) -> list[PaymentCall]:
    with session_factory(read_only(engine))() as db:
        rows = list(
            db.scalars(
                select(PaymentCall).where(PaymentCall.payment_id == payment_id).order_by(PaymentCall.id)
            )
        )
        for row in rows:
            db.expunge(row)
        return rows


def refund_rows(engine: Any) -> list[Refund]:
    with session_factory(read_only(engine))() as db:
        rows = list(db.scalars(select(Refund).order_by(Refund.id)))
        for row in rows:
            db.expunge(row)
        return rows


def receipt_rows(engine: Any) -> list[Receipt]:
    with session_factory(read_only(engine))() as db:
        rows = list(db.scalars(select(Receipt).order_by(Receipt.id)))
        for row in rows:
            db.expunge(row)
        return rows
