"""An operator facade's answer that comes after its admin screen was deleted (the kiosk window closed, a
screen replaced) is dropped: every registered screen, on the real station, with its requests on their
way when the screen goes; none raises on a deleted widget, and the operations themselves still end."""

from __future__ import annotations

import asyncio
import logging

import admin_kiosk
import pytest
from admin_kiosk import kiosk_with_admin
from admin_station import PINS
from PySide6.QtCore import QCoreApplication, QEvent

from kiosk_ui.admin import registry
from kiosk_ui.admin.admin_screen import AdminEnv
from kiosk_ui.admin.diagnostics import DiagnosticsScreen
from kiosk_ui.admin.firmware import FirmwareScreen

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)

qt_loop = admin_kiosk.qt_loop
run_async = admin_kiosk.run_async
translations_built = admin_kiosk.translations_built


class CountingEnv(AdminEnv):
    """The screens' environment, keeping the tasks of the operations they start (to await them)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.tasks = []

    def run(self, coroutine, done, failed, owner=None):
        task = super().run(coroutine, done, failed, owner)
        self.tasks.append(task)
        return task


def test_answers_after_the_screen_was_deleted_are_dropped(realtime_sim, tmp_path, run_async, caplog):
    caplog.set_level(logging.WARNING)

    async def scenario():
        async with kiosk_with_admin(realtime_sim, tmp_path) as (window, station):
            signed = await station.operators.sign_in(station.accounts["operator"], PINS["operator"])
            started = {}
            envs = []
            for screen_class in registry.ADMIN_SCREENS:
                env = CountingEnv(window.env, station.operators, signed.operator)
                envs.append(env)
                screen = screen_class(env)
                screen.resize(800, 400)
                context = await screen_class.sample_context(env)
                screen.enter(context)
                # An action with a slower answer where the screen has one: the self-test (its checks
                # take a moment) and the USB stick (none here: the failure's path).
                if isinstance(screen, DiagnosticsScreen):
                    screen._self_test()
                if isinstance(screen, FirmwareScreen):
                    screen._scan()
                started[screen_class.name] = len(env.tasks)
                # Deleted before any answer came: no turn of the loop between enter() and here.
                screen.deleteLater()
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            assert all(started.values()), started  # each screen had asked the facade something
            tasks = [task for env in envs for task in env.tasks]
            _, pending = await asyncio.wait(tasks, timeout=20.0)
            assert not pending
            # The answers were dropped, not painted on a deleted widget (a RuntimeError in the task).
            assert [task.exception() for task in tasks] == [None] * len(tasks)

    run_async(scenario())
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage() for r in errors]
    assert not any("already deleted" in r.getMessage() for r in caplog.records)
