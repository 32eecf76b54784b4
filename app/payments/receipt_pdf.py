"""A ReceiptDocument as a one-page PDF: a narrow receipt sized to its content, readable on a phone.

Blocking and CPU-bound (tens of milliseconds): the payment service calls it in a worker thread. The
output is byte-for-byte the same for the same document (reportlab's invariant mode fixes the
creation date and the document id), so a receipt can be rendered again later and compared.

Fonts: Latin text (English, Malay, names, amounts) in Noto Sans or DejaVu Sans (TrueType, embedded
as a subset); Chinese in reportlab's CID font STSong-Light (Adobe-GB1, not embedded: PDF readers
bring it; the Noto CJK fonts are OpenType/CFF collections reportlab cannot embed); Tamil in Noto
Sans Tamil. Each text is split into runs by the characters a font covers, so a Tamil or Chinese
receipt still prints "RM", "kWh" and Latin names in the Latin font. A language whose font is
missing falls back to English labels, logged. See docs/receipts.md.
"""

from __future__ import annotations

import importlib.util
import io
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont, shapeStr
from reportlab.pdfgen.canvas import Canvas

from app.money import format_money, format_number

from .receipt_document import ReceiptDocument
from .receipt_texts import text

log = logging.getLogger(__name__)

_SHAPING = importlib.util.find_spec("uharfbuzz") is not None

FONT_DIRS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/truetype/dejavu"))
LATIN_FONTS = (("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"), ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"))
TAMIL_FONTS = ("NotoSansTamil-Regular.ttf", "NotoSansTamil-Bold.ttf")
CJK_FONT = "STSong-Light"

PAGE_WIDTH = 90 * mm
MARGIN = 6 * mm
BODY = 8.5
SMALL = 7.0
LEADING = 1.35


@dataclass(frozen=True)
class _Face:
    """A registered font and the test of which characters it draws."""

    name: str
    covers: Callable[[str], bool]


@dataclass(frozen=True)
class _Fonts:
    """The faces for one language, regular and bold, tried in order for each character."""

    regular: tuple[_Face, ...]
    bold: tuple[_Face, ...]


_lock = threading.Lock()
_registered: dict[str, _Fonts | None] = {}


def _find(filename: str) -> Path | None:
    for directory in FONT_DIRS:
        if (directory / filename).is_file():
            return directory / filename
    return None


def _tt_face(name: str, filename: str) -> _Face | None:
    path = _find(filename)
    if path is None:
        return None
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    cmap = pdfmetrics.getFont(name).face.charToGlyph
    return _Face(name, lambda char: ord(char) in cmap)


def _cjk(char: str) -> bool:
    # CJK punctuation, ideographs and full-width forms: the ranges Chinese labels use.
    code = ord(char)
    return 0x3000 <= code <= 0x303F or 0x4E00 <= code <= 0x9FFF or 0xFF00 <= code <= 0xFFEF


def _latin() -> tuple[_Face, _Face] | None:
    for regular, bold in LATIN_FONTS:
        base = Path(regular).stem
        faces = _tt_face(f"R-{base}", regular), _tt_face(f"R-{base}-Bold", bold)
        if faces[0] is not None and faces[1] is not None:
            return faces[0], faces[1]
    return None


def _fonts_for(language: str) -> _Fonts | None:
    """The registered faces for a language, None when one it needs is missing (registered once)."""
    with _lock:  # reportlab's font registry is a process-wide dict; renders run in worker threads
        if language in _registered:
            return _registered[language]
        fonts: _Fonts | None = None
        latin = _latin()
        if latin is not None:
            if language == "zh_CN":
                try:
                    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
                        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
                    cjk = _Face(CJK_FONT, _cjk)
                    fonts = _Fonts((latin[0], cjk), (latin[1], cjk))
                except Exception:
                    log.exception("the Chinese font %s cannot be registered", CJK_FONT)
            elif language == "ta":
                tamil = (
                    _tt_face("R-NotoSansTamil", TAMIL_FONTS[0]),
                    _tt_face("R-NotoSansTamil-Bold", TAMIL_FONTS[1]),
                )
                if tamil[0] is not None and tamil[1] is not None:
                    fonts = _Fonts((latin[0], tamil[0]), (latin[1], tamil[1]))
            else:
                fonts = _Fonts((latin[0],), (latin[1],))
        if fonts is None:
            log.warning("no font for receipts in %r; printing English labels instead", language)
        _registered[language] = fonts
        return fonts


class _Writer:
    """Draws texts in runs of the face that covers them; measures, wraps and aligns."""

    def __init__(self, fonts: _Fonts) -> None:
        self.fonts = fonts
        self.canvas: Canvas | None = None

    def runs(self, value: str, bold: bool) -> list[tuple[str, str]]:
        faces = self.fonts.bold if bold else self.fonts.regular
        runs: list[tuple[str, str]] = []
        covers = {face.name: face.covers for face in faces}
        for char in value:
            face = next((f.name for f in faces if f.covers(char)), faces[0].name)
            # Spaces, digits and punctuation stay in the run before them when its face has them, so a
            # line changes font only where the script changes (and extracts as whole words).
            neutral = not char.isalpha() and runs and covers[runs[-1][0]](char)
            if runs and (runs[-1][0] == face or neutral or char in "\u200c\u200d"):
                runs[-1] = (runs[-1][0], runs[-1][1] + char)
            else:
                runs.append((face, char))
        return runs

    def width(self, value: str, size: float, bold: bool = False) -> float:
        return sum(_shaped(run, face, size)[1] for face, run in self.runs(value, bold))

    def draw(
        self, x: float, y: float, value: str, size: float, bold: bool = False, right: bool = False
    ) -> None:
        assert self.canvas is not None
        if right:
            x -= self.width(value, size, bold)
        for face, run in self.runs(value, bold):
            shaped, width = _shaped(run, face, size)
            self.canvas.setFont(face, size)
            if bold and face == CJK_FONT:
                # STSong-Light has one weight: bold is drawn as fill and a thin stroke of the outline.
                self.canvas.setLineWidth(size * 0.04)
                self.canvas.drawString(x, y, shaped, mode=2)
            else:
                self.canvas.drawString(x, y, shaped)
            x += width

    def wrap(self, value: str, size: float, width: float, bold: bool = False) -> list[str]:
        """Lines of at most `width`: broken at spaces, or between any two CJK characters."""
        lines: list[str] = []
        for paragraph in value.splitlines() or [""]:
            line = ""
            for token in _tokens(paragraph):
                candidate = line + token
                if line and self.width(candidate.rstrip(), size, bold) > width:
                    lines.append(line.rstrip())
                    line = token.lstrip()
                else:
                    line = candidate
            lines.append(line.rstrip())
        return lines


def _shaped(run: str, face: str, size: float) -> tuple[str, float]:
    """A run ready to draw and its width: shaped by HarfBuzz when a complex script needs it and can be.

    Tamil puts some vowel signs before the consonant they follow in the text and joins others into
    one glyph; only a shaping engine (uharfbuzz, optional) draws that right. Without it the letters
    are drawn in text order: legible, not correct. Latin and Chinese runs need no shaping.
    """
    font = pdfmetrics.getFont(face)
    if not _SHAPING or not getattr(font, "shapable", False) or all(ord(char) < 0x0B80 for char in run):
        return run, float(pdfmetrics.stringWidth(run, face, size))
    shaped = shapeStr(run, face, size)
    data = getattr(shaped, "__shapeData__", None)
    if not data:
        return run, float(pdfmetrics.stringWidth(run, face, size))
    # Advances are in thousandths of the font size (the font scaled to 1000 units per em).
    return shaped, sum(item.x_advance for item in data) * size / 1000


def _tokens(paragraph: str) -> list[str]:
    tokens: list[str] = []
    for char in paragraph:
        if not tokens or (char == " " and not tokens[-1].endswith(" ")) or _cjk(char) or _cjk(tokens[-1][-1]):
            tokens.append(char)
        else:
            tokens[-1] += char
    return tokens


# A row of the receipt: (kind, left text, right text). Kinds set the size, weight and spacing.
_Row = tuple[str, str, str]


def _local(moment: datetime, zone: str) -> str:
    return moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def _kwh(watt_hours: int, language: str) -> str:
    return f"{format_number(watt_hours, 3, language)} kWh"


def _rows(doc: ReceiptDocument, language: str) -> list[_Row]:
    def t(key: str, **values: str) -> str:
        return text(language, key, **values)

    def money(amount: int) -> str:
        return format_money(amount, doc.currency, language)

    rows: list[_Row] = [("heading", doc.operator_name, "")]
    if doc.operator_registration:
        rows.append(("small", f"{t('brn')}: {doc.operator_registration}", ""))
    rows += [("small", line, "") for line in doc.operator_address.splitlines() if line.strip()]
    if doc.tax_registration:
        rows.append(("small", f"{t('sst_reg')}: {doc.tax_registration}", ""))
    rows += [("rule", "", ""), ("title", t("title"), ""), ("pair", t("receipt_no"), doc.receipt_no)]
    rows.append(("pair", t("issued"), _local(doc.issued_at, doc.timezone)))
    rows.append(("rule", "", ""))
    station = f"{doc.station_name} ({doc.station_id})" if doc.station_name else doc.station_id
    rows += [("pair", t("station"), station), ("pair", t("connector"), doc.connector_label)]
    if doc.session_reference:
        rows.append(("pair", t("session"), doc.session_reference))
    rows.append(("pair", t("started"), _local(doc.started_at, doc.timezone)))
    rows.append(("pair", t("stopped"), _local(doc.stopped_at, doc.timezone)))
    if doc.meter_start_Wh is not None and doc.meter_stop_Wh is not None:
        rows.append(("pair", t("meter_start"), _kwh(doc.meter_start_Wh, language)))
        rows.append(("pair", t("meter_stop"), _kwh(doc.meter_stop_Wh, language)))
    rows.append(("pair_bold", t("energy"), _kwh(doc.energy_Wh, language)))
    if doc.tariff_lines:
        rows += [("rule", "", ""), ("label", t("tariff"), "")]
        rows += [("small", line, "") for line in doc.tariff_lines]
    rows += [("rule", "", ""), ("label", t("charges"), "")]
    rows += [("pair", description, money(amount)) for description, amount in doc.cost_lines]
    rows.append(("thin", "", ""))
    rows.append(("pair", t("subtotal"), money(doc.subtotal_minor)))
    if doc.tax_registration:
        key = "tax_included" if doc.tax_inclusive else "tax"
        rows.append(("pair", t(key, rate=doc.tax_rate_text).strip(), money(doc.tax_minor)))
    rows.append(("total", t("total"), money(doc.total_minor)))
    rows += [("rule", "", ""), ("label", t("payment"), "")]
    rows.append(("pair", t("method"), t(f"method.{doc.payment_method}")))
    if doc.card_last4 or doc.card_brand:
        card = " ".join(
            part for part in (doc.card_brand, f"**** {doc.card_last4}" if doc.card_last4 else "") if part
        )
        rows.append(("pair", t("card"), card))
    if doc.authorisation_code:
        rows.append(("pair", t("auth_code"), doc.authorisation_code))
    if doc.authorised_minor:
        rows.append(("pair", t("authorised"), money(doc.authorised_minor)))
    rows.append(("pair", t("captured"), money(doc.captured_minor)))
    for refund in doc.refunds:
        label = t("refund", date=_local(refund.at, doc.timezone))
        rows.append(("pair", label, money(-refund.amount_minor)))
        if refund.reason:
            rows.append(("small", refund.reason, ""))
    if doc.refunds:
        rows.append(("pair", t("refunded"), money(doc.refunded_minor)))
        rows.append(("pair_bold", t("paid"), money(doc.paid_minor)))
    if doc.provider_reference:
        rows.append(("small", f"{t('provider_ref')}: {doc.provider_reference}", ""))
    rows += [("rule", "", ""), ("centre", t("thanks"), "")]
    if doc.helpline:
        rows.append(("centre", t("helpline", number=doc.helpline), ""))
    return rows


_STYLE: dict[str, tuple[float, bool]] = {
    "heading": (11.0, True),
    "title": (13.0, True),
    "label": (BODY, True),
    "pair": (BODY, False),
    "pair_bold": (BODY, True),
    "total": (10.5, True),
    "small": (SMALL, False),
    "centre": (BODY, False),
}


def _layout(rows: list[_Row], writer: _Writer) -> list[tuple[str, float, str, str, float, bool]]:
    """Each row broken into drawn lines: (kind, y offset from the top, left, right, size, bold)."""
    inner = PAGE_WIDTH - 2 * MARGIN
    placed: list[tuple[str, float, str, str, float, bool]] = []
    y = 0.0
    for kind, left, right in rows:
        if kind in ("rule", "thin"):
            y += 2.5 if kind == "thin" else 4.0
            placed.append((kind, y, "", "", 0.0, False))
            y += 2.5 if kind == "thin" else 4.0
            continue
        size, bold = _STYLE[kind]
        right_width = writer.width(right, size, bold) + 6.0 if right else 0.0
        if right_width > inner * 0.6:
            # A long value (a station's name) goes under its label, right-aligned, wrapped.
            for line in writer.wrap(left, size, inner, bold):
                y += size * LEADING
                placed.append((kind, y, line, "", size, bold))
            for line in writer.wrap(right, size, inner * 0.9, bold):
                y += size * LEADING
                placed.append((kind, y, "", line, size, bold))
            continue
        for index, line in enumerate(writer.wrap(left, size, inner - right_width, bold)):
            y += size * LEADING
            placed.append((kind, y, line, right if index == 0 else "", size, bold))
        if kind in ("heading", "title", "total"):
            y += 2.0
    return placed


def render_receipt_pdf(doc: ReceiptDocument) -> bytes:
    """The receipt as PDF bytes; the same document gives the same bytes."""
    language = doc.language
    fonts = _fonts_for(language)
    if fonts is None:
        language = "en"
        fonts = _fonts_for("en")
        if fonts is None:
            raise RuntimeError(
                "no Latin TrueType font for receipts (install fonts-noto-core or fonts-dejavu)"
            )
    writer = _Writer(fonts)
    placed = _layout(_rows(doc, language), writer)
    height = placed[-1][1] + 2 * MARGIN + 4.0
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, height), invariant=1, pageCompression=1)
    canvas.setTitle(f"{text(language, 'title')} {doc.receipt_no}")
    canvas.setAuthor(doc.operator_name)
    writer.canvas = canvas
    top = height - MARGIN
    for kind, offset, left, right, size, bold in placed:
        y = top - offset
        if kind in ("rule", "thin"):
            canvas.setLineWidth(0.6 if kind == "rule" else 0.3)
            canvas.setStrokeGray(0.35 if kind == "rule" else 0.6)
            canvas.line(MARGIN, y, PAGE_WIDTH - MARGIN, y)
            continue
        grey = 0.35 if kind == "small" else 0.0
        canvas.setFillGray(grey)
        canvas.setStrokeGray(grey)  # the stroke of bold Chinese text
        if kind in ("centre", "title", "heading"):
            writer.draw((PAGE_WIDTH + writer.width(left, size, bold)) / 2, y, left, size, bold, right=True)
        else:
            writer.draw(MARGIN, y, left, size, bold)
        if right:
            writer.draw(PAGE_WIDTH - MARGIN, y, right, size, bold, right=True)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
