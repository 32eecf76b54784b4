"""The whole station as one child process for the station benchmark: runtime, OCPP, ledger, analytics and
driver facade.

It wires the parts as the launcher does for a kiosk (`python -m launcher --config`, launcher/__main__.py and
launcher/kiosk_host.run_kiosk: StationRuntime started, then the analytics companion and the DriverFacade,
stopped the other way round)
and runs headless as `launcher/headless.run_station` does (the live table once a second, here written to
/dev/null), without Qt: what is measured is the station, not the painting of its screen.

Commands on stdin, one per line (answers on stdout):

    card <connector> <tag>    a driver taps a card at the kiosk and picks the connector
                              (prints "started <connector> <session id>" or "refused <connector> <why>")
    tap <tag>                 a card tap alone (stops that card's session); prints "tapped <tag> <outcome>"
    quit                      stops cleanly (also on SIGTERM)

It prints "ready" once started and "online" when the central system accepted its BootNotification.
With --profile PATH the whole run is profiled with cProfile and the statistics written to PATH.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import logging
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from app.chargers.live_view import render_table  # noqa: E402
from app.config import load_config  # noqa: E402
from app.driver.facade import DriverFacade  # noqa: E402
from app.runtime.runtime import StationRuntime  # noqa: E402
from launcher.analytics import AnalyticsSide  # noqa: E402
from launcher.headless import SessionNotes, ocpp_side  # noqa: E402


def say(line: str) -> None:
    print(line, flush=True)


async def _card(facade: DriverFacade, connector_id: str, tag: str) -> None:
    outcome = await facade.present_card(tag)
    if outcome.kind != "authorised":
        say(f"refused {connector_id} {outcome.kind}:{outcome.reason}")
        return
    try:
        session_id = await facade.start_session(connector_id, tag)
    except Exception as err:  # the benchmark counts refusals; the station keeps running
        say(f"refused {connector_id} {type(err).__name__}")
        return
    say(f"started {connector_id} {session_id}")


async def _tap(facade: DriverFacade, tag: str) -> None:
    outcome = await facade.present_card(tag)
    say(f"tapped {tag} {outcome.kind}")


async def _commands(facade: DriverFacade, done: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    running: set[asyncio.Task[Any]] = set()
    while not done.is_set():
        raw = await reader.readline()
        if not raw:
            break
        words = raw.decode().split()
        if not words:
            continue
        if words[0] == "quit":
            break
        if words[0] == "card" and len(words) == 3:
            task = asyncio.create_task(_card(facade, words[1], words[2]))
        elif words[0] == "tap" and len(words) == 2:
            task = asyncio.create_task(_tap(facade, words[1]))
        else:
            say(f"error unknown command {raw.decode().strip()!r}")
            continue
        running.add(task)
        task.add_done_callback(running.discard)
    done.set()


async def _announce_online(runtime: StationRuntime) -> None:
    assert runtime.ocpp is not None
    await runtime.ocpp.accepted.wait()
    say("online")


async def run(config_path: Path) -> None:
    config = load_config(config_path)
    runtime = StationRuntime(config, build_central_system=ocpp_side)
    facade = DriverFacade(runtime)
    analytics = AnalyticsSide(runtime, config)  # the recorder and the refresher, as the launcher runs them
    notes = SessionNotes(runtime)
    await runtime.start()
    await analytics.start()
    await facade.start()
    say("ready")
    done = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, done.set)
    tasks = [asyncio.create_task(_commands(facade, done))]
    if runtime.ocpp is not None:
        tasks.append(asyncio.create_task(_announce_online(runtime)))
    try:
        with open(os.devnull, "w") as out:
            while not done.is_set() and not runtime.stopping.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(done.wait(), 1.0)
                title = f"{config.station_name} - {time.strftime('%H:%M:%S')}"
                table = render_table(runtime.station.manager, title, notes())
                print(table + "\n", file=out, flush=True)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await facade.stop()
        await analytics.stop()
        await runtime.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, required=True, help="the site's TOML configuration")
    parser.add_argument("--profile", type=Path, help="write cProfile statistics of the whole run here")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    profiler = cProfile.Profile() if args.profile else None
    if profiler is not None:
        profiler.enable()
    try:
        asyncio.run(run(args.config))
    finally:
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(str(args.profile))
    return 0


if __name__ == "__main__":
    sys.exit(main())
