"""The analytics recorder's writes: state timeline rows, balancer caps, contactor operations, link days.

Blocking functions, each one short transaction, run on the ledger's writer thread (app/db/writer.py) so
the event loop never waits for a disk and the rows keep the order things happened in. What each table
means: docs/analytics.md, "What is recorded as it happens".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, case, func, select, update
from sqlalchemy.orm import Session

from app.db import (
    BalancerCap,
    Connector,
    ConnectorStateSpan,
    ContactorOperation,
    LinkDay,
    RuntimeSetting,
    session_factory,
    upsert_insert,
    utc_now,
)

# The last time the recorder was known to be running (epoch s): where a station_down stretch begins.
ALIVE_KEY = "analytics.recorder_alive_s"
RECORDER = "analytics recorder"


@dataclass(frozen=True, slots=True)
class OpenSpan:
    """A connector's open timeline row as the recorder keeps it in memory."""

    state: str
    detail: str | None
    started_s: int


@dataclass(frozen=True, slots=True)
class LinkCounts:
    """One charger's link figures to add to a local day's row."""

    charger_id: str
    day_s: int
    polls: int
    missed_polls: int
    bad_frames: int
    reconnects: int


def _mark_alive(db: Session, at_s: int) -> None:
    # Bookkeeping, not an operator's change: no audit entry (the settings store audits every change).
    table = RuntimeSetting.__table__
    insert = upsert_insert(db, table).values(
        key=ALIVE_KEY, value=at_s, updated_at=utc_now(), updated_by=RECORDER
    )
    db.execute(
        insert.on_conflict_do_update(
            index_elements=[table.c.key],
            set_={"value": insert.excluded.value, "updated_at": insert.excluded.updated_at},
        )
    )


def _ended_at(at_s: int) -> Any:
    """`at_s`, or the row's own start if that is later (the clock set back by the central system): a row
    never ends before it starts."""
    return case((ConnectorStateSpan.started_s > at_s, ConnectorStateSpan.started_s), else_=at_s)


def mark_alive(engine: Engine, at_s: int) -> None:
    with session_factory(engine).begin() as db:
        _mark_alive(db, at_s)


def recover(engine: Engine, names: Iterable[str], now_s: int) -> tuple[dict[str, int], dict[str, OpenSpan]]:
    """At start: the connectors' ledger ids, and the time the station was down written as `offline`
    (`station_down`) from the last time the recorder was alive (or the open row's start, if later).

    The open rows a previous run left (it was killed) are closed there; the station_down row is left
    open, so it ends when the connector's first state is known. Connectors without any row yet get none
    (their time before the first record is unknown, docs/analytics.md). Open balancer caps are closed at
    the same mark. Returns the ids and the open station_down rows by connector name.
    """
    wanted = set(names)
    with session_factory(engine).begin() as db:
        ids = {name: cid for name, cid in db.execute(select(Connector.name, Connector.id)) if name in wanted}
        alive_row = db.execute(select(RuntimeSetting.value).where(RuntimeSetting.key == ALIVE_KEY)).first()
        alive_s = int(alive_row[0]) if alive_row is not None else None
        opened: dict[str, OpenSpan] = {}
        for name, connector_id in ids.items():
            last = db.execute(
                select(func.max(ConnectorStateSpan.started_s), func.max(ConnectorStateSpan.ended_s)).where(
                    ConnectorStateSpan.connector_id == connector_id
                )
            ).one()
            if last[0] is None:
                continue  # never recorded: unknown until the first state
            marks = [v for v in (alive_s, last[0], last[1]) if v is not None]
            down_s = min(max(marks), now_s)  # not after now, should the clock have been set back
            db.execute(
                update(ConnectorStateSpan)
                .where(ConnectorStateSpan.connector_id == connector_id, ConnectorStateSpan.ended_s.is_(None))
                .values(ended_s=_ended_at(down_s))
            )
            db.add(
                ConnectorStateSpan(
                    connector_id=connector_id, state="offline", detail="station_down", started_s=down_s
                )
            )
            opened[name] = OpenSpan("offline", "station_down", down_s)
        for cap in db.scalars(select(BalancerCap).where(BalancerCap.ended_s.is_(None))):
            cap.ended_s = max(cap.started_s, min(alive_s if alive_s is not None else cap.started_s, now_s))
        _mark_alive(db, now_s)
    return ids, opened


def change_state(engine: Engine, connector_id: int, new: OpenSpan) -> None:
    """Closes the connector's open row where the new one starts and opens the new one. A state that
    lasted under a second still gets its row (of length 0): a brief link drop happened."""
    with session_factory(engine).begin() as db:
        db.execute(
            update(ConnectorStateSpan)
            .where(ConnectorStateSpan.connector_id == connector_id, ConnectorStateSpan.ended_s.is_(None))
            .values(ended_s=_ended_at(new.started_s))
        )
        db.add(
            ConnectorStateSpan(
                connector_id=connector_id, state=new.state, detail=new.detail, started_s=new.started_s
            )
        )


def close_states(engine: Engine, connector_ids: Iterable[int], at_s: int) -> None:
    """At stop: every open row ends now; the next start writes the gap as station_down."""
    with session_factory(engine).begin() as db:
        db.execute(
            update(ConnectorStateSpan)
            .where(
                ConnectorStateSpan.connector_id.in_(list(connector_ids)), ConnectorStateSpan.ended_s.is_(None)
            )
            .values(ended_s=_ended_at(at_s))
        )
        _mark_alive(db, at_s)


def contactor_opened(
    engine: Engine, connector_id: int, at_s: int, cycles: int, break_current_mA: int
) -> None:
    with session_factory(engine).begin() as db:
        db.add(
            ContactorOperation(
                connector_id=connector_id, at_s=at_s, cycles=cycles, break_current_mA=break_current_mA
            )
        )


def open_cap(engine: Engine, connector_id: int, at_s: int, wanted_mA: int, offered_mA: int) -> int:
    """A new balancer cap row; returns its id (the recorder updates and closes it by id)."""
    with session_factory(engine).begin() as db:
        cap = BalancerCap(
            connector_id=connector_id, started_s=at_s, wanted_mA=wanted_mA, offered_min_mA=offered_mA
        )
        db.add(cap)
        db.flush()
        return cap.id


def update_cap(engine: Engine, cap_id: int, wanted_mA: int, offered_min_mA: int, ended_s: int | None) -> None:
    with session_factory(engine).begin() as db:
        values: dict[str, int] = {"wanted_mA": wanted_mA, "offered_min_mA": offered_min_mA}
        if ended_s is not None:
            values["ended_s"] = ended_s
        db.execute(update(BalancerCap).where(BalancerCap.id == cap_id).values(**values))


def add_link_counts(engine: Engine, counts: Iterable[LinkCounts], alive_s: int) -> None:
    """Adds the figures since the last flush to their day's row (created on the day's first flush)."""
    with session_factory(engine).begin() as db:
        for c in counts:
            insert = upsert_insert(db, LinkDay).values(
                charger_id=c.charger_id,
                day_s=c.day_s,
                polls=c.polls,
                missed_polls=c.missed_polls,
                bad_frames=c.bad_frames,
                reconnects=c.reconnects,
            )
            db.execute(
                insert.on_conflict_do_update(
                    index_elements=[LinkDay.charger_id, LinkDay.day_s],
                    set_={
                        "polls": LinkDay.polls + insert.excluded.polls,
                        "missed_polls": LinkDay.missed_polls + insert.excluded.missed_polls,
                        "bad_frames": LinkDay.bad_frames + insert.excluded.bad_frames,
                        "reconnects": LinkDay.reconnects + insert.excluded.reconnects,
                    },
                )
            )
        _mark_alive(db, alive_s)
