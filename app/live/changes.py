"""The live feed's vocabulary: the item kinds, a numbered change of one item, and a subscriber's filter.

A change is encoded to JSON once, when the first subscriber asks for its bytes, and the same bytes are
then shared by every subscriber (docs/web.md "Live feed (producer)").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

# The item kinds, in the order a snapshot lists them: the station-wide items first.
KINDS = ("site", "ocpp", "alarms", "charger", "connector")
STATION_KINDS = frozenset({"site", "ocpp", "alarms"})  # one item each, id ""
PUBLIC_KINDS = frozenset({"site", "charger", "connector"})  # what anonymous driver pages may see
_ORDER = {kind: rank for rank, kind in enumerate(KINDS)}


def item_order(key: tuple[str, str]) -> tuple[int, str]:
    """Sort key of an item (kind, id): the KINDS order, then the id."""
    return _ORDER.get(key[0], len(KINDS)), key[1]


def charger_of(connector_id: str) -> str:
    """The charger of a connector id "CP00/1" (app/chargers/events.py ConnectorView.connector_id)."""
    return connector_id.rpartition("/")[0]


def encode(message: dict[str, Any]) -> bytes:
    """Compact UTF-8 JSON (RFC 8259): no spaces, non-ASCII kept as is."""
    return json.dumps(message, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass(frozen=True, eq=False)
class Change:
    """Item (kind, id) became `data` at sequence number `seq` of run `epoch`; data None: it is gone.

    Treat `data` as read-only: the feed keeps it as the item's current value and shares it with every
    subscriber."""

    seq: int
    kind: str
    id: str
    data: dict[str, Any] | None
    epoch: str = ""

    def json(self) -> bytes:
        """The change as one WebSocket text message, encoded on the first call and cached: the same bytes
        object for every subscriber (200 clients cost one encode)."""
        cached: bytes | None = self.__dict__.get("_json")
        if cached is None:
            cached = encode(
                {
                    "type": "change",
                    "epoch": self.epoch,
                    "seq": self.seq,
                    "kind": self.kind,
                    "id": self.id,
                    "data": self.data,
                }
            )
            object.__setattr__(self, "_json", cached)  # frozen: the cache is not part of the value
        return cached

    def text(self) -> str:
        """json() as the str a WebSocket text frame is sent from, decoded once and cached likewise."""
        cached: str | None = self.__dict__.get("_text")
        if cached is None:
            cached = self.json().decode()
            object.__setattr__(self, "_text", cached)
        return cached


@dataclass(frozen=True)
class LiveFilter:
    """What a subscriber sees. connector / charger: only that connector (and its charger), or that
    charger and its connectors; the station-wide items (site, ocpp, alarms) always pass. public: an
    anonymous driver page: the public fields only (state, availability, price), and of the station
    only whether it is online."""

    connector: str | None = None
    charger: str | None = None
    public: bool = False

    def admits(self, kind: str, item_id: str) -> bool:
        """Whether the item (kind, id) is one this filter lets through (public fields aside)."""
        if kind in STATION_KINDS:
            return not self.public or kind in PUBLIC_KINDS
        if kind == "connector":
            if self.connector is not None and item_id != self.connector:
                return False
            return self.charger is None or charger_of(item_id) == self.charger
        if kind == "charger":
            if self.connector is not None and item_id != charger_of(self.connector):
                return False
            return self.charger is None or item_id == self.charger
        return False
