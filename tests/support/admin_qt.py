"""Qt for the admin screens' tests, as tests/kiosk_ui/test_kiosk_flow.py sets it up: the .qm files
built, one qasync loop in the Qt application for the module (a test module loads it with
pytest_plugins = ["admin_qt"])."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import pytest
import qasync
from PySide6.QtCore import QCoreApplication, QEvent

from kiosk_ui.i18n import I18N_DIR
from kiosk_ui.main_thread_gc import collecting_in_main_thread


@pytest.fixture(scope="module", autouse=True)
def translations_built() -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in I18N_DIR.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60)


@pytest.fixture(scope="module")
def qt_loop(qapp: Any) -> Iterator[qasync.QEventLoop]:
    qapp.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    with collecting_in_main_thread():
        yield loop
        # Widgets closed with deleteLater() go while their loop and thread are alive (see test_kiosk_flow).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        loop.close()
        asyncio.set_event_loop(None)


@pytest.fixture
def run_async(qt_loop: qasync.QEventLoop) -> Callable[[Coroutine[Any, Any, Any]], Any]:
    return qt_loop.run_until_complete
