"""The station unit's command line (systemd/kiosk-session.sh) under a headless cage for the kiosk tests:
run as an unprivileged user, screenshots taken with grim in the kiosk's own Wayland session, and the
idle screen recognised on them by the kiosk theme's colours.

cage refuses to run as root (and CI runs as root), so the session runs as `nobody` through `setpriv`,
with a private runtime directory (mode 0700, its own) and state directory passed as systemd passes the
unit's RuntimeDirectory= and StateDirectory= ($RUNTIME_DIRECTORY, which the script makes the session's
XDG_RUNTIME_DIR, and $STATE_DIRECTORY, where the ledger goes; docs/deployment.md). The headless output
gets the panel's size through cage_headless_output.c (why that is needed is written there).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kiosk_ui.theme import load_theme

REPO = Path(__file__).resolve().parents[2]
SESSION_SCRIPT = REPO / "systemd" / "kiosk-session.sh"
VENV_PYTHON = REPO / ".venv" / "bin" / "python"
SHIM_SOURCE = Path(__file__).with_name("cage_headless_output.c")
BUILD_DIR = REPO / "build" / "cage-test"
USER, GROUP = "nobody", "nogroup"
POLL_S = 0.1  # how often a waiting test takes a screenshot

COLOURS = {name: int(value.lstrip("#"), 16) for name, value in load_theme().colours.items()}


def as_user(argv: list[str]) -> list[str]:
    """argv run as the unprivileged user, without root's supplementary groups."""
    return ["setpriv", f"--reuid={USER}", f"--regid={GROUP}", "--clear-groups", *argv]


def build_output_shim() -> Path:
    """The preloaded library that sizes cage's headless output (built once per version of its source)."""
    digest = hashlib.sha256(SHIM_SOURCE.read_bytes()).hexdigest()[:12]
    library = BUILD_DIR / f"headless-output-{digest}.so"
    if not library.is_file():
        BUILD_DIR.mkdir(parents=True, exist_ok=True)
        partial = library.with_suffix(".tmp")
        subprocess.run(
            [
                "gcc",
                "-O2",
                "-Wall",
                "-Werror",
                "-shared",
                "-fPIC",
                "-o",
                str(partial),
                str(SHIM_SOURCE),
                "-ldl",
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )
        partial.chmod(0o755)
        partial.rename(library)
    return library


def user_can_run(checkout: Path) -> str | None:
    """None when the user can run the station from this checkout with its .venv, else why not."""
    probe = subprocess.run(
        as_user([str(checkout / VENV_PYTHON.relative_to(REPO)), "-c", "import launcher, PySide6.QtWidgets"]),
        cwd="/",
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(checkout)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    return None if probe.returncode == 0 else probe.stderr.strip()[-400:]


@contextlib.contextmanager
def readable_checkout() -> Iterator[Path]:
    """This checkout where the user can read it: in place when it and its .venv are world-readable (as
    an installed release is), else bind-mounted (read-only) under a directory the user may enter, for a
    clone inside a directory closed to others (a CI clone under a 0700 directory)."""
    if user_can_run(REPO) is None:
        yield REPO
        return
    root = Path(tempfile.mkdtemp(prefix="kiosk-cage-checkout-"))
    root.chmod(0o755)
    mounted = root / "checkout"
    mounted.mkdir()
    try:
        subprocess.run(["mount", "--bind", "-o", "ro", str(REPO), str(mounted)], check=True, timeout=30)
        try:
            problem = user_can_run(mounted)
            if problem is not None:
                raise RuntimeError(f"user {USER} cannot run the station from {REPO} nor {mounted}: {problem}")
            yield mounted
        finally:
            subprocess.run(["umount", "--lazy", str(mounted)], check=False, timeout=30)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@dataclass
class SessionDirs:
    """A directory the unprivileged user can traverse, holding the site configuration (readable), the
    runtime directory (0700, the user's) and the state directory (the user's: the ledger goes there)."""

    root: Path
    config: Path
    runtime: Path
    state: Path


@contextlib.contextmanager
def session_dirs(config_text: str) -> Iterator[SessionDirs]:
    # Not under pytest's tmp_path: that sits in root's 0700 directory, which the user cannot enter.
    root = Path(tempfile.mkdtemp(prefix="kiosk-cage-"))
    try:
        root.chmod(0o755)
        config = root / "site.toml"
        config.write_text(config_text, encoding="utf-8")
        config.chmod(0o644)
        runtime, state = root / "run", root / "state"
        for path in (runtime, state):
            path.mkdir(mode=0o700)
            shutil.chown(path, USER, GROUP)
        yield SessionDirs(root, config, runtime, state)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def site_config(host: str, charger_ports: tuple[int, ...] | list[int]) -> str:
    """A site's configuration as an installed station has it (docs/configuration.md): chargers on the
    simulator, a tariff, the web face (on a free loopback port, so runs never collide)."""
    chargers = "".join(
        f'[[chargers]]\nid = "CP-{i + 1:02d}"\nlink = "tcp://{host}:{port}"\n\n'
        for i, port in enumerate(charger_ports)
    )
    return (
        'station_name = "Plaza Level 2"\n\n'
        f"{chargers}"
        '[tariff]\nenergy_price_per_kWh = "1.20"\nsession_fee = "1.00"\n\n'
        '[kiosk]\nstation_id = "PLAZA-L2"\nhelpline = "1-800-88-0000"\n\n'
        '[web]\nhost = "127.0.0.1"\nport = 0\n'
    )


@dataclass(frozen=True)
class Capture:
    """A screenshot: its size and its pixels as 0xRRGGBB, row by row."""

    width: int
    height: int
    pixels: array[int]

    def at(self, x: int, y: int) -> int:
        return self.pixels[y * self.width + x]

    def share(self, colour: int) -> float:
        return self.pixels.count(colour) / len(self.pixels)


def load_capture(path: Path) -> Capture:
    # Qt's image reader (the kiosk's own dependency) decodes the PNG; no display is needed for it.
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    if image.isNull():
        raise ValueError(f"{path} is not an image grim wrote")
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    assert image.bytesPerLine() == 4 * width  # 32-bit rows need no padding
    raw = array("I", bytes(image.constBits()))  # the image's 32-bit pixels, 0xAARRGGBB
    pixels = array("I", (value & 0xFFFFFF for value in raw))
    return Capture(width, height, pixels)


def idle_screen_problems(capture: Capture, size: tuple[int, int]) -> list[str]:
    """What keeps the capture from being the kiosk's idle screen filling the whole output (empty: it is).

    Text-free, from the theme's colours (assets/theme.json): the header band runs across the top edge
    and down both side edges to the same depth, the screen's background fills the rest of both side
    edges and the whole bottom edge (so no compositor background, title bar or frame at any edge or
    corner), and the idle screen's parts are there: connector cards (surface), their "Available"
    status (ok) and the wide "Tap your card to start" button (primary) in the lower half.
    """
    header, background = COLOURS["header"], COLOURS["background"]
    width, height = size
    if (capture.width, capture.height) != size:
        return [f"the capture is {capture.width}x{capture.height}, the output {width}x{height}"]
    problems = []
    top = {capture.at(x, 0) for x in range(width)}
    bottom = {capture.at(x, height - 1) for x in range(width)}
    if top != {header}:
        problems.append(f"top edge not all header colour: {sorted(map(hex, top))[:6]}")
    if bottom != {background}:
        problems.append(f"bottom edge not all background colour: {sorted(map(hex, bottom))[:6]}")
    depths = []
    for x in (0, width - 1):
        column = [capture.at(x, y) for y in range(height)]
        depth = next((y for y, colour in enumerate(column) if colour != header), height)
        depths.append(depth)
        if set(column[depth:]) != {background}:
            problems.append(f"edge x={x} below the header is not all background")
    if depths[0] != depths[1] or not 0.05 * height <= depths[0] <= 0.25 * height:
        problems.append(f"header band depth at the left and right edges: {depths} of {height} px")
    if black := capture.pixels.count(0x000000):
        problems.append(f"{black} black pixels (the compositor's empty output shows through)")
    if capture.share(COLOURS["surface"]) < 0.15:
        problems.append(f"connector cards (surface) cover {capture.share(COLOURS['surface']):.1%}")
    if capture.share(COLOURS["ok"]) < 0.001:
        problems.append("no 'Available' status colour (ok)")
    primary = COLOURS["primary"]
    lower = sum(1 for value in capture.pixels[(height // 2) * width :] if value == primary)
    if lower < 0.02 * width * height:
        problems.append(f"the card button (primary) covers {lower / (width * height):.1%} of the lower half")
    return problems


class KioskSession:
    """One run of the unit's command line, `kiosk-session.sh PYTHON CONFIG [options]`, as the user.

    display=True runs it as on a Pi with a screen, the screen being a headless cage output of `size`;
    display=False runs it without WLR_BACKENDS (and this machine has no /dev/dri). As the unit does, it
    runs the script, the .venv's python and the station's code from the checkout (`readable_checkout`),
    in its directory and with it as PYTHONPATH."""

    def __init__(
        self,
        dirs: SessionDirs,
        *,
        size: tuple[int, int] = (800, 480),
        display: bool = True,
        shim: Path | None = None,
        options: tuple[str, ...] = (),
        checkout: Path = REPO,
        log_name: str = "session.log",
        extra_env: dict[str, str] | None = None,
    ) -> None:
        self.dirs = dirs
        self.size = size
        self.checkout = checkout
        self.python = checkout / VENV_PYTHON.relative_to(REPO)
        self.log = dirs.root / log_name
        env = {
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(checkout),
            "HOME": str(dirs.state),  # the station user's home is its state directory
            "LANG": "C.UTF-8",
            # As systemd passes the unit's StateDirectory= and RuntimeDirectory=; the script makes the
            # latter the session's XDG_RUNTIME_DIR.
            "STATE_DIRECTORY": str(dirs.state),
            "RUNTIME_DIRECTORY": str(dirs.runtime),
        }
        if display:
            assert shim is not None, "a headless output needs the sizing library"
            env |= {
                "WLR_BACKENDS": "headless",
                "WLR_RENDERER": "pixman",
                "WLR_LIBINPUT_NO_DEVICES": "1",
                "LD_PRELOAD": str(checkout / shim.relative_to(REPO)),
                "HEADLESS_OUTPUT_SIZE": f"{size[0]}x{size[1]}",
            }
        env |= extra_env or {}  # e.g. NOTIFY_SOCKET and WATCHDOG_USEC, as systemd passes them
        script = checkout / SESSION_SCRIPT.relative_to(REPO)
        command = [str(script), str(self.python), str(dirs.config), *options]
        self.argv = as_user(["env", "-i", *(f"{k}={v}" for k, v in env.items()), *command])
        self.proc: subprocess.Popen[bytes] | None = None
        self.started_at = 0.0

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.started_at = time.monotonic()
            # setpriv, env and the script each exec the next: this pid is the unit's main PID.
            self.proc = subprocess.Popen(
                self.argv, cwd=self.checkout, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    @property
    def pid(self) -> int:
        assert self.proc is not None, "not started"
        return self.proc.pid

    def program(self, pid: int | None = None) -> str:
        """The executable the process runs now (after the execs), or "" once it is gone."""
        try:
            return os.readlink(f"/proc/{pid or self.pid}/exe")
        except OSError:
            return ""

    def children(self) -> list[int]:
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                with contextlib.suppress(OSError):
                    # The parent's pid is the field after the parenthesised name (proc(5), stat).
                    if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == self.pid:
                        found.append(int(entry.name))
        return found

    def station_pid(self, timeout_s: float = 10.0) -> int:
        """The station's process: cage's only client."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            children = self.children()
            if len(children) == 1 and "python" in self.program(children[0]):
                return children[0]
            time.sleep(0.02)
        raise AssertionError(f"cage has no station client after {timeout_s} s: {self.output()[-3000:]}")

    def environment(self, pid: int) -> dict[str, str]:
        """The environment a process of the session was started with (cage's for the station: its
        WAYLAND_DISPLAY and XDG_RUNTIME_DIR); empty once it is gone."""
        with contextlib.suppress(OSError):
            items = Path(f"/proc/{pid}/environ").read_bytes().decode().split("\0")
            return {name: value for name, _, value in (item.partition("=") for item in items) if name}
        return {}

    def capture(self, station: int, keep: Path | None = None) -> Capture | None:
        """A screenshot taken by grim inside the kiosk's session (the station's WAYLAND_DISPLAY and
        XDG_RUNTIME_DIR, as its user), its PNG copied to `keep` if given; None when there is no screen
        yet."""
        session = self.environment(station)
        if "WAYLAND_DISPLAY" not in session or "XDG_RUNTIME_DIR" not in session:
            return None
        env = {"PATH": "/usr/bin:/bin", **{k: session[k] for k in ("WAYLAND_DISPLAY", "XDG_RUNTIME_DIR")}}
        target = Path(session["XDG_RUNTIME_DIR"]) / "screen.png"
        # -l 1: the fastest PNG compression, so that polling stays near its period.
        done = subprocess.run(
            as_user(["grim", "-l", "1", str(target)]), env=env, capture_output=True, timeout=10
        )
        if done.returncode != 0 or not target.is_file():
            return None
        try:
            if keep is not None:
                shutil.copyfile(target, keep)
            return load_capture(target)
        finally:
            target.unlink(missing_ok=True)

    def wait_for_idle_screen(self, timeout_s: float, keep: Path | None = None) -> tuple[Capture, float]:
        """Screenshots every POLL_S until one shows the idle screen filling the output; returns it and
        the moment it was taken (time.monotonic(), when grim returned). `keep`: where the PNG of the
        last screenshot taken is copied (the idle screen's, or the last one seen before the timeout)."""
        deadline = time.monotonic() + timeout_s
        last: list[str] = ["no screenshot yet"]
        while time.monotonic() < deadline:
            begun = time.monotonic()
            if not self.running():
                raise AssertionError(f"the session ended ({self.returncode()}): {self.output()[-3000:]}")
            children = self.children()
            station = children[0] if len(children) == 1 else None
            shot = self.capture(station, keep) if station is not None else None
            if shot is not None:
                seen = time.monotonic()
                last = idle_screen_problems(shot, self.size)
                if not last:
                    return shot, seen
            time.sleep(max(0.0, POLL_S - (time.monotonic() - begun)))
        raise AssertionError(f"no idle screen within {timeout_s} s: {last}; output: {self.output()[-3000:]}")

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def returncode(self) -> int | None:
        return None if self.proc is None else self.proc.poll()

    def wait(self, timeout_s: float) -> int:
        assert self.proc is not None
        return self.proc.wait(timeout=timeout_s)

    def output(self) -> str:
        """What the session printed (cage, the script and the station, stdout and stderr)."""
        return self.log.read_text(errors="replace") if self.log.is_file() else ""

    def stop(self) -> None:
        """SIGTERM to the station (it stops in order; under cage, cage ends with its only client), then
        SIGKILL to anything left of the session."""
        if self.proc is not None and self.proc.poll() is None:
            station = self.children() if self.program().endswith("/cage") else [self.pid]
            for pid in station:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=10)
        self.kill_all()

    def kill_all(self) -> None:
        """SIGKILL to whatever is left of the session's processes (its process group)."""
        if self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=10)
