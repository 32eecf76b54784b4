"""The web server inside the station's own asyncio loop: uvicorn serving the web app on a socket the
station binds, HTTPS unless bound to loopback, started after the runtime and stopped before it.

uvicorn normally owns the process's signals; here the station does (it stops the runtime in order on
SIGTERM), so the server is told not to capture them. Binding the socket here, not in uvicorn, gives the
real port at once (port 0 in tests) and a clear error when it is taken.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from web.tls import CertificateFiles, ensure_certificate

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Listener:
    host: str
    port: int
    tls: bool
    cert: str = ""
    key: str = ""
    cert_dir: Path | None = None  # where a self-signed certificate is kept
    addresses: tuple[str, ...] = ()  # the station's addresses, named in a self-signed certificate


class _EmbeddedServer(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield  # the station's own handlers stay in place


class WebServer:
    """One uvicorn server on one listening socket; `url` once started."""

    def __init__(self, app: FastAPI, listener: Listener) -> None:
        self.app, self.listener = app, listener
        self.certificate: CertificateFiles | None = None
        self.port = 0
        self._server: _EmbeddedServer | None = None
        self._task: asyncio.Task[None] | None = None
        self._socket: socket.socket | None = None

    @property
    def url(self) -> str:
        scheme = "https" if self.listener.tls else "http"
        host = self.listener.host
        shown = f"[{host}]" if ":" in host else host
        return f"{scheme}://{shown}:{self.port}"

    async def start(self) -> None:
        listener = self.listener
        if listener.tls:
            assert listener.cert_dir is not None or listener.cert
            self.certificate = await asyncio.to_thread(
                ensure_certificate,
                listener.cert_dir or Path("."),
                cert=listener.cert,
                key=listener.key,
                addresses=listener.addresses,
            )
        self._socket = _bind(listener.host, listener.port)
        self.port = self._socket.getsockname()[1]
        config = uvicorn.Config(
            self.app,
            loop="none",
            lifespan="off",
            log_config=None,
            access_log=False,  # requests are not logged: a URL may carry a driver's link secret
            ws="websockets-sansio",
            ws_max_size=65536,
            # No permessage-deflate (RFC 7692): compressing each frame for each client was a third of
            # the live feed's cost on the loop, and each client's compressor holds its own window.
            ws_per_message_deflate=False,
            ws_ping_interval=20.0,
            ws_ping_timeout=20.0,
            h11_max_incomplete_event_size=16384,
            timeout_keep_alive=15,
            limit_concurrency=1000,
            server_header=False,
            proxy_headers=False,
            ssl_certfile=str(self.certificate.cert) if self.certificate else None,
            ssl_keyfile=str(self.certificate.key) if self.certificate else None,
        )
        self._server = _EmbeddedServer(config)
        self._task = asyncio.create_task(self._server.serve(sockets=[self._socket]), name="web-server")
        while not self._server.started:
            if self._task.done():
                self._task.result()  # raises what stopped it
                raise RuntimeError("web server stopped while starting")
            await asyncio.sleep(0.01)
        log.info("web: serving on %s", self.url)

    async def stop(self) -> None:
        if self._server is not None and self._task is not None:
            self._server.should_exit = True
            try:
                await asyncio.wait_for(asyncio.shield(self._task), timeout=5.0)
            except TimeoutError:
                self._server.force_exit = True
                await self._task
        if self._socket is not None:
            self._socket.close()
        self._server = self._task = self._socket = None


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto named: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on sockets whose proto is
    # IPPROTO_TCP, and accepted sockets inherit it. With proto 0 a response's body waited for the
    # client's delayed ACK of its headers, 40 ms on Linux (RFC 1122 section 4.2.3.2, RFC 896).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.listen(128)
    sock.setblocking(False)
    return sock
