"""The admin mode's shell: who is signed in, the navigation to the screens their role may see (from the
registry), Exit, and the screen shown; it hosts whatever kiosk_ui/admin/registry.py lists."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk_ui.admin import registry
from kiosk_ui.admin.admin_screen import scroll_area
from kiosk_ui.screen import button, label, set_role

if TYPE_CHECKING:
    from app.admin import Operator
    from kiosk_ui.admin.admin_screen import AdminEnv, AdminScreen

log = logging.getLogger(__name__)

REFRESH_MS = 1000  # the visible screen's refresh tick (AdminScreen.refresh)
NAV_SHARE = 0.25  # the navigation column's share of the window's width (the screens need the rest)
FIRST_SCREEN = "overview"  # shown on signing in where the role may see it, else the first offered
BUILD_LATER_MS = 30  # the screens not shown first are built this long apart


class AdminShell(QWidget):
    """Built once; open(operator) fills the navigation for that person, clear() empties it. A screen is
    made the first time it is shown and kept (its widgets are the costly part), and shown again to the
    next person whose role may see it."""

    exit_requested = Signal()

    def __init__(self, env: AdminEnv) -> None:
        super().__init__()
        self.env = env
        self.setObjectName("admin:shell")
        self.operator: Operator | None = None
        self.offered: list[type[AdminScreen]] = []
        self.built: dict[str, AdminScreen] = {}
        self.nav_buttons: dict[str, QPushButton] = {}
        self.current: AdminScreen | None = None

        self.nav = QWidget()
        self.nav_layout = QVBoxLayout(self.nav)
        self.nav_layout.setContentsMargins(0, 0, 0, 0)
        self.nav_layout.setSpacing(2)
        # Six entries fit the column at 800x480; more scroll under a finger. Without a scroll bar: one
        # would take its width from the entries only once they overflow (after they were laid out), and
        # the longest words (Tamil) need the column's whole width; the cut last entry shows there is more.
        scroll = scroll_area(self.nav)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav_scroll = scroll
        self.exit = button("danger")
        self.exit.setObjectName("admin_exit")
        self.exit.clicked.connect(self.exit_requested.emit)
        # The small type for Exit and the entries: "Exit" in Tamil is wider than the column in the button
        # type, and six entries on one line each fit the column's height at 800x480.
        # min-height counts the text's box: with the border and padding the entry is one touch target.
        touch = env.theme.touch_px
        self.nav_style = f"font-size: {env.theme.px('small')}px; padding: 2px 4px; min-height: {touch - 8}px;"
        self.exit.setStyleSheet(self.nav_style)
        column = QFrame()
        column.setProperty("role", "card")
        column.setObjectName("admin_nav")
        # The list scrolls inside the card on the card's own colour (ids: the buttons keep theirs).
        self.nav.setObjectName("admin_nav_list")
        scroll.setObjectName("admin_nav_scroll")
        scroll.viewport().setObjectName("admin_nav_view")
        column.setStyleSheet(
            "#admin_nav_scroll, #admin_nav_view, #admin_nav_list { background: transparent; }"
        )
        side = QVBoxLayout(column)
        side.setContentsMargins(4, 4, 4, 4)
        side.setSpacing(4)
        side.addWidget(scroll, 1)
        side.addWidget(self.exit)
        self.column = column

        self.pages = QStackedWidget()
        self.placeholder = label("", "large")
        self.placeholder.setObjectName("admin_no_screens")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.placeholder)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 4, 4, 4)
        row.setSpacing(6)
        for part, stretch in ((column, round(NAV_SHARE * 100)), (self.pages, round((1 - NAV_SHARE) * 100))):
            policy = part.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)  # each keeps its share whatever its text
            part.setSizePolicy(policy)
            row.addWidget(part, stretch)

        self.ticker = QTimer(self)
        self.ticker.setInterval(REFRESH_MS)
        self.ticker.timeout.connect(self._tick)

    # -- signing in and out -------------------------------------------------------------------------

    def open(self, operator: Operator) -> None:
        """The navigation for this person (the screens at or below their role) and the first screen."""
        self.operator = operator
        self.offered = [s for s in registry.ADMIN_SCREENS if operator.may(s.min_role)]
        self._empty_nav()
        for screen_class in self.offered:
            choice = button("option")
            choice.setObjectName(f"admin_nav:{screen_class.name}")
            # One type for every entry, the marked one too (the marking is its colour and frame): an
            # entry does not grow or wrap anew when it is chosen.
            choice.setStyleSheet(self.nav_style)
            choice.setSizePolicy(
                QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum
            )  # scrolls, never squeezed
            choice.clicked.connect(lambda _=False, n=screen_class.name: self.show_screen(n, {}))
            self.nav_layout.addWidget(choice)
            self.nav_buttons[screen_class.name] = choice
        self.nav_layout.addStretch(1)
        self.retranslate()
        if self.offered:
            names = [s.name for s in self.offered]
            self.show_screen(FIRST_SCREEN if FIRST_SCREEN in names else names[0], {})
        else:
            self.pages.setCurrentWidget(self.placeholder)
        self.ticker.start()
        # The other screens are built one per turn of the loop after the first has painted, so the
        # first paint is not kept waiting for screens the person may never open (docs/benchmarks.md).
        QTimer.singleShot(BUILD_LATER_MS, self._build_next)

    def _build_next(self) -> None:
        if self.operator is None:
            return
        missing = next((s for s in self.offered if s.name not in self.built), None)
        if missing is not None:
            self._build(missing)
            QTimer.singleShot(BUILD_LATER_MS, self._build_next)

    def _build(self, screen_class: type[AdminScreen]) -> AdminScreen:
        screen = screen_class(self.env)
        screen.navigate.connect(self.show_screen)
        self.built[screen_class.name] = screen
        self.pages.addWidget(screen)
        if (choice := self.nav_buttons.get(screen_class.name)) is not None:
            choice.setText(screen.title())
        return screen

    def clear(self) -> None:
        """Leaves the screen shown and forgets the person; the screens stay built for the next one."""
        self.ticker.stop()
        if self.current is not None:
            self.current.leave()
        self.current = None
        self.operator = None
        self.pages.setCurrentWidget(self.placeholder)
        self._empty_nav()

    def _empty_nav(self) -> None:
        while self.nav_layout.count():
            item = self.nav_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.nav_buttons.clear()

    # -- navigation ---------------------------------------------------------------------------------

    def show_screen(self, name: str, context: dict[str, Any]) -> None:
        """Shows a screen the person may see; "driver" leaves admin mode (AdminScreen.navigate)."""
        if name == "driver":
            self.exit_requested.emit()
            return
        screen_class = next((s for s in self.offered if s.name == name), None)
        if screen_class is None:
            log.warning("admin screen %r is not offered to this role", name)
            return
        screen = self.built.get(name) or self._build(screen_class)
        if self.current is not None and self.current is not screen:
            self.current.leave()
        self.current = screen
        self.pages.setCurrentWidget(screen)
        for other, choice in self.nav_buttons.items():
            set_role(choice, "choice-marked" if other == name else "option")
        # The marked entry in view: one chosen from elsewhere (a screen's own link) may be scrolled out.
        self.nav_scroll.ensureWidgetVisible(self.nav_buttons[name], 0, 0)
        screen.enter(context)

    def _tick(self) -> None:
        if self.current is not None and self.current.isVisible():
            self.current.refresh()

    # -- languages ----------------------------------------------------------------------------------

    def who(self) -> str:
        """Who is signed in and their role, for the kiosk's header (KioskWindow shows it there in place
        of the station's line: the column keeps its height for the navigation)."""
        operator = self.operator
        if operator is None:
            return ""
        # The name and the role only: with the four language buttons beside it, "Signed in:" made the
        # line wider than the header leaves it in Tamil.
        return f"{operator.name} ({self.role_name()})"

    def retranslate(self) -> None:
        self.exit.setText(self.tr("Exit"))
        self.placeholder.setText(self.tr("No admin screens are installed."))
        for name, choice in self.nav_buttons.items():
            screen = self.built.get(name)
            # A screen not built yet is named by its name until it is (a moment after the first paint).
            choice.setText(screen.title() if screen is not None else name)
        if self.current is not None:
            self.current.retranslate()

    def role_name(self) -> str:
        role = self.operator.role if self.operator is not None else ""
        names = {
            "viewer": self.tr("viewer"),
            "technician": self.tr("technician"),
            "operator": self.tr("operator"),
        }
        return names.get(role, role)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
