"""Sends a receipt PDF by e-mail over SMTP, in the receipt's language; blocking, for a worker thread.

A failure is one ReceiptMailError with a reason the service can act on: "invalid_address" (ask the
driver again), "unreachable" (the mail server cannot be reached: retry later), "refused" (the server
answered no: sender, login, size or policy; an operator must look). See docs/receipts.md.
"""

from __future__ import annotations

import smtplib
import ssl
import string
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from app.money import format_money, format_number

from .receipt_document import ReceiptDocument
from .receipt_texts import text

# RFC 5321 §4.5.3.1: local part up to 64 octets, domain up to 255, a path up to 256 with the
# brackets, so an address up to 254. Letters allowed in an unquoted local part: RFC 5322 §3.2.3 atext.
_MAX_ADDRESS = 254
_MAX_LOCAL = 64
_ATEXT = frozenset(string.ascii_letters + string.digits + "!#$%&'*+-/=?^_`{|}~")
_LABEL = frozenset(string.ascii_letters + string.digits + "-")


class ReceiptMailError(Exception):
    """The receipt was not sent; `reason` is "refused", "unreachable" or "invalid_address"."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class ReceiptMailSettings:
    """The operator's outgoing mail server. STARTTLS and login are each used only when set."""

    host: str
    port: int
    starttls: bool
    username: str
    password: str
    sender: str
    timeout_s: float = 20.0

    def __repr__(self) -> str:  # the password never reaches a log line
        return (
            f"ReceiptMailSettings(host={self.host!r}, port={self.port}, starttls={self.starttls}, "
            f"username={self.username!r}, sender={self.sender!r})"
        )


def valid_email(value: str) -> bool:
    """A plain ASCII address a driver types: local@domain.tld, dot-atoms only, no quoting, no comments.

    Quoted local parts and address literals are valid in RFC 5322 but never typed by a driver and a
    good hiding place for header injection; internationalised addresses need SMTPUTF8, which an
    operator's server may not offer. Both are refused.
    """
    if not value or len(value) > _MAX_ADDRESS or not value.isascii() or value.count("@") != 1:
        return False
    local, domain = value.split("@")
    if not 0 < len(local) <= _MAX_LOCAL or not _dot_atom(local):
        return False
    labels = domain.split(".")
    if len(labels) < 2:
        return False
    for label in labels:
        if not 0 < len(label) <= 63 or not set(label) <= _LABEL or label[0] == "-" or label[-1] == "-":
            return False
    top = labels[-1]
    return (top.isalpha() and len(top) >= 2) or top.lower().startswith("xn--")


def _dot_atom(value: str) -> bool:
    return all(atom and set(atom) <= _ATEXT for atom in value.split("."))


def build_message(pdf: bytes, doc: ReceiptDocument, to: str, sender: str) -> EmailMessage:
    """The message: subject and body in the receipt's language, the PDF attached."""
    language = doc.language
    message = EmailMessage()
    message["Subject"] = text(language, "mail.subject", receipt_no=doc.receipt_no)
    message["From"] = sender
    message["To"] = to
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    station = doc.station_name or doc.station_id
    message.set_content(
        text(
            language,
            "mail.body",
            station=station,
            receipt_no=doc.receipt_no,
            energy=f"{format_number(doc.energy_Wh, 3, language)} kWh",
            total=format_money(doc.total_minor, doc.currency, language),
        )
    )
    message.add_attachment(
        pdf, maintype="application", subtype="pdf", filename=f"receipt-{doc.receipt_no}.pdf"
    )
    return message


def send_receipt(pdf: bytes, doc: ReceiptDocument, to: str, settings: ReceiptMailSettings) -> None:
    """Sends the receipt to `to`; blocking (network), so call it in a worker thread. ReceiptMailError."""
    if not valid_email(to):
        raise ReceiptMailError("invalid_address", "not an e-mail address")
    message = build_message(pdf, doc, to, settings.sender)
    try:
        with smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout_s) as smtp:
            if settings.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.username:
                smtp.login(settings.username, settings.password)
            smtp.send_message(message, from_addr=settings.sender, to_addrs=[to])
    except smtplib.SMTPRecipientsRefused as error:
        raise ReceiptMailError("invalid_address", _codes(error.recipients)) from error
    except (smtplib.SMTPConnectError, smtplib.SMTPServerDisconnected) as error:
        raise ReceiptMailError("unreachable", str(error)) from error
    except smtplib.SMTPException as error:
        # Sender refused, login failed, STARTTLS not offered, message refused.
        raise ReceiptMailError("refused", str(error)) from error
    except ssl.SSLError as error:
        # The server's certificate or TLS offer is not acceptable: a configuration fault, not a retry.
        raise ReceiptMailError("refused", f"TLS: {error}") from error
    except OSError as error:
        # Connection refused, no route, name not resolved, timed out.
        raise ReceiptMailError("unreachable", str(error)) from error


def _codes(recipients: dict[str, tuple[int, bytes]]) -> str:
    return ", ".join(f"{code} {reply.decode(errors='replace')}" for code, reply in recipients.values())
