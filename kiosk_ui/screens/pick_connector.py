"""Pick-connector screen: the connectors a session may start on, as large buttons (skipped with one)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from kiosk_ui.i18n import format_kw
from kiosk_ui.screen import KioskEnv, Screen, button, label


class PickConnectorScreen(Screen):
    """Context: id_tag, ready (connector ids). A tap starts the session there (kiosk_ui/flow.py)."""

    name = "pick"

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.title = label("", "huge")
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.buttons: dict[str, QPushButton] = {}
        self.cancel = button("secondary")
        self.cancel.setObjectName("pick_cancel")
        self.cancel.clicked.connect(lambda: self.go("idle"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.grid_host, 1)
        layout.addWidget(self.cancel)
        self.on_pick = None  # set by the flow: callable(connector_id, id_tag)

    def enter(self, context: dict[str, Any]) -> None:
        for old in self.buttons.values():
            old.setParent(None)
        self.buttons.clear()
        ready = list(context.get("ready", ()))
        columns = 2 if len(ready) > 3 else 1
        for index, connector_id in enumerate(ready):
            choice = button(icon="plug", icon_px=self.env.theme.touch_px - 16)
            choice.setObjectName(f"pick:{connector_id}")
            choice.clicked.connect(lambda _=False, c=connector_id: self._picked(c))
            self.grid.addWidget(choice, index // columns, index % columns)
            self.buttons[connector_id] = choice
        super().enter(context)

    def _picked(self, connector_id: str) -> None:
        if self.on_pick is not None:
            self.on_pick(connector_id, self.context["id_tag"])

    def retranslate(self) -> None:
        self.title.setText(self.tr("Choose a connector"))
        self.cancel.setText(self.tr("Cancel"))
        locale = self.env.translations.locale
        cards = {c.connector_id: c for c in self.env.facade.connectors()}
        for connector_id, choice in self.buttons.items():
            card = cards.get(connector_id)
            if card is None:
                continue
            text = self.tr("Connector %1, up to %2").replace("%1", card.label)
            choice.setText(text.replace("%2", format_kw(card.max_power_W, locale)))
