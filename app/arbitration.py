"""Control arbitration: every source submits claims per connector; the highest priority wins field by field.

Safety, the load balancer (site protection), the admin, OCPP remote commands and charging profiles,
payment and schedules all want a say over a connector. Instead of chains of `if` across modules,
each submits a Claim (may the connector charge? at most how much current?) and releases it
explicitly. Resolution takes, for each field separately, the claim with the highest priority that
sets that field; the winning claim and its reason are kept so the admin screen and the log can say
why a connector does what it does.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass

from hal.listeners import Listeners

log = logging.getLogger(__name__)


class ClaimSource(enum.IntEnum):
    """Who claims, with its default priority. Site protection ranks just below safety: nobody may offer
    more than the breakers carry, not even the admin."""

    SAFETY = 1000
    LOAD_BALANCER = 900
    ADMIN = 800
    OCPP_REMOTE = 700
    OCPP_PROFILE = 600
    PAYMENT = 500
    SCHEDULE = 300


@dataclass(frozen=True, slots=True)
class Claim:
    """What one source wants for one connector; None leaves a field to the others."""

    source: ClaimSource
    may_charge: bool | None = None
    max_current_mA: int | None = None
    transaction_ref: int | None = None  # the session the permission belongs to (payment, OCPP)
    charging_priority: int | None = None  # load-balancing class (fleet, VIP): higher is served first
    reason: str = ""
    priority: int | None = None  # None = the source's default

    @property
    def rank(self) -> int:
        return int(self.source) if self.priority is None else self.priority


@dataclass(frozen=True, slots=True)
class FieldDecision:
    """The value a field resolved to, and which claim decided it (None: nobody claimed it)."""

    value: bool | int | None
    claim: Claim | None

    def explain(self, field_name: str) -> str:
        if self.claim is None:
            return f"{field_name} = {self.value!r}: no claim (default)"
        why = f": {self.claim.reason}" if self.claim.reason else ""
        return f"{field_name} = {self.value!r} by {self.claim.source.name} (priority {self.claim.rank}){why}"


@dataclass(frozen=True, slots=True)
class ConnectorControl:
    """The resolved control of one connector."""

    connector_id: str
    may_charge: FieldDecision  # default False: nothing charges without somebody's permission
    max_current_mA: FieldDecision  # default None: no cap beyond the hardware's
    transaction_ref: FieldDecision
    charging_priority: FieldDecision  # default None: the charger's configured class

    def explain(self) -> list[str]:
        return [
            self.may_charge.explain("may_charge"),
            self.max_current_mA.explain("max_current_mA"),
            self.transaction_ref.explain("transaction_ref"),
            self.charging_priority.explain("charging_priority"),
        ]


ChangeListener = Callable[[ConnectorControl], None]

_DEFAULTS = {"may_charge": False, "max_current_mA": None, "transaction_ref": None, "charging_priority": None}


def _decide(claims: Collection[Claim], field_name: str) -> FieldDecision:
    best: Claim | None = None
    for claim in claims:
        if getattr(claim, field_name) is None:
            continue
        # Ties go to the lower of two current limits and to "may not charge": the safe side.
        if (
            best is None
            or claim.rank > best.rank
            or (claim.rank == best.rank and _safer(claim, best, field_name))
        ):
            best = claim
    if best is None:
        return FieldDecision(_DEFAULTS[field_name], None)
    return FieldDecision(getattr(best, field_name), best)


def _safer(a: Claim, b: Claim, field_name: str) -> bool:
    if field_name == "may_charge":
        return a.may_charge is False and b.may_charge is True
    if field_name == "max_current_mA":
        return (a.max_current_mA or 0) < (b.max_current_mA or 0)
    return False


class Arbiter:
    """Holds every connector's claims; one claim per source per connector (a new one replaces the old)."""

    def __init__(self) -> None:
        self._claims: dict[str, dict[ClaimSource, Claim]] = {}
        # A listener's exception reaches the caller of submit()/release(), whose change it is about.
        self._listeners: Listeners[ConnectorControl] = Listeners("claims", log, propagate=True)
        self._last: dict[str, ConnectorControl] = {}

    def submit(self, connector_id: str, claim: Claim) -> ConnectorControl:
        if claim.max_current_mA is not None and claim.max_current_mA < 0:
            raise ValueError(f"{connector_id}: {claim.source.name} claims a negative current")
        self._claims.setdefault(connector_id, {})[claim.source] = claim
        return self._changed(connector_id)

    def release(self, connector_id: str, source: ClaimSource) -> ConnectorControl:
        """Withdraws source's claim (releasing is explicit; a missing claim is not an error)."""
        self._claims.get(connector_id, {}).pop(source, None)
        return self._changed(connector_id)

    def claims(self, connector_id: str) -> list[Claim]:
        return sorted(self._claims.get(connector_id, {}).values(), key=lambda c: -c.rank)

    def resolve(self, connector_id: str, exclude: Collection[ClaimSource] = ()) -> ConnectorControl:
        """The resolution now; exclude lets the load balancer see the others' caps without its own."""
        claims = [c for c in self._claims.get(connector_id, {}).values() if c.source not in exclude]
        return ConnectorControl(
            connector_id,
            _decide(claims, "may_charge"),
            _decide(claims, "max_current_mA"),
            _decide(claims, "transaction_ref"),
            _decide(claims, "charging_priority"),
        )

    def subscribe(self, listener: ChangeListener) -> Callable[[], None]:
        return self._listeners.subscribe(listener)

    def _changed(self, connector_id: str) -> ConnectorControl:
        control = self.resolve(connector_id)
        previous = self._last.get(connector_id)
        if previous is None or _values(previous) != _values(control):
            self._last[connector_id] = control
            log.info("%s: %s", connector_id, "; ".join(control.explain()))
            self._listeners.emit(control)
        return control


def _values(control: ConnectorControl) -> tuple[object, ...]:
    return tuple(
        d.value
        for d in (
            control.may_charge,
            control.max_current_mA,
            control.transaction_ref,
            control.charging_priority,
        )
    )
