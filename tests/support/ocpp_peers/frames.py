"""The frame log both test CSMSs keep: every OCPP-J frame in both directions, in order, queryable."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")

# Directions, seen from the central system.
FROM_CP = "from_cp"
TO_CP = "to_cp"

# OCPP-J message type ids (OCPP-J 1.6 section 4.1.3).
CALL = 2
CALLRESULT = 3
CALLERROR = 4


@dataclass(frozen=True)
class Frame:
    """One websocket text frame: raw text, parsed JSON (None if it is not JSON) and what it is."""

    seq: int
    direction: str
    identity: str
    raw: str
    at: float
    message: Any = None
    action: str | None = None

    @property
    def message_type(self) -> int | None:
        if isinstance(self.message, list) and self.message and isinstance(self.message[0], int):
            return self.message[0]
        return None

    @property
    def message_id(self) -> str | None:
        if isinstance(self.message, list) and len(self.message) > 1 and isinstance(self.message[1], str):
            return self.message[1]
        return None

    @property
    def payload(self) -> Any:
        """The call's or result's payload; for a CALLERROR its errorDetails."""
        kind = self.message_type
        msg = self.message
        if kind == CALL and len(msg) > 3:
            return msg[3]
        if kind == CALLRESULT and len(msg) > 2:
            return msg[2]
        if kind == CALLERROR and len(msg) > 4:
            return msg[4]
        return None

    @property
    def error_code(self) -> str | None:
        if self.message_type == CALLERROR and len(self.message) > 2:
            return self.message[2]
        return None

    @property
    def error_description(self) -> str | None:
        if self.message_type == CALLERROR and len(self.message) > 3:
            return self.message[3]
        return None

    @property
    def is_call(self) -> bool:
        return self.message_type == CALL

    @property
    def is_response(self) -> bool:
        return self.message_type in (CALLRESULT, CALLERROR)


@dataclass(frozen=True)
class PeerEvent:
    """Something other than a frame: a connection opened or closed, a handshake refused."""

    kind: str
    identity: str
    at: float
    details: dict[str, Any] = field(default_factory=dict)


class FrameLog:
    """Thread-safe, append-only log of frames and events, with blocking waits."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._frames: list[Frame] = []
        self._events: list[PeerEvent] = []
        # (identity, direction of the call, message id) -> action, so a response knows its action.
        self._call_actions: dict[tuple[str, str, str], str] = {}

    def record(self, direction: str, identity: str, raw: str, at: float | None = None) -> Frame:
        try:
            message: Any = json.loads(raw)
        except ValueError:
            message = None
        with self._cond:
            probe = Frame(len(self._frames), direction, identity, raw, at or time.monotonic(), message)
            action: str | None = None
            if probe.is_call and len(message) > 2 and isinstance(message[2], str):
                action = message[2]
                if probe.message_id is not None:
                    self._call_actions[(identity, direction, probe.message_id)] = action
            elif probe.is_response and probe.message_id is not None:
                call_direction = TO_CP if direction == FROM_CP else FROM_CP
                action = self._call_actions.get((identity, call_direction, probe.message_id))
            frame = Frame(probe.seq, direction, identity, raw, probe.at, message, action)
            self._frames.append(frame)
            self._cond.notify_all()
            return frame

    def event(self, kind: str, identity: str, **details: Any) -> PeerEvent:
        with self._cond:
            ev = PeerEvent(kind, identity, time.monotonic(), dict(details))
            self._events.append(ev)
            self._cond.notify_all()
            return ev

    @property
    def frames(self) -> list[Frame]:
        with self._cond:
            return list(self._frames)

    @property
    def events(self) -> list[PeerEvent]:
        with self._cond:
            return list(self._events)

    def __len__(self) -> int:
        with self._cond:
            return len(self._frames)

    def select(
        self,
        *,
        direction: str | None = None,
        action: str | None = None,
        identity: str | None = None,
        calls_only: bool = False,
        since: int = 0,
    ) -> list[Frame]:
        with self._cond:
            frames = self._frames[since:]
        return [
            f
            for f in frames
            if (direction is None or f.direction == direction)
            and (action is None or f.action == action)
            and (identity is None or f.identity == identity)
            and (not calls_only or f.is_call)
        ]

    def response_to(self, call: Frame) -> Frame | None:
        """The response (either direction) carrying the call's message id, if one arrived."""
        want = TO_CP if call.direction == FROM_CP else FROM_CP
        for f in self.select(direction=want, identity=call.identity, since=call.seq + 1):
            if f.is_response and f.message_id == call.message_id:
                return f
        return None

    def wait_frame(self, predicate: Callable[[Frame], bool], timeout: float, since: int = 0) -> Frame:
        """The first frame at or after index `since` that matches; TimeoutError when none arrives."""
        deadline = time.monotonic() + timeout
        with self._cond:
            index = since
            while True:
                while index < len(self._frames):
                    frame = self._frames[index]
                    index += 1
                    if predicate(frame):
                        return frame
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no matching frame within {timeout} s")
                self._cond.wait(left)

    def wait_until(self, probe: Callable[[], T | None], timeout: float) -> T:
        """Waits until `probe()` (called under the log's lock after each change) returns non-None."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                value = probe()
                if value is not None:
                    return value
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"condition not met within {timeout} s")
                self._cond.wait(left)
