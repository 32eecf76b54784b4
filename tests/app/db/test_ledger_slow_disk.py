"""The kiosk stays responsive on a slow disk: no ledger commit runs on the event loop (the Qt thread).

A commit with synchronous=FULL waits for fsync, tens of milliseconds on an SD card. Here each commit
is made 150 ms slower, and a whole driver session runs through the facade (tap, start, plug,
charge, samples, stop, end) while a probe measures how late the loop runs.
"""

from __future__ import annotations

import asyncio
import threading
import time

import figures
import pytest
from driver_station import READER_CARD, card, kiosk_station
from sessions_support import wait_until
from sqlalchemy import event

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)
SLOW_COMMIT_S = 0.150
PROBE_PERIOD_S = 0.005


def test_a_driver_session_on_a_slow_disk_never_stalls_the_loop(realtime_sim, tmp_path):
    sim = realtime_sim
    loop_thread = threading.main_thread()
    commits_on_loop: list[str] = []
    commits = 0

    def slow_commit(_connection) -> None:
        nonlocal commits
        commits += 1
        if threading.current_thread() is loop_thread:
            commits_on_loop.append(threading.current_thread().name)
        time.sleep(SLOW_COMMIT_S)  # the fsync of a slow SD card

    async def probe(lags: list[float]) -> None:
        while True:
            before = time.monotonic()
            await asyncio.sleep(PROBE_PERIOD_S)
            lags.append(time.monotonic() - before - PROBE_PERIOD_S)

    async def scenario() -> tuple[float, int, float]:
        async with kiosk_station(sim, tmp_path) as (runtime, facade, reader, events):
            event.listen(runtime.engine, "commit", slow_commit)
            lags: list[float] = []
            prober = asyncio.create_task(probe(lags))
            try:
                reader.tap(READER_CARD, hold_s=0.2)
                await wait_until(lambda: events.of("card_tapped"), 10, "the tap decided")
                session_id = await facade.start_session("CP00/1", READER_CARD)
                await sim.ctl.call("plug", charger=0)
                await wait_until(lambda: card(facade, "CP00/1").energy_Wh >= 5, 20, "5 Wh charged")
                await asyncio.sleep(1.5)  # meter samples are flushed every second (TIMING)
                summary = await facade.stop_session("CP00/1")
                assert summary is not None and summary.session_id == session_id
            finally:
                prober.cancel()
                event.remove(runtime.engine, "commit", slow_commit)
            return max(lags), commits, runtime.sessions.writer.longest_write_s

    longest_stall_s, commit_count, longest_write_s = asyncio.run(scenario())
    figures.report(
        "ledger on a slow disk",
        f"{commit_count} commits of >= {SLOW_COMMIT_S * 1000:.0f} ms each in one driver session: "
        f"longest loop stall {longest_stall_s * 1000:.1f} ms, longest write {longest_write_s * 1000:.0f} ms",
    )
    assert commit_count >= 4  # insert, charging, samples, finishing, end: the slow disk was in use
    assert longest_write_s >= SLOW_COMMIT_S
    assert commits_on_loop == [], "a ledger commit ran on the event loop"
    assert longest_stall_s < SLOW_COMMIT_S, f"the loop stalled {longest_stall_s * 1000:.0f} ms"
