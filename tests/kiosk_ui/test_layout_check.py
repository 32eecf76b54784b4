"""The layout checker finds each kind of clipped or small text, and stays quiet for a layout that fits."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk_ui.layout_check import layout_problems

MIN_PX = 20


def window(qtbot, width: int = 400, height: int = 300) -> QWidget:
    win = QWidget()
    win.setObjectName("screen_test")
    font = QFont()
    font.setPixelSize(24)
    win.setFont(font)
    win.resize(width, height)
    qtbot.addWidget(win)
    return win


def shown(qtbot, win: QWidget) -> QWidget:
    win.show()
    qtbot.waitExposed(win)
    return win


def test_a_fitting_layout_has_no_problems(qtbot) -> None:
    win = window(qtbot)
    layout = QVBoxLayout(win)
    layout.addWidget(QLabel("Connector 1"))
    wrapped = QLabel("Tap your card on the reader to start charging")
    wrapped.setWordWrap(True)
    layout.addWidget(wrapped)
    layout.addWidget(QPushButton("Stop"))
    assert layout_problems(shown(qtbot, win), MIN_PX) == []


def test_a_label_too_narrow_for_its_line(qtbot) -> None:
    win = window(qtbot)
    label = QLabel("Penyambung 1 sedang mengecas", win)
    label.setObjectName("status")
    label.setGeometry(10, 10, 80, 40)
    problems = layout_problems(shown(qtbot, win), MIN_PX)
    assert (
        len(problems) == 1 and "screen_test QLabel#status 'Penyambung 1 sedang mengecas': text" in problems[0]
    )
    assert "px wide in" in problems[0], problems


def test_a_wrapped_word_wider_than_the_label(qtbot) -> None:
    win = window(qtbot)
    label = QLabel("Penyambung 1", win)
    label.setWordWrap(True)
    label.setGeometry(10, 10, 70, 200)
    problems = layout_problems(shown(qtbot, win), MIN_PX)
    assert any("word 'Penyambung'" in p for p in problems), problems


def test_a_wrapped_label_too_short_for_its_lines(qtbot) -> None:
    win = window(qtbot)
    label = QLabel("one two three four five six seven eight", win)
    label.setWordWrap(True)
    label.setGeometry(10, 10, 120, 30)
    problems = layout_problems(shown(qtbot, win), MIN_PX)
    assert any("px tall in 30 px" in p for p in problems), problems


def test_a_label_behind_a_sibling(qtbot) -> None:
    win = window(qtbot)
    label = QLabel("Hidden", win)
    label.setGeometry(10, 10, 200, 40)
    cover = QWidget(win)
    cover.setGeometry(0, 0, 100, 100)
    cover.raise_()
    problems = layout_problems(shown(qtbot, win), MIN_PX)
    assert problems == ["screen_test QLabel 'Hidden': 90x40 px under QWidget"], problems


def test_a_label_under_an_opaque_sibling(qtbot) -> None:
    win = window(qtbot)
    label = QLabel("Hidden", win)
    label.setGeometry(10, 10, 200, 40)
    cover = QWidget(win)
    cover.setAutoFillBackground(True)
    cover.setGeometry(0, 0, 100, 100)
    problems = layout_problems(shown(qtbot, win), MIN_PX)
    assert any("90x40 px of 200x40 hidden" in p for p in problems), problems


def test_a_label_past_the_window_edge(qtbot) -> None:
    win = window(qtbot, 300, 200)
    label = QLabel("Edge", win)
    label.setGeometry(250, 10, 200, 40)
    problems = layout_problems(shown(qtbot, win), MIN_PX)
    assert any("outside the 300x200 window" in p for p in problems), problems


def test_a_button_too_narrow(qtbot) -> None:
    win = window(qtbot)
    button = QPushButton("Hentikan pengecasan", win)
    button.setObjectName("stop")
    button.setGeometry(10, 10, 90, 60)
    problems = layout_problems(shown(qtbot, win), MIN_PX)
    assert any("QPushButton#stop 'Hentikan pengecasan': text" in p and "wide in 90 px" in p for p in problems)


def test_a_button_with_stylesheet_padding_too_narrow(qtbot) -> None:
    """The padding the stylesheet adds counts: the text alone fits, the text and padding do not."""
    win = window(qtbot)
    button = QPushButton("Stop", win)
    text_px = button.fontMetrics().horizontalAdvance("Stop")
    button.setStyleSheet("QPushButton { padding: 0 40px; }")
    button.setGeometry(10, 10, text_px + 30, 60)
    problems = layout_problems(shown(qtbot, win), MIN_PX)
    assert any("'Stop': text" in p for p in problems), problems


def test_a_small_font(qtbot) -> None:
    win = window(qtbot)
    label = QLabel("small print", win)
    label.setStyleSheet("font-size: 12px")
    label.setGeometry(10, 10, 300, 40)
    problems = layout_problems(shown(qtbot, win), MIN_PX)
    assert problems == ["screen_test QLabel 'small print': font 12 px, below 20 px"], problems


def test_hidden_and_empty_widgets_are_skipped(qtbot) -> None:
    win = window(qtbot)
    hidden = QLabel("Penyambung 1 sedang mengecas", win)
    hidden.setGeometry(10, 10, 20, 20)
    hidden.hide()
    QLabel("", win).setGeometry(10, 10, 1, 1)
    assert layout_problems(shown(qtbot, win), MIN_PX) == []


def test_text_scrolled_out_of_a_scroll_area_is_not_cut_but_a_narrow_page_is(qtbot) -> None:
    """Rows below a scroll area's fold are reached by scrolling, not cut; a label too narrow for its
    text on the scrolled page still is."""
    from PySide6.QtWidgets import QScrollArea

    win = window(qtbot, 400, 200)
    layout = QVBoxLayout(win)
    area = QScrollArea()
    area.setWidgetResizable(True)
    page = QWidget()
    rows = QVBoxLayout(page)
    for number in range(12):
        rows.addWidget(QLabel(f"Charger {number}"))
    narrow = QLabel("Penyambung 1 sedang mengecas")
    narrow.setObjectName("narrow")
    narrow.setFixedWidth(60)
    rows.addWidget(narrow)
    area.setWidget(page)
    layout.addWidget(area)
    problems = layout_problems(shown(qtbot, win), MIN_PX)
    assert [p for p in problems if "Charger" in p] == [], problems
    assert any("QLabel#narrow" in p and "px wide in" in p for p in problems), problems
