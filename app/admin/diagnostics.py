"""The diagnostics operations of the admin mode: the event log with filters, the central system's link
and queue, a self-test of network, CSMS, card reader and database, and the export of the archive
GetDiagnostics uploads to a USB stick (docs/admin.md "Diagnostics").
"""

from __future__ import annotations

import asyncio
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.admin.context import OperationError, Operator, OperatorContext
from app.admin.overview import outbox_counts
from app.admin.usb_drive import usb_directory
from app.db import EventLogEntry, current_revision, head_revision, log_event, session_factory
from app.ocpp import central_system_links, diagnostics_archive, redact

if TYPE_CHECKING:
    from app.driver import DriverFacade

SEVERITIES = ("info", "warning", "error", "critical")  # app/db/event_log.py, lowest first
KINDS = ("fault", "event")
NETWORK_TIMEOUT_S = 3.0
ROUTE_TABLE = Path("/proc/net/route")


@dataclass(frozen=True)
class EventView:
    entry_id: int
    at: datetime
    kind: str  # "fault" or "event"
    severity: str
    code: str
    message: str
    charger_id: str | None
    connector_name: str | None


@dataclass(frozen=True)
class LinkView:
    identity: str
    connected: bool
    registered: bool  # the last BootNotification was Accepted (OCPP 1.6 section 4.2)
    registration: str
    heartbeat_age_s: float | None


@dataclass(frozen=True)
class OcppState:
    configured: bool  # an [ocpp] url is set
    url: str  # without a password
    links: tuple[LinkView, ...]
    queued: int  # outbox messages still to deliver (transactions, meter values)
    parked: int  # messages the central system kept refusing, held for an operator


@dataclass(frozen=True)
class CheckResult:
    name: str  # "network", "csms", "card_reader", "database"
    passed: bool
    detail: str


@dataclass(frozen=True)
class ExportResult:
    path: str
    size: int


class DiagnosticsOperations:
    """`facade.diagnostics`: viewer role to look (events, OCPP state), technician to test and export."""

    def __init__(self, context: OperatorContext, driver: DriverFacade | None = None) -> None:
        self.context = context
        self.driver = driver

    async def events(
        self,
        operator: Operator,
        *,
        since: datetime | None = None,
        kind: str | None = None,
        level: str | None = None,
        charger_id: str | None = None,
        connector_name: str | None = None,
        text: str = "",
        limit: int = 100,
    ) -> list[EventView]:
        """The newest entries first; `level` keeps that severity and the graver ones."""
        self.context.require(operator, "viewer", "diagnostics.events")
        if kind is not None and kind not in KINDS:
            raise OperationError("bad_filter", f"kind: one of {', '.join(KINDS)}")
        if level is not None and level not in SEVERITIES:
            raise OperationError("bad_filter", f"level: one of {', '.join(SEVERITIES)}")
        limit = max(1, min(limit, 1000))

        def query(db: Session) -> list[EventView]:
            table = EventLogEntry.__table__
            statement = select(table).order_by(EventLogEntry.at.desc(), EventLogEntry.id.desc()).limit(limit)
            if since is not None:
                statement = statement.where(EventLogEntry.at >= since)
            if kind is not None:
                statement = statement.where(EventLogEntry.kind == kind)
            if level is not None:
                statement = statement.where(EventLogEntry.severity.in_(SEVERITIES[SEVERITIES.index(level) :]))
            if charger_id:
                statement = statement.where(EventLogEntry.charger_id == charger_id)
            if connector_name:
                statement = statement.where(EventLogEntry.connector_name == connector_name)
            if text.strip():
                pattern = f"%{text.strip().lower()}%"
                statement = statement.where(
                    or_(
                        func.lower(EventLogEntry.message).like(pattern),
                        func.lower(EventLogEntry.code).like(pattern),
                    )
                )
            return [
                EventView(r.id, r.at, r.kind, r.severity, r.code, r.message, r.charger_id, r.connector_name)
                for r in db.execute(statement)
            ]

        return await self.context.read(query)

    async def ocpp_state(self, operator: Operator) -> OcppState:
        self.context.require(operator, "viewer", "diagnostics.ocpp_state")
        settings = self.context.runtime.config.ocpp
        links = tuple(
            LinkView(link.identity, link.connected, link.registration == "Accepted", link.registration,
                     link.heartbeat_age_s)
            for link in central_system_links(self.context.runtime.ocpp)
        )  # fmt: skip

        queued, parked = await self.context.read(outbox_counts)
        return OcppState(bool(settings.url), str(redact(settings.url)), links, queued, parked)

    # -- the self-test (technician) ------------------------------------------------------------------

    async def self_test(self, operator: Operator) -> list[CheckResult]:
        """Network, CSMS, card reader and database, each passed or failed with what was seen; audited."""
        self.context.require(operator, "technician", "diagnostics.self_test")
        results = [
            await self._network(),
            self._csms(),
            self._card_reader(),
            await self._database(),
        ]
        await self.context.audit(
            operator.actor,
            "diagnostics.self_test",
            None,
            {r.name: {"passed": r.passed, "detail": r.detail} for r in results},
        )
        return results

    async def _network(self) -> CheckResult:
        url = self.context.runtime.config.ocpp.url
        if not url:
            # No central system host to reach: a default route is what the station can check.
            routed = await asyncio.to_thread(_has_default_route)
            return CheckResult("network", routed, "default route" if routed else "no default route")
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "wss" else 80)
        try:
            infos = await asyncio.wait_for(
                asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM), NETWORK_TIMEOUT_S
            )
        except (OSError, TimeoutError) as err:
            return CheckResult("network", False, f"{host}: name not resolved ({err or 'timeout'})")
        address = infos[0][4][0]
        try:
            _, writer = await asyncio.wait_for(asyncio.open_connection(host, port), NETWORK_TIMEOUT_S)
        except (OSError, TimeoutError) as err:
            return CheckResult("network", False, f"{host} ({address}) port {port}: {err or 'timeout'}")
        writer.close()
        return CheckResult("network", True, f"{host} ({address}) port {port} reachable")

    def _csms(self) -> CheckResult:
        if not self.context.runtime.config.ocpp.url:
            return CheckResult("csms", False, "no central system is configured")
        links = central_system_links(self.context.runtime.ocpp)
        if not links:
            return CheckResult("csms", False, "the OCPP link is not running")
        down = [f"{link.identity}: {link.registration if link.connected else 'not connected'}"
                for link in links if not (link.connected and link.registration == "Accepted")]  # fmt: skip
        if down:
            return CheckResult("csms", False, "; ".join(down))
        return CheckResult("csms", True, ", ".join(f"{link.identity} registered" for link in links))

    def _card_reader(self) -> CheckResult:
        if self.driver is None:
            return CheckResult("card_reader", False, "no card reader is attached to the kiosk")
        name, running, unplugged = self.driver.card_reader_state()
        if not running:
            return CheckResult("card_reader", False, f"{name}: not running")
        if unplugged:
            return CheckResult("card_reader", False, f"{name}: unplugged")
        return CheckResult("card_reader", True, f"{name}: running")

    async def _database(self) -> CheckResult:
        """A row written and read back on the ledger's writer thread (then rolled back), and the schema
        revision against this software's."""
        engine = self.context.runtime.engine

        def round_trip() -> tuple[bool, str | None]:
            with session_factory(engine)() as db:
                try:
                    marker = f"self-test {os.getpid()} {id(db)}"
                    entry = log_event(db, kind="event", severity="info", code="self_test", message=marker)
                    read = db.scalar(select(EventLogEntry.message).where(EventLogEntry.id == entry))
                    revision = current_revision(db.connection())
                    return read == marker, revision
                finally:
                    db.rollback()

        try:
            written, revision = await self.context.runtime.sessions.writer.run(round_trip)
        except Exception as err:  # any driver error is the finding itself
            return CheckResult("database", False, f"{type(err).__name__}: {err}")
        head = await asyncio.to_thread(head_revision)
        if not written:
            return CheckResult("database", False, "a written row did not read back")
        if revision != head:
            return CheckResult("database", False, f"schema at {revision}, this software needs {head}")
        return CheckResult("database", True, f"write and read back; schema {revision}")

    # -- export (technician) -------------------------------------------------------------------------

    async def export(self, operator: Operator, directory: str | Path | None = None) -> ExportResult:
        """Writes GetDiagnostics' archive (the same builder and redaction, docs/ocpp-firmware.md) to the
        USB stick; audited with the file name and size."""
        self.context.require(operator, "technician", "diagnostics.export")
        # A USB stick can be slow to answer: even looking at it happens off the loop.
        folder = await asyncio.to_thread(
            usb_directory, self.context.settings.export_dir, directory, writable=True
        )
        archive = diagnostics_archive(self.context.runtime)
        target = folder / archive.archive_name()
        partial = target.with_name(
            target.name + ".part"
        )  # a stick pulled mid-write leaves no whole-looking file
        try:
            await archive.build(partial)
            await asyncio.to_thread(os.replace, partial, target)
            size = (await asyncio.to_thread(target.stat)).st_size
        except OSError as err:
            await asyncio.to_thread(partial.unlink, True)
            await self.context.audit(
                operator.actor, "diagnostics.export", None, {"directory": str(folder), "outcome": "failed",
                                                               "reason": str(err)}
            )  # fmt: skip
            raise OperationError("export_failed", f"{folder}: {err}", path=str(folder)) from err
        await self.context.audit(
            operator.actor,
            "diagnostics.export",
            None,
            {"file": target.name, "directory": str(folder), "size": size, "outcome": "written"},
        )
        return ExportResult(str(target), size)


def _has_default_route() -> bool:
    """A default route in the kernel's IPv4 table (destination 00000000)."""
    try:
        lines = ROUTE_TABLE.read_text().splitlines()[1:]
    except OSError:
        return False
    return any(fields[1] == "00000000" for fields in (line.split() for line in lines) if len(fields) > 1)
