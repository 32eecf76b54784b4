"""What anyone may read (the station, its connectors' state and price) and what a viewer may read (the
overview: every charger, its link, the site's load and the balancer's reasons)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel

from app.admin import ChargerOverview, Overview
from web.auth import Caller, faces_of, signed_in
from web.errors import ApiError, language_of

router = APIRouter(tags=["station"])
SIGNED_IN: dict[int | str, dict[str, object]] = {401: {}, 403: {}, 404: {}, 422: {}}
# A connector is addressed as its charger and its number: /connectors/CP00/1 is "CP00/1".
ChargerId = Annotated[str, Path(pattern=r"^[A-Za-z0-9_.\-]{1,32}$")]
ConnectorNumber = Annotated[int, Path(ge=1, le=99)]
Language = Literal["en", "ms"]


class StationInfo(BaseModel):
    station_id: str
    name: str
    version: str
    languages: list[str]
    time: datetime


class PublicConnector(BaseModel):
    """What a driver's phone may know of a connector: no session, card or amount of anybody's."""

    connector_id: str
    number: int
    label: str
    state: str
    fault: str | None
    available: bool
    max_power_W: int
    currency: str


class Price(BaseModel):
    currency: str
    headline: str
    lines: list[str]
    language: str


@router.get("/station", response_model=StationInfo)
async def station(request: Request) -> StationInfo:
    faces = faces_of(request)
    return StationInfo(
        station_id=faces.station_id,
        name=faces.station_name,
        version=faces.version,
        languages=list(faces.languages),
        time=datetime.now(UTC),
    )


def _public(request: Request) -> list[PublicConnector]:
    return [
        PublicConnector(
            connector_id=card.connector_id,
            number=card.number,
            label=card.label,
            state=card.state,
            fault=card.fault,
            available=card.state in ("available", "preparing"),
            max_power_W=card.max_power_W,
            currency=card.currency,
        )
        for card in faces_of(request).driver.connectors()
    ]


@router.get("/connectors", response_model=list[PublicConnector])
async def connectors(request: Request) -> list[PublicConnector]:
    return _public(request)


@router.get("/connectors/{charger_id}/{number}", response_model=PublicConnector, responses={404: {}, 422: {}})
async def connector(request: Request, charger_id: ChargerId, number: ConnectorNumber) -> PublicConnector:
    connector_id = f"{charger_id}/{number}"
    found = next((c for c in _public(request) if c.connector_id == connector_id), None)
    if found is None:
        raise ApiError(404, "unknown_connector")
    return found


@router.get("/tariff", response_model=Price, responses={422: {}})
async def tariff(request: Request, language: Annotated[Language | None, Query()] = None) -> Price:
    """The price a driver pays, in the words of the kiosk's price screen."""
    driver = faces_of(request).driver
    chosen = language or language_of(request)
    return Price(
        currency=driver.payment_offer().currency,
        headline=driver.price_headline(chosen),
        lines=driver.price_lines(chosen),
        language=chosen,
    )


@router.get("/overview", response_model=Overview, responses=SIGNED_IN)
async def overview(request: Request, caller: Annotated[Caller, Depends(signed_in)]) -> Overview:
    return await faces_of(request).operators.overview.snapshot(caller.operator)


@router.get("/chargers", response_model=list[ChargerOverview], responses=SIGNED_IN)
async def chargers(request: Request, caller: Annotated[Caller, Depends(signed_in)]) -> list[ChargerOverview]:
    return list((await faces_of(request).operators.overview.snapshot(caller.operator)).chargers)


@router.get("/chargers/{charger_id}", response_model=ChargerOverview, responses=SIGNED_IN)
async def charger(
    request: Request, charger_id: ChargerId, caller: Annotated[Caller, Depends(signed_in)]
) -> ChargerOverview:
    snapshot = await faces_of(request).operators.overview.snapshot(caller.operator)
    found = next((c for c in snapshot.chargers if c.charger_id == charger_id), None)
    if found is None:
        raise ApiError(404, "unknown_charger")
    return found
