"""Shared by the firmware and diagnostics admin tests: the station on the simulator with an operator
facade whose firmware operations flash the SIMULATED chargers (hal/board/sim_flasher.py), a vendor
key, and signed ESP32 packages made the way scripts/make_update_package.py makes them."""

from __future__ import annotations

import contextlib
import hashlib
import struct
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from admin_station import PINS, AdminStation, SteppedClock, make_accounts
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from driver_station import KIOSK, kiosk_station

from app.admin import Operator, OperatorFacade
from app.admin.firmware import FirmwareSetup
from app.config import AdminSettings
from app.updates.package_format import build_package
from hal.board.sim_flasher import SimulatedEsp32Flasher

APP_OFFSET = 0x10000  # ESP-IDF's default factory app partition


@dataclass(frozen=True)
class Vendor:
    private: Ed25519PrivateKey
    public_pem: Path


def make_vendor(directory: Path) -> Vendor:
    key = Ed25519PrivateKey.generate()
    pem = directory / "vendor.pub.pem"
    pem.write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return Vendor(key, pem)


def esp32_app_image(path: Path, version: str) -> Path:
    """A minimal valid ESP32 application image (ESP-IDF app image format) whose DROM segment starts
    with an esp_app_desc_t naming `version`: what `esptool image-info` reports as "App version"."""
    desc = struct.pack(
        "<II8s32s32s16s16s32s32sHHB3s72s",
        0xABCD5432,  # ESP_APP_DESC_MAGIC_WORD
        0,
        bytes(8),
        version.encode(),
        b"evse-charger",
        b"00:00:00",
        b"Jan  1 2026",
        b"v5.3",
        bytes(32),
        0,
        0,
        0,
        bytes(3),
        bytes(72),
    )
    segments = [(0x3F400020, desc), (0x40080000, bytes(range(64)))]  # DROM, IRAM
    body = struct.pack("<BBBBI", 0xE9, len(segments), 2, 0x20, 0x40080000)
    body += struct.pack("<BBBBHBHH", 0xEE, 0, 0, 0, 0, 0, 0, 0xFFFF) + bytes(4) + b"\x01"
    checksum = 0xEF
    for address, data in segments:
        body += struct.pack("<II", address, len(data)) + data
        for byte in data:
            checksum ^= byte
    body += bytes(15 - len(body) % 16) + bytes([checksum])
    body += hashlib.sha256(body).digest()
    path.write_bytes(body)
    return path


def esp32_package(directory: Path, version: str, key: Ed25519PrivateKey, *, name: str | None = None) -> Path:
    """A signed "esp32" package of one application image of `version` at the app offset."""
    staging = directory / f".staging-{version}"
    staging.mkdir(parents=True, exist_ok=True)
    image = esp32_app_image(staging / "evse-charger.bin", version)
    out = directory / (name or f"charger-{version}.tar.gz")
    build_package(out, target="esp32", version=version, payloads=[(image, APP_OFFSET)], private_key=key)
    return out


def vendor_and_packages(directory: Path, version: str = "9.8.7") -> tuple[Vendor, Path, Path]:
    """The station's vendor key, a package of `version` it signed, and a package of 6.6.6 signed by a
    key the station does not trust (made under directory/other)."""
    vendor = make_vendor(directory)
    (directory / "other").mkdir()
    other = make_vendor(directory / "other")
    signed = esp32_package(directory, version, vendor.private)
    forged = esp32_package(directory / "other", "6.6.6", other.private)
    return vendor, signed, forged


@contextlib.asynccontextmanager
async def firmware_station(
    sim: Any, tmp_path: Path, vendor: Vendor, *, export_dir: Path | None = None, **setup: Any
) -> AsyncIterator[AdminStation]:
    """The admin station whose operator facade flashes the simulator's chargers (CPnn is charger nn);
    `export_dir` is [admin] export_dir (the "USB stick")."""
    settings = AdminSettings(
        pin_delay_s=1.0, max_pin_attempts=4, lockout_s=600.0, export_dir=str(export_dir or "")
    )
    async with kiosk_station(sim, tmp_path, KIOSK) as (runtime, driver, reader, events):
        clock = SteppedClock()
        firmware = FirmwareSetup(
            vendor_key=vendor.public_pem,
            flasher_for=lambda cid: SimulatedEsp32Flasher(sim.host, sim.ports.control_port, int(cid[2:])),
            store_dir=tmp_path / "firmware",
            **setup,
        )
        operators = OperatorFacade(runtime, settings=settings, now=clock, driver=driver, firmware=firmware)
        accounts = make_accounts(runtime.engine, settings)
        yield AdminStation(runtime, driver, reader, events, operators, clock, accounts)


async def signed_in(station: AdminStation, role: str) -> Operator:
    result = await station.operators.sign_in(station.accounts[role], PINS[role])
    assert result.operator is not None, result
    return result.operator
