"""The demo's simulator panel: plug cars in and out, tap virtual cards and inject faults, in its own window.

A tool for the technician or the salesperson beside the kiosk, not for the driver: it talks to the
simulator's control channel (the launcher hands in hal.sim.control.SimControl, docs/simulator.md) and
taps cards through the driver facade, exactly as a card reader would; it never touches the kiosk's
screens, so what the kiosk shows is what the station made of the stimulus.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, QTranslator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.background_tasks import BackgroundTasks
from app.driver import DEMO_BLOCKED_CARD, DEMO_CARDS

if TYPE_CHECKING:
    from app.driver import DriverFacade

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent / "i18n"
PANEL_LANGUAGES = (("en", "EN"), ("ms", "BM"))  # a technician's tool: English and Malay
UNKNOWN_CARD = "04A1B2C3D4E5F6"  # a UID on no list: the kiosk shows "not known here"
STATUS_PERIOD_MS = 1000


class SimulatorChannel(Protocol):
    """What the panel needs of the simulator's control channel: one command, its answer."""

    async def call(self, cmd: str, **args: Any) -> Any: ...


translate = QCoreApplication.translate  # translate("SimPanel", text): the form pyside6-lupdate finds


@dataclass(frozen=True)
class CarModel:
    """A car the panel can plug in: the simulator's `plug` arguments (docs/simulator.md, "plug")."""

    key: str
    battery_wh: int
    car_max_current_mA: int
    car_phases: int

    def label(self) -> str:
        names = {
            "small": translate("SimPanel", "Small city car, 40 kWh, 16 A single-phase"),
            "family": translate("SimPanel", "Family car, 60 kWh, 32 A three-phase"),
            "large": translate("SimPanel", "Large SUV, 100 kWh, 32 A three-phase"),
        }
        return names[self.key]


CARS = (
    CarModel("small", 40_000, 16_000, 1),
    CarModel("family", 60_000, 32_000, 3),
    CarModel("large", 100_000, 32_000, 3),
)


@dataclass(frozen=True)
class FaultKind:
    """A fault the panel injects: the simulator's `fault` kind (docs/fault-catalogue.md has what follows)."""

    kind: str

    def label(self) -> str:
        names = {
            "ground": translate("SimPanel", "Ground fault"),
            "overtemp": translate("SimPanel", "Over-temperature"),
            "estop": translate("SimPanel", "Emergency stop"),
            "host_link": translate("SimPanel", "Link lost"),
        }
        return names[self.kind]


FAULTS = tuple(FaultKind(kind) for kind in ("ground", "overtemp", "estop", "host_link"))


class ChargerRow(QGroupBox):
    """One simulated charger: its live state from the simulator, plug / unplug with a car, and faults."""

    def __init__(self, panel: SimPanel, index: int) -> None:
        super().__init__()
        self.panel = panel
        self.index = index
        self.state = QLabel("")
        self.state.setObjectName(f"sim_state:{index}")
        self.car = QComboBox()
        self.car.setObjectName(f"sim_car:{index}")
        self.car.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.car.setMinimumContentsLength(16)
        self.soc = QSpinBox()
        self.soc.setObjectName(f"sim_soc:{index}")
        self.soc.setRange(0, 100)
        self.soc.setValue(20 + 15 * (index % 4))
        self.soc.setSuffix(" %")
        self.plug = QPushButton()
        self.plug.setObjectName(f"sim_plug:{index}")
        self.plug.clicked.connect(self._plug)
        self.unplug = QPushButton()
        self.unplug.setObjectName(f"sim_unplug:{index}")
        self.unplug.clicked.connect(lambda: self.panel.command("unplug", charger=self.index))
        self.pause = QPushButton()
        self.pause.setObjectName(f"sim_pause:{index}")
        self.pause.setCheckable(True)
        self.pause.toggled.connect(
            lambda on: self.panel.command("car", charger=self.index, request="pause" if on else "charge")
        )
        self.fault_buttons: dict[str, QPushButton] = {}
        self.last_status: dict[str, Any] | None = None
        self.soc_label = QLabel("")
        self.car_label = QLabel("")
        self.faults_label = QLabel("")
        car_row = QHBoxLayout()
        car_row.addWidget(self.car_label)
        car_row.addWidget(self.car, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.soc_label)
        actions.addWidget(self.soc)
        actions.addWidget(self.plug, 1)
        actions.addWidget(self.unplug, 1)
        actions.addWidget(self.pause, 1)
        faults = QGridLayout()
        for position, fault in enumerate(FAULTS):
            toggle = QPushButton()
            toggle.setObjectName(f"sim_fault:{index}:{fault.kind}")
            toggle.setCheckable(True)
            # Checked = the fault is active; unchecking clears it (the charger may stay latched until
            # the station resets it, as the real board does: docs/fault-catalogue.md).
            toggle.toggled.connect(
                lambda on, kind=fault.kind: self.panel.command(
                    "fault", charger=self.index, kind=kind, active=bool(on)
                )
            )
            self.fault_buttons[fault.kind] = toggle
            faults.addWidget(toggle, position // 2, position % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(car_row)
        layout.addLayout(actions)
        layout.addWidget(self.faults_label)
        layout.addLayout(faults)

    def _plug(self) -> None:
        car = CARS[self.car.currentIndex() if self.car.currentIndex() >= 0 else 1]
        self.pause.setChecked(False)
        self.panel.command(
            "plug",
            charger=self.index,
            soc_pct=self.soc.value(),
            battery_wh=car.battery_wh,
            car_max_current_mA=car.car_max_current_mA,
            car_phases=car.car_phases,
        )

    def retranslate(self) -> None:
        self.setTitle(translate("SimPanel", "Charger %1").replace("%1", str(self.index + 1)))
        chosen = self.car.currentIndex() if self.car.currentIndex() >= 0 else 1  # the family car first
        self.car.clear()
        self.car.addItems([car.label() for car in CARS])
        self.car.setCurrentIndex(chosen)
        self.car_label.setText(translate("SimPanel", "Car:"))
        # The combo box's long item texts would squeeze the label away.
        self.car_label.setMinimumWidth(
            self.car_label.fontMetrics().horizontalAdvance(self.car_label.text()) + 4
        )
        self.soc_label.setText(translate("SimPanel", "Battery:"))
        self.plug.setText(translate("SimPanel", "Plug in"))
        self.unplug.setText(translate("SimPanel", "Unplug"))
        self.pause.setText(translate("SimPanel", "Pause car"))
        self.faults_label.setText(translate("SimPanel", "Faults:"))
        for fault in FAULTS:
            self.fault_buttons[fault.kind].setText(fault.label())
        self.show_status(self.last_status)

    def show_status(self, status: dict[str, Any] | None) -> None:
        self.last_status = status
        if status is None:
            self.state.setText(translate("SimPanel", "No answer from the simulator"))
            return
        if not status.get("plugged"):
            text = translate("SimPanel", "No car")
        else:
            text = (
                translate("SimPanel", "Car: state %1, battery %2 %, %3 kW")
                .replace("%1", str(status.get("iec_state", "?")))
                .replace("%2", str(status.get("soc_pct", "?")))
                .replace("%3", f"{status.get('power_W', 0) / 1000:.1f}")
            )
        if status.get("faults"):
            text += "  " + translate("SimPanel", "(fault)")
        self.state.setText(text)


class SimPanel(QWidget):
    """The panel window: one row per simulated charger and the virtual card reader."""

    def __init__(
        self,
        control: SimulatorChannel,
        facade: DriverFacade,
        chargers: int,
        *,
        refusals: tuple[type[Exception], ...] = (OSError,),
        language: str = "en",
        poll_status: bool = True,
        payment_actions: Mapping[str, Callable[[], Awaitable[object]]] | None = None,
    ) -> None:
        super().__init__()
        self.control = control
        self.refusals = refusals  # what a refused command raises (the channel's error, a lost socket)
        self.facade = facade
        self.setObjectName("sim_panel")
        self._tasks = BackgroundTasks("simulator panel", log)
        self._translator: QTranslator | None = None
        self._polling = False

        self.language_buttons = QButtonGroup(self)
        top = QHBoxLayout()
        self.heading = QLabel("")
        top.addWidget(self.heading, 1)
        for code, text in PANEL_LANGUAGES:
            choice = QPushButton(text)
            choice.setObjectName(f"panel_language:{code}")
            choice.setCheckable(True)
            choice.clicked.connect(lambda _=False, c=code: self.set_language(c))
            self.language_buttons.addButton(choice)
            top.addWidget(choice)

        self.cards_box = QGroupBox()
        self.card = QComboBox()
        self.card.setObjectName("sim_card")
        self.card.addItems(list(DEMO_CARDS))
        self.tap = QPushButton()
        self.tap.setObjectName("sim_tap")
        self.tap.clicked.connect(lambda: self.tap_card(self.card.currentText()))
        self.tap_blocked = QPushButton()
        self.tap_blocked.setObjectName("sim_tap_blocked")
        self.tap_blocked.clicked.connect(lambda: self.tap_card(DEMO_BLOCKED_CARD))
        self.tap_unknown = QPushButton()
        self.tap_unknown.setObjectName("sim_tap_unknown")
        self.tap_unknown.clicked.connect(lambda: self.tap_card(UNKNOWN_CARD))
        cards = QGridLayout(self.cards_box)
        cards.addWidget(self.card, 0, 0)
        cards.addWidget(self.tap, 0, 1)
        cards.addWidget(self.tap_blocked, 1, 0)
        cards.addWidget(self.tap_unknown, 1, 1)

        # The simulated payment provider (demo mode): a card at the terminal, a paid QR page.
        self.payments_box = QGroupBox()
        self.payments_box.setVisible(bool(payment_actions))
        self.payment_buttons: dict[str, QPushButton] = {}
        payments = QGridLayout(self.payments_box)
        for i, (key, action) in enumerate((payment_actions or {}).items()):
            choice = QPushButton()
            choice.setObjectName(f"sim_pay:{key}")
            choice.clicked.connect(lambda _=False, a=action: self.run_payment(a))
            self.payment_buttons[key] = choice
            payments.addWidget(choice, i // 2, i % 2)

        self.rows = [ChargerRow(self, i) for i in range(chargers)]
        self.message = QLabel("")
        self.message.setObjectName("sim_message")
        self.message.setWordWrap(True)
        grid = QGridLayout()
        for i, row in enumerate(self.rows):
            grid.addWidget(row, i // 2, i % 2)  # two columns: four chargers fit a laptop screen
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.cards_box)
        layout.addWidget(self.payments_box)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.status_timer = QTimer(self)
        self.status_timer.setInterval(STATUS_PERIOD_MS)
        self.status_timer.timeout.connect(self._poll_status)
        if poll_status:
            self.status_timer.start()
        self.set_language(language)

    # -- languages -----------------------------------------------------------------------------------

    def set_language(self, code: str) -> None:
        """The panel's own translator (context SimPanel); the kiosk's language is not changed."""
        app = QCoreApplication.instance()
        assert app is not None  # a widget exists only inside its application
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        if code != "en":
            translator = QTranslator(self)
            if translator.load(str(I18N_DIR / f"sim_panel_{code}.qm")):
                app.installTranslator(translator)
                self._translator = translator
            else:
                log.error("cannot load the panel's %s translation; showing English", code)
        for choice in self.language_buttons.buttons():
            choice.setChecked(choice.objectName() == f"panel_language:{code}")
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("SimPanel", "Simulator panel"))
        self.heading.setText(translate("SimPanel", "Simulated chargers and cards (demo only)"))
        self.cards_box.setTitle(translate("SimPanel", "Virtual card reader"))
        self.tap.setText(translate("SimPanel", "Tap this card"))
        self.tap_blocked.setText(translate("SimPanel", "Tap a blocked card"))
        self.tap_unknown.setText(translate("SimPanel", "Tap an unknown card"))
        self.payments_box.setTitle(translate("SimPanel", "Simulated card terminal and phone"))
        for key, choice in self.payment_buttons.items():
            choice.setText(payment_action_text(key))
        for row in self.rows:
            row.retranslate()

    # -- actions -------------------------------------------------------------------------------------

    def _spawn(self, coroutine: Any) -> asyncio.Task[Any]:
        return self._tasks.start(coroutine)

    def command(self, cmd: str, **args: Any) -> asyncio.Task[Any]:
        """Sends one control command off the Qt thread; a refusal (plugging a plugged charger) is shown."""

        async def send() -> None:
            try:
                await self.control.call(cmd, **args)
            except self.refusals as error:
                self.message.setText(
                    translate("SimPanel", "The simulator refused: %1").replace("%1", str(error))
                )
                return
            self.message.setText("")
            await self._refresh_status()

        return self._spawn(send())

    def tap_card(self, id_tag: str) -> asyncio.Task[Any]:
        """A card on the station's reader: the facade decides, as for a real card (docs/driver-flow.md)."""

        async def tap() -> None:
            outcome = await self.facade.present_card(id_tag)
            self.message.setText(
                translate("SimPanel", "Card %1: %2")
                .replace("%1", id_tag)
                .replace("%2", outcome_text(outcome.kind))
            )

        return self._spawn(tap())

    def run_payment(self, action: Callable[[], Awaitable[object]]) -> asyncio.Task[Any]:
        """A simulated driver's action at the terminal or on the phone; what it did is shown."""

        async def run() -> None:
            try:
                await action()
            except Exception as error:  # the provider refused: nothing waits for a card, the page expired
                self.message.setText(translate("SimPanel", "Refused: %1").replace("%1", str(error)))
                return
            self.message.setText(translate("SimPanel", "Done"))

        return self._spawn(run())

    def _poll_status(self) -> None:
        if not self._polling:
            self._spawn(self._refresh_status())

    async def _refresh_status(self) -> None:
        self._polling = True
        try:
            for row in self.rows:
                try:
                    status: dict[str, Any] | None = await self.control.call("status", charger=row.index)
                except self.refusals:
                    status = None
                row.show_status(status)
        finally:
            self._polling = False

    def close_panel(self) -> None:
        self.status_timer.stop()
        self._tasks.cancel()
        if self._translator is not None:
            app = QCoreApplication.instance()
            assert app is not None  # a widget exists only inside its application
            app.removeTranslator(self._translator)
            self._translator = None
        self.close()


def payment_action_text(key: str) -> str:
    texts = {
        "card_ok": translate("SimPanel", "Present a test card at the terminal"),
        "card_declined": translate("SimPanel", "Present a card that is declined"),
        "qr_card": translate("SimPanel", "Pay the QR page by card"),
        "qr_fpx": translate("SimPanel", "Pay the QR page by FPX"),
    }
    return texts.get(key, key)


def outcome_text(kind: str) -> str:
    texts = {
        "authorised": translate("SimPanel", "authorised"),
        "stopped": translate("SimPanel", "stops its session"),
        "refused": translate("SimPanel", "refused"),
        "busy": translate("SimPanel", "no connector free"),
        "error": translate("SimPanel", "could not be checked"),
        "captured": translate("SimPanel", "taken by the staff sign-in"),
    }
    return texts.get(kind, kind)
