"""Opens a ChargerBoard for each configured charger from its link address (tcp:// or i2c://)."""

from __future__ import annotations

from app.config import ConfiguredCharger, LinkSettings
from hal.board.charger_board import ChargerBoard
from hal.board.wire_board import WireChargerBoard
from hal.links.i2c import I2cBus, I2cTransport
from hal.links.tcp import TcpTransport


def open_board(charger: ConfiguredCharger, link: LinkSettings, buses: dict[int, I2cBus]) -> ChargerBoard:
    """A board on the charger's link; chargers on one I2C bus share its I2cBus (and its lock)."""
    scheme, _, rest = charger.link.partition("://")
    if scheme == "tcp":
        host, _, port = rest.rpartition(":")
        transport: TcpTransport | I2cTransport = TcpTransport(host.strip("[]"), int(port))
    elif scheme == "i2c":
        bus_text, _, address_text = rest.partition("/")
        bus_number = int(bus_text)
        bus = buses.get(bus_number)
        if bus is None:
            bus = buses[bus_number] = I2cBus.open(bus_number)
        transport = I2cTransport(bus, int(address_text, 16))
    else:  # the config schema's pattern admits only the two schemes
        raise ValueError(f"{charger.id}: unsupported link {charger.link!r}")
    return WireChargerBoard(
        transport,
        timeout_s=link.request_timeout_ms / 1000,
        retries=link.retries,
        link_key=bytes.fromhex(charger.link_key) if charger.link_key else None,
    )
