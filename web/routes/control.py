"""Technician actions on chargers and connectors: the very operations of the admin mode's Control
screen (app/admin/control.py), role-checked and audited there."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from app.admin import REASONS, AvailabilityResult, CommandResult, ControlConnector, SelfTestResult, StopResult
from web.auth import faces_of
from web.routes.common import REFUSALS, STRICT, ChargerId, ConnectorNumber, SignedIn

router = APIRouter(tags=["control"], responses=REFUSALS)
Reason = Literal[REASONS]  # type: ignore[valid-type]


class Availability(BaseModel):
    model_config = STRICT

    available: bool
    reason: Reason = "other"


class Stop(BaseModel):
    model_config = STRICT

    reason: Reason = "other"


class ClearFault(BaseModel):
    model_config = STRICT

    fault: str = Field(pattern=r"^[a-z_]{1,40}$", description="A latched fault's catalogue code")


@router.get("/control/connectors", response_model=list[ControlConnector])
async def control_connectors(request: Request, caller: SignedIn) -> list[ControlConnector]:
    return await faces_of(request).operators.control.connectors(caller.operator)


@router.post("/connectors/{charger_id}/{number}/availability", response_model=AvailabilityResult)
async def set_availability(
    request: Request, charger_id: ChargerId, number: ConnectorNumber, body: Availability, caller: SignedIn
) -> AvailabilityResult:
    return await faces_of(request).operators.control.set_available(
        caller.operator, f"{charger_id}/{number}", body.available, body.reason
    )


@router.post("/connectors/{charger_id}/{number}/stop", response_model=StopResult)
async def stop_session(
    request: Request, charger_id: ChargerId, number: ConnectorNumber, body: Stop, caller: SignedIn
) -> StopResult:
    return await faces_of(request).operators.control.stop_session(
        caller.operator, f"{charger_id}/{number}", body.reason
    )


@router.post("/connectors/{charger_id}/{number}/unlock", response_model=CommandResult)
async def unlock(
    request: Request, charger_id: ChargerId, number: ConnectorNumber, caller: SignedIn
) -> CommandResult:
    return await faces_of(request).operators.control.unlock(caller.operator, f"{charger_id}/{number}")


@router.post("/chargers/{charger_id}/restart", response_model=CommandResult)
async def restart(request: Request, charger_id: ChargerId, caller: SignedIn) -> CommandResult:
    return await faces_of(request).operators.control.restart_charger(caller.operator, charger_id)


@router.post("/chargers/{charger_id}/clear-fault", response_model=CommandResult)
async def clear_fault(
    request: Request, charger_id: ChargerId, body: ClearFault, caller: SignedIn
) -> CommandResult:
    return await faces_of(request).operators.control.clear_fault(caller.operator, charger_id, body.fault)


@router.post("/chargers/{charger_id}/self-test", response_model=SelfTestResult)
async def self_test(request: Request, charger_id: ChargerId, caller: SignedIn) -> SelfTestResult:
    return await faces_of(request).operators.control.self_test(caller.operator, charger_id)
