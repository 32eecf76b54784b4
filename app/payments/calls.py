"""One provider call, ledger first: its intent and key written, the call made on a worker thread, its
outcome written; a call whose outcome is unknown stays open for the same key to repeat it."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Engine

from app.db import LedgerWriter, Payment
from app.payments.ledger import begin_call, finish_call, update_payment
from hal.payments import PaymentProvider, ProviderError

T = TypeVar("T")


def summary(result: object) -> dict[str, Any] | None:
    """What the ledger keeps of a provider's answer: its dataclass fields as JSON (ids, states, amounts)."""
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        return {
            name: (value.isoformat() if isinstance(value, datetime) else value)
            for name, value in dataclasses.asdict(result).items()
            if isinstance(value, str | int | float | bool | datetime | type(None))
        }
    return None


class ProviderCalls:
    """Runs provider calls for the payment service: the ledger writes on the writer thread, the call on a
    worker thread, nothing blocking on the event loop."""

    def __init__(
        self, engine: Engine, writer: LedgerWriter, provider: PaymentProvider, clock: Callable[[], datetime]
    ) -> None:
        self.engine = engine
        self.writer = writer
        self.provider = provider
        self.clock = clock

    async def run(
        self,
        payment_id: int,
        operation: str,
        request: dict[str, Any],
        call: Callable[[str], T],
        *,
        state: str | None = None,
        new_attempt: bool = False,
        changes: Callable[[T], dict[str, Any]] | None = None,
    ) -> T:
        """Makes `call(key)`; writes the payment's `state` with the intent and `changes(result)` with the
        outcome. A ProviderError is recorded (unknown when retryable) and raised."""
        ticket = await self.writer.run(
            begin_call,
            self.engine,
            payment_id,
            operation,
            request,
            self.clock(),
            new_attempt=new_attempt,
            state=state,
        )
        try:
            result = await asyncio.to_thread(call, ticket.key)
        except ProviderError as error:
            outcome = "unknown" if error.retryable else "failed"
            await self.writer.run(
                finish_call, self.engine, ticket, outcome, self.clock(), error=f"{error.kind}: {error}"[:2000]
            )
            raise
        await self.writer.run(
            finish_call,
            self.engine,
            ticket,
            "succeeded",
            self.clock(),
            result=summary(result),
            payment=changes(result) if changes is not None else None,
        )
        return result

    async def ask(self, call: Callable[[], T]) -> T:
        """A read (retrieve, poll): nothing to record before it, so it only leaves the loop."""
        return await asyncio.to_thread(call)

    async def update(self, payment_id: int, changes: dict[str, Any]) -> Payment:
        return await self.writer.run(update_payment, self.engine, payment_id, changes, self.clock())
