"""The admin mode's firmware update from the station's configured source ([admin] firmware_source): a
signed package downloaded from real FTP/HTTP servers and flashed on a simulated charger, an unsigned
one refused with nothing flashed, an unreachable source refused with its code, and the source's
credentials kept out of the audit log."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import socket
from urllib.parse import urlsplit

import pytest
from firmware_station import esp32_package, firmware_station, make_vendor, signed_in
from test_firmware import unsigned_package

from app.admin import OperationError
from app.admin.firmware import key_id, redact_url
from app.config import ConfigError
from app.config.loader import parse_config
from app.db import session_factory, verify_audit_chain
from app.updates import load_public_key

pytest_plugins = ["transfer_servers"]
pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)


def firmware_rows(station):
    return [r for r in station.audit() if r["action"].startswith("firmware.")]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_redacting_a_source_url_drops_only_its_userinfo():
    assert redact_url("ftp://u:p%40ss@host:2121/fw/a.tar.gz") == "ftp://***@host:2121/fw/a.tar.gz"
    assert redact_url("https://host/fw/a.tar.gz?x=1") == "https://host/fw/a.tar.gz?x=1"
    assert redact_url("http://token@host/a.tgz") == "http://***@host/a.tgz"


@pytest.mark.parametrize(
    ("value", "accepted"),
    [
        ("", True),
        ("ftp://user:pw@host:2121/fw/charger.tar.gz", True),
        ("https://updates.example/fw/charger.tgz", True),
        ("file:///etc/charger.tar.gz", False),  # only what the OCPP download fetches
        ("ftps://host/charger.tar.gz", False),
        ("https://updates.example/fw/", False),  # one package, not a directory
    ],
)
def test_the_source_setting_takes_one_package_url(value, accepted):
    if accepted:
        assert parse_config({"admin": {"firmware_source": value}}).admin.firmware_source == value
    else:
        with pytest.raises(ConfigError, match=r"admin\.firmware_source"):
            parse_config({"admin": {"firmware_source": value}})


def test_a_signed_package_from_an_ftp_source_is_downloaded_and_flashed(realtime_sim, tmp_path, ftp_files):
    vendor = make_vendor(tmp_path)
    (ftp_files.root / "fw").mkdir()
    package = esp32_package(ftp_files.root / "fw", "2.1.0", vendor.private)
    source = ftp_files.url(f"fw/{package.name}")
    user, password = urlsplit(source).username, urlsplit(source).password
    assert user and password

    async def scenario():
        async with firmware_station(realtime_sim, tmp_path, vendor, source=source) as station:
            ops = station.operators.firmware
            tech = await signed_in(station, "technician")
            inventory = await ops.installed(tech)
            assert inventory.source == f"ftp://***@127.0.0.1:{ftp_files.port}/fw/{package.name}"
            steps = []
            result = await ops.update_charger_from_source(tech, "CP01", steps.append)
            assert (result.charger_id, result.version, result.reported_version) == ("CP01", "2.1.0", "2.1.0")
            names = [s.step for s in steps]
            assert names[0] == "downloading" and names[-4:] == ["verifying", "flashing", "restarting", "done"]
            assert set(names[:-4]) == {"downloading"}
            assert steps[-5].received_bytes == package.stat().st_size  # the whole file arrived
            assert [s.fraction for s in steps] == sorted(s.fraction for s in steps)
            # What the simulated ESP32 itself reports: the new image on CP01 only.
            assert (await realtime_sim.ctl.call("status", charger=1))["firmware"] == "2.1.0"
            assert (await realtime_sim.ctl.call("status", charger=0))["firmware"] == "0.1.0"
            assert not (tmp_path / "firmware" / "CP01" / "download").exists()  # the download is not kept
            return station

    station = asyncio.run(scenario())
    rows = firmware_rows(station)
    assert [(r["action"], r["actor"], r["target"]) for r in rows] == [
        ("firmware.update", "admin:Technician One", "charger:CP01")
    ]
    assert rows[0]["details"] == {
        "source": f"ftp://***@127.0.0.1:{ftp_files.port}/fw/{package.name}",
        "package": package.name,
        "signer_key_id": key_id(load_public_key(vendor.public_pem)),
        "version": "2.1.0",
        "outcome": "installed",
        "reported_version": "2.1.0",
    }
    assert password not in json.dumps(station.audit(), default=str)
    assert f"{user}:" not in json.dumps(rows, default=str)
    with session_factory(station.runtime.engine)() as db:
        assert verify_audit_chain(db).intact


def test_an_unsigned_or_unreachable_source_is_refused_and_nothing_is_flashed(
    realtime_sim, tmp_path, http_files, ftp_files, caplog
):
    vendor = make_vendor(tmp_path)
    unsigned_package(http_files.root / "unsigned.tar.gz")
    login = urlsplit(ftp_files.url("x"))
    password = login.password or ""
    dead = f"ftp://{login.username}:{password}@127.0.0.1:{closed_port()}/fw/charger.tar.gz"

    async def scenario():
        async with firmware_station(realtime_sim, tmp_path, vendor, transfer_timeout_s=5.0) as station:
            ops = station.operators.firmware
            tech = await signed_in(station, "technician")
            boots = (await realtime_sim.ctl.call("status", charger=0))["boot_count"]
            with pytest.raises(OperationError) as none:
                await ops.update_charger_from_source(tech, "CP00")
            assert none.value.code == "no_source"
            assert (await ops.installed(tech)).source is None
            ops.setup = dataclasses.replace(ops.setup, source=f"{http_files.base_url}/unsigned.tar.gz")
            with pytest.raises(OperationError) as unsigned:
                await ops.update_charger_from_source(tech, "CP00")
            assert unsigned.value.code == "package_refused"
            ops.setup = dataclasses.replace(ops.setup, source=f"{http_files.base_url}/missing.tar.gz")
            with pytest.raises(OperationError) as missing:
                await ops.update_charger_from_source(tech, "CP00")
            assert missing.value.code == "source_unreachable"
            ops.setup = dataclasses.replace(ops.setup, source=dead)
            with pytest.raises(OperationError) as unreachable:
                await ops.update_charger_from_source(tech, "CP00")
            assert unreachable.value.code == "source_unreachable"
            assert password and password not in str(unreachable.value)
            status = await realtime_sim.ctl.call("status", charger=0)
            assert (status["firmware"], status["boot_count"]) == ("0.1.0", boots)
            assert not (tmp_path / "firmware" / "CP00" / "last-good").exists()
            return station

    station = asyncio.run(scenario())
    assert http_files.requested == ["/unsigned.tar.gz", "/missing.tar.gz"]
    rows = firmware_rows(station)
    assert [(r["details"]["package"], r["details"]["outcome"]) for r in rows] == [
        ("unsigned.tar.gz", "refused"),
        ("missing.tar.gz", "refused"),
        ("charger.tar.gz", "refused"),
    ]
    assert rows[0]["details"]["source"] == f"{http_files.base_url}/unsigned.tar.gz"
    assert "manifest.sig" in rows[0]["details"]["reason"]
    assert "404" in rows[1]["details"]["reason"]
    assert rows[2]["details"]["source"].startswith("ftp://***@127.0.0.1:")
    assert password not in json.dumps(station.audit(), default=str) and password not in caplog.text
