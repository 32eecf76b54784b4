"""The live feed's items as plain JSON-ready dicts built from the facades' views, and their public parts.

Noisy figures are rounded (power to 10 W, current to 0.1 A, energy to 1 Wh) so that meter noise alone
makes no change; the fields of each kind: docs/web.md "Live feed (producer)".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from app.admin import Allocation, NodeLoad, Overview
from app.analytics import Alarm
from app.driver import LiveConnector
from app.money import format_money

Data = dict[str, Any]

ONLINE_LINKS = frozenset({"online", "degraded"})  # app/chargers/link_task.py AVAILABLE_STATES
# A driver may start here now (the kiosk's state names, app/driver/views.py CONNECTOR_STATES).
OPEN_STATES = frozenset({"available", "preparing"})
PUBLIC_CONNECTOR = ("id", "charger", "number", "state", "available", "max_power_W", "price")
PUBLIC_CHARGER = ("id", "online", "connectors")


def watts(power_W: int) -> int:
    """To 10 W, halves up."""
    return (power_W + 5) // 10 * 10


def amps(current_mA: int | None) -> float | None:
    """mA to A with one decimal (0.1 A), halves up."""
    return None if current_mA is None else ((current_mA + 50) // 100) / 10


def amps_list(currents_mA: Iterable[int]) -> list[float | None]:
    return [amps(value) for value in currents_mA]


def price_data(headline: str, lines: Sequence[str], language: str) -> Data:
    """The price of a session started now, as the kiosk words it (app/tariffs/display.py): the price
    is known before charging (EU AFIR Art. 5)."""
    return {"language": language, "headline": headline, "lines": list(lines)}


def connector_data(live: LiveConnector, price: Data, language: str) -> Data:
    card = live.card
    cost = None
    if card.cost_minor is not None:  # the session has started (the car was plugged in)
        cost = {
            "minor": card.cost_minor,
            "currency": card.currency,
            "text": format_money(card.cost_minor, card.currency, language),
        }
    return {
        "id": card.connector_id,
        "charger": live.charger_id,
        "number": card.number,
        "state": card.state,
        "available": card.state in OPEN_STATES and card.session_id is None,
        "fault": card.fault,
        "vehicle_present": card.vehicle_present,
        "power_W": watts(card.power_W),
        "current_A": amps_list(live.current_mA),
        "energy_Wh": card.energy_Wh,
        "cost": cost,
        "session_id": card.session_id,
        "limited_by_site": card.limited_by_site,
        "max_power_W": card.max_power_W,
        "price": price,
    }


def public_connector(data: Data) -> Data:
    """What an anonymous driver page sees: no session, no energy, cost or power of anybody's session."""
    return {field: data[field] for field in PUBLIC_CONNECTOR}


def charger_data(charger_id: str, connector_ids: Sequence[str], link_state: str, details: Data) -> Data:
    """details: the operator facade's part (link reason, firmware, serial, temperature), else empty."""
    return {
        "id": charger_id,
        "link_state": link_state,
        "online": link_state in ONLINE_LINKS,
        "connectors": list(connector_ids),
        **details,
    }


def charger_details(overview: Overview) -> dict[str, Data]:
    """Per charger, what the operator overview adds to the charger item."""
    found = {}
    for charger in overview.chargers:
        temperature = charger.temperature_dC
        found[charger.charger_id] = {
            "link_reason": charger.link_reason,
            "firmware": charger.firmware,
            "serial": charger.serial,
            # To whole degrees (halves up): tenths would change with every reading.
            "temperature_C": None if temperature is None else (temperature + 5) // 10,
        }
    return found


def public_charger(data: Data) -> Data:
    return {field: data[field] for field in PUBLIC_CHARGER}


def _node(load: NodeLoad) -> Data:
    return {
        "id": load.node_id,
        "parent": load.parent_id,
        "limit_A": amps_list(load.limit_mA),
        "drawn_A": amps_list(load.drawn_mA),
        "offered_A": amps_list(load.offered_mA),
        "headroom_A": None if load.headroom_mA is None else amps_list(load.headroom_mA),
    }


def _allocation(allocation: Allocation) -> Data:
    return {
        "code": allocation.code,
        "target_A": amps(allocation.target_mA),
        "committed_A": amps(allocation.committed_mA),
        "wanted_A": amps(allocation.wanted_mA),
        "capped_by": allocation.capped_by,
        "failure": allocation.failure,
    }


def site_data(online: bool, overview: Overview | None) -> Data:
    """The site: online (some charger reachable) and, with the operator facade, the phase currents of
    the site and its groups against their limits and the balancer's allocation per connector."""
    if overview is None:
        return {"online": online}
    return {
        "online": online,
        **_node(overview.site),
        "groups": [_node(group) for group in overview.groups],
        "allocation": {
            connector.connector_id: _allocation(connector.allocation)
            for charger in overview.chargers
            for connector in charger.connectors
        },
        "balancing": overview.balancer_cycle_age_s is not None,
    }


def public_site(data: Data) -> Data:
    return {"online": data["online"]}


def ocpp_data(overview: Overview, queued: int, parked: int) -> Data:
    """The central system's link per charge point identity (OCPP 1.6 section 4.2: registered once the
    BootNotification was Accepted) and the messages still queued for it."""
    links = [
        {"identity": link.identity, "connected": link.connected, "registration": link.registration}
        for link in overview.central_system
    ]
    online = bool(links) and all(link["connected"] and link["registration"] == "Accepted" for link in links)
    return {
        "configured": overview.central_system_configured,
        "online": online,
        "links": links,
        "queued": queued,
        "parked": parked,
    }


def alarms_data(alarms: Sequence[Alarm]) -> Data:
    """The open maintenance alarms, oldest first (docs/analytics.md); the evidence stays in the admin
    screens, since it changes with every refresh."""
    return {
        "count": len(alarms),
        "open": [
            {"kind": a.kind, "subject": a.subject, "raised_at_s": a.raised_at_s, "message": a.message}
            for a in alarms
        ],
    }
