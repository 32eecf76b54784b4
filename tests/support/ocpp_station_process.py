"""A station with OCPP run as a child process for the kill tests, its command channel and delivery checks.

Run as a script it starts StationRuntime (ledger, chargers of a simulator, OCPP against a CSMS URL) and
reads commands on stdin, one per line:

    authorise <connector> <tag>      open a session (prints "authorised <connector> <session id>")
    stop <connector> <reason>        stop the connector's session
    key <name> <value>               change an OCPP configuration key (persisted in the ledger)
    pending                          prints "pending <n>": transaction messages not yet confirmed
    quit                             stops cleanly

It prints what the test waits for: "ready", "online" / "offline" (BootNotification accepted / the link
lost), "vehicle <connector> arrived|left ...", "session <connector> <state> <id> <reason>" after each
committed session transition (a StartTransaction is in the outbox from "charging" with a meter start
on), "counters ..." on the way out. The test kills it with SIGKILL at chosen moments.

Imported, the module offers `StationProcess` (the test's side of that channel) and `check_delivery`,
which compares the ledger's outbox with what a test CSMS received (also used by the offline tests).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import logging
import os
import signal
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from app.db.engine import read_only, session_factory
from app.db.models import ChargingSession, OutboxMessage
from app.sessions import tx_messages
from app.sessions.ledger import OUTBOX_STREAM
from app.sessions.service import SessionTiming

REPO = Path(__file__).resolve().parents[2]
TRANSACTION_ACTIONS = ("StartTransaction", "MeterValues", "StopTransaction")
CALLRESULT = 3  # OCPP-J message type (OCPP-J 1.6 section 4.1.3)
# Short periods so that a test sees samples, flushes and timeouts within seconds.
TIMING = SessionTiming(
    sample_interval_s=0.5,
    flush_interval_s=1.0,
    plug_timeout_s=60.0,
    stop_timeout_s=3.0,
    suspend_debounce_s=1.0,
)


# -- the station process ---------------------------------------------------------------------------------


class _Ports:
    """What tests/sessions_support.station_config needs of a simulator: host and charger ports."""

    def __init__(self, host: str, ports: list[int]) -> None:
        self.host, self.ports, self.chargers = host, ports, len(ports)

    def charger_port(self, index: int) -> int:
        return self.ports[index]


def say(line: str) -> None:
    print(line, flush=True)


def _booted_at(text: str | None) -> Any:
    if not text:
        return None
    moment = datetime.now(UTC) if text == "now" else datetime.fromisoformat(text)
    return lambda: moment


async def _watch_link(runtime: Any) -> None:
    """Prints "online" when a BootNotification was accepted, "offline" when that link is gone."""
    online = False
    while True:
        now = runtime.ocpp is not None and runtime.ocpp.accepted.is_set()
        if now != online:
            online = now
            say("online" if online else "offline")
        await asyncio.sleep(0.02)


async def _commands(runtime: Any, done: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    stopping: set[asyncio.Task[Any]] = set()
    while not done.is_set():
        raw = await reader.readline()
        if not raw:
            break
        words = raw.decode().split()
        if not words:
            continue
        try:
            if words[0] == "authorise":
                row = await runtime.sessions.authorise(words[1], words[2])
                say(f"authorised {words[1]} {row.id}")
            elif words[0] == "stop":
                task = asyncio.create_task(runtime.sessions.stop(words[1], words[2]))
                stopping.add(task)
                task.add_done_callback(stopping.discard)
            elif words[0] == "key":
                status = runtime.ocpp.config.change(words[1], words[2], "admin")
                say(f"key {words[1]} {status.value}")
            elif words[0] == "pending":
                say(f"pending {await asyncio.to_thread(runtime.ocpp.tx_queue.pending_count)}")
            elif words[0] == "quit":
                break
            else:
                say(f"error unknown command {words[0]}")
        except Exception as error:  # the test reads the reason; the station keeps running
            say(f"error {type(error).__name__}: {error}")
    done.set()


async def main() -> int:
    from sessions_support import TARIFF, station_config

    from app.config import DatabaseSettings, OcppSettings
    from app.ocpp.central_system import build_central_system
    from app.runtime.runtime import StationRuntime

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="SQLite ledger file")
    parser.add_argument("--csms-url", required=True, help="CSMS URL without the identity")
    parser.add_argument("--identity", required=True)
    parser.add_argument("--secrets", type=Path, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--ports", required=True, help="the simulator's charger ports, comma-separated")
    parser.add_argument(
        "--host-booted-at", help="ISO time (or 'now') this host booted, instead of /proc/stat's"
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(message)s")
    config = dataclasses.replace(
        station_config(_Ports(args.host, [int(p) for p in args.ports.split(",")])),
        database=DatabaseSettings(url=f"sqlite:///{args.db}"),
        tariff=TARIFF,
        ocpp=OcppSettings(url=args.csms_url, identity=args.identity, secrets_dir=str(args.secrets)),
    )
    runtime = StationRuntime(
        config,
        timing=TIMING,
        host_booted_at=_booted_at(args.host_booted_at),
        build_central_system=build_central_system,
    )

    def on_change(change: Any) -> None:
        say(f"session {change.connector_id} {change.to_state} {change.session_id} {change.reason or '-'}")

    def on_event(event: Any) -> None:
        if event.kind == "vehicle":
            view = runtime.station.manager.connectors()[event.connector_id]
            status = view.status
            facts = f"available={view.available} faults={status.faults if status else None}"
            say(f"vehicle {event.connector_id} {'arrived' if event.arrived else 'left'} {facts}")

    # Subscribed before the start, so that the transitions of the recovery are printed too.
    runtime.sessions.subscribe(on_change)
    runtime.station.manager.subscribe(on_event)
    await runtime.start()
    say("ready")
    done = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, done.set)
    tasks = [asyncio.create_task(_watch_link(runtime)), asyncio.create_task(_commands(runtime, done))]
    await done.wait()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    counters = runtime.ocpp.tx_queue.counters if runtime.ocpp else Counter()
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(runtime.stop(), 10.0)
    say("counters " + " ".join(f"{k.replace(' ', '_')}={v}" for k, v in sorted(counters.items())))
    return 0


# -- the test's side of the channel ------------------------------------------------------------------------


class StationProcess:
    """One run of this module as a child process: commands in, progress lines out, SIGKILL."""

    def __init__(self, args: list[str], stderr_path: Path) -> None:
        self.args = args
        self.stderr_path = stderr_path
        self.lines: list[str] = []
        self.proc: asyncio.subprocess.Process | None = None
        self._changed = asyncio.Event()
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> StationProcess:
        env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'tests'}"}
        with open(self.stderr_path, "ab") as stderr:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable, str(Path(__file__).resolve()), *self.args,
                stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=stderr,
                env=env, cwd=REPO,
            )  # fmt: skip
        self._reader = asyncio.create_task(self._read())
        return self

    async def _read(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        async for raw in self.proc.stdout:
            self.lines.append(raw.decode().strip())
            self._changed.set()
        self._changed.set()

    def mark(self) -> int:
        """An index into the lines: wait_line(..., since=mark) sees only what came after."""
        return len(self.lines)

    async def wait_line(self, *words: str, timeout: float = 30.0, since: int = 0) -> str:
        """The first line at or after `since` whose leading words are `words`."""
        deadline = time.monotonic() + timeout
        index = since
        while True:
            while index < len(self.lines):
                line = self.lines[index]
                index += 1
                if line.split()[: len(words)] == list(words):
                    return line
            exited = self.proc is not None and self.proc.returncode is not None
            left = deadline - time.monotonic()
            if left <= 0 or (exited and index >= len(self.lines)):
                tail = self.stderr_path.read_text(errors="replace")[-3000:]
                raise AssertionError(
                    f"station process: no line {' '.join(words)!r} within {timeout} s "
                    f"(exited: {exited}); its last lines: {self.lines[-10:]}\nstderr tail:\n{tail}"
                )
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(left, 0.2))

    async def send(self, command: str) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        self.proc.stdin.write(command.encode() + b"\n")
        await self.proc.stdin.drain()

    async def kill(self) -> None:
        assert self.proc is not None
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGKILL)
        await self.proc.wait()
        if self._reader is not None:
            await self._reader

    async def quit(self, timeout: float = 20.0) -> int:
        assert self.proc is not None
        with contextlib.suppress(ConnectionError):
            await self.send("quit")
        code = await asyncio.wait_for(self.proc.wait(), timeout)
        if self._reader is not None:
            await self._reader
        return code


# -- what the CSMS received against what the ledger holds --------------------------------------------------


@dataclass
class DeliveryReport:
    """The ledger's transaction messages against the CSMS's frames, and what differs."""

    expected: int = 0  # messages the outbox says were confirmed (those with something to send)
    received: int = 0  # transaction-related calls the CSMS logged, resends included
    resent_unanswered: int = 0  # an identical copy of a call that never got an answer (at least once)
    resent_after_reconnect: int = 0  # answered, but the answer or its ack was lost with the link/process
    answered_twice: int = 0  # answered twice on one connection: a message delivered twice (a fault)
    by_action: Counter[str] = field(default_factory=Counter)
    transactions: int = 0  # distinct (connectorId, idTag, timestamp) of StartTransaction
    problems: list[str] = field(default_factory=list)


def transaction_frames(csms: Any, identity: str | None = None) -> list[Any]:
    """StartTransaction, StopTransaction and the MeterValues of transactions the CSMS received (from
    `identity`, or from any), in order."""
    frames = [
        f
        for f in csms.log.select(direction="from_cp", identity=identity, calls_only=True)
        if f.action in TRANSACTION_ACTIONS
    ]
    return [f for f in frames if f.action != "MeterValues" or "transactionId" in f.payload]


def expected_requests(
    engine: Engine, stream: str = OUTBOX_STREAM
) -> list[tuple[int | None, tx_messages.OcppRequest]]:
    """(session id, OCPP request) of an outbox stream in outbox order, with the sessions' transactionIds
    as the ledger holds them now. Every row must have been confirmed (delivered, not parked)."""
    with session_factory(read_only(engine))() as db:
        rows = db.scalars(
            select(OutboxMessage).where(OutboxMessage.stream == stream).order_by(OutboxMessage.seq)
        ).all()
        ids = {
            sid: tid
            for sid, tid in db.execute(select(ChargingSession.id, ChargingSession.csms_transaction_id))
        }
    requests = []
    for row in rows:
        assert row.delivered_at is not None and row.parked_at is None, (
            f"outbox message {row.id} ({row.kind}) not confirmed: attempts {row.attempts}, "
            f"parked {row.parked_at}, last error {row.last_error}"
        )
        session_id = tx_messages.session_id_of(row.payload)
        request = tx_messages.to_request(row.kind, row.payload, ids.get(session_id) if session_id else None)
        if request is not None:
            requests.append((session_id, request))
    return requests


def _transaction_id_of(engine: Engine, session_id: int | None) -> int | None:
    with session_factory(read_only(engine))() as db:
        return db.scalar(select(ChargingSession.csms_transaction_id).where(ChargingSession.id == session_id))


def check_delivery(
    engine: Engine, csms: Any, stream: str = OUTBOX_STREAM, identity: str | None = None
) -> DeliveryReport:
    """Every confirmed outbox message reached the CSMS once, in outbox order, with the right transactionId.

    A copy identical to the call before it is a resend (the queue sends only its head, so a resend
    always follows its first copy). Delivery is at least once (OCPP 1.6 section 3.7), so a resend is
    allowed when the first copy got no answer, or when a new connection came between the copies: the
    CSMS's answer was lost with the link, or the station was killed before it committed the ack.
    Answered twice on one connection is a fault (`answered_twice`). Each StartTransaction the CSMS
    answered must have given the transactionId the ledger recorded for its session, which the later
    messages carry. With one identity per charger, `stream` and `identity` name one charger's."""
    report = DeliveryReport()
    expected = expected_requests(engine, stream)
    frames = transaction_frames(csms, identity)
    connects = [event.at for event in csms.events("connect") if identity in (None, event.identity)]
    report.expected, report.received = len(expected), len(frames)
    kept: list[Any] = []
    for frame in frames:
        if kept and frame.action == kept[-1].action and frame.payload == kept[-1].payload:
            answer = csms.log.response_to(kept[-1])
            if answer is None or answer.message_type != CALLRESULT:
                report.resent_unanswered += 1
            elif any(kept[-1].at < at < frame.at for at in connects):
                report.resent_after_reconnect += 1
            else:
                report.answered_twice += 1
            kept[-1] = frame  # the later copy is the one whose answer counts
            continue
        kept.append(frame)
    report.by_action = Counter(f.action for f in kept)
    starts = [f.payload for f in kept if f.action == "StartTransaction"]
    report.transactions = len({(p["connectorId"], p["idTag"], p["timestamp"]) for p in starts})
    if len(kept) != len(expected):
        report.problems.append(f"{len(kept)} distinct messages at the CSMS, {len(expected)} in the ledger")
    for index, (frame, (session_id, request)) in enumerate(zip(kept, expected, strict=False)):
        if (frame.action, frame.payload) != (request.action, request.payload):
            report.problems.append(
                f"message {index}: the CSMS got {frame.action} {frame.payload}, the ledger has "
                f"{request.action} {request.payload}"
            )
            break
        answer = csms.log.response_to(frame)
        if answer is None or answer.message_type != CALLRESULT:
            report.problems.append(f"message {index} ({frame.action}) was never answered")
        elif frame.action == "StartTransaction":
            given, recorded = answer.payload.get("transactionId"), _transaction_id_of(engine, session_id)
            if given != recorded:
                report.problems.append(
                    f"session {session_id}: the CSMS gave {given}, the ledger has {recorded}"
                )
    return report


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
