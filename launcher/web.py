"""Wiring of the web face: the live feed and the web server over the driver and operator facades,
as one companion started after the facades and stopped before them (docs/web.md).

The listener follows [web]: HTTPS with the configured certificate or the one the station makes under
its state directory; plain HTTP only on loopback (the configuration refuses anything else). A port
that is taken is logged and the station runs on without its web face, as without its receipt server.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from app.config import StationConfig, WebSettings, is_loopback, state_path
from app.live import LiveFeed
from app.updates import running_version
from launcher.payments import local_address
from web.api import build_web_app
from web.faces import WebFaces, WebOptions
from web.server import Listener, WebServer

if TYPE_CHECKING:
    from app.admin import OperatorFacade
    from app.driver import DriverFacade

log = logging.getLogger(__name__)


class WebSide:
    """The live feed and the web server; `start_driver` when no kiosk starts the driver facade."""

    def __init__(
        self,
        config: StationConfig,
        driver: DriverFacade,
        operators: OperatorFacade,
        *,
        start_driver: bool = False,
    ) -> None:
        settings = config.web
        self.driver, self.start_driver = driver, start_driver
        self.live = LiveFeed(driver, operators, queue_limit=settings.live_queue)
        faces = WebFaces(
            driver=driver,
            operators=operators,
            station_id=driver.station_id or "STATION",
            station_name=config.station_name,
            version=running_version(config.ocpp.firmware.release_root or None),
            live=self.live,
            languages=("en", "ms"),
            public_url=settings.public_url,
        )
        options = WebOptions(
            tls=settings.tls,
            max_body_bytes=settings.max_body_bytes,
            max_upload_bytes=settings.max_upload_bytes,
            live_clients=settings.live_clients,
            live_queue=settings.live_queue,
            upload_dir=state_path("", "web/uploads"),
        )
        listener = Listener(
            settings.host,
            settings.port,
            tls=settings.tls,
            cert=settings.tls_cert,
            key=settings.tls_key,
            cert_dir=state_path("", "web/tls"),
            addresses=(local_address(),),
        )
        self.server = WebServer(build_web_app(faces, options), listener)
        self.settings = settings
        self.serving = False

    async def start(self) -> None:
        if self.start_driver:
            await self.driver.start()
        await self.live.start()
        try:
            await self.server.start()
        except OSError as error:  # the port is taken or the address is not ours: the station runs on
            log.error("web face not started on %s: %s", self.server.listener, error)
        else:
            self.serving = True
            self.driver.phone.page_base = phone_page_base(self.settings, self.server.port)
            certificate = self.server.certificate
            fingerprint = f" (certificate SHA-256 {certificate.fingerprint_sha256})" if certificate else ""
            log.info("web face on %s%s", self.server.url, fingerprint)

    async def stop(self) -> None:
        if self.serving:
            self.driver.phone.page_base = ""
            await self.server.stop()
            self.serving = False
        await self.live.stop()
        if self.start_driver:
            await self.driver.stop()


def phone_page_base(settings: WebSettings, port: int) -> str:
    """Where phones reach the driver pages: [web] public_url, else this station's address on the
    network; "" (no phone page offered) when the server listens on loopback only, out of phones' reach."""
    if settings.public_url:
        return settings.public_url
    if is_loopback(settings.host):
        return ""
    scheme = "https" if settings.tls else "http"
    wildcard = settings.host in ("0.0.0.0", "::", "")
    host = local_address() if wildcard else settings.host
    shown = f"[{host}]" if ":" in host else host
    return f"{scheme}://{shown}:{port}"


def build_web_side(
    config: StationConfig, driver: DriverFacade, operators: OperatorFacade, *, start_driver: bool = False
) -> WebSide | None:
    """The web face when [web] enabled is set (the default); None otherwise."""
    if not config.web.enabled:
        return None
    return WebSide(config, driver, operators, start_driver=start_driver)
