"""The kiosk stays up for months: the Qt binding's reference counts, garbage collection pinned to the Qt
thread (kiosk_ui/main_thread_gc.py), and no Qt objects piling up as drivers switch languages."""

from __future__ import annotations

import gc
import os
import sys
import threading
from typing import Any, ClassVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk_ui.i18n import Translations, available_languages
from kiosk_ui.main_thread_gc import collecting_in_main_thread

CALLS = 1000


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 (PEP 683)")
def test_void_methods_leave_the_reference_count_of_none_alone(qapp: Any) -> None:
    """PySide6 6.12.0 on Python 3.11 released a reference to None on each call of a method returning
    void: the kiosk calls setText and friends many times a second and aborted ("none_dealloc") after a
    few hours, and the test suite after a few minutes."""
    label = QLabel()
    button = QPushButton()
    button.setCheckable(True)
    calls = {
        "QLabel.setText": lambda i: label.setText(str(i)),
        "QAbstractButton.setChecked": lambda i: button.setChecked(i % 2 == 0),
        "QWidget.setVisible": lambda i: label.setVisible(i % 2 == 0),
        "QLocale.setDefault": lambda i: QLocale.setDefault(QLocale("ms_MY" if i % 2 else "en_GB")),
    }
    # References held here, so that a faulty binding fails this test instead of aborting the run.
    guard = [None] * (len(calls) * CALLS * 2)
    drift = {}
    for name, call in calls.items():
        before = sys.getrefcount(None)
        for i in range(CALLS):
            call(i)
        drift[name] = sys.getrefcount(None) - before
    QLocale.setDefault(QLocale("en_GB"))
    del guard
    # A few references may come and go with caches; one lost per call is the fault.
    assert all(abs(d) < CALLS // 10 for d in drift.values()), drift


class Cycle:
    """A reference cycle that notes the thread its collection ran in."""

    collected_in: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.collected_in.append(threading.current_thread().name)


def test_cycles_are_collected_in_the_qt_thread_not_in_a_worker(qtbot: Any) -> None:
    gc.collect()
    Cycle.collected_in.clear()
    enabled_before = gc.isenabled()
    with collecting_in_main_thread(interval_ms=50) as collector:
        Cycle()  # unreachable at once; only the cyclic collector can free it

        def allocate() -> None:
            # Garbage cycles far past the youngest generation's threshold: automatic collection would
            # run in this thread.
            for _ in range(20_000):
                garbage: list[object] = []
                garbage.append(garbage)

        worker = threading.Thread(target=allocate, name="worker")
        worker.start()
        worker.join()
        assert Cycle.collected_in == []  # the worker allocated, and collected nothing
        qtbot.waitUntil(lambda: Cycle.collected_in != [], timeout=5000)
        assert Cycle.collected_in == [threading.main_thread().name]
        assert collector.collections >= 1
        print(f"collections: {collector.collections}, longest {collector.longest_s * 1000:.1f} ms")
    assert gc.isenabled() == enabled_before  # given back as it was


def test_language_switches_leave_one_translator_behind(qapp: Any) -> None:
    translations = Translations(available_languages())
    codes = [lang.code for lang in translations.languages]
    assert len(codes) >= 3
    before = len(qapp.findChildren(QTranslator))
    for i in range(60):
        translations.set_language(codes[i % len(codes)])
    translations.set_language("ms")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert QCoreApplication.translate("ChargingScreen", "Stop charging") == "Hentikan pengecasan"
    assert len(qapp.findChildren(QTranslator)) - before == 1
    translations.uninstall()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(qapp.findChildren(QTranslator)) == before
    QLocale.setDefault(QLocale("en_GB"))


def test_when_closed_calls_back_once_the_window_closes(qapp: Any) -> None:
    from PySide6.QtWidgets import QWidget

    from kiosk_ui.app import when_closed

    window = QWidget()
    calls: list[str] = []
    when_closed(window, lambda: calls.append("closed"))
    window.show()
    assert calls == []
    window.close()
    assert calls == ["closed"]
