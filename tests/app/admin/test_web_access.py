"""The web's sign-in on the running station: the password separate from the PIN, a throttle that doubles
and never locks out, one address spraying names, sessions that end when idle, at their lifetime, on
sign-out, on a password change and when the account is disabled, and the account's current role."""

from __future__ import annotations

import asyncio
import json
import time

import pytest
from admin_station import PINS, admin_station
from sqlalchemy import select

from app.admin import OperationError, PermissionDeniedError
from app.admin.web_access import ADDRESS_FREE_FAILURES
from app.db import AdminAccount, WebSession, read_only, session_factory, verify_audit_chain

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)
PASSWORD = "orchid lantern seven"


async def operator_of(station, role="operator"):
    result = await station.operators.sign_in(station.accounts[role], PINS[role])
    assert result.operator is not None
    return result.operator


def account(station, role):
    with session_factory(read_only(station.runtime.engine))() as db:
        row = db.get(AdminAccount, station.accounts[role])
        db.expunge(row)
        return row


def web_outcomes(station):
    return [
        (r["details"]["outcome"], r["target"]) for r in station.audit(200) if r["action"] == "web.sign_in"
    ]


def test_wrong_passwords_wait_longer_each_time_and_the_right_one_always_gets_in(realtime_sim, tmp_path):
    async def scenario():
        async with admin_station(realtime_sim, tmp_path) as station:
            ops = station.operators
            boss = await operator_of(station)
            number = station.accounts["technician"]
            await ops.set_web_password(boss, number, PASSWORD)
            name = "Technician One"
            waits = []
            for attempt in range(8):
                wrong = await ops.web_sign_in(name, f"not it {attempt}", "192.0.2.7")
                assert (wrong.operator, wrong.refusal) == (None, "wrong")
                early = await ops.web_sign_in(name, PASSWORD, "192.0.2.7")  # even the right one waits
                assert early.refusal == "wait"
                waits.append(early.retry_after_s)
                station.clock.skip(early.retry_after_s + 0.01)
            # 1 s doubling, capped at 60 s: no lockout, however many.
            assert [round(w) for w in waits] == [1, 2, 4, 8, 16, 32, 60, 60]
            right = await ops.web_sign_in(name, PASSWORD, "192.0.2.7")
            assert right.operator is not None and right.operator.role == "technician"
            assert right.session_secret and right.csrf_token and right.session_secret != right.csrf_token
            # The PIN pad never saw any of it.
            assert account(station, "technician").failed_attempts == 0
            assert account(station, "technician").web_failed_attempts == 0
            assert (await ops.sign_in(number, PINS["technician"])).operator is not None
            text = json.dumps([r["details"] for r in station.audit(200)])
            assert PASSWORD not in text and "not it" not in text
            assert web_outcomes(station)[-1] == ("ok", f"account:{number}")

    asyncio.run(scenario())


def test_unknown_names_and_one_address_spraying_them_are_answered_alike(realtime_sim, tmp_path):
    async def scenario():
        async with admin_station(realtime_sim, tmp_path) as station:
            ops = station.operators
            for n in range(ADDRESS_FREE_FAILURES):
                answer = await ops.web_sign_in(f"Nobody {n}", "whatever password", "198.51.100.9")
                assert answer.refusal == "wrong"  # the same answer as a wrong password
            throttled = await ops.web_sign_in("Nobody else", "whatever password", "198.51.100.9")
            assert throttled.refusal == "wait" and 0 < throttled.retry_after_s <= 1.0
            other = await ops.web_sign_in("Nobody else", "whatever password", "198.51.100.10")
            assert other.refusal == "wrong"  # another address is not held back
            # An account without a web password cannot sign in to the web with its PIN.
            pin = await ops.web_sign_in("Viewer One", PINS["viewer"], "198.51.100.11")
            assert pin.refusal == "wrong"
            assert ("unknown_account", None) in web_outcomes(station)

    asyncio.run(scenario())


def test_a_burst_of_attempts_is_checked_one_at_a_time_and_unknown_names_wait_alike(realtime_sim, tmp_path):
    async def scenario():
        async with admin_station(realtime_sim, tmp_path) as station:
            ops = station.operators
            boss = await operator_of(station)
            await ops.set_web_password(boss, station.accounts["technician"], PASSWORD)
            # Sent at once: only one is checked; the others wait, so none slips past the delay.
            burst = await asyncio.gather(
                *(ops.web_sign_in("Technician One", f"guess {n}", "192.0.2.50") for n in range(6))
            )
            assert sorted(r.refusal for r in burst) == ["wait"] * 5 + ["wrong"]
            assert account(station, "technician").web_failed_attempts == 1
            # A name that is no account waits after a wrong attempt exactly as a real one does.
            for name in ("Technician One", "Nobody At All"):
                station.clock.skip(5)
                assert (await ops.web_sign_in(name, "wrong again", "192.0.2.51")).refusal == "wrong"
                waiting = await ops.web_sign_in(name, "wrong again", "192.0.2.52")
                assert waiting.refusal == "wait" and waiting.retry_after_s > 0

    asyncio.run(scenario())


def test_a_session_ends_when_idle_at_its_lifetime_on_sign_out_and_on_a_new_password(realtime_sim, tmp_path):
    async def scenario():
        async with admin_station(realtime_sim, tmp_path) as station:
            ops = station.operators
            boss = await operator_of(station)
            number = station.accounts["technician"]
            await ops.set_web_password(boss, number, PASSWORD)

            async def sign_in():
                result = await ops.web_sign_in("Technician One", PASSWORD, "203.0.113.1")
                assert result.operator is not None
                return result

            first = await sign_in()
            view = await ops.web_session(first.session_secret)
            assert view is not None and view.csrf_token == first.csrf_token
            assert ops.is_signed_in(view.operator)
            assert await ops.web_session("a cookie nobody was given") is None
            # Idle: 30 minutes without a request.
            station.clock.skip(1801)
            assert await ops.web_session(first.session_secret) is None
            assert not ops.is_signed_in(first.operator)
            # Its lifetime: 12 h however busy.
            second = await sign_in()
            for _ in range(25):
                station.clock.skip(1790)
                if await ops.web_session(second.session_secret) is None:
                    break
            assert station.clock.skipped.total_seconds() - 1801 >= 12 * 3600 - 1790
            # Sign-out, then a new password ends every other session of the account.
            third, fourth = await sign_in(), await sign_in()
            await ops.web_sign_out(third.operator)
            assert await ops.web_session(third.session_secret) is None
            assert await ops.web_session(fourth.session_secret) is not None
            await ops.set_web_password(boss, number, "another long passphrase")
            assert await ops.web_session(fourth.session_secret) is None
            with session_factory(read_only(station.runtime.engine))() as db:
                rows = db.scalars(select(WebSession).where(WebSession.account_id == number)).all()
                assert rows and all(r.revoked_at is not None for r in rows[:1]) and len(rows) == 4
                assert not any(first.session_secret in (r.session_hash, r.csrf_token) for r in rows)
                assert verify_audit_chain(db).intact

    asyncio.run(scenario())


def test_a_disabled_account_or_a_changed_role_is_seen_at_once(realtime_sim, tmp_path):
    async def scenario():
        async with admin_station(realtime_sim, tmp_path) as station:
            ops = station.operators
            boss = await operator_of(station)
            number = station.accounts["technician"]
            await ops.set_web_password(boss, number, PASSWORD)
            signed = await ops.web_sign_in("Technician One", PASSWORD, "203.0.113.2")
            await ops.set_account_disabled(boss, number, True)
            assert await ops.web_session(signed.session_secret) is None
            refused = await ops.web_sign_in("Technician One", PASSWORD, "203.0.113.2")
            assert refused.refusal == "wrong"
            await ops.set_account_disabled(boss, number, False)
            again = await ops.web_sign_in("Technician One", PASSWORD, "203.0.113.2")
            assert again.operator is not None
            with session_factory(station.runtime.engine)() as db, db.begin():
                db.get(AdminAccount, number).role = "viewer"  # as another station process would change it
            station.clock.skip(6)
            time.sleep(5.1)  # past the cache: the ledger is read again
            view = await ops.web_session(again.session_secret)
            assert view is not None and view.operator.role == "viewer"
            with pytest.raises(PermissionDeniedError):
                await ops.control.restart_charger(view.operator, "CP00")

    asyncio.run(scenario())


def test_password_rules_and_who_may_set_one(realtime_sim, tmp_path):
    async def scenario():
        async with admin_station(realtime_sim, tmp_path) as station:
            ops = station.operators
            boss = await operator_of(station)
            tech = await operator_of(station, "technician")
            number = station.accounts["technician"]
            for password, code in (
                ("short", "password_too_short"),
                ("x" * 129, "password_too_long"),
                ("abababababab", "password_weak"),
                ("technician one", "password_weak"),
            ):
                with pytest.raises(OperationError) as refused:
                    await ops.set_web_password(tech, number, password)
                assert refused.value.code == code
            await ops.set_web_password(tech, number, PASSWORD)  # their own
            with pytest.raises(PermissionDeniedError):
                await ops.set_web_password(tech, station.accounts["viewer"], PASSWORD)
            await ops.set_web_password(boss, station.accounts["viewer"], PASSWORD)
            assert account(station, "viewer").web_password_hash.startswith("$argon2id$")

    asyncio.run(scenario())
