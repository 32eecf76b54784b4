"""Software updates: the signed package format, station releases and ESP32 firmware."""

from __future__ import annotations

from app.updates.esp32 import Esp32Installer
from app.updates.package_format import PackageError, VerifiedPackage, load_public_key, verify_package
from app.updates.station_release import StationInstaller, running_version

__all__ = [
    "Esp32Installer",
    "PackageError",
    "StationInstaller",
    "VerifiedPackage",
    "load_public_key",
    "running_version",
    "verify_package",
]
