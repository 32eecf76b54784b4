"""Reservations on the real ledger: ReserveNow/CancelReservation answers, start checks, expiry, restart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.db.engine import session_factory
from app.db.settings_store import get_setting
from app.ocpp.config_keys import OcppConfiguration
from app.ocpp.reservations import RESERVATIONS_SETTING, ConnectorState, Reservations

pytest_plugins = ["db_fixtures"]

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
LATER = NOW + timedelta(minutes=30)
A, OCC, F, U = (
    ConnectorState.AVAILABLE,
    ConnectorState.OCCUPIED,
    ConnectorState.FAULTED,
    ConnectorState.UNAVAILABLE,
)


class Station:
    """The connector states the charger manager would report, and the StatusNotifications they cause."""

    def __init__(self, *states):
        self.states = dict(enumerate(states, start=1))
        self.changed: list[int] = []

    def make(self, ledger, **keys):
        config = OcppConfiguration(ledger, defaults={"NumberOfConnectors": len(self.states), **keys})
        return Reservations(ledger, config, self.states.__getitem__, self.changed.append)


@pytest.mark.parametrize(
    ("states", "connector", "keys", "status"),
    [
        ((A, A), 1, {}, "Accepted"),
        ((OCC, A), 1, {}, "Occupied"),
        ((F, A), 1, {}, "Faulted"),
        ((U, A), 1, {}, "Unavailable"),
        ((A, A), 3, {}, "Rejected"),  # no such connector
        ((A, A), 0, {}, "Accepted"),
        ((A, A), 0, {"ReserveConnectorZeroSupported": False}, "Rejected"),
        ((OCC, OCC), 0, {}, "Occupied"),
        ((F, F), 0, {}, "Faulted"),
        ((U, U), 0, {}, "Unavailable"),
        ((A, A), 1, {"SupportedFeatureProfiles": ["Core"]}, "Rejected"),
    ],
)
def test_reserve_now_answers(ledger, states, connector, keys, status):
    station = Station(*states)
    reservations = station.make(ledger, **keys)
    assert reservations.reserve_now(connector, "2026-03-01T08:30:00Z", "CARD", 7, now=NOW) == status
    stored = [r["reservationId"] for r in _stored(ledger)]
    assert stored == ([7] if status == "Accepted" else [])
    assert station.changed == ([connector] if status == "Accepted" else [])


def _stored(ledger):
    with session_factory(ledger)() as db:
        return get_setting(db, RESERVATIONS_SETTING, [])


def test_a_reserved_connector_admits_only_its_tag_or_parent_and_ends_when_used(ledger):
    station = Station(A, A)
    reservations = station.make(ledger)
    assert reservations.reserve_now(1, LATER, "CARD", 7, parent_id_tag="FLEET", now=NOW) == "Accepted"
    assert reservations.reserve_now(1, LATER, "OTHER", 8, now=NOW) == "Occupied"  # already reserved
    assert reservations.reservation_on(1, NOW).id_tag == "CARD"
    assert reservations.reservation_on(2, NOW) is None
    assert not reservations.check_start(1, "STRANGER", now=NOW).allowed
    assert reservations.check_start(1, "card", now=NOW).reservation_id == 7
    assert reservations.check_start(1, "SIBLING", "fleet", now=NOW).reservation_id == 7
    assert reservations.check_start(2, "STRANGER", now=NOW).allowed
    assert reservations.consume(7).id_tag == "CARD"
    assert reservations.reservation_on(1, NOW) is None and _stored(ledger) == []
    assert station.changed == [1, 1]


def test_the_same_reservation_id_replaces_the_old_reservation(ledger):
    station = Station(A, A)
    reservations = station.make(ledger)
    assert reservations.reserve_now(1, LATER, "CARD", 7, now=NOW) == "Accepted"
    assert reservations.reserve_now(2, LATER, "CARD2", 7, now=NOW) == "Accepted"
    assert [(r.connector_id, r.id_tag) for r in reservations.active(NOW)] == [(2, "CARD2")]
    assert station.changed == [1, 1, 2]


def test_cancel_reservation(ledger):
    station = Station(A)
    reservations = station.make(ledger)
    assert reservations.cancel(7, now=NOW) == "Rejected"
    assert reservations.reserve_now(1, LATER, "CARD", 7, now=NOW) == "Accepted"
    assert reservations.cancel(7, now=NOW) == "Accepted"
    assert reservations.cancel(7, now=NOW) == "Rejected"
    assert reservations.check_start(1, "ANYONE", now=NOW).allowed and _stored(ledger) == []


def test_expiry_frees_the_connector_and_past_expiry_dates_are_rejected(ledger):
    station = Station(A)
    reservations = station.make(ledger)
    assert reservations.reserve_now(1, NOW - timedelta(seconds=1), "CARD", 6, now=NOW) == "Rejected"
    assert reservations.reserve_now(1, LATER, "CARD", 7, now=NOW) == "Accepted"
    assert reservations.next_expiry() == LATER
    assert reservations.expire(NOW) == []
    after = LATER + timedelta(seconds=1)
    assert reservations.reservation_on(1, after) is None  # free again, even before expire()
    assert reservations.cancel(7, now=after) == "Rejected"
    assert [r.reservation_id for r in reservations.expire(after)] == [7]
    assert _stored(ledger) == [] and station.changed == [1, 1]


def test_reservations_survive_a_restart(ledger):
    station = Station(A, A)
    assert station.make(ledger).reserve_now(2, LATER, "CARD", 9, parent_id_tag="P", now=NOW) == "Accepted"
    restarted = station.make(ledger)
    held = restarted.reservation_on(2, NOW)
    assert (held.reservation_id, held.id_tag, held.parent_id_tag, held.expiry_date) == (9, "CARD", "P", LATER)
    assert not restarted.check_start(2, "OTHER", now=NOW).allowed


def test_connector_zero_keeps_one_connector_free_for_its_tag(ledger):
    station = Station(A, A)
    reservations = station.make(ledger)
    assert reservations.reserve_now(0, LATER, "CARD", 5, now=NOW) == "Accepted"
    assert reservations.reservation_on(1, NOW) is None  # two free connectors, one is enough
    # Another driver takes connector 1: allowed, one free connector remains for CARD.
    assert reservations.check_start(1, "OTHER", now=NOW).allowed
    station.states[1] = OCC
    assert reservations.reservation_on(2, NOW).reservation_id == 5  # the last free one is now Reserved
    assert not reservations.check_start(2, "THIRD", now=NOW).allowed
    assert reservations.reserve_now(2, LATER, "THIRD", 6, now=NOW) == "Occupied"
    assert reservations.reserve_now(0, LATER, "THIRD", 6, now=NOW) == "Occupied"
    assert reservations.check_start(2, "card", now=NOW).reservation_id == 5
