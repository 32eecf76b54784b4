"""The operator facade's sessions group: search the sessions, show one with its meter values,
transitions, cost, payments, refunds and receipt, and refund a paid session (docs/admin.md "Sessions").

Reads run on a worker thread (OperatorContext.read); a refund goes through PaymentService.refund,
which writes the refund row before the provider is asked and the provider's answer after, on the
payments' own writer, so the audit row follows with the outcome once it is known.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session, aliased

from app.admin.context import OperationError, Operator, OperatorContext
from app.admin.session_views import (
    MAX_PAGE,
    REFUND_REASONS,
    SESSION_METHODS,
    SESSION_STATE_FILTERS,
    CostLineView,
    MeterPoint,
    PaymentView,
    ReceiptView,
    RefundResult,
    RefundView,
    SessionChoices,
    SessionDetail,
    SessionPage,
    SessionQuery,
    SessionRow,
    TransitionView,
)
from app.db import (
    ChargingSession,
    Connector,
    MeterRollup,
    MeterSample,
    Payment,
    Receipt,
    Refund,
    SessionCostLine,
    SessionTransition,
)
from app.money import minor_digits
from app.payments import RefundRefusedError
from app.sessions import ENDED, RUNNING_STATES

if TYPE_CHECKING:
    from app.payments import PaymentService

MAX_METER_POINTS = 60  # what a detail screen's small table or sparkline can show
MINUTE_S = 60


def _bound(payment: Any, session_id: Any) -> Any:
    """The payment bound to a session: the latest of its payments (a failed attempt may precede it)."""
    later = aliased(Payment, name="later")
    newer = select(later.id).where(later.session_id == payment.session_id, later.id > payment.id).exists()
    return and_(payment.session_id == session_id, ~newer)


def _local_range(
    query: SessionQuery, zone: ZoneInfo, now: datetime
) -> tuple[datetime | None, datetime | None]:
    """The UTC instants [start, end) of the query's local days (the station's time zone)."""
    first, last = query.from_day, query.to_day
    if query.last_days is not None:
        last = now.astimezone(zone).date()
        first = last - timedelta(days=query.last_days - 1)

    def midnight(day: date) -> datetime:
        return datetime.combine(day, time(0), zone).astimezone(UTC)

    return (
        midnight(first) if first is not None else None,
        midnight(last + timedelta(days=1)) if last is not None else None,
    )


def check_query(query: SessionQuery) -> None:
    """Refuses a query the screens could not have sent (the web may): with a code the faces translate."""
    if not 1 <= query.limit <= MAX_PAGE or query.offset < 0:
        raise OperationError("bad_page", f"limit 1..{MAX_PAGE} and offset >= 0", limit=query.limit)
    if query.last_days is not None and not 1 <= query.last_days <= 3660:
        raise OperationError("bad_days", "last_days is 1..3660", last_days=query.last_days)
    if query.from_day and query.to_day and query.from_day > query.to_day:
        raise OperationError("bad_days", "from_day is after to_day")
    if query.method is not None and query.method not in SESSION_METHODS:
        raise OperationError(
            "bad_method", f"method is one of {', '.join(SESSION_METHODS)}", method=query.method
        )
    if query.state is not None and query.state not in SESSION_STATE_FILTERS:
        raise OperationError(
            "bad_state", f"state is one of {', '.join(SESSION_STATE_FILTERS)}", state=query.state
        )


def search_sessions(db: Session, query: SessionQuery, zone: ZoneInfo, now: datetime) -> SessionPage:
    c, k = ChargingSession, Connector
    payment = aliased(Payment, name="bound")
    method = func.coalesce(payment.method, "rfid")
    # A session that never started (no car came) is listed by the time it was authorised.
    when = func.coalesce(c.started_at, c.created_at)
    refunded = (
        select(func.coalesce(func.sum(Refund.amount_minor), 0))
        .join(Payment, Payment.id == Refund.payment_id)
        .where(Payment.session_id == c.id, Refund.state == "succeeded")
        .scalar_subquery()
    )
    statement: Select[Any] = (
        select(c, k.name, method, refunded)
        .join(k, k.id == c.connector_id)
        .outerjoin(payment, _bound(payment, c.id))
    )
    start, end = _local_range(query, zone, now)
    if start is not None:
        statement = statement.where(when >= start)
    if end is not None:
        statement = statement.where(when < end)
    if query.connector:
        statement = statement.where(k.name == query.connector)
    if query.id_tag:
        # A prefix typed on the keypad; LIKE's own wildcards in it are taken literally.
        escaped = query.id_tag.upper().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        statement = statement.where(func.upper(c.id_tag).like(f"{escaped}%", escape="\\"))
    if query.method == "rfid":
        statement = statement.where(payment.id.is_(None))
    elif query.method:
        statement = statement.where(payment.method == query.method)
    if query.state == "open":
        statement = statement.where(c.state != ENDED)
    elif query.state == "running":
        statement = statement.where(c.state.in_(sorted(RUNNING_STATES)))
    elif query.state == "ended":
        statement = statement.where(c.state == ENDED)
    statement = statement.order_by(when.desc(), c.id.desc()).offset(query.offset).limit(query.limit + 1)
    found = [_row(row, name, paid_by, int(back or 0)) for row, name, paid_by, back in db.execute(statement)]
    more = len(found) > query.limit
    return SessionPage(
        tuple(found[: query.limit]), query.offset, query.offset + query.limit if more else None, zone.key
    )


def _row(row: ChargingSession, connector: str, method: str, refunded: int) -> SessionRow:
    return SessionRow(
        session_id=row.id,
        transaction_ref=row.transaction_ref,
        connector=connector,
        id_tag=row.id_tag if method == "rfid" else None,  # a paid session's tag is the station's own
        method=method,
        state=row.state,
        created_at=row.created_at,
        started_at=row.started_at,
        stopped_at=row.stopped_at,
        energy_Wh=int(row.energy_Wh or 0),
        cost_total_minor=row.cost_total_minor,
        currency=row.currency,
        refunded_minor=refunded,
        stop_reason=row.stop_reason,
    )


def _meter(db: Session, row: ChargingSession, now: datetime) -> tuple[MeterPoint, ...]:
    """The session's meter values from the samples, or from the minute rollups once the samples were
    pruned (docs/database.md retention), thinned to MAX_METER_POINTS evenly spread."""
    if row.started_at is None:
        return ()
    start_s = int(row.started_at.timestamp())
    end_s = int((row.stopped_at or row.ended_at or now).timestamp())
    base = row.meter_start_Wh
    s = MeterSample
    samples = db.execute(
        select(s.ts_s, s.energy_Wh, s.power_W)
        .where(s.connector_id == row.connector_id, s.ts_s >= start_s, s.ts_s <= end_s)
        .order_by(s.ts_s)
    ).all()
    points: list[MeterPoint] = []
    if samples:
        first = base if base is not None else int(samples[0][1])
        points = [
            MeterPoint(datetime.fromtimestamp(ts, UTC), max(0, int(e) - first), int(p))
            for ts, e, p in samples
        ]
    else:
        r = MeterRollup
        rollups = db.execute(
            select(r.bucket_s, r.energy_register_Wh, r.power_max_W)
            .where(
                r.resolution_s == MINUTE_S,
                r.connector_id == row.connector_id,
                r.bucket_s >= start_s - MINUTE_S,
                r.bucket_s <= end_s,
            )
            .order_by(r.bucket_s)
        ).all()
        if rollups:
            first = base if base is not None else int(rollups[0][1])
            points = [
                MeterPoint(datetime.fromtimestamp(b + MINUTE_S, UTC), max(0, int(e) - first), None, int(p))
                for b, e, p in rollups
            ]
    if len(points) > MAX_METER_POINTS:
        step = (len(points) - 1) / (MAX_METER_POINTS - 1)
        points = [points[round(i * step)] for i in range(MAX_METER_POINTS)]
    return tuple(points)


def _payments(db: Session, session_id: int) -> tuple[PaymentView, ...]:
    views = []
    for payment in db.scalars(select(Payment).where(Payment.session_id == session_id).order_by(Payment.id)):
        refunds = list(db.scalars(select(Refund).where(Refund.payment_id == payment.id).order_by(Refund.id)))
        promised = sum(r.amount_minor for r in refunds if r.state != "failed")
        views.append(
            PaymentView(
                payment_id=payment.id,
                method=payment.method,
                kind=payment.kind,
                state=payment.state,
                provider=payment.provider,
                currency=payment.currency,
                authorised_minor=payment.amount_authorised_minor,
                captured_minor=payment.amount_captured_minor,
                refunded_minor=payment.amount_refunded_minor,
                refundable_minor=max(0, payment.amount_captured_minor - promised),
                card_brand=payment.card_brand,
                card_last4=payment.card_last4,
                created_at=payment.created_at,
                finished_at=payment.finished_at,
                refunds=tuple(
                    RefundView(
                        r.id,
                        r.amount_minor,
                        r.state,
                        r.reason,
                        r.note,
                        r.requested_by,
                        r.requested_at,
                        r.finished_at,
                        r.provider_refund_id,
                    )
                    for r in refunds
                ),
            )
        )
    return tuple(views)


def read_detail(
    db: Session, session_id: int, now: datetime, receipt_url: Any, zone: ZoneInfo
) -> SessionDetail | None:
    c, k = ChargingSession, Connector
    found = db.execute(select(c, k.name).join(k, k.id == c.connector_id).where(c.id == session_id)).first()
    if found is None:
        return None
    row, connector = found
    payments = _payments(db, session_id)
    refunded = sum(r.amount_minor for p in payments for r in p.refunds if r.state == "succeeded")
    method = payments[-1].method if payments else "rfid"
    moves = db.scalars(
        select(SessionTransition)
        .where(SessionTransition.session_id == session_id)
        .order_by(SessionTransition.seq)
    )
    lines = db.scalars(
        select(SessionCostLine)
        .where(SessionCostLine.session_id == session_id)
        .order_by(SessionCostLine.line_no)
    )
    receipt = db.scalar(select(Receipt).where(Receipt.session_id == session_id))
    return SessionDetail(
        row=_row(row, connector, method, refunded),
        meter_start_Wh=row.meter_start_Wh,
        meter_stop_Wh=row.meter_stop_Wh,
        cost_tax_minor=row.cost_tax_minor,
        minor_digits=minor_digits(row.currency),
        meter=_meter(db, row, now),
        transitions=tuple(
            TransitionView(t.seq, t.at, t.from_state, t.to_state, t.meter_Wh, t.reason) for t in moves
        ),
        cost_lines=tuple(CostLineView(x.kind, x.description, x.quantity, x.amount_minor) for x in lines),
        payments=payments,
        receipt=None
        if receipt is None
        else ReceiptView(
            receipt.receipt_no,
            receipt.issued_at,
            receipt.total_minor,
            receipt.tax_minor,
            receipt_url(receipt.token),
            receipt.token,
        ),
        time_zone=zone.key,
    )


class SessionOperations:
    """`facade.sessions`: search and detail for a viewer and above, refunds for an operator."""

    def __init__(self, context: OperatorContext) -> None:
        self.context = context

    @property
    def zone(self) -> ZoneInfo:
        """The station's time zone: the tariff's, the one its prices and the driver's times are in."""
        return self.context.runtime.sessions.tariff.zone

    async def choices(self, operator: Operator) -> SessionChoices:
        self.context.require(operator, "viewer", "sessions.search")
        names = await self.context.read(
            lambda db: tuple(db.scalars(select(Connector.name).order_by(Connector.name)))
        )
        return SessionChoices(connectors=names)

    async def search(self, operator: Operator, query: SessionQuery) -> SessionPage:
        """The sessions the query matches, newest first, one page of `query.limit`."""
        self.context.require(operator, "viewer", "sessions.search")
        check_query(query)
        zone, now = self.zone, self.context.now()
        return await self.context.read(lambda db: search_sessions(db, query, zone, now))

    async def detail(self, operator: Operator, session_id: int) -> SessionDetail:
        self.context.require(operator, "viewer", "sessions.detail")
        payments = self.context.payments
        url = payments.receipt_url if payments is not None else (lambda token: None)
        now = self.context.now()
        zone = self.zone
        found = await self.context.read(lambda db: read_detail(db, session_id, now, url, zone))
        if found is None:
            raise OperationError("unknown_session", f"no session {session_id}", session_id=session_id)
        return found

    async def receipt_pdf(self, operator: Operator, session_id: int) -> tuple[str, bytes]:
        """(receipt number, PDF) of a paid session's receipt, as the driver's phone gets it."""
        self.context.require(operator, "viewer", "sessions.receipt")
        service = self._payments()
        detail = await self.detail(operator, session_id)
        if detail.receipt is None:
            raise OperationError("no_receipt", f"session {session_id} has no receipt", session_id=session_id)
        pdf = await service.receipt_pdf(detail.receipt.token)
        if pdf is None:
            raise OperationError(
                "no_receipt", f"session {session_id}'s receipt has no PDF", session_id=session_id
            )
        return pdf

    async def refund(
        self,
        operator: Operator,
        *,
        session_id: int | None = None,
        payment_id: int | None = None,
        amount_minor: int | None = None,
        reason: str = "requested_by_customer",
        note: str = "",
    ) -> RefundResult:
        """Gives back `amount_minor` (None: all that is left) of a session's payment through the payment
        service; refused with a code when above what is left of the capture. Audited with the outcome."""
        self.context.require(operator, "operator", "sessions.refund")
        target = f"session:{session_id}" if session_id is not None else f"payment:{payment_id}"
        asked: dict[str, Any] = {"amount_minor": amount_minor, "reason": reason, "note": note[:200]}
        try:
            service = self._payments()
            payment = await self._payment_for(session_id, payment_id)
            amount = self._check(payment, amount_minor, reason)
            try:
                row = await service.refund(
                    payment.payment_id, amount, reason=reason, note=note, requested_by=operator.actor
                )
            except RefundRefusedError as error:  # the ledger's own check: another hand refunded meanwhile
                code = "refund_above_capture" if "more than" in str(error) else "refund_refused"
                raise OperationError(code, str(error), left_minor=payment.refundable_minor) from error
        except OperationError as error:
            await self.context.audit(
                operator.actor,
                "sessions.refund",
                target,
                {**asked, "outcome": "refused", "code": error.code, **_plain(error.details)},
            )
            raise
        result = RefundResult(
            refund_id=row.id,
            payment_id=row.payment_id,
            session_id=session_id if session_id is not None else await self._session_of(row.payment_id),
            amount_minor=row.amount_minor,
            currency=payment.currency,
            state=row.state,
            provider_refund_id=row.provider_refund_id,
            error=row.last_error,
        )
        await self.context.audit(
            operator.actor,
            "sessions.refund",
            f"session:{result.session_id}" if result.session_id is not None else target,
            {
                **asked,
                "outcome": "sent",
                "payment_id": result.payment_id,
                "refund_id": result.refund_id,
                "amount_minor": result.amount_minor,
                "currency": result.currency,
                "state": result.state,
                "provider_refund_id": result.provider_refund_id,
            },
        )
        return result

    # -- helpers ------------------------------------------------------------------------------------

    def _payments(self) -> PaymentService:
        if self.context.payments is None:
            raise OperationError("payments_unavailable", "this station takes no payments")
        return self.context.payments

    async def _payment_for(self, session_id: int | None, payment_id: int | None) -> PaymentView:
        if (session_id is None) == (payment_id is None):
            raise OperationError("bad_target", "a refund names a session or a payment")

        def find(db: Session) -> tuple[PaymentView, ...] | None:
            if session_id is not None:
                if db.get(ChargingSession, session_id) is None:
                    return None
                return _payments(db, session_id)
            payment = db.get(Payment, payment_id)
            if payment is None:
                return None
            if payment.session_id is not None:
                return tuple(p for p in _payments(db, payment.session_id) if p.payment_id == payment_id)
            return _unbound(db, payment)

        found = await self.context.read(find)
        if found is None:
            code = "unknown_session" if session_id is not None else "unknown_payment"
            raise OperationError(code, f"no {target_name(session_id, payment_id)}")
        if not found:
            raise OperationError(
                "not_paid", "the session was not paid through the station (a card on the list)"
            )
        return found[-1]

    @staticmethod
    def _check(payment: PaymentView, amount_minor: int | None, reason: str) -> int:
        """The amount to refund, or the refusal the ledger would give, with its code (docs/admin.md)."""
        if reason not in REFUND_REASONS:
            raise OperationError("bad_reason", f"reason is one of {', '.join(REFUND_REASONS)}", reason=reason)
        if payment.state != "captured" and payment.kind != "prepaid":
            raise OperationError(
                "not_captured", f"payment {payment.payment_id} is {payment.state}", state=payment.state
            )
        amount = payment.refundable_minor if amount_minor is None else amount_minor
        if amount_minor is not None and amount_minor <= 0:
            raise OperationError("bad_amount", "a refund is more than zero", amount_minor=amount_minor)
        if payment.refundable_minor <= 0:
            raise OperationError("nothing_to_refund", "all of the payment was refunded already", left_minor=0)
        if amount > payment.refundable_minor:
            raise OperationError(
                "refund_above_capture",
                f"{amount} is more than the {payment.refundable_minor} left of the capture",
                left_minor=payment.refundable_minor,
                captured_minor=payment.captured_minor,
            )
        return amount

    async def _session_of(self, payment_id: int) -> int | None:
        return await self.context.read(
            lambda db: db.scalar(select(Payment.session_id).where(Payment.id == payment_id))
        )


def _unbound(db: Session, payment: Payment) -> tuple[PaymentView, ...]:
    """A payment no session used (a prepaid page paid too late): refundable by its id alone."""
    refunds = list(db.scalars(select(Refund).where(Refund.payment_id == payment.id)))
    promised = sum(r.amount_minor for r in refunds if r.state != "failed")
    return (
        PaymentView(
            payment.id,
            payment.method,
            payment.kind,
            payment.state,
            payment.provider,
            payment.currency,
            payment.amount_authorised_minor,
            payment.amount_captured_minor,
            payment.amount_refunded_minor,
            max(0, payment.amount_captured_minor - promised),
            payment.card_brand,
            payment.card_last4,
            payment.created_at,
            payment.finished_at,
            (),
        ),
    )


def target_name(session_id: int | None, payment_id: int | None) -> str:
    return f"session {session_id}" if session_id is not None else f"payment {payment_id}"


def _plain(details: dict[str, Any]) -> dict[str, Any]:
    """An error's details as the audit row's JSON holds them."""
    return {
        key: value if isinstance(value, str | int | float | bool) or value is None else str(value)
        for key, value in details.items()
    }
