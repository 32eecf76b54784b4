"""The [admin] section: the technician's admin mode (PIN policy, inactivity, where exports go)."""

from __future__ import annotations

from dataclasses import dataclass

from app.config.schema import ConfigError, setting


@dataclass(frozen=True, kw_only=True)
class AdminSettings:
    """Admin mode on the kiosk (docs/admin.md): PIN policy, inactivity timeout, export directory."""

    idle_timeout_s: float = setting(
        120.0,
        minimum=15.0,
        maximum=3600.0,
        doc="Admin mode goes back to the driver screen after this long without a touch",
    )
    max_pin_attempts: int = setting(
        5,
        minimum=3,
        maximum=20,
        doc="Wrong PINs in a row that lock the account (the driver flow and charging go on)",
    )
    lockout_s: float = setting(
        900.0, minimum=60.0, maximum=86400.0, doc="How long a locked account stays locked"
    )
    pin_delay_s: float = setting(
        1.0,
        minimum=0.0,
        maximum=10.0,
        doc="The pause after the first wrong PIN; it doubles with each further wrong PIN (at most 30 s)",
    )
    min_pin_length: int = setting(
        6, minimum=4, maximum=12, doc="The shortest PIN `python -m app admin add-user` accepts"
    )
    export_dir: str = setting(
        "",
        doc="Where reports and diagnostics are exported: the USB stick's mount point; empty: the first "
        "removable drive mounted under /media",
    )

    web_session_idle_s: float = setting(
        1800.0,
        minimum=60.0,
        maximum=86400.0,
        doc="A web sign-in ends after this long without a request (docs/web.md)",
    )
    web_session_max_s: float = setting(
        43200.0,
        minimum=300.0,
        maximum=604800.0,
        doc="A web sign-in ends this long after it began, however busy",
    )

    firmware_source: str = setting(
        "",
        pattern=r"^$|^(https?|ftp)://[^\s/]+/\S*[^/\s]$",
        doc="URL of one signed firmware package (http://, https:// or ftp://, as the OCPP firmware "
        'download) that admin mode offers as "From the station\'s source"; empty: none',
    )

    def __post_init__(self) -> None:
        if self.pin_delay_s * 2 ** (self.max_pin_attempts - 2) > self.lockout_s * 4:
            raise ConfigError("admin.pin_delay_s doubled up to the lockout takes longer than the lockout")
