"""A paid session's receipt as the driver gets it: the PDF behind the summary's QR code, fetched over
HTTP from the station's receipt server, and e-mailed; the amounts read back from the PDF's text."""

from __future__ import annotations

import asyncio
import email
import email.policy
import io
import urllib.request

import pytest
from aiosmtpd.controller import Controller
from paid_station import paid_station, payment_rows, receipt_rows
from pypdf import PdfReader
from sessions_support import session_row, wait_until
from test_card_payments import pay_and_wait
from test_receipt_mail import Collector, free_port

from app.driver import ReceiptEmailError
from app.money import format_money
from app.payments.receipt_mail import ReceiptMailSettings, send_receipt
from app.payments.receipts import receipt_from_document
from web.receipt_server import ReceiptServer

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)
pytest_plugins = ["stripe_fixtures"]


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_receipt_by_qr_and_by_email_carries_the_captured_amounts(realtime_sim, tmp_path, fake_stripe):
    sim = realtime_sim
    collector = Collector()
    smtp = Controller(collector, hostname="127.0.0.1", port=free_port())
    smtp.start()

    async def scenario() -> None:
        async with paid_station(sim, tmp_path, fake_stripe) as (runtime, facade, service, reader_id, events):
            mail = ReceiptMailSettings("127.0.0.1", smtp.port, False, "", "", "receipts@example.com")
            service.send_mail = lambda pdf, doc, to: send_receipt(pdf, receipt_from_document(doc), to, mail)
            server = ReceiptServer(facade.receipt_pdf, "127.0.0.1", 0)
            await server.start()
            service.local_receipt_base = f"http://127.0.0.1:{server.port}"
            try:
                await sim.ctl.call("plug", charger=0)
                await wait_until(lambda: facade.connectors()[0].vehicle_present, 10, "car plugged")
                await pay_and_wait(facade, events, fake_stripe, reader_id)
                session_id = await facade.start_session("CP00/1", "PAID", language="ms")
                await wait_until(lambda: facade.connectors()[0].energy_Wh > 200, 30, "charging")
                await facade.stop_session("CP00/1")
                await wait_until(
                    lambda: any(e.status == "settled" for e in events.of("payment_update")), 15, "settled"
                )
                summary = facade.summary(session_id, "ms")
                url = summary.payment.receipt_url
                assert url.startswith(f"http://127.0.0.1:{server.port}/r/")
                pdf = await asyncio.to_thread(lambda: urllib.request.urlopen(url, timeout=10).read())
                [receipt] = receipt_rows(runtime.engine)
                assert pdf == receipt.pdf  # the receipt as issued, kept in the ledger
                text = pdf_text(pdf)
                cost = session_row(runtime.engine, session_id).cost_total_minor
                [payment] = payment_rows(runtime.engine)
                assert payment.amount_captured_minor == cost
                for expected in (
                    receipt.receipt_no,
                    format_money(cost, "MYR", "ms"),
                    "4242",
                    "Contoh Cas Sdn Bhd",
                ):
                    assert expected in text, f"{expected!r} not on the receipt"
                assert "Resit" in text  # the driver's language (Malay)
                assert "4242424242424242" not in text
                with pytest.raises(ValueError):
                    await facade.email_receipt(session_id, "not an address")
                await facade.email_receipt(session_id, "aina@example.com")
                [(_sender, recipients, message)] = collector.messages
                assert recipients == ["aina@example.com"]
                parsed = email.message_from_bytes(message, policy=email.policy.default)
                attached = next(part for part in parsed.iter_attachments())
                assert attached.get_content() == pdf
                smtp.stop()
                with pytest.raises(ReceiptEmailError) as failed:
                    await facade.email_receipt(session_id, "aina@example.com")
                assert failed.value.reason == "unreachable"
            finally:
                await server.close()

    asyncio.run(scenario())
