"""The [[chargers]] and [link] sections: which ESP32 chargers there are, where, and how they are polled."""

from __future__ import annotations

from dataclasses import dataclass

from app.config.schema import ID_PATTERN, ConfigError, setting
from hal.board.charger_board import ChargerSettings

LINK_PATTERN = r"^(tcp://[A-Za-z0-9_.\-\[\]:]+:\d{1,5}|i2c://\d{1,2}/0x[0-7][0-9a-fA-F])$"
# What a charger uses when told nothing (the firmware's ChargerConfig, mirrored by
# hal/board/charger_board.py): the defaults of the settings the station sends it with CONFIGURE.
_BOARD = ChargerSettings()


@dataclass(frozen=True, kw_only=True)
class ConfiguredCharger:
    """One charger (one ESP32) and how the station reaches it."""

    id: str = setting(doc="Charger id shown to operators and used in logs", pattern=ID_PATTERN)
    link: str = setting(doc="tcp://HOST:PORT (Ethernet) or i2c://BUS/0xADDR (I2C)", pattern=LINK_PATTERN)
    max_current_mA: int = setting(
        _BOARD.max_current_mA, minimum=6000, maximum=80000, doc="Installation maximum per phase"
    )
    connectors: int = setting(1, minimum=1, maximum=4, doc="Connectors on this charger")
    phases: int = setting(3, minimum=1, maximum=3, doc="1 (single-phase) or 3 (three-phase)")
    wiring: str = setting(
        "",
        doc="Site phases the charger's L1(, L2, L3) are wired to: L1, L2 or L3 for a single-phase "
        "charger; L1L2L3, L2L3L1 or L3L1L2 (phase rotation) for a three-phase one; empty = L1 / L1L2L3",
        pattern=r"^(|L[123]|L1L2L3|L2L3L1|L3L1L2)$",
    )
    group: str = setting(
        "site", doc="Power group (feeder or breaker) the charger hangs under", pattern=ID_PATTERN
    )
    priority: int = setting(0, minimum=-100, maximum=100, doc="Priority class of its connectors (fleet, VIP)")
    ocpp_identity: str = setting(
        "",
        doc="Its OCPP identity (chargeBoxId) with ocpp.identity_per_charger; empty = <ocpp.identity>-<id>",
        pattern=r"^[A-Za-z0-9_.:\-]{0,48}$",
    )
    link_key: str = setting(
        "",
        doc="The charger's link key, 64 hex digits (32 bytes) provisioned in it at commissioning; commands "
        "over tcp:// carry a tag made with it (docs/wire-protocol.md); empty = open link (bench only)",
        pattern=r"^([0-9A-Fa-f]{64})?$",
    )

    @property
    def site_phases(self) -> tuple[int, ...]:
        """Indices (0 = L1) of the site phases this charger draws on, in the charger's phase order."""
        wiring = self.wiring or ("L1" if self.phases == 1 else "L1L2L3")
        return tuple(int(wiring[i + 1]) - 1 for i in range(0, len(wiring), 2))

    def __post_init__(self) -> None:
        if self.phases == 2:
            raise ConfigError("phases: 2 is not a charger type; use 1 or 3")
        if self.link_key and not self.link.startswith("tcp://"):
            # The I2C bus is inside the cabinet: nothing else can reach it, so it carries no tags.
            raise ConfigError(f"link_key: only a tcp:// link is authenticated, {self.id} uses {self.link}")
        if len(self.site_phases) != self.phases:
            raise ConfigError(f"wiring: {self.wiring!r} does not fit a {self.phases}-phase charger")


@dataclass(frozen=True, kw_only=True)
class LinkSettings:
    """How the station talks to every charger."""

    poll_hz: float = setting(5.0, minimum=0.5, maximum=20.0, doc="Status polls per second per charger")
    heartbeat_ms: int = setting(1000, minimum=100, maximum=60000, doc="Heartbeat period (renews the lease)")
    lease_ms: int = setting(
        _BOARD.lease_ms, minimum=500, maximum=600000, doc="Charger lease; must exceed heartbeat_ms"
    )
    failsafe_current_mA: int = setting(
        _BOARD.failsafe_current_mA,
        minimum=0,
        maximum=80000,
        doc="Current a charger falls back to when the lease expires (0 = stop)",
    )
    request_timeout_ms: int = setting(300, minimum=20, maximum=10000, doc="Time to wait for one reply")
    session_timeout_s: float = setting(
        300.0,
        minimum=10.0,
        maximum=86400.0,
        doc="How long a session interrupted by a lost charger waits for it before ending (PowerLoss)",
    )
    retries: int = setting(
        2, minimum=0, maximum=10, doc="Retries of a request before the link counts as failed"
    )
