"""The station unit's command line, systemd/kiosk-session.sh, on a (headless) display and without one.

With a display it runs the kiosk under cage: the first frame grim captures shows the idle screen filling
the whole output (800x480, the official 7" panel, and 1280x800), and since the kiosk and the station are
one process (docs/deployment.md), a crash of either ends both and the unit's next start (systemd's
Restart=always) brings the idle screen back. Without a display it runs the station headless.
Figures: process start -> first idle frame (target 3 s), crash -> idle screen back (target 5 s).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import figures
import pytest
from cage_session import (
    BUILD_DIR,
    REPO,
    USER,
    KioskSession,
    SessionDirs,
    build_output_shim,
    readable_checkout,
    session_dirs,
    site_config,
)

if TYPE_CHECKING:
    from conftest import RunningSim

pytestmark = pytest.mark.sim(chargers=2)

# systemd/evse-station.service.in: Restart=always, RestartSec=1. The test plays systemd: it runs the
# unit's command line again RESTART_SEC after the main process ended.
RESTART_SEC = 1.0
START_TARGET_S, BACK_TARGET_S = 3.0, 5.0
# Beyond these the test fails: the targets with room for a loaded 2-core CI machine.
START_LIMIT_S, BACK_LIMIT_S = 3 * START_TARGET_S, 3 * BACK_TARGET_S
SECTION = "kiosk under cage (headless output, grim)"


@pytest.fixture(scope="module")
def output_shim() -> Path:
    for tool in ("cage", "grim", "Xwayland", "gcc", "setpriv"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: ./station.sh setup installs it", pytrace=False)
    return build_output_shim()


@pytest.fixture(scope="module")
def checkout() -> Iterator[Path]:
    try:
        with readable_checkout() as path:
            if path != REPO:
                figures.report(SECTION, f"the checkout is closed to {USER}: run from a read-only bind mount")
            yield path
    except RuntimeError as err:
        pytest.fail(str(err), pytrace=False)


def ended_within(pid: int, timeout_s: float) -> bool:
    """The process (not our child) is gone: reaped, or a zombie with no thread left. Its main thread
    alone may be a zombie while other threads still run (proc(5)): that process has not ended yet."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            threads = len(os.listdir(f"/proc/{pid}/task"))
        except OSError:
            return True
        if state == "Z" and threads <= 1:
            return True
        time.sleep(0.02)
    return False


def cmdline(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")[:-1]


@pytest.mark.parametrize(
    ("size", "crashing"), [((800, 480), "station"), ((1280, 800), "compositor")], ids=["800x480", "1280x800"]
)
def test_kiosk_fills_the_output_and_comes_back_after_a_crash(
    realtime_sim: RunningSim,
    output_shim: Path,
    checkout: Path,
    size: tuple[int, int],
    crashing: str,
) -> None:
    width, height = size
    BUILD_DIR.mkdir(parents=True, exist_ok=True)
    with session_dirs(site_config(realtime_sim.host, realtime_sim.ports.charger_ports)) as dirs:
        first = KioskSession(dirs, size=size, shim=output_shim, checkout=checkout, log_name="first.log")
        first.start()
        try:
            _, seen = first.wait_for_idle_screen(30.0, keep=BUILD_DIR / f"idle-{width}x{height}.png")
            start_s = seen - first.started_at
            check_process_tree(first, dirs)
            station = first.station_pid()
            crashed_at = time.monotonic()
            if crashing == "station":
                # The station dies: cage, whose only client it was, ends too; systemd sees its main
                # PID go and restarts the unit. (cage 0.1.4 then exits with 0, not with its client's
                # fate: only Restart=always, not on-failure, restarts the unit here.)
                os.kill(station, signal.SIGSEGV)
                first.wait(10.0)
                assert ended_within(station, 1.0)
            else:
                # The compositor dies: the station loses its Wayland connection and its process ends by
                # itself (the one-process decision), rather than charging on without a kiosk that nothing
                # would bring back.
                os.kill(first.pid, signal.SIGSEGV)
                assert first.wait(10.0) == -signal.SIGSEGV
                assert ended_within(station, 10.0), f"the station outlived its compositor: {first.output()}"
            station_end_s = time.monotonic() - crashed_at
        finally:
            # systemd, once the main PID is gone, stops what is left in the unit's cgroup (nothing here,
            # unless an assertion failed) before it counts RestartSec.
            first.stop()
        assert (dirs.state / "ledger.sqlite3").is_file(), "the ledger is not in $STATE_DIRECTORY"

        time.sleep(RESTART_SEC)
        second = KioskSession(dirs, size=size, shim=output_shim, checkout=checkout, log_name="second.log")
        second.start()
        try:
            _, back = second.wait_for_idle_screen(30.0, keep=BUILD_DIR / f"idle-{width}x{height}-again.png")
            back_s, restart_s = back - crashed_at, back - second.started_at
            check_process_tree(second, dirs)
        finally:
            second.stop()

    figures.report(
        SECTION,
        f"{width}x{height}: process start -> first idle frame {start_s:.2f} s on a fresh state directory, "
        f"{restart_s:.2f} s on the next start (target {START_TARGET_S:.0f} s); {crashing} crash (SIGSEGV) -> "
        f"idle screen back {back_s:.2f} s (target {BACK_TARGET_S:.0f} s; the station's process gone "
        f"{station_end_s:.2f} s after the crash, RestartSec={RESTART_SEC:.0f} s)",
    )
    print(
        f"\n{width}x{height}: start -> idle {start_s:.2f} s (next start {restart_s:.2f} s), "
        f"{crashing} crash -> station gone {station_end_s:.2f} s -> idle again {back_s:.2f} s"
    )
    assert start_s <= START_LIMIT_S, f"first idle frame after {start_s:.2f} s"
    assert back_s <= BACK_LIMIT_S, f"idle screen back {back_s:.2f} s after the crash"


def check_process_tree(session: KioskSession, dirs: SessionDirs) -> None:
    """The unit's main PID is cage (the script exec'd it), in kiosk mode without VT switching, and its
    only client is the station, run as the unit's command line says, as the unprivileged user, in the
    session the script set up."""
    assert session.program() == "/usr/bin/cage", session.program()
    main = cmdline(session.pid)
    assert main[: main.index("--")] == ["cage", "-d"], main  # no -s: no way out by Ctrl+Alt+Fn
    station = session.station_pid()
    assert cmdline(station) == [
        str(session.python),
        "-m",
        "launcher",
        "--kiosk",
        "--config",
        str(dirs.config),
    ]
    status = Path(f"/proc/{station}/status").read_text().splitlines()
    uids = next(line for line in status if line.startswith("Uid:")).split()[1:]  # real, effective, saved, fs
    assert set(uids) == {str(pwd.getpwnam(USER).pw_uid)}, uids
    env = session.environment(station)
    assert env["XDG_RUNTIME_DIR"] == str(dirs.runtime) and env["QT_QPA_PLATFORM"] == "wayland", env
    assert "LD_PRELOAD" not in env, "the output's test library reached the kiosk"


def test_without_a_display_the_station_runs_headless(realtime_sim: RunningSim, checkout: Path) -> None:
    if glob.glob("/dev/dri/card*"):
        pytest.skip("this machine has a DRM device: the script would start cage here")
    with session_dirs(site_config(realtime_sim.host, realtime_sim.ports.charger_ports)) as dirs:
        session = KioskSession(dirs, display=False, options=("--duration", "2", "-v"), checkout=checkout)
        session.start()
        try:
            # The script exec'd the station: the unit's main PID is the headless station itself.
            deadline = time.monotonic() + 10.0
            while "python" not in session.program() and session.running() and time.monotonic() < deadline:
                time.sleep(0.02)
            assert "python" in session.program(), session.output()
            assert cmdline(session.pid)[1:] == [
                "-m", "launcher", "--headless", "--config", str(dirs.config), "--duration", "2", "-v"
            ]  # fmt: skip
            assert session.wait(30.0) == 0, session.output()
        finally:
            session.stop()
        output = session.output()
        assert "runs headless" in output
        assert "charger CP-01 online" in output and "charger CP-02 online" in output, output
        assert "wlroots" not in output and "[ERROR]" not in output, output  # cage never ran
        assert (dirs.state / "ledger.sqlite3").is_file()
