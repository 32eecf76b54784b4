"""The outbox: messages that must be delivered, in order per stream, each claimed and acked once.

Enqueue inside the transaction that records the fact (a session's stop and its StopTransaction are
committed together or not at all). A deliverer claims the head of a stream with a lease, sends it,
then acks with the claim token. Delivery is at least once (a crash after sending and before the ack
resends after the lease expires; OCPP 1.6 §4.8 lets the CSMS recognise the retransmission); the claim
and the ack are exactly once: two deliverers never hold the same message, an ack counts once.
A message the receiver keeps refusing is parked: it stops holding up the stream and waits for an
operator, who may put it back (unpark) at its place in the order.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update

from app.db.base import utc_now
from app.db.dialect import Db, rowcount, upsert_insert
from app.db.models_logs import OutboxMessage, OutboxStream


@dataclass(frozen=True)
class ClaimedMessage:
    """A message a deliverer holds until `claimed_until`; ack or release it with `claim_token`."""

    id: int
    stream: str
    seq: int
    kind: str
    payload: dict[str, Any]
    attempts: int
    claim_token: str
    claimed_until: datetime


@dataclass(frozen=True)
class ParkedMessage:
    """A message taken out of the delivery order after refusals, kept for an operator."""

    id: int
    stream: str
    seq: int
    kind: str
    payload: dict[str, Any]
    attempts: int
    last_error: str | None
    parked_at: datetime


def enqueue(
    db: Db,
    stream: str,
    kind: str,
    payload: dict[str, Any],
    *,
    dedupe_key: str | None = None,
    available_at: datetime | None = None,
) -> int:
    """Adds a message at the tail of `stream` (in the caller's transaction); returns its id.

    With a dedupe_key that is already in the outbox, nothing is added and the existing id returned.
    """
    if dedupe_key is not None:
        existing = db.execute(select(OutboxMessage.id).where(OutboxMessage.dedupe_key == dedupe_key)).scalar()
        if existing is not None:
            return int(existing)
    db.execute(upsert_insert(db, OutboxStream).values(stream=stream, next_seq=1).on_conflict_do_nothing())
    # The UPDATE takes the stream row's lock until commit, so a second enqueuer waits and its key is
    # higher: messages become visible in key order and a deliverer never skips a later-committing one.
    db.execute(
        update(OutboxStream).where(OutboxStream.stream == stream).values(next_seq=OutboxStream.next_seq + 1)
    )
    seq = db.execute(select(OutboxStream.next_seq - 1).where(OutboxStream.stream == stream)).scalar_one()
    now = utc_now()
    row = {
        "stream": stream,
        "seq": seq,
        "kind": kind,
        "payload": payload,
        "dedupe_key": dedupe_key,
        "created_at": now,
        "available_at": available_at or now,
        "attempts": 0,
    }
    return int(
        db.execute(upsert_insert(db, OutboxMessage).values(row).returning(OutboxMessage.id)).scalar_one()
    )


def claim_next(
    db: Db, stream: str, *, lease: timedelta, now: datetime | None = None
) -> ClaimedMessage | None:
    """Claims the oldest undelivered, unparked message of `stream`; None when it is in flight, backing off
    or absent.

    Only the head is ever claimable, so a stream is delivered strictly in order. The caller commits.
    """
    now = now or utc_now()
    m = OutboxMessage
    head = db.execute(
        select(
            m.id,
            m.stream,
            m.seq,
            m.kind,
            m.payload,
            m.attempts,
            m.available_at,
            m.claim_token,
            m.claimed_until,
        )
        .where(m.stream == stream, m.delivered_at.is_(None), m.parked_at.is_(None))
        .order_by(m.seq)
        .limit(1)
    ).first()
    if head is None or head.available_at > now:
        return None
    if head.claim_token is not None and head.claimed_until is not None and head.claimed_until > now:
        return None
    token = str(uuid.uuid4())
    until = now + lease
    # The conditions are checked again by the UPDATE itself: of two deliverers racing for the head,
    # the second one's UPDATE sees the first one's claim and changes no row.
    claimed = rowcount(
        db.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.id == head.id,
                OutboxMessage.delivered_at.is_(None),
                OutboxMessage.parked_at.is_(None),
                (OutboxMessage.claim_token.is_(None)) | (OutboxMessage.claimed_until <= now),
            )
            .values(claim_token=token, claimed_until=until, attempts=OutboxMessage.attempts + 1)
            .execution_options(synchronize_session=False)
        )
    )
    if claimed != 1:
        return None
    return ClaimedMessage(
        head.id, head.stream, head.seq, head.kind, head.payload, head.attempts + 1, token, until
    )


def _settle_claim(db: Db, message_id: int, claim_token: str, **values: Any) -> bool:
    """Ends a claim (delivered or given back); False when the token is not (or no longer) the message's."""
    return (
        rowcount(
            db.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.id == message_id,
                    OutboxMessage.claim_token == claim_token,
                    OutboxMessage.delivered_at.is_(None),
                )
                .values(claim_token=None, claimed_until=None, **values)
                .execution_options(synchronize_session=False)
            )
        )
        == 1
    )


def ack(db: Db, message_id: int, claim_token: str, *, now: datetime | None = None) -> bool:
    """Marks a claimed message delivered; False when the token is not (or no longer) the message's claim."""
    return _settle_claim(db, message_id, claim_token, delivered_at=now or utc_now(), last_error=None)


def release(
    db: Db, message_id: int, claim_token: str, *, error: str, retry_at: datetime, counted: bool = True
) -> bool:
    """Gives a claimed message back after a failed delivery: it stays the head and is retried at retry_at.

    counted=False: the try never reached the receiver (no connection, no answer), so it is not one of
    the message's attempts (OCPP 1.6 section 3.7 counts only the receiver's failures to process it).
    """
    values: dict[str, Any] = {"last_error": error[:2000], "available_at": retry_at}
    if not counted:
        values["attempts"] = OutboxMessage.attempts - 1
    return _settle_claim(db, message_id, claim_token, **values)


def park(db: Db, message_id: int, claim_token: str, *, error: str, now: datetime | None = None) -> bool:
    """Takes a claimed message out of the delivery order (the receiver keeps refusing it); the next one
    becomes the head. The row stays, with its error, until an operator unparks it."""
    return _settle_claim(db, message_id, claim_token, last_error=error[:2000], parked_at=now or utc_now())


def parked(db: Db, stream: str) -> list[ParkedMessage]:
    """The parked messages of a stream, in their delivery order."""
    m = OutboxMessage
    rows = db.execute(
        select(m.id, m.stream, m.seq, m.kind, m.payload, m.attempts, m.last_error, m.parked_at)
        .where(m.stream == stream, m.delivered_at.is_(None), m.parked_at.is_not(None))
        .order_by(m.seq)
    ).all()
    return [ParkedMessage(*row) for row in rows]


def unpark(db: Db, message_id: int, *, now: datetime | None = None) -> bool:
    """Puts a parked message back at its place in the order (an operator's retry) with a fresh count of
    attempts; False when it is not parked."""
    return (
        rowcount(
            db.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.id == message_id,
                    OutboxMessage.parked_at.is_not(None),
                    OutboxMessage.delivered_at.is_(None),
                )
                .values(parked_at=None, attempts=0, available_at=now or utc_now())
                .execution_options(synchronize_session=False)
            )
        )
        == 1
    )


def release_stale_claims(db: Db, stream: str) -> int:
    """Ends every claim on a stream at once, without counting the try; returns how many.

    Only for the start-up of a stream's single deliverer: the claims are a killed predecessor's, whose
    outcome is unknown, so the message is sent again now instead of when the lease runs out.
    """
    return (
        rowcount(
            db.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.stream == stream,
                    OutboxMessage.delivered_at.is_(None),
                    OutboxMessage.claim_token.is_not(None),
                )
                .values(claim_token=None, claimed_until=None, attempts=OutboxMessage.attempts - 1)
                .execution_options(synchronize_session=False)
            )
        )
        or 0
    )


def next_attempt_at(db: Db, stream: str) -> datetime | None:
    """When the head of a stream can next be claimed (its retry time, or its claim's end); None if empty."""
    m = OutboxMessage
    head = db.execute(
        select(m.available_at, m.claimed_until)
        .where(m.stream == stream, m.delivered_at.is_(None), m.parked_at.is_(None))
        .order_by(m.seq)
        .limit(1)
    ).first()
    if head is None:
        return None
    available_at, claimed_until = head
    return max(available_at, claimed_until or available_at)


def pending_count(db: Db, stream: str) -> int:
    """Messages of a stream still to deliver (parked ones are not: see `parked`)."""
    return int(
        db.execute(
            select(func.count())
            .select_from(OutboxMessage)
            .where(
                OutboxMessage.stream == stream,
                OutboxMessage.delivered_at.is_(None),
                OutboxMessage.parked_at.is_(None),
            )
        ).scalar_one()
    )


def prune_delivered(db: Db, *, delivered_before: datetime) -> int:
    """Deletes messages delivered before a time (kept a while for diagnosis); returns how many."""
    return (
        rowcount(
            db.execute(
                OutboxMessage.__table__.delete().where(
                    OutboxMessage.delivered_at.is_not(None), OutboxMessage.delivered_at < delivered_before
                )
            )
        )
        or 0
    )
