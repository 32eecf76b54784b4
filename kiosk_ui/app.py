"""The kiosk window: a header with the languages over a stack of screens (launcher/kiosk_host.py runs it)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLayout,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk_ui.admin.configuration import follow_kiosk_settings
from kiosk_ui.admin.gesture import HOLD_S, CornerHold
from kiosk_ui.admin.mode import AdminMode
from kiosk_ui.facade_bridge import FacadeBridge
from kiosk_ui.flow import KioskFlow
from kiosk_ui.i18n import Translations, available_languages
from kiosk_ui.screen import KioskEnv, Screen, button, label
from kiosk_ui.screens.authorise import AuthoriseScreen
from kiosk_ui.screens.charging import ChargingScreen
from kiosk_ui.screens.fault import FaultScreen
from kiosk_ui.screens.idle import IdleScreen
from kiosk_ui.screens.out_of_service import OutOfServiceScreen
from kiosk_ui.screens.pay_card import PayCardScreen
from kiosk_ui.screens.pay_phone import PayPhoneScreen
from kiosk_ui.screens.pay_qr import PayQrScreen
from kiosk_ui.screens.payment_result import PaymentResultScreen
from kiosk_ui.screens.phone_link import PhoneLinkScreen
from kiosk_ui.screens.pick_connector import PickConnectorScreen
from kiosk_ui.screens.plug_in import PlugInScreen
from kiosk_ui.screens.receipt import ReceiptScreen
from kiosk_ui.screens.receipt_email import ReceiptEmailScreen
from kiosk_ui.screens.summary import SummaryScreen
from kiosk_ui.texts import helpline_text
from kiosk_ui.theme import Theme, load_theme

if TYPE_CHECKING:
    from app.admin import OperatorFacade
    from app.driver import DriverFacade

log = logging.getLogger(__name__)

SCREENS = (
    IdleScreen,
    AuthoriseScreen,
    PickConnectorScreen,
    PlugInScreen,
    ChargingScreen,
    SummaryScreen,
    FaultScreen,
    OutOfServiceScreen,
    PayCardScreen,
    PayPhoneScreen,
    PayQrScreen,
    PaymentResultScreen,
    ReceiptScreen,
    ReceiptEmailScreen,
    PhoneLinkScreen,
)
RESTING_SCREENS = ("idle", "out_of_service")  # the inactivity timer has nothing to do on these
INPUT_EVENTS = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.KeyPress,
)


class KioskWindow(QWidget):
    """The whole kiosk in one widget; run_kiosk shows it full screen, tests and the demo may show it in a
    window of any size (show_screen, screens and the header's language buttons are for them too)."""

    def __init__(
        self,
        facade: DriverFacade,
        *,
        theme: Theme | None = None,
        languages: tuple[str, ...] | None = None,
        language: str | None = None,
        idle_timeout_s: float | None = None,
        plug_timeout_s: float | None = None,
        message_s: float = 8.0,
        operators: OperatorFacade | None = None,
        admin_idle_timeout_s: float | None = None,
        admin_hold_s: float | None = None,
    ) -> None:
        super().__init__()
        settings = facade.kiosk  # the [kiosk] settings: their schema holds the defaults
        wanted = languages or settings.languages
        self.translations = Translations(available_languages(wanted=wanted))
        self.theme = theme or load_theme()
        plug_s = facade.plug_timeout_s if plug_timeout_s is None else plug_timeout_s
        self.env = KioskEnv(facade, self.theme, self.translations, plug_s, message_s)
        self.default_language = language or settings.default_language
        timeout = idle_timeout_s if idle_timeout_s is not None else settings.idle_timeout_s
        self.setObjectName("kiosk")
        self.setWindowTitle(facade.station_name or "EV charging")
        self.setStyleSheet(self.theme.stylesheet())

        header = QWidget()
        header.setObjectName("header")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        bar = QHBoxLayout(header)
        bar.setContentsMargins(12, 2, 8, 2)
        # The site's name and what a driver quotes to the helpline (station ID, the number to call) on
        # every screen; the connector's number is on each screen that concerns one.
        self.site_name = label("", wrap=False)
        self.site_name.setObjectName("site_name")
        self.site_detail = label("", "header-detail", wrap=False)
        self.site_detail.setObjectName("site_detail")
        for part in (self.site_name, self.site_detail):
            # The language buttons keep their size; the site's lines take what is left across (checked
            # for cuts by the screenshots' layout check), and never less than a line's height: a full
            # screen below (idle with the pay row, in Tamil) must not squeeze the header.
            part.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        site = QVBoxLayout()
        site.setSpacing(0)
        site.addWidget(self.site_name)
        site.addWidget(self.site_detail)
        bar.addLayout(site, 1)
        self.language_buttons = QButtonGroup(self)
        # No globe beside them: each language button names its language in that language, and four of
        # them leave the site's name and helpline just enough room at 800 px.
        for lang in self.translations.languages:
            choice = button("language")
            choice.setObjectName(f"language:{lang.code}")
            choice.setText(lang.button)
            choice.setToolTip(lang.native_name)
            choice.setCheckable(True)
            choice.clicked.connect(lambda _=False, code=lang.code: self.set_language(code))
            self.language_buttons.addButton(choice)
            bar.addWidget(choice)

        self.stack = QStackedWidget()
        self.screens: dict[str, Screen] = {}
        for screen_class in SCREENS:
            screen = screen_class(self.env)
            screen.navigate.connect(self.show_screen)
            self.screens[screen.name] = screen
            self.stack.addWidget(screen)
        layout = QVBoxLayout(self)
        # The window is the display's size, never more: a screen whose text needs more room is cut,
        # which the layout check of the screenshots reports (kiosk_ui/layout_check.py), instead of a
        # window silently growing past the display's edge.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        # The driver's screens and, with an operator facade, the admin mode (docs/admin.md "Screens"):
        # one page each under the same header, so the languages stay while a technician works.
        self.body = QStackedWidget()
        self.body.addWidget(self.stack)
        layout.addWidget(self.body, 1)
        self.admin: AdminMode | None = None
        self._unfollow_settings: Callable[[], None] | None = None
        self.corner: CornerHold | None = None
        if operators is not None:
            self.admin = AdminMode(self.env, operators, admin_idle_timeout_s)
            self.admin.left.connect(self._admin_left)
            self.admin.entered.connect(self._retranslate_header)  # who is signed in, in the header
            self.body.addWidget(self.admin)
            self.corner = CornerHold(
                self.screens["idle"], self.theme.touch_px, admin_hold_s or HOLD_S, self.open_admin
            )
            # A technician's change of the kiosk settings (idle timeout, languages) applies at once.
            self._unfollow_settings = follow_kiosk_settings(self, operators)

        self.flow = KioskFlow(self.env, self.show_screen, self.current_screen, self.set_language)
        self.screens["pick"].on_pick = self.flow.start  # type: ignore[attr-defined]  # a PickConnectorScreen
        self.bridge = FacadeBridge(facade, self)
        # While admin mode shows, the driver's events are not acted on (it opens from idle only, with no
        # driver mid-flow): the idle screen is brought up to date when it shows again (a session that
        # ended meanwhile is in the ledger and on its tile).
        self.bridge.connectors_changed.connect(self._driver(lambda: self.current_screen().refresh()))
        self.bridge.card_tapped.connect(self._driver(self._on_card))
        self.bridge.session_ended.connect(self._driver(self.flow.on_session_ended))
        self.bridge.reader_problem.connect(self._driver(self.flow.on_reader_problem))
        self.bridge.payment_update.connect(self._driver(self.flow.on_payment))
        self.bridge.payment_limit.connect(self._driver(self.flow.on_payment_limit))

        # Inactivity: any touch restarts the timer; on expiry the kiosk goes back to idle and its default
        # language. Leaving a screen never stops a session (docs/kiosk.md).
        self.inactivity = QTimer(self)
        self.inactivity.setSingleShot(True)
        self.inactivity.setInterval(int(timeout * 1000))
        self.inactivity.timeout.connect(self._on_inactive)
        app = QApplication.instance()
        assert app is not None  # a widget exists only inside its application
        app.installEventFilter(self)

        self.set_language(self.default_language)
        self.show_screen("idle", {})

    # -- navigation ----------------------------------------------------------------------------------

    def current_screen(self) -> Screen:
        return self.stack.currentWidget()  # type: ignore[return-value]  # the stack holds only screens

    def show_screen(self, name: str, context: dict[str, Any] | None = None) -> None:
        if self.admin_active():
            log.info("admin mode shows: the driver's %s screen is not shown", name)
            return
        current = self.current_screen()
        target = self.screens[name]
        if current is not target:
            current.leave()
        if name == "idle" and current is not None and current.name == "pick":
            self.env.facade.cancel_authorisation()
        self.stack.setCurrentWidget(target)
        target.enter(context or {})
        if name in RESTING_SCREENS or target.timed:
            self.inactivity.stop()
        else:
            self.inactivity.start()

    def _on_card(self, outcome: Any) -> None:
        if not self.current_screen().timed:
            self.inactivity.start()
        self.flow.on_card(outcome)

    def _on_inactive(self) -> None:
        if self.current_screen().name not in RESTING_SCREENS and not self.admin_active():
            log.info("no touch for %.0f s: back to idle", self.inactivity.interval() / 1000)
            if self.translations.current.code != self.default_language:
                self.set_language(self.default_language)
            self.show_screen("idle", {})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self.env.facade.screen_light is not None:
            self.env.facade.screen_light.touched()  # a dimmed screen brightens at the first touch
        if self.admin is not None and self.admin.active:
            if event.type() in INPUT_EVENTS:
                self.admin.touched()
            return False
        screen = self.current_screen()
        if event.type() in INPUT_EVENTS and screen.name not in RESTING_SCREENS and not screen.timed:
            self.inactivity.start()
        return False

    # -- admin mode ----------------------------------------------------------------------------------

    def admin_active(self) -> bool:
        return self.admin is not None and self.admin.active

    def open_admin(self) -> bool:
        """The gesture's doing: the PIN pad, only from the idle screen and never while a driver is
        part-way through a start (an authorised card or a payment waiting); False when refused."""
        if self.admin is None or self.admin.active or not self.isVisible():
            return False
        if self.current_screen().name != "idle" or self.env.facade.mid_flow():
            return False
        self.inactivity.stop()
        self.admin.open()
        self.body.setCurrentWidget(self.admin)
        return True

    def _admin_left(self, reason: str) -> None:
        """Admin mode ended (Cancel, Exit, timeout): the driver's idle screen in the default language."""
        self.body.setCurrentWidget(self.stack)
        self.set_language(self.default_language)
        self.show_screen("idle", {})

    def _driver(self, handler: Callable[..., None]) -> Callable[..., None]:
        """A driver event's handler that does nothing while admin mode shows (the event is dropped)."""

        def guarded(*args: Any) -> None:
            if not self.admin_active():
                handler(*args)

        return guarded

    # -- languages -----------------------------------------------------------------------------------

    def set_language(self, code: str) -> None:
        self.translations.set_language(code)
        for choice in self.language_buttons.buttons():
            choice.setChecked(choice.objectName() == f"language:{code}")
        self._retranslate_header()
        # LanguageChange reaches only visible widgets reliably at once; the current screen repaints now.
        if self.admin_active():
            assert self.admin is not None
            self.admin.retranslate()
            return  # the driver's screen is retranslated when it shows again
        self.current_screen().retranslate()
        self.current_screen().refresh()

    def _retranslate_header(self) -> None:
        facade = self.env.facade
        self.site_name.setText(facade.station_name or self.tr("EV charging"))
        parts = []
        if facade.station_id:
            parts.append(self.tr("Station %1").replace("%1", facade.station_id))
        if facade.helpline:
            parts.append(helpline_text(facade.helpline))
        if self.admin is not None and self.admin.active and self.admin.operator is not None:
            # In admin mode the header's second line says who is signed in (docs/admin.md "The shell").
            parts = [self.admin.shell.who()]
        self.site_detail.setText(" · ".join(parts))
        self.site_detail.setVisible(bool(parts))
        for part in (self.site_name, self.site_detail):
            # The language's script font (its line height) is in effect now, not at the next polish: the
            # header's height follows it before the screen below is laid out.
            part.ensurePolished()
            part.setMinimumHeight(QFontMetrics(part.font()).height())

    def changeEvent(self, event: QEvent) -> None:
        # The header follows the translator in effect when the event comes (set_language says it at
        # once too): with two windows in one application (the screenshots), the other window's
        # translator may still have been the newest when this one switched.
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_header()
        super().changeEvent(event)

    def close_kiosk(self) -> None:
        app = QApplication.instance()
        assert app is not None  # a widget exists only inside its application
        app.removeEventFilter(self)
        if self.corner is not None:
            self.corner.close()
        if self.admin is not None:
            self.admin.inactivity.stop()
            self.admin.shell.clear()
            self.admin.close_reader()
        if self._unfollow_settings is not None:
            self._unfollow_settings()
            self._unfollow_settings = None
        self.inactivity.stop()
        self.current_screen().leave()
        self.bridge.close()
        self.translations.uninstall()


class _CloseWatcher(QObject):
    def __init__(self, watched: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(watched)
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self._callback()
        return False


def when_closed(window: QWidget, callback: Callable[[], None]) -> None:
    """Calls callback when the window gets its Close event (for the demo: stop the script, close the
    panel), before run_kiosk stops the facade and the runtime."""
    window.installEventFilter(_CloseWatcher(window, callback))


def fit_to_screen(window: QWidget) -> None:
    """Full screen also without a window manager (where showFullScreen alone is ignored): the geometry
    is set to the screen's as well."""
    screen = QGuiApplication.primaryScreen()
    window.setGeometry(screen.geometry())
    window.showFullScreen()
