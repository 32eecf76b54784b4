"""Benchmark: 10,000 queued OCPP transaction messages delivered after a reconnect, to a CSMS on loopback.

Run from the repository root: .venv/bin/python tests/benchmarks/bench_ocpp_queue.py
The ledger is a SQLite file under build/ (synchronous=FULL on the real disk); the CSMS is the `ocpp`
library's 1.6 central system on a `websockets` server on 127.0.0.1, the station side the `ocpp`
library's charge point on a real WebSocket. The figure is checked: every message received once, in
order, each MeterValues and StopTransaction with the transactionId its StartTransaction got.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from ocpp.charge_point import camel_to_snake_case, remove_nones, snake_to_camel_case  # noqa: E402
from ocpp.exceptions import OCPPError  # noqa: E402
from ocpp.routing import on  # noqa: E402
from ocpp.v16 import ChargePoint, call, call_result  # noqa: E402
from ocpp.v16.enums import Action  # noqa: E402
from sqlalchemy import Engine, insert  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402
from websockets.asyncio.server import ServerConnection, serve  # noqa: E402
from websockets.exceptions import ConnectionClosed  # noqa: E402

from app.db import outbox  # noqa: E402
from app.db.engine import make_engine, session_factory  # noqa: E402
from app.db.models import Charger, ChargingSession, Connector  # noqa: E402
from app.db.schema_guard import check_and_migrate  # noqa: E402
from app.ocpp.errors import CsmsCallError  # noqa: E402
from app.ocpp.tx_queue import TransactionQueue  # noqa: E402
from app.sessions import tx_messages  # noqa: E402
from app.sessions.ledger import OUTBOX_STREAM, create_session, end_session  # noqa: E402
from app.tariffs import tariff_from_dict  # noqa: E402

MESSAGES = 10_000
SESSIONS = 100  # each: StartTransaction, 98 MeterValues, StopTransaction
CONNECTORS = 16
TARGET_per_s = 100  # 10,000 messages within 100 s of the connection coming back
T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
TARIFF = tariff_from_dict({"energy_price_per_kWh": "0.60"})


class Csms(ChargePoint):
    """A central system that records what it receives and numbers transactions from 1."""

    received: ClassVar[list[tuple[str, int | None, str]]] = []  # (action, transactionId, idTag or value)

    @on(Action.start_transaction)
    def on_start(self, connector_id: int, id_tag: str, meter_start: int, timestamp: str, **_: Any) -> Any:
        transaction_id = sum(1 for r in self.received if r[0] == "StartTransaction") + 1
        self.received.append(("StartTransaction", transaction_id, id_tag))
        return call_result.StartTransaction(transaction_id=transaction_id, id_tag_info={"status": "Accepted"})

    @on(Action.meter_values)
    def on_meter_values(self, connector_id: int, meter_value: list[dict[str, Any]], **kw: Any) -> Any:
        self.received.append(
            ("MeterValues", kw.get("transaction_id"), meter_value[0]["sampled_value"][0]["value"])
        )
        return call_result.MeterValues()

    @on(Action.stop_transaction)
    def on_stop(self, meter_stop: int, timestamp: str, transaction_id: int, **_: Any) -> Any:
        self.received.append(("StopTransaction", transaction_id, str(meter_stop)))
        return call_result.StopTransaction()


def _ledger(directory: Path) -> tuple[Engine, list[tuple[str, str]]]:
    """The ledger with SESSIONS ended sessions and their messages queued; the expected (action, tag/value)."""
    engine = make_engine(f"sqlite:///{directory / 'queue.sqlite3'}")
    check_and_migrate(engine)
    with engine.begin() as db:
        for n in range(1, CONNECTORS + 1):
            db.execute(insert(Charger).values(id=f"CP-{n:02d}", link=f"tcp://10.0.0.{n}:7000"))
            db.execute(
                insert(Connector).values(
                    id=n, name=f"CP-{n:02d}/1", charger_id=f"CP-{n:02d}", connector_no=1, ocpp_connector_id=n
                )
            )
    expected: list[tuple[str, str]] = []
    per_session = MESSAGES // SESSIONS - 2
    for s in range(SESSIONS):
        at = T0 + timedelta(hours=s)
        tag = f"TAG{s:04d}"
        row = create_session(engine, s % CONNECTORS + 1, tag, TARIFF, at, next_state="charging", meter_Wh=0)
        expected.append(("StartTransaction", tag))
        with session_factory(engine).begin() as db:  # one commit for the session's values (setup only)
            live = db.get(ChargingSession, row.id)
            assert live is not None
            for k in range(1, per_session + 1):
                stamp = (at + timedelta(seconds=30 * k)).isoformat().replace("+00:00", "Z")
                value = {"timestamp": stamp, "sampledValue": [{"value": f"{s}.{k}", "unit": "Wh"}]}
                payload = tx_messages.meter_values_payload(live, s % CONNECTORS + 1, [value])
                outbox.enqueue(db, OUTBOX_STREAM, tx_messages.KIND_METER_VALUES, payload)
                expected.append(("MeterValues", f"{s}.{k}"))
        end_session(engine, row.id, "Local", at + timedelta(minutes=50), meter_stop_Wh=1000 + s)
        expected.append(("StopTransaction", str(1000 + s)))
    return engine, expected


async def _deliver(engine: Engine) -> tuple[float, list[tuple[str, int | None, str]]]:
    Csms.received = []

    async def on_connect(connection: ServerConnection) -> None:
        with contextlib.suppress(ConnectionClosed):  # the station closes the link at the end of the run
            await Csms("CP", connection).start()

    async with serve(on_connect, "127.0.0.1", 0, subprotocols=["ocpp1.6"]) as server:  # type: ignore[list-item]
        port = server.sockets[0].getsockname()[1]
        async with connect(f"ws://127.0.0.1:{port}/CP", subprotocols=["ocpp1.6"]) as ws:  # type: ignore[list-item]
            station = ChargePoint("CP", ws)
            reader = asyncio.create_task(station.start())

            async def send(action: str, payload: dict[str, Any]) -> dict[str, Any]:
                try:
                    result = await station.call(
                        getattr(call, action)(**camel_to_snake_case(payload)), suppress=False
                    )
                except OCPPError as error:
                    raise CsmsCallError(error.code, str(error.description)) from error
                return snake_to_camel_case(remove_nones(asdict(result)))

            queue = TransactionQueue(engine, send, {}.get)
            await queue.start()
            start = time.perf_counter()
            queue.connection_up()
            while queue.pending_count() > 0:
                await asyncio.sleep(0.05)
            elapsed = time.perf_counter() - start
            await queue.close()
            reader.cancel()
    return elapsed, Csms.received


def run() -> list[tuple[str, str, str, bool]]:
    """The queue's figure as (figure, measured, target, met)."""
    (REPO / "build").mkdir(exist_ok=True)
    directory = Path(tempfile.mkdtemp(prefix="bench-ocpp-queue-", dir=REPO / "build"))
    try:
        engine, expected = _ledger(directory)
        elapsed, received = asyncio.run(_deliver(engine))
        engine.dispose()
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    # In order, none lost, none doubled, each transaction's messages with its own transactionId.
    ids = {tag: tid for action, tid, tag in received if action == "StartTransaction"}
    if [(a, v) for a, _, v in received] != expected or any(
        tid != ids[f"TAG{int(v.split('.')[0]) if a == 'MeterValues' else int(v) - 1000:04d}"]
        for a, tid, v in received
        if a != "StartTransaction"
    ):
        raise RuntimeError(
            "the CSMS did not receive every queued message once, in order, with its transactionId"
        )
    rate = len(received) / elapsed
    return [
        (
            f"{len(received):,} queued OCPP transaction messages delivered after reconnect "
            "(SQLite synchronous=FULL, ocpp CSMS on loopback)",
            f"{rate:,.0f} messages/s ({elapsed:.1f} s), in order, none lost",
            f">= {TARGET_per_s} messages/s",
            rate >= TARGET_per_s,
        )
    ]


def main() -> None:
    for name, measured, target, met in run():
        suffix = f" (target {target}) [{'ok' if met else 'MISSED'}]" if target != "-" else ""
        print(f"{name}: {measured}{suffix}", flush=True)


if __name__ == "__main__":
    main()
