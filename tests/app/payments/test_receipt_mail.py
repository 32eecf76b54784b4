"""Receipts by e-mail against a real SMTP server on loopback (aiosmtpd): message, language, failures."""

from __future__ import annotations

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from receipt_samples import sample_receipt

from app.payments.receipt_mail import ReceiptMailError, ReceiptMailSettings, send_receipt, valid_email
from app.payments.receipt_pdf import render_receipt_pdf

PDF = b"%PDF-1.4 stand-in receipt bytes\n%%EOF\n"


class Collector:
    """Keeps every message; refuses recipients at the domain "refused.example"."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.endswith("@refused.example"):
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted"


@pytest.fixture
def smtp_server():
    handler = Collector()
    # aiosmtpd's Controller checks readiness by connecting to its port, so it needs a real one, not 0.
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield handler, controller.port
    finally:
        controller.stop()


def settings_for(port: int) -> ReceiptMailSettings:
    return ReceiptMailSettings(
        host="127.0.0.1",
        port=port,
        starttls=False,
        username="",
        password="",
        sender="receipts@cas-laju.example",
        timeout_s=5.0,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def received(handler: Collector) -> email.message.EmailMessage:
    assert len(handler.messages) == 1
    return email.message_from_bytes(handler.messages[0][2], policy=email.policy.default)


def test_the_attachment_is_the_pdf(smtp_server):
    handler, port = smtp_server
    doc = sample_receipt("en")
    pdf = render_receipt_pdf(doc)
    send_receipt(pdf, doc, "driver@example.com", settings_for(port))
    sender, recipients, _ = handler.messages[0]
    assert sender == "receipts@cas-laju.example" and recipients == ["driver@example.com"]
    message = received(handler)
    assert message["Subject"] == "Your charging receipt DEMO-01-000042"
    assert message["To"] == "driver@example.com"
    attachments = list(message.iter_attachments())
    assert len(attachments) == 1
    assert attachments[0].get_content_type() == "application/pdf"
    assert attachments[0].get_filename() == "receipt-DEMO-01-000042.pdf"
    assert attachments[0].get_content() == pdf
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "RM 13.36" in body and "20.480 kWh" in body


def test_subject_and_body_in_malay(smtp_server):
    handler, port = smtp_server
    doc = sample_receipt("ms")
    send_receipt(PDF, doc, "pemandu@example.my", settings_for(port))
    message = received(handler)
    assert message["Subject"] == "Resit pengecasan anda DEMO-01-000042"
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "Terima kasih" in body and "Jumlah: RM 13.36" in body


@pytest.mark.parametrize("language", ["zh_CN", "ta"])
def test_non_latin_subjects_survive_the_trip(smtp_server, language):
    handler, port = smtp_server
    send_receipt(PDF, sample_receipt(language), "driver@example.com", settings_for(port))
    subject = received(handler)["Subject"]
    assert subject.endswith("DEMO-01-000042") and not subject.isascii()


def test_unreachable_server():
    with pytest.raises(ReceiptMailError) as caught:
        send_receipt(PDF, sample_receipt("en"), "driver@example.com", settings_for(free_port()))
    assert caught.value.reason == "unreachable"


def test_refused_recipient_is_an_invalid_address(smtp_server):
    handler, port = smtp_server
    with pytest.raises(ReceiptMailError) as caught:
        send_receipt(PDF, sample_receipt("en"), "nobody@refused.example", settings_for(port))
    assert caught.value.reason == "invalid_address"
    assert handler.messages == []


def test_malformed_address_never_reaches_the_server(smtp_server):
    handler, port = smtp_server
    with pytest.raises(ReceiptMailError) as caught:
        send_receipt(
            PDF, sample_receipt("en"), "driver@example.com\r\nBcc: x@example.com", settings_for(port)
        )
    assert caught.value.reason == "invalid_address"
    assert handler.messages == []


def test_login_without_server_support_is_refused(smtp_server):
    # The loopback server offers no AUTH, as a misconfigured relay would not.
    _, port = smtp_server
    settings = ReceiptMailSettings("127.0.0.1", port, False, "user", "secret", "r@cas-laju.example", 5.0)
    with pytest.raises(ReceiptMailError) as caught:
        send_receipt(PDF, sample_receipt("en"), "driver@example.com", settings)
    assert caught.value.reason == "refused"
    assert "secret" not in repr(settings)


@pytest.mark.parametrize(
    "address",
    [
        "driver@example.com",
        "a.b+receipt@mail.example.my",
        "x_y@sub.domain.co",
        "o'neil@example.org",
        "a@xn--p1ai.xn--p1ai",
    ],
)
def test_valid_addresses(address):
    assert valid_email(address)


@pytest.mark.parametrize(
    "address",
    [
        "",
        "driver",
        "driver@",
        "@example.com",
        "driver@example",
        "driver@@example.com",
        "a@b@example.com",
        "dri ver@example.com",
        ".driver@example.com",
        "dri..ver@example.com",
        "driver.@example.com",
        "driver@-example.com",
        "driver@example-.com",
        "driver@example..com",
        "driver@example.c",
        "driver@example.123",
        '"quoted"@example.com',
        "pemandu@contoh.马来西亚",
        "ñame@example.com",
        "driver@example.com\n",
        "a" * 65 + "@example.com",
        "a@" + "b" * 250 + ".com",
    ],
)
def test_invalid_addresses(address):
    assert not valid_email(address)
