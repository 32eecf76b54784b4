"""The sessions' writes to the ledger: creation, transitions, the end with its cost, and their OCPP messages.

Every function runs one transaction and commits it before returning (SQLite: BEGIN IMMEDIATE and
synchronous=FULL, docs/database.md), so the caller performs a side effect (claim, stop) only after
the state that causes it is durable. The usage a cost is computed from is rebuilt from the ledger
alone (transitions and meter samples), so a recomputation after any crash gives the same cost.
The OCPP transaction messages (StartTransaction, MeterValues, StopTransaction) are enqueued in the
transaction of their fact, so none is lost or doubled by a crash (docs/ocpp-transactions.md).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.config import StationConfig
from app.db import (
    Charger,
    ChargingSession,
    Connector,
    MeterSample,
    OutboxMessage,
    OutboxStream,
    Sample,
    SessionCostLine,
    SessionTransition,
    insert_samples,
    outbox,
    read_only,
    session_factory,
)
from app.sessions import tx_messages
from app.sessions.states import (
    AUTHORISED,
    ENDED,
    OPEN_STATES,
    SUSPENDED_EV,
    check_stop_reason,
    check_transition,
)
from app.tariffs import CostBreakdown, SessionUsage, Tariff, compute_cost, tariff_from_dict, tariff_to_dict

OUTBOX_STREAM = "ocpp"  # the station's single charge point
CHARGER_STREAM_PREFIX = "ocpp/"  # + charger id: that charger's own identity (ocpp.identity_per_charger)
# StopTransaction transactionData (StopTxnSampledData/StopTxnAlignedData) waiting for the session's end:
# one stream per session, folded into the stop message and removed in the ending transaction.
STOP_DATA_STREAM_PREFIX = "ocpp_stop_data:"
Reading = tuple[datetime, int]


class SessionRefusedError(RuntimeError):
    """authorise() refused: the connector already has an open session, or is unknown."""


def ensure_connectors(engine: Engine, config: StationConfig) -> dict[str, int]:
    """The ledger's connector ids by station connector id ("CP01/1"); missing chargers and connectors
    are added (a connector keeps its id and OCPP number once created)."""
    with session_factory(engine).begin() as db:
        known = {c.name: c.id for c in db.scalars(select(Connector))}
        chargers = set(db.scalars(select(Charger.id)))
        next_ocpp = (db.scalar(select(func.max(Connector.ocpp_connector_id))) or 0) + 1
        for charger in config.chargers:
            if charger.id not in chargers:
                db.add(Charger(id=charger.id, link=charger.link))
                db.flush()
            # Where its transaction messages go from now on (ocpp_address); messages already queued
            # keep the stream they were written to.
            db.get_one(Charger, charger.id).ocpp_identity = config.ocpp_identity_of(charger)
            for number in range(1, charger.connectors + 1):
                name = f"{charger.id}/{number}"
                if name not in known:
                    connector = Connector(
                        name=name,
                        charger_id=charger.id,
                        connector_no=number,
                        ocpp_connector_id=next_ocpp,
                        phases=charger.phases,
                        max_current_mA=charger.max_current_mA,
                    )
                    next_ocpp += 1
                    db.add(connector)
                    db.flush()
                    known[name] = connector.id
        return known


def open_sessions(engine: Engine) -> list[ChargingSession]:
    """Every session not yet ended, oldest first."""
    with session_factory(read_only(engine))() as db:
        query = select(ChargingSession).where(ChargingSession.state.in_(sorted(OPEN_STATES)))
        return list(db.scalars(query.order_by(ChargingSession.id)))


def _add_transition(
    db: Session,
    row: ChargingSession,
    to_state: str,
    at: datetime,
    meter_Wh: int | None,
    reason: str | None,
    *,
    first: bool = False,
) -> None:
    from_state = None if first else row.state
    check_transition(from_state, to_state)
    seq = (
        db.scalar(select(func.max(SessionTransition.seq)).where(SessionTransition.session_id == row.id)) or 0
    ) + 1
    db.add(
        SessionTransition(
            session_id=row.id,
            seq=seq,
            from_state=from_state,
            to_state=to_state,
            at=at,
            meter_Wh=meter_Wh,
            reason=reason,
        )
    )
    row.state = to_state
    row.updated_at = at


def create_session(
    engine: Engine,
    connector_db_id: int,
    id_tag: str,
    tariff: Tariff,
    at: datetime,
    *,
    next_state: str,
    meter_Wh: int | None,
    reservation_id: int | None = None,
    with_session: Callable[[Session, ChargingSession], None] | None = None,
) -> ChargingSession:
    """Writes a new session: authorised, then at once `next_state` (waiting_for_plug, or charging with
    the meter start and its StartTransaction message when the car is already plugged), in one
    transaction; refuses a second open one. `reservation_id`: the OCPP reservation it ends, if any.
    `with_session(db, row)` writes what belongs to the session in the same transaction (the payment
    that pays for it: a crash never leaves a paid session without its payment, or the reverse)."""
    with session_factory(engine).begin() as db:
        # The connector row lock serialises authorisations of one connector on PostgreSQL; SQLite's
        # BEGIN IMMEDIATE already serialises every writer.
        db.execute(select(Connector.id).where(Connector.id == connector_db_id).with_for_update())
        existing = db.scalar(
            select(ChargingSession.id).where(
                ChargingSession.connector_id == connector_db_id,
                ChargingSession.state.in_(sorted(OPEN_STATES)),
            )
        )
        if existing is not None:
            raise SessionRefusedError(f"connector {connector_db_id} already has open session {existing}")
        # A reference is never reused, also across restarts: the next one after the highest in the ledger.
        ref = (db.scalar(select(func.max(ChargingSession.transaction_ref))) or 0) + 1
        row = ChargingSession(
            transaction_ref=ref,
            connector_id=connector_db_id,
            id_tag=id_tag,
            state=AUTHORISED,
            tariff=tariff_to_dict(tariff),
            currency=tariff.currency,
            created_at=at,
            updated_at=at,
        )
        db.add(row)
        db.flush()
        _add_transition(db, row, AUTHORISED, at, None, f"id tag {id_tag}", first=True)
        if meter_Wh is not None:
            row.meter_start_Wh, row.started_at = meter_Wh, at
        _add_transition(db, row, next_state, at, meter_Wh, "plugged" if meter_Wh is not None else None)
        if meter_Wh is not None:
            _enqueue_start(db, row, reservation_id)
        if with_session is not None:
            with_session(db, row)
        return row


def write_transition(
    engine: Engine,
    session_id: int,
    to_state: str,
    at: datetime,
    *,
    meter_Wh: int | None = None,
    reason: str | None = None,
    start_meter: bool = False,
    reservation_id: int | None = None,
) -> ChargingSession:
    """Moves a session to `to_state` (state column and a transition row, one transaction); with
    start_meter, the meter start and the StartTransaction message are written with it."""
    with session_factory(engine).begin() as db:
        row = db.get(ChargingSession, session_id, with_for_update=True)
        if row is None:
            raise KeyError(f"session {session_id} does not exist")
        if start_meter:
            row.meter_start_Wh, row.started_at = meter_Wh, at
        _add_transition(db, row, to_state, at, meter_Wh, reason)
        if start_meter and meter_Wh is not None:
            _enqueue_start(db, row, reservation_id)
        return row


def ocpp_stream(charger_id: str | None) -> str:
    """The outbox stream of a charge point: the station's, or a charger's with an identity of its own."""
    return OUTBOX_STREAM if charger_id is None else f"{CHARGER_STREAM_PREFIX}{charger_id}"


def ocpp_address(db: Session, connector_id: int) -> tuple[str, int]:
    """(outbox stream, OCPP connector id) of a ledger connector: the station's stream and its station-wide
    number, or, for a charger with its own identity, that charger's stream and its number on the
    charger (OCPP 1.6 section 3.6: connectors are numbered from 1 per charge point)."""
    connector, identity = db.execute(
        select(Connector, Charger.ocpp_identity)
        .join(Charger, Charger.id == Connector.charger_id)
        .where(Connector.id == connector_id)
    ).one()
    if identity is None:
        return OUTBOX_STREAM, connector.ocpp_connector_id
    return ocpp_stream(connector.charger_id), connector.connector_no


def _enqueue_start(db: Session, row: ChargingSession, reservation_id: int | None) -> None:
    """StartTransaction for the session (OCPP 1.6 section 6.46), once: the meter start is its fact."""
    db.flush()
    stream, number = ocpp_address(db, row.connector_id)
    payload = tx_messages.started_payload(row, number, reservation_id)
    outbox.enqueue(db, stream, tx_messages.KIND_STARTED, payload, dedupe_key=f"session_started:{row.id}")


def enqueue_meter_values(
    engine: Engine,
    session_id: int,
    meter_values: Sequence[tx_messages.MeterValue],
    *,
    stop_transaction_data: Sequence[tx_messages.MeterValue] = (),
) -> int | None:
    """Queues a running transaction's MeterValues.req (OCPP 1.6 section 6.32; values as OCPP MeterValue
    dicts) and keeps `stop_transaction_data` (StopTxnSampledData / StopTxnAlignedData values) for the
    transactionData of its StopTransaction, in one transaction. Returns the MeterValues message id; None
    when nothing was queued (the session has not started or has already ended: its StopTransaction is
    queued, and a MeterValues behind it would break the order of section 3.7)."""
    with session_factory(engine).begin() as db:
        # The row lock orders this against end_session: either these values precede the stop, or none.
        row = db.get(ChargingSession, session_id, with_for_update=True)
        if row is None or row.state == ENDED or row.meter_start_Wh is None:
            return None
        stream, connector = ocpp_address(db, row.connector_id)
        message_id: int | None = None
        if meter_values:
            payload = tx_messages.meter_values_payload(row, connector, meter_values)
            message_id = outbox.enqueue(db, stream, tx_messages.KIND_METER_VALUES, payload)
        if stop_transaction_data:
            payload = {"session_id": row.id, "meter_value": list(stop_transaction_data)}
            outbox.enqueue(db, f"{STOP_DATA_STREAM_PREFIX}{row.id}", "stop_transaction_data", payload)
        return message_id


def _take_stop_data(db: Session, session_id: int) -> list[tx_messages.MeterValue]:
    """The session's kept transactionData, in order; removed, as the stop message now holds it."""
    stream = f"{STOP_DATA_STREAM_PREFIX}{session_id}"
    rows = db.execute(
        select(OutboxMessage.payload).where(OutboxMessage.stream == stream).order_by(OutboxMessage.seq)
    ).scalars()
    values = [value for payload in rows for value in payload["meter_value"]]
    db.execute(OutboxMessage.__table__.delete().where(OutboxMessage.stream == stream))
    db.execute(OutboxStream.__table__.delete().where(OutboxStream.stream == stream))
    return values


def store_samples(engine: Engine, samples: Sequence[Sample]) -> None:
    """One batch of meter samples in one transaction (a replayed sample is skipped)."""
    if samples:
        with session_factory(engine).begin() as db:
            insert_samples(db, samples)


def transitions(db: Session, session_id: int) -> list[SessionTransition]:
    query = select(SessionTransition).where(SessionTransition.session_id == session_id)
    return list(db.scalars(query.order_by(SessionTransition.seq)))


def _samples(db: Session, connector_id: int, start: datetime, end: datetime | None) -> list[Reading]:
    query = select(MeterSample.ts_s, MeterSample.energy_Wh).where(
        MeterSample.connector_id == connector_id, MeterSample.ts_s >= int(start.timestamp())
    )
    if end is not None:
        query = query.where(MeterSample.ts_s <= int(end.timestamp()))
    return [
        (datetime.fromtimestamp(ts, UTC), int(e)) for ts, e in db.execute(query.order_by(MeterSample.ts_s))
    ]


def readings(
    db: Session,
    row: ChargingSession,
    end: datetime | None = None,
    moves: list[SessionTransition] | None = None,
) -> list[Reading]:
    """The session's meter readings from its start: the start, transitions with a meter and samples, in
    time order; readings earlier or lower than the one before (a meter reset by a reboot) are dropped.
    `moves`: its transitions, when the caller has read them already."""
    if row.started_at is None or row.meter_start_Wh is None:
        return []
    start = row.started_at
    found: list[Reading] = [
        (t.at, int(t.meter_Wh))
        for t in (transitions(db, row.id) if moves is None else moves)
        if t.meter_Wh is not None and t.at > start and (end is None or t.at < end)
    ]
    found += [(at, e) for at, e in _samples(db, row.connector_id, start, end) if at > start]
    result: list[Reading] = [(start, row.meter_start_Wh)]
    for at, energy_Wh in sorted(found):
        if energy_Wh >= result[-1][1] and at >= result[-1][0] and (end is None or at < end):
            result.append((at, energy_Wh))
    return result


def idle_periods(
    db: Session, row: ChargingSession, end: datetime, moves: list[SessionTransition] | None = None
) -> list[tuple[datetime, datetime]]:
    """The spans in suspended_ev (the car full or pausing, OCPP SuspendedEV), inside [started_at, end]."""
    if row.started_at is None:
        return []
    spans: list[tuple[datetime, datetime]] = []
    idle_since: datetime | None = None
    for t in transitions(db, row.id) if moves is None else moves:
        at = min(max(t.at, row.started_at), end)
        if t.to_state == SUSPENDED_EV and idle_since is None:
            idle_since = at
        elif t.to_state != SUSPENDED_EV and idle_since is not None:
            spans.append((idle_since, at))
            idle_since = None
    if idle_since is not None:
        spans.append((idle_since, end))
    return [(a, b) for a, b in spans if b > a]


def session_usage(
    db: Session,
    row: ChargingSession,
    end: datetime,
    meter_end_Wh: int,
    found: list[Reading] | None = None,
    moves: list[SessionTransition] | None = None,
) -> SessionUsage:
    """The usage the cost is computed from: readings up to `end` closed by the reading at `end`.

    `found`, `moves`: the session's readings(db, row) and transitions when the caller has read them."""
    assert row.started_at is not None
    # readings(db, row, end) is the start and the readings before `end` (they come in time order).
    before = readings(db, row, end) if found is None else found[:1] + [r for r in found[1:] if r[0] < end]
    found = [r for r in before if r[1] <= meter_end_Wh]
    found.append((end, meter_end_Wh))
    return SessionUsage(row.started_at, end, found, idle_periods(db, row, end, moves))


def session_cost(
    db: Session,
    row: ChargingSession,
    end: datetime,
    meter_end_Wh: int,
    found: list[Reading] | None = None,
    moves: list[SessionTransition] | None = None,
) -> CostBreakdown:
    """compute_cost of the tariff frozen into the session (docs/tariffs.md) for its usage up to `end`
    (`found`, `moves`: its readings and transitions, when already read)."""
    usage = session_usage(db, row, end, meter_end_Wh, found, moves)
    return compute_cost(tariff_from_dict(row.tariff), usage)


def last_reading(db: Session, row: ChargingSession) -> Reading | None:
    """The last meter reading the ledger holds for the session (None if it never started)."""
    found = readings(db, row)
    return found[-1] if found else None


def _cost_lines(cost: CostBreakdown) -> list[tuple[str, str, str | None, int]]:
    lines: list[tuple[str, str, str | None, int]] = []
    for line in cost.energy_lines:
        where = "base price" if line.window is None else f"time-of-use window {line.window}"
        kWh = f"{float(line.energy_Wh) / 1000:.3f} kWh"
        lines.append(("energy", f"energy at {where}", kWh, line.amount_minor))
    if cost.time_amount_minor:
        lines.append(
            ("time", "charging time", f"{float(cost.charging_s) / 60:.2f} min", cost.time_amount_minor)
        )
    if cost.session_fee_minor:
        lines.append(("session_fee", "session fee", None, cost.session_fee_minor))
    if cost.idle_amount_minor:
        idle = f"{float(cost.idle_billed_s) / 60:.2f} min"
        lines.append(("idle", "idle fee after the grace period", idle, cost.idle_amount_minor))
    if cost.adjustment_minor:
        lines.append(("adjustment", "minimum or maximum charge", None, cost.adjustment_minor))
    kind = "tax_included" if cost.tax_inclusive else "tax"
    lines.append((kind, f"tax {cost.tax_rate_bp / 100:g} %", None, cost.tax_minor))
    return lines


def end_session(
    engine: Engine,
    session_id: int,
    reason: str,
    at: datetime,
    *,
    meter_stop_Wh: int | None,
    stopped_at: datetime | None = None,
    samples: Sequence[Sample] = (),
    detail: str | None = None,
    transaction_data: Sequence[tx_messages.MeterValue] = (),
) -> ChargingSession | None:
    """Ends a session in one transaction: pending samples, the meter stop (None = the last reading the
    ledger holds), energy, the cost of the frozen tariff with its lines, the transition and the outbox
    message "session_ended". None when the session had already ended (a second end is a no-op).
    The StopTransaction's transactionData is what enqueue_meter_values kept, then `transaction_data`
    (the values at the end, context Transaction.End)."""
    check_stop_reason(reason)
    with session_factory(engine).begin() as db:
        insert_samples(db, samples)
        row = db.get(ChargingSession, session_id, with_for_update=True)
        if row is None or row.state == ENDED:
            return None
        cost: CostBreakdown | None = None
        if row.meter_start_Wh is not None and row.started_at is not None:
            last = last_reading(db, row)
            assert last is not None
            if meter_stop_Wh is None or meter_stop_Wh < last[1]:
                # The charger's counter is unknown or behind the ledger (a reboot loses the unsaved
                # energy): the last reading the ledger holds is the stop, at its own time.
                meter_stop_Wh, stopped_at = last[1], last[0]
            stop_at = max(stopped_at or at, last[0])
            cost = session_cost(db, row, stop_at, meter_stop_Wh)
            row.meter_stop_Wh, row.stopped_at = meter_stop_Wh, stop_at
            row.energy_Wh = meter_stop_Wh - row.meter_start_Wh
            row.cost_total_minor, row.cost_tax_minor = cost.total_minor, cost.tax_minor
            for number, (kind, text, quantity, amount) in enumerate(_cost_lines(cost), start=1):
                db.add(SessionCostLine(session_id=row.id, line_no=number, kind=kind, description=text,
                                       quantity=quantity, amount_minor=amount))  # fmt: skip
        else:
            # Never plugged in: no transaction took place, nothing is charged.
            row.energy_Wh, row.cost_total_minor, row.cost_tax_minor = 0, 0, 0
        row.stop_reason, row.ended_at = reason, at
        _add_transition(db, row, ENDED, at, row.meter_stop_Wh, reason if detail is None else detail[:64])
        db.flush()
        kept = _take_stop_data(db, row.id)
        data = [*kept, *transaction_data] if row.meter_start_Wh is not None else []
        stream, number = ocpp_address(db, row.connector_id)
        outbox.enqueue(
            db,
            stream,
            tx_messages.KIND_ENDED,
            tx_messages.ended_payload(row, number, data),
            dedupe_key=f"session_ended:{row.id}",
        )
        return row


def deadline(at: datetime, seconds: float) -> datetime:
    return at + timedelta(seconds=seconds)
