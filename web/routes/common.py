"""What the route modules share: how a route names the signed-in caller and a connector."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path

from web.auth import Caller, signed_in

SignedIn = Annotated[Caller, Depends(signed_in)]
# A connector is addressed as its charger and its number: /connectors/CP00/1 is "CP00/1".
ChargerId = Annotated[str, Path(pattern=r"^[A-Za-z0-9_.\-]{1,32}$")]
ConnectorNumber = Annotated[int, Path(ge=1, le=99)]
RecordId = Annotated[int, Path(ge=1, le=2**62)]
# The refusals a signed-in operation may answer (the description lists them with the error shape).
REFUSALS: dict[int | str, dict[str, object]] = {401: {}, 403: {}, 404: {}, 409: {}, 422: {}, 503: {}}
