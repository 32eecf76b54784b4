"""The admin mode's firmware operations on the running station: a simulated charger updated from a
signed package on a "USB stick" (it restarts and identifies with the new version), rolled back to the
image kept before, and unsigned or forged packages refused with nothing flashed; every step audited."""

from __future__ import annotations

import asyncio
import io
import json
import tarfile

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from firmware_station import esp32_package, firmware_station, make_vendor, signed_in

from app.admin import OperationError, PermissionDeniedError
from app.admin.firmware import key_id
from app.db import session_factory, verify_audit_chain
from app.updates import load_public_key

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)


def unsigned_package(path):
    """A well-formed package without its manifest.sig: what a tampering or careless build leaves."""
    manifest = json.dumps({"format": 1, "target": "esp32", "version": "6.6.6", "files": []}).encode()
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("manifest.json")
        info.size = len(manifest)
        tar.addfile(info, io.BytesIO(manifest))
    return path


def firmware_rows(station):
    return [r for r in station.audit() if r["action"].startswith("firmware.")]


def test_a_signed_package_updates_a_simulated_charger_and_rollback_brings_back_the_kept_image(
    realtime_sim, tmp_path
):
    vendor = make_vendor(tmp_path)
    stick = tmp_path / "usb"
    stick.mkdir()
    first = esp32_package(stick, "1.4.0", vendor.private)
    second = esp32_package(stick, "1.5.0", vendor.private)

    async def scenario():
        async with firmware_station(realtime_sim, tmp_path, vendor) as station:
            ops = station.operators.firmware
            tech = await signed_in(station, "technician")
            before = await ops.installed(tech)
            assert [(c.charger_id, c.version, c.can_flash) for c in before.chargers] == [
                ("CP00", "0.1.0", True),
                ("CP01", "0.1.0", True),
            ]
            offered = await ops.packages(tech, stick)
            assert [(p.file_name, p.valid, p.version) for p in offered] == [
                (first.name, True, "1.4.0"),
                (second.name, True, "1.5.0"),
            ]
            steps = []
            result = await ops.update_charger(tech, "CP00", first, steps.append)
            assert (result.version, result.reported_version) == ("1.4.0", "1.4.0")
            assert [s.step for s in steps] == ["verifying", "flashing", "restarting", "done"]
            assert [s.fraction for s in steps] == sorted(s.fraction for s in steps)
            # What the simulated ESP32 itself reports, and what the station learnt from its IDENTIFY.
            assert (await realtime_sim.ctl.call("status", charger=0))["firmware"] == "1.4.0"
            assert (await realtime_sim.ctl.call("status", charger=1))["firmware"] == "0.1.0"
            await ops.update_charger(tech, "CP00", second)
            after = {c.charger_id: c for c in (await ops.installed(tech)).chargers}
            assert (
                after["CP00"].version,
                after["CP00"].installed_package,
                after["CP00"].rollback_version,
            ) == (
                "1.5.0",
                "1.5.0",
                "1.4.0",
            )
            assert after["CP01"].version == "0.1.0"
            back = await ops.rollback(tech, "CP00")
            assert (back.version, back.reported_version) == ("1.4.0", "1.4.0")
            assert (await realtime_sim.ctl.call("status", charger=0))["firmware"] == "1.4.0"
            kept = {c.charger_id: c for c in (await ops.installed(tech)).chargers}["CP00"]
            assert (kept.installed_package, kept.rollback_version) == ("1.4.0", "1.5.0")
            # Charging goes on through it all on the other charger's connector.
            assert [c.state for c in station.driver.connectors()] == ["available", "available"]
            return station

    station = asyncio.run(scenario())
    signer = key_id(load_public_key(vendor.public_pem))
    rows = firmware_rows(station)
    assert [(r["action"], r["actor"], r["target"]) for r in rows] == [
        ("firmware.update", "admin:Technician One", "charger:CP00"),
        ("firmware.update", "admin:Technician One", "charger:CP00"),
        ("firmware.rollback", "admin:Technician One", "charger:CP00"),
    ]
    assert rows[0]["details"] == {
        "package": first.name,
        "version": "1.4.0",
        "signer_key_id": signer,
        "outcome": "installed",
        "reported_version": "1.4.0",
    }
    assert rows[2]["details"] == {
        "version": "1.4.0",
        "from": "1.5.0",
        "outcome": "installed",
        "reported_version": "1.4.0",
    }
    with session_factory(station.runtime.engine)() as db:
        assert verify_audit_chain(db).intact


def test_unsigned_and_forged_packages_are_refused_and_nothing_is_flashed(realtime_sim, tmp_path):
    vendor = make_vendor(tmp_path)
    stick = tmp_path / "usb"
    stick.mkdir()
    forged = esp32_package(stick, "6.6.6", Ed25519PrivateKey.generate(), name="forged.tar.gz")
    unsigned = unsigned_package(stick / "unsigned.tgz")
    (stick / "notes.txt").write_text("not a package")

    async def scenario():
        async with firmware_station(realtime_sim, tmp_path, vendor) as station:
            ops = station.operators.firmware
            boots = (await realtime_sim.ctl.call("status", charger=0))["boot_count"]
            viewer = await signed_in(station, "viewer")
            with pytest.raises(PermissionDeniedError, match="technician"):
                await ops.update_charger(viewer, "CP00", forged)
            tech = await signed_in(station, "technician")
            listed = {p.file_name: p for p in await ops.packages(tech, stick)}
            assert sorted(listed) == ["forged.tar.gz", "unsigned.tgz"]
            assert not listed["forged.tar.gz"].valid and "signature" in listed["forged.tar.gz"].reason
            assert not listed["unsigned.tgz"].valid and "manifest.sig" in listed["unsigned.tgz"].reason
            assert listed["forged.tar.gz"].version is None  # nothing of a refused package is believed
            for package in (forged, unsigned):
                with pytest.raises(OperationError) as refused:
                    await ops.update_charger(tech, "CP00", package)
                assert refused.value.code == "package_refused"
            with pytest.raises(OperationError) as missing:
                await ops.rollback(tech, "CP00")
            assert missing.value.code == "no_previous_image"
            status = await realtime_sim.ctl.call("status", charger=0)
            assert (status["firmware"], status["boot_count"]) == ("0.1.0", boots)
            assert {c.charger_id: c.version for c in (await ops.installed(tech)).chargers}["CP00"] == "0.1.0"
            assert not (tmp_path / "firmware" / "CP00" / "last-good").exists()
            return station

    station = asyncio.run(scenario())
    rows = firmware_rows(station)
    assert [(r["details"]["package"], r["details"]["outcome"]) for r in rows] == [
        ("forged.tar.gz", "refused"),
        ("unsigned.tgz", "refused"),
    ]
    assert rows[0]["details"]["reason"] == "signature does not match the vendor key"
    assert "version" not in rows[0]["details"]


def test_a_station_package_is_not_flashed_on_a_charger_and_a_charging_charger_is_left_alone(
    realtime_sim, tmp_path
):
    vendor = make_vendor(tmp_path)
    stick = tmp_path / "usb"
    stick.mkdir()
    package = esp32_package(stick, "1.4.0", vendor.private)

    async def scenario():
        async with firmware_station(realtime_sim, tmp_path, vendor) as station:
            ops = station.operators.firmware
            tech = await signed_in(station, "technician")
            with pytest.raises(OperationError) as unknown:
                await ops.update_charger(tech, "CP09", package)
            assert unknown.value.code == "unknown_charger"
            await realtime_sim.ctl.call("plug", charger=1)
            await station.runtime.sessions.authorise("CP01/1", "TAG-FW")
            for _ in range(100):
                if station.runtime.sessions.open_session("CP01/1") is not None:
                    break
                await asyncio.sleep(0.05)
            with pytest.raises(OperationError) as busy:
                await ops.update_charger(tech, "CP01", package)
            assert busy.value.code == "charger_in_use"
            assert (await realtime_sim.ctl.call("status", charger=1))["firmware"] == "0.1.0"

    asyncio.run(scenario())
