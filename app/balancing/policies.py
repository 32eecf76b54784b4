"""The load balancer's per-connector policies: reclaiming headroom, idle release, schedules, fair rotation."""

from __future__ import annotations

import math
from dataclasses import dataclass

from app.balancing.allocator import MIN_CURRENT_mA
from app.config import NOMINAL_VOLTAGE_V

WANTS_MORE_MARGIN_mA = 700  # a car drawing this close to its reclaimed cap asks for more
SCHEDULE_BOOST = 1000  # a car behind its schedule is served before every configured class
IDLE_CLASS = -(10**9)  # below every configured class and claim: an idle car keeps what nobody else needs


class HeadroomReclaim:
    """Takes back what a car does not draw, and gives it back when the car asks for more.

    A car that draws well below its offer for reclaim_after_s (a full battery tapering, a car
    limited by its own charger) is capped at its draw plus a margin, so the rest can go to others.
    When its draw comes near that cap it is asking for more: the cap is lifted and the allocator
    gives it a full share again at the next cycle (the charger paces the rise, IEC 61851-1 Table A.6).
    """

    def __init__(self, reclaim_after_s: float, margin_mA: int) -> None:
        self.reclaim_after_s = reclaim_after_s
        self.margin_mA = margin_mA
        self._below_since: dict[str, float] = {}
        self._cap: dict[str, int] = {}

    def cap(self, connector_id: str) -> int | None:
        return self._cap.get(connector_id)

    def observe(self, connector_id: str, offered_mA: int, drawn_mA: int, charging: bool, now: float) -> None:
        if not charging or offered_mA < MIN_CURRENT_mA:
            self._below_since.pop(connector_id, None)
            if not charging:
                self._cap.pop(connector_id, None)
            return
        cap = self._cap.get(connector_id)
        if cap is not None and drawn_mA >= cap - WANTS_MORE_MARGIN_mA:
            del self._cap[connector_id]  # it wants more: lift the cap
            self._below_since.pop(connector_id, None)
            return
        if drawn_mA + self.margin_mA < offered_mA:
            since = self._below_since.setdefault(connector_id, now)
            if now - since >= self.reclaim_after_s:
                self._cap[connector_id] = max(MIN_CURRENT_mA, drawn_mA + self.margin_mA)
        else:
            self._below_since.pop(connector_id, None)

    def forget(self, connector_id: str) -> None:
        self._below_since.pop(connector_id, None)
        self._cap.pop(connector_id, None)


class IdleRelease:
    """Frees the share of a car that is offered current but does not take it, and gives it back first
    when the car asks again.

    A car in B2 (PWM on, S2 open) that draws nothing for idle_after_s is paused: a full battery, a timer
    in the car, a driver who stopped it. Its share is the first to go to a car that waits for 6 A. It
    asks again by closing S2 (C2, or C1 once its PWM was switched off: IEC 61851-1 Annex A) or by
    drawing current; from then on it is not idle, and it goes to the front of the admission order.
    The clock only runs while the car is offered current: a car in B1 cannot show whether it would
    take any (it may be waiting for the PWM), so it is never found idle there.
    """

    def __init__(self, idle_after_s: float) -> None:
        self.idle_after_s = idle_after_s
        self._offered_since: dict[str, float] = {}
        self._idle: set[str] = set()

    def is_idle(self, connector_id: str) -> bool:
        return connector_id in self._idle

    def observe(self, connector_id: str, offered_mA: int, asking: bool, now: float) -> bool:
        """Updates the connector's state; True when an idle car asks again (it comes first now)."""
        if asking:
            self._offered_since.pop(connector_id, None)
            if connector_id in self._idle:
                self._idle.discard(connector_id)
                return True
            return False
        if offered_mA < MIN_CURRENT_mA:
            self._offered_since.pop(connector_id, None)
            return False
        since = self._offered_since.setdefault(connector_id, now)
        if now - since >= self.idle_after_s:
            self._idle.add(connector_id)
        return False

    def forget(self, connector_id: str) -> None:
        self._offered_since.pop(connector_id, None)
        self._idle.discard(connector_id)


@dataclass(frozen=True)
class ChargingSchedule:
    """The driver's wish: this much energy by the departure time (monotonic clock)."""

    departure: float
    energy_wanted_Wh: int
    energy_at_start_Wh: int  # the charger's counter when the schedule was set


def needed_current_mA(schedule: ChargingSchedule, energy_now_Wh: int, phases: int, now: float) -> int:
    """Current per phase that still delivers the wanted energy by departure (0 when done)."""
    remaining_Wh = schedule.energy_wanted_Wh - (energy_now_Wh - schedule.energy_at_start_Wh)
    if remaining_Wh <= 0:
        return 0
    hours = max(schedule.departure - now, 60.0) / 3600.0  # in the last minute: as fast as it can
    return math.ceil(remaining_Wh / hours / (NOMINAL_VOLTAGE_V * phases) * 1000)


class FairRotation:
    """Admission order for when the site cannot give 6 A to every car: who waits takes turns."""

    def __init__(self, rotation_s: float) -> None:
        self.rotation_s = rotation_s
        self._order: list[str] = []
        self._last_turn = -math.inf

    @property
    def order(self) -> list[str]:
        return list(self._order)

    def to_front(self, connector_id: str) -> None:
        """First in line from now on (a paused car that asks again gets its share back first)."""
        self._order = [connector_id] + [c for c in self._order if c != connector_id]

    def update(self, wanting: list[str], admitted: set[str], now: float) -> None:
        """Keeps the order of connectors that want current; rotates the admitted ones to the back
        every rotation_s while someone is left waiting."""
        kept = [c for c in self._order if c in wanting]
        kept += [c for c in wanting if c not in kept]
        waiting = [c for c in kept if c not in admitted]
        if waiting and now - self._last_turn >= self.rotation_s:
            if self._last_turn != -math.inf:
                kept = waiting + [c for c in kept if c in admitted]
            self._last_turn = now
        elif not waiting:
            self._last_turn = -math.inf
        self._order = kept
