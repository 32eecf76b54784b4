"""The driver's phone, without an account: start a paid session on the connector whose QR code was
scanned (the answer carries the checkout page and the phone's own link), then follow and stop that
session through the link's secret (app/driver/phone.py). Nobody else's session can be reached."""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel, Field

from app.driver import PhoneUnavailableError, PhoneView
from web.auth import faces_of, own_origin
from web.errors import ApiError
from web.routes.common import STRICT

router = APIRouter(tags=["driver"], responses={404: {}, 409: {}, 422: {}, 429: {}, 503: {}})
Secret = Annotated[str, Path(pattern=r"^[A-Za-z0-9_\-]{8,128}$")]  # any other link is simply unknown (404)

# Each start opens a checkout at the payment provider: one address may start a few per window.
STARTS_PER_WINDOW = 5
WINDOW_S = 600.0
_ADDRESSES = 4096


class Start(BaseModel):
    model_config = STRICT

    connector: str = Field(pattern=r"^[A-Za-z0-9_.\-]{1,32}/[0-9]{1,2}$", description='As "CP00/1"')
    language: Literal["en", "ms"] = "en"


class Started(BaseModel):
    link: str = Field(description="The phone's own page for this session; keep it private")
    checkout_url: str
    amount_minor: int = Field(description="The hold: the session stops before it")
    currency: str
    expires_in_s: int


class StartLimiter:
    """Starts per client address in a sliding window, for a bounded number of addresses."""

    def __init__(self) -> None:
        self._seen: OrderedDict[str, deque[float]] = OrderedDict()

    def retry_after(self, address: str, now: float) -> float:
        times = self._seen.get(address)
        if times is None:
            times = self._seen[address] = deque()
            if len(self._seen) > _ADDRESSES:
                self._seen.popitem(last=False)
        self._seen.move_to_end(address)
        while times and now - times[0] > WINDOW_S:
            times.popleft()
        if len(times) >= STARTS_PER_WINDOW:
            return WINDOW_S - (now - times[0])
        times.append(now)
        return 0.0


@router.post("/drive", response_model=Started, status_code=201)
async def start(request: Request, body: Start) -> Started:
    faces = faces_of(request)
    limiter: StartLimiter = request.app.state.drive_limiter
    wait = limiter.retry_after(request.client.host if request.client else "", time.monotonic())
    if wait > 0:
        raise ApiError(429, "too_many_requests", retry_after_s=wait)
    base = faces.public_url or own_origin(request)
    try:
        started = await faces.driver.phone.start(body.connector, body.language, base)
    except PhoneUnavailableError as error:
        raise ApiError(503 if error.code == "payments_unavailable" else 409, error.code) from None
    return Started(
        link=f"{base.rstrip('/')}/s/{started.secret}",
        checkout_url=started.checkout_url,
        amount_minor=started.amount_minor,
        currency=started.currency,
        expires_in_s=started.expires_in_s,
    )


@router.get("/drive/{secret}", response_model=PhoneView)
async def follow(request: Request, secret: Secret) -> PhoneView:
    view = await faces_of(request).driver.phone.view(secret)
    if view is None:
        raise ApiError(404, "link_invalid")
    return view


@router.post("/drive/{secret}/stop", response_model=PhoneView)
async def stop(request: Request, secret: Secret) -> PhoneView:
    view = await faces_of(request).driver.phone.stop(secret)
    if view is None:
        raise ApiError(404, "link_invalid")
    return view
