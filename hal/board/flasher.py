"""Flashing an ESP32 over its UART with esptool: offline image check, write, read-back verify."""

from __future__ import annotations

import asyncio
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

# esptool's image header names the chip it was built for (ESP-IDF esp_chip_id_t).
CHIP_IDS = {"esp32": 0, "esp32s2": 2, "esp32c3": 5, "esp32s3": 9, "esp32c2": 12, "esp32c6": 13, "esp32h2": 16}


class FlashError(Exception):
    """esptool failed or reported an image it would not boot; `output` holds what it printed."""

    def __init__(self, message: str, output: str = "") -> None:
        super().__init__(message)
        self.output = output


@dataclass(frozen=True)
class ImageInfo:
    """What `esptool image-info` found in an application image."""

    chip_id: int
    segments: int
    app_version: str | None


def default_esptool() -> list[str]:
    """The esptool of this interpreter's environment (PyPI esptool 5.x), else the one on PATH."""
    beside = Path(sys.executable).with_name("esptool")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("esptool") or shutil.which("esptool.py")
    return [found] if found else [sys.executable, "-m", "esptool"]


def parse_image_info(output: str) -> ImageInfo:
    """Reads esptool 5.x `image-info` output; raises FlashError when a checksum or hash is invalid.

    esptool exits 0 even when the footer checksum or the appended SHA-256 is wrong and only prints
    "(invalid ...)", so the text is the verdict.
    """
    if re.search(r"\(invalid", output):
        raise FlashError("image checksum or validation hash is invalid", output)
    chip = re.search(r"^Chip ID:\s*(\d+)", output, re.MULTILINE)
    segments = re.search(r"^Segments:\s*(\d+)", output, re.MULTILINE)
    if chip is None or segments is None or not re.search(r"^Checksum:.*\(valid\)", output, re.MULTILINE):
        raise FlashError("not an application image esptool recognises", output)
    version = re.search(r"^App version:\s*(\S+)", output, re.MULTILINE)
    return ImageInfo(int(chip.group(1)), int(segments.group(1)), version.group(1) if version else None)


class EsptoolFlasher:
    """One ESP32 on one serial port, driven through the esptool command line.

    Every step is a separate esptool process run off the event loop (asyncio subprocess), with a
    timeout; the argument lists are public (`write_command`, `verify_command`) so they can be checked
    without a device.
    """

    def __init__(
        self,
        port: str,
        *,
        chip: str = "esp32",
        baud: int = 460800,
        esptool: list[str] | None = None,
        timeout_s: float = 300.0,
    ) -> None:
        if chip not in CHIP_IDS:
            raise ValueError(f"chip: one of {', '.join(CHIP_IDS)}, got {chip!r}")
        self.port = port
        self.chip = chip
        self.baud = baud
        self.esptool = esptool or default_esptool()
        self.timeout_s = timeout_s

    def image_info_command(self, image: Path) -> list[str]:
        return [*self.esptool, "--chip", self.chip, "image-info", str(image)]

    def write_command(self, images: list[tuple[int, Path]]) -> list[str]:
        # No reset yet: the chip boots only after the read-back verify has passed.
        return [
            *self.esptool,
            "--chip",
            self.chip,
            "--port",
            self.port,
            "--baud",
            str(self.baud),
            "--after",
            "no-reset",
            "write-flash",
            *self._pairs(images),
        ]

    def verify_command(self, images: list[tuple[int, Path]]) -> list[str]:
        return [
            *self.esptool,
            "--chip",
            self.chip,
            "--port",
            self.port,
            "--baud",
            str(self.baud),
            "--after",
            "hard-reset",
            "verify-flash",
            *self._pairs(images),
        ]

    @staticmethod
    def _pairs(images: list[tuple[int, Path]]) -> list[str]:
        return [item for offset, path in images for item in (f"0x{offset:x}", str(path))]

    async def _run(self, args: list[str], what: str, timeout_s: float) -> str:
        process = await asyncio.create_subprocess_exec(
            *args, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
        )
        try:
            out, _ = await asyncio.wait_for(process.communicate(), timeout_s)
        except TimeoutError as exc:
            process.kill()
            await process.wait()
            raise FlashError(f"{what}: esptool did not finish within {timeout_s:.0f} s") from exc
        text = out.decode(errors="replace")
        if process.returncode != 0:
            raise FlashError(f"{what}: esptool exited with {process.returncode}", text)
        return text

    async def check_image(self, image: Path) -> ImageInfo:
        """Checks an application image offline (no device): header, checksum, hash and chip."""
        info = parse_image_info(await self._run(self.image_info_command(image), "image-info", 60.0))
        if info.chip_id != CHIP_IDS[self.chip]:
            raise FlashError(f"image is built for chip id {info.chip_id}, this flasher drives {self.chip}")
        return info

    async def write(self, images: list[tuple[int, Path]]) -> str:
        """Writes the images at their flash offsets; needs the device on the port."""
        return await self._run(self.write_command(images), "write-flash", self.timeout_s)

    async def verify(self, images: list[tuple[int, Path]]) -> str:
        """Reads the flash back and compares it with the images; needs the device on the port."""
        return await self._run(self.verify_command(images), "verify-flash", self.timeout_s)
