"""Pick-connector screen: the price, then the connectors a session may start on as large buttons, those
with a car already plugged in marked (skipped when the choice is obvious: kiosk_ui/flow.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk_ui.i18n import format_kw
from kiosk_ui.screen import KioskEnv, PricePanel, Screen, button, label
from kiosk_ui.texts import connector_text

# More than four choices stand in rows of four (eight at most per station).
COLUMNS_MAX = 4


class PickConnectorScreen(Screen):
    """Context: id_tag, ready (connector ids), waiting (those with a car plugged in). A tap starts the
    session there (kiosk_ui/flow.py)."""

    name = "pick"

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.title = label("", "title")
        self.title.setObjectName("pick_title")
        self.price = PricePanel(env, full=False, heading=self.title)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        self.cancel = button("secondary")
        self.cancel.setObjectName("pick_cancel")
        self.cancel.clicked.connect(lambda: self.go("idle"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.price)
        layout.addWidget(self.grid_host, 1)
        layout.addWidget(self.cancel)
        self.on_pick = None  # set by the flow: callable(connector_id, id_tag)

    def enter(self, context: dict[str, Any]) -> None:
        for old in self.buttons.values():
            old.setParent(None)
        self.buttons.clear()
        ready = list(context.get("ready", ()))
        waiting = set(context.get("waiting", ()))
        # One to three side by side; four as two by two (a half width each keeps icon and words); more
        # in rows of four.
        columns = 2 if len(ready) == 4 else max(1, min(COLUMNS_MAX, len(ready)))
        # Two rows of four leave a button a quarter of the width: the words need it all, and the
        # marked ones still differ by colour, frame and words ("Car plugged in").
        icon_px = self.env.theme.touch_px - 16 if len(ready) <= COLUMNS_MAX else 0
        for index, connector_id in enumerate(ready):
            plugged = connector_id in waiting
            choice = button(
                "choice-marked" if plugged else "choice",
                icon=("car" if plugged else "plug") if icon_px else None,
                icon_px=icon_px,
                icon_colour=self.env.colour("on_primary"),
            )
            choice.setObjectName(f"pick:{connector_id}")
            choice.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            choice.clicked.connect(lambda _=False, c=connector_id: self._picked(c))
            self.grid.addWidget(choice, index // columns, index % columns)
            self.buttons[connector_id] = choice
        super().enter(context)

    def _picked(self, connector_id: str) -> None:
        if self.on_pick is not None:
            self.on_pick(connector_id, self.context["id_tag"])

    def retranslate(self) -> None:
        waiting = set(self.context.get("waiting", ()))
        if len(self.buttons) == 1:
            self.title.setText(self.tr("Start charging here?"))
        elif waiting:
            self.title.setText(self.tr("Choose your connector: a car is plugged in where marked"))
        else:
            self.title.setText(self.tr("Choose a connector"))
        self.cancel.setText(self.tr("Cancel"))
        self.price.retranslate()
        locale = self.env.translations.locale
        cards = {c.connector_id: c for c in self.env.facade.connectors()}
        for connector_id, choice in self.buttons.items():
            card = cards.get(connector_id)
            if card is None:
                continue
            power = format_kw(card.max_power_W, locale)
            if connector_id in waiting:
                detail = self.tr("Car plugged in")
            elif len(self.buttons) > COLUMNS_MAX:
                detail = power  # a quarter of the width: the number alone
            else:
                detail = self.tr("up to %1").replace("%1", power)
            choice.setText(f"{connector_text(card.label)}\n{detail}")
