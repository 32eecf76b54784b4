"""The driver flow's decisions: what a card tap, a chosen connector or an ended session shows next."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from app.driver import CardOutcome, SessionSummary
    from kiosk_ui.screen import KioskEnv

log = logging.getLogger(__name__)


class KioskFlow(QObject):
    """Card outcomes are global (a card may be tapped on any screen); connector and session events go to
    the visible screen, which knows whether they concern it (docs/kiosk.md, "The flow")."""

    def __init__(
        self, env: KioskEnv, show: Callable[[str, dict[str, Any]], None], current: Callable[[], Any]
    ) -> None:
        super().__init__()
        self.env = env
        self.show = show
        self.current = current

    def on_card(self, outcome: CardOutcome) -> None:
        if outcome.kind == "stopped":
            if outcome.session_id is not None:
                self.show("summary", {"session_id": outcome.session_id})
            return
        if outcome.kind != "authorised":
            self.show("authorise", {"outcome": outcome})
            return
        ready = list(outcome.ready_connectors)
        if len(ready) == 1:  # only one connector is ready: no choice to make
            self.start(ready[0], outcome.id_tag)
        else:
            self.show("pick", {"id_tag": outcome.id_tag, "ready": ready})

    def start(self, connector_id: str, id_tag: str) -> None:
        """Opens the session and guides the driver to plug in (or straight to charging when the car is).

        The ledger commit runs off the Qt thread; the screen changes once it is done."""
        self.env.spawn(self._start(connector_id, id_tag))

    async def _start(self, connector_id: str, id_tag: str) -> None:
        try:
            session_id = await self.env.facade.start_session(connector_id, id_tag)
        except Exception as error:  # SessionRefusedError: the connector went busy, the card lapsed
            log.warning("session refused on %s: %s", connector_id, error)
            self.show("authorise", {"error": str(error)})
            return
        card = next((c for c in self.env.facade.connectors() if c.connector_id == connector_id), None)
        if card is not None and card.vehicle_present:
            self.show("charging", {"connector_id": connector_id, "session_id": session_id, "own": True})
        else:
            self.show("plug", {"connector_id": connector_id, "session_id": session_id})

    def on_session_ended(self, summary: SessionSummary) -> None:
        screen = self.current()
        handler = getattr(screen, "on_session_ended", None)
        if handler is not None:
            handler(summary)

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
