"""A central system made with the Python `ocpp` library on a `websockets` server, run in its own thread."""

from __future__ import annotations

import asyncio
import base64
import binascii
import copy
import itertools
import socket
import ssl
import struct
import threading
import uuid
from collections.abc import Coroutine
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any, TypeVar
from urllib.parse import unquote

from ocpp.charge_point import camel_to_snake_case
from ocpp.exceptions import OCPPError
from ocpp.messages import Call, CallError, CallResult, MessageType, unpack, validate_payload
from ocpp.routing import on
from ocpp.v16 import ChargePoint, call_result
from ocpp.v16.enums import Action
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from ocpp_peers.frames import FROM_CP, TO_CP, Frame, FrameLog
from ocpp_peers.peer import CsmsPeer, InvalidResponseError, PeerCallError

T = TypeVar("T")
SUBPROTOCOL = "ocpp1.6"


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class _RecordingConnection:
    """The websocket as the ocpp library sees it: every frame both ways goes to the log first."""

    def __init__(self, ws: ServerConnection, log: FrameLog, identity: str) -> None:
        self.ws = ws
        self._log = log
        self._identity = identity
        self.frozen = False

    async def recv(self) -> str:
        data = await self.ws.recv()
        text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
        self._log.record(FROM_CP, self._identity, text)
        return text

    async def send(self, text: str) -> None:
        if self.frozen:
            return  # a frozen central system answers nothing
        # Logged before sending, so that the log shows a call before the reply it provokes.
        self._log.record(TO_CP, self._identity, text)
        await self.ws.send(text)


class _CentralSystemSide(ChargePoint):
    """The library's ChargePoint used server-side: one per connected charge point."""

    def __init__(self, identity: str, connection: _RecordingConnection, csms: PyCsms) -> None:
        super().__init__(identity, connection, response_timeout=30)
        self.csms = csms
        self.recording = connection
        self.pending: dict[str, tuple[str, asyncio.Future[CallResult | CallError]]] = {}
        self.call_lock = asyncio.Lock()

    async def route_message(self, raw_msg: str) -> None:
        try:
            msg = unpack(raw_msg)
        except OCPPError:
            return await super().route_message(raw_msg)
        if msg.message_type_id == MessageType.Call:
            if msg.action not in self.route_map:
                # OCPP-J 1.6 section 4.2.3: an action the receiver does not know is NotImplemented
                # (the library would answer NotSupported, which means "known but not supported").
                error = CallError(msg.unique_id, "NotImplemented", f"unknown action {msg.action}", {})
                return await self._send(error.to_json())
            mode = self.csms._behaviour.get(msg.action)
            if mode is not None and mode[0] == "silent":
                return None
            if mode is not None and mode[0] == "error":
                error = CallError(msg.unique_id, mode[1], mode[2], {})
                return await self._send(error.to_json())
            return await super().route_message(raw_msg)
        # Responses go to the call that waits for them (OCPP-J 1.6 section 4.1.1: the message id matches).
        waiting = self.pending.pop(msg.unique_id, None)
        if waiting is not None and not waiting[1].done():
            waiting[1].set_result(msg)
        return None

    async def call_raw(self, action: str, payload: dict[str, Any], timeout: float) -> dict[str, Any]:
        async with self.call_lock:  # OCPP-J 1.6 section 4.1.1: one outstanding call at a time
            request = Call(str(uuid.uuid4()), action, payload)
            await validate_payload(request, self._ocpp_version)
            future: asyncio.Future[CallResult | CallError] = asyncio.get_running_loop().create_future()
            self.pending[request.unique_id] = (action, future)
            await self._send(request.to_json())
            try:
                response = await asyncio.wait_for(future, timeout)
            finally:
                self.pending.pop(request.unique_id, None)
        if isinstance(response, CallError):
            raise PeerCallError(response.error_code, response.error_description, response.error_details)
        response.action = action
        try:
            await validate_payload(response, self._ocpp_version)
        except OCPPError as exc:
            raise InvalidResponseError(exc.code, str(exc.description)) from None
        return response.payload

    def _answer(self, action: str, payload: dict[str, Any]) -> Any:
        answer = self.csms._answer_payload(action, payload)
        cls = getattr(call_result, action)
        return cls(**camel_to_snake_case(answer))

    @on(Action.boot_notification)
    def on_boot(self, **kw: Any) -> Any:
        return self._answer("BootNotification", kw)

    @on(Action.authorize)
    def on_authorize(self, **kw: Any) -> Any:
        return self._answer("Authorize", kw)

    @on(Action.start_transaction)
    def on_start(self, **kw: Any) -> Any:
        return self._answer("StartTransaction", kw)

    @on(Action.stop_transaction)
    def on_stop(self, **kw: Any) -> Any:
        return self._answer("StopTransaction", kw)

    @on(Action.meter_values)
    def on_meter_values(self, **kw: Any) -> Any:
        return self._answer("MeterValues", kw)

    @on(Action.status_notification)
    def on_status(self, **kw: Any) -> Any:
        return self._answer("StatusNotification", kw)

    @on(Action.heartbeat)
    def on_heartbeat(self, **kw: Any) -> Any:
        return self._answer("Heartbeat", kw)

    @on(Action.data_transfer)
    def on_data_transfer(self, **kw: Any) -> Any:
        return self._answer("DataTransfer", kw)

    @on(Action.diagnostics_status_notification)
    def on_diagnostics_status(self, **kw: Any) -> Any:
        return self._answer("DiagnosticsStatusNotification", kw)

    @on(Action.firmware_status_notification)
    def on_firmware_status(self, **kw: Any) -> Any:
        return self._answer("FirmwareStatusNotification", kw)


class PyCsms(CsmsPeer):
    """The Python central system. Sync methods are thread-safe; the `*_async` ones suit async tests."""

    name = "python"

    def __init__(
        self,
        *,
        port: int = 0,
        password: str | bytes | None = None,
        ssl_context: ssl.SSLContext | None = None,
        path_prefix: str | None = None,
        ping_interval: float | None = None,
        first_transaction_id: int = 1,
    ) -> None:
        super().__init__()
        self.port = port
        self.password = password.encode() if isinstance(password, str) else password
        self.ssl_context = ssl_context
        self.tls = ssl_context is not None
        self.path_prefix = path_prefix
        self.ping_interval = ping_interval
        self._transaction_ids = itertools.count(first_transaction_id)
        self._overrides: dict[str, dict[str, Any]] = {}
        self._behaviour: dict[str, tuple[str, str, str]] = {}
        self._id_tags: dict[str, str] = {}
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: Server | None = None
        self.connections: dict[str, _CentralSystemSide] = {}

    # --- life cycle -------------------------------------------------------------------------------
    def _ensure_loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            loop = asyncio.new_event_loop()
            ready = threading.Event()

            def run() -> None:
                asyncio.set_event_loop(loop)
                loop.call_soon(ready.set)
                loop.run_forever()

            self._thread = threading.Thread(target=run, name="py-csms", daemon=True)
            self._thread.start()
            ready.wait()
            self._loop = loop
        return self._loop

    def _run(self, coro: Coroutine[Any, Any, T], timeout: float | None = 30.0) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self._ensure_loop()).result(timeout)

    def start(self) -> PyCsms:
        if self._server is None:
            self._server = self._run(self._serve())
            self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def _serve(self) -> Server:
        return await serve(
            self._handler,
            self.host,
            self.port,
            subprotocols=[SUBPROTOCOL],
            process_request=self._process_request,
            ssl=self.ssl_context,
            ping_interval=self.ping_interval,
        )

    def stop(self, abrupt: bool = False) -> None:
        if self._server is not None:
            self._run(self._shutdown(abrupt))
            self._server = None

    async def _shutdown(self, abrupt: bool) -> None:
        assert self._server is not None
        if abrupt:
            for identity in list(self.connections):
                self._reset(identity)
        self._server.close()
        await self._server.wait_closed()

    def close(self) -> None:
        self.stop()
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
            self._loop.close()
            self._loop = None

    # --- handshake and connection ------------------------------------------------------------------
    def _identity_of(self, path: str) -> str:
        return unquote(path.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1])

    def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        identity = self._identity_of(request.path)
        offered = [p.strip() for v in request.headers.get_all("Sec-WebSocket-Protocol") for p in v.split(",")]
        refused: tuple[HTTPStatus, str] | None = None
        if self.path_prefix is not None and not request.path.startswith(self.path_prefix):
            refused = (HTTPStatus.NOT_FOUND, "unknown endpoint")
        elif SUBPROTOCOL not in offered:
            refused = (HTTPStatus.BAD_REQUEST, "subprotocol ocpp1.6 required")
        elif self.password is not None and not self._auth_ok(identity, request.headers.get("Authorization")):
            refused = (HTTPStatus.UNAUTHORIZED, "authentication failed")
        if refused is None:
            return None
        self.log.event("handshake_refused", identity, status=int(refused[0]), path=request.path)
        response = connection.respond(refused[0], refused[1] + "\n")
        if refused[0] == HTTPStatus.UNAUTHORIZED:
            response.headers["WWW-Authenticate"] = 'Basic realm="OCPP"'
        return response

    def _auth_ok(self, identity: str, header: str | None) -> bool:
        # OCPP 1.6 security whitepaper, profiles 1 and 2: user = identity, password = AuthorizationKey.
        if not header or not header.lower().startswith("basic "):
            return False
        try:
            decoded = base64.b64decode(header[6:].strip(), validate=True)
        except (binascii.Error, ValueError):
            return False
        return decoded == identity.encode() + b":" + (self.password or b"")

    async def _handler(self, ws: ServerConnection) -> None:
        identity = self._identity_of(ws.request.path if ws.request else "/")
        recording = _RecordingConnection(ws, self.log, identity)
        side = _CentralSystemSide(identity, recording, self)
        self.connections[identity] = side
        self.log.event(
            "connect", identity, path=ws.request.path if ws.request else "", subprotocol=ws.subprotocol
        )
        try:
            await side.start()
        except ConnectionClosed:
            pass
        finally:
            if self.connections.get(identity) is side:
                del self.connections[identity]
            for _action, future in side.pending.values():
                if not future.done():
                    future.set_exception(ConnectionError("charge point disconnected"))
            self.log.event("disconnect", identity, code=ws.close_code)

    def _side(self, identity: str | None) -> _CentralSystemSide:
        if identity is None:
            if len(self.connections) != 1:
                raise ConnectionError(f"{len(self.connections)} charge points connected; name one")
            return next(iter(self.connections.values()))
        if identity not in self.connections:
            raise ConnectionError(f"charge point {identity!r} is not connected")
        return self.connections[identity]

    # --- answers ------------------------------------------------------------------------------------
    def _answer_payload(self, action: str, request: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            tag = request.get("id_tag")
            tag_info = {"status": self._id_tags.get(tag, "Accepted")} if tag is not None else None
            answer: dict[str, Any]
            if action == "BootNotification":
                answer = {"status": "Accepted", "currentTime": now_iso(), "interval": 300}
            elif action == "Heartbeat":
                answer = {"currentTime": now_iso()}
            elif action == "Authorize":
                answer = {"idTagInfo": tag_info}
            elif action == "StartTransaction":
                answer = {"idTagInfo": tag_info, "transactionId": next(self._transaction_ids)}
            elif action == "StopTransaction":
                answer = {"idTagInfo": tag_info} if tag_info else {}
            elif action == "DataTransfer":
                answer = {"status": "Accepted"}
            else:
                answer = {}
            answer.update(copy.deepcopy(self._overrides.get(action, {})))
            return answer

    def set_answer(self, action: str, payload: dict[str, Any]) -> None:
        with self._lock:
            self._overrides[action] = copy.deepcopy(payload)
            self._behaviour.pop(action, None)

    def set_error(self, action: str, code: str, description: str = "") -> None:
        with self._lock:
            self._behaviour[action] = ("error", code, description)

    def set_silent(self, action: str) -> None:
        with self._lock:
            self._behaviour[action] = ("silent", "", "")

    def reset_answer(self, action: str) -> None:
        with self._lock:
            self._overrides.pop(action, None)
            self._behaviour.pop(action, None)

    def set_id_tag(self, id_tag: str, status: str) -> None:
        with self._lock:
            self._id_tags[id_tag] = status

    def set_next_transaction_id(self, transaction_id: int) -> None:
        with self._lock:
            self._transaction_ids = itertools.count(transaction_id)

    # --- calls to the charge point -------------------------------------------------------------------
    def call(
        self, action: str, payload: dict[str, Any], identity: str | None = None, timeout: float = 10.0
    ) -> dict[str, Any]:
        async def run() -> dict[str, Any]:
            return await self._side(identity).call_raw(action, payload, timeout)

        return self._run(run(), None)

    def send_raw(self, text: str, identity: str | None = None, timeout: float = 5.0) -> Frame | None:
        async def run() -> int:
            side = self._side(identity)
            mark = len(self.log)
            await side.recording.send(text)
            return mark

        mark = self._run(run())
        who = self._side(identity).id if identity is None else identity
        try:
            return self.log.wait_frame(
                lambda f: f.direction == FROM_CP and f.identity == who and f.is_response, timeout, mark
            )
        except TimeoutError:
            return None

    def _reset(self, identity: str) -> None:
        ws = self.connections[identity].recording.ws
        sock: socket.socket | None = ws.transport.get_extra_info("socket")
        if sock is not None:
            # SO_LINGER with a zero timeout turns close() into a TCP RST (no close frame, no FIN).
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        ws.transport.abort()

    def drop(self, identity: str | None = None) -> None:
        who = self._side(identity).id

        async def run() -> None:
            self._reset(who)

        self._run(run())

    def freeze(self, identity: str | None = None) -> None:
        side = self._side(identity)

        async def run() -> None:
            side.recording.frozen = True
            ws = side.recording.ws
            ws.transport.pause_reading()
            # Keep the websocket's own flow control from resuming the reads.
            ws.recv_messages.resume = lambda: None

        self._run(run())
