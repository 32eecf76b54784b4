"""The [site], [[site.groups]] and [balancer] sections: the supply, its feeders and how power is shared."""

from __future__ import annotations

from dataclasses import dataclass

from app.config.schema import ID_PATTERN, setting


@dataclass(frozen=True, kw_only=True)
class SiteSettings:
    """The grid connection: the limit the chargers together must never exceed."""

    limit_mA: tuple[int, int, int] = setting(
        (63000, 63000, 63000), minimum=6000, maximum=2000000, doc="Site limit per phase L1, L2, L3"
    )


@dataclass(frozen=True, kw_only=True)
class PowerGroup:
    """A feeder or breaker inside the site with a limit of its own; chargers or groups hang under it."""

    id: str = setting(doc="Group id, referred to by chargers' and groups' parent", pattern=ID_PATTERN)
    parent: str = setting("site", doc="The group (or site) this one hangs under", pattern=ID_PATTERN)
    limit_mA: tuple[int, int, int] = setting(minimum=6000, maximum=2000000, doc="Limit per phase L1, L2, L3")


@dataclass(frozen=True, kw_only=True)
class BalancerSettings:
    """The load balancer's control cycle and how it paces changes."""

    cycle_ms: int = setting(1000, minimum=100, maximum=10000, doc="Load balancing control cycle")
    reclaim_after_s: float = setting(
        30.0,
        minimum=5.0,
        maximum=600.0,
        doc="A car drawing less than offered this long has its offer lowered",
    )
    reclaim_margin_mA: int = setting(
        2000,
        minimum=500,
        maximum=10000,
        doc="Offer kept above a reclaimed car's draw, so it can ask for more",
    )
    rotation_s: float = setting(
        300.0,
        minimum=30.0,
        maximum=3600.0,
        doc="When 6 A cannot go to every car, who waits rotates this often",
    )
    idle_release_s: float = setting(
        60.0,
        minimum=10.0,
        maximum=3600.0,
        doc="A car offered current that draws none this long gives its share to cars that wait, "
        "until it asks again",
    )
