"""Who may charge with a card: the ledger's local list without a central system, OCPP Authorize with one.

Both deciders answer with a CardDecision; `card_outcome` turns one into what the kiosk shows. Without
OCPP the `id_tags` table is the station's own list (the same table OCPP's SendLocalList fills,
OCPP 1.6 section 3.4.2): Accepted charges, Blocked / Expired / Invalid are refused, an Accepted entry
past its expiry date counts as Expired, and a card not on the list is refused unless
`kiosk.allow_unknown_cards` says otherwise. docs/driver-flow.md has the rules side by side.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine, delete, func, select

from app.db import IdTag, read_only, session_factory, utc_now

# The decision is the central system port's type too: both deciders answer with it.
from app.runtime import CardDecision

ACCEPTED, BLOCKED, EXPIRED, INVALID, CONCURRENT = "Accepted", "Blocked", "Expired", "Invalid", "ConcurrentTx"
# The demo's cards (launcher/demo.py seeds them): nine that charge and one the operator has blocked.
DEMO_CARDS: tuple[str, ...] = tuple(f"DEMO-{n:04d}" for n in range(1, 10))
DEMO_BLOCKED_CARD = "DEMO-BLOCKED"


def same_tag(a: str | None, b: str | None) -> bool:
    # IdToken is a CiString20Type (OCPP 1.6 section 7.28): identifiers compare without regard to case.
    return a is not None and b is not None and a.lower() == b.lower()


class LocalCardAuthorizer:
    """The station's own list on the ledger's id_tags table, for a station without a central system."""

    def __init__(
        self, engine: Engine, *, allow_unknown: bool, clock: Callable[[], datetime] = utc_now
    ) -> None:
        self._engine = engine
        self._allow_unknown = allow_unknown
        self._clock = clock

    def decide(self, id_tag: str) -> CardDecision:
        with session_factory(read_only(self._engine))() as db:
            row = db.scalars(select(IdTag).where(func.lower(IdTag.id_tag) == id_tag.lower())).first()
        if row is None:
            if self._allow_unknown:
                return CardDecision(True, ACCEPTED, None, "unknown_allowed")
            return CardDecision(False, INVALID, None, "unknown")
        status = row.status
        if status == ACCEPTED and row.expiry_date is not None and row.expiry_date <= self._clock():
            status = EXPIRED  # as OCPP 1.6 section 3.4.1 treats an entry past its expiryDate
        return CardDecision(status == ACCEPTED, status, row.parent_id_tag, "local_list")

    async def authorize(self, id_tag: str) -> CardDecision:
        # One indexed read of a small table: done on the loop like the session service's ledger calls.
        return self.decide(id_tag)


def refusal(decision: CardDecision) -> tuple[str, str | None]:
    """(CardOutcome.kind, reason) for a decision: authorised, refused with why, or an error when nobody
    could decide (offline and the card not known locally)."""
    if decision.accepted:
        return "authorised", None
    if decision.source == "none":
        return "error", "offline"
    if decision.status == BLOCKED:
        return "refused", "blocked"
    if decision.status == EXPIRED:
        return "refused", "expired"
    if decision.status == CONCURRENT:
        return "refused", "concurrent"
    # Section 7.25: Invalid means "identifier is unknown"; an Invalid entry on the station's own list
    # was put there by the operator, so it is shown as invalid rather than unknown.
    return "refused", "invalid" if decision.source == "local_list" else "unknown"


def seed_demo_cards(engine: Engine) -> None:
    """Puts the demo's cards on the ledger's local list (idempotent): DEMO-0001..DEMO-0009 Accepted,
    DEMO-BLOCKED Blocked. Only for the demo ledger: a production list is the operator's."""
    cards = [(tag, ACCEPTED) for tag in DEMO_CARDS] + [(DEMO_BLOCKED_CARD, BLOCKED)]
    with session_factory(engine).begin() as db:
        for tag, status in cards:
            db.execute(delete(IdTag).where(func.lower(IdTag.id_tag) == tag.lower()))
            db.add(IdTag(id_tag=tag, status=status))
