"""The admin overview: the site's phase currents against its limits, then a card per charger (link,
firmware, link figures) with its connectors (pilot state, current offered and drawn, power, temperature,
faults, the load balancer's reason); viewer role (docs/admin.md, "Overview").

It is built once and then only its texts change: a refresh (the shell's, and its own once a second while
shown) asks the facade for one snapshot and writes it into the labels in place. Cards are rebuilt only when
the set of chargers changes (a configuration change)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk_ui.admin.admin_screen import AdminEnv, AdminScreen, scroll_area
from kiosk_ui.admin.station_texts import fault_names
from kiosk_ui.i18n import format_duration, format_kw
from kiosk_ui.screen import card_frame, label, set_role

if TYPE_CHECKING:
    from app.admin import Allocation, ChargerOverview, ConnectorOverview, NodeLoad, Overview

REFRESH_MS = 1000
# The shell may call refresh() on every change the station publishes (many a second with 16 chargers
# streaming); one snapshot a second is what a person reads, so calls closer together are dropped.
MIN_REFRESH_S = 0.9
PHASE_NAMES = ("L1", "L2", "L3")
LINK_ROLES = {"online": "status-ok", "degraded": "status-warning", "connecting": "status-muted"}


def amps(mA: int) -> str:
    return f"{mA / 1000:.1f}"


class PhaseBar(QWidget):
    """One phase's current against its limit: filled to what is drawn, a mark at what is offered;
    its colour turns to warning above 80 % of the limit and danger above it."""

    def __init__(self, env: AdminEnv) -> None:
        super().__init__()
        self.colours = env.theme.colours
        self.drawn = self.offered = 0
        self.limit = 1
        self.setMinimumHeight(max(12, env.theme.px("small") // 2))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_values(self, drawn: int, offered: int, limit: int) -> None:
        if (drawn, offered, limit) != (self.drawn, self.offered, self.limit):
            self.drawn, self.offered, self.limit = drawn, offered, max(1, limit)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        box = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setPen(QColor(self.colours["border"]))
        painter.setBrush(QColor(self.colours["disabled"]))
        painter.drawRect(box)
        share = self.drawn / self.limit
        role = "danger" if share > 1.0 else "warning" if share > 0.8 else "ok"
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.colours[role]))
        painter.drawRect(QRectF(box.x(), box.y(), box.width() * min(1.0, share), box.height()))
        mark = box.x() + box.width() * min(1.0, self.offered / self.limit)
        painter.setPen(QColor(self.colours["text"]))
        painter.drawLine(int(mark), int(box.top()), int(mark), int(box.bottom()))
        painter.end()


class ConnectorRow(QWidget):
    """One connector's lines inside its charger's card."""

    def __init__(self, connector_id: str) -> None:
        super().__init__()
        self.state = label("", "status-muted")
        self.state.setObjectName(f"overview_state:{connector_id}")
        self.current = label("", "small")
        self.current.setObjectName(f"overview_current:{connector_id}")
        self.faults = label("", "notice")
        self.faults.setObjectName(f"overview_faults:{connector_id}")
        self.reason = label("", "small")
        self.reason.setObjectName(f"overview_reason:{connector_id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(0)
        for part in (self.state, self.current, self.faults, self.reason):
            layout.addWidget(part)


class ChargerCard(QFrame):
    """One charger: its id and link on the first line, firmware and link figures below, its connectors."""

    def __init__(self, charger: ChargerOverview) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.setObjectName(f"overview_charger:{charger.charger_id}")
        self.title = label(charger.charger_id, "large", wrap=False)
        self.link = label("", "status-muted")
        self.link.setObjectName(f"overview_link:{charger.charger_id}")
        self.detail = label("", "small")
        self.detail.setObjectName(f"overview_detail:{charger.charger_id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.title)
        top.addWidget(self.link, 1)
        layout.addLayout(top)
        layout.addWidget(self.detail)
        self.rows: dict[str, ConnectorRow] = {}
        for connector in charger.connectors:
            row = ConnectorRow(connector.connector_id)
            self.rows[connector.connector_id] = row
            layout.addWidget(row)


class OverviewScreen(AdminScreen):
    name = "overview"
    min_role = "viewer"

    def __init__(self, env: AdminEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.snapshot: Overview | None = None
        self.pending = False
        self.active = False  # between enter() and leave(): a snapshot coming back later is dropped
        self.refreshes = 0  # snapshots shown (the benchmark and the tests count them)
        self.asked_at = float("-inf")  # time.monotonic() of the last snapshot asked for
        self.heading = label("", "title")
        self.central = label("", "small")
        self.central.setObjectName("overview_central")
        # Wrapped: "L1: 32.0 of 63.0 A" is wider than a third of the screen beside the navigation in
        # Malay and Tamil; its second line costs less than a cut figure.
        self.site_lines = [label("", "small") for _ in PHASE_NAMES]
        self.site_bars = [PhaseBar(env) for _ in PHASE_NAMES]
        for name, line in zip(PHASE_NAMES, self.site_lines, strict=True):
            line.setObjectName(f"overview_site:{name}")
        self.groups = label("", "small")
        self.groups.setObjectName("overview_groups")
        self.message = label("", "notice")
        self.message.setObjectName("overview_message")
        self.message.hide()

        site = card_frame()
        site.setObjectName("overview_site")
        site_layout = QVBoxLayout(site)
        site_layout.setContentsMargins(8, 4, 8, 4)
        site_layout.setSpacing(2)
        bars = QHBoxLayout()
        bars.setSpacing(12)
        for line, bar in zip(self.site_lines, self.site_bars, strict=True):
            # Layouts, not holder widgets: a plain QWidget would paint the page's background on the card.
            line.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            column = QVBoxLayout()
            column.setSpacing(0)
            column.addWidget(line)
            column.addWidget(bar)
            bars.addLayout(column, 1)
        site_layout.addWidget(self.heading)
        site_layout.addLayout(bars)
        site_layout.addWidget(self.groups)
        site_layout.addWidget(self.central)

        self.cards: dict[str, ChargerCard] = {}
        self.list_host = QWidget()
        self.list_layout = QVBoxLayout(self.list_host)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(4)
        self.list_layout.addStretch(1)
        self.list_area = scroll_area(self.list_host, "overview_scroll")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(site)
        layout.addWidget(self.message)
        layout.addWidget(self.list_area, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)

    def title(self) -> str:
        return self.tr("Overview")

    # -- life cycle ---------------------------------------------------------------------------------

    def enter(self, context: dict[str, Any]) -> None:
        self.active = True
        self.asked_at = float("-inf")  # the first refresh goes out at once
        super().enter(context)
        self.timer.start()

    def leave(self) -> None:
        self.active = False
        self.timer.stop()

    def refresh(self) -> None:
        """Asks for one snapshot; a refresh while one is on its way, or within MIN_REFRESH_S of the last,
        is dropped (never a queue of them)."""
        operator = self.env.operator
        now = time.monotonic()
        if self.pending or operator is None or not self.active or now - self.asked_at < MIN_REFRESH_S:
            return
        self.pending = True
        self.asked_at = now
        self.run(self.env.operators.overview.snapshot(operator), self._show, self._failed)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Site: current per phase against its limit"))
        if self.snapshot is not None:
            self._fill(self.snapshot)

    # -- painting -----------------------------------------------------------------------------------

    def _show(self, snapshot: Overview) -> None:
        self.pending = False
        if not self.active:
            return
        self.message.hide()
        self.snapshot = snapshot
        self.refreshes += 1
        self._fill(snapshot)

    def _failed(self, error: BaseException) -> None:
        self.pending = False
        if not self.active:
            return
        self.timer.stop()  # signed out or refused: the shell takes over; no stream of failures
        self.message.setText(self.tr("The overview could not be read."))
        self.message.show()

    def _fill(self, snapshot: Overview) -> None:
        self._fill_site(snapshot)
        if tuple(self.cards) != tuple(c.charger_id for c in snapshot.chargers) or any(
            tuple(self.cards[c.charger_id].rows) != tuple(x.connector_id for x in c.connectors)
            for c in snapshot.chargers
        ):
            self._build_cards(snapshot)
        for charger in snapshot.chargers:
            self._fill_charger(self.cards[charger.charger_id], charger)

    def _build_cards(self, snapshot: Overview) -> None:
        for card in self.cards.values():
            self.list_layout.removeWidget(card)
            card.hide()  # off the screen at once, under the new cards until deleted otherwise
            card.deleteLater()
        self.cards = {}
        for index, charger in enumerate(snapshot.chargers):
            card = ChargerCard(charger)
            self.cards[charger.charger_id] = card
            self.list_layout.insertWidget(index, card)

    def _fill_site(self, snapshot: Overview) -> None:
        site = snapshot.site
        for phase, (line, bar) in enumerate(zip(self.site_lines, self.site_bars, strict=True)):
            text = self.tr("%1: %2 of %3 A")
            _set(
                line, _args(text, PHASE_NAMES[phase], amps(site.drawn_mA[phase]), amps(site.limit_mA[phase]))
            )
            bar.set_values(site.drawn_mA[phase], site.offered_mA[phase], site.limit_mA[phase])
        groups = [self._group_line(group) for group in snapshot.groups]
        _set(self.groups, "\n".join(groups))
        self.groups.setVisible(bool(groups))
        _set(self.central, self._central_line(snapshot))

    def _group_line(self, group: NodeLoad) -> str:
        phases = " · ".join(
            f"{PHASE_NAMES[p]} {amps(group.drawn_mA[p])}/{amps(group.limit_mA[p])}" for p in range(3)
        )
        return _args(self.tr("Group %1: %2 A"), group.node_id, phases)

    def _central_line(self, snapshot: Overview) -> str:
        if not snapshot.central_system_configured:
            return self.tr("Central system: none configured")
        parts = []
        for link in snapshot.central_system:
            if link.connected:
                state = _args(self.tr("connected (%1)"), link.registration)
            else:
                state = self.tr("not connected")
            parts.append(f"{link.identity} {state}")
        return _args(self.tr("Central system: %1"), ", ".join(parts))

    def _fill_charger(self, card: ChargerCard, charger: ChargerOverview) -> None:
        locale = self.env.kiosk.translations.locale
        since = format_duration(int(charger.link_age_s), locale)
        state = _args(self.tr("%1 for %2"), self._link_text(charger.link_state), since)
        if charger.link_reason and charger.link_state != "online":
            state = f"{state}: {charger.link_reason}"
        _set(card.link, state)
        set_role(card.link, LINK_ROLES.get(charger.link_state, "status-danger"))
        stats = charger.stats
        firmware = charger.firmware or self.tr("unknown")
        detail = _args(
            self.tr("Firmware %1 · polls %2, missed %3, bad frames %4, reconnects %5 · %6 ms (p99 %7 ms)"),
            firmware,
            str(stats.polls),
            str(stats.missed_polls),
            str(stats.bad_frames),
            str(stats.reconnects),
            f"{stats.latency_avg_ms:.1f}",
            f"{stats.latency_p99_ms:.1f}",
        )
        _set(card.detail, detail)
        for connector in charger.connectors:
            self._fill_connector(card.rows[connector.connector_id], connector)

    def _fill_connector(self, row: ConnectorRow, connector: ConnectorOverview) -> None:
        locale = self.env.kiosk.translations.locale
        pilot = self._pilot_text(connector.iec_state)
        temperature = (
            _args(self.tr("%1 °C"), f"{connector.temperature_dC / 10:.1f}")
            if connector.temperature_dC is not None
            else ""
        )
        parts = [_args(self.tr("Connector %1"), str(connector.number)), pilot]
        if connector.power_W > 0:
            parts.append(format_kw(connector.power_W, locale))
        if temperature:
            parts.append(temperature)
        _set(row.state, " · ".join(parts))
        if connector.faults or connector.iec_state in ("E", "F", ""):
            set_role(row.state, "status-danger")
        else:
            set_role(row.state, "status-muted" if connector.iec_state == "A" else "status-ok")
        drawn = " ".join(amps(mA) for mA in connector.drawn_mA)
        _set(row.current, _args(self.tr("Offered %1 A · drawn %2 A"), amps(connector.offered_mA), drawn))
        _set(
            row.faults,
            _args(self.tr("Faults: %1"), fault_names(connector.faults)) if connector.faults else "",
        )
        row.faults.setVisible(bool(connector.faults))
        _set(row.reason, self._reason_text(connector.allocation))

    # -- words ----------------------------------------------------------------------------------------

    def _link_text(self, state: str) -> str:
        texts = {
            "online": self.tr("Online"),
            "degraded": self.tr("Degraded"),
            "offline": self.tr("Offline"),
            "connecting": self.tr("Connecting"),
            "faulty": self.tr("Faulty link"),
        }
        return texts.get(state, state)

    def _pilot_text(self, letter: str) -> str:
        # IEC 61851-1 Annex A, Table A.3: what each control pilot state means.
        texts = {
            "A": self.tr("A: no vehicle"),
            "B": self.tr("B: vehicle connected"),
            "C": self.tr("C: charging"),
            "D": self.tr("D: charging, ventilated"),
            "E": self.tr("E: pilot shorted"),
            "F": self.tr("F: not available"),
        }
        return texts.get(letter, self.tr("pilot unknown"))

    def _reason_text(self, allocation: Allocation) -> str:
        """The balancer's decision in one line (app/admin/overview.py Allocation.code)."""
        target = amps(allocation.target_mA or 0)
        texts = {
            "offline": self.tr("Balancer: unreachable, its last offer stays reserved"),
            "fault": self.tr("Balancer: nothing while a fault is latched"),
            "no_vehicle": self.tr("Balancer: no vehicle"),
            "not_permitted": self.tr("Balancer: no session lets it charge"),
            "failed": self.tr("Balancer: the charger did not take the last command"),
            "waiting": self.tr("Balancer: no share now, waiting for its turn"),
            "paused": self.tr("Balancer: car idle, its share went to a waiting car"),
            "rising": _args(self.tr("Balancer: rising to %1 A as headroom frees"), target),
            "capped": _args(
                self.tr("Balancer: %1 A, capped by %2"), target, self._source_text(allocation.capped_by)
            ),
            "max": _args(self.tr("Balancer: %1 A, the most this car and cable take"), target),
            "share": _args(self.tr("Balancer: %1 A, its share of the site's limit"), target),
        }
        return texts.get(allocation.code, self.tr("Balancer: no cycle yet"))

    def _source_text(self, source: str | None) -> str:
        """Who set the cap (app/arbitration.py ClaimSource)."""
        texts = {
            "SAFETY": self.tr("safety"),
            "ADMIN": self.tr("a technician"),
            "OCPP_REMOTE": self.tr("the central system"),
            "OCPP_PROFILE": self.tr("a charging profile"),
            "PAYMENT": self.tr("the payment"),
            "SCHEDULE": self.tr("a schedule"),
        }
        return texts.get(source or "", source or "")


def _args(text: str, *values: str) -> str:
    """Qt's %1, %2 ... placeholders filled (the translator may reorder them); %10 and up are not used."""
    for number, value in enumerate(values, start=1):
        text = text.replace(f"%{number}", value)
    return text


def _set(widget: Any, text: str) -> None:
    """Sets a label's text only when it changed: an unchanged text costs no relayout."""
    if widget.text() != text:
        widget.setText(text)
