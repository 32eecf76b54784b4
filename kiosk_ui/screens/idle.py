"""Idle screen: every connector's state, the price before the start, and how to start (or why not now)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from app.driver import ConnectorCard, PaymentOffer
from kiosk_ui.i18n import format_kw
from kiosk_ui.icons import IconLabel
from kiosk_ui.payment_texts import money, unavailable_text
from kiosk_ui.screen import KioskEnv, PricePanel, Screen, button, icon, label, set_role, share_width
from kiosk_ui.texts import (
    SESSION_STATES,
    USABLE_STATES,
    connector_text,
    helpline_text,
    reader_text,
    refusal_text,
    state_look,
)

# Up to this many connectors the tiles stand in one column with their power; more share two columns.
ONE_COLUMN_MAX = 4


class ConnectorTile(QFrame):
    """One connector's tile: its number, its state as an icon and words, its power; tapping a busy one
    shows its live values, a faulted one its fault. A compact tile (more than ONE_COLUMN_MAX
    connectors) has one row: the bare number, the icon and the state's short words."""

    clicked = Signal(str)

    def __init__(self, connector_id: str, icon_px: int, compact: bool, tall: bool = False) -> None:
        super().__init__()
        self.connector_id = connector_id
        self.compact = compact
        self.setObjectName(f"tile:{connector_id}")
        self.setProperty("role", "card")
        self.number = label("", "title", wrap=False)
        self.state_icon = IconLabel("state_available", "#000000", icon_px)
        self.state = label("", "status-ok")
        self.detail = label("", "small", wrap=False)
        self.detail.setVisible(not compact)
        # On a free connector with a driver page: tapping the tile shows its QR code (PhoneLinkScreen).
        self.phone_icon = IconLabel("qr", "#000000", icon_px)
        self.phone_icon.setObjectName(f"tile_phone:{connector_id}")
        self.phone_icon.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(0)
        top = QHBoxLayout()
        top.setSpacing(6)
        if compact:
            # A quarter of the screen wide: the number and the icon on one row, the words under them
            # in the smaller type (a Tamil state word alone is wider than the rest of the row).
            self.setProperty("compact", True)
            top.addWidget(self.number)
            top.addWidget(self.state_icon, 0, Qt.AlignmentFlag.AlignVCenter)
            top.addStretch(1)
            top.addWidget(self.phone_icon, 0, Qt.AlignmentFlag.AlignVCenter)
            layout.addLayout(top)
            layout.addWidget(self.state)
            return
        top.addWidget(self.number, 1)
        top.addWidget(self.phone_icon, 0, Qt.AlignmentFlag.AlignVCenter)
        if not tall:
            top.addWidget(self.detail, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        state_row = QHBoxLayout()
        state_row.setSpacing(6)
        state_row.addWidget(self.state_icon, 0, Qt.AlignmentFlag.AlignVCenter)
        state_row.addWidget(self.state, 1)
        layout.addLayout(top)
        layout.addLayout(state_row)
        if tall:  # one or two connectors: a row of its own for the power, the words never share one
            layout.addWidget(self.detail)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit(self.connector_id)
        super().mouseReleaseEvent(event)


class IdleScreen(Screen):
    name = "idle"

    def __init__(self, env: KioskEnv) -> None:
        super().__init__(env)
        self.tiles: dict[str, ConnectorTile] = {}
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(4)

        self.price = PricePanel(env)
        self.notice_icon = icon("busy", env.theme.touch_px - 16, env.colour("danger"))
        self.notice = label("", "notice")
        self.notice.setObjectName("idle_notice")
        self.helpline = label("", "body")
        self.helpline.setObjectName("helpline")
        self.start = button(
            icon="card", icon_px=env.theme.touch_px - 16, icon_colour=env.colour("on_primary")
        )
        self.start.setObjectName("start")
        self.start.clicked.connect(lambda: self.go("authorise"))
        # Without an RFID card: pay at the card terminal or on the phone (shown only where configured).
        self.hold = label("", "small")
        self.hold.setObjectName("idle_hold")
        # The body's type ("choice"): in the button type the Tamil words take two lines, and the
        # row's height is the price's and the tiles' on the 7" display.
        self.pay_card = button(
            "choice", icon="bank_card", icon_px=env.theme.touch_px - 20, icon_colour=env.colour("on_primary")
        )
        self.pay_card.setObjectName("idle_pay_card")
        self.pay_card.clicked.connect(lambda: self.go("pay_card"))
        self.pay_qr = button(
            "choice", icon="qr", icon_px=env.theme.touch_px - 20, icon_colour=env.colour("on_primary")
        )
        self.pay_qr.setObjectName("idle_pay_qr")
        self.pay_qr.clicked.connect(self._pay_by_phone)
        self.pay_note = label("", "small")
        self.pay_note.setObjectName("idle_pay_note")
        # Across the whole width under the tiles and the price: in the price's column, "Pay by phone
        # (QR)" wraps to three lines, and one above the other they push the fees off the 7" display.
        for choice in (self.pay_card, self.pay_qr):
            # The touch target's height without the padding above and below the one line: four tiles
            # over the row leave it no more at 800x480.
            choice.setStyleSheet("padding-top: 0px; padding-bottom: 0px;")
        pay_row = QHBoxLayout()
        pay_row.setSpacing(6)
        pay_row.setContentsMargins(0, 0, 0, 0)
        share_width(pay_row, (self.pay_card, 1), (self.pay_qr, 1))
        self.pay_row = QWidget()
        self.pay_row.setLayout(pay_row)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice_icon, 0, Qt.AlignmentFlag.AlignTop)
        notice_row.addWidget(self.notice, 1)
        right = QVBoxLayout()
        right.setSpacing(4)
        right.addWidget(self.price)
        right.addStretch(1)
        right.addLayout(notice_row)
        right.addWidget(self.helpline)
        right.addWidget(self.start)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        # Tighter than the other screens: with the pay row, four tiles and the fee lines in Tamil use
        # every pixel of the 7" display.
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(2)
        layout.addLayout(body, 1)
        layout.addWidget(self.hold)
        layout.addWidget(self.pay_row)
        layout.addWidget(self.pay_note)
        self.right = right
        self._body = body

    def retranslate(self) -> None:
        self.price.retranslate()
        self.start.setText(self.tr("Tap your card to start"))
        self.pay_card.setText(self.tr("Pay by card"))
        self.pay_qr.setText(self.tr("Pay by phone (QR)"))
        self._show_start()

    def _show_payments(self, can_start: bool, offer: PaymentOffer) -> None:
        """The pay buttons where a way to pay is configured: usable, or greyed with the reason (not
        configured: nothing shown, nothing said); the hold a card payment takes under the price."""
        card_shown = offer.card or offer.card_reason not in (None, "not_configured")
        qr_shown = offer.qr or offer.qr_reason not in (None, "not_configured")
        # Every connector busy is said once, by the notice above, not again for each way to pay.
        self.pay_row.setVisible((card_shown or qr_shown) and can_start)
        # Three ways to start, one type: the card's invitation in the pay buttons' size beside them
        # (in its own larger type it takes three lines in Tamil, more than the 7" display leaves).
        set_role(self.start, "choice" if self.pay_row.isVisibleTo(self) else "")
        self.pay_card.setVisible(card_shown)
        self.pay_qr.setVisible(qr_shown)
        self.pay_card.setEnabled(offer.card)
        self.pay_qr.setEnabled(offer.qr)
        reasons = [
            r
            for r, shown, usable in (
                (offer.card_reason, card_shown, offer.card),
                (offer.qr_reason, qr_shown, offer.qr),
            )
            if shown and not usable
        ]
        note = unavailable_text(reasons[0]) if reasons and can_start else ""
        self.pay_note.setText(note)
        self.pay_note.setVisible(bool(note))
        holds = offer.hold_minor > 0 and (offer.card or (offer.qr and "card" in offer.qr_methods))
        hold = ""
        if holds and can_start:
            held = money(self.env, offer.hold_minor, offer.currency)
            hold = self.tr("Card payments: %1 is held, you pay only what you use").replace("%1", held)
        self.hold.setText(hold)
        self.hold.setVisible(bool(hold))

    def _pay_by_phone(self) -> None:
        """The choice first when the page may hold a card or take a top-up; a card hold at once when
        that is the only way."""
        offer = self.env.facade.payment_offer()
        if offer.qr_methods == ("card",):
            self.go("pay_qr", prepaid_minor=None)
        else:
            self.go("pay_phone")

    def _show_start(self) -> bool:
        """The start invitation, or why nothing can start now (the reader, every connector busy);
        whether a driver could start a session now (a card tapped, or a payment)."""
        reader_ok = dict(self.env.facade.payment_methods()).get("card", False)
        ready = bool(self.env.facade.ready_connectors())
        offer = self.env.facade.payment_offer()
        # A broken RFID reader stops the RFID cards only: a bank card at the terminal or a phone still pays.
        pays = ready and (offer.card or offer.qr)
        if not reader_ok and pays:
            notice, icon_name = reader_text("reader_unplugged_pay"), "state_unavailable"
        elif not reader_ok:
            notice, icon_name = reader_text("reader_unplugged"), "state_unavailable"
        elif not ready:
            notice, icon_name = refusal_text("no_connector"), "busy"
        else:
            notice, icon_name = "", "busy"
        self.start.setVisible(not notice)
        # While nothing can start, the headline price stays and the fee lines give way to the reason.
        self.price.lines.setVisible(not notice)
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        self.notice_icon.setVisible(bool(notice))
        self.notice_icon.set_icon(icon_name, self.env.colour("danger"))
        help_text = helpline_text(self.env.facade.helpline) if not reader_ok else ""
        self.helpline.setText(help_text)
        self.helpline.setVisible(bool(help_text))
        # Only while a start is offered: beside "Charging cannot start now" a pay button would contradict it.
        startable = not notice or (pays and not reader_ok)
        self._show_payments(startable, offer)
        return startable

    def refresh(self) -> None:
        cards = self.env.facade.connectors()
        if cards and not any(card.state in USABLE_STATES for card in cards):
            self.go("out_of_service")
            return
        self._layout_tiles(cards)
        can_start = self._show_start()
        paying = self.pay_row.isVisibleTo(self)
        self.grid.setSpacing(2 if paying else 4)
        self.right.setSpacing(0 if paying else 4)
        locale = self.env.translations.locale
        ready = set(self.env.facade.ready_connectors())
        for card in cards:
            tile = self.tiles[card.connector_id]
            phone = card.connector_id in ready and self.env.facade.phone.page_url(card.connector_id)
            tile.phone_icon.setVisible(bool(phone))
            tile.phone_icon.set_icon("qr", self.env.colour("text"))
            tile.number.setText(card.label if tile.compact else connector_text(card.label))
            # With the pay row the tiles are shorter, and "tap card" is one way to start of three: the
            # state's short words, as compact tiles have them.
            look = state_look(card, can_start, short=tile.compact or paying)
            tile.state.setText(look.text)
            set_role(tile.state, look.role)
            tile.state_icon.set_icon(look.icon, self.env.colour(look.role))
            if card.state in SESSION_STATES and card.power_W > 0:
                tile.detail.setText(format_kw(card.power_W, locale))
            else:
                # The connector's rating, as painted on chargers ("22 kW"): a word before it leaves no
                # room for the number in Malay or Tamil when four tiles share the height.
                tile.detail.setText(format_kw(card.max_power_W, locale))

    def _layout_tiles(self, cards: list[ConnectorCard]) -> None:
        compact = len(cards) > ONE_COLUMN_MAX
        if self._body.count() == 0:
            share_width(self._body, (self.grid_host, 5), (self.right, 6))
        if [c.connector_id for c in cards] == list(self.tiles):
            return
        for tile in self.tiles.values():
            tile.setParent(None)
        self.tiles.clear()
        columns = 2 if compact else 1
        icon_px = self.env.theme.px("body") + 6
        for index, card in enumerate(cards):
            tile = ConnectorTile(card.connector_id, icon_px, compact, tall=len(cards) <= 2)
            tile.clicked.connect(self._open)
            self.grid.addWidget(tile, index // columns, index % columns)
            self.tiles[card.connector_id] = tile
        rows = (len(cards) + columns - 1) // columns
        for row in range(rows):
            self.grid.setRowStretch(row, 1)

    def _open(self, connector_id: str) -> None:
        card = next((c for c in self.env.facade.connectors() if c.connector_id == connector_id), None)
        if card is None:
            return
        if card.state == "faulted":
            self.go("fault", connector_id=connector_id)
        elif card.session_id is not None and card.state in SESSION_STATES:
            # Someone else's session: its values, but stopping needs the card (own=False).
            self.go("charging", connector_id=connector_id, session_id=card.session_id, own=False)
        elif connector_id in self.env.facade.ready_connectors() and self.env.facade.phone.page_url(
            connector_id
        ):
            # A free connector: its driver page's QR code, for a driver who would rather use the phone.
            self.go("phone_link", connector_id=connector_id)
