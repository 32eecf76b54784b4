"""Flashing a simulated charger: the esptool steps of EsptoolFlasher, with evse-sim as the ESP32.

The image check is esptool's own (offline, the same verdict a real update gets). The serial write and
the read-back are the simulator's: the written images are kept, the read-back compares them, and the
application image's version (esp_app_desc_t, ESP-IDF app image format) is handed to the simulated
charger over its control channel ("flash", docs/simulator.md), which restarts and identifies with it,
as a real ESP32 boots the image esptool hard-reset it into.
"""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

from hal.board.flasher import EsptoolFlasher, FlashError

_VERSION = re.compile(r"^v?(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:[^0-9].*)?$")


class SimulatedEsp32Flasher(EsptoolFlasher):
    """One simulated charger (evse-sim's charger `index`, reached through its control port)."""

    def __init__(
        self, control_host: str, control_port: int, index: int, *, esptool: list[str] | None = None
    ) -> None:
        super().__init__(f"sim://{control_host}:{control_port}/{index}", esptool=esptool, timeout_s=60.0)
        self.control_host, self.control_port, self.index = control_host, control_port, index
        self._written: list[tuple[int, bytes]] | None = None

    async def write(self, images: list[tuple[int, Path]]) -> str:
        self._written = [(offset, await asyncio.to_thread(path.read_bytes)) for offset, path in images]
        return f"wrote {len(images)} image(s) to {self.port}"

    async def verify(self, images: list[tuple[int, Path]]) -> str:
        """The read-back, then the hard reset into the new image (esptool's --after hard-reset)."""
        expected = [(offset, await asyncio.to_thread(path.read_bytes)) for offset, path in images]
        if self._written != expected:
            raise FlashError("verify-flash: the flash differs from the images")
        version = None
        for _offset, path in images:
            try:
                version = (await self.check_image(path)).app_version or version
            except FlashError:
                continue  # a bootloader or partition table: not the application
        parsed = _VERSION.match(version or "")
        if parsed is None:
            raise FlashError(f"verify-flash: the application image's version {version!r} is not X.Y.Z")
        major, minor, patch = (int(part) for part in parsed.groups())
        if max(major, minor, patch) > 255:
            raise FlashError(f"verify-flash: version {version} does not fit IDENTIFY's u8 fields")
        await self._control(
            {"cmd": "flash", "charger": self.index, "major": major, "minor": minor, "patch": patch}
        )
        return f"flashed {version} on {self.port}"

    async def _control(self, request: dict[str, object]) -> dict[str, object]:
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection(self.control_host, self.control_port), 10.0
            )
        except (OSError, TimeoutError) as exc:
            raise FlashError(f"{self.port}: simulator unreachable ({exc})") from exc
        try:
            writer.write((json.dumps(request) + "\n").encode())
            await writer.drain()
            line = await asyncio.wait_for(reader.readline(), 10.0)
        except (OSError, TimeoutError) as exc:
            raise FlashError(f"{self.port}: simulator did not answer ({exc})") from exc
        finally:
            writer.close()
        reply: dict[str, object] = json.loads(line) if line else {"ok": False, "error": "closed"}
        if not reply.get("ok"):
            raise FlashError(f"{self.port}: simulator refused the flash: {reply.get('error')}")
        return reply
