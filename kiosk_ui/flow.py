"""The driver flow's decisions: what a card tap, a chosen connector or an ended session shows next."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from app.driver import CardOutcome, PaymentLimit, PaymentUpdate, SessionSummary
    from kiosk_ui.screen import KioskEnv, Screen

log = logging.getLogger(__name__)

# Screens where the driver has seen the price and is starting: an authorised card with one obvious
# connector starts there at once. From any other screen (someone's charging values, a summary) the
# driver confirms on the connector choice, which shows the price (docs/kiosk.md, "The flow").
STARTING_SCREENS = ("idle", "authorise", "pick", "pay_card", "pay_qr")
# Screens no driver is busy on: a session that ends while one shows gets its summary shown.
UNATTENDED_SCREENS = ("idle", "out_of_service")
SESSION_MEMORY = 64  # languages remembered for this many sessions (a bounded map: the kiosk runs for months)


class KioskFlow(QObject):
    """Card outcomes are global (a card may be tapped on any screen); connector and session events go to
    the visible screen, which knows whether they concern it (docs/kiosk.md, "The flow")."""

    def __init__(
        self,
        env: KioskEnv,
        show: Callable[[str, dict[str, Any]], None],
        current: Callable[[], Screen],
        set_language: Callable[[str], None],
    ) -> None:
        super().__init__()
        self.env = env
        self.show = show
        self.current = current
        self.set_language = set_language
        # The language each session was started in: its summary comes back in it, whatever the idle
        # screen went back to meanwhile (the language chosen lasts the whole session).
        self.session_languages: dict[int, str] = {}

    def on_card(self, outcome: CardOutcome) -> None:
        if outcome.kind == "stopped":
            if outcome.session_id is not None:
                self.restore_language(outcome.session_id)
                self.show("summary", {"session_id": outcome.session_id})
            return
        if outcome.kind != "authorised":
            self.show("authorise", {"outcome": outcome})
            return
        self.on_authorised(outcome.id_tag, outcome.ready_connectors)

    def on_authorised(self, id_tag: str, ready_connectors: tuple[str, ...] | list[str]) -> None:
        """An accepted card or an authorised payment: the connector is obvious, or the driver picks."""
        ready = list(ready_connectors)
        cards = {c.connector_id: c for c in self.env.facade.connectors()}
        waiting = [c for c in ready if c in cards and cards[c].vehicle_present]
        on_start_screen = self.current().name in STARTING_SCREENS
        if on_start_screen and len(waiting) == 1:
            # Plug first, then tap: the one car waiting is the driver's.
            self.start(waiting[0], id_tag)
        elif on_start_screen and len(ready) == 1 and not waiting:
            self.start(ready[0], id_tag)
        else:
            self.show("pick", {"id_tag": id_tag, "ready": ready, "waiting": waiting})

    def on_payment(self, update: PaymentUpdate) -> None:
        """A payment's progress goes to the payment screen showing it; once authorised, the driver goes
        on as with an accepted card (docs/kiosk.md, "Paying without a card"). An update no screen
        claims (the driver left, the summary's settlement) goes to the visible screen's
        on_payment_settled, if it has one."""
        screen = self.current()
        handler = getattr(screen, "on_payment_update", None)
        if handler is not None and handler(update):
            if update.status == "authorised" and update.id_tag is not None:
                self.on_authorised(update.id_tag, update.ready_connectors)
            return
        settled = getattr(screen, "on_payment_settled", None)
        if settled is not None:
            settled(update)

    def on_payment_limit(self, limit: PaymentLimit) -> None:
        handler = getattr(self.current(), "on_payment_limit", None)
        if handler is not None:
            handler(limit)

    def start(self, connector_id: str, id_tag: str) -> None:
        """Opens the session and guides the driver to plug in (or straight to charging when the car is).

        The ledger commit runs off the Qt thread; the screen changes once it is done."""
        self.env.spawn(self._start(connector_id, id_tag))

    async def _start(self, connector_id: str, id_tag: str) -> None:
        try:
            # The driver's language: a paid session's receipt is written in it.
            session_id = await self.env.facade.start_session(connector_id, id_tag, language=self.env.language)
        except Exception as error:  # SessionRefusedError: the connector went busy, the card lapsed
            log.warning("session refused on %s: %s", connector_id, error)
            self.show("authorise", {"error": str(error)})
            return
        self.session_languages[session_id] = self.env.language
        while len(self.session_languages) > SESSION_MEMORY:
            del self.session_languages[next(iter(self.session_languages))]
        card = next((c for c in self.env.facade.connectors() if c.connector_id == connector_id), None)
        if card is not None and card.vehicle_present:
            self.show("charging", {"connector_id": connector_id, "session_id": session_id, "own": True})
        else:
            self.show("plug", {"connector_id": connector_id, "session_id": session_id})

    def restore_language(self, session_id: int) -> None:
        language = self.session_languages.get(session_id)
        if language is not None and language != self.env.language:
            self.set_language(language)

    def on_session_ended(self, summary: SessionSummary) -> None:
        screen = self.current()
        handler = getattr(screen, "on_session_ended", None)
        if handler is not None:
            if screen.context.get("session_id") == summary.session_id:
                self.restore_language(summary.session_id)
            handler(summary)
        elif screen.name in UNATTENDED_SCREENS and (summary.energy_Wh > 0 or summary.duration_s > 0):
            # The driver unplugged after walking away from the charging screen: the final cost is shown
            # until the next touch or the inactivity timeout (a session that never charged has nothing
            # to show; its plug-in screen said so).
            self.restore_language(summary.session_id)
            self.show("summary", {"summary": summary, "unattended": True})

    def on_reader_problem(self, key: str) -> None:
        if key in ("reader_unplugged", "reader_restored"):
            # The reader itself went or came back: the idle screen says so for as long as it lasts and
            # offers the card only when one can be read. A session's screens stay where they are, so a
            # driver keeps the live values and the Stop button (docs/kiosk.md, "Reader problems").
            screen = self.current()
            if getattr(screen, "name", "") in ("idle", "authorise"):
                self.show("idle", {})
            elif screen is not None:
                screen.retranslate()  # its hints may offer the card (the charging screen's do)
            return
        self.show("authorise", {"reader_problem": key})  # a card that could not be read: try again
