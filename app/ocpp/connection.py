"""The WebSocket link to the CSMS: security profiles, reconnect with backoff and jitter, dead-link detection.

URL layout: `<csms url>/<charge point identity>` (OCPP-J 1.6 section 3.1.1), the subprotocol "ocpp1.6"
is required of the server (section 3.1.2). SteVe's endpoint is
`ws://HOST:8180/steve/websocket/CentralSystemService` (docs/ocpp.md).
Security profiles (OCPP 1.6 Security Whitepaper, section 2): 0 = none (test benches only), 1 = HTTP
Basic auth over ws://, 2 = TLS with the server's certificate checked + Basic auth, 3 = TLS with a
client certificate. A link that stops answering pings (WebSocketPingInterval) is closed and opened
again, so a connection that looks up while dead is noticed within two ping intervals. The pings are
sent here rather than by the websockets library so that a changed WebSocketPingInterval applies to
the running link at once (OCPP 1.6 section 9.1). docs/ocpp-security.md describes the profiles.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import logging
import random
import ssl
import time
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import websockets
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Subprotocol

from app.background_tasks import BackgroundTasks
from app.ocpp.rpc import FrameObserver, Handler, RpcChargePoint
from app.ocpp.secrets import check_private_key

log = logging.getLogger(__name__)

SUBPROTOCOL = Subprotocol("ocpp1.6")
STABLE_AFTER_S = 60.0  # a connection that lasted this long resets the backoff


class CsmsRefusedError(ConnectionError):
    """The CSMS refused the handshake (wrong password, unknown identity, no ocpp1.6)."""


class DeadLinkError(ConnectionError):
    """The CSMS stopped answering pings: the link is dropped and opened again."""


@dataclass(frozen=True)
class CsmsEndpoint:
    """Where and how to connect; the secrets are read from the owner-only secret store."""

    url: str
    identity: str
    security_profile: int  # the SecurityProfile in force (0..3, OCPP 1.6 Security Whitepaper)
    password: str | None = None  # AuthorizationKey, profiles 1 and 2
    ca_file: Path | None = None  # trust anchor for the CSMS's certificate, profiles 2 and 3
    client_cert: Path | None = None  # profile 3
    client_key: Path | None = None

    def check(self) -> None:
        """Refuses an endpoint that does not match its profile (the profile decides, never the URL)."""
        tls = self.url.startswith("wss://")
        if not tls and not self.url.startswith("ws://"):
            raise ValueError(f"ocpp.url: {self.url!r} must start with ws:// or wss://")
        if self.security_profile >= 2 and not tls:
            raise ValueError(f"ocpp.security_profile {self.security_profile} needs a wss:// URL")
        if self.security_profile in (1, 2) and not self.password:
            raise ValueError(f"ocpp.security_profile {self.security_profile} needs an AuthorizationKey")
        if self.security_profile == 3 and (self.client_cert is None or self.client_key is None):
            raise ValueError("ocpp.security_profile 3 needs a client certificate and key")
        files = {"ocpp.ca_file": self.ca_file}
        if self.security_profile == 3:
            files |= {"ocpp.client_cert": self.client_cert, "ocpp.client_key": self.client_key}
        for setting, path in files.items():
            if path is not None and not path.is_file():
                raise ValueError(f"{setting}: {path} does not exist")
        if self.security_profile == 3 and self.client_key is not None:
            check_private_key(self.client_key)  # Security Whitepaper: the key is the station's identity

    def connect_url(self) -> str:
        return f"{self.url.rstrip('/')}/{quote(self.identity, safe='')}"

    def headers(self) -> dict[str, str]:
        if self.security_profile in (1, 2) and self.password:
            token = base64.b64encode(f"{self.identity}:{self.password}".encode()).decode()
            return {"Authorization": f"Basic {token}"}
        return {}

    def ssl_context(self) -> ssl.SSLContext | None:
        if not self.url.startswith("wss://"):
            return None
        context = ssl.create_default_context(cafile=str(self.ca_file) if self.ca_file else None)
        context.minimum_version = ssl.TLSVersion.TLSv1_2  # Security Whitepaper: TLS 1.2 or above
        if self.security_profile == 3 and self.client_cert and self.client_key:
            context.load_cert_chain(str(self.client_cert), str(self.client_key))
        return context


class Backoff:
    """Exponential backoff with full jitter, so a site's chargers do not reconnect in step after an outage."""

    def __init__(self, first_s: float = 2.0, cap_s: float = 300.0, rng: random.Random | None = None) -> None:
        self.first_s, self.cap_s = first_s, cap_s
        self.failures = 0
        self.rng = rng or random.Random()

    def next_delay(self) -> float:
        ceiling = min(self.cap_s, self.first_s * 2**self.failures)
        self.failures += 1
        return self.rng.uniform(ceiling / 2, ceiling)

    def reset(self) -> None:
        self.failures = 0


class CsmsConnection:
    """Keeps one charge point connected; `on_connected(cp)` runs for each connection until it drops."""

    def __init__(
        self,
        endpoint: Callable[[], CsmsEndpoint],
        on_connected: Callable[[RpcChargePoint], Coroutine[Any, Any, None]],
        *,
        ping_interval_s: Callable[[], float] = lambda: 60.0,
        response_timeout_s: float,  # [ocpp] response_timeout_s
        observe: FrameObserver | None = None,
        backoff: Backoff | None = None,
        on_disconnected: Callable[[], None] | None = None,
        handlers: Mapping[str, Handler] | None = None,
    ) -> None:
        self.handlers = dict(handlers or {})
        self.endpoint = endpoint
        self.on_connected = on_connected
        self.ping_interval_s = ping_interval_s
        self.response_timeout_s = response_timeout_s
        self.observe = observe
        self.backoff = backoff or Backoff()
        self.on_disconnected = on_disconnected
        self.charge_point: RpcChargePoint | None = None
        self.connected = asyncio.Event()
        self.attempts = 0  # connection attempts, successful or not
        self.connects = 0
        self.dead_links = 0  # links closed because a ping went unanswered
        self.last_error: str | None = None
        self._socket: ClientConnection | None = None
        self._task = BackgroundTasks("OCPP connection", log)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ping_changed = asyncio.Event()
        self._deliberate = False

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._task.start(self._run(), name="ocpp-connection")

    async def stop(self) -> None:
        await self._task.close()

    async def reconnect(self) -> None:
        """Closes the current link (a new endpoint or security setting takes effect on the next one)."""
        if self._socket is not None:
            self._deliberate = True  # not a failure: the next attempt comes after the first backoff step
            with contextlib.suppress(Exception):
                await self._socket.close()

    def ping_interval_changed(self) -> None:
        """WebSocketPingInterval changed (callable from any thread): the running link applies it at once."""
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._ping_changed.set)

    async def _run(self) -> None:
        while True:
            started = time.monotonic()
            try:
                await self._session()
            except asyncio.CancelledError:
                raise
            except Exception as err:
                self.last_error = f"{type(err).__name__}: {err}"
                log.warning("CSMS connection: %s", self.last_error)
            finally:
                self._closed()
            if self._deliberate or time.monotonic() - started >= STABLE_AFTER_S:
                self.backoff.reset()
            self._deliberate = False
            await asyncio.sleep(self.backoff.next_delay())

    async def _session(self) -> None:
        self.attempts += 1
        endpoint = self.endpoint()
        endpoint.check()
        try:
            socket = await connect(
                endpoint.connect_url(),
                subprotocols=[SUBPROTOCOL],
                additional_headers=endpoint.headers(),
                ssl=endpoint.ssl_context(),
                ping_interval=None,  # _keepalive pings, so that a changed interval applies at once
                open_timeout=15,
                close_timeout=2,
                proxy=None,
                compression=None,  # OCPP-J 1.6 section 3.1.3 does not use permessage-deflate
            )
        except websockets.InvalidStatus as err:
            raise CsmsRefusedError(f"handshake refused: HTTP {err.response.status_code}") from err
        self._socket = socket
        if socket.subprotocol != SUBPROTOCOL:
            await socket.close(1002, "ocpp1.6 required")
            raise CsmsRefusedError(f"the CSMS did not accept {SUBPROTOCOL}")
        cp = RpcChargePoint(
            endpoint.identity,
            socket,
            response_timeout_s=self.response_timeout_s,
            observe=self.observe,
            handlers=self.handlers,
        )
        self.charge_point = cp
        self.connects += 1
        self.last_error = None
        self.connected.set()
        log.info("connected to %s as %s", endpoint.url, endpoint.identity)
        receiving = asyncio.create_task(cp.start(), name="ocpp-receive")
        working = asyncio.create_task(self.on_connected(cp), name="ocpp-session")
        working.add_done_callback(_log_failure)
        keepalive = asyncio.create_task(self._keepalive(socket), name="ocpp-keepalive")
        try:
            await asyncio.wait({receiving, keepalive}, return_when=asyncio.FIRST_COMPLETED)
            if keepalive.done():
                keepalive.result()  # raises DeadLinkError
            receiving.result()  # raises ConnectionClosed: the reason is logged by _run
        finally:
            for task in (receiving, working, keepalive):
                task.cancel()
            await asyncio.gather(receiving, working, keepalive, return_exceptions=True)
            with contextlib.suppress(Exception):
                async with asyncio.timeout(3):
                    await socket.close()

    async def _keepalive(self, socket: ClientConnection) -> None:
        """A ping every WebSocketPingInterval (0 = none, section 9.1); no pong within one more interval
        means the link is dead although TCP still looks up (a NAT or a CSMS that froze): it is dropped."""
        while True:
            self._ping_changed.clear()
            interval = self.ping_interval_s()
            if interval <= 0:
                await self._ping_changed.wait()
                continue
            try:
                async with asyncio.timeout(interval):
                    await self._ping_changed.wait()
                continue  # a new interval: start counting again with it
            except TimeoutError:
                pass
            pong = await socket.ping()
            try:
                async with asyncio.timeout(interval):
                    await pong
            except TimeoutError:
                self.dead_links += 1
                raise DeadLinkError(f"no pong within {interval:g} s") from None

    def _closed(self) -> None:
        was_connected = self.connected.is_set()
        self.connected.clear()
        self.charge_point = None
        self._socket = None
        if was_connected and self.on_disconnected is not None:
            self.on_disconnected()


def _log_failure(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("the OCPP session task failed", exc_info=task.exception())
