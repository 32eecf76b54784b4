"""Finds clipped or too-small text in a laid-out window, one readable line per problem (docs/kiosk.md).

Qt cuts text silently: a label narrower than its line, a wrapped label with a word longer than its width,
a button narrower than its text, a widget pushed under a neighbour or past the window's edge. The checks
here read the widget's own font after the stylesheet is polished, so what is measured is what is drawn.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontInfo, QFontMetrics, QRegion, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWidget

# One CJK ideograph or fullwidth sign, or a run of anything else that is not a space.
CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
CJK_OR_WORD = re.compile(f"[{CJK}]|[^\\s{CJK}]+")
# Anti-aliased glyphs may overhang their advance by a pixel; a one-pixel difference is no cut letter.
SLACK_PX = 1


def layout_problems(window: QWidget, min_text_px: int) -> list[str]:
    """Every visible label and button under window whose text does not fit, is hidden, or is too small."""
    problems: list[str] = []
    widgets: list[QWidget] = [*window.findChildren(QLabel), *window.findChildren(QAbstractButton)]
    for widget in widgets:
        if not widget.isVisible() or widget.width() <= 0 or widget.height() <= 0:
            continue
        text = _plain_text(widget)
        if not text.strip():
            continue
        where = f"{_screen_name(window, widget)} {_describe(widget)} {_quote(text)}"
        problems.extend(f"{where}: {issue}" for issue in _issues(window, widget, text, min_text_px))
    return problems


def _issues(window: QWidget, widget: QWidget, text: str, min_text_px: int) -> list[str]:
    widget.ensurePolished()  # the stylesheet's font and padding are applied now, not at the next paint
    issues: list[str] = []
    pixel_size = QFontInfo(widget.font()).pixelSize()
    if pixel_size < min_text_px:
        issues.append(f"font {pixel_size} px, below {min_text_px} px")
    if isinstance(widget, QLabel):
        issues.extend(_label_issues(widget, text))
    elif isinstance(widget, QAbstractButton):
        hint = widget.sizeHint()
        if hint.width() > widget.width() + SLACK_PX:
            issues.append(f"text {hint.width()} px wide in {widget.width()} px")
        if hint.height() > widget.height() + SLACK_PX:
            issues.append(f"text {hint.height()} px tall in {widget.height()} px")
    issues.extend(_cut_issues(window, widget))
    return issues


def _label_issues(label: QLabel, text: str) -> list[str]:
    metrics = QFontMetrics(label.font())
    rect = label.contentsRect()
    margin = label.margin()
    indent = max(label.indent(), 0)
    # QLabel indents on the side it aligns to; the worst case is one indent on the width.
    width = rect.width() - 2 * margin - indent
    height = rect.height() - 2 * margin
    issues: list[str] = []
    if label.wordWrap():
        for word in _unbreakable(text):
            advance = metrics.horizontalAdvance(word)
            if advance > width + SLACK_PX:
                issues.append(f"word {_quote(word)} {advance} px wide in {width} px")
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK_PX:
            issues.append(f"text {needed} px tall in {label.height()} px")
    else:
        lines = text.split("\n")
        for line in lines:
            advance = metrics.horizontalAdvance(line)
            if advance > width + SLACK_PX:
                issues.append(f"text {advance} px wide in {width} px")
        needed = metrics.height() + (len(lines) - 1) * metrics.lineSpacing()
        if needed > height + SLACK_PX:
            issues.append(f"text {needed} px tall in {height} px")
    return issues


def _cut_issues(window: QWidget, widget: QWidget) -> list[str]:
    issues: list[str] = []
    # Inside a scroll area the text is whole on its scrolled page (what scrolling reaches is not cut):
    # it is measured against that page, and the viewport's clipping is no problem.
    page = _scrolled_page(widget)
    frame = page if page is not None else window
    placed = QRect(widget.mapTo(frame, QPoint(0, 0)), widget.size())
    if not frame.rect().contains(placed):
        issues.append(
            f"at {placed.x()},{placed.y()} {placed.width()}x{placed.height()}, "
            f"outside the {frame.width()}x{frame.height()} {'page' if page is not None else 'window'}"
        )
        return issues
    # The part an ancestor or an overlapping sibling leaves to be painted.
    hidden = QRegion(widget.rect()).subtracted(widget.visibleRegion()) if page is None else QRegion()
    if not hidden.isEmpty():
        box = hidden.boundingRect()
        issues.append(f"{box.width()}x{box.height()} px of {widget.width()}x{widget.height()} hidden")
    # visibleRegion leaves out only opaque siblings; a transparent one drawn on top still covers the text.
    node = widget
    while node is not frame and (parent := node.parentWidget()) is not None:
        siblings = [c for c in parent.children() if isinstance(c, QWidget)]
        for sibling in siblings[siblings.index(node) + 1 :]:  # later children are painted on top
            if sibling.isVisible() and not sibling.isWindow():
                overlap = sibling.geometry().intersected(node.geometry())
                if not overlap.isEmpty():
                    issues.append(f"{overlap.width()}x{overlap.height()} px under {_describe(sibling)}")
        node = parent
    return issues


def _scrolled_page(widget: QWidget) -> QWidget | None:
    """The page of the innermost scroll area the widget is on (its widget()), None outside any."""
    node = widget
    while (parent := node.parentWidget()) is not None:
        area = parent.parentWidget()
        if isinstance(area, QScrollArea) and parent is area.viewport():
            return area.widget()
        node = parent
    return None


def _unbreakable(text: str) -> list[str]:
    """The runs Qt will not break a wrapped line inside: words between spaces, and single CJK
    characters (Chinese lines break between any two characters, Unicode UAX #14 class ID)."""
    return CJK_OR_WORD.findall(text)


def _plain_text(widget: QWidget) -> str:
    if isinstance(widget, QLabel):
        text = widget.text()
        if widget.textFormat() == Qt.TextFormat.RichText or (
            widget.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
        ):
            document = QTextDocument()
            document.setHtml(text)
            return document.toPlainText()
        return text
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")  # mnemonics
    return ""


def _screen_name(window: QWidget, widget: QWidget) -> str:
    """The outermost named ancestor below the window: the screen the widget belongs to."""
    name = window.objectName() or type(window).__name__
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if parent.objectName():
            name = parent.objectName()
        parent = parent.parentWidget()
    return name


def _describe(widget: QWidget) -> str:
    kind = type(widget).__name__
    return f"{kind}#{widget.objectName()}" if widget.objectName() else kind


def _quote(text: str) -> str:
    flat = " / ".join(line for line in text.split("\n") if line)
    return repr(flat if len(flat) <= 60 else flat[:57] + "...")
