"""Shared by the web tests: the admin station on the simulator with its web server on a loopback port,
HTTPS with the certificate the station makes itself, and an HTTP client that trusts only that one."""

from __future__ import annotations

import contextlib
import ssl
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from admin_paid_station import AdminPaidStation, admin_paid_station
from admin_station import PINS, AdminStation, admin_station

from app.live import LiveFeed
from web.api import build_web_app
from web.faces import WebFaces, WebOptions
from web.server import Listener, WebServer

WEB_PASSWORDS = {
    "operator": "correct horse battery",
    "technician": "staple grid lantern",
    "viewer": "quiet orchard river",
}


@dataclass
class WebStation:
    station: AdminStation | AdminPaidStation
    server: WebServer
    ssl_context: ssl.SSLContext

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.server.port}"

    @property
    def ws_url(self) -> str:
        return f"wss://127.0.0.1:{self.server.port}/api/v1/live"

    def client(self, **kwargs: Any) -> httpx.AsyncClient:
        return httpx.AsyncClient(base_url=self.url, verify=self.ssl_context, timeout=20.0, **kwargs)

    @contextlib.asynccontextmanager
    async def signed_in(
        self, role: str, **kwargs: Any
    ) -> AsyncIterator[tuple[httpx.AsyncClient, dict[str, str]]]:
        """A client signed in as the station's account of `role` (its web password set as an operator
        sets it), and the headers a browser's change carries (the CSRF token)."""
        operators = self.station.operators
        account = self.station.accounts[role]
        setter = await operators.sign_in(self.station.accounts["operator"], PINS["operator"])
        assert setter.operator is not None
        await operators.set_web_password(setter.operator, account, WEB_PASSWORDS[role])
        await operators.sign_out(setter.operator)
        async with self.client(**kwargs) as client:
            answer = await client.post(
                "/api/v1/auth/login", json={"name": f"{role.title()} One", "password": WEB_PASSWORDS[role]}
            )
            assert answer.status_code == 200, answer.text
            yield client, {"X-CSRF-Token": answer.json()["csrf_token"]}


@contextlib.asynccontextmanager
async def web_station(
    sim: Any,
    tmp_path: Path,
    options: WebOptions | None = None,
    *,
    fake_stripe: Any = None,
    station: Any = None,
    live_options: dict[str, Any] | None = None,
    **admin: Any,
) -> AsyncIterator[WebStation]:
    """With `fake_stripe`, the paid station (cards and QR against the fake Stripe) behind the web; with
    `station`, that station's context manager (the firmware station); else the admin station."""
    if station is not None:
        built = station
    elif fake_stripe is not None:
        built = admin_paid_station(sim, tmp_path, fake_stripe)
    else:
        built = admin_station(sim, tmp_path, **admin)
    async with built as station:
        live = LiveFeed(station.driver, station.operators, **(live_options or {}))
        await live.start()
        faces = WebFaces(
            driver=station.driver,
            operators=station.operators,
            station_id="TEST-STATION",
            station_name="Test Station",
            version="test",
            live=live,
        )
        app = build_web_app(faces, options or WebOptions(upload_dir=tmp_path / "web-uploads"))
        server = WebServer(app, Listener("127.0.0.1", 0, tls=True, cert_dir=tmp_path / "web-tls"))
        await server.start()
        try:
            assert server.certificate is not None
            context = ssl.create_default_context(cafile=str(server.certificate.cert))
            yield WebStation(station, server, context)
        finally:
            await server.stop()
            await live.stop()
