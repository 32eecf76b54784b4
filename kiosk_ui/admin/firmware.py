"""Admin firmware screen: each charger's ESP32 version and the station's releases, the signed packages
on the USB stick with an Update button each (refused ones with the reason, never offered), an update
from the station's configured source (downloaded, then checked the same way), the update's progress,
and a rollback to the kept image (technician role, docs/admin.md "Firmware")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget

from kiosk_ui.admin.admin_screen import AdminEnv, AdminScreen, named_button
from kiosk_ui.screen import label

if TYPE_CHECKING:
    from app.admin import FirmwareInventory, FirmwareProgress, FirmwareResult, PackageView

PACKAGE_ROWS = 3  # package rows per page: what fits 800x480 under the charger and the stick's lines


class FirmwareScreen(AdminScreen):
    name = "firmware"
    min_role = "technician"

    def __init__(self, env: AdminEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.inventory: FirmwareInventory | None = None
        self.packages: list[PackageView] = []
        self.charger_index = 0
        self.offset = 0
        self.working = False
        self.message = ""  # the last outcome, already translated

        self.charger_button = named_button("firmware_charger", "choice")
        self.charger_button.clicked.connect(self._next_charger)
        self.charger_text = label("", None)
        self.charger_text.setObjectName("firmware_charger_text")
        self.rollback_button = named_button("firmware_rollback", "secondary")
        self.rollback_button.clicked.connect(self._rollback)
        self.station_text = label("", "muted")
        self.station_text.setObjectName("firmware_station_text")
        self.scan_button = named_button("firmware_scan", None)
        self.scan_button.clicked.connect(self._scan)
        self.source_button = named_button("firmware_source", None)
        self.source_button.clicked.connect(self._update_from_source)
        self.more_button = named_button("firmware_more", "secondary")
        self.more_button.clicked.connect(self._more)
        self.rows: list[QPushButton] = []
        for index in range(PACKAGE_ROWS):
            row = named_button(f"firmware_package_{index}", "option")
            row.clicked.connect(lambda _=False, i=index: self._update(i))
            self.rows.append(row)
        self.progress = QProgressBar()
        self.progress.setObjectName("firmware_progress")
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(max(12, env.theme.touch_px // 4))
        colours = env.theme.colours
        self.progress.setStyleSheet(
            f"QProgressBar {{ border: 1px solid {colours['border']}; background: {colours['disabled']}; }}"
            f"QProgressBar::chunk {{ background: {colours['ok']}; }}"
        )
        self.status = label("", "muted")
        self.status.setObjectName("firmware_status")

        charger_line = QHBoxLayout()
        charger_line.addWidget(self.charger_button, 2)
        charger_line.addWidget(self.charger_text, 3)
        charger_line.addWidget(self.rollback_button, 2)
        stick_line = QHBoxLayout()
        stick_line.addWidget(self.scan_button, 3)
        stick_line.addWidget(self.source_button, 3)
        stick_line.addWidget(self.more_button, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 4, 8, 4)
        column.setSpacing(4)
        column.addLayout(charger_line)
        column.addWidget(self.station_text)
        column.addLayout(stick_line)
        for row in self.rows:
            column.addWidget(row)
        column.addWidget(self.progress)
        column.addWidget(self.status)
        column.addStretch(1)

    def title(self) -> str:
        return self.tr("Firmware")

    # -- life cycle ---------------------------------------------------------------------------------

    def enter(self, context: dict[str, Any]) -> None:
        self.context = dict(context)
        self.retranslate()
        self._load()

    def refresh(self) -> None:
        """Versions change only through this screen's own actions, which reload them."""

    def _load(self) -> None:
        if self.env.operator is not None:
            self.run(self.env.operators.firmware.installed(self.env.operator), self._loaded, self._failed)

    def _loaded(self, inventory: FirmwareInventory) -> None:
        self.inventory = inventory
        self.charger_index = min(self.charger_index, max(0, len(inventory.chargers) - 1))
        self.retranslate()

    # -- actions ------------------------------------------------------------------------------------

    def _selected(self) -> str | None:
        if self.inventory is None or not self.inventory.chargers:
            return None
        return self.inventory.chargers[self.charger_index].charger_id

    def _next_charger(self) -> None:
        if self.inventory is not None and self.inventory.chargers:
            self.charger_index = (self.charger_index + 1) % len(self.inventory.chargers)
            self.retranslate()

    def _scan(self) -> None:
        if self.env.operator is None or self.working:
            return
        self.message = self.tr("Reading the USB stick…")
        self.retranslate()
        self.run(self.env.operators.firmware.packages(self.env.operator), self._scanned, self._failed)

    def _scanned(self, packages: list[PackageView]) -> None:
        self.packages = packages
        self.offset = 0
        self.message = self.tr("No update packages on the USB stick.") if not packages else ""
        self.retranslate()

    def _more(self) -> None:
        if self.packages:
            self.offset = (self.offset + PACKAGE_ROWS) % max(PACKAGE_ROWS, len(self.packages))
            self.retranslate()

    def _update(self, index: int) -> None:
        charger = self._selected()
        position = self.offset + index
        if self.env.operator is None or charger is None or self.working or position >= len(self.packages):
            return
        package = self.packages[position]
        if not package.valid or package.target != "esp32":
            return
        self._start(self.tr("Updating %1 to %2…").replace("%1", charger).replace("%2", package.version or ""))
        operation = self.env.operators.firmware.update_charger(
            self.env.operator, charger, package.path, self._progressed
        )
        self.run(operation, self._finished, self._failed)

    def _update_from_source(self) -> None:
        charger = self._selected()
        if self.env.operator is None or charger is None or self.working:
            return
        self._start(self.tr("Updating %1 from the station's source…").replace("%1", charger))
        operation = self.env.operators.firmware.update_charger_from_source(
            self.env.operator, charger, self._progressed
        )
        self.run(operation, self._finished, self._failed)

    def _rollback(self) -> None:
        charger = self._selected()
        if self.env.operator is None or charger is None or self.working:
            return
        self._start(self.tr("Rolling %1 back…").replace("%1", charger))
        operation = self.env.operators.firmware.rollback(self.env.operator, charger, self._progressed)
        self.run(operation, self._finished, self._failed)

    def _start(self, message: str) -> None:
        self.working = True
        self.progress.setValue(0)
        self.message = message
        self.retranslate()

    def _progressed(self, step: FirmwareProgress) -> None:
        if not shiboken6.isValid(self):
            # Called by the update itself, not through run(): a screen deleted mid-update (the window
            # closed) must not break off the flashing, which goes on to its end and its audit row.
            return
        self.progress.setValue(round(step.fraction * 100))
        self.message = self._step_text(step.step)
        if step.step == "downloading":
            self.message = self.tr("Downloading the package… %1 kB").replace(
                "%1", str(step.received_bytes // 1024)
            )
        self.status.setText(self.message)

    def _finished(self, result: FirmwareResult) -> None:
        self.working = False
        if result.reported_version is None:
            text = self.tr("%1 flashed with %2; it has not reported back yet.")
        else:
            text = self.tr("%1 now runs firmware %2.")
        self.message = text.replace("%1", result.charger_id).replace(
            "%2", result.reported_version or result.version
        )
        self._load()
        self.retranslate()

    def _failed(self, error: BaseException) -> None:
        self.working = False
        self.progress.setValue(0)
        self.message = self._error_text(getattr(error, "code", "") or type(error).__name__)
        self.retranslate()

    # -- texts --------------------------------------------------------------------------------------

    def _step_text(self, step: str) -> str:
        return {
            "verifying": self.tr("Checking the package's signature…"),
            "flashing": self.tr("Writing the firmware…"),
            "restarting": self.tr("Waiting for the charger to restart…"),
            "done": self.tr("Done."),
        }.get(step, step)

    def _error_text(self, code: str) -> str:
        texts = {
            "package_refused": self.tr(
                "Refused: the package is not signed by the vendor. Nothing was flashed."
            ),
            "wrong_target": self.tr("Refused: this package is not charger firmware."),
            "charger_in_use": self.tr("The charger has a session. Update it when it is free."),
            "no_flasher": self.tr("No serial port is set up for this charger."),
            "no_vendor_key": self.tr("No vendor key is set up: packages cannot be checked."),
            "flash_failed": self.tr("Flashing failed; the previous firmware was restored."),
            "no_previous_image": self.tr("No earlier firmware is kept for this charger."),
            "busy": self.tr("Another firmware update is running."),
            "no_source": self.tr("No firmware source is set up for this station."),
            "source_unsupported": self.tr(
                "The station's firmware source is not an http, https or ftp address."
            ),
            "source_unreachable": self.tr(
                "The station's firmware source could not be reached or has no package. Nothing was flashed."
            ),
            "no_export_drive": self.tr("No USB stick found. Insert one and try again."),
            "export_dir_missing": self.tr("The USB folder is missing."),
            "PermissionDeniedError": self.tr("Your role may not do this."),
        }
        return texts.get(code, self.tr("The operation failed (%1).").replace("%1", code))

    def _package_text(self, package: PackageView) -> str:
        if not package.valid:
            return self.tr("Refused: %1 (%2)").replace("%1", package.file_name).replace("%2", package.reason)
        if package.target != "esp32":
            return self.tr("Station software %1: install it from the station's updater").replace(
                "%1", package.version or ""
            )
        return (
            self.tr("Update to %1 (%2)").replace("%1", package.version or "").replace("%2", package.file_name)
        )

    def retranslate(self) -> None:
        inventory = self.inventory
        selected = inventory.chargers[self.charger_index] if inventory and inventory.chargers else None
        self.charger_button.setText(
            self.tr("Charger %1").replace("%1", selected.charger_id) if selected else self.tr("Charger")
        )
        if selected is None:
            self.charger_text.setText("")
        else:
            version = selected.version or self.tr("unknown")
            self.charger_text.setText(
                self.tr("Firmware %1, link %2").replace("%1", version).replace("%2", selected.link_state)
            )
        can_roll_back = bool(
            selected and selected.rollback_version and selected.can_flash and not self.working
        )
        self.rollback_button.setVisible(bool(selected and selected.rollback_version))
        self.rollback_button.setEnabled(can_roll_back)
        if selected and selected.rollback_version:
            self.rollback_button.setText(self.tr("Roll back to %1").replace("%1", selected.rollback_version))
        if inventory is not None:
            text = self.tr("Station software %1").replace("%1", inventory.station_running)
            if inventory.station_previous:
                text += " · " + self.tr("previous release %1").replace("%1", inventory.station_previous)
            self.station_text.setText(text)
        self.scan_button.setText(self.tr("Read the USB stick"))
        self.scan_button.setEnabled(not self.working)
        self.source_button.setText(self.tr("From the station's source"))
        self.source_button.setVisible(bool(inventory and inventory.source))
        self.source_button.setEnabled(not self.working and selected is not None and bool(selected.can_flash))
        self.more_button.setText(self.tr("More"))
        self.more_button.setVisible(len(self.packages) > PACKAGE_ROWS)
        for index, row in enumerate(self.rows):
            position = self.offset + index
            if position >= len(self.packages):
                row.setVisible(False)
                continue
            package = self.packages[position]
            row.setVisible(True)
            row.setText(self._package_text(package))
            row.setEnabled(
                package.valid and package.target == "esp32" and not self.working and selected is not None
            )
        self.status.setText(self.message)
