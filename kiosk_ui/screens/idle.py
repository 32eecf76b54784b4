"""Idle screen: every connector's state, the price before the start, how to start and the payment options."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from app.driver import ConnectorCard
from kiosk_ui.i18n import format_kw
from kiosk_ui.screen import KioskEnv, Screen, button, label, set_role
from kiosk_ui.texts import SESSION_STATES, USABLE_STATES, reader_text, state_role, state_text


class ConnectorTile(QFrame):
    """One connector's tile: its number, label and state; tapping a busy one shows its live values."""

    clicked = Signal(str)

    def __init__(self, connector_id: str) -> None:
        super().__init__()
        self.connector_id = connector_id
        self.setProperty("role", "card")
        self.number = label("", "large", wrap=False)
        self.state = label("", "badge-ok")
        self.detail = label("", "small")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.number)
        layout.addWidget(self.state)
        layout.addWidget(self.detail)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit(self.connector_id)
        super().mouseReleaseEvent(event)


class IdleScreen(Screen):
    name = "idle"

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.tiles: dict[str, ConnectorTile] = {}
        self.connectors_title = label("", "title")
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left = QVBoxLayout()
        left.addWidget(self.connectors_title)
        left.addWidget(scroll, 1)

        self.price_title = label("", "title")
        self.price = label("", "small")
        self.how_to = label("", "large")
        self.helpline = label("", "muted")  # shown with a reader problem only
        self.helpline.setVisible(False)
        self.start = button(icon="card", icon_px=env.theme.touch_px - 16)
        self.start.setObjectName("start")
        self.start.clicked.connect(lambda: self.go("authorise"))
        self.pay_title = label("", "muted")
        self.bank = button("option", "bank_card", env.theme.touch_px - 24)
        self.bank.setObjectName("pay:bank_card")
        self.qr = button("option", "qr", env.theme.touch_px - 24)
        self.qr.setObjectName("pay:qr")
        payments = QHBoxLayout()
        payments.addWidget(self.bank)
        payments.addWidget(self.qr)
        right = QVBoxLayout()
        # The labels' own line spacing separates them; without layout gaps and with narrow top and bottom
        # margins the whole price list, the reader message and the helpline fit 800x480 (the 7" display).
        right.setSpacing(0)
        right.addWidget(self.price_title)
        right.addWidget(self.price)
        right.addStretch(1)
        right.addWidget(self.how_to)
        right.addWidget(self.helpline)
        right.addWidget(self.start)
        right.addWidget(self.pay_title)
        right.addLayout(payments)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(9, 4, 9, 4)
        layout.addLayout(left, 5)
        layout.addLayout(right, 6)

    def retranslate(self) -> None:
        self.connectors_title.setText(self.tr("Connectors"))
        self.price_title.setText(self.tr("Price"))
        methods = dict(self.env.facade.payment_methods())
        # The card option is unavailable while the reader is unplugged or out of service: the driver is
        # told so here, for as long as it lasts, instead of being asked for a card nobody can read. The
        # disabled option looks like the other unavailable ones (small type, two lines).
        cards = methods.get("card", True)
        self.start.setEnabled(cards)
        set_role(self.how_to, "large" if cards else "error")
        set_role(self.start, "" if cards else "option")
        self.helpline.setVisible(not cards and bool(self.env.facade.helpline))
        self.helpline.setText(self.tr("Helpline: %1").replace("%1", self.env.facade.helpline))
        if cards:
            self.how_to.setText(self.tr("Tap your card on the reader to start"))
            self.start.setText(self.tr("Start with a card"))
        else:
            self.how_to.setText(reader_text("reader_unplugged"))
            unavailable = self.tr("not available now")  # outside the f-string, where lupdate finds it
            self.start.setText(f"{self.tr('Start with a card')}\n{unavailable}")
        self.pay_title.setText(self.tr("Other ways to pay"))
        self.bank.setEnabled(methods.get("bank_card", False))
        self.qr.setEnabled(methods.get("qr", False))
        soon = self.tr("coming soon")
        self.bank.setText(
            self.tr("Bank card") if self.bank.isEnabled() else f"{self.tr('Bank card')}\n{soon}"
        )
        self.qr.setText(self.tr("QR code") if self.qr.isEnabled() else f"{self.tr('QR code')}\n{soon}")
        self.price.setText("\n".join(self.env.facade.price_lines(self.env.tariff_language)))

    def refresh(self) -> None:
        cards = self.env.facade.connectors()
        if cards and not any(card.state in USABLE_STATES for card in cards):
            self.go("out_of_service")
            return
        self._layout_tiles(cards)
        locale = self.env.translations.locale
        for card in cards:
            tile = self.tiles[card.connector_id]
            tile.number.setText(self.tr("Connector %1").replace("%1", card.label))
            waiting = card.vehicle_present and card.session_id is None
            tile.state.setText(state_text(card.state, card.limited_by_site, waiting))
            set_role(tile.state, state_role(card.state, card.limited_by_site))
            if card.state in SESSION_STATES and card.power_W > 0:
                tile.detail.setText(format_kw(card.power_W, locale))
            else:
                tile.detail.setText(self.tr("up to %1").replace("%1", format_kw(card.max_power_W, locale)))

    def _layout_tiles(self, cards: list[ConnectorCard]) -> None:
        if [c.connector_id for c in cards] == list(self.tiles):
            return
        for tile in self.tiles.values():
            tile.setParent(None)
        self.tiles.clear()
        columns = 1 if len(cards) <= 2 else 2
        for index, card in enumerate(cards):
            tile = ConnectorTile(card.connector_id)
            tile.clicked.connect(self._open)
            self.grid.addWidget(tile, index // columns, index % columns)
            self.tiles[card.connector_id] = tile

    def _open(self, connector_id: str) -> None:
        card = next((c for c in self.env.facade.connectors() if c.connector_id == connector_id), None)
        if card is None:
            return
        if card.state == "faulted":
            self.go("fault", connector_id=connector_id)
        elif card.session_id is not None and card.state in SESSION_STATES:
            # Someone else's session: its values, but stopping needs the card (own=False).
            self.go("charging", connector_id=connector_id, session_id=card.session_id, own=False)
