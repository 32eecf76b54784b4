"""Who is calling: a browser's session cookie (with its CSRF token on every change) or an API token.

Cookies (RFC 6265bis): `__Host-` prefixed, HttpOnly, Secure, SameSite=Strict, Path=/. A browser's
state-changing request must carry the session's CSRF token in `X-CSRF-Token` and, when it sends an
Origin, come from this station's own origin (OWASP CSRF Prevention: synchronizer token plus origin
check). A bearer token (`Authorization: Bearer evse_...`) is not sent by a browser on its own, so it
needs no CSRF token. The facade decides what each caller's role may do; this module only says who.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fastapi import Request, Response
from starlette.requests import HTTPConnection

from web.errors import ApiError

if TYPE_CHECKING:
    from app.admin import Operator
    from web.faces import WebFaces

SESSION_COOKIE = "__Host-evse_session"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_MAX_SECRET = 256  # longer cookie or token values are refused unread


@dataclass(frozen=True)
class Caller:
    operator: Operator
    via: str  # "session" or "token"
    csrf_token: str = ""


def faces_of(request: HTTPConnection) -> WebFaces:
    faces: WebFaces = request.app.state.faces
    return faces


async def identify(request: HTTPConnection) -> Caller | None:
    """The caller, None when anonymous; a presented but unknown credential is refused (401)."""
    faces = faces_of(request)
    authorization = request.headers.get("authorization", "")
    if authorization:
        scheme, _, secret = authorization.partition(" ")
        secret = secret.strip()
        if scheme.lower() != "bearer" or not secret or len(secret) > _MAX_SECRET:
            raise ApiError(401, "not_signed_in")
        operator = await faces.operators.token_operator(secret)
        if operator is None:
            raise ApiError(401, "not_signed_in")
        return Caller(operator, "token")
    cookie = request.cookies.get(SESSION_COOKIE, "")
    if not cookie or len(cookie) > _MAX_SECRET:
        return None
    view = await faces.operators.web_session(cookie)
    if view is None:
        return None
    return Caller(view.operator, "session", view.csrf_token)


async def signed_in(request: Request) -> Caller:
    """A FastAPI dependency: the caller, refused when anonymous or when a browser's change lacks its
    CSRF token or comes from another origin."""
    caller = await identify(request)
    if caller is None:
        raise ApiError(401, "not_signed_in")
    if caller.via == "session" and request.method not in SAFE_METHODS:
        check_csrf(request, caller.csrf_token)
    return caller


def check_csrf(request: Request, expected: str) -> None:
    presented = request.headers.get(CSRF_HEADER, "")
    if not expected or not hmac.compare_digest(presented.encode(), expected.encode()):
        raise ApiError(403, "csrf")
    origin = request.headers.get("origin")
    if origin is not None and origin != own_origin(request):
        raise ApiError(403, "csrf")


def own_origin(request: HTTPConnection) -> str:
    """This station's origin as the client reached it (RFC 6454); a WebSocket's is its page's."""
    host = request.headers.get("host", "")
    scheme = {"ws": "http", "wss": "https"}.get(request.url.scheme, request.url.scheme)
    return f"{scheme}://{host}"


def set_session_cookie(response: Response, secret: str, max_age_s: int) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        secret,
        max_age=max_age_s,
        path="/",
        secure=True,
        httponly=True,
        samesite="strict",
    )


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", secure=True, httponly=True, samesite="strict")
