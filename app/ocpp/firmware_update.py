"""OCPP 1.6 UpdateFirmware: wait, download with retries, verify the signed package, install, report each step.

The steps and their FirmwareStatusNotification (OCPP 1.6 sections 5.19 and 4.4), the persisted
progress that survives a restart into the new version, and the rule for a second UpdateFirmware are
described in docs/ocpp-firmware.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import shutil
import ssl
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from app.config import OcppFirmwareSettings
from app.ocpp.file_transfer import TransferError, download
from app.updates import PackageError, VerifiedPackage, verify_package

log = logging.getLogger(__name__)

# FirmwareStatus wire values (OCPP 1.6 section 7.25).
IDLE = "Idle"
DOWNLOADING = "Downloading"
DOWNLOADED = "Downloaded"
DOWNLOAD_FAILED = "DownloadFailed"
INSTALLING = "Installing"
INSTALLED = "Installed"
INSTALLATION_FAILED = "InstallationFailed"

# Persisted phases. Before INSTALLING a new request may replace the running one; from then on not.
WAITING, FETCHING, INSTALLING_PHASE, AWAITING_RESTART = "waiting", "downloading", "installing", "restarting"
_REPLACEABLE = (WAITING, FETCHING)


class Clock(Protocol):
    """Wall-clock time (UTC, set from the CSMS) and sleeping on it; tests pass a clock that jumps."""

    def now(self) -> datetime: ...

    async def sleep(self, seconds: float) -> None: ...


class Installer(Protocol):
    """Installs one target's verified packages ("esp32" or "station") and rolls its own failures back."""

    async def install(self, package: VerifiedPackage) -> bool:
        """Installs; True when the station must restart to run it. Raises after rolling back."""
        ...

    def current_version(self) -> str | None:
        """The version installed and in use now (after a restart: the one that came up)."""
        ...

    def confirm(self) -> None:
        """The new version is running: keep it."""
        ...

    async def recover(self) -> None:
        """An install was interrupted (power cut): return to a version that works."""
        ...


class JsonStateStore:
    """The update's progress as one JSON file, replaced atomically.

    A file, not the ledger database: the state must be readable by whichever release starts next,
    whatever that release's database schema, and must not depend on the database being reachable.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> dict[str, Any] | None:
        try:
            state: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))
            return state
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            log.exception("firmware update state %s unreadable; starting without it", self.path)
            return None

    def save(self, state: dict[str, Any] | None) -> None:
        if state is None:
            self.path.unlink(missing_ok=True)
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(state, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)


@dataclass(frozen=True)
class UpdateRequest:
    """UpdateFirmware.req as received (OCPP 1.6 section 6.51), retries and interval already defaulted."""

    location: str
    retrieve_date: str  # ISO 8601, as on the wire
    attempts: int
    retry_interval_s: int


_SETTINGS = OcppFirmwareSettings()  # the [ocpp.firmware] schema's defaults are the one source of these


@dataclass(frozen=True)
class UpdateLimits:
    """Bounds of one update; the defaults apply when UpdateFirmware.req leaves retries/retryInterval out."""

    max_package_bytes: int = _SETTINGS.max_package_MB * 1024 * 1024
    timeout_s: float = _SETTINGS.transfer_timeout_s
    default_attempts: int = 3
    default_retry_interval_s: int = 60
    max_attempts: int = 10


def _parse_time(value: str) -> datetime:
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


class FirmwareUpdater:
    """Runs one firmware update at a time and reports it through `notify(status)`."""

    def __init__(
        self,
        notify: Callable[[str], Awaitable[None]],
        installers: Mapping[str, Installer],
        clock: Clock,
        state_store: JsonStateStore,
        *,
        public_key: Ed25519PublicKey,
        work_dir: Path,
        limits: UpdateLimits | None = None,
        ssl_context: ssl.SSLContext | None = None,
        before_install: Callable[[], Awaitable[None]] | None = None,
        restart: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self._notify_csms = notify
        self._installers = installers
        self._clock = clock
        self._store = state_store
        self._public_key = public_key
        self._work_dir = work_dir
        self._limits = limits or UpdateLimits()
        self._ssl_context = ssl_context
        self._before_install = before_install
        self._restart = restart
        self._task: asyncio.Task[None] | None = None
        self._phase: str | None = None
        self._runs = 0  # each run downloads into its own directory: a replaced run may still be writing
        self._last_status = IDLE

    @property
    def status(self) -> str:
        """For TriggerMessage(FirmwareStatusNotification): the last status while an update runs, else Idle
        (OCPP 1.6 section 7.25: Idle only in a triggered notification, when no update is under way)."""
        return self._last_status if self._phase is not None else IDLE

    def update_firmware(self, payload: Mapping[str, Any]) -> bool:
        """Takes UpdateFirmware.req (wire names); returns at once. False when the request is ignored.

        UpdateFirmware.conf has no status (OCPP 1.6 section 6.52), so a request cannot be refused on the
        wire: a new request replaces one that is still waiting or downloading (the CSMS changed its mind);
        one that arrives while a package is being installed is ignored, because an install is never
        interrupted.
        """
        if self._phase is not None and self._phase not in _REPLACEABLE:
            log.warning("UpdateFirmware ignored: an update is being installed")
            return False
        retries, interval = payload.get("retries"), payload.get("retryInterval")
        default_interval = self._limits.default_retry_interval_s
        # "retries: how many times the Charge Point must try to download" (section 6.51): attempts.
        attempts = self._limits.default_attempts if retries is None else max(1, int(retries))
        request = UpdateRequest(
            location=str(payload["location"]),
            retrieve_date=str(payload["retrieveDate"]),
            attempts=min(attempts, self._limits.max_attempts),
            retry_interval_s=default_interval if interval is None else max(0, int(interval)),
        )
        _parse_time(request.retrieve_date)  # a malformed date is refused here (ValueError), not in the task
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._save(WAITING, request)
        self._start(request)
        return True

    def _start(self, request: UpdateRequest) -> None:
        self._runs += 1
        run_dir = self._work_dir / f"run-{os.getpid()}-{self._runs}"
        self._task = asyncio.get_running_loop().create_task(self._guarded(request, run_dir))

    async def resume(self) -> None:
        """At start-up (after BootNotification was accepted): finish what the last run left.

        An update interrupted before installing starts again from its request; one that was installing
        or waiting for the restart is Installed when its version now runs, else rolled back and failed.
        """
        state = self._store.load()
        if state is None:
            return
        request = UpdateRequest(**state["request"])
        if state["phase"] in _REPLACEABLE:
            self._phase = WAITING
            self._start(request)
            return
        installer = self._installers.get(state.get("target", ""))
        if installer is not None and installer.current_version() == state.get("version"):
            installer.confirm()
            await self._notify(INSTALLED)
        else:
            if installer is not None:
                await installer.recover()
            await self._notify(INSTALLATION_FAILED)
        self._finish()

    async def wait(self) -> None:
        """Until the running update (if any) has ended or is waiting for a restart."""
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await self.wait()

    async def _notify(self, status: str) -> None:
        self._last_status = status
        try:
            await self._notify_csms(status)
        except Exception:  # a status notification is not a transaction message: not queued
            log.warning("FirmwareStatusNotification %s not delivered", status, exc_info=True)

    def _save(self, phase: str, request: UpdateRequest, **extra: Any) -> None:
        self._phase = phase
        self._store.save({"phase": phase, "request": asdict(request), **extra})

    def _finish(self) -> None:
        self._phase = None
        self._store.save(None)
        shutil.rmtree(self._work_dir, ignore_errors=True)

    async def _guarded(self, request: UpdateRequest, run_dir: Path) -> None:
        """Runs the update; an unexpected error still ends in a failure status and a cleared state."""
        try:
            await self._run(request, run_dir)
        except Exception:
            log.exception("firmware update aborted")
            await self._notify(DOWNLOAD_FAILED if self._phase in _REPLACEABLE else INSTALLATION_FAILED)
            self._finish()

    async def _run(self, request: UpdateRequest, run_dir: Path) -> None:
        # Waiting for retrieveDate in steps, so a clock corrected by the CSMS is honoured.
        while (remaining := (_parse_time(request.retrieve_date) - self._clock.now()).total_seconds()) > 0:
            await self._clock.sleep(min(remaining, 60.0))
        archive = await self._download(request, run_dir)
        if archive is None:
            await self._notify(DOWNLOAD_FAILED)
            self._finish()
            return
        await self._notify(DOWNLOADED)
        try:
            package = await asyncio.to_thread(
                verify_package,
                archive,
                self._public_key,
                run_dir / "payload",
                max_bytes=self._limits.max_package_bytes,
            )
        except (PackageError, OSError) as exc:
            log.error("firmware package refused: %s", exc)
            await self._notify(INSTALLATION_FAILED)
            self._finish()
            return
        installer = self._installers.get(package.target)
        if installer is None:
            log.error("firmware package for %r: no installer for that target here", package.target)
            await self._notify(INSTALLATION_FAILED)
            self._finish()
            return
        if self._before_install is not None:
            await self._before_install()
        self._save(INSTALLING_PHASE, request, target=package.target, version=package.version)
        await self._notify(INSTALLING)
        try:
            needs_restart = await installer.install(package)
        except Exception as exc:  # the installer has rolled back; whatever went wrong, report and go on
            log.error("firmware installation failed: %s", exc)
            await self._notify(INSTALLATION_FAILED)
            self._finish()
            return
        if needs_restart:
            # Installed is reported by the new version from resume() (OCPP 1.6 section 5.19: after reboot).
            self._save(AWAITING_RESTART, request, target=package.target, version=package.version)
            if self._restart is not None:
                await self._restart()
            return
        installer.confirm()
        await self._notify(INSTALLED)
        self._finish()

    async def _download(self, request: UpdateRequest, run_dir: Path) -> Path | None:
        run_dir.mkdir(parents=True, exist_ok=True)
        archive = run_dir / "package.tar.gz"
        for attempt in range(1, request.attempts + 1):
            self._save(FETCHING, request)
            await self._notify(DOWNLOADING)
            try:
                await asyncio.to_thread(
                    download,
                    request.location,
                    archive,
                    max_bytes=self._limits.max_package_bytes,
                    timeout_s=self._limits.timeout_s,
                    ssl_context=self._ssl_context,
                )
                return archive
            except TransferError as exc:
                log.warning("firmware download attempt %d/%d: %s", attempt, request.attempts, exc)
            if attempt < request.attempts:
                await self._clock.sleep(request.retry_interval_s)
        return None
