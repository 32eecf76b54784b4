"""Delivers the ledger's OCPP transaction messages to the CSMS in order, once confirmed, never lost.

The "ocpp" outbox stream holds StartTransaction, MeterValues and StopTransaction in the order their
facts were committed (OCPP 1.6 section 3.7, transaction-related messages). Only its head is ever
sent; a confirmation is committed with its effects (the CSMS's transactionId on the session) and the
claim of the next message in one transaction. Lifecycle, retries and parking: docs/ocpp-transactions.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from app.background_tasks import BackgroundTasks
from app.db import ChargingSession, OutboxMessage, outbox, read_only, utc_now
from app.ocpp.errors import CsmsCallError
from app.sessions import OUTBOX_STREAM, tx_messages

log = logging.getLogger(__name__)

Send = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]]
ConfigGetter = Callable[[str], object]
Callback = Callable[..., object]  # may return an awaitable
# What a delivery attempt leaves to commit: settles the claim in the caller's transaction, returns the
# callbacks to run once that transaction is committed.
Settlement = Callable[[Connection], list[Callable[[], object]]]

ATTEMPTS_KEY = "TransactionMessageAttempts"
INTERVAL_KEY = "TransactionMessageRetryInterval"
DEFAULT_ATTEMPTS = 3
DEFAULT_INTERVAL_S = 60
LEASE = timedelta(minutes=10)  # longer than any call's timeout; a restart ends a killed run's claims at once
RECONNECT_FALLBACK_S = 5.0  # a send found no connection and no new one is reported: try again this late
POLL_S = 5.0  # looks at the outbox this often even without a wake() (a writer that forgot to call it)
ERROR_PAUSE_S = 1.0  # the ledger failed (disk full, PostgreSQL restarting): try again after this


class TransactionQueue:
    """The single deliverer of one ledger's "ocpp" stream (one per station process).

    `send(action, payload)` returns the CSMS's response payload and raises CsmsCallError for a
    CALLERROR, TimeoutError / ConnectionError when there is no answer. `config_getter(key)` gives the
    current value of an OCPP configuration key (TransactionMessageAttempts, TransactionMessageRetryInterval),
    read at each decision so a change applies at once. Callbacks run after the commit they follow:
    `on_id_tag_info(id_tag, id_tag_info)` (authorisation cache), `on_start_rejected(session_id, status)`
    (StartTransaction.conf idTagInfo not Accepted: the caller applies StopTransactionOnInvalidId),
    `on_transaction_id(session_id, transaction_id)` (the CSMS numbered the transaction: its TxProfiles
    can apply) and
    `on_parked(message)` (an outbox.ParkedMessage to report).
    """

    def __init__(
        self,
        engine: Engine,
        send: Send,
        config_getter: ConfigGetter,
        clock: Callable[[], datetime] = utc_now,
        *,
        on_id_tag_info: Callback | None = None,
        on_start_rejected: Callback | None = None,
        on_transaction_id: Callback | None = None,
        on_parked: Callback | None = None,
        stream: str = OUTBOX_STREAM,
        lease: timedelta = LEASE,
    ) -> None:
        self.engine = engine
        self._reader = read_only(engine)
        self.stream = stream
        self.counters: Counter[str] = Counter()
        # Counts made inside a ledger transaction (a worker thread) land in `counters` only once it
        # has committed, so a count never runs ahead of the rows it describes.
        self._staged: Counter[str] = Counter()
        self._send = send
        self._config = config_getter
        self._clock = clock
        self._lease = lease
        self._on_id_tag_info = on_id_tag_info
        self._on_start_rejected = on_start_rejected
        self._on_transaction_id = on_transaction_id
        self._on_parked = on_parked
        self._online = False
        self._generation = 0  # connections reported up so far
        self._lost_generation = -1  # the connection a send found gone (or silent)
        self._hold_until = 0.0  # ...on which nothing is sent before this time (monotonic)
        self._wake = asyncio.Event()
        self._task = BackgroundTasks("OCPP transaction queue", log)

    # -- life cycle and connection ------------------------------------------------------------------

    async def start(self) -> None:
        """Resumes from the ledger: claims left by a killed predecessor end now (their messages are sent
        again: at least once), then delivery runs whenever a connection is up."""
        self._release_stale_claims()
        self._task.start(self._run(), name="ocpp transaction queue")

    async def close(self) -> None:
        await self._task.close()

    def connection_up(self) -> None:
        """The CSMS accepted the BootNotification on a new connection: delivery may run (OCPP 1.6
        section 4.2: nothing else is sent before)."""
        self._online = True
        self._generation += 1
        self._wake.set()

    def connection_down(self) -> None:
        self._online = False

    def wake(self) -> None:
        """A message was enqueued (or anything else changed): look at the outbox now."""
        self._wake.set()

    # -- what an operator and the status screens see ----------------------------------------------------

    def pending_count(self) -> int:
        with self._reader.connect() as db:
            return outbox.pending_count(db, self.stream)

    def parked(self) -> list[outbox.ParkedMessage]:
        with self._reader.connect() as db:
            return outbox.parked(db, self.stream)

    def retry_parked(self, message_ids: Sequence[int] | None = None) -> int:
        """Puts parked messages (all, or those given) back at their place in the order; returns how many."""
        with self.engine.begin() as db:
            ids = [m.id for m in outbox.parked(db, self.stream)] if message_ids is None else list(message_ids)
            count = sum(outbox.unpark(db, message_id, now=self._clock()) for message_id in ids)
        self.counters["unparked"] += count
        self.wake()
        return count

    # -- the delivery loop ----------------------------------------------------------------------------

    async def _run(self) -> None:
        while True:
            try:
                await self._deliver()
            except asyncio.CancelledError:
                raise
            except Exception:
                self.counters["errors"] += 1
                log.exception("OCPP transaction queue: the ledger failed; retrying")
                await asyncio.sleep(ERROR_PAUSE_S)
                # A settlement lost with the failed transaction left its claim: end it (sent again).
                with contextlib.suppress(Exception):
                    self._release_stale_claims()

    async def _deliver(self) -> None:
        settlement: Settlement | None = None
        while True:
            self._wake.clear()
            ready = self._ready()
            claimed = await self._commit(settlement, claim=ready)
            settlement = None
            if claimed is not None:
                settlement = await self._attempt(*claimed)
                continue
            if not self._online:
                delay: float | None = POLL_S
            elif not ready:
                delay = max(0.05, self._hold_until - time.monotonic())
            else:
                delay = self._until_next_attempt()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(delay):
                    await self._wake.wait()

    def _ready(self) -> bool:
        """A connection is up and no send found it gone or silent (or the hold time has passed)."""
        if not self._online:
            return False
        return self._generation != self._lost_generation or time.monotonic() >= self._hold_until

    def _hold(self, seconds: float, generation: int) -> None:
        """Sends nothing more on connection `generation` (the one the send used) until a new one is up,
        or `seconds` have passed. A connection that came up while the send waited is not held."""
        self._lost_generation, self._hold_until = generation, time.monotonic() + seconds

    async def _commit(
        self, settlement: Settlement | None, *, claim: bool
    ) -> tuple[outbox.ClaimedMessage, int | None] | None:
        """One transaction: the previous message's settlement, the claim of the next head and the
        transactionId it needs (its session's, as known now)."""
        if settlement is None and not claim:
            return None
        # A worker thread: the commit waits for the disk (synchronous=FULL), and the event loop that
        # polls the chargers must not wait with it (a commit per message held 64 links' polls).
        self._staged.clear()  # what a failed transaction counted is void
        claimed, after = await asyncio.to_thread(self._transact, settlement, claim)
        self.counters.update(self._staged)
        self._staged.clear()
        for callback in after:
            await self._call_safely(callback)
        return claimed

    def _transact(
        self, settlement: Settlement | None, claim: bool
    ) -> tuple[tuple[outbox.ClaimedMessage, int | None] | None, list[Callable[[], object]]]:
        after: list[Callable[[], object]] = []
        claimed: tuple[outbox.ClaimedMessage, int | None] | None = None
        with self.engine.begin() as db:
            if settlement is not None:
                after = settlement(db)
            message = (
                outbox.claim_next(db, self.stream, lease=self._lease, now=self._clock()) if claim else None
            )
            if message is not None:
                transaction_id = None
                if tx_messages.needs_transaction_id(message.kind, message.payload):
                    session_id = tx_messages.session_id_of(message.payload)
                    transaction_id = db.scalar(
                        select(ChargingSession.csms_transaction_id).where(ChargingSession.id == session_id)
                    )
                claimed = (message, transaction_id)
        return claimed, after

    def _until_next_attempt(self) -> float:
        with self._reader.connect() as db:
            at = outbox.next_attempt_at(db, self.stream)
        if at is None:
            return POLL_S
        return min(POLL_S, max(0.0, (at - self._clock()).total_seconds()))

    def _release_stale_claims(self) -> None:
        with self.engine.begin() as db:
            self.counters["claims released at start"] += outbox.release_stale_claims(db, self.stream)

    async def _call_safely(self, callback: Callable[[], object]) -> None:
        try:
            result = callback()
            if inspect.isawaitable(result):
                await result
        except Exception:
            log.exception("OCPP transaction queue: a callback failed")

    # -- one attempt ---------------------------------------------------------------------------------

    async def _attempt(self, message: outbox.ClaimedMessage, transaction_id: int | None) -> Settlement:
        try:
            request = tx_messages.to_request(message.kind, message.payload, transaction_id)
        except (tx_messages.NoTransactionIdError, tx_messages.UnknownMessageError) as error:
            # Never sendable (no transactionId: the session's StartTransaction was parked): parked
            # at once with the reason, the session's billing record untouched.
            return self._park(message, str(error))
        except (KeyError, TypeError, ValueError) as error:
            return self._park(message, f"malformed outbox payload: {error!r}")
        if request is None:
            self.counters["nothing to send"] += 1
            return self._confirm(message, None, {})
        self.counters["sent"] += 1
        generation = self._generation
        try:
            response = await self._send(request.action, request.payload)
        except CsmsCallError as error:
            return self._refused(message, f"CALLERROR {error.code}: {error.description}")
        except TimeoutError as error:
            # No answer on a connection that looks up: not a failure to process (section 3.7 counts
            # only those), so it uses up no attempt. The message is sent again on the next connection,
            # or after the retry interval if this one stays (its dead-connection check decides).
            self.counters["no answer"] += 1
            self._hold(max(0.1, self._setting(INTERVAL_KEY, DEFAULT_INTERVAL_S)), generation)
            return self._release(message, f"no answer: {error}", self._clock())
        except ConnectionError as error:
            self.counters["connection lost"] += 1
            self._hold(RECONNECT_FALLBACK_S, generation)
            return self._release(message, f"connection lost: {error}", self._clock())
        except Exception as error:
            # A fault on this side (the payload failed the library's schema check...) would repeat on
            # every try: it counts as a failure to process, so it ends parked instead of blocking the queue.
            log.exception("OCPP transaction queue: sending %s failed", request.action)
            return self._refused(message, f"local error: {error!r}")
        if request.action == "StartTransaction" and not _valid_start_conf(response):
            return self._refused(
                message, f"StartTransaction.conf without a valid transactionId: {response!r}"
            )
        return self._confirm(message, request, response)

    def _setting(self, key: str, default: float) -> float:
        """A numeric configuration key now; its default when unset or unreadable (OCPP keys are text)."""
        try:
            value = self._config(key)
            return default if value is None else float(str(value))
        except (KeyError, ValueError):
            return default

    def _release(self, message: outbox.ClaimedMessage, error: str, retry_at: datetime) -> Settlement:
        def settle(db: Connection) -> list[Callable[[], object]]:
            outbox.release(db, message.id, message.claim_token, error=error, retry_at=retry_at, counted=False)
            return []

        return settle

    def _refused(self, message: outbox.ClaimedMessage, error: str) -> Settlement:
        """A failure to process (OCPP 1.6 section 3.7): retried after the interval times the number of
        tries so far, until TransactionMessageAttempts tries have failed; then parked."""
        self.counters["refused"] += 1
        attempts = max(1, self._setting(ATTEMPTS_KEY, DEFAULT_ATTEMPTS))
        if message.attempts >= attempts:
            return self._park(message, error)
        interval_s = max(0, self._setting(INTERVAL_KEY, DEFAULT_INTERVAL_S))
        retry_at = self._clock() + timedelta(seconds=interval_s * message.attempts)

        def settle(db: Connection) -> list[Callable[[], object]]:
            outbox.release(db, message.id, message.claim_token, error=error, retry_at=retry_at)
            return []

        return settle

    def _park(self, message: outbox.ClaimedMessage, error: str) -> Settlement:
        def settle(db: Connection) -> list[Callable[[], object]]:
            now = self._clock()
            if not outbox.park(db, message.id, message.claim_token, error=error, now=now):
                return []
            self._staged["parked"] += 1
            log.warning(
                "OCPP %s of session %s parked: %s", message.kind, message.payload.get("session_id"), error
            )
            report = outbox.ParkedMessage(
                message.id,
                message.stream,
                message.seq,
                message.kind,
                message.payload,
                message.attempts,
                error,
                now,
            )
            on_parked = self._on_parked
            return [lambda: on_parked(report)] if on_parked else []

        return settle

    def _confirm(
        self,
        message: outbox.ClaimedMessage,
        request: tx_messages.OcppRequest | None,
        response: dict[str, Any],
    ) -> Settlement:
        """The CSMS confirmed: ack and apply its effects, exactly once (only while holding the claim)."""
        session_id = tx_messages.session_id_of(message.payload)

        def settle(db: Connection) -> list[Callable[[], object]]:
            if message.kind == tx_messages.KIND_STARTED:
                transaction_id = int(response["transactionId"])
                holder = _other_holder(db, session_id, transaction_id)
                if holder is not None and _has_undelivered(db, self.stream, holder):
                    error = f"transactionId {transaction_id} belongs to session {holder}"
                    return self._park(message, error)(db)
                if not outbox.ack(db, message.id, message.claim_token, now=self._clock()):
                    self._staged["stale confirmations"] += 1
                    return []
                if holder is not None:
                    # The CSMS reuses a number (its database was reset): the newest transaction gets it;
                    # the older session is complete and keeps its billing record.
                    self._staged["transaction ids reused"] += 1
                    log.warning("CSMS reused transactionId %s of session %s", transaction_id, holder)
                    _set_transaction_id(db, holder, None)
                _set_transaction_id(db, session_id, transaction_id)
            elif not outbox.ack(db, message.id, message.claim_token, now=self._clock()):
                self._staged["stale confirmations"] += 1
                return []
            if request is not None:
                self._staged["delivered"] += 1
                self._staged[f"delivered {request.action}"] += 1
            return self._after_confirmation(message, request, response, session_id)

        return settle

    def _after_confirmation(
        self,
        message: outbox.ClaimedMessage,
        request: tx_messages.OcppRequest | None,
        response: dict[str, Any],
        session_id: int | None,
    ) -> list[Callable[[], object]]:
        after: list[Callable[[], object]] = []
        info = response.get("idTagInfo")
        id_tag = request.payload.get("idTag") if request is not None else None
        if isinstance(info, dict) and id_tag and self._on_id_tag_info is not None:
            on_info = self._on_id_tag_info
            after.append(lambda: on_info(id_tag, info))
        on_id = self._on_transaction_id
        numbered = message.kind == tx_messages.KIND_STARTED and _valid_start_conf(response)
        if numbered and on_id is not None and session_id is not None:
            transaction_id = int(response["transactionId"])
            after.append(lambda: on_id(session_id, transaction_id))
        if message.kind == tx_messages.KIND_STARTED and isinstance(info, dict):
            status = info.get("status")
            if status != "Accepted":
                self._staged["starts rejected"] += 1
                if self._on_start_rejected is not None:
                    on_rejected = self._on_start_rejected
                    after.append(lambda: on_rejected(session_id, status))
        return after


def _valid_start_conf(response: dict[str, Any]) -> bool:
    transaction_id = response.get("transactionId")
    return isinstance(transaction_id, int) and not isinstance(transaction_id, bool)


def _other_holder(db: Connection, session_id: int | None, transaction_id: int) -> int | None:
    """Another session that already holds this CSMS transactionId (unique in the ledger)."""
    return db.scalar(
        select(ChargingSession.id).where(
            ChargingSession.csms_transaction_id == transaction_id, ChargingSession.id != session_id
        )
    )


def _has_undelivered(db: Connection, stream: str, session_id: int) -> bool:
    """The session still has messages to deliver (rare path: only when a transactionId is reused)."""
    payloads = db.scalars(
        select(OutboxMessage.payload).where(
            OutboxMessage.stream == stream, OutboxMessage.delivered_at.is_(None)
        )
    )
    return any(tx_messages.session_id_of(p) == session_id for p in payloads)


def _set_transaction_id(db: Connection, session_id: int | None, transaction_id: int | None) -> None:
    # updated_at keeps its value: it dates the session's own state changes (recovery reads it).
    db.execute(
        update(ChargingSession)
        .where(ChargingSession.id == session_id)
        .values(csms_transaction_id=transaction_id, updated_at=ChargingSession.updated_at)
    )
