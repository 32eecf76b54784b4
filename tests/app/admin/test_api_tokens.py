"""API tokens on the running station: the secret shown once and kept as a hash, scopes capping the
account's role, revocation and expiry honoured at once, and the command line that makes them."""

from __future__ import annotations

import asyncio
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from admin_station import PINS, admin_station
from sqlalchemy import select

from app.admin import OperationError, PermissionDeniedError
from app.config import REPO_ROOT
from app.db import ApiToken, make_engine, read_only, session_factory, verify_audit_chain

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)


async def operator_of(station, role="operator"):
    result = await station.operators.sign_in(station.accounts[role], PINS[role])
    assert result.operator is not None
    return result.operator


def test_a_token_acts_as_its_account_within_its_scopes_until_revoked(realtime_sim, tmp_path):
    async def scenario():
        async with admin_station(realtime_sim, tmp_path) as station:
            ops = station.operators
            boss = await operator_of(station)
            made = await ops.create_api_token(boss, boss.account_id, "Home Assistant", ["read"], None)
            assert made.secret.startswith("evse_") and len(made.secret) > 40
            assert made.token.scopes == ["read"]
            with session_factory(read_only(station.runtime.engine))() as db:
                [row] = db.scalars(select(ApiToken)).all()
                assert row.token_hash == hashlib.sha256(made.secret.encode()).hexdigest()
            # A read token of an operator's account is a viewer: it reads and may not act.
            reader = await ops.token_operator(made.secret)
            assert reader is not None and reader.role == "viewer" and reader.name == "Operator One"
            assert (await ops.overview.snapshot(reader)).chargers
            with pytest.raises(PermissionDeniedError):
                await ops.control.restart_charger(reader, "CP00")
            # Nor may it mint itself a stronger token or a web password to sign in with its full role.
            with pytest.raises(PermissionDeniedError):
                await ops.create_api_token(reader, boss.account_id, "escalate", ["manage"], None)
            with pytest.raises(PermissionDeniedError):
                await ops.set_web_password(reader, boss.account_id, "a long new passphrase")
            assert await ops.token_operator(made.secret + "x") is None
            assert await ops.token_operator("not-even-a-token") is None
            await ops.revoke_api_token(boss, made.token.token_id)
            assert await ops.token_operator(made.secret) is None  # at once, not after the cache
            with pytest.raises(PermissionDeniedError):
                await ops.overview.snapshot(reader)  # the Operator it gave is gone too
            [listed] = await ops.api_tokens(boss)
            assert listed.revoked_at is not None
            text = json.dumps([r["details"] for r in station.audit(100)])
            assert made.secret not in text and row.token_hash not in text

    asyncio.run(scenario())


def test_scopes_never_exceed_the_account_and_expiry_ends_a_token(realtime_sim, tmp_path):
    async def scenario():
        async with admin_station(realtime_sim, tmp_path) as station:
            ops = station.operators
            boss = await operator_of(station)
            tech = await operator_of(station, "technician")
            with pytest.raises(OperationError) as too_much:
                await ops.create_api_token(tech, tech.account_id, "mine", ["manage"], None)
            assert too_much.value.code == "scope_exceeds_role"
            with pytest.raises(OperationError) as unknown:
                await ops.create_api_token(tech, tech.account_id, "mine", ["root"], None)
            assert unknown.value.code == "scope_unknown"
            with pytest.raises(PermissionDeniedError):
                await ops.create_api_token(tech, boss.account_id, "not mine", ["read"], None)
            control = await ops.create_api_token(tech, tech.account_id, "fleet", ["read", "control"], 1)
            acting = await ops.token_operator(control.secret)
            assert acting is not None and acting.role == "technician"
            assert [t.token_id for t in await ops.api_tokens(tech)] == [control.token.token_id]
            with pytest.raises(OperationError):
                await ops.revoke_api_token(await operator_of(station, "viewer"), control.token.token_id)
            station.clock.skip(86400 + 1)
            assert await ops.token_operator(control.secret) is None
            with session_factory(station.runtime.engine)() as db:
                assert verify_audit_chain(db).intact

    asyncio.run(scenario())


def admin_cli(config: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "admin", "--config", str(config), *args],
        cwd=REPO_ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_command_line_sets_a_password_and_makes_lists_and_revokes_tokens(tmp_path):
    ledger = tmp_path / "ledger.sqlite3"
    config = tmp_path / "site.toml"
    config.write_text(f'[database]\nurl = "sqlite:///{ledger}"\n')
    made = admin_cli(
        config, "add-user", "--name", "Aminah", "--role", "technician", "--pin-stdin", stdin="730154\n"
    )
    assert made.returncode == 0, made.stderr
    weak = admin_cli(config, "set-password", "--id", "1", "--password-stdin", stdin="short\n")
    assert weak.returncode == 2 and "at least 10 characters" in weak.stderr
    done = admin_cli(config, "set-password", "--id", "1", "--password-stdin", stdin="a long pass phrase\n")
    assert done.returncode == 0, done.stderr
    refused = admin_cli(config, "add-token", "--id", "1", "--name", "HA", "--scope", "manage")
    assert refused.returncode == 2 and "may not hold" in refused.stderr
    token = admin_cli(
        config, "add-token", "--id", "1", "--name", "HA", "--scope", "read", "--expires-days", "30"
    )
    assert token.returncode == 0, token.stderr
    secret = token.stdout.splitlines()[1]
    assert secret.startswith("evse_")
    listed = admin_cli(config, "list-tokens")
    assert "HA" in listed.stdout and "read" in listed.stdout and secret not in listed.stdout
    assert admin_cli(config, "revoke-token", "--token", "1").returncode == 0
    assert "revoked" in admin_cli(config, "list-tokens", "--id", "1").stdout
    engine = make_engine(f"sqlite:///{ledger}")
    try:
        with session_factory(engine)() as db:
            [row] = db.scalars(select(ApiToken)).all()
            assert row.token_hash == hashlib.sha256(secret.encode()).hexdigest() and row.revoked_at
            report = verify_audit_chain(db)
            assert report.intact and report.rows >= 4
    finally:
        engine.dispose()
