"""The station's web application: the REST API under /api/v1 with its OpenAPI description, the live
feed, and the pages; one FastAPI app over the facades the launcher hands in (docs/web.md)."""

from __future__ import annotations

from fastapi import FastAPI

from web.errors import install_error_handlers
from web.faces import WebFaces, WebOptions
from web.live_socket import router as live_router
from web.openapi_text import API_DESCRIPTION
from web.pages import install_pages
from web.routes import (
    accounts,
    analytics,
    configuration,
    control,
    diagnostics,
    drive,
    firmware,
    sessions,
    station,
)
from web.security import SecurityMiddleware

API = "/api/v1"
UPLOAD_PATHS = (f"{API}/firmware/packages",)
ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "fields": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "field": {"type": "string"},
                            "code": {"type": "string"},
                            "message": {"type": "string"},
                        },
                    },
                },
                "retry_after_s": {"type": "number"},
                "details": {"type": "object"},
            },
        }
    },
}


def build_web_app(faces: WebFaces, options: WebOptions) -> FastAPI:
    app = FastAPI(
        title="EV charging station API",
        version="1",
        description=API_DESCRIPTION,
        openapi_url=f"{API}/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.faces = faces
    app.state.options = options
    install_error_handlers(app)
    app.state.drive_limiter = drive.StartLimiter()
    app.state.live_clients = 0
    app.include_router(live_router, prefix=API)
    app.state.firmware_uploads = firmware.FirmwareUploads(options.upload_dir)
    routers = (station, accounts, control, sessions, configuration, diagnostics, analytics, firmware, drive)
    for module in routers:
        app.include_router(module.router, prefix=API)

    install_pages(app)
    _document_errors(app)
    app.add_middleware(
        SecurityMiddleware,
        max_body=options.max_body_bytes,
        max_upload=options.max_upload_bytes,
        upload_paths=UPLOAD_PATHS,
        tls=options.tls,
    )
    return app


def _document_errors(app: FastAPI) -> None:
    """Every refusal's status in the description uses the one error shape (docs/web.md "Errors")."""
    original = app.openapi

    def openapi() -> dict[str, object]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["Error"] = ERROR_SCHEMA
        reference = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                responses = operation.setdefault("responses", {})
                for status in ("400", "401", "403", "404", "409", "413", "422", "429", "503"):
                    if status in responses or status in ("400", "413"):
                        responses[status] = {"description": _DESCRIPTIONS[status], "content": reference}
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


_DESCRIPTIONS = {
    "400": "Malformed request",
    "401": "Not signed in, or the credential is not valid",
    "403": "The role may not do this, or a browser change without its CSRF token",
    "404": "Not found",
    "409": "Refused in the station's present state",
    "413": "Body too large",
    "422": "A field is not valid (the error names it)",
    "429": "Too many attempts: wait retry_after_s",
    "503": "A part of the station this needs is not available",
}
