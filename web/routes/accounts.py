"""Signing in and out of the web, who is signed in, and the API tokens of integrations (docs/web.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response
from pydantic import BaseModel, Field

from web.auth import Caller, clear_session_cookie, faces_of, identify, set_session_cookie, signed_in
from web.errors import ApiError
from web.routes.common import STRICT

router = APIRouter(tags=["accounts"])

SESSION_COOKIE_MAX_AGE_S = (
    12 * 3600
)  # the web session's absolute lifetime; the station ends it sooner when idle


class Login(BaseModel):
    model_config = STRICT

    name: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


class Me(BaseModel):
    account_id: int
    name: str
    role: str
    via: str
    csrf_token: str = Field(description="Send it as X-CSRF-Token with every change made with the cookie")


class NewToken(BaseModel):
    model_config = STRICT

    name: str = Field(min_length=1, max_length=64)
    scopes: list[str] = Field(min_length=1, max_length=3)
    expires_days: int | None = Field(default=None, ge=1, le=3650)
    account_id: int | None = Field(default=None, ge=1, description="Default: the caller's own account")


class Token(BaseModel):
    token_id: int
    account_id: int
    name: str
    scopes: list[str]
    created_at: datetime
    expires_at: datetime | None
    last_used_at: datetime | None
    revoked_at: datetime | None


class CreatedToken(BaseModel):
    token: Token
    secret: str = Field(description="Shown this once; the station keeps only its hash")


def _me(caller: Caller) -> Me:
    operator = caller.operator
    return Me(
        account_id=operator.account_id,
        name=operator.name,
        role=operator.role,
        via=caller.via,
        csrf_token=caller.csrf_token,
    )


@router.post("/auth/login", response_model=Me, responses={401: {}, 429: {}})
async def login(request: Request, response: Response, body: Login) -> Me:
    client = request.client.host if request.client else ""
    result = await faces_of(request).operators.web_sign_in(body.name, body.password, client)
    if result.operator is None:
        if result.refusal == "wait":
            raise ApiError(429, "wait", retry_after_s=result.retry_after_s)
        raise ApiError(401, "wrong")
    set_session_cookie(response, result.session_secret, SESSION_COOKIE_MAX_AGE_S)
    return _me(Caller(result.operator, "session", result.csrf_token))


@router.post("/auth/logout", status_code=204, responses={401: {}, 403: {}})
async def logout(request: Request, caller: Annotated[Caller, Depends(signed_in)]) -> Response:
    if caller.via == "session":
        await faces_of(request).operators.web_sign_out(caller.operator)
    response = Response(status_code=204)
    clear_session_cookie(response)
    return response


@router.get("/auth/me", response_model=Me, responses={401: {}})
async def me(request: Request) -> Me:
    caller = await identify(request)
    if caller is None:
        raise ApiError(401, "not_signed_in")
    return _me(caller)


def _token(view: object) -> Token:
    return Token.model_validate(view, from_attributes=True)


@router.get("/tokens", response_model=list[Token], responses={401: {}, 403: {}})
async def tokens(request: Request, caller: Annotated[Caller, Depends(signed_in)]) -> list[Token]:
    views = await faces_of(request).operators.api_tokens(caller.operator)
    return [_token(v) for v in views]


@router.post("/tokens", response_model=CreatedToken, status_code=201, responses={401: {}, 403: {}, 409: {}})
async def create_token(
    request: Request, body: NewToken, caller: Annotated[Caller, Depends(signed_in)]
) -> CreatedToken:
    created = await faces_of(request).operators.create_api_token(
        caller.operator,
        body.account_id or caller.operator.account_id,
        body.name,
        body.scopes,
        body.expires_days,
    )
    return CreatedToken(token=_token(created.token), secret=created.secret)


@router.delete("/tokens/{token_id}", status_code=204, responses={401: {}, 403: {}, 404: {}})
async def revoke_token(
    request: Request,
    token_id: Annotated[int, Path(ge=1, le=2**62)],
    caller: Annotated[Caller, Depends(signed_in)],
) -> Response:
    await faces_of(request).operators.revoke_api_token(caller.operator, token_id)
    return Response(status_code=204)
