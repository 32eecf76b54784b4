"""The receipt PDF in the four languages: what it prints (read back with pypdf), what it never prints."""

from __future__ import annotations

import dataclasses
import io
import logging
import re
import time
from datetime import UTC, datetime

import pypdf
import pytest
from receipt_samples import sample_receipt, without_tax

from app.money import format_money
from app.payments import receipt_pdf
from app.payments.receipt_document import ReceiptDocument, Refund
from app.payments.receipt_pdf import render_receipt_pdf

LANGUAGES = ("en", "ms", "zh_CN", "ta")


def pdf_text(pdf: bytes) -> str:
    """The page's text with runs joined: pypdf breaks a line where the font changes."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_receipt_prints_the_particulars(language):
    doc = sample_receipt(language)
    pdf = render_receipt_pdf(doc)
    assert pdf.startswith(b"%PDF-")
    printed = pdf_text(pdf)
    for expected in (
        "DEMO-01-000042",
        "Cas Laju Sdn. Bhd.",
        "202301012345",
        "Lot 5, Jalan Teknologi 3/1",
        "47810 Petaling Jaya, Selangor",
        "W10-1808-32000123",
        "SST 8%",
        "DEMO-01",
        "Mall Level B1",
        "A (CCS2)",
        "TX 1187",
        "20.480 kWh",
        "1,234.567 kWh",
        "1,255.047 kWh",
        "Visa **** 4242",
        "A1B2C3",
        "pi_3QxDemoReceipt42",
        "+60 3-1234 5678",
        # Local times in the station's zone (UTC+8).
        "2026-12-04 16:30",
        "2026-12-04 15:40",
        "2026-12-04 16:28",
    ):
        assert expected in printed, (language, expected)
    for amount in (1137, 100, 1237, 99, 1336, 5000, 200, 1136):
        assert format_money(amount, "MYR", language) in printed, (language, amount)
    assert format_money(-200, "MYR", language) in printed


def test_labels_are_in_the_receipts_language():
    assert "Receipt no." in pdf_text(render_receipt_pdf(sample_receipt("en")))
    malay = pdf_text(render_receipt_pdf(sample_receipt("ms")))
    assert "No. resit" in malay and "Jumlah kecil" in malay and "Terima kasih" in malay
    chinese = pdf_text(render_receipt_pdf(sample_receipt("zh_CN")))
    assert "收据编号" in chinese and "合计" in chinese
    tamil = pdf_text(render_receipt_pdf(sample_receipt("ta")))
    if receipt_pdf._SHAPING:
        # Shaped Tamil is stored in visual order (a vowel sign before its consonant), as drawn.
        assert "ெமா" in tamil and "RM 13.36" in tamil
    else:
        assert "மொத்தம்" in tamil and "நிலையம்" in tamil


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_tax_lines_without_a_tax_registration(language):
    printed = pdf_text(render_receipt_pdf(without_tax(sample_receipt(language))))
    assert "SST" not in printed
    assert "W10-1808-32000123" not in printed
    assert format_money(1237, "MYR", language) in printed


def test_included_tax_is_labelled_as_included():
    doc = sample_receipt("en", tax_inclusive=True, tax_minor=92, total_minor=1237, captured_minor=1237)
    printed = pdf_text(render_receipt_pdf(doc))
    assert "Includes SST 8%" in printed and "RM 0.92" in printed


def test_no_card_number_is_printed():
    # Thirteen or more digits in a row, spaces or hyphens between them allowed, not part of an identifier.
    pan_like = re.compile(r"(?<![A-Za-z0-9])\d(?:[ -]?\d){12,}")
    for language in LANGUAGES:
        printed = pdf_text(render_receipt_pdf(sample_receipt(language)))
        assert not pan_like.search(printed), printed
        assert "**** 4242" in printed


@pytest.mark.parametrize(
    "changes",
    [
        {"card_last4": "424242424242"},
        {"card_last4": "42a2"},
        {"card_brand": "Visa 4242424242424242"},
        {"session_reference": "4242 4242 4242 4242"},
        {"tariff_lines": ("card 4242-4242-4242-4242",)},
        {"provider_reference": "4242424242424242"},
        {"payment_method": "fpx"},  # an FPX payment has no card to name
    ],
)
def test_card_data_beyond_brand_and_last4_cannot_be_represented(changes):
    with pytest.raises(ValueError):
        sample_receipt("en", **changes)


def test_a_provider_id_with_a_run_of_digits_is_still_the_providers_id():
    """A random id may hold 13 digits in a row by chance (seen: pi_1007300990365bf0ff94e48c); it is
    refused only when it is nothing but digits, as a card number would be."""
    doc = sample_receipt("en", provider_reference="pi_1007300990365bf0ff94e48c")
    assert doc.provider_reference == "pi_1007300990365bf0ff94e48c"


@pytest.mark.parametrize(
    "changes",
    [
        {"total_minor": 1337},
        {"subtotal_minor": 1238, "total_minor": 1337},
        {"captured_minor": 5001},
        {"tax_minor": -1, "total_minor": 1236},
        {"refunds": (Refund(datetime(2026, 12, 4, 9, tzinfo=UTC), 1400),)},
        {"issued_at": datetime(2026, 12, 4, 8, 30)},
        {"stopped_at": datetime(2026, 12, 4, 7, 0, tzinfo=UTC)},
        {"meter_stop_Wh": None},
        {"language": "fr"},
        {"timezone": "Asia/Nowhere"},
        {"energy_Wh": True},
    ],
)
def test_an_inconsistent_receipt_cannot_be_built(changes):
    with pytest.raises((ValueError, TypeError)):
        sample_receipt("en", **changes)


def test_tax_needs_a_registration():
    doc = without_tax(sample_receipt("en"))
    with pytest.raises(ValueError):
        dataclasses.replace(doc, tax_minor=99, total_minor=doc.total_minor + 99)


def test_capture_without_a_hold_is_allowed():
    doc = sample_receipt("en", payment_method="fpx", card_brand=None, card_last4=None, authorised_minor=0)
    printed = pdf_text(render_receipt_pdf(doc))
    assert "FPX online banking" in printed and "Amount held" not in printed


@pytest.mark.parametrize("language", LANGUAGES)
def test_same_document_same_bytes(language):
    doc = sample_receipt(language)
    assert render_receipt_pdf(doc) == render_receipt_pdf(doc)
    assert render_receipt_pdf(doc) != render_receipt_pdf(
        dataclasses.replace(doc, receipt_no="DEMO-01-000043")
    )


def test_long_texts_wrap_and_stay_on_one_page():
    doc = sample_receipt(
        "en",
        station_name="The multi-storey car park behind the shopping centre, level B2, bay 40 to 48",
        tariff_lines=tuple(
            f"Line {n}: a long tariff explanation that needs more than one line" for n in range(12)
        ),
    )
    printed = pdf_text(render_receipt_pdf(doc))
    assert "bay 40 to 48" in printed and "Line 11" in printed


def test_missing_font_falls_back_to_english(monkeypatch, caplog):
    monkeypatch.setattr(receipt_pdf, "TAMIL_FONTS", ("NoSuchTamil.ttf", "NoSuchTamil-Bold.ttf"))
    monkeypatch.setattr(receipt_pdf, "_registered", {})
    with caplog.at_level(logging.WARNING, logger="app.payments.receipt_pdf"):
        printed = pdf_text(render_receipt_pdf(sample_receipt("ta", cost_lines=(("Energy", 1237),))))
    assert "Receipt no." in printed and "RM 13.36" in printed
    assert any("English" in record.getMessage() for record in caplog.records)


def test_rendering_is_quick():
    doc = sample_receipt("zh_CN")
    render_receipt_pdf(doc)  # fonts registered once per process
    started = time.perf_counter()
    render_receipt_pdf(doc)
    assert time.perf_counter() - started < 0.1


def test_document_is_frozen():
    doc: ReceiptDocument = sample_receipt("en")
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.card_last4 = "1234"  # type: ignore[misc]
