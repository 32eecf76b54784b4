"""Meter samples on SQLite and PostgreSQL: batched insert, rollups that add up, retention pruning, sizes."""

from __future__ import annotations

import figures
from sqlalchemy import func, select, text

from app.db.engine import make_engine
from app.db.meter_store import (
    DAY_S,
    HOUR_S,
    MINUTE_S,
    RetentionPolicy,
    Sample,
    insert_samples,
    prune,
    roll_up,
    rollups,
)
from app.db.models import MeterRollup, MeterSample
from app.db.schema_guard import check_and_migrate

# The fixtures (db_url over SQLite and PostgreSQL, ledger, postgres_server).
pytest_plugins = ["db_fixtures"]

# 2026-03-01 00:00 in Kuala Lumpur (UTC+8) as epoch seconds: local days start here.
DAY0 = 1772294400
INTERVAL_S = 30
STEP_Wh = (9, 4)  # energy per sample of connector 1 (about 1 kW) and 2 (about 0.5 kW)


def _samples(connectors, start_s, end_s, register_at=lambda i, ts: None):
    rows = []
    for i, connector in enumerate(connectors):
        for n, ts in enumerate(range(start_s, end_s, INTERVAL_S)):
            energy = register_at(i, ts)
            rows.append(
                Sample(
                    connector,
                    ts,
                    energy if energy is not None else 1_000_000 + n * STEP_Wh[i],
                    1080,
                    16000,
                    0,
                    0,
                    2300,
                )
            )
    return rows


def test_rollups_add_up_to_the_meter_difference(ledger, add_connectors):
    connectors = add_connectors(ledger, 2)
    samples = _samples(connectors, DAY0 - HOUR_S, DAY0 + DAY_S + HOUR_S)
    with ledger.begin() as db:
        for start in range(0, len(samples), 1000):
            insert_samples(db, samples[start : start + 1000])
        insert_samples(db, samples[:500])  # a batch replayed after a crash is ignored, not an error
        written = roll_up(db, DAY0 + DAY_S + HOUR_S)
    assert written[MINUTE_S] == 2 * (DAY_S + 2 * HOUR_S) // MINUTE_S
    # The hour before DAY0 ends its local day, DAY0 is whole; the day after is not over yet.
    assert written[HOUR_S] == 2 * 26 and written[DAY_S] == 2 * 2
    with ledger.connect() as db:
        assert db.scalar(select(func.count()).select_from(MeterSample)) == len(samples)
        for i, connector in enumerate(connectors):
            by_sample = (len(range(DAY0 - HOUR_S, DAY0 + DAY_S + HOUR_S, INTERVAL_S)) - 1) * STEP_Wh[i]
            minutes = [e for c, _, e in rollups(db, MINUTE_S, 0, 2**40) if c == connector]
            hours = [e for c, _, e in rollups(db, HOUR_S, 0, 2**40) if c == connector]
            days = [(b, e) for c, b, e in rollups(db, DAY_S, 0, 2**40) if c == connector]
            assert sum(minutes) == sum(hours) == by_sample
            # The day before holds its last hour (120 samples, the first one has no predecessor); DAY0
            # holds exactly its 2880 samples' energy, each STEP_Wh after the one before.
            assert days == [(DAY0 - DAY_S, 119 * STEP_Wh[i]), (DAY0, DAY_S // INTERVAL_S * STEP_Wh[i])]
    with ledger.begin() as db:  # again: nothing new, nothing counted twice
        assert roll_up(db, DAY0 + DAY_S + HOUR_S) == {MINUTE_S: 0, HOUR_S: 0, DAY_S: 0}
        assert db.scalar(
            select(func.sum(MeterRollup.energy_Wh)).where(MeterRollup.resolution_s == DAY_S)
        ) == ((119 + DAY_S // INTERVAL_S) * sum(STEP_Wh))


def test_incremental_rollups_equal_one_big_rollup_and_a_meter_reset_is_no_energy(ledger, add_connectors):
    (connector,) = add_connectors(ledger, 1)

    def register(_i, ts):  # the meter is replaced at 01:00 local: the new one starts from 0
        return (ts - DAY0) // INTERVAL_S * 5 + (0 if ts >= DAY0 + HOUR_S else 500_000)

    samples = _samples([connector], DAY0, DAY0 + 2 * HOUR_S, register)
    with ledger.begin() as db:
        for minute in range(DAY0, DAY0 + 2 * HOUR_S, MINUTE_S):  # as the station does: every minute
            insert_samples(db, [s for s in samples if minute <= s.ts_s < minute + MINUTE_S])
            roll_up(db, minute + MINUTE_S)
    with ledger.connect() as db:
        minutes = rollups(db, MINUTE_S, DAY0, DAY0 + 2 * HOUR_S)
        hours = rollups(db, HOUR_S, DAY0, DAY0 + 2 * HOUR_S)
    assert len(minutes) == 120
    # 240 samples, 239 steps of 5 Wh, minus the one step across the meter replacement.
    assert sum(e for _, _, e in minutes) == sum(e for _, _, e in hours) == (239 - 1) * 5
    assert [e for _, _, e in hours] == [119 * 5, 119 * 5]


def test_pruning_keeps_what_the_policy_keeps_and_never_what_is_not_rolled_up(ledger, add_connectors):
    (connector,) = add_connectors(ledger, 1)
    samples = _samples([connector], DAY0, DAY0 + 3 * DAY_S)
    policy = RetentionPolicy(raw_samples_days=1, minute_rollups_days=2, hour_rollups_days=None)
    now = DAY0 + 3 * DAY_S
    with ledger.begin() as db:
        insert_samples(db, samples)
        assert prune(db, policy, now)["samples"] == 0  # nothing rolled up yet: nothing may go
        roll_up(db, now)
        counts = prune(db, policy, now)
    assert counts == {"samples": 2 * DAY_S // INTERVAL_S, "minute": DAY_S // MINUTE_S}
    with ledger.connect() as db:
        assert db.scalar(select(func.min(MeterSample.ts_s))) == now - DAY_S
        assert len(rollups(db, MINUTE_S, 0, now)) == 2 * DAY_S // MINUTE_S
        assert len(rollups(db, HOUR_S, 0, now)) == 3 * 24
        assert len(rollups(db, DAY_S, 0, now)) == 3


def test_bytes_per_sample_and_per_rollup_row_on_sqlite(tmp_path, add_connectors):
    """Measures the on-disk size of a sample and a rollup row (SQLite, all indexes) for docs/database.md."""
    engine = make_engine(f"sqlite:///{tmp_path / 'size.sqlite3'}")
    check_and_migrate(engine)
    connectors = add_connectors(engine, 16)

    def used_bytes():
        with engine.connect() as db:
            pages = (
                db.execute(text("PRAGMA page_count")).scalar()
                - db.execute(text("PRAGMA freelist_count")).scalar()
            )
            return pages * db.execute(text("PRAGMA page_size")).scalar()

    before = used_bytes()
    samples = []
    for n in range(6000):  # 6000 samples per connector at 10 s: realistic register and current values
        for i, connector in enumerate(connectors):
            samples.append(
                Sample(
                    connector, DAY0 + n * 10, 12_345_678 + n * 20 + i, 7200 + i, 31_500, 31_400, 31_600, 2301
                )
            )
    with engine.begin() as db:
        insert_samples(db, samples)
    after_samples = used_bytes()
    with engine.begin() as db:
        written = roll_up(db, DAY0 + 6000 * 10)
    after_rollups = used_bytes()
    engine.dispose()
    per_sample = (after_samples - before) / len(samples)
    per_rollup = (after_rollups - after_samples) / sum(written.values())
    figures.report(
        "ledger sizes (SQLite)",
        f"bytes per meter sample: {per_sample:.1f}\nbytes per rollup row: {per_rollup:.1f}",
    )
    assert per_sample < 60 and per_rollup < 80  # the budget docs/database.md's card estimate rests on
