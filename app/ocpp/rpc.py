"""OCPP-J 1.6 RPC framing on top of the `ocpp` library: strict CALLERROR answers and calls with JSON payloads.

The library's message classes and JSON schemas are used as they are. Incoming calls are dispatched
from a table of handlers that take and return wire payloads (camelCase), because the parts behind
them store and forward those payloads (profiles, local lists) and the library's decorator routing
would hand them snake_case names. Three things the library does are not what OCPP-J 1.6 section
4.2.3 asks, and a CSMS that sends garbage must get the right answer and keep the connection:
- a frame that is not valid JSON or not an OCPP message is only logged; here it is answered with
  CALLERROR FormationViolation (ProtocolError when it is JSON but not a message) under its unique id,
  or "-1" when none can be read;
- an unknown action is answered NotSupported and a known one without a handler NotImplemented; the
  section defines them the other way round (NotImplemented: "Requested Action is not known by
  receiver"; NotSupported: "recognized but not supported");
- schema violations come back with 2.0.1-style codes (FormatViolation) and details that may not
  serialise; here each JSON-schema keyword maps to the 1.6 code, with plain-text details.
"""

from __future__ import annotations

import asyncio
import decimal
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from typing import Any

from jsonschema.exceptions import ValidationError as SchemaValidationError
from ocpp.exceptions import OCPPError
from ocpp.messages import Call, CallError, CallResult, get_validator
from ocpp.v16 import ChargePoint
from ocpp.v16.enums import Action

from app.background_tasks import BackgroundTasks
from app.ocpp.errors import CsmsCallError, CsmsUnavailableError

log = logging.getLogger(__name__)

OCPP_VERSION = "1.6"
KNOWN_ACTIONS = frozenset(action.value for action in Action)
_UNIQUE_ID = re.compile(r'^\s*\[\s*2\s*,\s*"([^"\\]{1,36})"')
# JSON-schema keyword -> OCPP-J 1.6 error code (section 4.2.3). The 1.6 text spells
# "OccurenceConstraintViolation" with one r, and that is the code 1.6 peers expect.
_SCHEMA_ERROR_CODES = {
    "type": "TypeConstraintViolation",
    "required": "OccurenceConstraintViolation",
    "minItems": "OccurenceConstraintViolation",
    "maxItems": "OccurenceConstraintViolation",
    "additionalProperties": "FormationViolation",
}
PROPERTY_CONSTRAINT = "PropertyConstraintViolation"
_DECIMAL_REQUESTS = frozenset({"SetChargingProfile", "RemoteStartTransaction"})
_DECIMAL_RESULTS = frozenset({"GetCompositeSchedule"})  # enum, maxLength, minimum, format, pattern...
_LINK_CLOSED: Any = object()  # put in the response queue when the receive loop ends

FrameObserver = Callable[[str, str], None]  # (direction "in" | "out", raw text)
# A handler takes the CALL's payload (wire names) and returns the CALLRESULT payload and, optionally,
# work to start once the answer is sent (a remote start, a reset, a triggered message): it must not
# wait for the CSMS itself, since the CSMS's answers arrive on the loop that runs the handler.
HandlerResult = tuple[dict[str, Any], Callable[[], Coroutine[Any, Any, None]] | None]
Handler = Callable[[dict[str, Any]], Awaitable[HandlerResult]]


class RpcError(OCPPError):  # type: ignore[misc]  # the ocpp library has no type information
    """An error this side answers with CALLERROR; `code` is the OCPP-J 1.6 error code."""

    def __init__(self, code: str, description: str, details: dict[str, Any] | None = None) -> None:
        self.code = code
        super().__init__(description=description, details=details or {})


def schema_error(action: str, payload: Any, *, request: bool) -> RpcError | None:
    """The CALLERROR a payload deserves under the action's OCPP 1.6 JSON schema, None when valid."""
    # Charging limits have one decimal ("multipleOf": 0.1): checked on exact decimals, as the library
    # does for these three messages, since 21.4 is not a float multiple of 0.1.
    decimal_limits = action in _DECIMAL_REQUESTS if request else action in _DECIMAL_RESULTS
    try:
        validator = get_validator(
            2 if request else 3,
            action,
            OCPP_VERSION,
            parse_float=decimal.Decimal if decimal_limits else float,
        )
    except OSError:
        return None
    if decimal_limits:
        payload = json.loads(json.dumps(payload), parse_float=decimal.Decimal)
    error = next(iter(sorted(validator.iter_errors(payload), key=lambda e: e.path)), None)
    if error is None:
        return None
    return _rpc_error_from(action, error)


def _rpc_error_from(action: str, error: SchemaValidationError) -> RpcError:
    code = _SCHEMA_ERROR_CODES.get(str(error.validator), PROPERTY_CONSTRAINT)
    where = "/".join(str(p) for p in error.absolute_path) or "(payload)"
    return RpcError(code, f"{action}: {where}: {error.message}"[:500], {"field": where})


class RpcChargePoint(ChargePoint):  # type: ignore[misc]  # the ocpp library has no type information
    """The library's ChargePoint with OCPP-J 1.6 strict error answers and `send_call` for dict payloads."""

    def __init__(
        self,
        identity: str,
        connection: Any,
        *,
        response_timeout_s: float,  # [ocpp] response_timeout_s
        observe: FrameObserver | None = None,
        handlers: Mapping[str, Handler] | None = None,
    ) -> None:
        super().__init__(identity, connection, response_timeout=response_timeout_s)
        self._observe = observe
        self.handlers = dict(handlers or {})
        self._follow_ups = BackgroundTasks("work after an OCPP answer", log)
        self.closed = False  # the receive loop ended: the link is gone, no answer can come any more

    # -- receiving ------------------------------------------------------------------------------

    async def start(self) -> None:
        try:
            while True:
                message = await self._connection.recv()
                if isinstance(message, bytes):
                    message = message.decode("utf-8", errors="replace")
                if self._observe is not None:
                    self._observe("in", message)
                await self.route_message(message)
        finally:
            # A call waiting for its answer learns at once that the link is gone, instead of waiting
            # out the response timeout as if the CSMS were silent (the two are handled differently).
            self.closed = True
            self._response_queue.put_nowait(_LINK_CLOSED)

    async def route_message(self, raw_msg: str) -> None:
        try:
            frame = json.loads(raw_msg)
        except (json.JSONDecodeError, UnicodeDecodeError):
            await self._answer_unparsed(raw_msg, "FormationViolation", "the message is not valid JSON")
            return
        if not isinstance(frame, list) or not frame or frame[0] not in (2, 3, 4):
            await self._answer_unparsed(raw_msg, "ProtocolError", "not an OCPP-J message array")
            return
        if frame[0] == 2:
            if len(frame) != 4 or not isinstance(frame[1], str) or not isinstance(frame[2], str):
                await self._answer_unparsed(raw_msg, "ProtocolError", "a CALL has 4 elements")
                return
            await self._answer_call(Call(frame[1], frame[2], frame[3]))
            return
        try:
            if frame[0] == 3:
                reply: CallResult | CallError = CallResult(*frame[1:])
            else:
                reply = CallError(*frame[1:])
        except TypeError:
            log.warning("a reply with the wrong number of elements was dropped: %.200s", raw_msg)
            return
        self._response_queue.put_nowait(reply)

    async def _answer_call(self, msg: Call) -> None:
        handler = self.handlers.get(msg.action)
        if msg.action not in KNOWN_ACTIONS:
            error: RpcError | None = RpcError("NotImplemented", f"{msg.action} is not an OCPP 1.6 action")
        elif handler is None:
            error = RpcError("NotSupported", f"{msg.action} is not supported by this charge point")
        elif not isinstance(msg.payload, dict):
            error = RpcError("FormationViolation", "the payload must be a JSON object")
        else:
            error = schema_error(msg.action, msg.payload, request=True)
        if error is None and handler is not None:
            try:
                response, follow_up = await handler(msg.payload)
                invalid = schema_error(msg.action, response, request=False)
                if invalid is not None:
                    raise RuntimeError(f"our own answer breaks the schema: {invalid.description}")
            except RpcError as err:
                error = err
            except Exception as err:  # a bug or a failed part: the CSMS learns it, the link stays up
                log.exception("handling %s failed", msg.action)
                error = RpcError("InternalError", f"{msg.action}: {type(err).__name__}")
            else:
                await self._send(CallResult(msg.unique_id, response).to_json())
                if follow_up is not None:
                    self._follow_ups.start(follow_up(), name=f"after {msg.action}")
                return
        assert error is not None
        await self._send(CallError(msg.unique_id, error.code, error.description, error.details).to_json())

    async def _answer_unparsed(self, raw: str, code: str, description: str) -> None:
        match = _UNIQUE_ID.match(raw)
        if match is None and raw.lstrip().startswith(("[3", "[4")):
            return  # a broken reply: nothing to answer, its call will time out
        unique_id = match.group(1) if match else "-1"
        await self._send(CallError(unique_id, code, description, {}).to_json())

    # -- sending --------------------------------------------------------------------------------

    async def _send(self, message: str) -> None:
        if self._observe is not None:
            self._observe("out", message)
        await self._connection.send(message)

    async def send_call(
        self, action: str, payload: dict[str, Any], timeout_s: float | None = None
    ) -> dict[str, Any]:
        """Sends a CALL with a JSON payload and returns the CALLRESULT's payload.

        Raises CsmsCallError on CALLERROR, TimeoutError without an answer, CsmsUnavailableError
        when the connection is gone, ValueError when our own payload breaks the schema (a bug).
        One call is outstanding at a time (OCPP-J 1.6 section 4.1.1).
        """
        error = schema_error(action, payload, request=True)
        if error is not None:
            raise ValueError(f"refusing to send an invalid {action}: {error.description}")
        timeout = self._response_timeout if timeout_s is None else timeout_s
        call = Call(str(self._unique_id_generator()), action, payload)
        async with self._call_lock:
            if self.closed:
                raise CsmsUnavailableError(f"{action} not sent: the connection is closed")
            try:
                await self._send(call.to_json())
            except Exception as err:
                raise CsmsUnavailableError(f"{action} not sent: {err}") from err
            deadline = time.monotonic() + timeout
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no answer to {action} within {timeout:g} s")
                async with asyncio.timeout(left):
                    reply = await self._response_queue.get()
                if reply is _LINK_CLOSED:
                    self._response_queue.put_nowait(_LINK_CLOSED)  # for any later caller too
                    raise CsmsUnavailableError(f"{action}: the connection closed before the answer")
                if reply.unique_id == call.unique_id:
                    break
                log.warning("dropped a reply to an earlier call: %s", reply.unique_id)
        if isinstance(reply, CallError):
            raise CsmsCallError(reply.error_code, reply.error_description or "", reply.error_details or {})
        result = reply.payload if isinstance(reply.payload, dict) else {}
        invalid = schema_error(action, result, request=False)
        if invalid is not None:
            # Accepted anyway: the CSMS answered, and refusing its answer would repeat a delivered message.
            log.warning("the CSMS's answer to %s breaks the schema: %s", action, invalid.description)
        return result
