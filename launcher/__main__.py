"""Starts the station: `python -m launcher` (demo mode on simulated chargers when none is configured).

The user interface: the kiosk (PySide6) when a display is available in demo mode or when asked for with
--kiosk / --windowed, else headless (the live table on stdout); docs/kiosk.md, "Demo mode".
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import logging
import os
import sys
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from app.admin import with_stored_overrides
from app.config import ConfigError, StationConfig, describe_schema, load_config
from app.db import DatabaseTooNewError
from app.runtime import StationRuntime, StationRuntimeError
from hal.display import set_backlight
from hal.sim.control import SimControl, SimError, SimulatorProcess
from launcher.analytics import AnalyticsSide
from launcher.demo import (
    DemoScript,
    demo_config,
    demo_kiosk_config,
    demo_ledger,
    demo_link_keys,
    sim_link_key_args,
)
from launcher.demo_payments import DemoPayments
from launcher.headless import ocpp_side, run_station
from launcher.payments import Companion, PaymentConfigError, build_payment_side
from launcher.service import service_watchdog

if TYPE_CHECKING:
    from app.admin import FirmwareSetup
    from hal.payments import PaymentProvider
    from kiosk_ui.app import KioskWindow


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="evse-station", description=__doc__)
    parser.add_argument("--config", type=Path, help="the site's TOML configuration file")
    parser.add_argument(
        "--demo", action="store_true", help="run on simulated chargers even if chargers are configured"
    )
    parser.add_argument(
        "--duration", type=float, metavar="S", help="stop after S seconds (default: run until Ctrl-C)"
    )
    parser.add_argument("--seed", type=int, help="random seed of the demo's car arrivals")
    parser.add_argument("--help-config", action="store_true", help="list every configuration key and exit")
    screen = parser.add_mutually_exclusive_group()
    screen.add_argument(
        "--headless", action="store_true", help="no screen: print the live state of every connector instead"
    )
    screen.add_argument(
        "--kiosk", action="store_true", help="show the driver kiosk full screen (needs a display)"
    )
    screen.add_argument(
        "--windowed",
        type=window_size,
        metavar="WxH",
        help="show the kiosk in a window of W x H pixels, e.g. 800x480 (the demo's default on a desktop)",
    )
    parser.add_argument(
        "--auto-cars",
        action="store_true",
        help="demo with the kiosk: scripted cars arrive and leave as in the headless demo",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log link events")
    return parser.parse_args(argv)


DEMO_WINDOW = (800, 480)  # the official 7" display: what a driver at the station sees
NO_DISPLAY_HINT = """\
evse-station: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set, nor QT_QPA_PLATFORM), so the
station runs headless and prints the live state of every connector. To skip this message:
    ./station.sh run --headless
To see the driver kiosk and the simulator panel, run it on a desktop session (X11 or Wayland), or over
SSH with X forwarding (ssh -X), or on a Raspberry Pi without a desktop with QT_QPA_PLATFORM=eglfs
(or under the cage compositor). The set-up has installed the libraries Qt needs (docs/kiosk.md)."""


def window_size(text: str) -> tuple[int, int]:
    """--windowed WxH: two positive integers."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit() or int(width) < 320 or int(height) < 240:
        raise argparse.ArgumentTypeError(f"{text!r} is not a window size such as 800x480 (at least 320x240)")
    return int(width), int(height)


def display_available(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Qt can show a window: an X11 or Wayland display, or a platform chosen explicitly (eglfs, offscreen)."""
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def choose_ui(args: argparse.Namespace, demo: bool) -> str:
    """headless, kiosk (full screen) or windowed. A configured station stays headless unless asked (the
    systemd unit and the scripts run it so); the demo shows the kiosk wherever there is a display."""
    if args.headless:
        return "headless"
    if args.kiosk or args.windowed:
        return "windowed" if args.windowed else "kiosk"
    if demo and display_available():
        return "windowed"
    if demo:
        print(NO_DISPLAY_HINT, file=sys.stderr, flush=True)
    return "headless"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.help_config:
        print("\n".join(describe_schema()))
        return 0
    try:
        # The file, then what admin mode changed on the station (app/admin/configuration_store.py).
        config = with_stored_overrides(load_config(args.config))
    except ConfigError as err:
        print(f"evse-station: configuration refused: {err}", file=sys.stderr)
        return 2
    demo = not config.chargers or args.demo
    ui = choose_ui(args, demo)
    if ui != "headless" and not display_available():
        print(
            "evse-station: --kiosk and --windowed need a display (DISPLAY, WAYLAND_DISPLAY or "
            "QT_QPA_PLATFORM, e.g. eglfs on a Pi without a desktop); or run with --headless",
            file=sys.stderr,
        )
        return 2
    try:
        if not demo:
            if ui == "headless":
                asyncio.run(run_headless(config, args.duration))
                return 0
            return run_with_kiosk(config, args, ui)
        return run_demo(config, args, ui)
    except KeyboardInterrupt:
        return 0
    except (StationRuntimeError, DatabaseTooNewError, PaymentConfigError) as err:
        print(f"evse-station: refusing to start: {err}", file=sys.stderr)
        return 2


def run_demo(config: StationConfig, args: argparse.Namespace, ui: str = "headless") -> int:
    try:
        link_keys = demo_link_keys(config.demo.chargers)
        with SimulatorProcess(chargers=config.demo.chargers, extra_args=sim_link_key_args(link_keys)) as sim:
            control = SimControl(sim.host, sim.ports.control_port).connect()
            script = DemoScript(control, seed=args.seed)
            print(
                f"demo mode: {config.demo.chargers} simulated chargers (evse-sim pid {sim.pid}); Ctrl-C stops"
            )
            station_config = demo_config(config, sim.ports.charger_ports, sim.host, link_keys)
            try:
                if ui == "headless":
                    runtime = StationRuntime(station_config, build_central_system=ocpp_side)
                    asyncio.run(
                        run_station(
                            station_config,
                            duration_s=args.duration,
                            on_tick=with_demo_account(script, station_config),
                            runtime=runtime,
                            companions=headless_companions(runtime, station_config),
                        )
                    )
                else:
                    # A human drives the kiosk from the simulator panel; scripted cars only when asked.
                    # Payments go to the simulated provider, and the panel plays the paying driver.
                    demo_payments = DemoPayments()
                    demo_payments.start()
                    try:
                        kiosk_demo = demo_payments.config(demo_kiosk_config(station_config))
                        return run_with_kiosk(
                            kiosk_demo,
                            args,
                            ui,
                            control=control,
                            # Full screen (the appliance before its chargers are listed): nobody
                            # drives a panel, so scripted cars come and go on the kiosk by themselves.
                            script=script if args.auto_cars or ui == "kiosk" else None,
                            payment_provider=demo_payments.provider(),
                            payment_actions=demo_payments.panel_actions(),
                        )
                    finally:
                        demo_payments.stop()
            finally:
                control.close()
    except SimError as err:
        print(f"evse-station: the simulator failed: {err}", file=sys.stderr)
        return 1
    return 0


async def run_headless(config: StationConfig, duration_s: float | None) -> None:
    """A site's station without a screen: payments settle and recover, and the web face (docs/web.md)
    serves the operators and the drivers' phones over the same facades the kiosk would use."""
    runtime = StationRuntime(config, build_central_system=ocpp_side)
    await run_station(
        config,
        duration_s=duration_s,
        runtime=runtime,
        companions=headless_companions(runtime, config),
        # On a terminal the live table; under systemd the journal would get one every second.
        print_table=sys.stdout.isatty(),
    )


def headless_companions(runtime: StationRuntime, config: StationConfig) -> list[Companion]:
    """Analytics, payments (when configured) and the web face over freshly built facades: what runs
    beside a station without a kiosk."""
    from app.admin import OperatorFacade
    from app.driver import DriverFacade
    from launcher.web import build_web_side

    payments = build_payment_side(runtime, config)
    analytics = AnalyticsSide(runtime, config)
    companions: list[Companion] = [analytics]
    if payments is not None:
        companions.append(payments)
    driver = DriverFacade(runtime, payments=payments.service if payments is not None else None)
    if payments is not None:
        payments.fetch = driver.receipt_pdf
    operators = OperatorFacade(
        runtime,
        settings=config.admin,
        payments=payments.service if payments is not None else None,
        analytics=analytics.analytics,
        driver=driver,
        firmware=firmware_setup(config, None),
    )
    web = build_web_side(config, driver, operators, start_driver=True)
    if web is not None:
        companions.append(web)
    # Last: started once everything else runs (READY=1), stopped first (STOPPING=1).
    watchdog = service_watchdog(runtime)
    if watchdog is not None:
        companions.append(watchdog)
    return companions


def run_with_kiosk(
    config: StationConfig,
    args: argparse.Namespace,
    ui: str,
    *,
    control: SimControl | None = None,
    script: DemoScript | None = None,
    payment_provider: PaymentProvider | None = None,
    payment_actions: Mapping[str, Callable[[], Awaitable[object]]] | None = None,
) -> int:
    """The station with the driver kiosk on a qasync loop (launcher.kiosk_host.run_kiosk); in demo mode the
    simulator panel opens beside it and the demo's cards are on the demo ledger's local list."""
    # Qt is imported only here: a headless station never loads it (docs/kiosk.md).
    from app.admin import OperatorFacade
    from app.driver import DriverFacade, seed_demo_cards
    from kiosk_ui.app import when_closed
    from launcher.kiosk_host import run_kiosk

    runtime = StationRuntime(config, build_central_system=ocpp_side)
    set_backlight(config.kiosk.brightness_percent)  # a Pi panel's backlight; nothing without one
    payments = build_payment_side(runtime, config, payment_provider)
    facade = DriverFacade(
        runtime,
        payments=payments.service if payments is not None else None,
        backlight=set_backlight,  # dimmed when idle (app/driver/screen_light.py)
    )
    if payments is not None:
        payments.fetch = facade.receipt_pdf  # phones fetch receipts through the driver's facade
    analytics = AnalyticsSide(runtime, config)
    # The admin mode's facade, beside the driver's: the same station, payments (refunds) and analytics.
    operators = OperatorFacade(
        runtime,
        settings=config.admin,
        payments=payments.service if payments is not None else None,
        analytics=analytics.analytics,
        driver=facade,  # the diagnostics' self-test checks its card reader
        firmware=firmware_setup(config, control),
    )
    operators.configuration.follow_driver(facade)  # live kiosk settings reach the driver's facade too
    from launcher.web import build_web_side

    web = build_web_side(config, facade, operators)
    # READY=1 waits for the kiosk's window as well as the ledger and the first polls.
    watchdog = service_watchdog(runtime, wait_for_ui=True)

    def on_shown(window: KioskWindow) -> None:
        from kiosk_ui.sim_panel import SimPanel

        panel = None
        seeding = None
        if control is not None:
            seed_demo_cards(runtime.engine)
            if demo_ledger(config):  # never a site's ledger: a real station has no account until add-user
                seeding = asyncio.ensure_future(show_demo_account(runtime, config))
        if control is not None and ui != "kiosk":
            # Beside a windowed kiosk only: under a kiosk compositor a second window would cover it.
            panel = SimPanel(
                control,
                facade,
                len(config.chargers),
                refusals=(SimError, OSError),
                payment_actions=payment_actions,
            )
            panel.resize(900, 720)
            panel.show()
        ticker = asyncio.ensure_future(tick_forever(script, runtime)) if script is not None else None

        def end_demo() -> None:
            # run_kiosk closes the window on every way out, before it stops the facade and the runtime:
            # the demo script stops and the panel closes, so the last window closing ends the demo.
            for task in (ticker, seeding):
                if task is not None:
                    task.cancel()
            if panel is not None:
                panel.close_panel()

        when_closed(window, end_demo)
        if watchdog is not None:
            watchdog.ui_shown()
        if args.duration is not None:
            asyncio.get_running_loop().call_later(args.duration, runtime.stopping.set)

    return run_kiosk(
        runtime,
        facade,
        fullscreen=ui == "kiosk",
        size=args.windowed or (DEMO_WINDOW if ui == "windowed" else None),
        argv=[sys.argv[0]],
        on_shown=on_shown,
        companions=[
            analytics,
            *([payments] if payments is not None else []),
            *([watchdog] if watchdog is not None else []),
        ],
        operators=operators,
        faces=[web] if web is not None else [],
    )


def firmware_setup(config: StationConfig, control: SimControl | None) -> FirmwareSetup:
    """Where admin mode's firmware updates find the vendor key and each charger's flasher: the
    [ocpp.firmware] settings; in the demo, the simulator's chargers flashed through its control port."""
    from app.admin import FirmwareSetup
    from hal.board.sim_flasher import SimulatedEsp32Flasher

    setup = FirmwareSetup.from_config(config)
    if control is None:
        return setup
    index = {charger.id: i for i, charger in enumerate(config.chargers)}

    def simulated(charger_id: str) -> SimulatedEsp32Flasher | None:
        i = index.get(charger_id)
        return None if i is None else SimulatedEsp32Flasher(control.host, control.port, i)

    return dataclasses.replace(setup, flasher_for=simulated)


async def show_demo_account(runtime: StationRuntime, config: StationConfig) -> None:
    """The demo's staff account on the demo's own ledger (made on the ledger's writer thread: argon2
    takes a moment) and how to sign in with it, printed where the demo was started (docs/admin.md)."""
    from app.admin import DEMO_ACCOUNT_NAME, DEMO_PIN, DEMO_WEB_PASSWORD, seed_demo_account

    number = await runtime.sessions.writer.run(lambda: seed_demo_account(runtime.engine, config.admin))
    print(
        f"admin mode: hold the idle screen's top-left corner for 3 s, then staff number {number}, "
        f"PIN {DEMO_PIN} (the demo ledger's account only)",
        flush=True,
    )
    if config.web.enabled:
        scheme = "https" if config.web.tls else "http"
        print(
            f"web dashboard: {scheme}://localhost:{config.web.port}/admin/ as {DEMO_ACCOUNT_NAME!r}, "
            f"password {DEMO_WEB_PASSWORD!r} (self-signed certificate: accept it once)",
            flush=True,
        )


def with_demo_account(
    script: DemoScript, config: StationConfig
) -> Callable[[StationRuntime], Awaitable[None]]:
    """The demo script, whose first tick also makes the demo's staff account (for admin mode and the
    web dashboard) on the demo's own ledger."""
    seeded = False

    async def tick(runtime: StationRuntime) -> None:
        nonlocal seeded
        if not seeded and demo_ledger(config):
            seeded = True
            await show_demo_account(runtime, config)
        await script(runtime)

    return tick


async def tick_forever(script: DemoScript, runtime: StationRuntime) -> None:
    """The headless demo's once-a-second script (cars arrive and leave), beside the kiosk."""
    while True:
        await asyncio.sleep(1.0)
        try:
            await script(runtime)
        except (SimError, OSError) as err:
            logging.getLogger(__name__).warning("demo script: %s", err)


if __name__ == "__main__":
    sys.exit(main())
