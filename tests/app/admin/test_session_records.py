"""The operator facade's sessions group on the running station: searching sessions made on the simulator
and rows of the past by day (in the station's time zone), connector, card, method and state; a paid
session's detail; refunds through the real Stripe SDK against the fake Stripe, audited, and refused
for a technician and above what was captured."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from admin_paid_station import admin_paid_station, card_session, past_session, rfid_session
from driver_station import READER_CARD
from paid_station import payment_rows, receipt_rows, refund_rows
from sessions_support import wait_until

from app.admin import OperationError, PermissionDeniedError, SessionQuery
from app.db import session_factory, verify_audit_chain

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)
pytest_plugins = ["stripe_fixtures"]

ZONE = ZoneInfo("Asia/Kuala_Lumpur")  # the tests' tariff's time zone (UTC+8, no daylight saving)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), ZONE).astimezone(UTC)


def test_search_details_and_refunds(realtime_sim, tmp_path, fake_stripe):
    sim = realtime_sim

    async def scenario() -> None:
        async with admin_paid_station(sim, tmp_path, fake_stripe) as station:
            engine = station.runtime.engine
            rfid = await rfid_session(station, sim, 1, READER_CARD)
            payment_id, paid = await card_session(station, sim, fake_stripe, 0)
            await wait_until(lambda: receipt_rows(engine), 15, "captured and the receipt issued")

            today = datetime.now(ZONE).date()
            edge = today - timedelta(days=3)
            # Local midnight is 16:00 UTC the day before: these three sit either side of `edge`'s ends.
            first = past_session(
                engine, connector="CP00/1", started=local(edge, 0, 30), id_tag="04AABB01", ref=901
            )
            last = past_session(
                engine,
                connector="CP01/1",
                started=local(edge, 23, 50),
                id_tag="PAID",
                ref=902,
                method="grabpay",
            )
            late = local(edge, 0, 0) - timedelta(minutes=30)
            before = past_session(engine, connector="CP00/1", started=late, id_tag="04CCDD03", ref=903)
            long_ago = local(today - timedelta(days=40), 12)
            old = past_session(
                engine, connector="CP01/1", started=long_ago, id_tag="PAID", ref=904, method="fpx"
            )

            viewer = await station.sign_in("viewer")
            ops = station.operators.sessions

            async def ids(**query) -> list[int]:
                page = await ops.search(viewer, SessionQuery(**query))
                return [row.session_id for row in page.rows]

            assert await ids(last_days=1) == [paid, rfid]  # newest first
            assert await ids(from_day=edge, to_day=edge) == [last, first]
            assert len(await ids(last_days=7)) == 5 and old not in await ids(last_days=30)
            assert old in await ids(last_days=41)
            assert await ids(connector="CP01/1", last_days=1) == [rfid]
            assert await ids(id_tag=READER_CARD[:6].lower()) == [rfid]  # a prefix, any case
            assert await ids(id_tag="04AABB") == [first]
            assert await ids(method="card_present") == [paid]
            assert await ids(method="rfid", last_days=30) == [rfid, first, before]
            assert await ids(method="grabpay") == [last]
            assert await ids(state="open") == []
            page = await ops.search(viewer, SessionQuery(limit=2))
            assert page.next_offset == 2 and len(page.rows) == 2
            rest = await ops.search(viewer, SessionQuery(limit=2, offset=4))
            assert rest.next_offset is None and [r.session_id for r in rest.rows] == [before, old]
            with pytest.raises(OperationError) as refused:
                await ops.search(viewer, SessionQuery(method="cash"))
            assert refused.value.code == "bad_method"

            [row] = (await ops.search(viewer, SessionQuery(method="card_present"))).rows
            assert (row.connector, row.id_tag, row.state) == ("CP00/1", None, "ended")
            detail = await ops.detail(viewer, paid)
            payment = payment_rows(engine)[0]  # the terminal's; the past rows came after
            assert detail.payment is not None and detail.payment.payment_id == payment_id == payment.id
            assert (
                detail.payment.captured_minor
                == payment.amount_captured_minor
                == detail.row.cost_total_minor
                > 0
            )
            assert (
                detail.payment.card_last4 == "4242"
                and detail.payment.refundable_minor == payment.amount_captured_minor
            )
            assert (
                detail.receipt is not None and detail.receipt.receipt_no == receipt_rows(engine)[0].receipt_no
            )
            assert detail.receipt.url and detail.receipt.url.endswith(receipt_rows(engine)[0].token)
            states = [t.to_state for t in detail.transitions]
            assert states[0] == "authorised" and states[-1] == "ended" and "charging" in states
            assert sum(line.amount_minor for line in detail.cost_lines if line.kind != "tax") > 0
            energies = [p.energy_Wh for p in detail.meter]
            assert len(energies) >= 3 and energies == sorted(energies) and energies[-1] > 100
            number, pdf = await ops.receipt_pdf(viewer, paid)
            assert number == detail.receipt.receipt_no and pdf.startswith(b"%PDF")
            with pytest.raises(OperationError) as missing:
                await ops.detail(viewer, 99999)
            assert missing.value.code == "unknown_session"

            # Refunds: a viewer and a technician may not; an operator may, up to what was captured.
            captured = payment.amount_captured_minor
            for role in ("viewer", "technician"):
                with pytest.raises(PermissionDeniedError, match="needs the operator role"):
                    await ops.refund(await station.sign_in(role), session_id=paid, amount_minor=10)
            boss = await station.sign_in("operator")
            with pytest.raises(OperationError) as above:
                await ops.refund(boss, session_id=paid, amount_minor=captured + 1)
            assert (above.value.code, above.value.details["left_minor"]) == ("refund_above_capture", captured)
            with pytest.raises(OperationError) as unpaid:
                await ops.refund(boss, session_id=rfid, amount_minor=10)
            assert unpaid.value.code == "not_paid"
            assert refund_rows(engine) == [] and fake_stripe.store.refunds == {}

            part = await ops.refund(boss, session_id=paid, amount_minor=50, note="slow charging")
            assert (part.state, part.amount_minor, part.session_id) == ("succeeded", 50, paid)
            rest_refund = await ops.refund(boss, payment_id=payment_id)  # the rest, by default
            assert (rest_refund.state, rest_refund.amount_minor) == ("succeeded", captured - 50)
            with pytest.raises(OperationError) as nothing:
                await ops.refund(boss, session_id=paid, amount_minor=1)
            assert nothing.value.code == "nothing_to_refund"

            rows = refund_rows(engine)
            assert [(r.amount_minor, r.state, r.requested_by) for r in rows] == [
                (50, "succeeded", "admin:Operator One"),
                (captured - 50, "succeeded", "admin:Operator One"),
            ]
            at_provider = fake_stripe.store.refunds
            assert {r.provider_refund_id for r in rows} == set(at_provider)
            assert sorted(r["amount"] for r in at_provider.values()) == sorted([50, captured - 50])
            assert payment_rows(engine)[0].amount_refunded_minor == captured
            after = await ops.detail(viewer, paid)
            assert after.row.refunded_minor == captured and after.payment.refundable_minor == 0
            assert [r.provider_refund_id for r in after.payment.refunds] == [
                r.provider_refund_id for r in rows
            ]

            audit = station.audit("sessions.refund")
            assert [(a["actor"], a["target"], a["details"]["outcome"]) for a in audit] == [
                ("admin:Operator One", f"session:{paid}", "refused"),
                ("admin:Operator One", f"session:{rfid}", "refused"),
                ("admin:Operator One", f"session:{paid}", "sent"),
                ("admin:Operator One", f"session:{paid}", "sent"),
                ("admin:Operator One", f"session:{paid}", "refused"),
            ]
            assert audit[0]["details"]["code"] == "refund_above_capture"
            expected = {
                "amount_minor": 50, "state": "succeeded", "provider_refund_id": rows[0].provider_refund_id,
                "payment_id": payment_id, "refund_id": rows[0].id, "currency": "MYR", "note": "slow charging",
            }  # fmt: skip
            assert {key: audit[2]["details"].get(key) for key in expected} == expected
            assert (
                audit[3]["details"]["amount_minor"] == captured - 50
                and audit[3]["details"]["state"] == "succeeded"
            )
            with session_factory(engine)() as db:
                assert verify_audit_chain(db).intact

    asyncio.run(scenario())
