"""FirmwareManagement end to end: UpdateFirmware and GetDiagnostics from a test CSMS, files on loopback HTTP.

The station runs on the firmware simulator with its OCPP service built from the configuration; the
CSMS sends the commands and records the status notifications; the packages are signed station
releases served by a real HTTP server, and the diagnostics archive arrives at the same server.
"""

from __future__ import annotations

import asyncio
import io
import json
import tarfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from ocpp_station import IDENTITY, ocpp_config, running_station, until

from app.config import ConfigError, OcppDiagnosticsSettings, OcppFirmwareSettings, StationConfig, load_config
from app.updates.package_format import build_package, load_public_key, verify_package
from app.updates.station_release import GUARD_FILE, StationInstaller

if TYPE_CHECKING:
    from ocpp_peers.peer import CsmsPeer
    from transfer_servers import HttpFiles, VendorKeys

pytest_plugins = ["transfer_servers"]
pytestmark = pytest.mark.sim(chargers=1, realtime_factor=2)

REPO = Path(__file__).resolve().parents[2]
FIRMWARE = "FirmwareStatusNotification"
DIAGNOSTICS = "DiagnosticsStatusNotification"


def station_tarball(directory: Path, version: str) -> Path:
    """A station source tree whose health check (`python -m launcher --help-config`) passes."""
    path = directory / f"evse-station-{version}.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        for name, text in (
            ("app/__init__.py", '"""release"""\n'),
            ("launcher/__main__.py", f"print('{version}')\n"),
        ):
            data = text.encode()
            info = tarfile.TarInfo(f"evse-station-{version}/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def publish(root: Path, version: str, key: Ed25519PrivateKey, staging: Path) -> str:
    """Signs a station package of `version` with `key` into the HTTP root; returns its file name."""
    staging.mkdir(exist_ok=True)
    name = f"station-{version}.tar.gz"
    payload = station_tarball(staging, version)
    build_package(root / name, target="station", version=version, payloads=[(payload, None)], private_key=key)
    return name


@pytest.fixture
def release_root(tmp_path: Path, vendor_keys: VendorKeys) -> Path:
    """A station running release 1.0.0, installed by the installer itself."""
    root, staging = tmp_path / "opt", tmp_path / "v1"
    staging.mkdir()
    publish(staging, "1.0.0", vendor_keys.private, staging)
    package = verify_package(
        staging / "station-1.0.0.tar.gz",
        load_public_key(vendor_keys.public_pem),
        staging / "out",
        max_bytes=10**6,
    )
    installer = StationInstaller(root)
    asyncio.run(installer.install(package))
    installer.confirm()
    return root


def firmware_config(sim: Any, csms: CsmsPeer, tmp_path: Path, keys: VendorKeys, root: Path) -> StationConfig:
    return ocpp_config(
        sim,
        csms,
        tmp_path,
        firmware=OcppFirmwareSettings(
            vendor_public_key=str(keys.public_pem), release_root=str(root), state_dir=str(tmp_path / "fw")
        ),
        diagnostics=OcppDiagnosticsSettings(work_dir=str(tmp_path / "diag"), log_dir=str(tmp_path / "logs")),
    )


def statuses(csms: CsmsPeer, action: str) -> list[str]:
    return [p["status"] for p in csms.calls(action)]


async def trigger(csms: CsmsPeer, action: str) -> str:
    since = len(csms.frames)
    assert await csms.call_async("TriggerMessage", {"requestedMessage": action}) == {"status": "Accepted"}
    return (await csms.wait_for_async(action, timeout=10, since=since)).payload["status"]


def now_text() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


def test_station_update_reports_each_step_and_installed_after_the_restart(
    realtime_sim, any_csms, tmp_path: Path, vendor_keys: VendorKeys, http_files: HttpFiles, release_root: Path
) -> None:
    csms = any_csms
    name = publish(http_files.root, "2.0.0", vendor_keys.private, tmp_path / "v2")
    config = firmware_config(realtime_sim, csms, tmp_path, vendor_keys, release_root)

    async def first_run() -> str | None:
        async with running_station(config) as runtime:
            await csms.wait_for_async("StatusNotification", lambda p: p["connectorId"] == 1, timeout=15)
            assert await trigger(csms, FIRMWARE) == "Idle"
            answer = await csms.call_async(
                "UpdateFirmware", {"location": f"{http_files.base_url}/{name}", "retrieveDate": now_text()}
            )
            assert answer == {}
            await csms.wait_for_async(FIRMWARE, lambda p: p["status"] == "Installing", timeout=30)
            # The new release is switched in; the runtime ends so that systemd starts it.
            await asyncio.wait_for(runtime.stopping.wait(), 30)
            return runtime.reset_requested

    assert asyncio.run(first_run()) == "Firmware"
    assert (release_root / "current").resolve().name.startswith("2.0.0-")
    assert (release_root / GUARD_FILE).exists()

    async def second_run() -> None:
        async with running_station(config) as runtime:
            await csms.wait_for_async(FIRMWARE, lambda p: p["status"] == "Installed", timeout=20)
            await until(lambda: runtime.ocpp.firmware.status == "Idle", 10, "the update to end")
            assert await trigger(csms, FIRMWARE) == "Idle"

    asyncio.run(second_run())
    assert statuses(csms, FIRMWARE) == [
        "Idle",
        "Downloading",
        "Downloaded",
        "Installing",
        "Installed",
        "Idle",
    ]
    assert not (release_root / GUARD_FILE).exists()  # the new release confirmed itself
    # BootNotification reports the release the station runs: 1.0.0 before the update, 2.0.0 after.
    assert [p["firmwareVersion"] for p in csms.calls("BootNotification")] == ["1.0.0", "2.0.0"]


def test_bad_signature_and_missing_package_report_the_failure_and_install_nothing(
    realtime_sim, any_csms, tmp_path: Path, vendor_keys: VendorKeys, http_files: HttpFiles, release_root: Path
) -> None:
    csms = any_csms
    before = (release_root / "current").resolve()
    forged = publish(http_files.root, "6.6.6", Ed25519PrivateKey.generate(), tmp_path / "forged")
    config = firmware_config(realtime_sim, csms, tmp_path, vendor_keys, release_root)

    async def scenario() -> bool:
        async with running_station(config) as runtime:
            await csms.wait_for_async("StatusNotification", lambda p: p["connectorId"] == 1, timeout=15)
            location = f"{http_files.base_url}/{forged}"
            assert (
                await csms.call_async("UpdateFirmware", {"location": location, "retrieveDate": now_text()})
                == {}
            )
            await csms.wait_for_async(FIRMWARE, lambda p: p["status"] == "InstallationFailed", timeout=30)
            missing = {
                "location": f"{http_files.base_url}/absent.tar.gz",
                "retrieveDate": now_text(),
                "retries": 1,
            }
            assert await csms.call_async("UpdateFirmware", missing) == {}
            await csms.wait_for_async(FIRMWARE, lambda p: p["status"] == "DownloadFailed", timeout=30)
            await until(lambda: runtime.ocpp.firmware.status == "Idle", 10, "the update to end")
            assert await trigger(csms, FIRMWARE) == "Idle"
            return runtime.stopping.is_set()

    assert asyncio.run(scenario()) is False
    assert statuses(csms, FIRMWARE) == [
        "Downloading",
        "Downloaded",
        "InstallationFailed",
        "Downloading",
        "DownloadFailed",
        "Idle",
    ]
    assert (release_root / "current").resolve() == before
    assert not any(p.name.startswith("6.6.6") for p in (release_root / "releases").iterdir())


def test_install_waits_until_the_running_transaction_has_stopped(
    realtime_sim, py_csms, tmp_path: Path, vendor_keys: VendorKeys, http_files: HttpFiles, release_root: Path
) -> None:
    sim, csms = realtime_sim, py_csms
    csms.set_next_transaction_id(7001)
    name = publish(http_files.root, "2.1.0", vendor_keys.private, tmp_path / "v2")
    config = firmware_config(sim, csms, tmp_path, vendor_keys, release_root)

    async def scenario() -> None:
        async with running_station(config) as runtime:
            await csms.wait_for_async("StatusNotification", lambda p: p["connectorId"] == 1, timeout=15)
            await sim.ctl.call("plug", charger=0)
            await until(lambda: runtime.station.manager.connectors()["CP00/1"].vehicle_present, 10, "car")
            await runtime.sessions.authorise("CP00/1", "TAG-FW")
            await csms.wait_for_async("StartTransaction", timeout=15)
            location = f"{http_files.base_url}/{name}"
            assert (
                await csms.call_async("UpdateFirmware", {"location": location, "retrieveDate": now_text()})
                == {}
            )
            await csms.wait_for_async(FIRMWARE, lambda p: p["status"] == "Downloaded", timeout=30)
            await asyncio.sleep(3.0)  # the install is held while the car charges
            assert "Installing" not in statuses(csms, FIRMWARE)
            assert await csms.call_async("RemoteStopTransaction", {"transactionId": 7001}) == {
                "status": "Accepted"
            }
            await csms.wait_for_async(FIRMWARE, lambda p: p["status"] == "Installing", timeout=30)
            await asyncio.wait_for(runtime.stopping.wait(), 30)

    asyncio.run(scenario())
    stop = csms.wait_for("StopTransaction", timeout=1)
    installing = csms.wait_for(FIRMWARE, lambda p: p["status"] == "Installing", timeout=1)
    assert stop.payload["reason"] == "Remote" and stop.seq < installing.seq
    assert (release_root / "current").resolve().name.startswith("2.1.0-")


def test_get_diagnostics_uploads_the_archive_and_reports_it(
    realtime_sim, any_csms, tmp_path: Path, vendor_keys: VendorKeys, http_files: HttpFiles, release_root: Path
) -> None:
    csms = any_csms
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "station.log").write_text("WARNING link CP00 lost\n")
    config = firmware_config(realtime_sim, csms, tmp_path, vendor_keys, release_root)

    async def scenario() -> str:
        async with running_station(config) as runtime:
            await csms.wait_for_async("StatusNotification", lambda p: p["connectorId"] == 1, timeout=15)
            assert await trigger(csms, DIAGNOSTICS) == "Idle"
            answer = await csms.call_async(
                "GetDiagnostics",
                {"location": f"{http_files.base_url}/upload", "startTime": "2020-01-01T00:00:00Z"},
            )
            await csms.wait_for_async(DIAGNOSTICS, lambda p: p["status"] == "Uploaded", timeout=30)
            await until(lambda: runtime.ocpp.diagnostics.status == "Idle", 10, "the upload to end")
            assert await trigger(csms, DIAGNOSTICS) == "Idle"
            return str(answer["fileName"])

    file_name = asyncio.run(scenario())
    assert file_name.startswith(f"{IDENTITY}-diagnostics-") and file_name.endswith(".tar.gz")
    assert statuses(csms, DIAGNOSTICS) == ["Idle", "Uploading", "Uploaded", "Idle"]
    [received] = http_files.received
    assert (received.method, received.path) == ("PUT", f"/upload/{file_name}")
    with tarfile.open(fileobj=io.BytesIO(received.body), mode="r:gz") as tar:
        names = set(tar.getnames())
        configuration = json.loads(tar.extractfile("configuration.json").read())  # type: ignore[union-attr]
        summary = json.loads(tar.extractfile("summary.json").read())  # type: ignore[union-attr]
    assert {"summary.json", "configuration.json", "event_log.jsonl", "logs/station.log"} <= names
    assert summary["identity"] == IDENTITY
    assert configuration["station"]["ocpp"]["identity"] == IDENTITY
    assert configuration["ocpp_keys"]["HeartbeatInterval"] == "300"


def test_the_documented_ocpp_section_is_valid_and_a_key_without_a_target_is_refused(tmp_path: Path) -> None:
    doc = (REPO / "docs" / "configuration.md").read_text()
    section = doc.split("## The central system", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    site = tmp_path / "site.toml"
    site.write_text(section)
    config = load_config(site)
    assert config.ocpp.firmware.esp32_ports == ("/dev/ttyUSB0", "/dev/ttyUSB1")
    assert config.ocpp.diagnostics.upload_method == "PUT"
    site.write_text('[ocpp.firmware]\nvendor_public_key = "/etc/evse/key.pem"\n')
    with pytest.raises(ConfigError, match=r"ocpp\.firmware: vendor_public_key is set but nothing"):
        load_config(site)
    site.write_text('[ocpp.firmware]\nesp32_ports = ["COM3"]\n')
    with pytest.raises(ConfigError, match=r"ocpp.firmware.esp32_ports\[0\]"):
        load_config(site)


@pytest.mark.sim(chargers=2, realtime_factor=2)
def test_the_diagnostics_archive_holds_what_happened_at_the_station(
    realtime_sim, py_csms, tmp_path: Path, vendor_keys: VendorKeys, http_files: HttpFiles, release_root: Path
) -> None:
    """Faults, link changes, a refused start, a configuration change and the start itself are in the
    event log as they happen, and GetDiagnostics uploads them."""
    sim, csms = realtime_sim, py_csms
    config = firmware_config(sim, csms, tmp_path, vendor_keys, release_root)

    async def scenario() -> None:
        async with running_station(config) as runtime:
            await csms.wait_for_async("StatusNotification", lambda p: p["connectorId"] == 1, timeout=15)
            manager = runtime.station.manager
            # A ground fault latched on charger 0.
            await sim.ctl.call("fault", charger=0, kind="ground", active=True)
            await until(lambda: manager.connectors()["CP00/1"].status.faults != 0, 10, "the fault")
            # Charger 1's link cut and back.
            await sim.ctl.call("fault", charger=1, kind="host_link", active=True)
            await until(lambda: not manager.connectors()["CP01/1"].available, 15, "the link lost")
            await sim.ctl.call("fault", charger=1, kind="host_link", active=False)
            await until(lambda: manager.connectors()["CP01/1"].available, 15, "the link back")
            # A remote start on the faulted connector is refused.
            answer = await csms.call_async("RemoteStartTransaction", {"connectorId": 1, "idTag": "TAG-1"})
            assert answer == {"status": "Rejected"}
            answer = await csms.call_async(
                "ChangeConfiguration", {"key": "MeterValueSampleInterval", "value": "7"}
            )
            assert answer == {"status": "Accepted"}
            await csms.call_async(
                "GetDiagnostics",
                {"location": f"{http_files.base_url}/upload", "startTime": "2020-01-01T00:00:00Z"},
            )
            await csms.wait_for_async(DIAGNOSTICS, lambda p: p["status"] == "Uploaded", timeout=30)

    asyncio.run(scenario())
    [received] = http_files.received
    with tarfile.open(fileobj=io.BytesIO(received.body), mode="r:gz") as tar:
        lines = tar.extractfile("event_log.jsonl").read().decode().splitlines()  # type: ignore[union-attr]
    entries = [json.loads(line) for line in lines]
    codes = [e["code"] for e in entries]
    assert codes[0] == "station_started"
    fault = next(e for e in entries if e["code"] == "GROUND_FAULT")
    assert (fault["kind"], fault["connector_name"]) == ("fault", "CP00/1")
    lost = [e for e in entries if e["code"] == "link_offline" and e["charger_id"] == "CP01"]
    assert lost, codes
    assert any(
        e["code"] == "link_online" and e["charger_id"] == "CP01" for e in entries[entries.index(lost[0]) :]
    )
    refused = [e for e in entries if e["code"] == "session_refused"]
    assert refused and refused[0]["connector_name"] == "CP00/1"
    changed = [e for e in entries if e["code"] == "config_changed"]
    assert changed and changed[-1]["details"]["key"] == "MeterValueSampleInterval"
