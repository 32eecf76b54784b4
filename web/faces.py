"""What the web face is given by the launcher: the facades, the live feed and the station's particulars."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.admin import OperatorFacade
    from app.driver import DriverFacade
    from app.live import LiveFeed


@dataclass
class WebFaces:
    driver: DriverFacade
    operators: OperatorFacade
    station_id: str
    station_name: str
    version: str
    live: LiveFeed | None = None  # None: no live feed (the WebSocket refuses)
    languages: tuple[str, ...] = ("en", "ms")
    public_url: str = ""  # how phones reach the station ([web] public_url); empty: the request's origin


@dataclass(frozen=True)
class WebOptions:
    """The [web] settings the app itself needs (the listener's are the server's)."""

    tls: bool = True
    max_body_bytes: int = 1_048_576
    max_upload_bytes: int = 67_108_864
    live_clients: int = 500
    live_queue: int = 256
    # Where uploaded firmware packages wait (each in a directory of its own); the launcher gives one
    # under the state directory.
    upload_dir: Path = field(default_factory=lambda: Path(tempfile.gettempdir()) / "evse-web-uploads")
