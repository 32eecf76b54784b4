"""The [ocpp] part of the station configuration: the central system link, firmware updates and diagnostics.

One module per section (app/config/__init__.py re-exports OcppSettings); the schema rules
are the same: every key has a type, a default, bounds or a pattern, and a description.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.config.grid_supply import NOMINAL_VOLTAGE_V
from app.config.schema import ConfigError, setting

# hal/board/flasher.py CHIP_IDS: the chips esptool's image header names.
CHIP_PATTERN = r"^(esp32|esp32s2|esp32s3|esp32c2|esp32c3|esp32c6|esp32h2)$"


@dataclass(frozen=True, kw_only=True)
class OcppFirmwareSettings:
    """UpdateFirmware (docs/ocpp-firmware.md): offered only when a vendor public key is configured."""

    vendor_public_key: str = setting(
        "",
        doc="PEM file of the vendor's Ed25519 public key that signs update packages; "
        "empty = UpdateFirmware is not offered (answered NotImplemented)",
    )
    state_dir: str = setting(
        "",
        doc="Directory of the update's progress file and downloads; empty = var/firmware in the installation",
    )
    max_package_MB: int = setting(
        64, minimum=1, maximum=1024, doc="Largest update package downloaded; a larger one is refused"
    )
    transfer_timeout_s: float = setting(
        60.0, minimum=5.0, maximum=600.0, doc="Socket timeout of a package download"
    )
    release_root: str = setting(
        "",
        doc="Root of the station's side-by-side releases (current/previous symlinks); "
        "empty = station software packages are refused",
    )
    esp32_ports: tuple[str, ...] = setting(
        (),
        doc="Serial port of each charger's ESP32 for esptool, e.g. /dev/ttyUSB0; "
        "empty = ESP32 firmware packages are refused",
        pattern=r"^/dev/[A-Za-z0-9_./\-]+$",
    )
    esp32_chip: str = setting("esp32", doc="Chip the ESP32 images are built for", pattern=CHIP_PATTERN)
    esp32_baud: int = setting(460800, minimum=9600, maximum=2000000, doc="esptool serial speed")
    esptool: str = setting(
        "", doc="esptool command (path of the program); empty = the one in the station's environment"
    )

    def __post_init__(self) -> None:
        if self.vendor_public_key and not (self.release_root or self.esp32_ports):
            raise ConfigError(
                "vendor_public_key is set but nothing can be installed: "
                "set release_root (station software) or esp32_ports (charger firmware)"
            )


@dataclass(frozen=True, kw_only=True)
class OcppDiagnosticsSettings:
    """GetDiagnostics (docs/ocpp-firmware.md): the archive and its upload."""

    log_dir: str = setting(
        "",
        doc="Directory of log files put in the archive (those changed since startTime); "
        "empty = none (the station logs to the journal)",
    )
    work_dir: str = setting(
        "",
        doc="Directory the archive is built under (in a subdirectory removed after each upload); "
        "empty = var/diagnostics in the installation",
    )
    upload_method: str = setting(
        "PUT",
        doc="HTTP(S) upload: PUT to location/<file name>, or POST multipart/form-data to the location",
        pattern=r"^(PUT|POST)$",
    )
    max_log_MB: int = setting(32, minimum=1, maximum=1024, doc="Budget of log files in one archive")
    transfer_timeout_s: float = setting(60.0, minimum=5.0, maximum=600.0, doc="Socket timeout of an upload")


@dataclass(frozen=True, kw_only=True)
class OcppSettings:
    """The link to the operator's central system (docs/ocpp.md); OCPP's own keys live in the ledger."""

    url: str = setting(
        "",
        doc="CSMS WebSocket URL without the identity, e.g. "
        "ws://steve:8180/steve/websocket/CentralSystemService; empty = no central system (stand-alone)",
        pattern=r"^(|wss?://.+)$",
    )
    tls_url: str = setting(
        "",
        doc="wss:// URL used from security profile 2 on, so that the CSMS can raise the profile from 0 or 1 "
        "(plain url) to 2 or 3; empty = url serves every profile",
        pattern=r"^(|wss://.+)$",
    )
    identity: str = setting(
        "",
        doc="Charge point identity (chargeBoxId); required with a url",
        pattern=r"^[A-Za-z0-9_.:\-]{0,48}$",
    )
    identity_per_charger: bool = setting(
        False,
        doc="One OCPP identity per charger instead of one for the station: each charger connects as "
        "chargers[].ocpp_identity (default <identity>-<charger id>) with its connectors numbered from 1",
    )
    security_profile: int = setting(
        0,
        minimum=0,
        maximum=3,
        doc="Initial security profile: 0 none, 1 Basic auth, 2 TLS + Basic, 3 TLS + client cert",
    )
    ca_file: str = setting("", doc="PEM file of the CA that signed the CSMS's certificate (profiles 2, 3)")
    client_cert: str = setting("", doc="PEM client certificate (profile 3)")
    client_key: str = setting("", doc="PEM client key (profile 3); must be readable by the owner only")
    secrets_dir: str = setting(
        "",
        doc="Directory of the AuthorizationKey and keys, owner-only; empty = var/secrets in the installation",
    )
    vendor: str = setting("EVSE Station", doc="chargePointVendor in BootNotification")
    model: str = setting("AC-Kiosk", doc="chargePointModel in BootNotification")
    serial_number: str = setting("", doc="chargePointSerialNumber in BootNotification (empty = not sent)")
    response_timeout_s: float = setting(
        30.0, minimum=2.0, maximum=300.0, doc="How long a call waits for the CSMS's answer"
    )
    nominal_voltage_V: int = setting(
        NOMINAL_VOLTAGE_V,
        minimum=100,
        maximum=480,
        doc="Phase voltage used to turn watt limits of charging profiles into amps",
    )
    firmware: OcppFirmwareSettings = setting(
        OcppFirmwareSettings(), doc="UpdateFirmware: package signature, download and install targets"
    )
    diagnostics: OcppDiagnosticsSettings = setting(
        OcppDiagnosticsSettings(), doc="GetDiagnostics: archive contents and upload"
    )
