"""OCPP 1.6 security profiles 1-3 end to end: Basic auth, TLS with the CSMS's certificate checked, client
certificates, owner-only secrets, and a SecurityProfile that a remote command never lowers."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import shutil
import stat
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from ocpp_peers.fixtures import CSMS_KINDS
from ocpp_peers.peer import STEVE_PATH, CsmsPeer
from ocpp_station import IDENTITY, ocpp_config, running_station, until

from app.config import REPO_ROOT, StationConfig
from app.ocpp.central_system import build_central_system
from app.ocpp.secrets import AUTHORIZATION_KEY, SecretStore, SecretStoreError
from app.runtime.runtime import StationRuntime

pytestmark = pytest.mark.sim(chargers=1, realtime_factor=2)

KEY = "00112233445566778899aabbccddeeff"  # 16 bytes as hexadecimal, the whitepaper's minimum
NEW_KEY = "f0e1d2c3b4a5968778695a4b3c2d1e0f00112233"  # 20 bytes


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def install_key(secrets_dir: Path, key: str) -> subprocess.CompletedProcess[str]:
    """The installer's way in: the key on stdin of `python -m app.ocpp.secrets` (docs/ocpp-security.md)."""
    return subprocess.run(
        [sys.executable, "-m", "app.ocpp.secrets", "--dir", str(secrets_dir), "set-authorization-key"],
        input=key,
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=60,
        check=False,
    )


def station_dir(tmp_path: Path, name: str) -> Path:
    directory = tmp_path / name
    directory.mkdir()
    return directory


def rekeyed(csms: CsmsPeer, password: str, factory: Any) -> CsmsPeer:
    """The CSMS side of a key change: the same endpoint now wants `password`."""
    if csms.name == "python":
        csms.password = password.encode()  # type: ignore[attr-defined]
        return csms
    # The strict peer takes its password at start: a new process on the same port.
    port = csms.port
    csms.close()
    return factory("strict", password=password, port=port)


@contextlib.asynccontextmanager
async def station(config: StationConfig) -> AsyncIterator[StationRuntime]:
    async with running_station(config) as runtime:
        assert runtime.ocpp is not None
        yield runtime


# -- the secret store (no peer needed) ---------------------------------------------------------------


def test_installing_the_key_makes_an_owner_only_file_in_an_owner_only_directory(tmp_path):
    secrets_dir = tmp_path / "secrets"
    secrets_dir.mkdir(mode=0o755)
    done = install_key(secrets_dir, KEY + "\n")
    assert done.returncode == 0, done.stderr
    assert mode(secrets_dir) == 0o700 and mode(secrets_dir / AUTHORIZATION_KEY) == 0o600
    assert SecretStore(secrets_dir).get(AUTHORIZATION_KEY) == KEY
    refused = install_key(tmp_path / "other", "not-a-key")
    assert refused.returncode == 2 and "hexadecimal" in refused.stderr
    assert not (tmp_path / "other").exists()
    # A key file someone made readable by others is refused rather than used.
    (secrets_dir / AUTHORIZATION_KEY).chmod(0o644)
    with pytest.raises(SecretStoreError, match="readable by others"):
        SecretStore(secrets_dir).get(AUTHORIZATION_KEY)


# -- profile 1: Basic auth -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", CSMS_KINDS)
def test_profile_1_basic_auth_and_a_new_key_from_the_csms(realtime_sim, csms_factory, tmp_path, kind):
    csms = csms_factory(kind, password=KEY)
    config = ocpp_config(realtime_sim, csms, tmp_path, security_profile=1)
    secrets_dir = Path(config.ocpp.secrets_dir)
    assert install_key(secrets_dir, KEY).returncode == 0

    async def scenario() -> CsmsPeer:
        nonlocal csms
        async with station(config) as runtime:
            await csms.wait_for_async("BootNotification", timeout=15)
            # AuthorizationKey is write-only: never listed, unknown when asked for by name.
            everything = await csms.call_async("GetConfiguration", {})
            assert "AuthorizationKey" not in {k["key"] for k in everything["configurationKey"]}
            assert KEY not in repr(everything)
            named = await csms.call_async("GetConfiguration", {"key": ["AuthorizationKey"]})
            assert named.get("unknownKey") == ["AuthorizationKey"] and not named.get("configurationKey")
            change = {"key": "AuthorizationKey", "value": "short"}
            assert await csms.call_async("ChangeConfiguration", change) == {"status": "Rejected"}
            change = {"key": "AuthorizationKey", "value": NEW_KEY}
            assert await csms.call_async("ChangeConfiguration", change) == {"status": "Accepted"}
            csms = rekeyed(csms, NEW_KEY, csms_factory)
            mark = len(csms.frames)  # the first link's frames, or none in a new strict process
            # The station drops the link by itself and comes back with the new key.
            connects = 2 if kind == "python" else 1
            await asyncio.to_thread(csms.wait_connected, IDENTITY, 30.0, connects)
            await csms.wait_for_async("BootNotification", timeout=15, since=mark)
            await until(lambda: runtime.ocpp.connection.connects >= 2, 10, "the second link")
            return csms

    csms = asyncio.run(scenario())
    assert not csms.events("handshake_refused")
    assert (secrets_dir / AUTHORIZATION_KEY).read_text() == NEW_KEY
    assert mode(secrets_dir) == 0o700 and mode(secrets_dir / AUTHORIZATION_KEY) == 0o600
    for ledger_file in tmp_path.glob("ledger.sqlite3*"):  # the database and its write-ahead log
        data = ledger_file.read_bytes()
        assert NEW_KEY.encode() not in data and KEY.encode() not in data


@pytest.mark.parametrize("kind", CSMS_KINDS)
def test_a_wrong_key_is_refused_and_the_station_keeps_trying(realtime_sim, csms_factory, tmp_path, kind):
    csms = csms_factory(kind, password=KEY)
    config = ocpp_config(realtime_sim, csms, tmp_path, security_profile=1)
    SecretStore(Path(config.ocpp.secrets_dir)).set(AUTHORIZATION_KEY, NEW_KEY)

    async def scenario() -> None:
        async with station(config) as runtime:
            refused = lambda: [e for e in csms.events("handshake_refused") if e.details.get("status") == 401]  # noqa: E731
            await until(lambda: len(refused()) >= 2, 20, "two refused handshakes")
            link = runtime.ocpp.connection
            assert link.connects == 0 and "401" in (link.last_error or "")

    asyncio.run(scenario())
    assert not csms.events("connect") and not csms.frames


# -- profile 2: TLS with the CSMS's certificate checked, plus Basic auth ------------------------------


@pytest.mark.parametrize("kind", CSMS_KINDS)
def test_profile_2_tls_and_basic_auth_and_a_wrong_server_certificate(
    realtime_sim, csms_factory, tls_pki, tmp_path, kind
):
    good = csms_factory(kind, password=KEY, pki=tls_pki)
    wrong = csms_factory(kind, password=KEY, pki=tls_pki, wrong_cert=True)
    tls = {"security_profile": 2, "ca_file": str(tls_pki.ca_cert)}

    async def scenario() -> None:
        config = ocpp_config(realtime_sim, good, station_dir(tmp_path, "good"), **tls)
        SecretStore(Path(config.ocpp.secrets_dir)).set(AUTHORIZATION_KEY, KEY)
        assert config.ocpp.url.startswith("wss://")
        async with station(config):
            await good.wait_for_async("BootNotification", timeout=15)
            await good.wait_for_async("StatusNotification", timeout=15)
        # A server whose certificate is not from the configured CA: never connected, nothing sent.
        config = ocpp_config(realtime_sim, wrong, station_dir(tmp_path, "wrong"), **tls)
        SecretStore(Path(config.ocpp.secrets_dir)).set(AUTHORIZATION_KEY, KEY)
        async with station(config) as runtime:
            link = runtime.ocpp.connection
            await until(lambda: link.attempts >= 2, 20, "two attempts")
            assert link.connects == 0 and "CERTIFICATE_VERIFY_FAILED" in (link.last_error or "")

    asyncio.run(scenario())
    assert not good.events("handshake_refused")
    assert not wrong.events("connect") and not wrong.events("handshake_refused") and not wrong.frames


# -- profile 3: TLS with a client certificate ----------------------------------------------------------


@pytest.mark.parametrize("kind", CSMS_KINDS)
def test_profile_3_client_certificate_its_key_permissions_and_refusal_without_it(
    realtime_sim, csms_factory, tls_pki, tmp_path, kind
):
    csms = csms_factory(kind, pki=tls_pki, verify_client=True)
    key_copy = tmp_path / "client.key"
    shutil.copyfile(tls_pki.client_key, key_copy)
    key_copy.chmod(0o640)
    settings = {
        "security_profile": 3,
        "ca_file": str(tls_pki.ca_cert),
        "client_cert": str(tls_pki.client_cert),
        "client_key": str(key_copy),
    }
    config = ocpp_config(realtime_sim, csms, station_dir(tmp_path, "cert"), **settings)
    # The certificate's subject names the charge point (Security Whitepaper, profile 3).
    config = dataclasses.replace(
        config, ocpp=dataclasses.replace(config.ocpp, identity=tls_pki.client_identity)
    )

    async def scenario() -> None:
        # A private key others can read is refused at start, with the file and the fix named.
        runtime = StationRuntime(config, build_central_system=build_central_system)
        try:
            with pytest.raises(SecretStoreError, match="readable by others") as refused:
                await runtime.start()
            assert str(key_copy) in str(refused.value)
        finally:
            await runtime.stop()
        key_copy.chmod(0o600)
        async with station(config):
            await csms.wait_for_async("BootNotification", timeout=15)
        # Without a client certificate (profile 2 settings) the CSMS refuses the TLS handshake.
        without = ocpp_config(
            realtime_sim,
            csms,
            station_dir(tmp_path, "nocert"),
            security_profile=2,
            ca_file=str(tls_pki.ca_cert),
        )
        SecretStore(Path(without.ocpp.secrets_dir)).set(AUTHORIZATION_KEY, KEY)
        connects_before = len(csms.events("connect"))
        async with station(without) as runtime:
            link = runtime.ocpp.connection
            await until(lambda: link.attempts >= 2, 20, "two attempts")
            assert link.connects == 0
        assert len(csms.events("connect")) == connects_before

    asyncio.run(scenario())
    assert [e.identity for e in csms.events("connect")] == [tls_pki.client_identity]


# -- SecurityProfile changes from the CSMS ---------------------------------------------------------------


@pytest.mark.parametrize("kind", CSMS_KINDS)
def test_security_profile_is_raised_only_when_possible_and_never_lowered(
    realtime_sim, csms_factory, tmp_path, kind
):
    csms = csms_factory(kind)
    config = ocpp_config(realtime_sim, csms, tmp_path)  # profile 0 on ws://, as a bench starts

    async def change(peer: CsmsPeer, key: str, value: str) -> str:
        return (await peer.call_async("ChangeConfiguration", {"key": key, "value": value}))["status"]

    async def scenario() -> CsmsPeer:
        nonlocal csms
        async with station(config) as runtime:
            link = runtime.ocpp.connection
            await csms.wait_for_async("BootNotification", timeout=15)
            # Each raise needs its credentials: a key (1), wss:// (2), a client certificate (3).
            for profile in ("1", "2", "3"):
                assert await change(csms, "SecurityProfile", profile) == "Rejected", profile
            mark = len(csms.frames)
            assert await change(csms, "AuthorizationKey", KEY) == "Accepted"
            await until(lambda: link.connects >= 2, 20, "the reconnect after the new key")
            await csms.wait_for_async("BootNotification", timeout=15, since=mark)
            assert await change(csms, "SecurityProfile", "2") == "Rejected"  # still ws://
            assert await change(csms, "SecurityProfile", "1") == "Accepted"
            # From now on the CSMS wants the key: the station's next link must carry it.
            csms = rekeyed(csms, KEY, csms_factory)
            mark = len(csms.frames)
            await until(lambda: link.connects >= 3, 30, "the reconnect with profile 1")
            await csms.wait_for_async("BootNotification", timeout=15, since=mark)
            # Never lowered remotely (Security Whitepaper): Rejected, and the key still reads 1.
            assert await change(csms, "SecurityProfile", "0") == "Rejected"
            keys = await csms.call_async("GetConfiguration", {"key": ["SecurityProfile"]})
            assert keys["configurationKey"][0]["value"] == "1"
            return csms

    csms = asyncio.run(scenario())
    assert not csms.events("handshake_refused")


@pytest.mark.parametrize("kind", CSMS_KINDS)
def test_the_csms_raises_profile_1_to_2_and_the_station_moves_to_its_tls_url(
    realtime_sim, csms_factory, tls_pki, tmp_path, kind
):
    """Profile 1 runs on the plain url; with ocpp.tls_url set, a raise to 2 is possible, and the next link
    goes to the TLS endpoint with the CSMS's certificate checked. Back down to 1 is refused there."""
    plain = csms_factory(kind, password=KEY)
    secure = csms_factory(kind, password=KEY, pki=tls_pki)
    tls_url = secure.url("", STEVE_PATH).rstrip("/")
    config = ocpp_config(
        realtime_sim, plain, tmp_path, security_profile=1, tls_url=tls_url, ca_file=str(tls_pki.ca_cert)
    )
    SecretStore(Path(config.ocpp.secrets_dir)).set(AUTHORIZATION_KEY, KEY)

    async def change(peer: CsmsPeer, value: str) -> str:
        answer = await peer.call_async("ChangeConfiguration", {"key": "SecurityProfile", "value": value})
        return answer["status"]

    async def scenario() -> None:
        async with station(config) as runtime:
            link = runtime.ocpp.connection
            await plain.wait_for_async("BootNotification", timeout=15)
            assert await change(plain, "2") == "Accepted"
            await until(lambda: link.connects >= 2, 30, "the reconnect with profile 2")
            await secure.wait_for_async("BootNotification", timeout=15)
            assert await change(secure, "1") == "Rejected"  # never lowered remotely
            keys = await secure.call_async("GetConfiguration", {"key": ["SecurityProfile"]})
            assert keys["configurationKey"][0]["value"] == "2"

    asyncio.run(scenario())
    assert [e.identity for e in secure.events("connect")] == [IDENTITY]
    assert len(plain.events("connect")) == 1  # the plain endpoint is not used again
