"""Analytics for a viewer and up: the figures of a period and scope (revenue for the operator role
only) and the monthly report as PDF or CSV (app/admin/analytics_view.py, docs/analytics.md)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from app.admin.analytics_view import PARTS, SITE, AnalyticsFigures, Part, PeriodName, Scope, ScopeChoices
from web.auth import faces_of
from web.routes.common import REFUSALS, SignedIn
from web.routes.downloads import download

router = APIRouter(tags=["analytics"], responses=REFUSALS)


@router.get("/analytics/scopes", response_model=ScopeChoices)
async def scopes(request: Request, caller: SignedIn) -> ScopeChoices:
    return await faces_of(request).operators.analytics.scopes(caller.operator)


@router.get("/analytics/figures", response_model=AnalyticsFigures)
async def figures(
    request: Request,
    caller: SignedIn,
    period: Annotated[PeriodName, Query()] = "this_month",
    charger: Annotated[str | None, Query(max_length=32)] = None,
    connector: Annotated[str | None, Query(max_length=40)] = None,
    parts: Annotated[list[Part] | None, Query()] = None,
) -> AnalyticsFigures:
    scope = Scope(connector=connector) if connector else Scope(charger=charger) if charger else SITE
    asked = frozenset(parts) if parts else frozenset(PARTS)
    return await faces_of(request).operators.analytics.figures(caller.operator, period, scope, asked)


@router.get(
    "/analytics/report",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}, "text/csv": {}}}},
)
async def report(
    request: Request,
    caller: SignedIn,
    month: Annotated[str, Query(pattern=r"^[0-9]{4}-[0-9]{2}$")],
    file: Annotated[Literal["report", "sessions", "days"], Query(description="report: the PDF")] = "report",
    language: Annotated[Literal["en", "ms"], Query()] = "en",
) -> Response:
    analytics = faces_of(request).operators.analytics

    async def write(directory: str) -> list[str]:
        written = await analytics.export_report(caller.operator, month, directory, language)
        return list(written.paths)

    return await download(write, f"{file}-")
