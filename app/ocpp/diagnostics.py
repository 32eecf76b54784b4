"""OCPP 1.6 GetDiagnostics: build a log archive for a time window and upload it, reporting each step.

The archive (tar.gz) holds the station's log files, the fault and event log rows of the ledger
between startTime and stopTime, and the configuration with its secrets removed
(docs/ocpp-firmware.md). GetDiagnostics.conf names the file at once (OCPP 1.6 section 6.33); the
upload runs in the background with DiagnosticsStatusNotification Uploading / Uploaded / UploadFailed
(section 4.3).
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import logging
import re
import shutil
import ssl
import tarfile
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from app.config import OcppDiagnosticsSettings
from app.db import EventLogEntry, read_only
from app.ocpp.file_transfer import TransferError, upload
from app.ocpp.firmware_update import Clock

log = logging.getLogger(__name__)

# DiagnosticsStatus wire values (OCPP 1.6 section 7.24).
IDLE, UPLOADING, UPLOADED, UPLOAD_FAILED = "Idle", "Uploading", "Uploaded", "UploadFailed"

REDACTED = "***"
# Configuration keys whose values never leave the station: passwords, keys, tokens, PINs.
_SECRET_KEY = re.compile(
    r"(password|passwd|secret|token|authorization_?key|private|api_?key|credential|passphrase"
    r"|(^|[_.\-])pin($|[_.\-])|(^|[_.\-])key$)",
    re.IGNORECASE,
)
_URL_PASSWORD = re.compile(r"(?P<head>[a-z][a-z0-9+.\-]*://[^/:@\s]+:)[^@\s/]+@", re.IGNORECASE)
_NAME_UNSAFE = re.compile(r"[^A-Za-z0-9_.\-]")
_SETTINGS = OcppDiagnosticsSettings()  # the [ocpp.diagnostics] schema's defaults: the uploader's too


def redact(value: Any, name: str = "") -> Any:
    """The configuration with every secret replaced, recursively; passwords inside URLs too."""
    if name and _SECRET_KEY.search(name):
        return REDACTED
    if isinstance(value, Mapping):
        return {str(k): redact(v, str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact(v) for v in value]
    if isinstance(value, str):
        return _URL_PASSWORD.sub(lambda m: m.group("head") + REDACTED + "@", value)
    return value


def _parse_time(value: str | None) -> datetime | None:
    if value is None:
        return None
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _json_default(value: Any) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value)


class DiagnosticsUploader:
    """Answers GetDiagnostics with a file name and uploads that file in the background, one at a time."""

    def __init__(
        self,
        notify: Callable[[str], Awaitable[None]],
        clock: Clock,
        *,
        identity: str,
        work_dir: Path,
        engine: Engine | None = None,
        log_dir: Path | None = None,
        configuration: Callable[[], Mapping[str, Any]] = dict,
        http_method: str = _SETTINGS.upload_method,
        ssl_context: ssl.SSLContext | None = None,
        timeout_s: float = _SETTINGS.transfer_timeout_s,
        max_log_bytes: int = _SETTINGS.max_log_MB * 1024 * 1024,
        default_attempts: int = 3,
        default_retry_interval_s: int = 60,
    ) -> None:
        self._notify_csms = notify
        self._clock = clock
        self._identity = _NAME_UNSAFE.sub("_", identity)
        self._work_dir = work_dir
        self._engine = engine
        self._log_dir = log_dir
        self._configuration = configuration
        self._http_method = http_method
        self._ssl_context = ssl_context
        self._timeout_s = timeout_s
        self._max_log_bytes = max_log_bytes
        self._default_attempts = default_attempts
        self._default_retry_interval_s = default_retry_interval_s
        self._task: asyncio.Task[None] | None = None
        self._last_status = IDLE

    @property
    def status(self) -> str:
        """For TriggerMessage(DiagnosticsStatusNotification): Uploading while an upload runs, else Idle
        (OCPP 1.6 section 7.24: Idle only in a triggered notification, when not uploading)."""
        return self._last_status if self._task is not None and not self._task.done() else IDLE

    def get_diagnostics(self, payload: Mapping[str, Any]) -> str | None:
        """Takes GetDiagnostics.req (wire names); returns the fileName for GetDiagnostics.conf at once.

        None (no fileName: "no diagnostic information available", section 6.33) while an earlier
        upload is still running: that one is finished first rather than two archives competing.
        """
        if self._task is not None and not self._task.done():
            log.warning("GetDiagnostics ignored: an upload is still running")
            return None
        name = self.archive_name()
        retries, interval = payload.get("retries"), payload.get("retryInterval")
        attempts = self._default_attempts if retries is None else max(1, int(retries))
        self._task = asyncio.get_running_loop().create_task(
            self._run(
                location=str(payload["location"]),
                name=name,
                start=_parse_time(payload.get("startTime")),
                stop=_parse_time(payload.get("stopTime")),
                attempts=attempts,
                interval_s=self._default_retry_interval_s if interval is None else max(0, int(interval)),
            )
        )
        return name

    async def wait(self) -> None:
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await self.wait()

    def archive_name(self) -> str:
        """The archive's file name: the identity and the station clock's time (UTC)."""
        now = self._clock.now().astimezone(UTC)
        return f"{self._identity}-diagnostics-{now:%Y%m%dT%H%M%SZ}.tar.gz"

    async def build(self, archive: Path, start: datetime | None = None, stop: datetime | None = None) -> None:
        """Writes the archive an upload would send to `archive` (the admin mode's export to a USB stick):
        the same contents and the same redaction, read the same way (configuration on the loop)."""
        configuration = redact(self._configuration())
        await asyncio.to_thread(self._build, archive, configuration, start, stop)

    async def _notify(self, status: str) -> None:
        self._last_status = status
        try:
            await self._notify_csms(status)
        except Exception:
            log.warning("DiagnosticsStatusNotification %s not delivered", status, exc_info=True)

    async def _run(
        self,
        *,
        location: str,
        name: str,
        start: datetime | None,
        stop: datetime | None,
        attempts: int,
        interval_s: int,
    ) -> None:
        self._work_dir.mkdir(parents=True, exist_ok=True)
        archive = self._work_dir / name
        try:
            # The configuration is read on the loop, where its owner changes it; the rest in a thread.
            await self.build(archive, start, stop)
            for attempt in range(1, attempts + 1):
                await self._notify(UPLOADING)
                try:
                    await asyncio.to_thread(
                        upload,
                        location,
                        archive,
                        timeout_s=self._timeout_s,
                        http_method=self._http_method,
                        ssl_context=self._ssl_context,
                    )
                    await self._notify(UPLOADED)
                    return
                except TransferError as exc:
                    log.warning("diagnostics upload attempt %d/%d: %s", attempt, attempts, exc)
                if attempt < attempts:
                    await self._clock.sleep(interval_s)
            await self._notify(UPLOAD_FAILED)
        except Exception:
            log.exception("diagnostics archive could not be built")
            await self._notify(UPLOAD_FAILED)
        finally:
            shutil.rmtree(self._work_dir, ignore_errors=True)

    def _build(self, archive: Path, config: Any, start: datetime | None, stop: datetime | None) -> None:
        """Writes the archive (blocking: runs in a worker thread)."""
        events = self._events(start, stop)
        summary = {
            "identity": self._identity,
            "created": self._clock.now().isoformat(),
            "startTime": start.isoformat() if start else None,
            "stopTime": stop.isoformat() if stop else None,
            "events": len(events),
        }
        with tarfile.open(archive, "w:gz") as tar:
            _add_bytes(tar, "summary.json", json.dumps(summary, indent=2).encode())
            _add_bytes(
                tar,
                "configuration.json",
                json.dumps(config, indent=2, default=_json_default).encode(),
            )
            lines = (json.dumps(e, default=_json_default, sort_keys=True) for e in events)
            _add_bytes(tar, "event_log.jsonl", "".join(line + "\n" for line in lines).encode())
            self._add_logs(tar, start)

    def _events(self, start: datetime | None, stop: datetime | None) -> list[dict[str, Any]]:
        if self._engine is None:
            return []
        query = select(EventLogEntry.__table__).order_by(EventLogEntry.id)
        if start is not None:
            query = query.where(EventLogEntry.at >= start)
        if stop is not None:
            query = query.where(EventLogEntry.at <= stop)
        with read_only(self._engine).connect() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def _add_logs(self, tar: tarfile.TarFile, start: datetime | None) -> None:
        if self._log_dir is None or not self._log_dir.is_dir():
            return
        budget = self._max_log_bytes
        # Newest first, so a cap drops the oldest logs; a file untouched since startTime holds nothing of it.
        files = sorted(
            (p for p in self._log_dir.iterdir() if p.is_file()), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for path in files:
            stat = path.stat()
            if start is not None and datetime.fromtimestamp(stat.st_mtime, UTC) < start:
                continue
            if stat.st_size > budget:
                log.warning("diagnostics: %s left out, the archive's log budget is spent", path.name)
                continue
            budget -= stat.st_size
            tar.add(path, arcname=f"logs/{path.name}", recursive=False)


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(UTC).timestamp())
    tar.addfile(info, io.BytesIO(data))
