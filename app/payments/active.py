"""A payment a flow is working on now: what cancel() reaches."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field


@dataclass
class ActivePayment:
    """A payment a flow is working on (taking the hold, or waiting for the QR page)."""

    payment_id: int
    cancel: asyncio.Event = field(default_factory=asyncio.Event)
    reader_id: str | None = None
