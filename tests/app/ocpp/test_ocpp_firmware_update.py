"""UpdateFirmware on loopback: real HTTP(S)/FTP servers, signed packages, real installs and rollbacks."""

from __future__ import annotations

import asyncio
import io
import json
import os
import subprocess
import sys
import tarfile
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.ocpp.firmware_update import FirmwareUpdater, JsonStateStore, UpdateLimits
from app.updates.esp32 import Esp32Installer
from app.updates.package_format import PackageError, build_package, load_public_key, verify_package
from app.updates.station_release import GUARD_FILE, StationInstaller
from hal.board.flasher import EsptoolFlasher, FlashError, default_esptool

if TYPE_CHECKING:
    from transfer_servers import FtpFiles, HttpFiles, LoopbackCa, VendorKeys

pytest_plugins = ["transfer_servers"]

REPO = Path(__file__).resolve().parents[3]
T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
HAPPY = ["Downloading", "Downloaded", "Installing"]


class JumpClock:
    """Wall-clock time that jumps forward when slept on; every sleep is recorded."""

    def __init__(self) -> None:
        self.time = T0
        self.sleeps: list[float] = []

    def now(self) -> datetime:
        return self.time

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.time += timedelta(seconds=seconds)
        await asyncio.sleep(0)


class Station:
    """The updater as the charge point wires it, with what it sent and whether it asked for a restart."""

    def __init__(self, tmp: Path, keys: VendorKeys, installers: dict, **options: object) -> None:
        self.sent: list[str] = []
        self.restarts = 0
        self.clock = JumpClock()
        self.state = JsonStateStore(tmp / "state" / "firmware-update.json")
        self.tmp, self.keys, self.installers, self.options = tmp, keys, installers, options
        self.updater = self.boot()

    def boot(self) -> FirmwareUpdater:
        async def notify(status: str) -> None:
            self.sent.append(status)

        async def restart() -> None:
            self.restarts += 1

        self.updater = FirmwareUpdater(
            notify,
            self.installers,
            self.clock,
            self.state,
            public_key=load_public_key(self.keys.public_pem),
            work_dir=self.tmp / "work",
            restart=restart,
            **self.options,
        )
        return self.updater

    async def update(self, location: str, **extra: object) -> None:
        assert self.updater.update_firmware({"location": location, "retrieveDate": T0.isoformat(), **extra})
        await self.updater.wait()


def fake_station_tarball(directory: Path, version: str, exit_code: int) -> Path:
    """A source tarball of a station whose `python -m launcher --help-config` prints its version and exits."""
    path = directory / f"evse-station-{version}.tar.gz"
    main = f"import sys\nprint('station {version}')\nsys.exit({exit_code})\n"
    with tarfile.open(path, "w:gz") as tar:
        for name, text in (("app/__init__.py", '"""fake"""\n'), ("launcher/__main__.py", main)):
            data = text.encode()
            info = tarfile.TarInfo(f"evse-station-{version}/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def publish(
    root: Path,
    keys: VendorKeys,
    payload: Path,
    *,
    target: str,
    version: str,
    offset: int | None = None,
    key: Ed25519PrivateKey | None = None,
) -> str:
    name = f"{target}-{version}.tar.gz"
    build_package(
        root / name,
        target=target,
        version=version,
        payloads=[(payload, offset)],
        private_key=key or keys.private,
    )
    return name


@pytest.fixture
def release_root(tmp_path: Path, vendor_keys: VendorKeys) -> Path:
    """A station already running release 1.0.0, installed by the installer itself."""
    root = tmp_path / "opt"
    installer = StationInstaller(root)
    staging = tmp_path / "v1"
    staging.mkdir()
    archive = staging / "pkg.tar.gz"
    build_package(
        archive,
        target="station",
        version="1.0.0",
        payloads=[(fake_station_tarball(staging, "1.0.0", 0), None)],
        private_key=vendor_keys.private,
    )
    package = verify_package(
        archive, load_public_key(vendor_keys.public_pem), staging / "out", max_bytes=10**6
    )
    asyncio.run(installer.install(package))
    installer.confirm()
    assert installer.current_version() == "1.0.0"
    return root


def release_dirs(root: Path) -> list[str]:
    return sorted(p.name.split("-")[0] for p in (root / "releases").iterdir())


def test_station_update_over_http_reports_installed_after_the_restart(
    tmp_path: Path, vendor_keys: VendorKeys, http_files: HttpFiles, release_root: Path
) -> None:
    name = publish(
        http_files.root,
        vendor_keys,
        fake_station_tarball(tmp_path, "2.0.0", 0),
        target="station",
        version="2.0.0",
    )
    station = Station(tmp_path, vendor_keys, {"station": StationInstaller(release_root)})

    async def scenario() -> None:
        later = (T0 + timedelta(hours=2)).isoformat()
        assert station.updater.update_firmware(
            {"location": f"{http_files.base_url}/{name}", "retrieveDate": later}
        )
        await station.updater.wait()

    asyncio.run(scenario())
    # Nothing was fetched before retrieveDate; Installed waits for the new version to come up.
    assert sum(station.clock.sleeps) == pytest.approx(7200)
    assert station.sent == HAPPY
    assert station.updater.status == "Installing"  # what a TriggerMessage would repeat until the restart
    assert station.restarts == 1
    assert json.loads(station.state.path.read_text())["phase"] == "restarting"
    assert (
        (release_root / "current" / "launcher" / "__main__.py")
        .read_text()
        .startswith("import sys\nprint('station 2.0.0')")
    )
    assert (release_root / "previous").resolve().name.startswith("1.0.0-")
    assert (release_root / GUARD_FILE).exists()

    station.boot()  # the new version starts
    asyncio.run(station.updater.resume())
    assert station.sent == [*HAPPY, "Installed"]
    assert station.updater.status == "Idle"
    assert not station.state.path.exists()
    assert not (release_root / GUARD_FILE).exists()
    assert release_dirs(release_root) == ["1.0.0", "2.0.0"]


def test_failing_health_check_rolls_back_and_reports_installation_failed(
    tmp_path: Path, vendor_keys: VendorKeys, http_files: HttpFiles, release_root: Path
) -> None:
    before = (release_root / "current").resolve()
    name = publish(
        http_files.root,
        vendor_keys,
        fake_station_tarball(tmp_path, "2.0.0", 3),
        target="station",
        version="2.0.0",
    )
    station = Station(tmp_path, vendor_keys, {"station": StationInstaller(release_root)})
    asyncio.run(station.update(f"{http_files.base_url}/{name}"))
    assert station.sent == [*HAPPY, "InstallationFailed"]
    assert station.restarts == 0
    assert (release_root / "current").resolve() == before
    assert release_dirs(release_root) == ["1.0.0"]
    assert not station.state.path.exists()


def test_bad_signature_installs_nothing(
    tmp_path: Path, vendor_keys: VendorKeys, http_files: HttpFiles, release_root: Path
) -> None:
    before = sorted(p.name for p in (release_root / "releases").iterdir())
    name = publish(
        http_files.root,
        vendor_keys,
        fake_station_tarball(tmp_path, "6.6.6", 0),
        target="station",
        version="6.6.6",
        key=Ed25519PrivateKey.generate(),
    )
    station = Station(tmp_path, vendor_keys, {"station": StationInstaller(release_root)})
    asyncio.run(station.update(f"{http_files.base_url}/{name}"))
    assert station.sent == ["Downloading", "Downloaded", "InstallationFailed"]
    assert sorted(p.name for p in (release_root / "releases").iterdir()) == before
    assert StationInstaller(release_root).current_version() == "1.0.0"


def test_tampered_payload_is_refused(tmp_path: Path, vendor_keys: VendorKeys) -> None:
    payload = tmp_path / "app.bin"
    payload.write_bytes(b"\xe9" + bytes(200))
    archive = tmp_path / "p.tar.gz"
    build_package(
        archive, target="esp32", version="1.0", payloads=[(payload, 0x10000)], private_key=vendor_keys.private
    )
    with tarfile.open(archive) as tar:
        members = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}
    members["app.bin"] = b"\xe9" + bytes(199) + b"\x01"
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(tampered, "w:gz") as tar:
        for member_name, data in members.items():
            info = tarfile.TarInfo(member_name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    key = load_public_key(vendor_keys.public_pem)
    with pytest.raises(PackageError, match=r"app\.bin"):
        verify_package(tampered, key, tmp_path / "out", max_bytes=10**6)
    assert not (tmp_path / "out" / "app.bin").exists()
    assert verify_package(archive, key, tmp_path / "ok", max_bytes=10**6).version == "1.0"


def test_download_is_retried_at_the_interval_then_given_up(
    tmp_path: Path, vendor_keys: VendorKeys, http_files: HttpFiles, release_root: Path
) -> None:
    name = publish(
        http_files.root,
        vendor_keys,
        fake_station_tarball(tmp_path, "2.0.0", 0),
        target="station",
        version="2.0.0",
    )
    station = Station(tmp_path, vendor_keys, {"station": StationInstaller(release_root)})
    http_files.fail_next = 2
    asyncio.run(station.update(f"{http_files.base_url}/{name}", retries=3, retryInterval=30))
    assert station.sent == ["Downloading", "Downloading", "Downloading", "Downloaded", "Installing"]
    assert station.clock.sleeps == [30, 30]
    assert http_files.requested == [f"/{name}"] * 3

    station.sent.clear()
    station.clock.sleeps.clear()
    station.state.save(None)
    station.boot()
    asyncio.run(station.update(f"{http_files.base_url}/missing.tar.gz", retries=2, retryInterval=5))
    assert station.sent == ["Downloading", "Downloading", "DownloadFailed"]
    assert station.clock.sleeps == [5]
    assert not station.state.path.exists()


def test_package_over_the_size_cap_is_not_downloaded(
    tmp_path: Path, vendor_keys: VendorKeys, http_files: HttpFiles, release_root: Path
) -> None:
    name = publish(
        http_files.root,
        vendor_keys,
        fake_station_tarball(tmp_path, "2.0.0", 0),
        target="station",
        version="2.0.0",
    )
    station = Station(
        tmp_path,
        vendor_keys,
        {"station": StationInstaller(release_root)},
        limits=UpdateLimits(max_package_bytes=100),
    )
    asyncio.run(station.update(f"{http_files.base_url}/{name}", retries=1))
    assert station.sent == ["Downloading", "DownloadFailed"]


def test_https_download_checks_the_server_certificate(
    tmp_path: Path,
    vendor_keys: VendorKeys,
    https_files: HttpFiles,
    transfer_ca: LoopbackCa,
    release_root: Path,
) -> None:
    name = publish(
        https_files.root,
        vendor_keys,
        fake_station_tarball(tmp_path, "2.0.0", 0),
        target="station",
        version="2.0.0",
    )
    # The system CA bundle does not know the test CA: the download must fail.
    untrusting = Station(tmp_path / "a", vendor_keys, {"station": StationInstaller(release_root)})
    asyncio.run(untrusting.update(f"{https_files.base_url}/{name}", retries=1))
    assert untrusting.sent == ["Downloading", "DownloadFailed"]
    assert https_files.requested == []

    trusting = Station(
        tmp_path / "b",
        vendor_keys,
        {"station": StationInstaller(release_root)},
        ssl_context=transfer_ca.client_context(),
    )
    asyncio.run(trusting.update(f"{https_files.base_url}/{name}", retries=1))
    assert trusting.sent == HAPPY
    assert StationInstaller(release_root).current_version() == "2.0.0"


def test_ftp_download_installs_a_wheel(
    tmp_path: Path, vendor_keys: VendorKeys, ftp_files: FtpFiles, release_root: Path
) -> None:
    wheel = tmp_path / "evse_station-3.0.0-py3-none-any.whl"
    files = {
        "app/__init__.py": '"""fake"""\n',
        "launcher/__main__.py": "print('station 3.0.0 from a wheel')\n",
        "evse_station-3.0.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: evse-station\n"
        "Version: 3.0.0\n",
        "evse_station-3.0.0.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\n"
        "Tag: py3-none-any\n",
    }
    with zipfile.ZipFile(wheel, "w") as archive:
        for member, text in files.items():
            archive.writestr(member, text)
        archive.writestr(
            "evse_station-3.0.0.dist-info/RECORD",
            "".join(f"{m},,\n" for m in files) + "evse_station-3.0.0.dist-info/RECORD,,\n",
        )
    name = publish(ftp_files.root, vendor_keys, wheel, target="station", version="3.0.0")
    station = Station(tmp_path, vendor_keys, {"station": StationInstaller(release_root)})
    asyncio.run(station.update(ftp_files.url(name), retries=1))
    assert station.sent == HAPPY
    current = release_root / "current"
    assert (current / "launcher" / "__main__.py").read_text() == files["launcher/__main__.py"]
    assert (current / "evse_station-3.0.0.dist-info" / "METADATA").exists()


def test_second_request_replaces_a_waiting_one_and_is_ignored_while_installing(
    tmp_path: Path, vendor_keys: VendorKeys, http_files: HttpFiles, release_root: Path
) -> None:
    name = publish(
        http_files.root,
        vendor_keys,
        fake_station_tarball(tmp_path, "2.0.0", 0),
        target="station",
        version="2.0.0",
    )
    go = tmp_path / "go"
    # The health check waits for a file: the install is still running when the third request comes.
    check = [
        sys.executable,
        "-c",
        f"import os, time\nwhile not os.path.exists({str(go)!r}): time.sleep(0.02)",
    ]
    station = Station(tmp_path, vendor_keys, {"station": StationInstaller(release_root, health_check=check)})

    async def scenario() -> None:
        updater = station.updater
        far = (T0 + timedelta(days=30)).isoformat()
        assert updater.update_firmware(
            {"location": f"{http_files.base_url}/first.tar.gz", "retrieveDate": far}
        )
        await asyncio.sleep(0)
        assert updater.update_firmware(
            {"location": f"{http_files.base_url}/{name}", "retrieveDate": T0.isoformat()}
        )
        for _ in range(500):
            if station.sent[-1:] == ["Installing"]:
                break
            await asyncio.sleep(0.01)
        assert not updater.update_firmware({"location": f"{http_files.base_url}/third", "retrieveDate": far})
        go.touch()
        await updater.wait()

    asyncio.run(scenario())
    assert http_files.requested == [f"/{name}"]
    assert station.sent == HAPPY
    assert StationInstaller(release_root).current_version() == "2.0.0"


def test_an_update_interrupted_while_downloading_starts_again_after_a_restart(
    tmp_path: Path, vendor_keys: VendorKeys, http_files: HttpFiles, release_root: Path
) -> None:
    name = publish(
        http_files.root,
        vendor_keys,
        fake_station_tarball(tmp_path, "2.0.0", 0),
        target="station",
        version="2.0.0",
    )
    station = Station(tmp_path, vendor_keys, {"station": StationInstaller(release_root)})
    request = {
        "location": f"{http_files.base_url}/{name}",
        "retrieve_date": T0.isoformat(),
        "attempts": 2,
        "retry_interval_s": 10,
    }
    station.state.save({"phase": "downloading", "request": request})  # what a power cut mid-download leaves

    async def scenario() -> None:
        await station.updater.resume()
        await station.updater.wait()

    asyncio.run(scenario())
    assert station.sent == HAPPY


def test_an_unconfirmed_release_is_rolled_back_after_failed_starts(
    tmp_path: Path, vendor_keys: VendorKeys, http_files: HttpFiles, release_root: Path
) -> None:
    name = publish(
        http_files.root,
        vendor_keys,
        fake_station_tarball(tmp_path, "2.0.0", 0),
        target="station",
        version="2.0.0",
    )
    station = Station(tmp_path, vendor_keys, {"station": StationInstaller(release_root)})
    asyncio.run(station.update(f"{http_files.base_url}/{name}"))
    command = [sys.executable, "-m", "app.updates.station_release", "--root", str(release_root), "pre-start"]
    for _ in range(3):  # the new release keeps dying before it confirms
        subprocess.run(command, check=True, cwd=REPO, capture_output=True, timeout=60)
        assert StationInstaller(release_root).current_version() == "2.0.0"
    subprocess.run(command, check=True, cwd=REPO, capture_output=True, timeout=60)
    assert StationInstaller(release_root).current_version() == "1.0.0"

    station.boot()  # the old release comes up and reports the failure
    asyncio.run(station.updater.resume())
    assert station.sent == [*HAPPY, "InstallationFailed"]
    assert release_dirs(release_root) == ["1.0.0"]


# ---- ESP32 images -------------------------------------------------------------------------------


def esp32_image(path: Path, *, corrupt: bool = False) -> Path:
    """A minimal valid ESP32 application image (ESP-IDF app image format: header, extended header, one
    IRAM segment, checksum, appended SHA-256), or one with a flipped payload byte."""
    import hashlib
    import struct

    data = bytes(range(64))
    body = struct.pack("<BBBBI", 0xE9, 1, 2, 0x20, 0x40080000)
    body += struct.pack("<BBBBHBHH", 0xEE, 0, 0, 0, 0, 0, 0, 0xFFFF) + bytes(4) + b"\x01"
    body += struct.pack("<II", 0x40080000, len(data)) + data
    checksum = 0xEF
    for byte in data:
        checksum ^= byte
    body += bytes(15 - len(body) % 16) + bytes([checksum])
    body += hashlib.sha256(body).digest()
    if corrupt:
        body = body[:40] + bytes([body[40] ^ 0xFF]) + body[41:]
    path.write_bytes(body)
    return path


FAKE_ESPTOOL = """
import json, subprocess, sys
args = sys.argv[1:]
if "image-info" in args:
    sys.exit(subprocess.run({real} + args).returncode)
with open({log!r}, "a") as log:
    log.write(json.dumps(args) + "\\n")
port = args[args.index("--port") + 1]
command = "write-flash" if "write-flash" in args else "verify-flash"
with open({fail!r}) as fail:
    sys.exit(2 if f"{{port}} {{command}}" in fail.read().splitlines() else 0)
"""


def test_image_info_accepts_a_valid_image_and_refuses_corrupt_ones(tmp_path: Path) -> None:
    flasher = EsptoolFlasher("/dev/ttyUSB0")
    info = asyncio.run(flasher.check_image(esp32_image(tmp_path / "good.bin")))
    assert (info.chip_id, info.segments) == (0, 1)
    with pytest.raises(FlashError, match="invalid"):
        asyncio.run(flasher.check_image(esp32_image(tmp_path / "bad.bin", corrupt=True)))
    (tmp_path / "junk.bin").write_bytes(b"not an image" * 10)
    with pytest.raises(FlashError, match="exited"):
        asyncio.run(flasher.check_image(tmp_path / "junk.bin"))
    with pytest.raises(FlashError, match="chip id 0"):
        asyncio.run(EsptoolFlasher("/dev/ttyUSB0", chip="esp32c6").check_image(tmp_path / "good.bin"))


def test_flash_command_lines() -> None:
    flasher = EsptoolFlasher("/dev/ttyUSB0", esptool=["esptool"])
    images = [(0x1000, Path("bootloader.bin")), (0x10000, Path("app.bin"))]
    assert flasher.write_command(images) == [
        "esptool", "--chip", "esp32", "--port", "/dev/ttyUSB0", "--baud", "460800", "--after", "no-reset",
        "write-flash", "0x1000", "bootloader.bin", "0x10000", "app.bin",
    ]  # fmt: skip
    assert flasher.verify_command(images) == [
        "esptool", "--chip", "esp32", "--port", "/dev/ttyUSB0", "--baud", "460800", "--after", "hard-reset",
        "verify-flash", "0x1000", "bootloader.bin", "0x10000", "app.bin",
    ]  # fmt: skip


def test_esp32_update_flashes_every_charger_and_rolls_all_back_when_one_fails(
    tmp_path: Path, vendor_keys: VendorKeys, http_files: HttpFiles
) -> None:
    log, fail = tmp_path / "esptool.log", tmp_path / "fail"
    fail.write_text("")
    script = tmp_path / "fake_esptool.py"
    script.write_text(FAKE_ESPTOOL.format(real=repr(default_esptool()), log=str(log), fail=str(fail)))
    flashers = [
        EsptoolFlasher(p, esptool=[sys.executable, str(script)]) for p in ("/dev/ttyUSB0", "/dev/ttyUSB1")
    ]
    installer = Esp32Installer(flashers, tmp_path / "esp32-store")
    v1 = publish(
        http_files.root,
        vendor_keys,
        esp32_image(tmp_path / "v1.bin"),
        target="esp32",
        version="1.0",
        offset=0x10000,
    )
    station = Station(tmp_path, vendor_keys, {"esp32": installer})
    asyncio.run(station.update(f"{http_files.base_url}/{v1}"))
    assert station.sent == [*HAPPY, "Installed"]
    assert installer.current_version() == "1.0"
    flashed = [json.loads(line) for line in log.read_text().splitlines()]
    assert [(a[a.index("--port") + 1], a[-3]) for a in flashed] == [
        ("/dev/ttyUSB0", "write-flash"), ("/dev/ttyUSB0", "verify-flash"),
        ("/dev/ttyUSB1", "write-flash"), ("/dev/ttyUSB1", "verify-flash"),
    ]  # fmt: skip
    assert all(a[-2] == "0x10000" and a[-1].endswith("v1.bin") for a in flashed)

    # Version 2 fails its read-back on the second charger: both get version 1 back.
    log.write_text("")
    fail.write_text("/dev/ttyUSB1 verify-flash\n")
    station.sent.clear()
    v2 = publish(
        http_files.root,
        vendor_keys,
        esp32_image(tmp_path / "v2.bin"),
        target="esp32",
        version="2.0",
        offset=0x10000,
    )
    asyncio.run(station.update(f"{http_files.base_url}/{v2}"))
    assert station.sent == [*HAPPY, "InstallationFailed"]
    assert installer.current_version() == "1.0"
    flashed = [json.loads(line) for line in log.read_text().splitlines()]
    assert [(a[a.index("--port") + 1], a[-3], Path(a[-1]).name) for a in flashed] == [
        ("/dev/ttyUSB0", "write-flash", "v2.bin"), ("/dev/ttyUSB0", "verify-flash", "v2.bin"),
        ("/dev/ttyUSB1", "write-flash", "v2.bin"), ("/dev/ttyUSB1", "verify-flash", "v2.bin"),
        ("/dev/ttyUSB0", "write-flash", "v1.bin"), ("/dev/ttyUSB0", "verify-flash", "v1.bin"),
        ("/dev/ttyUSB1", "write-flash", "v1.bin"), ("/dev/ttyUSB1", "verify-flash", "v1.bin"),
    ]  # fmt: skip

    # A corrupt image never reaches a charger.
    log.write_text("")
    station.sent.clear()
    bad = publish(
        http_files.root,
        vendor_keys,
        esp32_image(tmp_path / "v3.bin", corrupt=True),
        target="esp32",
        version="3.0",
        offset=0x10000,
    )
    asyncio.run(station.update(f"{http_files.base_url}/{bad}"))
    assert station.sent == [*HAPPY, "InstallationFailed"]
    assert log.read_text() == ""


def test_make_update_package_script_builds_what_the_station_accepts(tmp_path: Path) -> None:
    script = [sys.executable, str(REPO / "scripts" / "make_update_package.py")]
    private, public = tmp_path / "vendor.pem", tmp_path / "vendor.pub.pem"
    subprocess.run([*script, "keygen", str(private), str(public)], check=True, timeout=60)
    assert os.stat(private).st_mode & 0o777 == 0o600
    image = esp32_image(tmp_path / "firmware.bin")
    out = tmp_path / "pkg.tar.gz"
    subprocess.run(
        [
            *script,
            "build",
            "--key",
            str(private),
            "--target",
            "esp32",
            "--version",
            "1.4.0",
            "--out",
            str(out),
            f"{image}@0x10000",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    package = verify_package(out, load_public_key(public), tmp_path / "out", max_bytes=10**6)
    assert (package.target, package.version, package.files[0].offset) == ("esp32", "1.4.0", 0x10000)
    assert (tmp_path / "out" / "firmware.bin").read_bytes() == image.read_bytes()
