"""Every response's security headers and every request's size bound, as one ASGI middleware.

Headers (OWASP Secure Headers): a Content-Security-Policy without inline script and with
frame-ancestors 'none' (clickjacking), nosniff, no referrer, and HSTS when served over TLS (RFC 6797).
Bodies: a Content-Length over the bound is refused before a byte is read; a chunked body is counted
as it arrives and cut off at the bound (413), so no client can make the station buffer more.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
_HSTS = (b"strict-transport-security", b"max-age=31536000")


class SecurityMiddleware:
    """Adds the headers and bounds the body; `upload_paths` (prefixes) get `max_upload` instead."""

    def __init__(
        self, app: App, *, max_body: int, max_upload: int, upload_paths: tuple[str, ...], tls: bool
    ) -> None:
        self.app, self.max_body, self.max_upload = app, max_body, max_upload
        self.upload_paths, self.tls = upload_paths, tls

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        limit = self.max_upload if path.startswith(self.upload_paths) else self.max_body
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _refuse_too_large(send, self.tls)
            return
        received = 0
        started = refused = False

        async def bounded_receive() -> Message:
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit and not refused:
                    # Answered here and now; the route sees the client gone and its answer is dropped.
                    refused = True
                    if not started:
                        await _refuse_too_large(send, self.tls)
                    return {"type": "http.disconnect"}
            return message

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers.extend(h for h in _HEADERS if h[0] not in present)
                if self.tls:
                    headers.append(_HSTS)
                message["headers"] = headers
            await send(message)

        await self.app(scope, bounded_receive, send_with_headers)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _refuse_too_large(send: Send, tls: bool) -> None:
    body = json.dumps({"error": {"code": "body_too_large", "message": "The upload is too large."}}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
        *_HEADERS,
    ]
    if tls:
        headers.append(_HSTS)
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})
