"""The small interface both test CSMSs implement, so an end-to-end test can run against either."""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any

from ocpp_peers.frames import FROM_CP, TO_CP, Frame, FrameLog, PeerEvent

# SteVe's endpoint layout: ws(s)://host:port/steve/websocket/CentralSystemService/<chargeBoxId>.
STEVE_PATH = "/steve/websocket/CentralSystemService/"

# The charge point -> central system actions of OCPP 1.6 (OCPP 1.6 section 4).
CP_ACTIONS = (
    "Authorize",
    "BootNotification",
    "DataTransfer",
    "DiagnosticsStatusNotification",
    "FirmwareStatusNotification",
    "Heartbeat",
    "MeterValues",
    "StartTransaction",
    "StatusNotification",
    "StopTransaction",
)


class PeerCallError(Exception):
    """The charge point answered a central-system call with CALLERROR."""

    def __init__(self, code: str, description: str = "", details: Any = None) -> None:
        super().__init__(f"{code}: {description}" if description else code)
        self.code = code
        self.description = description
        self.details = details


class InvalidResponseError(Exception):
    """The charge point answered with a CALLRESULT that violates the action's .conf schema."""

    def __init__(self, code: str, description: str = "") -> None:
        super().__init__(f"{code}: {description}" if description else code)
        self.code = code
        self.description = description


class CsmsPeer(ABC):
    """A running test central system: configurable answers, a frame log, calls to the charge point."""

    name: str = "csms"
    host = "127.0.0.1"

    def __init__(self) -> None:
        self.log = FrameLog()
        self.port = 0
        self.tls = False

    # --- life cycle -------------------------------------------------------------------------------
    @abstractmethod
    def start(self) -> CsmsPeer:
        """Listens (again, on the same port after a stop()); returns self."""

    @abstractmethod
    def stop(self, abrupt: bool = False) -> None:
        """Closes every connection (abrupt: TCP reset, no close frame) and stops listening."""

    @abstractmethod
    def close(self) -> None:
        """Stops for good and releases the thread or process."""

    def __enter__(self) -> CsmsPeer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def url(self, identity: str, path: str = STEVE_PATH) -> str:
        scheme = "wss" if self.tls else "ws"
        return f"{scheme}://{self.host}:{self.port}{path.rstrip('/')}/{identity}"

    # --- answers to charge point calls ------------------------------------------------------------
    @abstractmethod
    def set_answer(self, action: str, payload: dict[str, Any]) -> None:
        """Answers `action` with the default answer updated by `payload` (top-level keys)."""

    @abstractmethod
    def set_error(self, action: str, code: str, description: str = "") -> None:
        """Answers `action` with CALLERROR `code`."""

    @abstractmethod
    def set_silent(self, action: str) -> None:
        """Never answers `action` (the charge point's call times out)."""

    @abstractmethod
    def reset_answer(self, action: str) -> None:
        """Back to the default answer for `action`."""

    @abstractmethod
    def set_id_tag(self, id_tag: str, status: str) -> None:
        """idTagInfo.status given for `id_tag` in Authorize, StartTransaction and StopTransaction."""

    @abstractmethod
    def set_next_transaction_id(self, transaction_id: int) -> None:
        """The transactionId the next accepted StartTransaction receives (then +1 each)."""

    def set_boot(self, status: str = "Accepted", interval: int = 300) -> None:
        self.set_answer("BootNotification", {"status": status, "interval": interval})

    # --- calls to the charge point ----------------------------------------------------------------
    @abstractmethod
    def call(
        self, action: str, payload: dict[str, Any], identity: str | None = None, timeout: float = 10.0
    ) -> dict[str, Any]:
        """Calls the charge point; its CALLRESULT payload, or PeerCallError / InvalidResponseError /
        TimeoutError."""

    @abstractmethod
    def send_raw(self, text: str, identity: str | None = None, timeout: float = 5.0) -> Frame | None:
        """Sends one text frame as is; the next response frame from the charge point, None if none came."""

    @abstractmethod
    def drop(self, identity: str | None = None) -> None:
        """Ends the connection with a TCP reset, without a close frame."""

    @abstractmethod
    def freeze(self, identity: str | None = None) -> None:
        """Keeps the TCP connection open but stops reading and answering (no pongs either)."""

    async def call_async(
        self, action: str, payload: dict[str, Any], identity: str | None = None, timeout: float = 10.0
    ) -> dict[str, Any]:
        return await asyncio.to_thread(self.call, action, payload, identity, timeout)

    async def send_raw_async(
        self, text: str, identity: str | None = None, timeout: float = 5.0
    ) -> Frame | None:
        return await asyncio.to_thread(self.send_raw, text, identity, timeout)

    # --- queries on the log -----------------------------------------------------------------------
    @property
    def frames(self) -> list[Frame]:
        return self.log.frames

    def calls(self, action: str, identity: str | None = None) -> list[dict[str, Any]]:
        """Payloads of every `action` call received from the charge point, in order."""
        frames = self.log.select(direction=FROM_CP, action=action, identity=identity, calls_only=True)
        return [f.payload for f in frames]

    def call_frames(self, action: str | None = None, identity: str | None = None) -> list[Frame]:
        return self.log.select(direction=FROM_CP, action=action, identity=identity, calls_only=True)

    def wait_for(
        self,
        action: str,
        predicate: Callable[[dict[str, Any]], bool] | None = None,
        timeout: float = 10.0,
        since: int = 0,
        identity: str | None = None,
    ) -> Frame:
        """The first `action` call from the charge point (at log index >= since; of `identity`, or of
        any) whose payload matches."""

        def match(f: Frame) -> bool:
            return (
                f.direction == FROM_CP
                and f.is_call
                and f.action == action
                and identity in (None, f.identity)
                and (predicate is None or bool(predicate(f.payload)))
            )

        return self.log.wait_frame(match, timeout, since)

    def response_to(self, call: Frame, timeout: float = 5.0) -> Frame:
        """The response frame (CALLRESULT or CALLERROR) to `call`, waiting for it if need be."""
        want = TO_CP if call.direction == FROM_CP else FROM_CP

        def match(f: Frame) -> bool:
            return (
                f.direction == want
                and f.identity == call.identity
                and f.is_response
                and f.message_id == call.message_id
            )

        return self.log.wait_frame(match, timeout, call.seq + 1)

    async def wait_for_async(
        self,
        action: str,
        predicate: Callable[[dict[str, Any]], bool] | None = None,
        timeout: float = 10.0,
        since: int = 0,
        identity: str | None = None,
    ) -> Frame:
        return await asyncio.to_thread(self.wait_for, action, predicate, timeout, since, identity)

    def wait_connected(self, identity: str | None = None, timeout: float = 10.0, count: int = 1) -> PeerEvent:
        """The `count`-th accepted websocket connection (of `identity`, or of anyone)."""

        def nth() -> PeerEvent | None:
            found = [e for e in self.log.events if e.kind == "connect" and identity in (None, e.identity)]
            return found[count - 1] if len(found) >= count else None

        return self.log.wait_until(nth, timeout)

    def events(self, kind: str | None = None) -> list[PeerEvent]:
        return [e for e in self.log.events if kind is None or e.kind == kind]
