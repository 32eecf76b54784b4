"""The outbox on SQLite and PostgreSQL: order per stream, one claim per message, acks that count once."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app.db.models import OutboxMessage
from app.db.outbox import ack, claim_next, enqueue, pending_count, prune_delivered, release

# The ledger fixtures (db_url over SQLite and PostgreSQL, ledger, postgres_server).
pytest_plugins = ["db_fixtures"]

LEASE = timedelta(seconds=30)
T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def _enqueue(engine, stream, n, **kwargs):
    with engine.begin() as db:
        return enqueue(db, stream, "MeterValues", {"n": n}, available_at=T0, **kwargs)


def _claim(engine, stream, now=T0):
    with engine.begin() as db:
        return claim_next(db, stream, lease=LEASE, now=now)


def _ack(engine, message, now=T0):
    with engine.begin() as db:
        return ack(db, message.id, message.claim_token, now=now)


def test_messages_are_delivered_in_order_one_at_a_time(ledger):
    for n in range(1, 6):
        _enqueue(ledger, "ocpp", n)
    delivered = []
    while (message := _claim(ledger, "ocpp")) is not None:
        assert _claim(ledger, "ocpp") is None  # the head is in flight: nothing behind it overtakes it
        delivered.append((message.seq, message.payload["n"], message.attempts))
        assert _ack(ledger, message)
    assert delivered == [(n, n, 1) for n in range(1, 6)]
    with ledger.connect() as db:
        assert pending_count(db, "ocpp") == 0


def test_streams_are_independent(ledger):
    _enqueue(ledger, "ocpp", 1)
    _enqueue(ledger, "receipts", 1)
    first = _claim(ledger, "ocpp")
    other = _claim(ledger, "receipts")
    assert (first.stream, first.seq, other.stream, other.seq) == ("ocpp", 1, "receipts", 1)


def test_racing_deliverers_claim_the_head_exactly_once(ledger):
    _enqueue(ledger, "ocpp", 1)
    barrier = threading.Barrier(4)
    results = []

    def deliverer():
        barrier.wait()
        results.append(_claim(ledger, "ocpp"))

    threads = [threading.Thread(target=deliverer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    claimed = [r for r in results if r is not None]
    assert len(results) == 4 and len(claimed) == 1


def test_an_ack_counts_once_and_only_with_the_current_claim(ledger):
    _enqueue(ledger, "ocpp", 1)
    first = _claim(ledger, "ocpp")
    # The deliverer stalls past its lease: another takes the message over (attempt 2, a new token).
    second = _claim(ledger, "ocpp", now=T0 + LEASE + timedelta(seconds=1))
    assert (second.id, second.attempts) == (first.id, 2) and second.claim_token != first.claim_token
    assert not _ack(ledger, first)  # the stale claim cannot ack
    assert _ack(ledger, second)
    assert not _ack(ledger, second)  # a second ack changes nothing
    assert _claim(ledger, "ocpp", now=T0 + timedelta(hours=1)) is None
    with ledger.connect() as db:
        row = db.execute(select(OutboxMessage.attempts, OutboxMessage.delivered_at)).one()
    assert row == (2, T0)


def test_a_failed_delivery_is_retried_at_its_time_and_still_first(ledger):
    _enqueue(ledger, "ocpp", 1)
    _enqueue(ledger, "ocpp", 2)
    message = _claim(ledger, "ocpp")
    with ledger.begin() as db:
        assert release(
            db, message.id, message.claim_token, error="CSMS offline", retry_at=T0 + timedelta(minutes=1)
        )
    assert _claim(ledger, "ocpp", now=T0 + timedelta(seconds=59)) is None  # backing off; 2 does not overtake
    again = _claim(ledger, "ocpp", now=T0 + timedelta(minutes=1))
    assert (again.seq, again.attempts) == (1, 2)


def test_dedupe_key_and_rolled_back_enqueue(ledger):
    first = _enqueue(ledger, "ocpp", 1, dedupe_key="StopTransaction:42")
    assert _enqueue(ledger, "ocpp", 1, dedupe_key="StopTransaction:42") == first
    try:
        with ledger.begin() as db:
            enqueue(db, "ocpp", "StartTransaction", {"n": 2})
            raise RuntimeError("the session write failed")
    except RuntimeError:
        pass
    _enqueue(ledger, "ocpp", 3)
    with ledger.connect() as db:
        rows = db.execute(select(OutboxMessage.seq, OutboxMessage.payload).order_by(OutboxMessage.seq)).all()
    # The rolled-back message left no row and no gap in the ordering keys.
    assert rows == [(1, {"n": 1}), (2, {"n": 3})]


def test_delivered_messages_are_pruned_after_a_while(ledger):
    _enqueue(ledger, "ocpp", 1)
    _enqueue(ledger, "ocpp", 2)
    _ack(ledger, _claim(ledger, "ocpp"))
    with ledger.begin() as db:
        assert prune_delivered(db, delivered_before=T0 + timedelta(days=1)) == 1
        assert pending_count(db, "ocpp") == 1
