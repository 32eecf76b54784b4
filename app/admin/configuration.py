"""The configuration operations of the operator facade (`facade.configuration`): read the editable
settings, preview a change (checked by the configuration file's own parser), apply it (stored in the
ledger, audited with who/when/old/new, applied live where safe or at the charger's next quiet moment),
list the changes and revert one (docs/admin.md "Configuration")."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.admin.configuration_views import (
    LIVE,
    OPERATOR_KEYS,
    PREFIX,
    QUIET,
    Applied,
    ChangeLine,
    ConfigurationView,
    HistoryEntry,
    KioskSettingsChanged,
    PendingChange,
    Preview,
    charger_of,
    editable_settings,
    plain,
)
from app.admin.context import OperationError, Operator, OperatorContext
from app.background_tasks import BackgroundTasks
from app.config import StationConfig
from app.config.overrides import apply_overrides, config_to_dict, read_key, split_errors
from app.db import AuditLogEntry, set_setting
from app.money import minor_digits, parse_scaled
from app.tariffs import Tariff, TariffError, tariff_from_dict, tariff_to_dict
from app.tariffs.display import headline, price_lines
from hal.display import BACKLIGHT_ROOT, set_backlight
from hal.listeners import Listeners

if TYPE_CHECKING:
    from app.driver import DriverFacade
    from app.sessions import SessionChange

log = logging.getLogger(__name__)
ACTIONS = ("config.apply", "config.revert")


class ConfigurationOperations:
    """One per operator facade; holds the configuration in force (the file, then the ledger's
    overrides) and the per-charger changes waiting for a quiet moment."""

    def __init__(self, context: OperatorContext, *, backlight_root: Path = BACKLIGHT_ROOT) -> None:
        self.context = context
        self.config: StationConfig = context.runtime.config
        self.backlight_root = backlight_root
        self._pending: dict[str, list[PendingChange]] = {}  # charger id -> changes waiting for it
        self._listeners: Listeners[KioskSettingsChanged] = Listeners("kiosk settings", log)
        self._tasks = BackgroundTasks("configuration", log)
        self._unsubscribe: Callable[[], None] | None = None
        self._actor = "station"  # who asked for the changes that wait (audits their application)

    def subscribe(self, listener: Callable[[KioskSettingsChanged], None]) -> Callable[[], None]:
        """The kiosk (and the driver facade's `kiosk`) follow live kiosk changes through this."""
        return self._listeners.subscribe(listener)

    # -- operations -------------------------------------------------------------------------------

    async def current(self, operator: Operator) -> ConfigurationView:
        self.context.require(operator, "technician", "config.read")
        data = config_to_dict(self.config)
        pending = tuple(change for changes in self._pending.values() for change in changes)
        return ConfigurationView(tuple(editable_settings(self.config, data.get("tariff"))), pending)

    async def preview(self, operator: Operator, changes: Mapping[str, Any]) -> Preview:
        """The change checked as the file would be, nothing stored; a tariff shows its price lines."""
        self.context.require(operator, "technician", "config.preview")
        return self._preview(changes)

    async def apply(self, operator: Operator, changes: Mapping[str, Any]) -> Applied:
        self.context.require(operator, "technician", "config.apply")
        return await self._apply(operator, changes, "config.apply", None)

    async def history(self, operator: Operator, limit: int = 50) -> list[HistoryEntry]:
        self.context.require(operator, "technician", "config.history")

        def query(db: Session) -> list[HistoryEntry]:
            rows = db.scalars(
                select(AuditLogEntry)
                .where(AuditLogEntry.action.in_(ACTIONS))
                .order_by(AuditLogEntry.id.desc())
                .limit(limit)
            )
            return [_entry(row) for row in rows]

        return await self.context.read(query)

    async def revert(self, operator: Operator, change_id: int) -> Applied:
        """Puts back the values a change replaced (itself a change, audited as config.revert)."""
        self.context.require(operator, "technician", "config.revert")

        def query(db: Session) -> HistoryEntry | None:
            row = db.get(AuditLogEntry, change_id)
            return _entry(row) if row is not None and row.action in ACTIONS else None

        entry = await self.context.read(query)
        if entry is None:
            raise OperationError("unknown_change", f"no configuration change {change_id}")
        return await self._apply(operator, {c.key: c.old for c in entry.changes}, "config.revert", change_id)

    # -- checking -------------------------------------------------------------------------------

    def _preview(self, changes: Mapping[str, Any]) -> Preview:
        editable = {view.key: view for view in editable_settings(self.config, {})}
        data = config_to_dict(self.config)
        errors: dict[str, str] = {}
        wanted: dict[str, Any] = {}
        for key, value in changes.items():
            if key not in editable:
                errors[key] = f"{key}: not a setting admin mode may change"
            elif _canonical(key, plain(value)) != read_key(data, key):
                wanted[key] = _canonical(key, plain(value))
        errors.update(split_errors(self.config, wanted))
        new_config = self.config
        if not errors and wanted:
            new_config = apply_overrides(self.config, wanted)
            errors.update(self._refusals(new_config))
        lines = [ChangeLine(k, read_key(data, k), v, self._timing(k)) for k, v in wanted.items()]
        prices: dict[str, tuple[str, ...]] = {}
        if "tariff" in wanted and not errors and new_config.tariff is not None:
            prices = self._price_lines(new_config.tariff, new_config.kiosk.languages)
        return Preview(tuple(lines), errors, prices)

    def _refusals(self, new: StationConfig) -> dict[str, str]:
        """What the file could say but a running station cannot take."""
        refused: dict[str, str] = {}
        old = self.config.tariff
        if old is not None and new.tariff is not None and new.tariff.currency != old.currency:
            # Holds, top-ups and the ledger's sums are in the station's currency (docs/payments.md).
            refused["tariff"] = (
                f"tariff.currency: {new.tariff.currency} differs from {old.currency}; "
                "a currency changes with a restart from the file only"
            )
        manager = self.context.runtime.station.manager
        for i, charger in enumerate(new.chargers):
            identity = manager.link_task(charger.id).identity
            if identity is not None and identity.phases > charger.phases:
                # The charger manager refuses such a charger at its next connection: the power tree
                # would count fewer phases than it draws on (docs/charger-manager.md).
                refused[f"chargers.{charger.id}.phases"] = (
                    f"chargers[{i}].phases: {charger.id} reports {identity.phases} phases; configured "
                    f"{charger.phases}-phase it would be refused as faulty at its next connection"
                )
        return refused

    def _price_lines(self, tariff: Tariff, languages: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
        """As the kiosk shows a session's price before the start (app/tariffs/display)."""
        now = self.context.runtime.clock()
        return {
            language: (headline(tariff, language, now), *price_lines(tariff, language, energy=True))
            for language in languages
        }

    def follow_driver(self, driver: DriverFacade) -> Callable[[], None]:
        """Keeps the driver facade's kiosk settings (its idle timeout, default language) in step with
        live changes; the launcher wires it beside the kiosk window's own follower."""

        def follow(change: KioskSettingsChanged) -> None:
            driver.kiosk = change.kiosk

        return self.subscribe(follow)

    def _timing(self, key: str) -> str:
        charger = charger_of(key)
        if charger is None:
            return LIVE
        return LIVE if self._quiet(charger) else QUIET

    def _quiet(self, charger_id: str) -> bool:
        """No session (of any state) on any of the charger's connectors."""
        task = self.context.runtime.station.manager.link_task(charger_id)
        return all(self.context.runtime.sessions.open_session(c) is None for c in task.connector_ids)

    # -- applying -------------------------------------------------------------------------------

    async def _apply(
        self, operator: Operator, changes: Mapping[str, Any], action: str, reverts: int | None
    ) -> Applied:
        if any(key in OPERATOR_KEYS for key in changes):
            self.context.require(operator, "operator", f"{action}.prices")
        preview = self._preview(changes)
        if not preview.valid:
            first = next(iter(preview.errors.values()))
            raise OperationError("invalid", first, errors=preview.errors)
        if not preview.changes:
            raise OperationError("no_change", "nothing to change: every value is already in force")
        new_config = apply_overrides(self.config, {c.key: c.new for c in preview.changes})
        scheduled = [c.key for c in preview.changes if c.timing == QUIET]
        details: dict[str, Any] = {
            "changes": {c.key: {"old": c.old, "new": c.new} for c in preview.changes},
            "scheduled": scheduled,
        }
        if reverts is not None:
            details["reverts"] = reverts

        def change(db: Session) -> None:
            for line in preview.changes:
                set_setting(db, PREFIX + line.key, line.new, actor=operator.actor)

        await self.context.audited(operator, action, "config", change, details)
        found = await self.context.read(
            lambda db: db.scalar(
                select(AuditLogEntry.id)
                .where(AuditLogEntry.action == action, AuditLogEntry.actor == operator.actor)
                .order_by(AuditLogEntry.id.desc())
                .limit(1)
            )
        )
        change_id = int(found or 0)
        self.config = new_config
        # Checked again after the write: a session may have opened on the charger meanwhile.
        for line in preview.changes:
            charger = charger_of(line.key)
            if charger is not None and line.key not in scheduled and not self._quiet(charger):
                scheduled.append(line.key)
        live_keys = [c.key for c in preview.changes if c.key not in scheduled]
        await self._apply_live(new_config, live_keys)
        for charger_id in {charger_of(key) for key in scheduled}:
            assert charger_id is not None
            keys = tuple(k for k in scheduled if charger_of(k) == charger_id)
            self._schedule(PendingChange(change_id, charger_id, keys), operator)
        return Applied(change_id, tuple(live_keys), tuple(scheduled))

    async def _apply_live(self, new: StationConfig, keys: list[str]) -> None:
        runtime = self.context.runtime
        if "site.limit_mA" in keys:
            runtime.station.balancer.set_site_limit(new.site.limit_mA)
        if "tariff" in keys and new.tariff is not None:
            # A session freezes its tariff at its start (docs/tariffs.md): running ones keep theirs.
            runtime.sessions.tariff = new.tariff
        if "payments.hold" in keys and self.context.payments is not None:
            payments = self.context.payments
            payments.settings = dataclasses.replace(payments.settings, hold=new.payments.hold)
            payments.hold_minor = parse_scaled(new.payments.hold, minor_digits(payments.currency))
        if "kiosk.brightness_percent" in keys:
            await asyncio.to_thread(set_backlight, new.kiosk.brightness_percent, self.backlight_root)
        if any(key.startswith("kiosk.") for key in keys):
            self._listeners.emit(KioskSettingsChanged(new.kiosk))
        for charger_id in {charger_of(k) for k in keys} - {None}:
            assert charger_id is not None  # a charger quiet when checked: no car sees the change
            await self._reconfigure(charger_id)

    async def _reconfigure(self, charger_id: str) -> None:
        charger = next(c for c in self.config.chargers if c.id == charger_id)
        try:
            await self.context.runtime.station.manager.reconfigure(charger)
        except Exception as err:  # the link's own rules take over: the next identify sends CONFIGURE
            log.warning("charger %s: new configuration not sent now (%s)", charger_id, err)

    # -- the quiet moment -------------------------------------------------------------------------

    def _schedule(self, change: PendingChange, operator: Operator) -> None:
        self._pending.setdefault(change.charger_id, []).append(change)
        if self._unsubscribe is None:
            self._unsubscribe = self.context.runtime.sessions.subscribe(self._on_session)
        self._actor = operator.actor

    def _on_session(self, change: SessionChange) -> None:
        charger_id = change.connector_id.split("/", 1)[0]
        if charger_id in self._pending and self._quiet(charger_id):
            waiting = self._pending.pop(charger_id)
            self._tasks.start(self._apply_scheduled(charger_id, waiting), name=f"config-{charger_id}")

    async def _apply_scheduled(self, charger_id: str, waiting: list[PendingChange]) -> None:
        await self._reconfigure(charger_id)
        await self.context.audit(
            self._actor,
            "config.scheduled_applied",
            f"charger:{charger_id}",
            {"changes": [c.change_id for c in waiting], "keys": [k for c in waiting for k in c.keys]},
        )

    async def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        await self._tasks.close()


def _canonical(key: str, value: Any) -> Any:
    """A tariff in the form the file's data has it (so an unchanged price is no change, and the
    history shows one form); one its parser refuses is left for the parser's message."""
    if key != "tariff" or not isinstance(value, dict):
        return value
    try:
        form = tariff_to_dict(tariff_from_dict(value))
    except TariffError:
        return value
    return {k: v for k, v in form.items() if v is not None}


def _entry(row: AuditLogEntry) -> HistoryEntry:
    details = row.details or {}
    changes = tuple(
        ChangeLine(
            key, value.get("old"), value.get("new"), QUIET if key in details.get("scheduled", ()) else LIVE
        )
        for key, value in details.get("changes", {}).items()
    )
    return HistoryEntry(
        row.id,
        row.at,
        row.actor,
        row.action,
        changes,
        tuple(details.get("scheduled", ())),
        details.get("reverts"),
    )
