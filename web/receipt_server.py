"""The receipt's HTTP/1.1 route for the driver's phone: GET /r/<token> answers the PDF, nothing else.

A deliberately small server on asyncio streams: the request line and the header fields are parsed by
hand (RFC 9112 §3 and §5), bounded in size and in time, and every answer closes the connection
(RFC 9112 §9.6), so no connection outlives one request. Bodies are never read; a request that
announces one is refused. The PDF comes from `fetch(token)`, handed in by the launcher, so this face
never reaches the database. See docs/receipts.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Awaitable, Callable
from email.utils import formatdate

log = logging.getLogger(__name__)

Fetch = Callable[[str], Awaitable[tuple[str, bytes] | None]]

MAX_REQUEST_LINE = 2048
MAX_HEADERS = 8192
MAX_HEADER_FIELDS = 64
# Tokens are URL-safe base64 of at least 16 random bytes (secrets.token_urlsafe(16) gives 22 chars).
TOKEN = re.compile(r"[A-Za-z0-9_-]{22,128}")
_FIELD_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")  # RFC 9110 §5.6.2 token
_SAFE_NAME = re.compile(r"[^A-Za-z0-9-]")

_REASONS = {
    200: "OK",
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    408: "Request Timeout",
    414: "URI Too Long",
    431: "Request Header Fields Too Large",
    500: "Internal Server Error",
    503: "Service Unavailable",
    505: "HTTP Version Not Supported",
}


class _RejectError(Exception):
    """A request answered with an error status and no further reading."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class ReceiptServer:
    """Serves receipts on (host, port); port 0 picks a free one (see `port` after start)."""

    def __init__(
        self,
        fetch: Fetch,
        host: str = "0.0.0.0",
        port: int = 8080,
        *,
        head_timeout_s: float = 10.0,
        write_timeout_s: float = 30.0,
        fetch_timeout_s: float = 10.0,
        max_connections: int = 32,
    ) -> None:
        self._fetch = fetch
        self._host = host
        self._port = port
        self._head_timeout_s = head_timeout_s
        self._write_timeout_s = write_timeout_s
        self._fetch_timeout_s = fetch_timeout_s
        self._max_connections = max_connections
        self._connections = 0
        self._server: asyncio.Server | None = None

    @property
    def port(self) -> int:
        if self._server is None or not self._server.sockets:
            raise RuntimeError("the receipt server is not started")
        return int(self._server.sockets[0].getsockname()[1])

    async def start(self) -> None:
        # The stream limit bounds one line; the header block is bounded below as a whole.
        self._server = await asyncio.start_server(
            self._serve, self._host, self._port, limit=MAX_HEADERS, reuse_address=True
        )
        log.info("receipt server listening on %s:%d", self._host, self.port)

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._connections += 1
        try:
            if self._connections > self._max_connections:
                await self._answer(writer, 503)
                return
            try:
                method, target = await asyncio.wait_for(_read_head(reader), self._head_timeout_s)
            except _RejectError as reject:
                await self._answer(writer, reject.status)
                await _linger(reader, writer)
                return
            except TimeoutError:
                await self._answer(writer, 408)
                return
            except (asyncio.IncompleteReadError, ConnectionError):
                return  # the client went away mid-request
            await self._respond(writer, method, target)
        except Exception:
            log.exception("receipt server: a request failed")
        finally:
            self._connections -= 1
            writer.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(writer.wait_closed(), 1.0)

    async def _respond(self, writer: asyncio.StreamWriter, method: str, target: str) -> None:
        if method != "GET":
            await self._answer(writer, 405, extra=(("Allow", "GET"),))
            return
        token = target.removeprefix("/r/") if target.startswith("/r/") else ""
        if not TOKEN.fullmatch(token):
            await self._answer(writer, 404)  # never asks fetch about a token that cannot exist
            return
        try:
            found = await asyncio.wait_for(self._fetch(token), self._fetch_timeout_s)
        except Exception:
            log.exception("receipt server: fetching a receipt failed")
            await self._answer(writer, 500)
            return
        if found is None:
            await self._answer(writer, 404)
            return
        receipt_no, pdf = found
        filename = f"receipt-{_SAFE_NAME.sub('', receipt_no) or 'receipt'}.pdf"
        await self._answer(
            writer,
            200,
            body=pdf,
            content_type="application/pdf",
            extra=(
                # The name is letters, digits and hyphens only: a token, no quoting (RFC 6266 §4.1).
                ("Content-Disposition", f"inline; filename={filename}"),
                # A receipt is personal: no shared cache keeps it.
                ("Cache-Control", "private, no-store"),
            ),
        )

    async def _answer(
        self,
        writer: asyncio.StreamWriter,
        status: int,
        *,
        body: bytes | None = None,
        content_type: str = "text/plain; charset=utf-8",
        extra: tuple[tuple[str, str], ...] = (),
    ) -> None:
        if body is None:
            body = f"{status} {_REASONS[status]}\n".encode()
        lines = [
            f"HTTP/1.1 {status} {_REASONS[status]}",
            f"Date: {formatdate(usegmt=True)}",
            f"Content-Type: {content_type}",
            f"Content-Length: {len(body)}",
            "X-Content-Type-Options: nosniff",
            "Connection: close",
            *(f"{name}: {value}" for name, value in extra),
        ]
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        try:
            writer.write(head + body)
            await asyncio.wait_for(writer.drain(), self._write_timeout_s)
        except (TimeoutError, ConnectionError):
            log.info("receipt server: the client did not take the answer (%d)", status)


async def _linger(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """After an early answer, drains what the client still sends for a moment before closing.

    Closing a socket with unread input makes the kernel reset the connection, and a reset can reach
    the client before it has read the answer (RFC 9112 §9.6 describes the same staged close).
    """
    with contextlib.suppress(Exception):
        if writer.can_write_eof():
            writer.write_eof()
        async with asyncio.timeout(0.5):
            drained = 0
            while drained < 65536 and (chunk := await reader.read(4096)):
                drained += len(chunk)


async def _read_line(reader: asyncio.StreamReader, limit: int, status: int) -> bytes:
    """One CRLF-terminated line without its end, _RejectError(status) past `limit` bytes."""
    try:
        line = await reader.readuntil(b"\n")
    except asyncio.LimitOverrunError:
        raise _RejectError(status) from None
    if len(line) > limit:
        raise _RejectError(status)
    # RFC 9112 §2.2: a bare LF may be accepted as a line end; a stray CR elsewhere is an error.
    line = line[:-2] if line.endswith(b"\r\n") else line[:-1]
    if b"\r" in line:
        raise _RejectError(400)
    return line


async def _read_head(reader: asyncio.StreamReader) -> tuple[str, str]:
    """The method and target of a valid request head; _RejectError for anything else."""
    request_line = await _read_line(reader, MAX_REQUEST_LINE, 414)
    try:
        method, target, version = request_line.decode("ascii").split(" ")
    except (UnicodeDecodeError, ValueError):
        raise _RejectError(400) from None
    if not re.fullmatch(r"HTTP/\d\.\d", version):
        raise _RejectError(400)
    if version not in ("HTTP/1.1", "HTTP/1.0"):
        raise _RejectError(505)
    if not method.isalpha() or not method.isupper() or not target.startswith("/"):
        raise _RejectError(400)
    fields: dict[str, str] = {}
    total = 0
    for _ in range(MAX_HEADER_FIELDS + 1):
        line = await _read_line(reader, MAX_HEADERS, 431)
        total += len(line) + 2
        if total > MAX_HEADERS:
            raise _RejectError(431)
        if not line:
            break
        name, colon, value = line.partition(b":")
        # RFC 9112 §5.1: no space before the colon; §5.2: obsolete line folding is rejected.
        if not colon or not _FIELD_NAME.fullmatch(name.decode("latin-1")):
            raise _RejectError(400)
        key = name.decode("latin-1").lower()
        if key in fields and key in ("host", "content-length"):
            raise _RejectError(400)
        fields[key] = value.decode("latin-1").strip()
    else:
        raise _RejectError(431)
    # RFC 9112 §3.2: an HTTP/1.1 request without Host is answered 400.
    if version == "HTTP/1.1" and "host" not in fields:
        raise _RejectError(400)
    # A GET carries no body here; one announced would be left unread in the stream.
    if "transfer-encoding" in fields or fields.get("content-length", "0") != "0":
        raise _RejectError(400)
    return method, target
