"""The [web] section: the station's REST API, live feed and web pages on the network (docs/web.md)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from app.config.schema import ConfigError, setting

LOOPBACK_NAMES = ("localhost",)


def is_loopback(host: str) -> bool:
    """Whether `host` (an address or "localhost") only ever accepts connections from this machine."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, kw_only=True)
class WebSettings:
    """The web face: where it listens, its certificate, and the bounds every client is held to."""

    enabled: bool = setting(True, doc="Serve the REST API, the live feed and the web pages")
    host: str = setting(
        "0.0.0.0",
        pattern=r"^[A-Za-z0-9.:\-]{1,253}$",
        doc="The address the web server listens on (0.0.0.0: every interface; 127.0.0.1: this machine only)",
    )
    port: int = setting(8443, minimum=0, maximum=65535, doc="Its TCP port (0: any free port, for tests)")
    tls: bool = setting(
        True,
        doc="HTTPS (the default); plain HTTP is allowed only when `host` is a loopback address, since "
        "passwords and session cookies cross the network",
    )
    tls_cert: str = setting(
        "",
        doc="PEM certificate chain; empty: the station makes a self-signed one on first start "
        "(web/tls/ under the state directory) and keeps it",
    )
    tls_key: str = setting("", doc="PEM private key of `tls_cert` (readable by the station's user only)")
    public_url: str = setting(
        "",
        pattern=r"^$|^https?://[^\s/]+(/\S*)?$",
        doc="How phones reach the station (the driver page's QR code); empty: https://<its address>:<port>",
    )
    max_body_bytes: int = setting(
        1_048_576,
        minimum=1024,
        maximum=16_777_216,
        doc="The largest request body accepted, except a firmware package (413 beyond it)",
    )
    max_upload_bytes: int = setting(
        67_108_864,
        minimum=1_048_576,
        maximum=268_435_456,
        doc="The largest firmware package an operator may upload",
    )
    live_clients: int = setting(
        500, minimum=1, maximum=5000, doc="Live feed connections served at once; more are refused (1013)"
    )
    live_queue: int = setting(
        256,
        minimum=16,
        maximum=8192,
        doc="Changes waiting for one live client; a client that falls this far behind is dropped",
    )

    def __post_init__(self) -> None:
        if not self.tls and not is_loopback(self.host):
            raise ConfigError(
                f"web.tls = false with web.host = {self.host!r}: plain HTTP only on a loopback address "
                "(127.0.0.1, ::1, localhost); set web.tls = true (a certificate is made on first start)"
            )
        if bool(self.tls_cert) != bool(self.tls_key):
            raise ConfigError("web.tls_cert and web.tls_key: give both or neither")
