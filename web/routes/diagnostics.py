"""Diagnostics for a viewer and up: the event log with filters, the central system's link and queue,
the station's self-test, and the diagnostics archive (the one GetDiagnostics uploads) as a download
(app/admin/diagnostics.py)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from app.admin import CheckResult, EventView, OcppState
from web.auth import faces_of
from web.routes.common import INSTANT, REFUSALS, SignedIn, parse_instant
from web.routes.downloads import download

router = APIRouter(tags=["diagnostics"], responses=REFUSALS)


@router.get("/events", response_model=list[EventView])
async def events(
    request: Request,
    caller: SignedIn,
    since: Annotated[
        str | None, Query(pattern=INSTANT, description="ISO 8601; without an offset, UTC")
    ] = None,
    kind: Annotated[Literal["fault", "event"] | None, Query()] = None,
    level: Annotated[Literal["info", "warning", "error", "critical"] | None, Query()] = None,
    charger: Annotated[str | None, Query(max_length=32)] = None,
    connector: Annotated[str | None, Query(max_length=40)] = None,
    text: Annotated[str, Query(max_length=100)] = "",
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[EventView]:
    return await faces_of(request).operators.diagnostics.events(
        caller.operator,
        since=parse_instant("since", since),
        kind=kind,
        level=level,
        charger_id=charger,
        connector_name=connector,
        text=text,
        limit=limit,
    )


@router.get("/ocpp", response_model=OcppState)
async def ocpp(request: Request, caller: SignedIn) -> OcppState:
    return await faces_of(request).operators.diagnostics.ocpp_state(caller.operator)


@router.post("/diagnostics/self-test", response_model=list[CheckResult])
async def self_test(request: Request, caller: SignedIn) -> list[CheckResult]:
    return await faces_of(request).operators.diagnostics.self_test(caller.operator)


@router.post(
    "/diagnostics/archive",
    response_class=Response,
    responses={200: {"content": {"application/gzip": {}, "application/zip": {}}}},
)
async def archive(request: Request, caller: SignedIn) -> Response:
    """A POST: building it is audited (who took the station's logs)."""
    diagnostics = faces_of(request).operators.diagnostics

    async def write(directory: str) -> list[str]:
        return [(await diagnostics.export(caller.operator, directory)).path]

    return await download(write)
