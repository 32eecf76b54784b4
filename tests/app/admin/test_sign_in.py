"""Signing in to admin mode on the running station: the right PIN, wrong PINs with their growing delay,
the lockout and its end, the card as a second factor; every attempt in the audit log, no PIN in it."""

from __future__ import annotations

import asyncio
import json

import pytest
from admin_station import CARD, PINS, admin_station

from app.admin import PermissionDeniedError
from app.db import session_factory, verify_audit_chain

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)


def outcomes(station):
    return [row["details"]["outcome"] for row in station.audit() if row["action"] == "admin.sign_in"]


def test_the_right_pin_signs_in_and_every_attempt_is_audited(realtime_sim, tmp_path):
    async def scenario():
        async with admin_station(realtime_sim, tmp_path) as station:
            number = station.accounts["technician"]
            wrong = await station.operators.sign_in(number, "000000")
            assert (wrong.operator, wrong.refusal, wrong.attempts_left) == (None, "wrong", 3)
            station.clock.skip(1.0)
            result = await station.operators.sign_in(number, PINS["technician"])
            assert result.operator is not None and result.operator.role == "technician"
            assert station.operators.is_signed_in(result.operator)
            await station.operators.sign_out(result.operator, "timeout")
            assert not station.operators.is_signed_in(result.operator)
            rows = station.audit()
            text = json.dumps([r["details"] for r in rows])
            assert PINS["technician"] not in text and "000000" not in text
            assert outcomes(station) == ["wrong_pin", "ok"]
            assert rows[-1]["action"] == "admin.sign_out" and rows[-1]["details"] == {"reason": "timeout"}
            with session_factory(station.runtime.engine)() as db:
                assert verify_audit_chain(db).intact

    asyncio.run(scenario())


def test_wrong_pins_wait_longer_each_time_then_lock_the_account_only(realtime_sim, tmp_path):
    async def scenario():
        async with admin_station(realtime_sim, tmp_path) as station:
            ops, number = station.operators, station.accounts["technician"]
            assert (await ops.sign_in(number, "111112")).refusal == "wrong"  # 1 s before the next try
            early = await ops.sign_in(number, PINS["technician"])  # even the right PIN waits
            assert early.refusal == "wait" and 0 < early.retry_after_s <= 1.0
            station.clock.skip(1.0)
            assert (await ops.sign_in(number, "111113")).refusal == "wrong"
            station.clock.skip(1.5)
            waiting = await ops.sign_in(number, "111114")
            assert waiting.refusal == "wait" and 0 < waiting.retry_after_s <= 0.5  # 2 s after the second
            station.clock.skip(0.5)
            assert (await ops.sign_in(number, "111115")).attempts_left == 1
            station.clock.skip(4.0)
            locked = await ops.sign_in(number, "111116")  # the fourth wrong PIN in a row: locked
            assert (locked.refusal, locked.retry_after_s) == ("locked", 600.0)
            station.clock.skip(300)
            assert (await ops.sign_in(number, PINS["technician"])).refusal == "locked"
            # Another account is not affected, nor is the driver's side.
            other = await ops.sign_in(station.accounts["operator"], PINS["operator"])
            assert other.operator is not None
            assert [c.state for c in station.driver.connectors()] == ["available", "available"]
            station.clock.skip(301)
            back = await ops.sign_in(number, PINS["technician"])
            assert back.operator is not None
            assert outcomes(station) == [
                "wrong_pin",
                "wait",
                "wrong_pin",
                "wait",
                "wrong_pin",
                "wrong_pin",
                "locked",
                "ok",
                "ok",
            ]

    asyncio.run(scenario())


def test_unknown_and_disabled_accounts_answer_like_a_wrong_pin(realtime_sim, tmp_path):
    async def scenario():
        async with admin_station(realtime_sim, tmp_path) as station:
            ops = station.operators
            assert (await ops.sign_in(999, "482916")).refusal == "wrong"
            boss = (await ops.sign_in(station.accounts["operator"], PINS["operator"])).operator
            await ops.set_account_disabled(boss, station.accounts["viewer"], True)
            refused = await ops.sign_in(station.accounts["viewer"], PINS["viewer"])
            assert (refused.refusal, refused.attempts_left) == ("wrong", None)
            assert outcomes(station)[-1] == "disabled" and outcomes(station)[0] == "unknown_account"

    asyncio.run(scenario())


def test_an_account_with_a_card_needs_both(realtime_sim, tmp_path):
    async def scenario():
        async with admin_station(realtime_sim, tmp_path, card_for_operator=True) as station:
            ops, number = station.operators, station.accounts["operator"]
            assert (await ops.sign_in(number, PINS["operator"])).refusal == "card_needed"
            assert (await ops.sign_in(number, PINS["operator"], "04DEADBEEF")).refusal == "wrong"
            station.clock.skip(2)
            assert (await ops.sign_in(number, PINS["operator"], CARD)).operator is not None

    asyncio.run(scenario())


def test_roles_and_sign_out_are_enforced(realtime_sim, tmp_path):
    async def scenario():
        async with admin_station(realtime_sim, tmp_path) as station:
            ops = station.operators
            tech = (await ops.sign_in(station.accounts["technician"], PINS["technician"])).operator
            with pytest.raises(PermissionDeniedError, match="needs the operator role"):
                await ops.accounts(tech)
            boss = (await ops.sign_in(station.accounts["operator"], PINS["operator"])).operator
            assert [a.role for a in await ops.accounts(boss)] == ["operator", "technician", "viewer"]
            await ops.sign_out(boss)
            with pytest.raises(PermissionDeniedError, match="not signed in"):
                await ops.accounts(boss)

    asyncio.run(scenario())


def test_a_card_typed_with_separators_is_stored_as_the_reader_reports_it():
    from app.admin.accounts import AccountError, card_uid

    assert card_uid("04:a1:b2:c3") == card_uid("04 A1 B2 C3") == "04A1B2C3"
    with pytest.raises(AccountError, match="not a card UID"):
        card_uid("04-ZZ")
