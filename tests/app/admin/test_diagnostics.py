"""The admin mode's diagnostics on the running station: the event log's filters, the OCPP state of a
stand-alone station, the self-test (database passes, CSMS fails without a central system), and the
export to a USB directory of the archive GetDiagnostics uploads, redacted, audited."""

from __future__ import annotations

import asyncio
import dataclasses
import io
import json
import os
import tarfile
from datetime import timedelta
from pathlib import Path

import pytest
from admin_station import PINS, make_accounts
from firmware_station import firmware_station, make_vendor, signed_in
from ocpp_station import IDENTITY, ocpp_config, running_station

from app.admin import OperationError, OperatorFacade, PermissionDeniedError
from app.admin.usb_drive import removable_mounts, usb_directory
from app.config import AdminSettings
from app.db import head_revision, log_event, session_factory, utc_now, verify_audit_chain

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)


def seed_events(engine):
    now = utc_now()
    with session_factory(engine)() as db, db.begin():
        log_event(
            db,
            kind="fault",
            severity="error",
            code="GROUND_FAULT",
            message="ground fault latched",
            charger_id="CP00",
            connector_name="CP00/1",
            at=now - timedelta(minutes=5),
        )
        log_event(
            db,
            kind="event",
            severity="warning",
            code="link_offline",
            message="CP01 link lost",
            charger_id="CP01",
            at=now - timedelta(hours=3),
        )
        log_event(
            db,
            kind="event",
            severity="info",
            code="config_changed",
            message="MeterValueSampleInterval 7",
            at=now - timedelta(days=3),
        )


def test_event_filters_pick_by_time_kind_level_charger_and_text(realtime_sim, tmp_path):
    async def scenario():
        async with firmware_station(realtime_sim, tmp_path, make_vendor(tmp_path)) as station:
            seed_events(station.runtime.engine)
            diag = station.operators.diagnostics
            viewer = await signed_in(station, "viewer")
            now = utc_now()

            async def codes(**filters):
                return [e.code for e in await diag.events(viewer, **filters)]

            everything = await codes()
            assert {"GROUND_FAULT", "link_offline", "config_changed"} <= set(everything)
            assert "station_started" in everything  # what the station itself logs is there too
            hour = await codes(since=now - timedelta(hours=1))
            assert "GROUND_FAULT" in hour and "link_offline" not in hour and "config_changed" not in hour
            day = await codes(since=now - timedelta(days=1))
            assert {"GROUND_FAULT", "link_offline"} <= set(day) and "config_changed" not in day
            assert await codes(kind="fault") == ["GROUND_FAULT"]
            assert await codes(charger_id="CP01", level="warning") == ["link_offline"]
            assert await codes(level="error") == ["GROUND_FAULT"]
            assert await codes(connector_name="CP00/1") == ["GROUND_FAULT"]
            assert await codes(text="meterVALUE") == ["config_changed"]
            assert len(await codes(limit=1)) == 1
            with pytest.raises(OperationError) as bad:
                await diag.events(viewer, kind="gossip")
            assert bad.value.code == "bad_filter"

    asyncio.run(scenario())


def test_a_stand_alone_station_self_tests_database_pass_and_csms_fail(realtime_sim, tmp_path):
    async def scenario():
        async with firmware_station(realtime_sim, tmp_path, make_vendor(tmp_path)) as station:
            diag = station.operators.diagnostics
            viewer = await signed_in(station, "viewer")
            state = await diag.ocpp_state(viewer)
            assert (state.configured, state.url, state.links, state.queued, state.parked) == (
                False,
                "",
                (),
                0,
                0,
            )
            with pytest.raises(PermissionDeniedError, match="technician"):
                await diag.self_test(viewer)
            tech = await signed_in(station, "technician")
            results = {r.name: r for r in await diag.self_test(tech)}
            assert list(results) == ["network", "csms", "card_reader", "database"]
            assert results["database"].passed and head_revision() in results["database"].detail
            assert not results["csms"].passed and results["csms"].detail == "no central system is configured"
            assert results["card_reader"].passed, results["card_reader"].detail
            # The round trip left nothing behind in the event log.
            assert "self_test" not in [e.code for e in await diag.events(tech)]
            # The reader stopped: the self-test says so.
            await station.reader.stop()
            reader = {r.name: r for r in await diag.self_test(tech)}["card_reader"]
            assert not reader.passed and "not running" in reader.detail
            return station

    station = asyncio.run(scenario())
    [first, second] = [r for r in station.audit() if r["action"] == "diagnostics.self_test"]
    assert first["actor"] == "admin:Technician One"
    assert first["details"]["database"]["passed"] is True and first["details"]["csms"]["passed"] is False
    assert second["details"]["card_reader"]["passed"] is False


def test_the_export_writes_the_get_diagnostics_archive_redacted_to_the_stick(realtime_sim, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()

    async def scenario():
        async with firmware_station(realtime_sim, tmp_path, make_vendor(tmp_path)) as station:
            seed_events(station.runtime.engine)
            # A secret in the configuration: the archive must not carry it.
            station.runtime.config = dataclasses.replace(
                station.runtime.config,
                ocpp=dataclasses.replace(
                    station.runtime.config.ocpp,
                    url="ws://cp:hunter2-secret@csms.example:9000/ocpp",
                    identity="KL07",
                    client_key="/etc/evse/hunter2-client.key",
                ),
            )
            diag = station.operators.diagnostics
            viewer = await signed_in(station, "viewer")
            with pytest.raises(PermissionDeniedError):
                await diag.export(viewer, stick)
            tech = await signed_in(station, "technician")
            result = await diag.export(tech, stick)
            with pytest.raises(OperationError) as missing:
                await diag.export(tech, tmp_path / "no-stick")
            assert missing.value.code == "export_dir_missing"
            return station, result

    station, result = asyncio.run(scenario())
    archive = stick / os.path.basename(result.path)
    assert archive.exists() and archive.stat().st_size == result.size
    assert archive.name.startswith("KL07-diagnostics-") and archive.name.endswith(".tar.gz")
    assert [p.name for p in stick.iterdir()] == [archive.name]  # no partial file left behind
    raw = archive.read_bytes()
    assert b"hunter2" not in raw
    with tarfile.open(fileobj=io.BytesIO(raw), mode="r:gz") as tar:
        names = set(tar.getnames())
        events = [
            json.loads(line) for line in tar.extractfile("event_log.jsonl").read().decode().splitlines()
        ]
        configuration = json.loads(tar.extractfile("configuration.json").read())
        summary = json.loads(tar.extractfile("summary.json").read())
    assert {"summary.json", "configuration.json", "event_log.jsonl"} <= names
    assert {"GROUND_FAULT", "link_offline", "config_changed"} <= {e["code"] for e in events}
    assert summary["events"] == len(events)
    ocpp = configuration["station"]["ocpp"]
    assert (ocpp["url"], ocpp["client_key"]) == ("ws://cp:***@csms.example:9000/ocpp", "***")
    [row] = [
        r
        for r in station.audit()
        if r["action"] == "diagnostics.export" and r["details"]["outcome"] == "written"
    ]
    assert row["actor"] == "admin:Technician One"
    assert row["details"] == {
        "file": archive.name,
        "directory": str(stick),
        "size": result.size,
        "outcome": "written",
    }
    with session_factory(station.runtime.engine)() as db:
        assert verify_audit_chain(db).intact


def test_the_usb_directory_is_the_asked_one_else_the_configured_one_else_a_drive_under_media(tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n"
        "/dev/sdb1 /media/pi/MY\\040STICK vfat rw 0 0\n"
        "/dev/sdc1 /media/usb1 vfat rw 0 0\n"
    )
    assert removable_mounts(mounts) == [Path("/media/pi/MY STICK"), Path("/media/usb1")]
    assert removable_mounts(tmp_path / "absent") == []
    configured = tmp_path / "export"
    configured.mkdir()
    assert usb_directory(str(configured)) == configured
    assert usb_directory(str(configured), tmp_path) == tmp_path
    (tmp_path / "file").write_text("")
    with pytest.raises(OperationError) as not_a_directory:
        usb_directory("", tmp_path / "file", writable=True)
    assert not_a_directory.value.code == "export_dir_missing"


def test_with_a_central_system_the_link_is_registered_the_self_test_passes_it_and_the_export_has_its_keys(
    realtime_sim, py_csms, tmp_path
):
    stick = tmp_path / "usb"
    stick.mkdir()
    config = ocpp_config(realtime_sim, py_csms, tmp_path)

    async def scenario():
        async with running_station(config) as runtime:
            settings = AdminSettings(export_dir=str(stick))
            operators = OperatorFacade(runtime, settings=settings)
            accounts = make_accounts(runtime.engine, settings)
            tech = (await operators.sign_in(accounts["technician"], PINS["technician"])).operator
            await py_csms.wait_for_async("BootNotification", timeout=15)

            async def registered():
                state = await operators.diagnostics.ocpp_state(tech)
                return state if state.links and state.links[0].registered else None

            for _ in range(100):
                if state := await registered():
                    break
                await asyncio.sleep(0.1)
            assert state is not None, "the station never registered"
            assert (state.configured, state.url, state.queued, state.parked) == (True, config.ocpp.url, 0, 0)
            assert [(link.identity, link.connected, link.registration) for link in state.links] == [
                (IDENTITY, True, "Accepted")
            ]
            results = {r.name: r for r in await operators.diagnostics.self_test(tech)}
            assert results["csms"].passed and results["csms"].detail == f"{IDENTITY} registered"
            assert results["network"].passed and "reachable" in results["network"].detail
            assert not results["card_reader"].passed  # no kiosk here: no reader to check
            return await operators.diagnostics.export(tech)

    result = asyncio.run(scenario())
    archive = Path(result.path)
    assert archive.parent == stick and archive.name.startswith(f"{IDENTITY}-diagnostics-")
    with tarfile.open(archive) as tar:
        configuration = json.loads(tar.extractfile("configuration.json").read())
    # The OCPP service's own uploader wrote it: its configuration keys are in, as GetDiagnostics sends.
    assert configuration["ocpp_keys"]["HeartbeatInterval"] == "300"
