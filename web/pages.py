"""The station's web pages: the admin dashboard, its sign-in page and the driver's phone pages, as
static HTML, CSS and JavaScript modules served beside the API (docs/web.md "Pages")."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, FastAPI
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, RedirectResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

STATIC = Path(__file__).parent / "static"
# Every page and asset is revalidated on each load (RFC 9111 section 5.2.2.4) until the assets carry
# a version in their names; the pages hold nothing secret, the API answers hold the data.
NO_CACHE = {"Cache-Control": "no-cache"}

router = APIRouter(include_in_schema=False)

Charger = Annotated[str, PathParam(pattern=r"^[A-Za-z0-9_.\-]{1,32}$")]
Number = Annotated[int, PathParam(ge=1, le=99)]
Secret = Annotated[str, PathParam(pattern=r"^[A-Za-z0-9_\-]{8,128}$")]


def _page(name: str) -> Response:
    return FileResponse(STATIC / name, media_type="text/html; charset=utf-8", headers=NO_CACHE)


@router.get("/")
async def root() -> Response:
    return RedirectResponse("/admin/", status_code=303)


@router.get("/favicon.ico")
async def favicon() -> Response:
    # Browsers ask for it whatever the page names; the same mark as the pages' icon.
    return FileResponse(STATIC / "icon.svg", media_type="image/svg+xml", headers=NO_CACHE)


@router.get("/admin")
async def admin_bare() -> Response:
    return RedirectResponse("/admin/", status_code=308)


@router.get("/admin/")
async def admin() -> Response:
    return _page("admin.html")


@router.get("/admin/login")
async def login() -> Response:
    return _page("login.html")


@router.get("/api/v1/docs")
async def api_docs() -> Response:
    # The OpenAPI description drawn by the station's own script (FastAPI's viewers load theirs from
    # a CDN, which the CSP refuses and a station without internet cannot reach).
    return _page("api.html")


@router.get("/c/{charger}/{number}")
async def connector(charger: Charger, number: Number) -> Response:
    # The page reads its connector from its own address; a connector that does not exist is the
    # API's 404, shown by the page in the driver's language.
    return _page("connector.html")


@router.get("/s/{secret}")
async def session(secret: Secret) -> Response:
    return _page("session.html")


class _Assets(StaticFiles):
    """The static files with the same revalidation rule as the pages."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers.update(NO_CACHE)
        return response


def install_pages(app: FastAPI) -> None:
    app.include_router(router)
    app.mount("/static", _Assets(directory=STATIC), name="static")
