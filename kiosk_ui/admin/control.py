"""Control screen (technician): pick a connector, then act on it or its charger with large buttons: out of
service and back (with a preset reason), stop its session (reason, then confirmation), unlock, restart
the charger (confirmation), clear a latched fault, run the self-test; each answer is shown as it comes.

Everything goes through the operator facade's control group (app/admin/control.py, docs/admin.md
"Control"); nothing is typed: reasons and faults are picked from buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.admin import REASONS, OperationError, PermissionDeniedError
from kiosk_ui.admin.admin_screen import AdminEnv, AdminScreen, scroll_area, show_page
from kiosk_ui.admin.station_texts import fault_name, fault_names
from kiosk_ui.screen import button, card_frame, label, set_role

if TYPE_CHECKING:
    from app.admin import (
        AvailabilityResult,
        CommandResult,
        ControlConnector,
        SelfTestResult,
        StopResult,
    )

ACTIONS, CHOICES, CONFIRM, SELF_TEST = range(4)  # the pages beside the connectors
# Two across: beside the shell's navigation at 800 px, three connectors or actions across did not fit
# the longer Tamil words ("Car plugged in", "Restart charger").
CARD_COLUMNS = 2
ACTION_COLUMNS = 2
SELF_TESTS = ("pilot_high", "pilot_low", "rcd", "contactor_feedback", "lock", "meter", "temperature")


class ControlScreen(AdminScreen):
    """The technician's actions on one connector and its charger."""

    name = "control"
    min_role = "technician"

    def __init__(self, env: AdminEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.connectors: list[ControlConnector] = []
        self.selected: str | None = None
        self.busy = False
        self._loading = False
        self._on_choice: Callable[[str], None] | None = None
        self._on_confirm: Callable[[], None] | None = None
        self._last_tests: SelfTestResult | None = None

        self.detail = label("", "small")
        self.detail.setObjectName("control_detail")
        self.cards_host = QWidget()
        self.cards = QGridLayout(self.cards_host)
        self.cards.setContentsMargins(0, 0, 0, 0)
        self.cards.setSpacing(4)
        self.card_buttons: dict[str, QPushButton] = {}
        # The connectors scroll under a finger (16 chargers' connectors do not fit any display); the
        # actions for the one picked below them.
        self.cards_area = scroll_area(self.cards_host, "control_cards")

        self.stack = QStackedWidget()
        self.stack.addWidget(self._actions_page())
        self.stack.addWidget(self._choices_page())
        self.stack.addWidget(self._confirm_page())
        self.stack.addWidget(self._self_test_page())
        show_page(self.stack, ACTIONS)
        self.result = label("", "muted")
        self.result.setObjectName("control_result")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        # The shell's navigation names the screen: the first line is the picked connector's charger,
        # why it is out of service and its faults.
        layout.addWidget(self.detail)
        # The page below takes the height its buttons need; the connectors the rest (and scroll in it).
        layout.addWidget(self.cards_area, 1)
        layout.addWidget(self.stack)
        layout.addWidget(self.result)

    # -- building the pages ---------------------------------------------------------------------------

    def _action(self, name: str, role: str, slot: Callable[..., None]) -> QPushButton:
        widget = button(role)
        widget.setObjectName(f"control_{name}")
        # Ignored across: the columns share the width whatever the words (they wrap into it). Never
        # below its text's height: where the height is short, the connectors above scroll instead.
        widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        widget.clicked.connect(slot)
        return widget

    def _actions_page(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        self.availability = self._action("availability", "choice", self._availability_tapped)
        self.stop = self._action("stop", "choice", self._stop_tapped)
        self.unlock = self._action("unlock", "choice", self._unlock_tapped)
        self.restart = self._action("restart", "choice", self._restart_tapped)
        self.self_test = self._action("self_test", "choice", self._self_test_tapped)
        self.clear = self._action("clear", "choice", self._clear_tapped)
        for index, widget in enumerate(
            (self.availability, self.stop, self.unlock, self.restart, self.self_test, self.clear)
        ):
            grid.addWidget(widget, index // ACTION_COLUMNS, index % ACTION_COLUMNS)
        return page

    def _choices_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 4)
        self.choice_prompt = label("", None)
        self.choice_row = QGridLayout()  # two a row: four reasons across do not fit beside the connectors
        self.choice_buttons: dict[str, QPushButton] = {}
        self.choice_cancel = self._action("choice_cancel", "secondary", self._back)
        layout.addWidget(self.choice_prompt)
        layout.addLayout(self.choice_row, 1)
        layout.addWidget(self.choice_cancel)
        return page

    def _confirm_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 4)
        self.confirm_prompt = label("", None)
        self.confirm_prompt.setObjectName("control_confirm_prompt")
        self.confirm = self._action("confirm", "danger", self._confirmed)
        self.confirm_cancel = self._action("confirm_cancel", "secondary", self._back)
        row = QHBoxLayout()
        row.addWidget(self.confirm)
        row.addWidget(self.confirm_cancel)
        layout.addWidget(self.confirm_prompt)
        layout.addLayout(row, 1)
        return page

    def _self_test_page(self) -> QWidget:
        results = card_frame()
        layout = QVBoxLayout(results)
        layout.setContentsMargins(8, 4, 8, 4)
        self.tests_title = label("", "large")
        grid = QGridLayout()
        self.test_names: dict[str, Any] = {}
        self.test_outcomes: dict[str, Any] = {}
        grid.setVerticalSpacing(0)
        for index, name in enumerate(SELF_TESTS):
            # One test a line: two across, the names and outcomes in Tamil were cut beside the connectors.
            text, outcome = label("", "small"), label("", "status-muted")
            outcome.setObjectName(f"control_test:{name}")
            self.test_names[name], self.test_outcomes[name] = text, outcome
            grid.addWidget(text, index, 0)
            grid.addWidget(outcome, index, 1)
        grid.setColumnStretch(0, 1)
        self.tests_done = self._action("tests_done", "secondary", self._back)
        self.tests_done.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.tests_title)
        layout.addLayout(grid, 1)
        # The results scroll: a stacked widget is as tall as its tallest page, and seven lines standing
        # would squeeze the connectors and actions of the other pages.
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(scroll_area(results, "control_tests"), 1)
        column.addWidget(self.tests_done)
        return page

    # -- life cycle -----------------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Control")

    def enter(self, context: dict[str, Any]) -> None:
        self.selected = context.get("connector_id", self.selected)
        self._page(ACTIONS)
        self.result.setText("")
        super().enter(context)

    def refresh(self) -> None:
        """Reads every connector again (off the Qt thread) and repaints the cards and buttons."""
        if self._loading or self.env.operator is None:
            return
        self._loading = True
        self.run(self.env.operators.control.connectors(self.env.operator), self._loaded, self._load_failed)

    def _loaded(self, connectors: list[ControlConnector]) -> None:
        self._loading = False
        self.connectors = connectors
        ids = [c.connector_id for c in connectors]
        if self.selected not in ids:
            self.selected = ids[0] if ids else None
        if list(self.card_buttons) != ids:
            for old in self.card_buttons.values():
                old.setParent(None)
            self.card_buttons = {}
            for index, connector in enumerate(connectors):
                card = button("choice")
                card.setObjectName(f"control_card:{connector.connector_id}")
                card.setStyleSheet(f"font-size: {self.env.theme.px('small')}px; padding: 2px 4px;")
                # The columns share the width; a card is never squeezed below its text's height (the
                # scroll area scrolls rather than cutting its page to the viewport).
                card.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
                card.clicked.connect(lambda _=False, c=connector.connector_id: self._pick(c))
                self.cards.addWidget(card, index // CARD_COLUMNS, index % CARD_COLUMNS)
                self.card_buttons[connector.connector_id] = card
        self.retranslate()

    def _load_failed(self, error: BaseException) -> None:
        self._loading = False
        self._show_error(error)

    def _pick(self, connector_id: str) -> None:
        self.selected = connector_id
        self._page(ACTIONS)
        self.result.setText("")
        self.retranslate()

    def current(self) -> ControlConnector | None:
        return next((c for c in self.connectors if c.connector_id == self.selected), None)

    # -- texts ----------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        for line in (self.result, self.tests_title):
            # The language's script font (its line height) is in effect now, not at the next polish.
            line.ensurePolished()
            line.setMinimumHeight(QFontMetrics(line.font()).height())
        states = self._state_texts()
        for connector in self.connectors:
            card = self.card_buttons.get(connector.connector_id)
            if card is None:
                continue
            lines = [self._connector(connector.number), states.get(connector.state, connector.state)]
            if connector.scheduled:
                lines.append(self.tr("Out of service after this session"))
            card.setText(" \u00b7 ".join(lines))  # one line where it fits, wrapped where not
            set_role(card, "choice-marked" if connector.connector_id == self.selected else "choice")
        selected = self.current()
        self.detail.setText(self._detail(selected) if selected is not None else self.tr("No connector"))
        held = selected is not None and (selected.unavailable or selected.scheduled)
        self.availability.setText(self.tr("Put back in service") if held else self.tr("Take out of service"))
        self.stop.setText(self.tr("Stop session"))
        self.unlock.setText(self.tr("Unlock"))
        self.restart.setText(self.tr("Restart charger"))
        self.self_test.setText(self.tr("Self-test"))
        self.clear.setText(self.tr("Clear fault"))
        self.choice_cancel.setText(self.tr("Cancel"))
        self.confirm_cancel.setText(self.tr("Cancel"))
        self.tests_done.setText(self.tr("Done"))
        reasons = self._reason_texts()
        for key, choice in self.choice_buttons.items():
            choice.setText(reasons.get(key, key))
        self._paint_tests()
        self._enable()

    def _connector(self, number: int) -> str:
        return self.tr("Connector %1").replace("%1", str(number))

    def _detail(self, connector: ControlConnector) -> str:
        parts = [self.tr("Charger %1").replace("%1", connector.charger_id)]
        if connector.reason is not None:
            reason = self._reason_texts().get(connector.reason, connector.reason)
            parts.append(self.tr("Out of service: %1").replace("%1", reason))
        if connector.faults:
            parts.append(self.tr("Faults: %1").replace("%1", fault_names(connector.faults)))
        return " \u00b7 ".join(parts)

    def _state_texts(self) -> dict[str, str]:
        return {
            "available": self.tr("Available"),
            "preparing": self.tr("Car plugged in"),
            "starting": self.tr("Starting"),
            "charging": self.tr("Charging"),
            "suspended_ev": self.tr("Paused by the car"),
            "suspended_evse": self.tr("Paused by the station"),
            "finishing": self.tr("Finishing"),
            "unavailable": self.tr("Out of service"),
            "reserved": self.tr("Reserved"),
            "faulted": self.tr("Faulted"),
            "no_link": self.tr("No link"),
        }

    def _reason_texts(self) -> dict[str, str]:
        return {
            "maintenance": self.tr("Maintenance"),
            "fault": self.tr("Fault"),
            "cleaning": self.tr("Cleaning"),
            "other": self.tr("Other"),
        }

    def _answer_text(self, answer: str) -> str:
        """Why the charger refused, in words."""
        texts = {
            "refused_fault": self.tr("a fault is latched"),
            "refused_state": self.tr("not possible in its present state"),
            "condition_present": self.tr("the fault's cause is still there"),
            "not_supported": self.tr("this charger cannot do it"),
            "busy": self.tr("busy, try again"),
            "invalid_argument": self.tr("a value was refused"),
            "no_answer": self.tr("no answer from the charger"),
        }
        return texts.get(answer, answer)

    def _error_text(self, error: BaseException) -> str:
        if isinstance(error, PermissionDeniedError):
            if error.role is None:
                return self.tr("Signed out: sign in again")
            return self.tr("Your role may not do this")
        if isinstance(error, OperationError):
            texts = {
                "unknown_connector": self.tr("This connector is not known"),
                "unknown_charger": self.tr("This charger is not known"),
                "bad_reason": self.tr("Pick a reason"),
                "no_session": self.tr("No session on this connector"),
                "session_open": self.tr("Stop the session first"),
                "unknown_fault": self.tr("This fault is not in the catalogue"),
                "not_clearable": self.tr("This fault clears when the car is unplugged"),
                "not_latched": self.tr("This fault is no longer latched"),
                "no_link": self.tr("The charger cannot be reached"),
            }
            return texts.get(error.code, str(error))
        return self.tr("The station could not do it")

    def _paint_tests(self) -> None:
        names = {
            "pilot_high": self.tr("Pilot +12 V"),
            "pilot_low": self.tr("Pilot -12 V"),
            "rcd": self.tr("RCD test"),
            "contactor_feedback": self.tr("Contactor feedback"),
            "lock": self.tr("Lock"),
            "meter": self.tr("Meter"),
            "temperature": self.tr("Temperature"),
        }
        outcomes = {
            "pass": (self.tr("Passed"), "status-ok"),
            "fail": (self.tr("Failed"), "status-danger"),
            "not_run": (self.tr("Not run"), "status-muted"),
        }
        for name in SELF_TESTS:
            self.test_names[name].setText(names[name])
        result = self._last_tests
        if result is None:
            return
        charger = result.charger_id
        title = self.tr("Self-test of %1: passed") if result.passed else self.tr("Self-test of %1: failed")
        self.tests_title.setText(title.replace("%1", charger))
        for item in result.tests:
            text, role = outcomes.get(item.outcome, (item.outcome, "status-muted"))
            self.test_outcomes[item.name].setText(text)
            set_role(self.test_outcomes[item.name], role)

    def _enable(self) -> None:
        selected = self.current()
        ready = selected is not None and not self.busy and self.env.operator is not None
        charger_busy = selected is not None and any(
            c.session_id is not None for c in self.connectors if c.charger_id == selected.charger_id
        )
        self.availability.setEnabled(ready)
        self.stop.setEnabled(ready and selected is not None and selected.session_id is not None)
        self.unlock.setEnabled(ready and selected is not None and selected.session_id is None)
        self.restart.setEnabled(ready and not charger_busy)
        self.self_test.setEnabled(ready)
        self.clear.setEnabled(ready and selected is not None and bool(selected.clearable))
        for widget in (self.availability, self.stop, self.unlock, self.restart, self.self_test, self.clear):
            # A disabled button's frame (the stylesheet's dashed border) is thicker: its size hint changes
            # with its state, which Qt does not tell the layout by itself.
            widget.updateGeometry()

    # -- actions --------------------------------------------------------------------------------------

    def _availability_tapped(self) -> None:
        selected = self.current()
        if selected is None:
            return
        if selected.unavailable or selected.scheduled:
            self._run(
                self._control().set_available(self._operator(), selected.connector_id, True),
                self._available_done,
            )
            return
        self._choose(
            self.tr("Why is connector %1 going out of service?").replace("%1", str(selected.number)),
            list(REASONS),
            lambda reason: self._run(
                self._control().set_available(self._operator(), selected.connector_id, False, reason),
                self._available_done,
            ),
        )

    def _stop_tapped(self) -> None:
        selected = self.current()
        if selected is None:
            return
        number = str(selected.number)

        def reason_picked(reason: str) -> None:
            self._ask(
                self.tr("Stop the session on connector %1?").replace("%1", number),
                self.tr("Stop session"),
                lambda: self._run(
                    self._control().stop_session(self._operator(), selected.connector_id, reason),
                    self._stop_done,
                ),
            )

        self._choose(
            self.tr("Why stop the session on connector %1?").replace("%1", number),
            list(REASONS),
            reason_picked,
        )

    def _unlock_tapped(self) -> None:
        selected = self.current()
        if selected is not None:
            self._run(self._control().unlock(self._operator(), selected.connector_id), self._command_done)

    def _restart_tapped(self) -> None:
        selected = self.current()
        if selected is None:
            return
        charger = selected.charger_id
        self._ask(
            self.tr("Restart charger %1? Its connectors stop for a few seconds.").replace("%1", charger),
            self.tr("Restart"),
            lambda: self._run(self._control().restart_charger(self._operator(), charger), self._command_done),
        )

    def _self_test_tapped(self) -> None:
        selected = self.current()
        if selected is not None:
            self._run(self._control().self_test(self._operator(), selected.charger_id), self._self_test_done)

    def _clear_tapped(self) -> None:
        selected = self.current()
        if selected is None:
            return
        self._choose(
            self.tr("Which fault of charger %1 to clear?").replace("%1", selected.charger_id),
            list(selected.clearable),
            lambda fault: self._run(
                self._control().clear_fault(self._operator(), selected.connector_id, fault),
                self._command_done,
            ),
        )

    # -- the pages' flow ------------------------------------------------------------------------------

    def _page(self, page: int) -> None:
        """Shows a page of the lower part; the self-test's results take the connectors' room too (its
        seven lines do not fit below them at 800x480)."""
        self.cards_area.setVisible(page != SELF_TEST)
        show_page(self.stack, page)

    def _choose(self, prompt: str, keys: list[str], then: Callable[[str], None]) -> None:
        for old in self.choice_buttons.values():
            old.setParent(None)
        self.choice_buttons = {}
        texts = self._reason_texts()
        for key in keys:
            choice = self._action(f"choice:{key}", "choice", lambda _=False, k=key: self._chosen(k))
            choice.setText(texts.get(key) or fault_name(key))  # a reason, or a fault to clear
            index = len(self.choice_buttons)
            self.choice_row.addWidget(choice, index // 2, index % 2)
            self.choice_buttons[key] = choice
        self.choice_prompt.setText(prompt)
        self._on_choice = then
        self._page(CHOICES)

    def _chosen(self, key: str) -> None:
        then, self._on_choice = self._on_choice, None
        self._page(ACTIONS)
        if then is not None:
            then(key)

    def _ask(self, prompt: str, action: str, then: Callable[[], None]) -> None:
        self.confirm_prompt.setText(prompt)
        self.confirm.setText(action)
        self._on_confirm = then
        self._page(CONFIRM)

    def _confirmed(self) -> None:
        then, self._on_confirm = self._on_confirm, None
        self._page(ACTIONS)
        if then is not None:
            then()

    def _back(self) -> None:
        self._on_choice = self._on_confirm = None
        self._page(ACTIONS)

    def _control(self) -> Any:
        return self.env.operators.control

    def _operator(self) -> Any:
        return self.env.operator

    def _run(self, coroutine: Any, done: Callable[[Any], None]) -> None:
        self.busy = True
        self._enable()
        set_role(self.result, "muted")
        self.result.setText(self.tr("Working\u2026"))

        def finished(result: Any) -> None:
            self.busy = False
            done(result)
            self.refresh()

        self.run(coroutine, finished, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self._show_error(error)
        self.refresh()

    def _show_error(self, error: BaseException) -> None:
        set_role(self.result, "status-danger")
        self.result.setText(self.tr("Refused: %1").replace("%1", self._error_text(error)))
        self._enable()

    def _say(self, text: str, ok: bool = True) -> None:
        set_role(self.result, "status-ok" if ok else "status-danger")
        self.result.setText(text)

    # -- answers --------------------------------------------------------------------------------------

    def _available_done(self, result: AvailabilityResult) -> None:
        number = str(next((c.number for c in self.connectors if c.connector_id == result.connector_id), ""))
        if result.available:
            self._say(self.tr("Connector %1 is back in service").replace("%1", number))
        elif result.outcome == "scheduled":
            self._say(self.tr("Connector %1 goes out of service when its session ends").replace("%1", number))
        else:
            self._say(self.tr("Connector %1 is out of service").replace("%1", number))

    def _stop_done(self, result: StopResult) -> None:
        if result.stopped:
            self._say(self.tr("Session %1 stopped").replace("%1", str(result.session_id)))
        else:
            self._say(
                self.tr("The charger did not confirm the stop yet; the station ends the session"), ok=False
            )

    def _command_done(self, result: CommandResult) -> None:
        if not result.accepted:
            self._say(
                self.tr("The charger refused: %1").replace("%1", self._answer_text(result.answer)), ok=False
            )
            return
        texts = {
            "unlock": self.tr("Unlocked: the cable may be taken out"),
            "reset": self.tr("The charger is restarting"),
            "clear_fault": self.tr("Fault cleared"),
        }
        self._say(texts.get(result.command, self.tr("Done")))

    def _self_test_done(self, result: SelfTestResult) -> None:
        if not result.accepted:
            self._say(
                self.tr("The charger refused: %1").replace("%1", self._answer_text(result.answer)), ok=False
            )
            return
        self._last_tests = result
        self._paint_tests()
        self._page(SELF_TEST)
        self._say(self.tr("Self-test done"), ok=result.passed)
