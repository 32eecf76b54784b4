"""Exceptions of the charger link, shared by the transports and ChargerBoard."""

from __future__ import annotations

from hal.wire.messages import ErrorCode, MsgType, ResultCode


class LinkError(Exception):
    """The charger could not be reached or answered with something unusable."""


class LinkTimeoutError(LinkError):
    """No reply within the timeout (after the bounded retries when raised by ChargerBoard)."""


class LinkDownError(LinkError):
    """The connection to the charger failed or was closed; the transport reconnects on next use."""


class I2cNackError(LinkError):
    """No device acknowledged the I2C address (EREMOTEIO from the bus driver)."""

    def __init__(self, address: int, detail: str = "") -> None:
        suffix = f" ({detail})" if detail else ""
        super().__init__(f"no I2C device acknowledged address 0x{address:02x}{suffix}")
        self.address = address


class BadReplyError(LinkError):
    """A reply frame was corrupt (CRC, length, version) or of a type the request does not expect."""


class ChargerRejectedFrameError(LinkError):
    """The charger answered ERROR: it rejected the request frame (docs/wire-protocol.md, Bad frames)."""

    def __init__(self, code: int, detail: int, request_type: int) -> None:
        name = ErrorCode(code).name if code in ErrorCode._value2member_map_ else f"0x{code:02x}"
        req = MsgType(request_type).name if request_type in MsgType._value2member_map_ else str(request_type)
        super().__init__(f"charger rejected {req}: ERROR {name} (detail {detail})")
        self.code = code
        self.detail = detail
        self.request_type = request_type


class CommandRefused(Exception):  # noqa: N818 - the name the app layer uses
    """The charger understood the command and refused it (ACK with a result other than OK).

    Not a LinkError: the link works, the charger's state forbids the command.
    """

    def __init__(self, result: int, command_type: int) -> None:
        name = ResultCode(result).name if result in ResultCode._value2member_map_ else f"0x{result:02x}"
        cmd = MsgType(command_type).name if command_type in MsgType._value2member_map_ else str(command_type)
        super().__init__(f"{cmd} refused: {name}")
        self.result = result
        self.command_type = command_type
