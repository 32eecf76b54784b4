"""Sessions for a viewer and up: search and page, detail with meter values and transitions, the
receipt, and refunds for the operator role (app/admin/session_records.py)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, Field

from app.admin import (
    REFUND_REASONS,
    SESSION_METHODS,
    SESSION_STATE_FILTERS,
    RefundResult,
    SessionChoices,
    SessionDetail,
    SessionPage,
    SessionQuery,
)
from web.auth import faces_of
from web.routes.common import DAY, REFUSALS, STRICT, RecordId, SignedIn, parse_day

router = APIRouter(tags=["sessions"], responses=REFUSALS)
Method = Literal[SESSION_METHODS]  # type: ignore[valid-type]
StateFilter = Literal[SESSION_STATE_FILTERS]  # type: ignore[valid-type]
RefundReason = Literal[REFUND_REASONS]  # type: ignore[valid-type]


class Refund(BaseModel):
    model_config = STRICT

    amount_minor: int | None = Field(default=None, ge=1, le=10**9, description="None: all that is left")
    reason: RefundReason = "requested_by_customer"
    note: str = Field(default="", max_length=200)


@router.get("/sessions", response_model=SessionPage)
async def search(
    request: Request,
    caller: SignedIn,
    from_day: Annotated[str | None, Query(pattern=DAY, description="YYYY-MM-DD, the station's day")] = None,
    to_day: Annotated[str | None, Query(pattern=DAY, description="YYYY-MM-DD, included")] = None,
    last_days: Annotated[int | None, Query(ge=1, le=3660)] = None,
    connector: Annotated[str | None, Query(max_length=40)] = None,
    id_tag: Annotated[str | None, Query(max_length=20)] = None,
    method: Annotated[Method | None, Query()] = None,
    state: Annotated[StateFilter | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> SessionPage:
    query = SessionQuery(
        from_day=parse_day("from_day", from_day),
        to_day=parse_day("to_day", to_day),
        last_days=last_days,
        connector=connector,
        id_tag=id_tag,
        method=method,
        state=state,
        limit=limit,
        offset=offset,
    )
    return await faces_of(request).operators.sessions.search(caller.operator, query)


@router.get("/sessions/choices", response_model=SessionChoices)
async def choices(request: Request, caller: SignedIn) -> SessionChoices:
    return await faces_of(request).operators.sessions.choices(caller.operator)


@router.get("/sessions/{session_id}", response_model=SessionDetail)
async def detail(request: Request, session_id: RecordId, caller: SignedIn) -> SessionDetail:
    return await faces_of(request).operators.sessions.detail(caller.operator, session_id)


@router.get(
    "/sessions/{session_id}/receipt.pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}},
)
async def receipt(request: Request, session_id: RecordId, caller: SignedIn) -> Response:
    number, pdf = await faces_of(request).operators.sessions.receipt_pdf(caller.operator, session_id)
    safe = "".join(ch for ch in number if ch.isalnum() or ch == "-") or "receipt"
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{safe}.pdf"', "Cache-Control": "no-store"},
    )


@router.post("/sessions/{session_id}/refund", response_model=RefundResult)
async def refund(request: Request, session_id: RecordId, body: Refund, caller: SignedIn) -> RefundResult:
    return await faces_of(request).operators.sessions.refund(
        caller.operator,
        session_id=session_id,
        amount_minor=body.amount_minor,
        reason=body.reason,
        note=body.note,
    )
