"""The OCPP transaction queue on SQLite and PostgreSQL: order, transactionIds, retries, parking, restarts.

The CSMS here is the queue's boundary: an async `send` that records every call's OCPP JSON (checked
against the OCPP 1.6 JSON schemas) and answers as a CSMS would; the messages come from the real
session ledger writes.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from ocpp.messages import get_validator
from sqlalchemy import Engine, select

from app.db.base import utc_now
from app.db.engine import make_engine, session_factory
from app.db.models import ChargingSession, OutboxMessage
from app.ocpp.errors import CsmsCallError
from app.ocpp.tx_queue import TransactionQueue
from app.sessions.ledger import create_session, end_session, enqueue_meter_values, write_transition
from app.tariffs import tariff_from_dict

pytest_plugins = ["db_fixtures"]

TARIFF = tariff_from_dict({"energy_price_per_kWh": "0.60", "session_fee": "1.00"})
T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
# RFC 3339 date-time as the strict CSMSs check it (the library's schemas leave "format" unchecked).
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
FAST = {"TransactionMessageAttempts": 3, "TransactionMessageRetryInterval": 0.2}


def check_schema(action: str, payload: dict[str, Any]) -> None:
    """The request is valid OCPP 1.6 JSON (the library's schema for it) with RFC 3339 timestamps."""
    get_validator(2, action, "1.6").validate(payload)
    stamps = [payload.get("timestamp")] + [
        mv["timestamp"] for mv in payload.get("meterValue", []) + payload.get("transactionData", [])
    ]
    for stamp in filter(None, stamps):
        assert DATE_TIME.match(stamp), stamp


class Csms:
    """Answers like a CSMS: every StartTransaction gets the next transactionId; scripted refusals,
    silences and outages."""

    def __init__(self, first_id: int = 100) -> None:
        self.calls: list[tuple[str, dict[str, Any], datetime]] = []
        self.next_id = first_id
        self.online = True
        self.status = "Accepted"
        self.refuse: Callable[[str, dict[str, Any]], bool] = lambda action, payload: False
        self.silent = 0  # the next N calls get no answer (TimeoutError)
        self.hold: asyncio.Event | None = None  # StartTransaction waits for this before answering
        self.held_answer: int | None = None
        self.drop_after: int | None = None  # the connection breaks when this many calls were answered

    async def send(self, action: str, payload: dict[str, Any]) -> dict[str, Any]:
        check_schema(action, payload)
        if len(self.calls) == self.drop_after:
            self.online, self.drop_after = False, None
        if not self.online:
            raise ConnectionError("no connection to the CSMS")
        self.calls.append((action, payload, utc_now()))
        if self.silent:
            self.silent -= 1
            raise TimeoutError("no answer")
        if self.refuse(action, payload):
            raise CsmsCallError("InternalError", "cannot process it")
        if action == "StartTransaction":
            if self.hold is not None:
                hold, self.hold = self.hold, None
                await hold.wait()
                return {"transactionId": self.held_answer, "idTagInfo": {"status": self.status}}
            self.next_id += 1
            return {"transactionId": self.next_id, "idTagInfo": {"status": self.status}}
        if action == "StopTransaction":
            return {"idTagInfo": {"status": "Accepted"}}
        return {}

    def actions(self) -> list[tuple[str, int | None]]:
        """(action, transactionId) of every call, in order."""
        return [(a, p.get("transactionId")) for a, p, _ in self.calls]


def meter_value(at: datetime, energy_Wh: int, context: str = "Sample.Periodic") -> dict[str, Any]:
    stamp = at.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return {
        "timestamp": stamp,
        "sampledValue": [
            {
                "value": str(energy_Wh),
                "context": context,
                "measurand": "Energy.Active.Import.Register",
                "unit": "Wh",
            }
        ],
    }


def start(engine: Engine, connector: int, id_tag: str, at: datetime, meter_Wh: int, **kwargs: Any) -> int:
    row = create_session(
        engine, connector, id_tag, TARIFF, at, next_state="charging", meter_Wh=meter_Wh, **kwargs
    )
    return row.id


def stop(engine: Engine, session_id: int, at: datetime, meter_Wh: int, reason: str = "Local", **kwargs: Any):
    return end_session(engine, session_id, reason, at, meter_stop_Wh=meter_Wh, **kwargs)


def session(engine: Engine, session_id: int) -> ChargingSession:
    with session_factory(engine)() as db:
        row = db.get(ChargingSession, session_id)
        assert row is not None
        return row


async def wait_until(condition: Callable[[], bool], what: str, timeout_s: float = 20.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout_s
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


def make_queue(
    engine: Engine, csms: Csms, config: dict[str, Any] | None = None, **hooks: Any
) -> TransactionQueue:
    settings = dict(FAST if config is None else config)
    return TransactionQueue(engine, csms.send, settings.get, **hooks)


async def drain(queue: TransactionQueue, what: str = "the queue to drain") -> None:
    await wait_until(lambda: queue.pending_count() == 0, what)


def test_requests_carry_the_ledger_facts_and_are_schema_valid(ledger, add_connectors):
    connectors = add_connectors(ledger, 2)
    first = start(ledger, connectors[1], "04A1B2C3", T0, 1000, reservation_id=77)
    assert enqueue_meter_values(
        ledger, first, [meter_value(T0 + timedelta(minutes=1), 1100)],
        stop_transaction_data=[meter_value(T0 + timedelta(minutes=1), 1100)],
    )  # fmt: skip
    assert (
        enqueue_meter_values(
            ledger, first, [], stop_transaction_data=[meter_value(T0 + timedelta(minutes=2), 1200)]
        )
        is None
    )
    stop(
        ledger,
        first,
        T0 + timedelta(minutes=3),
        1300,
        transaction_data=[meter_value(T0 + timedelta(minutes=3), 1300, "Transaction.End")],
    )
    # Not plugged when authorised: its StartTransaction is written when the car arrives.
    second = create_session(
        ledger, connectors[0], "CAFE", TARIFF, T0, next_state="waiting_for_plug", meter_Wh=None
    ).id
    write_transition(ledger, second, "charging", T0 + timedelta(minutes=5), meter_Wh=50, start_meter=True)
    stop(ledger, second, T0 + timedelta(minutes=6), 90, reason="EVDisconnected")
    assert enqueue_meter_values(ledger, second, [meter_value(T0, 60)]) is None  # after its stop: refused

    csms = Csms()

    async def scenario() -> None:
        queue = make_queue(ledger, csms)
        await queue.start()
        queue.connection_up()
        await drain(queue)
        await queue.close()

    asyncio.run(scenario())
    minute_1 = meter_value(T0 + timedelta(minutes=1), 1100)
    assert [(a, p) for a, p, _ in csms.calls] == [
        ("StartTransaction", {"connectorId": 2, "idTag": "04A1B2C3", "meterStart": 1000,
                              "timestamp": "2026-03-01T08:00:00.000Z", "reservationId": 77}),
        ("MeterValues", {"connectorId": 2, "transactionId": 101, "meterValue": [minute_1]}),
        ("StopTransaction", {"transactionId": 101, "meterStop": 1300, "timestamp": "2026-03-01T08:03:00.000Z",
                             "reason": "Local", "idTag": "04A1B2C3", "transactionData": [
                                 meter_value(T0 + timedelta(minutes=1), 1100),
                                 meter_value(T0 + timedelta(minutes=2), 1200),
                                 meter_value(T0 + timedelta(minutes=3), 1300, "Transaction.End")]}),
        ("StartTransaction", {"connectorId": 1, "idTag": "CAFE", "meterStart": 50,
                              "timestamp": "2026-03-01T08:05:00.000Z"}),
        ("StopTransaction", {"transactionId": 102, "meterStop": 90, "timestamp": "2026-03-01T08:06:00.000Z",
                             "reason": "EVDisconnected"}),
    ]  # fmt: skip
    assert (session(ledger, first).csms_transaction_id, session(ledger, second).csms_transaction_id) == (
        101,
        102,
    )
    with ledger.connect() as db:  # the kept transactionData went into the stop message and nowhere else
        streams = set(db.scalars(select(OutboxMessage.stream)))
    assert streams == {"ocpp"}


def test_order_across_an_outage_with_hundreds_queued_and_a_session_started_offline(ledger, add_connectors):
    connectors = add_connectors(ledger, 3)
    csms = Csms()
    expected: list[tuple[str, int]] = []  # (action, session id) in the order the facts were written

    async def scenario() -> None:
        queue = make_queue(ledger, csms)
        await queue.start()
        queue.connection_up()
        online = start(ledger, connectors[0], "AAA", T0, 0)
        expected.append(("StartTransaction", online))
        queue.wake()
        await drain(queue)
        # The CSMS goes away mid-session; the station keeps charging and queueing.
        csms.online = False
        queue.connection_down()
        offline = start(ledger, connectors[1], "BBB", T0 + timedelta(seconds=1), 500)
        expected.append(("StartTransaction", offline))
        for n in range(1, 151):
            for sid, base in ((online, 0), (offline, 500)):
                at = T0 + timedelta(seconds=10 * n)
                enqueue_meter_values(ledger, sid, [meter_value(at, base + n)])
                expected.append(("MeterValues", sid))
            queue.wake()
        stop(ledger, offline, T0 + timedelta(hours=1), 800)
        expected.append(("StopTransaction", offline))
        await asyncio.sleep(0.3)
        assert queue.pending_count() == 302 and len(csms.calls) == 1
        # Back, but the first send finds the connection gone again before the station noticed.
        csms.online, csms.drop_after = True, 40
        queue.connection_up()
        await wait_until(lambda: queue.counters["connection lost"] == 1, "the loss to be seen")
        queue.connection_down()
        csms.online = True
        queue.connection_up()
        stop(ledger, online, T0 + timedelta(hours=2), 900)
        expected.append(("StopTransaction", online))
        queue.wake()
        await drain(queue)
        await queue.close()

    asyncio.run(scenario())
    ids = {101: "AAA", 102: "BBB"}
    sessions_by_tag = {"AAA": expected[0][1], "BBB": expected[1][1]}
    seen = []
    for action, payload, _ in csms.calls:
        tag = payload["idTag"] if action == "StartTransaction" else ids[payload["transactionId"]]
        seen.append((action, sessions_by_tag[tag]))
    assert seen == expected  # every message once, in the order written, across the outage and the loss
    values = [p["meterValue"][0]["sampledValue"][0]["value"] for a, p, _ in csms.calls if a == "MeterValues"]
    assert len(values) == len(set(values)) == 300
    assert session(ledger, sessions_by_tag["BBB"]).csms_transaction_id == 102


def test_refused_message_is_retried_at_growing_intervals_then_parked_with_the_bill_kept(
    ledger, add_connectors
):
    connectors = add_connectors(ledger, 2)
    first = start(ledger, connectors[0], "AAA", T0, 0)
    stop(ledger, first, T0 + timedelta(minutes=30), 7000)
    second = start(ledger, connectors[1], "BBB", T0 + timedelta(minutes=31), 100)
    billed = session(ledger, first)
    csms = Csms()
    csms.refuse = lambda action, payload: action == "StopTransaction" and payload["transactionId"] == 101
    reports: list[Any] = []

    async def scenario() -> None:
        queue = make_queue(ledger, csms, on_parked=reports.append)
        await queue.start()
        queue.connection_up()
        await wait_until(lambda: queue.counters["delivered StartTransaction"] == 2, "the second start")
        assert queue.pending_count() == 0
        parked = queue.parked()
        assert [(m.kind, m.attempts) for m in parked] == [("session_ended", 3)]
        assert parked[0].last_error == "CALLERROR InternalError: cannot process it"
        assert reports == parked and queue.counters["parked"] == 1 and queue.counters["refused"] == 3
        # The operator fixed the CSMS and retries: the stop goes out now, with its transactionId.
        csms.refuse = lambda action, payload: False
        assert queue.retry_parked() == 1
        await wait_until(lambda: queue.counters["delivered StopTransaction"] == 1, "the retried stop")
        assert queue.parked() == []
        await queue.close()

    asyncio.run(scenario())
    stops = [(p["transactionId"], at) for a, p, at in csms.calls if a == "StopTransaction"]
    assert [t for t, _ in stops] == [101, 101, 101, 101]
    # Attempt n waits n x TransactionMessageRetryInterval (OCPP 1.6 section 3.7): 0.2 s, then 0.4 s.
    assert stops[1][1] - stops[0][1] >= timedelta(seconds=0.19)
    assert stops[2][1] - stops[1][1] >= timedelta(seconds=0.39)
    assert [a for a, _, _ in csms.calls].index("StartTransaction", 1) == 4  # the next message was not held up
    after = session(ledger, first)
    assert (after.cost_total_minor, after.energy_Wh, after.meter_stop_Wh, after.stop_reason) == (
        billed.cost_total_minor, 7000, 7000, "Local",
    )  # fmt: skip
    assert billed.cost_total_minor is not None and billed.cost_total_minor > 0
    assert session(ledger, second).csms_transaction_id == 102


def test_a_parked_start_parks_its_sessions_later_messages_unsent(ledger, add_connectors):
    connectors = add_connectors(ledger, 2)
    refused = start(ledger, connectors[0], "BAD", T0, 0)
    enqueue_meter_values(ledger, refused, [meter_value(T0 + timedelta(minutes=1), 100)])
    other = start(ledger, connectors[1], "GOOD", T0 + timedelta(minutes=1), 10)
    stop(ledger, refused, T0 + timedelta(minutes=2), 200)
    stop(ledger, other, T0 + timedelta(minutes=3), 20)
    csms = Csms()
    csms.refuse = lambda action, payload: action == "StartTransaction" and payload["idTag"] == "BAD"

    async def scenario() -> None:
        queue = make_queue(
            ledger, csms, {"TransactionMessageAttempts": 2, "TransactionMessageRetryInterval": 0}
        )
        await queue.start()
        queue.connection_up()
        await drain(queue)
        assert [m.kind for m in queue.parked()] == ["session_started", "meter_values", "session_ended"]
        assert "StartTransaction not confirmed" in queue.parked()[2].last_error
        csms.refuse = lambda action, payload: False
        assert queue.retry_parked() == 3
        await drain(queue)
        await queue.close()

    asyncio.run(scenario())
    assert csms.actions() == [
        ("StartTransaction", None), ("StartTransaction", None),  # refused twice: parked, the rest unsent
        ("StartTransaction", None), ("StopTransaction", 101),  # the other session went on
        ("StartTransaction", None), ("MeterValues", 102), ("StopTransaction", 102),  # after the retry
    ]  # fmt: skip
    row = session(ledger, refused)
    assert (row.energy_Wh, row.csms_transaction_id) == (200, 102) and row.cost_total_minor


def test_restart_resends_the_unconfirmed_message_then_continues(ledger, db_url, add_connectors):
    connectors = add_connectors(ledger, 1)
    sid = start(ledger, connectors[0], "AAA", T0, 0)
    enqueue_meter_values(ledger, sid, [meter_value(T0 + timedelta(minutes=1), 50)])
    stop(ledger, sid, T0 + timedelta(minutes=2), 100)
    csms = Csms()
    csms.hold = asyncio.Event()  # sent, and killed before the confirmation arrives

    async def first_run() -> None:
        queue = make_queue(ledger, csms)
        await queue.start()
        queue.connection_up()
        await wait_until(lambda: len(csms.calls) == 1, "the StartTransaction")
        await queue.close()

    async def second_run(engine: Engine) -> None:
        queue = make_queue(engine, csms)
        await queue.start()
        assert queue.counters["claims released at start"] == 1
        queue.connection_up()
        await drain(queue)
        await queue.close()

    asyncio.run(first_run())
    with ledger.connect() as db:
        assert db.scalar(select(OutboxMessage.claim_token).where(OutboxMessage.kind == "session_started"))
    restarted = make_engine(db_url)  # a new process: a new engine on the same database
    try:
        asyncio.run(second_run(restarted))
    finally:
        restarted.dispose()
    # At least once: the unconfirmed StartTransaction is sent again, identical (same connector, idTag,
    # meterStart and timestamp), and nothing else is doubled.
    assert csms.actions() == [("StartTransaction", None), ("StartTransaction", None), ("MeterValues", 101),
                              ("StopTransaction", 101)]  # fmt: skip
    assert csms.calls[0][1] == csms.calls[1][1]
    with ledger.connect() as db:
        assert db.scalar(select(OutboxMessage.attempts).where(OutboxMessage.kind == "session_started")) == 1


def test_a_start_confirmation_is_applied_exactly_once(ledger, add_connectors):
    connectors = add_connectors(ledger, 1)
    sid = start(ledger, connectors[0], "AAA", T0, 0)
    stop(ledger, sid, T0 + timedelta(minutes=2), 100, reason="Remote")  # no idTag: only the start's info
    csms = Csms()
    late = asyncio.Event()
    csms.hold, csms.held_answer = late, 999
    infos: list[tuple[str, dict[str, Any]]] = []

    async def scenario() -> None:
        slow = make_queue(ledger, csms, on_id_tag_info=lambda tag, info: infos.append((tag, info)))
        await slow.start()
        slow.connection_up()
        await wait_until(lambda: len(csms.calls) == 1, "the first StartTransaction")
        # A second deliverer takes the message over (as after a restart) and delivers everything.
        other = make_queue(ledger, csms, on_id_tag_info=lambda tag, info: infos.append((tag, info)))
        await other.start()
        other.connection_up()
        await drain(other)
        await other.close()
        # The first deliverer's late answer (transactionId 999) arrives: its claim is gone, nothing applies.
        late.set()
        await wait_until(lambda: slow.counters["stale confirmations"] == 1, "the stale confirmation")
        await slow.close()

    asyncio.run(scenario())
    assert csms.actions() == [
        ("StartTransaction", None),
        ("StartTransaction", None),
        ("StopTransaction", 101),
    ]
    assert session(ledger, sid).csms_transaction_id == 101
    assert infos == [("AAA", {"status": "Accepted"})]


def test_rejected_start_is_reported_and_a_silent_csms_uses_no_attempt(ledger, add_connectors):
    connectors = add_connectors(ledger, 1)
    sid = start(ledger, connectors[0], "STOLEN", T0, 0)
    stop(ledger, sid, T0 + timedelta(minutes=1), 10, reason="DeAuthorized")
    csms = Csms()
    csms.status = "Blocked"
    csms.silent = 2
    rejected: list[tuple[int, str]] = []
    cached: list[tuple[str, dict[str, Any]]] = []

    async def scenario() -> None:
        queue = make_queue(
            ledger, csms, {"TransactionMessageAttempts": 1, "TransactionMessageRetryInterval": 30},
            on_start_rejected=lambda session_id, status: rejected.append((session_id, status)),
            on_id_tag_info=lambda tag, info: cached.append((tag, info)),
        )  # fmt: skip
        await queue.start()
        queue.connection_up()
        for n in (1, 2):  # no answer: held until the next connection, no attempt used up
            await wait_until(lambda n=n: queue.counters["no answer"] == n, f"silence {n}")
            queue.connection_down()
            queue.connection_up()
        # Counts land once their ledger transaction committed, a moment after the rows do.
        await wait_until(lambda: queue.counters["starts rejected"] == 1, "the rejected start counted")
        await drain(queue)
        assert queue.parked() == []
        await queue.close()

    asyncio.run(scenario())
    assert csms.actions() == [("StartTransaction", None)] * 3 + [("StopTransaction", 101)]
    assert rejected == [(sid, "Blocked")] and cached == [("STOLEN", {"status": "Blocked"})]
    assert session(ledger, sid).csms_transaction_id == 101  # the CSMS's transaction exists: it is stopped


def test_a_session_that_never_started_sends_nothing(ledger, add_connectors):
    connectors = add_connectors(ledger, 1)
    sid = create_session(
        ledger, connectors[0], "AAA", TARIFF, T0, next_state="waiting_for_plug", meter_Wh=None
    ).id
    end_session(ledger, sid, "Other", T0 + timedelta(minutes=2), meter_stop_Wh=None, detail="plug timeout")
    csms = Csms()

    async def scenario() -> None:
        queue = make_queue(ledger, csms)
        await queue.start()
        queue.connection_up()
        await drain(queue)
        assert queue.counters["nothing to send"] == 1
        await queue.close()

    asyncio.run(scenario())
    assert csms.calls == []


@pytest.mark.parametrize("pending", [False, True])
def test_a_transaction_id_the_csms_reuses(ledger, add_connectors, pending):
    connectors = add_connectors(ledger, 2)
    old = start(ledger, connectors[0], "OLD", T0, 0)
    stop(ledger, old, T0 + timedelta(minutes=1), 10)
    csms = Csms()

    async def scenario() -> None:
        queue = make_queue(ledger, csms)
        await queue.start()
        queue.connection_up()
        await drain(queue)
        if pending:  # the old session still has a message to deliver: its transactionId stays its own
            with ledger.begin() as db:
                db.execute(OutboxMessage.__table__.update().values(delivered_at=None))
                db.execute(OutboxMessage.__table__.update().values(parked_at=T0))
        csms.next_id = 100  # the CSMS's database was reset: it hands out 101 again
        new = start(ledger, connectors[1], "NEW", T0 + timedelta(hours=1), 0)
        queue.wake()
        await wait_until(lambda: len(csms.calls) == 3, "the new start")
        await wait_until(lambda: queue.pending_count() == 0, "the new start settled")
        if pending:
            assert queue.parked()[-1].last_error == f"transactionId 101 belongs to session {old}"
            assert session(ledger, new).csms_transaction_id is None
        else:
            # Counts land once their ledger transaction committed, a moment after the rows do.
            await wait_until(lambda: queue.counters["transaction ids reused"] == 1, "the reuse counted")
            assert session(ledger, new).csms_transaction_id == 101
        await queue.close()

    asyncio.run(scenario())
    assert session(ledger, old).csms_transaction_id == (101 if pending else None)
