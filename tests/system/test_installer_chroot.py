"""The appliance installer (scripts/install-station.sh) in a fresh Debian root: what it leaves, and that a
second run changes nothing; and its refusals of an unsupported OS, architecture or user.

The root stands for a fresh Raspberry Pi OS Lite: debootstrap's minbase plus what Lite has that the
installer relies on (Python 3, systemd as init, udev, D-Bus, kmod, CA certificates, sudo, ip, ps),
a Pi's /boot/firmware/config.txt (Raspberry Pi OS bookworm's default) and an fstab that lists the SD
card's partitions. Left out on purpose, so that the installer is seen installing them: the time
synchronisation daemon and pam_systemd. Debian's release is the host's (bookworm on CI), so that
the Python packages come as wheels the host builds from its own pip cache (--wheels): the root has
no way to reach the Python package index itself, and downloading PySide6 twice per run would be slow.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from debian_root import DebianRoot, host_codename, tree_listing
from systemd_container import SystemdContainer

REPO = Path(__file__).resolve().parents[2]
INSTALLER = REPO / "scripts" / "install-station.sh"
ROOT = "/opt/evse-station"
SOURCE = "/usr/src/evse-station"  # where the technician's checkout lies in the root
WHEELS = "/var/cache/evse-wheels"
# What a Raspberry Pi OS Lite has beyond debootstrap's minbase, as far as the installer is concerned.
LITE_PACKAGES = ["python3", "systemd", "systemd-sysv", "udev", "dbus", "kmod", "ca-certificates", "sudo"]
LITE_PACKAGES += ["iproute2", "procps"]
# Raspberry Pi OS bookworm's /boot/firmware/config.txt as the image ships it.
PI_CONFIG_TXT = """\
# For more options and information see
# http://rptl.io/configtxt
# Some settings may impact device functionality. See link above for details

# Uncomment some or all of these to enable the optional hardware interfaces
#dtparam=i2c_arm=on
#dtparam=i2s=on
#dtparam=spi=on

# Enable audio (loads snd_bcm2835)
dtparam=audio=on

# Automatically load overlays for detected cameras
camera_auto_detect=1

# Automatically load overlays for detected DSI displays
display_auto_detect=1

# Automatically load initramfs files, if found
auto_initramfs=1

# Enable DRM VC4 V3D driver
dtoverlay=vc4-kms-v3d
max_framebuffers=2

# Don't have the firmware create an initial video= setting in cmdline.txt.
# Use the kernel's default instead.
disable_fw_kms_setup=1

# Run in 64-bit mode
arm_64bit=1

# Disable compensation for displays with overscan
disable_overscan=1

# Run as fast as firmware / board allows
arm_boost=1

[cm4]
# Enable host mode on the 2711 built-in XHCI USB controller.
# This line should be removed if the legacy DWC2 controller is required
# (e.g. for USB device mode) or if USB device mode is enabled.
otg_mode=1

[cm5]
dtoverlay=dwc2,dr_mode=host

[all]
"""
# The SD card's partitions, with the options Debian's installer writes (no noatime yet).
FSTAB = """\
proc            /proc           proc    defaults          0       0
PARTUUID=4e639091-01  /boot/firmware  vfat    defaults          0       2
PARTUUID=4e639091-02  /               ext4    defaults          0       1
"""
BOOT_LINES = ["dtparam=i2c_arm=on", "dtparam=i2c_arm_baudrate=400000", "dtparam=watchdog=on"]
GROUPS = {"i2c", "dialout", "video", "render", "input"}


def _working_tree_files() -> list[str]:
    """The checkout as it is now: tracked and new files, without ignored ones and deleted ones."""
    listed = subprocess.run(
        ["git", "-C", str(REPO), "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [name for name in listed.split("\0") if name and (REPO / name).exists()]


def _copy_checkout(into: Path) -> None:
    into.mkdir(parents=True)
    names = "\0".join(_working_tree_files()).encode()
    pack = subprocess.Popen(
        ["tar", "-C", str(REPO), "--null", "-T", "-", "-cf", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    unpack = subprocess.Popen(["tar", "-C", str(into), "-xf", "-"], stdin=pack.stdout)
    assert pack.stdin is not None and pack.stdout is not None
    pack.stdout.close()
    pack.stdin.write(names)
    pack.stdin.close()
    assert pack.wait() == 0 and unpack.wait() == 0


PIP_WHEEL = [sys.executable, "-m", "pip", "wheel", "-q", "--disable-pip-version-check"]


def _wheelhouse(into: Path) -> None:
    """Wheels of the station's dependencies, built by the host's pip (from its cache when it has them)."""
    requirements = into.parent / "requirements.txt"
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    requirements.write_text("\n".join(project["dependencies"]) + "\n")
    subprocess.run(
        [*PIP_WHEEL, "-w", str(into), "-r", str(requirements)],
        capture_output=True,
        check=True,
        timeout=1200,
    )


class Installed:
    """The root after the installer's first run, and what that run printed."""

    def __init__(self, root: DebianRoot, logs: Path) -> None:
        self.root = root
        self.path = root.path
        self.logs = logs
        self.output = ""

    def install(self, name: str, *options: str) -> subprocess.CompletedProcess[str]:
        started = time.monotonic()
        command = ["bash", f"{SOURCE}/scripts/install-station.sh", "--wheels", WHEELS, *options]
        result = self.root.run(command, timeout=1800)
        (self.logs / f"{name}.log").write_text(result.stdout + result.stderr)
        print(f"{name}: {time.monotonic() - started:.1f} s")
        return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    if os.geteuid() != 0:
        pytest.skip("the installer's test needs root (debootstrap, chroot, mounts), as CI runs it")
    work = tmp_path_factory.mktemp("installer")
    started = time.monotonic()
    wheels = work / "wheels"
    _wheelhouse(wheels)
    wheel_s = time.monotonic() - started
    suite = host_codename()
    with DebianRoot.create(
        work / "root", suite=suite, include=LITE_PACKAGES, log=work / "debootstrap.log"
    ) as root:
        debootstrap_s = time.monotonic() - started - wheel_s
        python = root.run(["python3", "-c", "import sys; print(sys.version_info[:2])"]).stdout
        assert python.strip() == str(tuple(sys.version_info[:2])), "the host's wheels need the same Python"
        (root.path / "boot/firmware").mkdir(parents=True)
        (root.path / "boot/firmware/config.txt").write_text(PI_CONFIG_TXT)
        (root.path / "etc/fstab").write_text(FSTAB)
        _copy_checkout(root.path / SOURCE.lstrip("/"))
        root.bind(wheels, WHEELS)
        # The fresh image's state the installer must change (else the assertions below prove nothing).
        assert (root.path / "etc/systemd/system/getty.target.wants/getty@tty1.service").is_symlink()
        assert not (root.path / "etc/systemd/system/sysinit.target.wants/systemd-timesyncd.service").exists()
        run = Installed(root, work)
        first_started = time.monotonic()
        result = run.install("install-1")
        run.output = result.stdout + result.stderr
        assert result.returncode == 0, run.output[-4000:]
        print(
            f"installer test: wheels {wheel_s:.0f} s, debootstrap {debootstrap_s:.0f} s, "
            f"first install {time.monotonic() - first_started:.0f} s"
        )
        yield run
    shutil.rmtree(wheels)  # 300 MB that pytest would otherwise keep with the logs


def _in_root(installed: Installed, *args: str) -> str:
    result = installed.root.run(list(args))
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.mark.slow
def test_user_and_groups(installed: Installed) -> None:
    _, _, uid, gid, _, home, shell = _in_root(installed, "getent", "passwd", "evse").strip().split(":")
    assert int(uid) < 1000, "a system account"
    assert (home, shell) == ("/var/lib/evse-station", "/usr/sbin/nologin")
    assert set(_in_root(installed, "id", "-nG", "evse").split()) == GROUPS | {"evse"}
    state = (installed.path / "var/lib/evse-station").stat()
    assert (state.st_uid, state.st_gid, oct(state.st_mode & 0o7777)) == (int(uid), int(gid), "0o750")


@pytest.mark.slow
def test_release_layout_runs_as_the_station_user(installed: Installed) -> None:
    root = installed.path / ROOT.lstrip("/")
    version = re.search(r'^version = "(.+)"$', (REPO / "pyproject.toml").read_text(), re.M)
    assert version is not None
    releases = sorted(p.name for p in (root / "releases").iterdir())
    assert len(releases) == 1 and re.fullmatch(rf"{re.escape(version[1])}-\d{{8}}T\d{{6}}-\d+", releases[0])
    assert os.readlink(root / "current") == f"releases/{releases[0]}"
    release = root / "releases" / releases[0]
    assert json.loads((release / "RELEASE.json").read_text()) == {"version": version[1], "name": releases[0]}
    assert not (root / "boot-guard.json").exists(), "a technician's install is confirmed"
    assert list((release / "app/balancing").glob("_allocator.cpython-*.so")), "the native module is built"
    assert list((release / "kiosk_ui/i18n").glob("*.qm")), "the translations are compiled"
    assert not (release / "tests").exists() and not (release / ".git").exists()
    # The updater (the station, user evse) owns the releases; root owns the environment.
    evse = int(_in_root(installed, "id", "-u", "evse"))
    assert (release / "app/__init__.py").stat().st_uid == evse
    assert (root / "venv/bin/python").lstat().st_uid == 0
    assert oct(root.stat().st_mode & 0o7777) == "0o1775"
    # The release runs from the venv, as the station's user, the way the unit starts it.
    help_config = installed.root.run(
        [
            "runuser",
            "-u",
            "evse",
            "--",
            "sh",
            "-c",
            f"cd {ROOT}/current && {ROOT}/venv/bin/python -m launcher --help-config",
        ],
        env={"PYTHONPATH": f"{ROOT}/current"},
    )
    assert help_config.returncode == 0, help_config.stderr
    assert "link.poll_hz" in help_config.stdout
    native = installed.root.run(
        ["runuser", "-u", "evse", "--", f"{ROOT}/venv/bin/python", "-c", "import app.balancing._allocator"],
        env={"PYTHONPATH": f"{ROOT}/current"},
    )
    assert native.returncode == 0, native.stderr


@pytest.mark.slow
def test_site_configuration_from_the_template(installed: Installed) -> None:
    site = installed.path / "etc/evse-station/site.toml"
    st = site.stat()
    evse_gid = int(_in_root(installed, "getent", "group", "evse").split(":")[2])
    assert (oct(st.st_mode & 0o7777), st.st_uid, st.st_gid) == ("0o640", 0, evse_gid)
    template = (REPO / "systemd/site.toml.template").read_text()
    assert site.read_text() == template.replace("@ROOT@", ROOT)


@pytest.mark.slow
def test_units_rendered_verified_and_enabled(installed: Installed) -> None:
    units = installed.path / "etc/systemd/system"
    sources = sorted((REPO / "systemd").glob("*.in"))
    assert any(s.name == "evse-station.service.in" for s in sources)
    for source in sources:
        unit = units / source.name.removesuffix(".in")
        assert unit.read_text() == source.read_text().replace("@ROOT@", ROOT)
        for target in re.findall(r"^WantedBy=(.+)$", unit.read_text(), re.M):
            link = units / f"{target}.wants" / unit.name
            assert link.is_symlink() and os.readlink(link) == f"/etc/systemd/system/{unit.name}", link
    assert "systemd-analyze verify" not in installed.output, installed.output
    for pam in (REPO / "systemd").glob("pam-*"):
        assert (installed.path / "etc/pam.d" / pam.name.removeprefix("pam-")).read_text() == pam.read_text()
    assert not (units / "getty.target.wants/getty@tty1.service").exists(), "tty1 is the kiosk's"
    assert (units / "sysinit.target.wants/systemd-timesyncd.service").is_symlink(), "time sync enabled"
    assert (units / "local-fs.target.wants/tmp.mount").is_symlink(), "/tmp in RAM"


@pytest.mark.slow
def test_boot_and_system_settings(installed: Installed) -> None:
    config = (installed.path / "boot/firmware/config.txt").read_text().splitlines()
    for line in BOOT_LINES:
        assert config.count(line) == 1, line
    # The image's file as it was, but the commented-out I2C line made active in place, as raspi-config
    # does; the other settings appended (the file ends under [all], so they apply to every model).
    head = ["dtparam=i2c_arm=on" if x == "#dtparam=i2c_arm=on" else x for x in PI_CONFIG_TXT.splitlines()]
    assert config[: len(head)] == head
    added = [x for x in config[len(head) :] if x.strip() and not x.startswith("#")]
    assert added == ["dtparam=i2c_arm_baudrate=400000", "dtparam=watchdog=on"]
    fstab = (installed.path / "etc/fstab").read_text()
    assert fstab == FSTAB.replace("ext4    defaults  ", "ext4    defaults,noatime  ")
    drop_ins = {
        "etc/systemd/journald.conf.d/evse.conf": "Storage=persistent",
        "etc/systemd/system.conf.d/evse-watchdog.conf": "RuntimeWatchdogSec=15s",
        "etc/modules-load.d/evse-i2c.conf": "i2c-dev",
        "etc/sysctl.d/90-evse.conf": "kernel.sysrq = 0",
    }
    for path, line in drop_ins.items():
        assert line in (installed.path / path).read_text().splitlines(), path


@pytest.mark.slow
def test_second_run_changes_nothing(installed: Installed) -> None:
    tops = ["etc", ROOT.lstrip("/"), "boot", "var/lib/evse-station"]
    before = tree_listing(installed.path, tops)
    result = installed.install("install-2")
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    after = tree_listing(installed.path, tops)
    changed = {
        p: (before.get(p), after.get(p))
        for p in before.keys() | after.keys()
        if before.get(p) != after.get(p)
    }
    assert not changed, sorted(changed)
    assert "nothing changed" in result.stdout


# --- Refusals: fast, on the host. The script runs as an unprivileged user, so that a refusal that
# failed to happen could still not install anything on this machine.


def _os_release(pretty: str, os_id: str, codename: str) -> str:
    return f'PRETTY_NAME="{pretty}"\nID={os_id}\nVERSION_CODENAME={codename}\n'


DEBIAN_12 = _os_release("Debian GNU/Linux 12 (bookworm)", "debian", "bookworm")


def _refuse(os_release: str, arch: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as tmp:
        # Readable by the unprivileged user (pytest's own temporary directories are root's only).
        os.chmod(tmp, 0o755)
        fake = Path(tmp) / "os-release"
        fake.write_text(os_release)
        script = Path(tmp) / "install-station.sh"
        script.write_bytes(INSTALLER.read_bytes())
        unprivileged = (
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
        )
        return subprocess.run(
            [*unprivileged, "bash", str(script), "--root", "/nonexistent/evse"],
            cwd=tmp,
            env={
                "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
                "EVSE_INSTALL_OS_RELEASE": str(fake),
                "EVSE_INSTALL_ARCH": arch,
            },
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )


@pytest.mark.parametrize(
    ("os_release", "arch", "reason"),
    [
        (
            _os_release("Ubuntu 24.04.1 LTS", "ubuntu", "noble"),
            "arm64",
            "unsupported operating system: Ubuntu 24.04.1 LTS",
        ),
        (
            _os_release("Debian GNU/Linux 11 (bullseye)", "debian", "bullseye"),
            "arm64",
            "unsupported operating system: Debian GNU/Linux 11 (bullseye)",
        ),
        (
            _os_release("Raspbian GNU/Linux 12 (bookworm)", "raspbian", "bookworm"),
            "armhf",
            "unsupported architecture: armhf (32-bit ARM)",
        ),
        (DEBIAN_12, "i386", "unsupported architecture: i386"),
        (DEBIAN_12, "arm64", "must run as root"),
    ],
    ids=["ubuntu", "bullseye", "pi-os-32-bit", "i386", "not-root"],
)
def test_refuses_with_a_clear_message(os_release: str, arch: str, reason: str) -> None:
    result = _refuse(os_release, arch)
    assert result.returncode == 1
    assert reason in result.stderr, result.stderr
    assert "installing" not in result.stdout + result.stderr, "refused before doing anything"


@pytest.mark.slow
def test_existing_site_configuration_is_kept(installed: Installed) -> None:
    other = installed.path / "root/other-site.toml"
    other.write_text('station_name = "Somewhere else"\n')
    tops = ["etc", ROOT.lstrip("/"), "boot"]
    before = tree_listing(installed.path, tops)
    result = installed.install("install-3", "--config", "/root/other-site.toml")
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    after = tree_listing(installed.path, tops)
    assert after == before, sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))
    assert "/etc/evse-station/site.toml exists and was kept" in result.stderr


@pytest.mark.slow
def test_changed_source_is_a_new_release_beside_the_old(installed: Installed) -> None:
    releases = installed.path / ROOT.lstrip("/") / "releases"
    (old,) = releases.iterdir()
    site = (installed.path / "etc/evse-station/site.toml").read_bytes()
    with open(installed.path / SOURCE.lstrip("/") / "README.md", "a") as readme:
        readme.write("\nA line the next release has.\n")
    result = installed.install("install-4")
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    root = installed.path / ROOT.lstrip("/")
    (new,) = (p for p in releases.iterdir() if p != old)
    # The updater's layout: the new release current, the old one kept as previous for rollback.
    assert os.readlink(root / "current") == f"releases/{new.name}"
    assert os.readlink(root / "previous") == f"releases/{old.name}"
    assert (new / "README.md").read_text().endswith("A line the next release has.\n")
    assert not (old / "README.md").read_text().endswith("A line the next release has.\n")
    evse = int(_in_root(installed, "id", "-u", "evse"))
    assert {(root / n).lstat().st_uid for n in ("current", "previous")} == {evse}
    assert (installed.path / "etc/evse-station/site.toml").read_bytes() == site
    # Run from the installed release itself, the installer finds it installed already.
    again = installed.root.run(["bash", f"{ROOT}/current/scripts/install-station.sh", "--wheels", WHEELS])
    assert again.returncode == 0 and "nothing changed" in again.stdout, again.stdout + again.stderr


# The container has no tty1, no display and no seat with VTs: the unit's terminal is the console (on
# tty1 pam_systemd would ask logind for a session on VT 1, which a container's seat refuses), and its
# session script takes the headless branch; the rest of the unit (user, PAM session, sandbox,
# watchdog, restart and kill settings) runs as installed. A shorter WatchdogSec keeps the hang short.
CONTAINER_DROP_IN = """\
[Service]
TTYPath=/dev/console
StandardInput=null
TTYReset=no
TTYVHangup=no
TTYVTDisallocate=no
UtmpIdentifier=
WatchdogSec=5
"""
WATCHDOG_IN_CONTAINER_S = 5.0


@pytest.mark.slow
@pytest.mark.sim(chargers=2)
def test_systemd_starts_restarts_and_stops_the_installed_station(installed: Installed, realtime_sim) -> None:
    """The installed root booted with its own systemd (systemd-nspawn): the station becomes active only
    with READY=1, is restarted after a crash and after a hang (the watchdog), and stops in order."""
    sim = realtime_sim
    path = installed.path
    chargers = "".join(
        f'[[chargers]]\nid = "CP-{i + 1}"\nlink = "tcp://{sim.host}:{port}"\n'
        for i, port in enumerate(sim.ports.charger_ports)
    )
    site = path / "etc/evse-station/site.toml"
    site.write_text(f'{chargers}[tariff]\nenergy_price_per_kWh = "1.20"\n[web]\nenabled = false\n')
    drop_in = path / "etc/systemd/system/evse-station.service.d/container.conf"
    drop_in.parent.mkdir()
    drop_in.write_text(CONTAINER_DROP_IN)
    installed.root.unmount_all()  # the container mounts its own /proc, /sys and /dev
    container = SystemdContainer(path, installed.logs / "container.log")
    unit = "evse-station.service"
    props = ("ActiveState", "SubState", "MainPID", "NRestarts", "StatusText", "Result")

    def restarted(times: int) -> bool:
        state = container.show(unit, *props)
        return state.get("NRestarts") == str(times) and state["ActiveState"] == "active"

    try:
        # Type=notify: "active" only once READY=1 came, with the STATUS the station sent.
        booted = time.monotonic()
        container.wait_for(lambda: container.show(unit, *props).get("ActiveState") == "active", 90.0)
        state = container.show(unit, *props)
        assert state["StatusText"] == "2 of 2 chargers online", (state, container.journal(unit)[-3000:])
        main = state["MainPID"]
        command = container.run(["cat", f"/proc/{main}/cmdline"]).stdout.split("\0")
        assert command[1:5] == ["-m", "launcher", "--headless", "--config"], command
        owner = container.run(["stat", "-c", "%U", "/var/lib/evse-station/ledger.sqlite3"]).stdout.strip()
        assert owner == "evse"
        print(f"\nboot -> station active (READY=1): {time.monotonic() - booted:.1f} s")

        # A crash: systemd starts it again (Restart=always, RestartSec=1).
        crashed = time.monotonic()
        container.run(["kill", "-SEGV", main])
        back = container.wait_for(lambda: restarted(1), 60.0)
        print(f"crash -> active again: {back - crashed:.1f} s")
        main = container.show(unit, "MainPID")["MainPID"]

        # A hang (the process stopped): no WATCHDOG=1 for WatchdogSec, systemd aborts it and restarts it.
        hung = time.monotonic()
        container.run(["kill", "-STOP", main])
        back = container.wait_for(lambda: restarted(2), 60.0)
        print(f"hang -> restarted by the watchdog -> active again: {back - hung:.1f} s")
        # A stopped process neither pings nor ends by itself: only the watchdog, WatchdogSec after the
        # last ping, can have ended it (SIGABRT, then SIGKILL).
        assert back - hung >= WATCHDOG_IN_CONTAINER_S - 1.0, back - hung

        # A stop: SIGTERM to the station alone (KillMode=mixed), which stops in order and exits 0.
        assert container.run(["systemctl", "stop", unit]).returncode == 0
        state = container.show(unit, *props, "ExecMainStatus")
        assert state["ActiveState"] == "inactive" and state["Result"] == "success", state
        assert state["ExecMainStatus"] == "0", state
    finally:
        container.stop()
