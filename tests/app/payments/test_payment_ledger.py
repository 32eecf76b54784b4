"""The payment rows on both back-ends: keys written before calls, transitions, refunds bounded by the
capture, receipts numbered without gaps per station."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.db.engine import session_factory
from app.db.models import PaymentCall
from app.payments.ledger import (
    RefundRefusedError,
    begin_call,
    create_payment,
    create_refund,
    finish_call,
    finish_refund,
    get_payment,
    update_payment,
)
from app.payments.states import PaymentStateError, check_transition

pytest_plugins = ["db_fixtures"]

AT = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)


def _payment(ledger, kind="hold"):
    return create_payment(
        ledger, provider="stripe", method="card_present", kind=kind, currency="MYR", amount_minor=5000,
        reader_id="tmr_1", at=AT,
    )  # fmt: skip


def test_state_machine_allows_only_its_transitions():
    check_transition("created", "authorising")
    check_transition("authorised", "capturing")
    check_transition("capturing", "captured")
    for bad in (("captured", "cancelled"), ("created", "captured"), ("cancelled", "authorised")):
        with pytest.raises(PaymentStateError):
            check_transition(*bad)


def test_a_call_is_written_before_it_is_made_and_an_unknown_one_keeps_its_key(ledger):
    payment = _payment(ledger)
    ticket = begin_call(ledger, payment.id, "capture", {"amount": 1234}, AT, state="authorising")
    assert ticket.key == f"{payment.payment_ref}:capture:1"
    with session_factory(ledger)() as db:
        row = db.scalar(select(PaymentCall).where(PaymentCall.id == ticket.call_id))
        assert (row.state, row.request, row.idempotency_key) == ("started", {"amount": 1234}, ticket.key)
    assert get_payment(ledger, payment.id).state == "authorising"
    finish_call(ledger, ticket, "unknown", AT, error="unavailable: timed out")
    again = begin_call(ledger, payment.id, "capture", {"amount": 1234}, AT)
    assert again.key == ticket.key  # a repeat after a lost reply is the same request at the provider
    finish_call(ledger, again, "succeeded", AT, result={"id": "pi_1"})
    third = begin_call(ledger, payment.id, "capture", {"amount": 1234}, AT)
    assert third.key == f"{payment.payment_ref}:capture:2"


def test_a_transition_out_of_order_is_refused(ledger):
    payment = _payment(ledger)
    with pytest.raises(PaymentStateError):
        update_payment(ledger, payment.id, {"state": "captured"}, AT)
    assert get_payment(ledger, payment.id).state == "created"


def test_refunds_never_exceed_what_was_captured(ledger):
    payment = _payment(ledger)
    with pytest.raises(RefundRefusedError):  # nothing captured yet
        create_refund(
            ledger, payment.id, 100, reason="requested_by_customer", note="", requested_by="t", at=AT
        )
    for state in ("authorising", "authorised", "capturing"):
        update_payment(ledger, payment.id, {"state": state}, AT)
    update_payment(ledger, payment.id, {"state": "captured", "amount_captured_minor": 1234}, AT)
    first = create_refund(
        ledger, payment.id, 1000, reason="requested_by_customer", note="x", requested_by="ops", at=AT
    )
    with pytest.raises(RefundRefusedError, match="234 left"):  # the first, not yet confirmed, counts
        create_refund(ledger, payment.id, 235, reason="duplicate", note="", requested_by="ops", at=AT)
    second = create_refund(ledger, payment.id, 234, reason="duplicate", note="", requested_by="ops", at=AT)
    assert first.idempotency_key != second.idempotency_key
    finish_refund(ledger, first.id, state="succeeded", provider_refund_id="re_1", error=None, at=AT)
    finish_refund(ledger, first.id, state="succeeded", provider_refund_id="re_1", error=None, at=AT)  # twice
    assert get_payment(ledger, payment.id).amount_refunded_minor == 1000
    with pytest.raises(RefundRefusedError):
        create_refund(ledger, payment.id, 0, reason="duplicate", note="", requested_by="ops", at=AT)
