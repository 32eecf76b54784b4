"""The [demo] section: the simulated chargers and cars of a demonstration station."""

from __future__ import annotations

from dataclasses import dataclass

from app.config.schema import setting


@dataclass(frozen=True, kw_only=True)
class DemoSettings:
    """Demo mode: simulated chargers and scripted cars, for rehearsal and sales."""

    chargers: int = setting(4, minimum=1, maximum=128, doc="Simulated chargers started in demo mode")
    site_limit_mA: int = setting(
        40000,
        minimum=6000,
        maximum=2000000,
        doc="Demo site limit per phase, low enough to show the balancing",
    )
