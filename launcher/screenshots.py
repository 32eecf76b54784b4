"""Renders every kiosk screen in every complete language at 800x480 and 1280x800 to PNGs and an index.html.

    .venv/bin/python -m launcher.screenshots --out build/screenshots      (or ./station.sh screenshots)

Offscreen (QT_QPA_PLATFORM=offscreen, no display needed), against the firmware simulator and the real
station: the states on screen are the station's own (a car charging, a car waiting for its card, a
ground fault, a blocked card...), not mock-ups. docs/kiosk.md, "Screenshots".
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import html
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

from PySide6.QtWidgets import QApplication, QWidget

from app.config import DatabaseSettings, KioskSettings, LinkSettings, StationConfig
from app.driver import DEMO_BLOCKED_CARD, DEMO_CARDS, DriverFacade, seed_demo_cards
from app.runtime import StationRuntime
from hal.sim.control import SimControl, SimError, SimulatorProcess
from kiosk_ui.app import KioskWindow
from kiosk_ui.i18n import I18N_DIR, available_languages
from kiosk_ui.main_thread_gc import collecting_in_main_thread
from kiosk_ui.sim_panel import UNKNOWN_CARD, SimPanel
from kiosk_ui.theme import load_theme
from launcher.demo import demo_config

SIZES: tuple[tuple[int, int], ...] = ((800, 480), (1280, 800))
REALTIME_FACTOR = 8  # energy and cost grow visibly within seconds; the host's clocks stay real
HELPLINE = "Helpline 1-800-00-0000 (24 h)"
WAIT_S = 30.0
# (file stem, what the reviewer sees): the order of the index.
SHOTS = (
    ("idle", "idle: connector 1 charging, 2 waiting for a card, 3 faulted, 4 available"),
    ("authorise", "authorise: hold your card to the reader"),
    ("refused_blocked", "a blocked card"),
    ("refused_unknown", "an unknown card"),
    ("pick", "pick a connector (two ready)"),
    ("plug", "plug in, with the time left"),
    ("charging", "charging with live values and the cost so far"),
    ("summary", "summary of the ended session"),
    ("fault", "fault screen (ground fault)"),
    ("out_of_service", "out of service (every charger's emergency stop pressed)"),
)


@dataclass(frozen=True)
class Shot:
    name: str
    language: str
    size: tuple[int, int]
    path: Path


def build_translations() -> None:
    """The .qm files from the .ts files when missing or older (the set-up does the same)."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in I18N_DIR.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60)


async def until(condition: Callable[[], Any], what: str, timeout_s: float = WAIT_S) -> Any:
    started = time.monotonic()
    while not (result := condition()):
        if time.monotonic() - started > timeout_s:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)
    return result


class Camera:
    """Grabs the kiosk windows (one per size) in each language; every PNG is recorded as a Shot."""

    def __init__(self, out: Path, windows: list[KioskWindow], languages: list[str], only: set[str]) -> None:
        self.out = out
        self.windows = windows
        self.languages = languages
        self.only = only
        self.shots: list[Shot] = []

    async def take(self, name: str) -> None:
        if self.only and name not in self.only:
            return
        for language in self.languages:
            # One translator per window; after all switched, each window's newest translator is this one.
            for window in self.windows:
                window.set_language(language)
            await asyncio.sleep(0.3)  # LanguageChange events and a facade refresh are delivered
            for window in self.windows:
                window.current_screen().refresh()
                size = (window.width(), window.height())
                if window.minimumSizeHint().height() > size[1]:
                    print(f"{name} {language}: needs {window.minimumSizeHint().toTuple()}", file=sys.stderr)
                path = self.out / f"{name}-{language}-{size[0]}x{size[1]}.png"
                if not grab(window).save(str(path)):
                    raise OSError(f"cannot write {path}")
                self.shots.append(Shot(name, language, size, path))

    def show(self, screen: str, context: dict[str, Any] | None = None) -> None:
        for window in self.windows:
            window.show_screen(screen, context or {})


def grab(widget: QWidget) -> Any:
    """The widget as the display would show it (rendered now; the caller let the loop run first)."""
    return widget.grab()


async def capture(
    sim: SimulatorProcess, out: Path, languages: list[str], sizes: tuple[tuple[int, int], ...], only: set[str]
) -> list[Shot]:
    """Drives the station through the states of SHOTS and photographs each."""
    ctl = SimControl(sim.host, sim.ports.control_port).connect()
    ledger = Path(tempfile.mkdtemp(prefix="kiosk-shots-")) / "ledger.sqlite3"
    config = demo_config(StationConfig(), sim.ports.charger_ports, sim.host)
    config = dataclasses.replace(
        config,
        database=DatabaseSettings(url=f"sqlite:///{ledger}"),
        # Heartbeats well inside the lease while the simulator runs faster than real time.
        link=LinkSettings(heartbeat_ms=200, lease_ms=8000),
        kiosk=KioskSettings(helpline=HELPLINE, languages=tuple(languages), default_language=languages[0]),
    )
    runtime = StationRuntime(config)
    await runtime.start()
    seed_demo_cards(runtime.engine)
    facade = DriverFacade(runtime)
    await facade.start()
    windows = []
    for width, height in sizes:
        window = KioskWindow(facade, theme=load_theme(width, height), message_s=3600.0, idle_timeout_s=3600.0)
        window.resize(width, height)
        window.show()
        windows.append(window)
    camera = Camera(out, windows, languages, only)
    panel = SimPanel(
        ctl, facade, len(sim.ports.charger_ports), poll_status=False, refusals=(SimError, OSError)
    )
    try:
        ids = [card.connector_id for card in facade.connectors()]
        c1, c2, c3, c4 = ids[:4]
        await until(lambda: all(c.state == "available" for c in facade.connectors()), "chargers online")
        # Connector 1 charging, 2 a car waiting for a card, 3 a ground fault, 4 available.
        await ctl.call("plug", charger=0, soc_pct=35)
        await until(lambda: c1 in facade.ready_connectors() and _card(facade, c1).vehicle_present, "car 1")
        await facade.present_card(DEMO_CARDS[0])
        session1 = await facade.start_session(c1, DEMO_CARDS[0])
        await ctl.call("plug", charger=1, soc_pct=60)
        await ctl.call("fault", charger=2, kind="ground", active=True)
        await until(lambda: _card(facade, c1).energy_Wh >= 50, "energy on connector 1")
        await until(lambda: _card(facade, c2).vehicle_present, "car 2")
        await until(lambda: _card(facade, c3).state == "faulted", "the fault on connector 3")
        camera.show("idle")
        await camera.take("idle")
        camera.show("charging", {"connector_id": c1, "session_id": session1, "own": True})
        await until(lambda: facade.running_cost_lines(c1, "en"), "the cost so far")
        await asyncio.sleep(1.2)  # the screen fetches the cost once a second
        await camera.take("charging")
        camera.show("authorise")
        await camera.take("authorise")
        await facade.present_card(DEMO_BLOCKED_CARD)  # the flow shows the refusal on every window
        await camera.take("refused_blocked")
        await facade.present_card(UNKNOWN_CARD)
        await camera.take("refused_unknown")
        outcome = await facade.present_card(DEMO_CARDS[1])  # connectors 2 and 4 are ready: pick
        assert outcome.kind == "authorised" and len(outcome.ready_connectors) == 2, outcome
        await camera.take("pick")
        session4 = await facade.start_session(c4, DEMO_CARDS[1])
        camera.show("plug", {"connector_id": c4, "session_id": session4})
        await camera.take("plug")
        await facade.stop_session(c1)
        camera.show("summary", {"session_id": session1})
        await camera.take("summary")
        camera.show("fault", {"connector_id": c3})
        await camera.take("fault")
        for index in range(len(ids)):
            await ctl.call("fault", charger=index, kind="estop", active=True)
        await until(lambda: not facade.ready_connectors(), "every connector out of service")
        await until(lambda: all(c.state == "faulted" for c in facade.connectors()), "every fault")
        camera.show("out_of_service")
        await camera.take("out_of_service")
        if not only or "panel" in only:
            await panel._refresh_status()
            panel.resize(900, 720)
            panel.show()
            for code in ("en", "ms"):
                panel.set_language(code)
                path = out / f"panel-{code}-900x720.png"
                grab(panel).save(str(path))
                camera.shots.append(Shot("panel", code, (900, 720), path))
    finally:
        panel.close_panel()
        for window in windows:
            window.close_kiosk()
            window.close()
            window.deleteLater()
        panel.deleteLater()
        await facade.stop()
        await runtime.stop()
        ctl.close()
        await asyncio.sleep(0.1)  # the deferred deletions run while the loop still turns
    return camera.shots


def _card(facade: DriverFacade, connector_id: str) -> Any:
    return next(c for c in facade.connectors() if c.connector_id == connector_id)


def write_index(out: Path, shots: list[Shot]) -> Path:
    """index.html: one section per screen, a row per language, the sizes side by side."""
    titles = dict(SHOTS) | {"panel": "the simulator panel (demo mode)"}
    parts = [
        "<!doctype html><meta charset='utf-8'><title>Kiosk screenshots</title>",
        "<style>body{font-family:sans-serif;margin:1em}img{border:1px solid #888;margin:4px;"
        "vertical-align:top}td{vertical-align:top}</style>",
        "<h1>Kiosk screenshots</h1>",
        f"<p>{len(shots)} images rendered offscreen against the simulator, "
        f"{time.strftime('%Y-%m-%d %H:%M')}. Shown at half size; click one for the file.</p>",
    ]
    names = list(dict.fromkeys(shot.name for shot in shots))
    for name in names:
        parts.append(f"<h2 id='{name}'>{html.escape(titles.get(name, name))}</h2><table>")
        for language in dict.fromkeys(s.language for s in shots if s.name == name):
            row = [s for s in shots if s.name == name and s.language == language]
            cells = "".join(
                f"<td><a href='{s.path.name}'><img src='{s.path.name}' width='{s.size[0] // 2}' "
                f"alt='{name} {language} {s.size[0]}x{s.size[1]}'></a><br>{s.size[0]}x{s.size[1]}</td>"
                for s in row
            )
            parts.append(f"<tr><th>{language}</th>{cells}</tr>")
        parts.append("</table>")
    index = out / "index.html"
    index.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return index


def run(
    out: Path,
    languages: list[str] | None = None,
    sizes: tuple[tuple[int, int], ...] = SIZES,
    only: set[str] | None = None,
) -> list[Shot]:
    """Starts a simulator with four chargers, renders the screenshots into out and writes index.html."""
    import qasync

    build_translations()
    out.mkdir(parents=True, exist_ok=True)
    existing = QApplication.instance()
    own_app = existing is None
    app = existing if isinstance(existing, QApplication) else QApplication(["kiosk-screenshots"])
    app.setQuitOnLastWindowClosed(False)
    codes = languages or [lang.code for lang in available_languages()]
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        with (
            SimulatorProcess(chargers=4, realtime_factor=REALTIME_FACTOR) as sim,
            loop,
            collecting_in_main_thread(),
        ):
            shots: list[Shot] = loop.run_until_complete(capture(sim, out, codes, sizes, only or set()))
    finally:
        asyncio.set_event_loop(None)
        if own_app:
            # Qt's objects are destroyed here, in the Qt thread, not in whatever order the
            # interpreter's teardown frees modules.
            app.shutdown()
    write_index(out, shots)
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosk-screenshots", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("build/screenshots"), help="output directory")
    parser.add_argument("--languages", help="comma-separated language codes (default: every complete one)")
    parser.add_argument(
        "--only", help="comma-separated screen names (default: all): " + ", ".join(dict(SHOTS))
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    shots = run(
        args.out,
        languages=args.languages.split(",") if args.languages else None,
        only=set(args.only.split(",")) if args.only else None,
    )
    took = time.monotonic() - started
    print(f"{len(shots)} screenshots in {args.out} ({took:.1f} s): {args.out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
