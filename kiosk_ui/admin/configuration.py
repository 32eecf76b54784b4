"""The admin mode's configuration screen: the editable settings in groups with touch editors, a preview
checked by the configuration file's rules (and, for a tariff, the driver's price screen), apply after a
confirmation, and the history of changes with revert (docs/admin.md "Configuration")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.admin import OperationError, PermissionDeniedError
from kiosk_ui.admin.admin_screen import AdminEnv, AdminScreen, scroll_area
from kiosk_ui.admin.numeric_keypad import NumericKeypad
from kiosk_ui.i18n import LANGUAGES
from kiosk_ui.screen import button, card_frame, label, set_role

if TYPE_CHECKING:
    from app.admin import OperatorFacade

GROUPS = ("site", "chargers", "prices", "kiosk")
TARIFF_FIELDS = ("energy_price_per_kWh", "time_price_per_minute", "session_fee", "idle_fee_per_minute")
STEPS = {"_mA": 1000, "idle_timeout_s": 10, "brightness_percent": 10}
NATIVE = {lang.code: lang.native_name for lang in LANGUAGES}


def _step(key: str) -> float:
    return next((step for end, step in STEPS.items() if key.endswith(end)), 1)


class ConfigurationScreen(AdminScreen):
    name = "configuration"
    min_role = "technician"

    def __init__(self, env: AdminEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.settings: list[Any] = []
        self.pending: list[Any] = []
        self.edits: dict[str, Any] = {}
        self.errors: dict[str, str] = {}
        self.group = "site"
        self._keypad_target: tuple[str, Any] | None = None  # (key, part) the keypad types into
        touch = env.theme.touch_px
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        # The groups in a column on the left, as wide as their longest name: beside the shell's
        # navigation five tabs across did not fit Malay or Tamil at 800 px. One touch target each
        # (min-height counts the text's box, without the padding and border).
        tabs = QVBoxLayout()
        tabs.setSpacing(4)
        self.group_buttons: dict[str, QPushButton] = {}
        for group in (*GROUPS, "history"):
            choice = button("choice")
            choice.setObjectName(f"group:{group}")
            choice.setStyleSheet(f"padding: 2px 6px; min-height: {touch - 8}px;")
            choice.clicked.connect(lambda _=False, g=group: self.show_group(g))
            self.group_buttons[group] = choice
            tabs.addWidget(choice)
        tabs.addStretch(1)
        self.stack = QStackedWidget()
        self.rows = QWidget()
        self.rows_layout = QVBoxLayout(self.rows)
        self.preview_page = QWidget()
        self.preview_layout = QVBoxLayout(self.preview_page)
        self.history_page = QWidget()
        self.history_layout = QVBoxLayout(self.history_page)
        for page in (self.rows, self.preview_page, self.history_page):
            self.stack.addWidget(scroll_area(page))
        self.keypad = NumericKeypad(touch)
        self.keypad.accepted.connect(self._typed)
        self.keypad.cancelled.connect(lambda: self.stack.setCurrentIndex(0))
        # In a scroll area, so the keypad's height never adds to the screen's least height (the other
        # pages scroll too): where the display is short, the keypad scrolls rather than the window grow.
        self.keypad_area = QScrollArea()
        self.keypad_area.setWidgetResizable(True)
        self.keypad_area.setFrameShape(QFrame.Shape.NoFrame)
        self.keypad_area.setWidget(self.keypad)
        self.stack.addWidget(self.keypad_area)
        self.stack.currentChanged.connect(self._show_actions)
        body = QHBoxLayout()
        body.setSpacing(6)
        body.addLayout(tabs)
        body.addWidget(self.stack, 1)
        layout.addLayout(body, 1)
        self.status = label("", "notice")
        self.status.setObjectName("config:status")
        layout.addWidget(self.status)
        bottom = QHBoxLayout()
        self.preview_button = button()
        self.preview_button.setObjectName("config:preview")
        self.preview_button.clicked.connect(self.preview)
        self.discard_button = button("secondary")
        self.discard_button.setObjectName("config:discard")
        self.discard_button.clicked.connect(self.discard)
        self.apply_button = button()
        self.apply_button.setObjectName("config:apply")
        self.apply_button.clicked.connect(self.apply)
        # Preview on the settings, Apply on the preview (its confirmation), Discard beside either: two
        # buttons share the row, so the longest words (Tamil) fit the width beside the navigation.
        for widget in (self.preview_button, self.apply_button, self.discard_button):
            widget.setProperty("role", "choice" if widget is not self.discard_button else "secondary")
            bottom.addWidget(widget, 1)
        self.discard_button.setStyleSheet(f"font-size: {env.theme.px('body')}px; padding: 4px 8px;")
        layout.addLayout(bottom)
        self._show_actions(0)

    def _show_actions(self, page: int) -> None:
        """The bottom row for the page shown: none under the keypad (its own OK and Cancel)."""
        keypad = self.stack.widget(page) is self.keypad_area
        self.preview_button.setVisible(page != 1 and not keypad)
        self.apply_button.setVisible(page == 1)
        self.discard_button.setVisible(not keypad)

    def typing(self) -> bool:
        """True while the keypad shows (its page is the stack's last)."""
        return self.stack.currentIndex() == self.stack.count() - 1

    # -- texts ------------------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Configuration")

    def retranslate(self) -> None:
        names = {
            "site": self.tr("Site"),
            "chargers": self.tr("Chargers"),
            "prices": self.tr("Prices"),
            "kiosk": self.tr("Screen"),
            "history": self.tr("History"),
        }
        for group, widget in self.group_buttons.items():
            widget.setText(names[group])
        self.preview_button.setText(self.tr("Preview"))
        self.discard_button.setText(self.tr("Discard"))
        self.apply_button.setText(self.tr("Apply"))
        self.keypad.set_labels(self.tr("OK"), self.tr("Cancel"))
        self._rebuild()

    def key_name(self, key: str) -> str:
        field = key.rsplit(".", 1)[-1]
        names = {
            "limit_mA": self.tr("Site limit per phase"),
            "max_current_mA": self.tr("Maximum current"),
            "phases": self.tr("Phases"),
            "tariff": self.tr("Tariff"),
            "hold": self.tr("Card hold amount"),
            "languages": self.tr("Languages"),
            "default_language": self.tr("Default language"),
            "idle_timeout_s": self.tr("Back to the idle screen after (s)"),
            "brightness_percent": self.tr("Screen brightness (%)"),
            "energy_price_per_kWh": self.tr("Energy price per kWh"),
            "time_price_per_minute": self.tr("Price per minute"),
            "session_fee": self.tr("Session fee"),
            "idle_fee_per_minute": self.tr("Idle fee per minute"),
        }
        name = names.get(field, field)
        if key.startswith("chargers."):
            return f"{key.split('.')[1]}: {name}"
        return name

    def shown(self, key: str, value: Any) -> str:
        """A value as a technician reads it: amperes, language names, the tariff's energy price."""
        if value is None:
            return "-"
        if key.endswith("_mA"):
            parts = value if isinstance(value, list) else [value]
            return " / ".join(self.tr("%1 A").replace("%1", f"{v / 1000:g}") for v in parts)
        if key == "tariff":
            return self.tr("%1 per kWh").replace("%1", str(value.get("energy_price_per_kWh", "")))
        if isinstance(value, list):
            return ", ".join(NATIVE.get(v, str(v)) for v in value)
        return NATIVE.get(value, f"{value:g}" if isinstance(value, float) else str(value))

    # -- data -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Loaded on entry and after a change; not on the shell's tick (edits are in progress)."""
        if self.env.operator is None:
            return
        self.run(self.env.operators.configuration.current(self.env.operator), self._loaded, self._failed)

    def enter(self, context: dict[str, Any]) -> None:
        self.edits, self.errors = {}, {}
        self.status.setText("")
        self.stack.setCurrentIndex(0)
        super().enter(context)

    def _loaded(self, view: Any) -> None:
        """New values repaint the editors; the same values leave the screen alone (the shell's refresh
        tick must not rebuild a row under a finger, nor leave the keypad or the confirmation)."""
        settings, pending = list(view.settings), list(view.pending)
        if (settings, pending) == (self.settings, self.pending):
            return
        self.settings, self.pending = settings, pending
        if self.stack.currentIndex() == 0 and self.group != "history":
            self._rebuild()

    def value(self, setting: Any) -> Any:
        return self.edits.get(setting.key, setting.value)

    def may_edit(self, setting: Any) -> bool:
        return self.env.operator is not None and self.env.operator.may(setting.role)

    def show_group(self, group: str) -> None:
        self.group = group
        if group == "history" and self.env.operator is not None:
            self.run(self.env.operators.configuration.history(self.env.operator), self._history, self._failed)
        self._rebuild()

    # -- the editors ------------------------------------------------------------------------------

    def _rebuild(self) -> None:
        for group, widget in self.group_buttons.items():
            set_role(widget, "choice-marked" if group == self.group else "choice")
        if self.group == "history":
            self.stack.setCurrentIndex(2)
            return
        _clear(self.rows_layout)
        wanted = "charger:" if self.group == "chargers" else self.group
        for setting in self.settings:
            if setting.group.startswith(wanted):
                self.rows_layout.addWidget(self._row(setting))
        for change in self.pending:
            text = self.tr("Waiting for %1 to be free: %2")
            names = ", ".join(self.key_name(k) for k in change.keys)
            self.rows_layout.addWidget(
                label(text.replace("%1", change.charger_id).replace("%2", names), "muted")
            )
        self.rows_layout.addStretch(1)
        self.stack.setCurrentIndex(0)
        self.apply_button.setEnabled(bool(self.edits))
        self.preview_button.setEnabled(bool(self.edits))

    def _row(self, setting: Any) -> QWidget:
        frame = card_frame()
        frame.setObjectName(f"setting:{setting.key}")
        column = QVBoxLayout(frame)
        title = label(self.key_name(setting.key))
        title.setToolTip(setting.doc)
        column.addWidget(title)
        editable = self.may_edit(setting)
        value = self.value(setting)
        if setting.kind in ("int", "float"):
            column.addLayout(self._stepper(setting, value, None, editable))
        elif setting.kind == "limits":
            for phase in range(3):
                column.addLayout(self._stepper(setting, value, phase, editable))
        elif setting.kind in ("choice", "choices"):
            column.addLayout(self._choices(setting, value, editable))
        elif setting.kind == "tariff":
            grid = QGridLayout()
            grid.setColumnStretch(0, 1)
            for row, field in enumerate(TARIFF_FIELDS):
                # The name wraps in what the value leaves (Tamil's names took the value's room).
                name = label(self.key_name(field))
                name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
                grid.addWidget(name, row, 0)
                entry = self._value_button(setting, str(value.get(field, "0")), field, editable)
                grid.addWidget(entry, row, 1)
            column.addLayout(grid)
        else:
            column.addWidget(self._value_button(setting, str(value), None, editable))
        if not editable:
            column.addWidget(label(self.tr("Only an operator may change this."), "muted"))
        if setting.key in self.errors:
            error = label(self.errors[setting.key], "error")
            error.setObjectName(f"error:{setting.key}")
            column.addWidget(error)
        return frame

    def _value_button(self, setting: Any, text: str, part: Any, editable: bool) -> QPushButton:
        widget = button("option")
        widget.setObjectName(f"value:{setting.key}" + (f":{part}" if part is not None else ""))
        widget.setText(text)
        widget.setMinimumHeight(self.env.theme.touch_px)
        widget.setEnabled(editable)
        widget.clicked.connect(lambda _=False: self._open_keypad(setting, part))
        return widget

    def _stepper(self, setting: Any, value: Any, phase: int | None, editable: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        current = value[phase] if phase is not None else value
        if phase is not None:
            row.addWidget(label(f"L{phase + 1}", wrap=False))
        suffix = "" if phase is None else f":{phase}"
        for sign, text in ((-1, "\u2212"), (1, "+")):
            step = button("secondary")
            step.setObjectName(f"step:{setting.key}{suffix}:{'up' if sign > 0 else 'down'}")
            step.setText(text)
            step.setMinimumSize(self.env.theme.touch_px, self.env.theme.touch_px)
            step.setEnabled(editable)
            step.clicked.connect(lambda _=False, s=sign: self._step(setting, phase, s))
            if sign < 0:
                row.addWidget(step)
                row.addWidget(
                    self._value_button(setting, self.shown(setting.key, current), phase, editable), 1
                )
            else:
                row.addWidget(step)
        return row

    def _choices(self, setting: Any, value: Any, editable: bool) -> QGridLayout:
        # Two a row: four language names side by side do not fit the card's width at 800 px.
        row = QGridLayout()
        for index, choice in enumerate(setting.choices):
            marked = choice in value if setting.kind == "choices" else choice == value
            widget = button("choice-marked" if marked else "choice")
            widget.setObjectName(f"choice:{setting.key}:{choice}")
            widget.setText(NATIVE.get(choice, str(choice)))
            widget.setMinimumHeight(self.env.theme.touch_px)
            widget.setEnabled(editable)
            widget.clicked.connect(lambda _=False, c=choice: self._choose(setting, c))
            row.addWidget(widget, index // 2, index % 2)
        return row

    def _edit(self, setting: Any, value: Any) -> None:
        if value == setting.value:
            self.edits.pop(setting.key, None)
        else:
            self.edits[setting.key] = value
        self.errors.pop(setting.key, None)
        self._rebuild()

    def _step(self, setting: Any, phase: int | None, sign: int) -> None:
        value = self.value(setting)
        current = value[phase] if phase is not None else value
        new = current + sign * _step(setting.key)
        if setting.minimum is not None:
            new = max(new, setting.minimum)
        if setting.maximum is not None:
            new = min(new, setting.maximum)
        new = float(new) if setting.kind == "float" else int(new)
        if phase is not None:
            value = list(value)
            value[phase] = new
            new = value
        self._edit(setting, new)

    def _choose(self, setting: Any, choice: Any) -> None:
        if setting.kind == "choice":
            self._edit(setting, choice)
            return
        chosen = list(self.value(setting))
        chosen = [c for c in chosen if c != choice] if choice in chosen else [*chosen, choice]
        self._edit(setting, chosen)

    def _open_keypad(self, setting: Any, part: Any) -> None:
        self._keypad_target = (setting.key, part)
        value = self.value(setting)
        amps = setting.key.endswith("_mA")
        if setting.kind == "tariff":
            text = str(value.get(part, ""))
        else:
            raw = value[part] if isinstance(part, int) else value
            text = f"{raw / 1000:g}" if amps else (f"{raw:g}" if isinstance(raw, float) else str(raw))
        decimal = setting.kind in ("float", "text", "tariff")
        self.keypad.start(self.key_name(setting.key), text, decimal=decimal)
        self.stack.setCurrentIndex(self.stack.count() - 1)  # the keypad's page

    def _typed(self, text: str) -> None:
        if self._keypad_target is None or not text:
            self.stack.setCurrentIndex(0)
            return
        key, part = self._keypad_target
        setting = next(s for s in self.settings if s.key == key)
        value: Any
        if setting.kind == "tariff":
            value = dict(self.value(setting)) | {part: text}
        elif setting.kind == "text":
            value = text
        else:
            try:
                number = float(text) * (1000 if key.endswith("_mA") else 1)
            except ValueError:  # a lone "." typed
                self.stack.setCurrentIndex(0)
                return
            number = number if setting.kind == "float" else round(number)
            value = number
            if isinstance(part, int):
                value = list(self.value(setting))
                value[part] = number
        self._edit(setting, value)

    # -- preview, apply, history ------------------------------------------------------------------

    def preview(self) -> None:
        if self.env.operator is None or not self.edits:
            return
        ops = self.env.operators.configuration
        self.run(ops.preview(self.env.operator, dict(self.edits)), self._previewed, self._failed)

    def _previewed(self, preview: Any) -> None:
        if preview.errors:
            self._previewed_errors(preview.errors)
            return
        self.errors = {}
        _clear(self.preview_layout)
        self.preview_layout.addWidget(label(self.tr("Apply these changes?"), "large"))
        for line in preview.changes:
            when = self.tr("now") if line.timing == "live" else self.tr("when the charger is free")
            text = f"{self.key_name(line.key)}: {self.shown(line.key, line.old)} \u2192 "
            text += f"{self.shown(line.key, line.new)} ({when})"
            change = label(text)
            change.setObjectName(f"change:{line.key}")
            self.preview_layout.addWidget(change)
        for language, lines in preview.price_lines.items():
            panel = card_frame()
            panel.setObjectName(f"prices:{language}")
            column = QVBoxLayout(panel)
            column.addWidget(
                label(self.tr("Price screen: %1").replace("%1", NATIVE.get(language, language)), "muted")
            )
            for line in lines:
                column.addWidget(label(line))
            self.preview_layout.addWidget(panel)
        self.preview_layout.addStretch(1)
        self.status.setText(self.tr("Checked: nothing has changed yet."))
        self.stack.setCurrentIndex(1)

    def apply(self) -> None:
        if self.env.operator is None or not self.edits:
            return
        if self.stack.currentIndex() != 1:
            self.preview()  # the confirmation is the preview: a second tap on Apply applies
            return
        ops = self.env.operators.configuration
        self.run(ops.apply(self.env.operator, dict(self.edits)), self._applied, self._failed)

    def _applied(self, applied: Any) -> None:
        self.edits, self.errors = {}, {}
        self.stack.setCurrentIndex(0)
        text = self.tr("Applied now: %1. When the charger is free: %2.")
        now = ", ".join(self.key_name(k) for k in applied.live) or "-"
        later = ", ".join(self.key_name(k) for k in applied.scheduled) or "-"
        self.status.setText(text.replace("%1", now).replace("%2", later))
        self.refresh()

    def discard(self) -> None:
        self.edits, self.errors = {}, {}
        self.status.setText("")
        self._rebuild()

    def _history(self, entries: list[Any]) -> None:
        _clear(self.history_layout)
        if not entries:
            self.history_layout.addWidget(label(self.tr("No changes yet."), "muted"))
        operator = self.env.operator
        for entry in entries:
            frame = card_frame()
            frame.setObjectName(f"history:{entry.change_id}")
            row = QHBoxLayout(frame)
            lines = [f"{entry.at:%Y-%m-%d %H:%M} {entry.actor.removeprefix('admin:')}"]
            if entry.reverts is not None:
                lines.append(self.tr("Undoes change %1").replace("%1", str(entry.reverts)))
            for change in entry.changes:
                old, new = self.shown(change.key, change.old), self.shown(change.key, change.new)
                lines.append(f"{self.key_name(change.key)}: {old} \u2192 {new}")
            row.addWidget(label("\n".join(lines)), 1)
            revert = button("secondary")
            revert.setObjectName(f"revert:{entry.change_id}")
            revert.setText(self.tr("Revert"))
            revert.setMinimumHeight(self.env.theme.touch_px)
            money = any(c.key in ("tariff", "payments.hold") for c in entry.changes)
            revert.setEnabled(operator is not None and (operator.may("operator") or not money))
            revert.clicked.connect(lambda _=False, cid=entry.change_id: self.revert(cid))
            row.addWidget(revert)
            self.history_layout.addWidget(frame)
        self.history_layout.addStretch(1)

    def revert(self, change_id: int) -> None:
        if self.env.operator is None:
            return
        ops = self.env.operators.configuration
        self.run(ops.revert(self.env.operator, change_id), self._reverted, self._failed)

    def _reverted(self, applied: Any) -> None:
        self._applied(applied)
        self.show_group("history")

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, PermissionDeniedError):
            self.status.setText(self.tr("Your role may not change this setting."))
        elif isinstance(error, OperationError) and error.code == "invalid":
            self._previewed_errors(error.details.get("errors", {}))
        elif isinstance(error, OperationError) and error.code == "no_change":
            self.status.setText(self.tr("Nothing to change."))
        else:
            self.status.setText(self.tr("Not done: %1").replace("%1", str(error)))

    def _previewed_errors(self, errors: dict[str, str]) -> None:
        """Marks the refused values and shows the group of the first one (it may be another group
        than the one on screen)."""
        self.errors = dict(errors)
        self.status.setText(self.tr("Some values cannot be used: see the marked settings."))
        groups = {s.key: s.group for s in self.settings}
        first = next((groups[key] for key in self.errors if key in groups), None)
        if first is not None:
            self.group = "chargers" if first.startswith("charger:") else first
        self._rebuild()


def follow_kiosk_settings(window: Any, operators: OperatorFacade) -> Callable[[], None]:
    """Keeps the kiosk window (kiosk_ui/app.py KioskWindow) in step with live kiosk changes: its idle
    timeout, its default language and which language buttons it offers. A language whose translation
    the window did not load at its start appears after the next start."""

    def follow(change: Any) -> None:
        kiosk = change.kiosk
        window.inactivity.setInterval(int(kiosk.idle_timeout_s * 1000))
        loaded = [lang.code for lang in window.translations.languages]
        offered = [code for code in kiosk.languages if code in loaded] or loaded[:1]
        for choice in window.language_buttons.buttons():
            choice.setVisible(choice.objectName().removeprefix("language:") in offered)
        window.default_language = kiosk.default_language if kiosk.default_language in offered else offered[0]
        if window.translations.current.code not in offered:
            window.set_language(window.default_language)

    return operators.configuration.subscribe(follow)


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()  # gone from the screen now, not at the next turn of the loop (it overlapped)
            widget.deleteLater()


__all__ = ["ConfigurationScreen", "follow_kiosk_settings"]
