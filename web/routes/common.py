"""What the route modules share: how a route names the signed-in caller and a connector."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import Depends, Path
from pydantic import ConfigDict

from web.auth import Caller, signed_in
from web.errors import ApiError

SignedIn = Annotated[Caller, Depends(signed_in)]
# A connector is addressed as its charger and its number: /connectors/CP00/1 is "CP00/1".
ChargerId = Annotated[str, Path(pattern=r"^[A-Za-z0-9_.\-]{1,32}$")]
ConnectorNumber = Annotated[int, Path(ge=1, le=99)]
RecordId = Annotated[int, Path(ge=1, le=2**62)]
# The refusals a signed-in operation may answer (the description lists them with the error shape).
REFUSALS: dict[int | str, dict[str, object]] = {401: {}, 403: {}, 404: {}, 409: {}, 422: {}, 503: {}}
# Request bodies are read strictly (a JSON true is a bool, "5" is not an int, 0 is not false) and may
# not carry fields the description does not name.
STRICT = ConfigDict(strict=True, extra="forbid")

# Days and instants in queries are ISO 8601 text only (a number is not a date).
DAY = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
INSTANT = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})?$"
)


def parse_day(name: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _invalid(name, "not a calendar day") from None


def parse_instant(name: str, text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise _invalid(name, "not a time") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _invalid(name: str, message: str) -> ApiError:
    return ApiError(
        422, "invalid", fields=[{"field": f"query.{name}", "code": "value_error", "message": message}]
    )
