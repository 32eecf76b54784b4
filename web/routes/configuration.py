"""Configuration and tariffs: the editable settings, a checked preview (the tariff's price lines), apply,
history and revert, with the configuration file's own validation (app/admin/configuration.py)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from app.admin import Applied, ConfigurationView, HistoryEntry, Preview
from web.auth import faces_of
from web.errors import ApiError
from web.routes.common import REFUSALS, STRICT, RecordId, SignedIn

router = APIRouter(tags=["configuration"], responses=REFUSALS)


class Changes(BaseModel):
    model_config = STRICT

    changes: dict[str, Any] = Field(
        min_length=1,
        max_length=64,
        description='Keys as the configuration file names them ("site.limit_mA", "tariff", '
        '"chargers.CP-1.phases"), values as it writes them',
    )


class PreviewAnswer(BaseModel):
    valid: bool
    preview: Preview


@router.get("/configuration", response_model=ConfigurationView)
async def current(request: Request, caller: SignedIn) -> ConfigurationView:
    return await faces_of(request).operators.configuration.current(caller.operator)


@router.post("/configuration/preview", response_model=PreviewAnswer)
async def preview(request: Request, body: Changes, caller: SignedIn) -> PreviewAnswer:
    checked = await faces_of(request).operators.configuration.preview(caller.operator, body.changes)
    return PreviewAnswer(valid=checked.valid, preview=checked)


@router.post("/configuration", response_model=Applied)
async def apply(request: Request, body: Changes, caller: SignedIn) -> Applied:
    configuration = faces_of(request).operators.configuration
    checked = await configuration.preview(caller.operator, body.changes)
    if not checked.valid:
        # The same per-key messages the preview gives, as the error's fields.
        raise ApiError(
            422,
            "invalid",
            fields=[{"field": k, "code": "invalid", "message": m} for k, m in checked.errors.items()],
        )
    return await configuration.apply(caller.operator, body.changes)


@router.get("/configuration/history", response_model=list[HistoryEntry])
async def history(
    request: Request, caller: SignedIn, limit: Annotated[int, Query(ge=1, le=500)] = 50
) -> list[HistoryEntry]:
    return await faces_of(request).operators.configuration.history(caller.operator, limit)


@router.post("/configuration/history/{change_id}/revert", response_model=Applied)
async def revert(request: Request, change_id: RecordId, caller: SignedIn) -> Applied:
    return await faces_of(request).operators.configuration.revert(caller.operator, change_id)
