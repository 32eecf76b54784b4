"""Local authorisation on the real ledger: SendLocalList, the cache, and the online/offline decision table."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.db.engine import session_factory
from app.db.models_station import AuthCacheEntry, IdTag
from app.ocpp.config_keys import OcppConfiguration
from app.ocpp.errors import CsmsCallError, CsmsUnavailableError
from app.ocpp.local_auth import (
    AuthorizationCache,
    Authorizer,
    AuthSource,
    InvalidIdAction,
    LocalAuthList,
    rule_for_start_status,
)

pytest_plugins = ["db_fixtures"]

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
ACCEPTED = {"status": "Accepted"}


class Csms:
    """The CSMS behind `send`: answers Authorize with fixed OCPP JSON, or fails like a dead link."""

    def __init__(self, answers=None, error=None):
        self.answers = answers or {}
        self.error = error
        self.calls: list[tuple[str, dict]] = []

    async def send(self, action, payload):
        self.calls.append((action, payload))
        if self.error is not None:
            raise self.error
        return {"idTagInfo": self.answers.get(payload["idTag"], {"status": "Invalid"})}


def _parts(ledger, csms=None, **keys):
    config = OcppConfiguration(ledger, defaults=keys)
    local_list = LocalAuthList(ledger, config)
    cache = AuthorizationCache(ledger, config, local_list)
    authorizer = Authorizer(config, local_list, cache, (csms or Csms()).send)
    return config, local_list, cache, authorizer


def _entry(id_tag, status="Accepted", **extra):
    return {"idTag": id_tag, "idTagInfo": {"status": status, **extra}}


def _list_rows(ledger):
    with session_factory(ledger)() as db:
        return {
            row.id_tag: (row.status, row.parent_id_tag, row.list_version) for row in db.scalars(select(IdTag))
        }


def _cache_rows(ledger):
    with session_factory(ledger)() as db:
        return {row.id_tag: row.status for row in db.scalars(select(AuthCacheEntry))}


def test_full_and_differential_updates_follow_section_5_15(ledger):
    _, local_list, _, _ = _parts(ledger)
    assert local_list.version() == 0
    full = [_entry("AA01", parentIdTag="FLEET"), _entry("BB02", "Blocked"), _entry("CC03")]
    assert local_list.send_local_list(3, "Full", full) == "Accepted"
    assert local_list.version() == 3
    assert _list_rows(ledger) == {
        "AA01": ("Accepted", "FLEET", 3),
        "BB02": ("Blocked", None, 3),
        "CC03": ("Accepted", None, 3),
    }
    # Differential: update BB02, remove CC03 (no idTagInfo), add DD04; case-insensitive identifiers.
    diff = [_entry("bb02"), {"idTag": "cc03"}, _entry("DD04", "Expired")]
    assert local_list.send_local_list(4, "Differential", diff) == "Accepted"
    assert _list_rows(ledger) == {
        "AA01": ("Accepted", "FLEET", 3),
        "bb02": ("Accepted", None, 4),
        "DD04": ("Expired", None, 4),
    }
    assert local_list.send_local_list(4, "Differential", [_entry("EE05")]) == "VersionMismatch"
    assert local_list.send_local_list(2, "Differential", [_entry("EE05")]) == "VersionMismatch"
    assert local_list.version() == 4
    assert local_list.send_local_list(1, "Full", [_entry("ZZ99")]) == "Accepted"  # a Full update may go back
    assert _list_rows(ledger) == {"ZZ99": ("Accepted", None, 1)}
    assert local_list.send_local_list(7, "Full", []) == "Accepted"
    assert local_list.version() == 0  # section 5.10: an empty list is version 0


@pytest.mark.parametrize(
    "entries",
    [
        [{"idTag": "AA01"}],  # a Full update needs idTagInfo for every entry
        [_entry("AA01"), _entry("aa01")],  # the same identifier twice
        [_entry("AA01", "Sleeping")],  # not an AuthorizationStatus
        [_entry("X" * 21)],  # longer than IdToken's 20 characters
        [_entry(f"T{n}") for n in range(4)],  # more than SendLocalListMaxLength
    ],
)
def test_a_refused_update_changes_nothing(ledger, entries):
    _, local_list, _, _ = _parts(ledger, SendLocalListMaxLength=3)
    assert local_list.send_local_list(1, "Full", [_entry("KEEP")]) == "Accepted"
    assert local_list.send_local_list(2, "Full", entries) == "Failed"
    assert _list_rows(ledger) == {"KEEP": ("Accepted", None, 1)}
    assert local_list.version() == 1


def test_the_list_never_grows_past_its_maximum_length(ledger):
    _, local_list, _, _ = _parts(ledger, LocalAuthListMaxLength=3)
    assert local_list.send_local_list(1, "Full", [_entry("A"), _entry("B"), _entry("C")]) == "Accepted"
    assert local_list.send_local_list(2, "Differential", [_entry("D")]) == "Failed"
    assert sorted(_list_rows(ledger)) == ["A", "B", "C"] and local_list.version() == 1
    assert local_list.send_local_list(2, "Differential", [{"idTag": "A"}, _entry("D")]) == "Accepted"
    assert sorted(_list_rows(ledger)) == ["B", "C", "D"]


def test_without_the_profile_the_list_is_not_supported(ledger):
    profiles = ["Core", "Reservation"]
    _, local_list, _, _ = _parts(ledger, SupportedFeatureProfiles=profiles)
    assert local_list.version() == -1
    assert local_list.send_local_list(1, "Full", [_entry("A")]) == "NotSupported"


def test_cache_is_fed_by_csms_answers_but_not_for_list_entries(ledger):
    csms = Csms({"CARD1": {"status": "Accepted", "parentIdTag": "P"}, "LISTED": ACCEPTED})
    _, local_list, cache, authorizer = _parts(ledger, csms)
    assert local_list.send_local_list(1, "Full", [_entry("LISTED")]) == "Accepted"
    decision = asyncio.run(authorizer.authorize("CARD1", online=True, now=NOW))
    assert (decision.accepted, decision.source, decision.parent_id_tag) == (True, AuthSource.CSMS, "P")
    assert asyncio.run(authorizer.authorize("LISTED", online=True, now=NOW)).source is AuthSource.CSMS
    authorizer.record("CARD2", {"status": "Blocked"})  # from a StartTransaction.conf
    authorizer.record("CARD3", {"status": "ConcurrentTx"})  # about the transaction, not the card
    assert _cache_rows(ledger) == {"CARD1": "Accepted", "CARD2": "Blocked"}
    # Putting a cached identifier on the list removes it from the cache (section 3.4.3).
    assert local_list.send_local_list(2, "Differential", [_entry("card1")]) == "Accepted"
    assert _cache_rows(ledger) == {"CARD2": "Blocked"}
    assert cache.clear() == "Accepted"
    assert _cache_rows(ledger) == {}


def test_cache_disabled_stores_nothing(ledger):
    _, _, _, authorizer = _parts(ledger, Csms({"CARD1": ACCEPTED}), AuthorizationCacheEnabled=False)
    assert asyncio.run(authorizer.authorize("CARD1", online=True)).accepted
    assert _cache_rows(ledger) == {}


def test_an_expired_cache_entry_turns_expired(ledger):
    _, _, _, authorizer = _parts(ledger)
    authorizer.record("CARD1", {"status": "Accepted", "expiryDate": "2026-03-01T07:00:00Z"})
    decision = asyncio.run(authorizer.authorize("CARD1", online=False, now=NOW))
    assert (decision.accepted, decision.status, decision.source) == (False, "Expired", AuthSource.CACHE)
    assert _cache_rows(ledger) == {"CARD1": "Expired"}


def test_the_cache_drops_refused_and_oldest_entries_first_when_full(ledger):
    config = OcppConfiguration(ledger)
    local_list = LocalAuthList(ledger, config)
    cache = AuthorizationCache(ledger, config, local_list, max_entries=2)
    authorizer = Authorizer(config, local_list, cache, Csms().send)
    authorizer.record("OLD_OK", {"status": "Accepted"})
    authorizer.record("BLOCKED", {"status": "Blocked"})
    authorizer.record("NEW_OK", {"status": "Accepted"})
    assert _cache_rows(ledger) == {"OLD_OK": "Accepted", "NEW_OK": "Accepted"}


LISTED_OK = [_entry("TAG")]
LISTED_BLOCKED = [_entry("TAG", "Blocked")]
LISTED_EXPIRED = [_entry("TAG", expiryDate="2026-03-01T07:59:59Z")]


@pytest.mark.parametrize(
    ("keys", "listed", "cached", "accepted", "status", "source"),
    [
        ({}, LISTED_OK, None, True, "Accepted", AuthSource.LOCAL_LIST),
        ({}, None, "Accepted", True, "Accepted", AuthSource.CACHE),
        ({}, LISTED_BLOCKED, "Accepted", False, "Blocked", AuthSource.LOCAL_LIST),  # the list wins
        ({}, LISTED_EXPIRED, None, False, "Expired", AuthSource.LOCAL_LIST),
        ({}, None, None, False, "Invalid", AuthSource.NONE),
        ({"AllowOfflineTxForUnknownId": True}, None, None, True, "Accepted", AuthSource.OFFLINE_UNKNOWN),
        ({"AllowOfflineTxForUnknownId": True}, LISTED_BLOCKED, None, False, "Blocked", AuthSource.LOCAL_LIST),
        ({"AllowOfflineTxForUnknownId": True}, None, "Invalid", False, "Invalid", AuthSource.CACHE),
        ({"LocalAuthorizeOffline": False}, LISTED_OK, None, False, "Invalid", AuthSource.NONE),
        ({"LocalAuthorizeOffline": False}, None, "Accepted", False, "Invalid", AuthSource.NONE),
        (
            {"LocalAuthorizeOffline": False, "AllowOfflineTxForUnknownId": True},
            LISTED_OK,
            None,
            True,
            "Accepted",
            AuthSource.OFFLINE_UNKNOWN,
        ),
        (
            {"LocalAuthorizeOffline": False, "AllowOfflineTxForUnknownId": True},
            LISTED_BLOCKED,
            None,
            False,
            "Blocked",
            AuthSource.LOCAL_LIST,
        ),
        ({"LocalAuthListEnabled": False}, LISTED_OK, None, False, "Invalid", AuthSource.NONE),
        ({"AuthorizationCacheEnabled": False}, None, "Accepted", False, "Invalid", AuthSource.NONE),
    ],
)
def test_offline_decision_table(ledger, keys, listed, cached, accepted, status, source):
    csms = Csms()
    _, local_list, _, authorizer = _parts(ledger, csms, **keys)
    if listed:
        assert local_list.send_local_list(1, "Full", listed) == "Accepted"
    if cached:
        with session_factory(ledger).begin() as db:
            db.add(AuthCacheEntry(id_tag="TAG", status=cached, cached_at=NOW))
    decision = asyncio.run(authorizer.authorize("tag", online=False, now=NOW))
    assert (decision.accepted, decision.status, decision.source) == (accepted, status, source)
    assert csms.calls == []


@pytest.mark.parametrize(
    "error",
    [CsmsUnavailableError("link down"), TimeoutError(), CsmsCallError("InternalError", "busy")],
)
def test_a_csms_that_does_not_answer_counts_as_offline(ledger, error):
    csms = Csms(error=error)
    _, local_list, _, authorizer = _parts(ledger, csms)
    assert local_list.send_local_list(1, "Full", LISTED_OK) == "Accepted"
    decision = asyncio.run(authorizer.authorize("TAG", online=True, now=NOW))
    assert (decision.accepted, decision.source) == (True, AuthSource.LOCAL_LIST)
    assert csms.calls == [("Authorize", {"idTag": "TAG"})]
    unknown = asyncio.run(authorizer.authorize("OTHER", online=True, now=NOW))
    assert (unknown.accepted, unknown.source) == (False, AuthSource.NONE)


def test_online_the_csms_decides_unless_local_pre_authorize_settles_it(ledger):
    csms = Csms({"TAG": {"status": "Blocked"}, "BAD": ACCEPTED})
    config, local_list, _, authorizer = _parts(ledger, csms)
    assert local_list.send_local_list(1, "Full", [_entry("TAG"), _entry("BAD", "Blocked")]) == "Accepted"
    decision = asyncio.run(authorizer.authorize("TAG", online=True, now=NOW))
    assert (decision.accepted, decision.status, decision.source) == (False, "Blocked", AuthSource.CSMS)
    assert config.change("LocalPreAuthorize", "true") == "Accepted"
    csms.calls.clear()
    decision = asyncio.run(authorizer.authorize("TAG", online=True, now=NOW))
    assert (decision.accepted, decision.source, csms.calls) == (True, AuthSource.LOCAL_LIST, [])
    # A locally refused identifier is still asked about: the CSMS may have unblocked it.
    decision = asyncio.run(authorizer.authorize("BAD", online=True, now=NOW))
    assert (decision.accepted, decision.source) == (True, AuthSource.CSMS)
    assert csms.calls == [("Authorize", {"idTag": "BAD"})]
    assert decision.id_tag_info() == {"status": "Accepted"}


def test_stopping_with_the_same_card_or_the_same_parent(ledger):
    csms = Csms({"SIBLING": {"status": "Accepted", "parentIdTag": "FLEET"}, "STRANGER": ACCEPTED})
    _, _, _, authorizer = _parts(ledger, csms)

    def may_stop(presented, parent="FLEET"):
        return asyncio.run(
            authorizer.may_stop(
                started_id_tag="CARD", started_parent_id_tag=parent, presented_id_tag=presented, online=True
            )
        )

    assert may_stop("card").allowed and csms.calls == []  # the same identifier: no Authorize.req
    assert may_stop("SIBLING").allowed
    assert not may_stop("STRANGER").allowed
    assert [payload["idTag"] for _, payload in csms.calls] == ["SIBLING", "STRANGER"]
    csms.calls.clear()
    assert not may_stop("SIBLING", parent=None).allowed and csms.calls == []


def test_rule_for_a_start_the_csms_refuses(ledger):
    config = OcppConfiguration(ledger, defaults={"MaxEnergyOnInvalidId": 500})
    assert rule_for_start_status("Accepted", config).action is InvalidIdAction.CONTINUE
    stop = rule_for_start_status("Invalid", config)
    assert (stop.action, stop.stop_reason) == (InvalidIdAction.STOP, "DeAuthorized")
    assert config.change("StopTransactionOnInvalidId", "false") == "Accepted"
    suspend = rule_for_start_status("Blocked", config)
    assert (suspend.action, suspend.max_energy_Wh) == (InvalidIdAction.SUSPEND, 500)


def test_authorize_answers_after_expiry_count_as_expired(ledger):
    expired = (NOW - timedelta(days=1)).isoformat()
    _, _, _, authorizer = _parts(ledger, Csms({"TAG": {"status": "Accepted", "expiryDate": expired}}))
    decision = asyncio.run(authorizer.authorize("TAG", online=True, now=NOW))
    assert (decision.accepted, decision.status) == (False, "Expired")
