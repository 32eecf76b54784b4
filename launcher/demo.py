"""Demo mode: the firmware simulator with virtual chargers, scripted cars and drivers who tap a demo card.

Used for rehearsal and sales: a car that plugs in is authorised through the session service (a demo
card), so every session is in the demo ledger with its meter values and cost; the load balancer
shares the site between the cars; a driver either stops at the station first or just unplugs.
"""

from __future__ import annotations

import dataclasses
import random
import secrets
import time
from typing import Any

from app.config import STATE_DIR, ConfiguredCharger, DatabaseSettings, StationConfig
from app.driver import DEMO_CARDS, seed_demo_cards
from app.runtime import StationRuntime
from app.sessions import SessionRefusedError
from app.tariffs import Tariff, tariff_from_dict
from hal.sim.control import SimControl
from hal.wire.messages import IecState

ARRIVAL_CHANCE_PER_TICK = 0.25
STOP_AT_STATION_CHANCE = 0.5  # the other drivers end their session by unplugging (EVDisconnected)
STAY_S = (20.0, 60.0)
DEMO_LEDGER = STATE_DIR / "demo-ledger.sqlite3"
# What the demo shows where a site configures its own (a made-up site, a number no one answers).
DEMO_SITE_NAME = "Demo Charging Hub"
DEMO_STATION_ID = "DEMO-01"
DEMO_HELPLINE = "1-800-00-0000"
DEMO_LANGUAGES = ("en", "ms", "zh_CN", "ta")
# A plausible Malaysian public AC tariff, tax inclusive (8 % SST), so the demo shows every line.
DEMO_TARIFF: Tariff = tariff_from_dict(
    {
        "energy_price_per_kWh": "1.20",
        "session_fee": "1.00",
        "idle_fee_per_minute": "0.50",
        "idle_grace_minutes": 10,
    }
)


def demo_ledger(config: StationConfig) -> bool:
    """The configuration's ledger is the demo's throw-away one (not a site's configured database): only
    there does the demo make its staff account with a published PIN (app/admin/demo.py)."""
    return config.database.url == f"sqlite:///{DEMO_LEDGER}"


def demo_link_keys(chargers: int) -> tuple[str, ...]:
    """A fresh link key per simulated charger, as commissioning would provision (hex, 32 bytes)."""
    return tuple(secrets.token_hex(32) for _ in range(chargers))


def sim_link_key_args(keys: tuple[str, ...]) -> list[str]:
    """The simulator's command-line options provisioning keys[i] in charger i."""
    return [arg for i, key in enumerate(keys) for arg in ("--link-key", f"{i}:{key}")]


def demo_config(
    config: StationConfig, charger_ports: tuple[int, ...], host: str, link_keys: tuple[str, ...] = ()
) -> StationConfig:
    """The station configuration pointing at the simulator's chargers, with the demo ledger and tariff
    unless the configuration names its own (demo sessions never land in the production ledger).
    link_keys[i], when given, is charger i's link key (the one the simulator was started with)."""
    chargers = tuple(
        ConfiguredCharger(
            id=f"SIM-{i:02d}", link=f"tcp://{host}:{port}", link_key=link_keys[i] if link_keys else ""
        )
        for i, port in enumerate(charger_ports)
    )
    site = dataclasses.replace(config.site, limit_mA=(config.demo.site_limit_mA,) * 3)
    database = config.database if config.database.url else DatabaseSettings(url=f"sqlite:///{DEMO_LEDGER}")
    return dataclasses.replace(
        config,
        chargers=chargers,
        groups=(),
        site=site,
        database=database,
        tariff=config.tariff or DEMO_TARIFF,
    )


class DemoScript:
    """Called once a second: cars arrive at free chargers, drivers tap a card, charge a while and leave."""

    def __init__(self, control: SimControl, seed: int | None = None) -> None:
        self.control = control
        self.rng = random.Random(seed)
        self.leave_at: dict[str, float] = {}
        self.next_card = 1
        self.cards_seeded = False

    async def __call__(self, runtime: StationRuntime) -> None:
        if not self.cards_seeded:
            # The demo's cards on the demo ledger's local list, so the kiosk's card taps authorise.
            seed_demo_cards(runtime.engine)
            self.cards_seeded = True
        now = time.monotonic()
        sessions = runtime.sessions
        for index, view in enumerate(runtime.station.manager.connectors().values()):
            if not view.available or view.status is None:
                continue
            cid = view.connector_id
            if cid in self.leave_at:
                if now >= self.leave_at[cid]:
                    del self.leave_at[cid]
                    if sessions.open_session(cid) is not None and self.rng.random() < STOP_AT_STATION_CHANCE:
                        await sessions.stop(cid, "Local")
                    await self.control.call("unplug", charger=index)
            elif view.status.iec_state == IecState.A and self.rng.random() < ARRIVAL_CHANCE_PER_TICK:
                await self.control.call(
                    "plug", charger=index, soc_pct=self.rng.randint(10, 70), battery_wh=60000
                )
                try:
                    await sessions.authorise(cid, DEMO_CARDS[(self.next_card - 1) % len(DEMO_CARDS)])
                except SessionRefusedError:
                    continue  # a session is still finishing there: this car waits for the next tick
                self.next_card += 1
                self.leave_at[cid] = now + self.rng.uniform(*STAY_S)


def demo_kiosk_config(config: StationConfig) -> StationConfig:
    """The demo kiosk offers every complete language, a site name, a station ID and a helpline unless
    the configuration sets them (a site sets its own: docs/kiosk.md, "What the site configures")."""
    kiosk = config.kiosk
    defaults = type(kiosk)()
    changes: dict[str, Any] = {}  # keyword arguments of dataclasses.replace, each checked by KioskSettings
    if kiosk.languages == defaults.languages:
        changes["languages"] = DEMO_LANGUAGES
    if not kiosk.helpline:
        changes["helpline"] = DEMO_HELPLINE
    if not kiosk.station_id:
        changes["station_id"] = DEMO_STATION_ID
    if changes:
        config = dataclasses.replace(config, kiosk=dataclasses.replace(kiosk, **changes))
    return config if config.station_name else dataclasses.replace(config, station_name=DEMO_SITE_NAME)
