"""Ledger records on both back-ends: idempotency constraints, UTC times, audited settings, event log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.exc import DataError, IntegrityError, StatementError

from app.db.audit_log import append_audit, recent_audit
from app.db.engine import session_factory
from app.db.event_log import log_event, prune_events, recent_events
from app.db.models import ChargingSession, Payment, SessionTransition
from app.db.settings_store import all_settings, get_setting, set_setting
from app.tariffs import tariff_from_dict, tariff_to_dict

# The fixtures (db_url over SQLite and PostgreSQL, ledger, postgres_server, add_connectors).
pytest_plugins = ["db_fixtures"]

KL = timezone(timedelta(hours=8))
T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
TARIFF = tariff_to_dict(tariff_from_dict({"energy_price_per_kWh": "0.60", "session_fee": "1.00"}))


def _session(connector_id, ref, **fields):
    values = {
        "state": "charging",
        "meter_start_Wh": 1000,
        "tariff": TARIFF,
        "currency": "MYR",
        "started_at": T0,
    }
    return ChargingSession(transaction_ref=ref, connector_id=connector_id, **(values | fields))


def test_a_session_round_trips_with_its_frozen_tariff_and_utc_times(ledger, add_connectors):
    (connector,) = add_connectors(ledger, 1)
    sessions = session_factory(ledger)
    with sessions.begin() as db:
        # Given in local time, stored and returned as the same instant in UTC.
        db.add(_session(connector, 7, started_at=datetime(2026, 3, 1, 16, 0, tzinfo=KL)))
        db.flush()
        db.add(
            SessionTransition(
                session_id=db.scalar(select(ChargingSession.id)), seq=1, to_state="charging", at=T0
            )
        )
    with sessions() as db:
        stored = db.scalar(select(ChargingSession))
        assert stored.started_at == T0 and stored.started_at.tzinfo is not None
        assert stored.tariff == TARIFF and tariff_from_dict(stored.tariff) == tariff_from_dict(TARIFF)


def test_naive_timestamps_are_refused(ledger, add_connectors):
    (connector,) = add_connectors(ledger, 1)
    with pytest.raises(StatementError, match="naive datetime"), session_factory(ledger).begin() as db:
        db.add(_session(connector, 1, started_at=datetime(2026, 3, 1, 8, 0)))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ({"ref": 1}, {"ref": 1}),  # one session per station-local transaction reference
        ({"ref": 1, "csms_transaction_id": 555}, {"ref": 2, "csms_transaction_id": 555}),  # and per CSMS id
    ],
)
def test_one_session_per_transaction_reference(ledger, add_connectors, first, second):
    (connector,) = add_connectors(ledger, 1)
    first, second = dict(first), dict(second)  # the parameters are shared by both back-ends' runs
    sessions = session_factory(ledger)
    with sessions.begin() as db:
        db.add(_session(connector, first.pop("ref"), **first))
    with pytest.raises(IntegrityError), sessions.begin() as db:
        db.add(_session(connector, second.pop("ref"), **second))


def test_stop_reason_must_be_an_ocpp_reason_and_meter_cannot_run_backwards(ledger, add_connectors):
    (connector,) = add_connectors(ledger, 1)
    sessions = session_factory(ledger)
    with pytest.raises(IntegrityError), sessions.begin() as db:
        db.add(_session(connector, 1, stop_reason="Unplugged"))
    with pytest.raises(IntegrityError), sessions.begin() as db:
        db.add(_session(connector, 2, meter_stop_Wh=999))
    with sessions.begin() as db:
        db.add(_session(connector, 3, stop_reason="EVDisconnected", meter_stop_Wh=1500, energy_Wh=500))


def test_one_payment_per_provider_id(ledger):
    sessions = session_factory(ledger)

    def payment(provider, provider_id):
        return Payment(
            payment_ref=f"pay_{provider}_{provider_id}_{id(object())}",
            provider=provider,
            method="card_present",
            kind="hold",
            provider_payment_id=provider_id,
            state="authorised",
            currency="MYR",
            amount_requested_minor=5000,
            amount_authorised_minor=5000,
        )

    with sessions.begin() as db:
        db.add_all([payment("ipay88", "T100"), payment("stripe", "T100")])  # same id, other provider: fine
    with pytest.raises(IntegrityError), sessions.begin() as db:
        db.add(payment("ipay88", "T100"))  # a callback delivered twice
    with pytest.raises(IntegrityError), sessions.begin() as db:
        bad = payment("ipay88", "T101")
        bad.amount_captured_minor, bad.amount_refunded_minor = 100, 200  # refund above capture
        db.add(bad)
    # More of a card than its last four digits: refused by the column (PostgreSQL) or the check (SQLite).
    with pytest.raises((IntegrityError, DataError)), sessions.begin() as db:
        bad = payment("ipay88", "T102")
        bad.card_last4 = "4242424242424242"
        db.add(bad)


def test_settings_change_is_audited_and_unchanged_values_are_not(ledger):
    with ledger.begin() as db:
        assert get_setting(db, "meter.interval_s", 10) == 10
        assert set_setting(db, "meter.interval_s", 5, actor="admin:alice")
        assert not set_setting(db, "meter.interval_s", 5, actor="admin:alice")
        assert set_setting(db, "kiosk.languages", ["en", "ms"], actor="ocpp")
        append_audit(db, actor="admin:bob", action="connector.unlock", target="CP-01/1")
    with ledger.connect() as db:
        assert all_settings(db) == {"meter.interval_s": 5, "kiosk.languages": ["en", "ms"]}
        entries = recent_audit(db)
        assert [(e["actor"], e["action"], e["target"]) for e in entries] == [
            ("admin:bob", "connector.unlock", "CP-01/1"),
            ("ocpp", "setting.change", "kiosk.languages"),
            ("admin:alice", "setting.change", "meter.interval_s"),
        ]
        assert entries[2]["details"] == {"old": None, "new": 5}
        assert [e["action"] for e in recent_audit(db, actor="admin:bob")] == ["connector.unlock"]


def test_event_log_append_filter_and_prune(ledger):
    with ledger.begin() as db:
        log_event(
            db,
            kind="fault",
            severity="error",
            code="RCD_TRIP",
            message="residual current",
            charger_id="CP-01",
            connector_name="CP-01/1",
            details={"mA": 31},
            at=T0,
        )
        log_event(
            db, kind="event", severity="info", code="BOOT", message="station started", at=T0 + timedelta(1)
        )
        with pytest.raises(ValueError, match="severity"):
            log_event(db, kind="event", severity="loud", code="X", message="x")
    with ledger.begin() as db:
        assert [e["code"] for e in recent_events(db)] == ["BOOT", "RCD_TRIP"]
        faults = recent_events(db, kind="fault", charger_id="CP-01")
        assert [(e["code"], e["details"], e["at"]) for e in faults] == [("RCD_TRIP", {"mA": 31}, T0)]
        assert prune_events(db, before=T0 + timedelta(hours=1)) == 1
        assert [e["code"] for e in recent_events(db)] == ["BOOT"]
