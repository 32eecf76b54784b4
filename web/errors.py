"""Every refusal in one JSON shape: {"error": {"code", "message", "fields"?, "retry_after_s"?}}.

`code` is the machine code a client branches on; `message` says it in the request's language (English
or Malay, from Accept-Language); a validation error names each field it refuses. No handler ever puts
a request's body, a password, a token or a card number into a message or a log (docs/web.md "Errors").
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from app.admin import AccountError, OperationError, PermissionDeniedError, PinRuleError
from web.messages import message

log = logging.getLogger(__name__)


class ApiError(Exception):
    """A refusal a route raises: its HTTP status, machine code and anything the client may act on."""

    def __init__(
        self,
        status: int,
        code: str,
        *,
        retry_after_s: float | None = None,
        fields: list[dict[str, str]] | None = None,
        **details: Any,
    ) -> None:
        super().__init__(code)
        self.status, self.code, self.retry_after_s, self.details = status, code, retry_after_s, details
        self.fields = fields


def language_of(request: Request) -> str:
    """ms when the client prefers Malay over English (RFC 9110 section 12.5.4, q-values), else en."""
    best, best_q = "en", -1.0
    for part in request.headers.get("accept-language", "").split(",")[:16]:
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                continue
        primary = tag.strip().lower().split("-")[0]
        if primary in ("en", "ms") and q > best_q:
            best, best_q = primary, q
    return best


def error_response(
    request: Request,
    status: int,
    code: str,
    *,
    fields: list[dict[str, str]] | None = None,
    retry_after_s: float | None = None,
    details: dict[str, Any] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {"code": code, "message": message(code, language_of(request))}
    if fields:
        body["fields"] = fields
    if details:
        body["details"] = details
    headers: dict[str, str] = {}
    if retry_after_s is not None:
        body["retry_after_s"] = round(retry_after_s, 1)
        headers["Retry-After"] = str(max(1, int(retry_after_s + 0.999)))
    if status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="station"'
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def _field_errors(error: RequestValidationError) -> list[dict[str, str]]:
    fields = []
    for item in error.errors()[:20]:
        location = [str(part) for part in item.get("loc", ()) if part not in ("body",)]
        fields.append(
            {
                "field": ".".join(location) or "body",
                "code": str(item.get("type", "invalid")),
                "message": str(item.get("msg", "invalid"))[:200],
            }
        )
    return fields


_HTTP_CODES = {
    400: "bad_request",
    401: "not_signed_in",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "body_too_large",
    415: "unsupported_media_type",
    429: "too_many_requests",
}


def _operation_status(code: str) -> int:
    """An operator operation's refusal as HTTP: unknown things 404, bad arguments 422, anything else
    409, the station's present state or set-up (busy, nothing to refund, no vendor key configured):
    the code says which. A 5xx is kept for the station's own failures."""
    if code.startswith("unknown_") or code == "no_receipt":
        return 404
    if code.startswith("bad_") or code in ("invalid", "wrong_target"):
        return 422
    return 409


def allowed_methods(request: Request) -> list[str]:
    methods: set[str] = set()
    for route in request.app.routes:
        if isinstance(route, APIRoute) and route.matches(request.scope)[0] != Match.NONE:
            methods |= route.methods or set()
    return sorted(methods)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError) -> JSONResponse:
        return error_response(
            request,
            error.status,
            error.code,
            retry_after_s=error.retry_after_s,
            fields=error.fields,
            details=error.details or None,
        )

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        return error_response(request, 422, "invalid", fields=_field_errors(error))

    @app.exception_handler(PermissionDeniedError)
    async def denied(request: Request, error: PermissionDeniedError) -> JSONResponse:
        if error.role is None:
            return error_response(request, 401, "not_signed_in")
        return error_response(request, 403, "role_needed", details={"needed": error.needed})

    @app.exception_handler(OperationError)
    async def refused(request: Request, error: OperationError) -> JSONResponse:
        status = _operation_status(error.code)
        safe = {k: v for k, v in error.details.items() if isinstance(v, str | int | float | bool)}
        return error_response(request, status, error.code, details=safe or None)

    @app.exception_handler(AccountError)
    async def account(request: Request, error: AccountError) -> JSONResponse:
        return error_response(request, 409, getattr(error, "code", "account_refused"))

    @app.exception_handler(PinRuleError)
    async def pin_rule(request: Request, error: PinRuleError) -> JSONResponse:
        return error_response(
            request, 422, "pin_rule", fields=[{"field": "pin", "code": "pin_rule", "message": str(error)}]
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        answer = error_response(request, error.status_code, _HTTP_CODES.get(error.status_code, "error"))
        if error.status_code == 405:
            # RFC 9110 section 15.5.6: every method the path has, across the routes that share it.
            answer.headers["Allow"] = ", ".join(allowed_methods(request))
        elif error.headers:
            answer.headers.update(error.headers)
        return answer

    @app.exception_handler(Exception)
    async def crashed(request: Request, error: Exception) -> JSONResponse:
        # The route and the exception's type only: its text may carry what the request held.
        log.error(
            "web: %s %s failed: %s", request.method, request.url.path, type(error).__name__, exc_info=error
        )
        return error_response(request, 500, "internal")
