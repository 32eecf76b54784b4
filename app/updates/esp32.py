"""Installs a verified "esp32" package on every charger's ESP32, rolling all of them back if one fails.

The images are checked offline first (esptool image-info), then flashed and read back charger by
charger. The images of the last successful update are kept as the rollback set: a charger whose
flash failed, and those already flashed in the same update, get them back, so all chargers of the
station keep running one firmware version (docs/ocpp-firmware.md).
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

from app.updates.package_format import VerifiedPackage
from hal.board.flasher import EsptoolFlasher, FlashError

log = logging.getLogger(__name__)

# ESP-IDF's default partition table offset (CONFIG_PARTITION_TABLE_OFFSET): a table, not an image.
PARTITION_TABLE_OFFSET = 0x8000
LAST_GOOD = "last-good"


class Esp32InstallError(Exception):
    """Flashing failed; the message says whether the previous firmware was restored."""


class Esp32Installer:
    """The "esp32" target of the firmware updater, over one flasher per charger's serial port."""

    target = "esp32"

    def __init__(self, flashers: list[EsptoolFlasher], store_dir: Path) -> None:
        if not flashers:
            raise ValueError("at least one ESP32 flasher (serial port) is needed")
        self.flashers = flashers
        self.store_dir = store_dir

    def _last_good(self) -> tuple[str | None, list[tuple[int, Path]]]:
        record = self.store_dir / LAST_GOOD / "images.json"
        if not record.exists():
            return None, []
        data = json.loads(record.read_text())
        return data["version"], [(int(o), self.store_dir / LAST_GOOD / n) for o, n in data["images"]]

    def current_version(self) -> str | None:
        return self._last_good()[0]

    def confirm(self) -> None:
        """Nothing to do: an ESP32 image is kept once its read-back matched."""

    async def install(self, package: VerifiedPackage) -> bool:
        images = sorted((f.offset or 0, package.path(f)) for f in package.files)
        for offset, path in images:
            if offset != PARTITION_TABLE_OFFSET:
                try:
                    await self.flashers[0].check_image(path)
                except FlashError as exc:
                    raise Esp32InstallError(f"{path.name}: {exc}") from exc
        for done, flasher in enumerate(self.flashers):
            try:
                await flasher.write(images)
                await flasher.verify(images)
            except FlashError as exc:
                restored = await self._restore(self.flashers[: done + 1])
                raise Esp32InstallError(
                    f"{flasher.port}: {exc}; previous firmware {'restored' if restored else 'NOT restored'}"
                ) from exc
        self._keep(package.version, images)
        return False

    async def recover(self) -> None:
        """After an interrupted flash every charger gets the last good firmware again."""
        await self._restore(self.flashers)

    async def _restore(self, flashers: list[EsptoolFlasher]) -> bool:
        version, images = self._last_good()
        if not images:
            log.error("no earlier ESP32 firmware kept: nothing to roll back to")
            return False
        restored = True
        for flasher in flashers:
            try:
                await flasher.write(images)
                await flasher.verify(images)
            except FlashError as exc:
                log.error("%s: rolling back to %s failed: %s", flasher.port, version, exc)
                restored = False
        return restored

    def _keep(self, version: str, images: list[tuple[int, Path]]) -> None:
        incoming = self.store_dir / f"{LAST_GOOD}.new"
        shutil.rmtree(incoming, ignore_errors=True)
        incoming.mkdir(parents=True)
        for _offset, path in images:
            shutil.copy2(path, incoming / path.name)
        record = {"version": version, "images": [[offset, path.name] for offset, path in images]}
        (incoming / "images.json").write_text(json.dumps(record))
        shutil.rmtree(self.store_dir / LAST_GOOD, ignore_errors=True)
        incoming.rename(self.store_dir / LAST_GOOD)
