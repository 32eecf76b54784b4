"""The firmware operations of the admin mode: what is installed, the signed packages on a USB stick, a
charger's ESP32 update with its progress, and its rollback (docs/admin.md "Firmware").

A package is installed only once its Ed25519 signature held against the vendor key (the package
format of docs/ocpp-firmware.md, app/updates/package_format.py): an unsigned or badly signed one is
listed as refused and never flashed. The flashing is the OCPP updater's (app/updates/esp32.py), one
charger at a time: image check, write, read-back, and the last good image restored if that fails.
Each charger keeps the image before the current one, so a technician can go back to it.

A package may also come from the station's configured source ([admin] firmware_source: the URL of one
package file, http/https/ftp as the OCPP UpdateFirmware download of OCPP 1.6 section 5.19): it is
downloaded in a worker thread by the same transfer code, size-capped and time-limited, then verified
and flashed exactly as a package from the stick. The URL is audited and logged without its userinfo.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import shutil
import ssl
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit, urlunsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.admin.context import OperationError, Operator, OperatorContext
from app.admin.usb_drive import usb_directory
from app.config import StationConfig, state_path
from app.ocpp.file_transfer import TransferError, download
from app.updates import (
    Esp32Installer,
    PackageError,
    StationInstaller,
    VerifiedPackage,
    load_public_key,
    running_version,
    verify_package,
)
from hal.board.flasher import EsptoolFlasher, FlashError

if TYPE_CHECKING:
    from app.chargers.events import ChargerView
    from hal.wire.messages import IdentifyReply

log = logging.getLogger(__name__)

PACKAGE_SUFFIXES = (".tar.gz", ".tgz")
LAST_GOOD, PREVIOUS = "last-good", "previous"  # app/updates/esp32.py keeps last-good; this module previous
ONLINE_STATES = ("online", "degraded")
MIN_UPTIME_S = 3
STEPS = ("downloading", "verifying", "flashing", "restarting", "done")  # FirmwareProgress.step, in order
SOURCE_SCHEMES = ("http", "https", "ftp")  # what app/ocpp/file_transfer.py downloads
DOWNLOAD_POLL_S = 0.2


@dataclass(frozen=True)
class FirmwareSetup:
    """Where the firmware operations find the vendor key, each charger's flasher and the kept images."""

    vendor_key: Path | None
    flasher_for: Callable[[str], EsptoolFlasher | None]
    store_dir: Path
    release_root: Path | None = None
    max_package_bytes: int = 64 * 1024 * 1024
    restart_timeout_s: float = 30.0
    source: str = ""  # [admin] firmware_source: the URL of one package file; empty: none
    transfer_timeout_s: float = 60.0
    ssl_context: ssl.SSLContext | None = None  # HTTPS: None = the system CA bundle

    @classmethod
    def from_config(cls, config: StationConfig) -> FirmwareSetup:
        """The [ocpp.firmware] settings the OCPP updater uses: the same key, ports and esptool."""
        fw = config.ocpp.firmware
        index = {charger.id: i for i, charger in enumerate(config.chargers)}
        esptool = [fw.esptool] if fw.esptool else None

        def flasher_for(charger_id: str) -> EsptoolFlasher | None:
            i = index.get(charger_id)
            if i is None or i >= len(fw.esp32_ports):
                return None
            return EsptoolFlasher(fw.esp32_ports[i], chip=fw.esp32_chip, baud=fw.esp32_baud, esptool=esptool)

        return cls(
            vendor_key=Path(fw.vendor_public_key) if fw.vendor_public_key else None,
            flasher_for=flasher_for,
            store_dir=state_path(fw.state_dir, "firmware") / "admin-esp32",
            release_root=Path(fw.release_root) if fw.release_root else None,
            max_package_bytes=fw.max_package_MB * 1024 * 1024,
            source=config.admin.firmware_source,
            transfer_timeout_s=fw.transfer_timeout_s,
        )


@dataclass(frozen=True)
class ChargerFirmware:
    """One charger's ESP32: the version it identified with and the images kept for it here."""

    charger_id: str
    link_state: str
    version: str | None  # from its IDENTIFY_REPLY; None before it first identified
    serial: str | None
    installed_package: str | None  # the package version last flashed from the admin mode
    rollback_version: str | None  # the image kept from before it, what rollback() flashes
    can_flash: bool  # a flasher (serial port) is configured for it


@dataclass(frozen=True)
class FirmwareInventory:
    chargers: tuple[ChargerFirmware, ...]
    station_running: str  # the station software this process runs
    station_current: str | None  # the release root's current and previous releases
    station_previous: str | None
    source: str | None = None  # the configured package source, userinfo redacted; None: none configured


@dataclass(frozen=True)
class PackageView:
    """A package file on the stick: offered (signature held) or refused with the reason."""

    path: str
    file_name: str
    size: int
    valid: bool
    target: str | None = None  # "esp32" or "station" (only for a valid one)
    version: str | None = None
    signer_key_id: str | None = None
    reason: str = ""  # why it is refused


@dataclass(frozen=True)
class FirmwareProgress:
    step: str  # one of STEPS
    fraction: float  # 0..1, for the progress bar
    received_bytes: int = 0  # "downloading": what has arrived so far from the source


@dataclass(frozen=True)
class FirmwareResult:
    charger_id: str
    version: str  # the package's (or the rolled-back image's) version
    reported_version: str | None  # what the charger identified with after its restart; None: not seen


def key_id(key: Ed25519PublicKey) -> str:
    """The vendor key's short fingerprint: the first 16 hex digits of SHA-256 over its raw bytes."""
    return hashlib.sha256(key.public_bytes(Encoding.Raw, PublicFormat.Raw)).hexdigest()[:16]


def redact_url(url: str) -> str:
    """The URL without its userinfo (user:password@), for the audit row and the log."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return "<invalid URL>"
    if parts.username is None and parts.password is None:
        return url
    netloc = f"***@{host}" + (f":{port}" if port is not None else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _source_name(url: str) -> str:
    """The package's file name: the last segment of the URL's path."""
    return unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]) or "package"


def _identity_version(identity: IdentifyReply | None) -> str | None:
    if identity is None:
        return None
    return f"{identity.firmware_major}.{identity.firmware_minor}.{identity.firmware_patch}"


def _kept_version(directory: Path) -> str | None:
    record = directory / "images.json"
    try:
        return str(json.loads(record.read_text())["version"])
    except (OSError, ValueError, KeyError):
        return None


def _kept_images(directory: Path) -> list[tuple[int, Path]]:
    data = json.loads((directory / "images.json").read_text())
    return [(int(offset), directory / name) for offset, name in data["images"]]


class FirmwareOperations:
    """`facade.firmware`: technician role for every operation; each update and rollback is audited."""

    def __init__(self, context: OperatorContext, setup: FirmwareSetup | None = None) -> None:
        self.context = context
        self.setup = setup or FirmwareSetup.from_config(context.runtime.config)
        self._busy = asyncio.Lock()

    # -- reading -------------------------------------------------------------------------------------

    async def installed(self, operator: Operator) -> FirmwareInventory:
        self.context.require(operator, "technician", "firmware.installed")
        # The link views are read here, on the loop that updates them; the files in a worker thread.
        views = self.context.runtime.station.manager.chargers()
        return await asyncio.to_thread(self._inventory, views)

    def _inventory(self, views: dict[str, ChargerView]) -> FirmwareInventory:
        chargers = []
        for charger_id, view in views.items():
            store = self.setup.store_dir / charger_id
            identity = view.identity
            chargers.append(
                ChargerFirmware(
                    charger_id=charger_id,
                    link_state=view.link_state.value,
                    version=_identity_version(identity),
                    serial=identity.serial.rstrip(b"\0").decode(errors="replace") if identity else None,
                    installed_package=_kept_version(store / LAST_GOOD),
                    rollback_version=_kept_version(store / PREVIOUS),
                    can_flash=self.setup.flasher_for(charger_id) is not None,
                )
            )
        root = self.setup.release_root
        releases = StationInstaller(root) if root is not None else None
        return FirmwareInventory(
            chargers=tuple(chargers),
            station_running=running_version(str(root) if root else None),
            station_current=releases.current_version() if releases else None,
            station_previous=releases.previous_version() if releases else None,
            source=redact_url(self.setup.source) if self.setup.source else None,
        )

    async def packages(self, operator: Operator, directory: str | Path | None = None) -> list[PackageView]:
        """The package files on the stick, each verified against the vendor key (nothing is installed)."""
        self.context.require(operator, "technician", "firmware.packages")
        key = self._vendor_key()
        # A USB stick can be slow to answer: even looking at it happens off the loop.
        folder = await asyncio.to_thread(usb_directory, self.context.settings.export_dir, directory)
        return await asyncio.to_thread(self._scan, folder, key)

    def _scan(self, folder: Path, key: Ed25519PublicKey) -> list[PackageView]:
        found = sorted(p for p in folder.iterdir() if p.is_file() and p.name.endswith(PACKAGE_SUFFIXES))
        views = []
        for path in found:
            with tempfile.TemporaryDirectory(prefix="evse-pkg-") as scratch:
                try:
                    package = verify_package(path, key, Path(scratch), max_bytes=self.setup.max_package_bytes)
                except PackageError as err:
                    views.append(
                        PackageView(str(path), path.name, path.stat().st_size, False, reason=str(err))
                    )
                    continue
            views.append(
                PackageView(
                    str(path),
                    path.name,
                    path.stat().st_size,
                    True,
                    target=package.target,
                    version=package.version,
                    signer_key_id=key_id(key),
                )
            )
        return views

    def _vendor_key(self) -> Ed25519PublicKey:
        if self.setup.vendor_key is None:
            raise OperationError("no_vendor_key", "no vendor public key is configured ([ocpp.firmware])")
        try:
            return load_public_key(self.setup.vendor_key)
        except (OSError, PackageError, ValueError) as err:
            raise OperationError("no_vendor_key", f"the vendor public key: {err}") from err

    # -- acting --------------------------------------------------------------------------------------

    def _flasher(self, charger_id: str) -> EsptoolFlasher:
        chargers = self.context.runtime.station.manager.chargers()
        if charger_id not in chargers:
            raise OperationError("unknown_charger", f"no charger {charger_id}", charger=charger_id)
        # Flashing restarts the charger: never under a session (IEC 61851-1: the contactor opens).
        sessions = self.context.runtime.sessions
        if any(sessions.open_session(c) is not None for c in chargers[charger_id].connector_ids):
            raise OperationError("charger_in_use", f"{charger_id} has a session", charger=charger_id)
        flasher = self.setup.flasher_for(charger_id)
        if flasher is None:
            raise OperationError(
                "no_flasher", f"no serial port is configured for {charger_id}", charger=charger_id
            )
        return flasher

    async def update_charger(
        self,
        operator: Operator,
        charger_id: str,
        package_path: str | Path,
        progress: Callable[[FirmwareProgress], None] | None = None,
    ) -> FirmwareResult:
        """Verifies the package's signature, then flashes it on the charger and waits for its restart."""
        self.context.require(operator, "technician", "firmware.update")
        path = Path(package_path)
        report = progress or (lambda _step: None)
        if self._busy.locked():
            raise OperationError("busy", "another firmware operation is running")
        async with self._busy:
            flasher = self._flasher(charger_id)
            key = self._vendor_key()
            audit: dict[str, Any] = {"package": path.name, "signer_key_id": key_id(key)}
            report(FirmwareProgress("verifying", 0.05))
            return await self._install(operator, charger_id, flasher, key, path, path.name, audit, report)

    async def update_charger_from_source(
        self,
        operator: Operator,
        charger_id: str,
        progress: Callable[[FirmwareProgress], None] | None = None,
    ) -> FirmwareResult:
        """Downloads the package at [admin] firmware_source, then verifies and flashes it as
        update_charger does; an unreachable source is refused with `source_unreachable`."""
        self.context.require(operator, "technician", "firmware.update")
        report = progress or (lambda _step: None)
        url = self.setup.source
        if not url:
            raise OperationError("no_source", "no firmware source is configured ([admin] firmware_source)")
        shown = redact_url(url)
        if urlsplit(url).scheme.lower() not in SOURCE_SCHEMES:
            raise OperationError("source_unsupported", f"{shown}: use http, https or ftp")
        if self._busy.locked():
            raise OperationError("busy", "another firmware operation is running")
        async with self._busy:
            flasher = self._flasher(charger_id)
            key = self._vendor_key()
            name = _source_name(url)
            audit: dict[str, Any] = {"source": shown, "package": name, "signer_key_id": key_id(key)}
            download_dir = self.setup.store_dir / charger_id / "download"
            await asyncio.to_thread(shutil.rmtree, download_dir, True)
            await asyncio.to_thread(download_dir.mkdir, parents=True, exist_ok=True)
            archive = download_dir / "package.tar.gz"
            try:
                await self._download(url, archive, report)
                report(FirmwareProgress("verifying", 0.3))
                return await self._install(operator, charger_id, flasher, key, archive, name, audit, report)
            except TransferError as err:
                reason = str(err).replace(url, shown)
                log.warning("firmware source %s: %s", shown, reason)
                await self._audit(operator, "firmware.update", charger_id, audit, "refused", reason)
                raise OperationError("source_unreachable", f"{shown}: {reason}", source=shown) from err
            finally:
                await asyncio.to_thread(shutil.rmtree, download_dir, True)

    async def _download(self, url: str, archive: Path, report: Callable[[FirmwareProgress], None]) -> None:
        """Fetches the package in a worker thread (the transfer is blocking) while this coroutine reports
        the bytes received so far from the file's growing size."""
        cap = self.setup.max_package_bytes
        task = asyncio.ensure_future(
            asyncio.to_thread(
                download,
                url,
                archive,
                max_bytes=cap,
                timeout_s=self.setup.transfer_timeout_s,
                ssl_context=self.setup.ssl_context,
            )
        )
        report(FirmwareProgress("downloading", 0.0, 0))
        while True:
            done, _ = await asyncio.wait({task}, timeout=DOWNLOAD_POLL_S)
            if done:
                size = task.result()
                report(FirmwareProgress("downloading", 0.25, size))
                return
            try:
                received = archive.stat().st_size  # a stat of a local file: no network wait
            except OSError:
                received = 0
            # The size is unknown up front (not every server announces it): the bar creeps towards
            # its download share against the cap.
            report(FirmwareProgress("downloading", 0.25 * min(1.0, received / cap), received))

    async def _install(
        self,
        operator: Operator,
        charger_id: str,
        flasher: EsptoolFlasher,
        key: Ed25519PublicKey,
        path: Path,
        name: str,
        audit: dict[str, Any],
        report: Callable[[FirmwareProgress], None],
    ) -> FirmwareResult:
        """The verified package flashed, the charger's restart awaited, the outcome audited (the caller
        holds the busy lock)."""
        store = self.setup.store_dir / charger_id
        scratch = store / "incoming"
        await asyncio.to_thread(shutil.rmtree, scratch, True)
        try:
            package = await self._verified(path, name, key, scratch, audit, operator, charger_id)
            audit["version"] = package.version
            report(FirmwareProgress("flashing", 0.4 if "source" in audit else 0.2))
            await self._settled(charger_id)
            before = self._identity(charger_id)
            await asyncio.to_thread(self._snapshot_previous, store)
            try:
                await Esp32Installer([flasher], store).install(package)
            except Exception as err:  # Esp32InstallError, FlashError: the last good image is back
                await asyncio.to_thread(shutil.rmtree, store / f"{PREVIOUS}.new", True)
                await self._audit(operator, "firmware.update", charger_id, audit, "failed", str(err))
                raise OperationError("flash_failed", str(err), charger=charger_id) from err
            await asyncio.to_thread(self._commit_previous, store)
        finally:
            await asyncio.to_thread(shutil.rmtree, scratch, True)
        report(FirmwareProgress("restarting", 0.7))
        reported = await self._wait_restarted(charger_id, before)
        audit["reported_version"] = reported
        await self._audit(operator, "firmware.update", charger_id, audit, "installed")
        report(FirmwareProgress("done", 1.0))
        return FirmwareResult(charger_id, package.version, reported)

    async def _verified(
        self,
        path: Path,
        name: str,
        key: Ed25519PublicKey,
        into: Path,
        audit: dict[str, Any],
        operator: Operator,
        charger_id: str,
    ) -> VerifiedPackage:
        try:
            package = await asyncio.to_thread(
                verify_package, path, key, into, max_bytes=self.setup.max_package_bytes
            )
        except (PackageError, OSError) as err:
            await self._audit(operator, "firmware.update", charger_id, audit, "refused", str(err))
            raise OperationError("package_refused", f"{name}: {err}", package=name) from err
        if package.target != Esp32Installer.target:
            reason = f"a {package.target} package, not a charger firmware"
            audit["version"] = package.version
            await self._audit(operator, "firmware.update", charger_id, audit, "refused", reason)
            raise OperationError("wrong_target", reason, package=name)
        return package

    async def rollback(
        self, operator: Operator, charger_id: str, progress: Callable[[FirmwareProgress], None] | None = None
    ) -> FirmwareResult:
        """Flashes the image kept from before the last update; that one becomes the kept image."""
        self.context.require(operator, "technician", "firmware.rollback")
        report = progress or (lambda _step: None)
        if self._busy.locked():
            raise OperationError("busy", "another firmware operation is running")
        async with self._busy:
            flasher = self._flasher(charger_id)
            store = self.setup.store_dir / charger_id
            version = _kept_version(store / PREVIOUS)
            if version is None:
                raise OperationError("no_previous_image", f"no earlier image is kept for {charger_id}")
            audit: dict[str, Any] = {"version": version, "from": _kept_version(store / LAST_GOOD)}
            report(FirmwareProgress("flashing", 0.2))
            images = _kept_images(store / PREVIOUS)
            await self._settled(charger_id)
            before = self._identity(charger_id)
            try:
                await flasher.write(images)
                await flasher.verify(images)
            except FlashError as err:
                await self._audit(operator, "firmware.rollback", charger_id, audit, "failed", str(err))
                raise OperationError("flash_failed", str(err), charger=charger_id) from err
            await asyncio.to_thread(self._swap_kept, store)
            report(FirmwareProgress("restarting", 0.7))
            reported = await self._wait_restarted(charger_id, before)
            audit["reported_version"] = reported
            await self._audit(operator, "firmware.rollback", charger_id, audit, "installed")
            report(FirmwareProgress("done", 1.0))
            return FirmwareResult(charger_id, version, reported)

    # -- the kept images -----------------------------------------------------------------------------

    @staticmethod
    def _snapshot_previous(store: Path) -> None:
        """Copies the current image aside before the installer replaces it (kept if the update works)."""
        incoming = store / f"{PREVIOUS}.new"
        shutil.rmtree(incoming, ignore_errors=True)
        if (store / LAST_GOOD / "images.json").exists():
            shutil.copytree(store / LAST_GOOD, incoming)

    @staticmethod
    def _commit_previous(store: Path) -> None:
        incoming = store / f"{PREVIOUS}.new"
        if incoming.exists():
            shutil.rmtree(store / PREVIOUS, ignore_errors=True)
            incoming.rename(store / PREVIOUS)

    @staticmethod
    def _swap_kept(store: Path) -> None:
        """After a rollback the flashed image is the current one and the one it replaced is kept."""
        swap = store / "swap"
        shutil.rmtree(swap, ignore_errors=True)
        if (store / LAST_GOOD).exists():
            (store / LAST_GOOD).rename(swap)
        (store / PREVIOUS).rename(store / LAST_GOOD)
        if swap.exists():
            swap.rename(store / PREVIOUS)

    # -- helpers -------------------------------------------------------------------------------------

    async def _settled(self, charger_id: str) -> None:
        """Waits (at most restart_timeout_s) until the charger has been up MIN_UPTIME_S: the link task
        tells a restart by the charger's uptime going back (docs/charger-manager.md), which a restart
        within a second or two of the last one would not show, so a flash right after another (or a
        rollback right after an update) would go unseen."""
        manager = self.context.runtime.station.manager
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.setup.restart_timeout_s
        while loop.time() < deadline:
            uptime = manager.health(charger_id).charger_uptime_s
            if uptime is None or uptime >= MIN_UPTIME_S:
                return
            await asyncio.sleep(0.1)

    def _identity(self, charger_id: str) -> IdentifyReply | None:
        return self.context.runtime.station.manager.chargers()[charger_id].identity

    async def _wait_restarted(self, charger_id: str, before: IdentifyReply | None) -> str | None:
        """The version the charger identifies with once it restarted into the new image (None: not seen
        within restart_timeout_s; the link task keeps reconnecting). `before`: its identity before the
        flash (a fast restart may be re-identified before this starts waiting)."""
        manager = self.context.runtime.station.manager
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.setup.restart_timeout_s
        while loop.time() < deadline:
            view = manager.chargers()[charger_id]
            identity = view.identity
            restarted = identity is not None and (before is None or identity.boot_count != before.boot_count)
            if restarted and view.link_state.value in ONLINE_STATES:
                return _identity_version(identity)
            await asyncio.sleep(0.1)
        log.warning(
            "%s did not identify again within %.0f s of its flash", charger_id, self.setup.restart_timeout_s
        )
        return None

    async def _audit(
        self,
        operator: Operator,
        action: str,
        charger_id: str,
        details: dict[str, Any],
        outcome: str,
        reason: str = "",
    ) -> None:
        row = {**details, "outcome": outcome}
        if reason:
            row["reason"] = reason
        await self.context.audit(operator.actor, action, f"charger:{charger_id}", row)
