"""Starts the station: `python -m app` (demo mode on simulated chargers when none is configured)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from app.config import ConfigError, StationConfig, describe_schema, load_config
from app.db.schema_guard import DatabaseTooNewError
from app.demo import DemoScript, demo_config
from app.headless import run_station
from app.station_runtime import StationRuntimeError
from hal.simulator import SimControl, SimError, SimulatorProcess


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
    parser.add_argument("-v", "--verbose", action="store_true", help="log link events")
    return parser.parse_args(argv)


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
        config = load_config(args.config)
    except ConfigError as err:
        print(f"evse-station: configuration refused: {err}", file=sys.stderr)
        return 2
    try:
        if config.chargers and not args.demo:
            asyncio.run(run_station(config, duration_s=args.duration))
            return 0
        return run_demo(config, args)
    except KeyboardInterrupt:
        return 0
    except (StationRuntimeError, DatabaseTooNewError) as err:
        print(f"evse-station: refusing to start: {err}", file=sys.stderr)
        return 2


def run_demo(config: StationConfig, args: argparse.Namespace) -> int:
    try:
        with SimulatorProcess(chargers=config.demo.chargers) as sim:
            control = SimControl(sim.host, sim.ports.control_port).connect()
            script = DemoScript(control, seed=args.seed)
            print(
                f"demo mode: {config.demo.chargers} simulated chargers (evse-sim pid {sim.pid}); Ctrl-C stops"
            )
            try:
                asyncio.run(
                    run_station(
                        demo_config(config, sim.ports.charger_ports, sim.host),
                        duration_s=args.duration,
                        on_tick=script,
                    )
                )
            finally:
                control.close()
    except SimError as err:
        print(f"evse-station: the simulator failed: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
