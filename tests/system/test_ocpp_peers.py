"""The test central systems themselves: answers, errors, strict schemas, auth, TLS, calls to the CP."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import ssl
from collections.abc import AsyncIterator
from typing import Any

import pytest
from ocpp.exceptions import InternalError, OCPPError
from ocpp.routing import on
from ocpp.v16 import ChargePoint, call, call_result
from ocpp.v16.enums import Action
from ocpp_peers.fixtures import CsmsFactory
from ocpp_peers.frames import FROM_CP, TO_CP
from ocpp_peers.peer import CsmsPeer, InvalidResponseError, PeerCallError
from ocpp_peers.tls_pki import TestPki
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus

KINDS = ["python", "strict"]
T0 = "2025-01-01T00:00:00Z"
START = {"connectorId": 1, "idTag": "A", "meterStart": 0, "timestamp": T0}
START_CALL = call.StartTransaction(connector_id=1, id_tag="A", meter_start=0, timestamp=T0)
SAMPLE = [{"timestamp": T0, "sampledValue": [{"value": "1234"}]}]


class MiniChargePoint(ChargePoint):
    """The smallest charge point that answers the calls these tests make."""

    remote_start_status = "Accepted"

    @on(Action.remote_start_transaction)
    def on_remote_start(self, **kw: Any) -> Any:
        return call_result.RemoteStartTransaction(status=self.remote_start_status)

    @on(Action.get_local_list_version, skip_schema_validation=True)
    def on_local_list_version(self, **kw: Any) -> Any:
        # Deliberately schema-invalid (listVersion must be an integer), to test response validation.
        return call_result.GetLocalListVersion(list_version="seven")  # type: ignore[arg-type]

    @on(Action.reset)
    def on_reset(self, **kw: Any) -> Any:
        raise InternalError(description="reset refused")  # answered with a CALLERROR by the library


@contextlib.asynccontextmanager
async def charge_point(
    csms: CsmsPeer,
    identity: str = "CP1",
    *,
    password: str | None = None,
    ssl_context: ssl.SSLContext | None = None,
    timeout: float = 5,
    serve: bool = True,
) -> AsyncIterator[tuple[MiniChargePoint, ClientConnection]]:
    """A connected MiniChargePoint; with serve=False nobody reads the socket (the test reads raw frames)."""
    headers = {}
    if password is not None:
        token = base64.b64encode(f"{identity}:{password}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    async with connect(
        csms.url(identity),
        subprotocols=["ocpp1.6"],  # type: ignore[list-item]
        additional_headers=headers,
        ssl=ssl_context,
        open_timeout=10,
        close_timeout=1,
    ) as ws:
        cp = MiniChargePoint(identity, ws, response_timeout=timeout)
        task = asyncio.create_task(cp.start()) if serve else None
        try:
            yield cp, ws
        finally:
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, ConnectionClosed):
                    await task


def test_answers_are_the_configured_ones(any_csms: CsmsPeer) -> None:
    any_csms.set_boot("Pending", 17)
    any_csms.set_id_tag("BLOCKED", "Blocked")
    any_csms.set_next_transaction_id(500)

    async def session() -> None:
        async with charge_point(any_csms) as (cp, _ws):
            boot = await cp.call(call.BootNotification(charge_point_model="M", charge_point_vendor="V"))
            assert (boot.status, boot.interval) == ("Pending", 17)
            any_csms.set_boot("Accepted", 60)
            boot = await cp.call(call.BootNotification(charge_point_model="M", charge_point_vendor="V"))
            assert (boot.status, boot.interval) == ("Accepted", 60)
            assert (await cp.call(call.Authorize(id_tag="GOOD"))).id_tag_info == {"status": "Accepted"}
            assert (await cp.call(call.Authorize(id_tag="BLOCKED"))).id_tag_info == {"status": "Blocked"}
            first = await cp.call(
                call.StartTransaction(connector_id=1, id_tag="GOOD", meter_start=10, timestamp=T0)
            )
            second = await cp.call(
                call.StartTransaction(connector_id=2, id_tag="GOOD", meter_start=0, timestamp=T0)
            )
            assert (first.transaction_id, second.transaction_id) == (500, 501)
            stop = await cp.call(
                call.StopTransaction(meter_stop=1234, timestamp=T0, transaction_id=500, id_tag="BLOCKED")
            )
            assert stop.id_tag_info == {"status": "Blocked"}
            await cp.call(
                call.StopTransaction(meter_stop=50, timestamp=T0, transaction_id=501, reason="Local")
            )
            await cp.call(call.MeterValues(connector_id=1, meter_value=SAMPLE, transaction_id=500))
            await cp.call(call.StatusNotification(connector_id=1, error_code="NoError", status="Charging"))
            assert (await cp.call(call.Heartbeat())).current_time.endswith("Z")
            assert (await cp.call(call.DataTransfer(vendor_id="X"))).status == "Accepted"
            await cp.call(call.DiagnosticsStatusNotification(status="Uploaded"))
            await cp.call(call.FirmwareStatusNotification(status="Installed"))

    asyncio.run(session())
    # What crossed the wire, as the CSMS recorded it.
    assert [c["meterStart"] for c in any_csms.calls("StartTransaction")] == [10, 0]
    assert any_csms.calls("StopTransaction")[1] == {
        "meterStop": 50,
        "timestamp": T0,
        "transactionId": 501,
        "reason": "Local",
    }
    assert any_csms.wait_connected("CP1").identity == "CP1"
    frames = any_csms.frames
    assert [f.seq for f in frames] == list(range(len(frames)))
    assert all(a.at <= b.at for a, b in itertools.pairwise(frames))
    for request in any_csms.call_frames():
        reply = any_csms.response_to(request)
        assert reply.direction == TO_CP and reply.action == request.action and reply.message_type == 3
        assert json.loads(reply.raw)[2] == reply.payload
    starts = any_csms.call_frames("StartTransaction")
    assert [any_csms.response_to(f).payload["transactionId"] for f in starts] == [500, 501]
    assert len(any_csms.call_frames()) == 14


def test_error_and_silent_answers(any_csms: CsmsPeer) -> None:
    async def session() -> None:
        async with charge_point(any_csms, timeout=1) as (cp, _ws):
            any_csms.set_error("MeterValues", "InternalError", "database down")
            with pytest.raises(OCPPError) as refused:
                await cp.call(call.MeterValues(connector_id=1, meter_value=SAMPLE), suppress=False)
            assert refused.value.code == "InternalError"
            any_csms.set_silent("Heartbeat")
            with pytest.raises(asyncio.TimeoutError):
                await cp.call(call.Heartbeat())
            any_csms.reset_answer("Heartbeat")
            any_csms.reset_answer("MeterValues")
            assert (await cp.call(call.Heartbeat())).current_time
            await cp.call(call.MeterValues(connector_id=1, meter_value=SAMPLE), suppress=False)

    asyncio.run(session())
    heartbeats = any_csms.call_frames("Heartbeat")
    assert len(heartbeats) == 2
    assert any_csms.log.response_to(heartbeats[0]) is None  # the silent one was never answered
    meter = any_csms.call_frames("MeterValues")[0]
    assert any_csms.response_to(meter).error_code == "InternalError"


# OCPP-J 1.6 section 4.2.3 leaves room for judgement, and the two central systems judge differently.
@pytest.mark.parametrize(
    ("payload", "codes"),
    [
        (
            {"connectorId": 1, "idTag": "T", "timestamp": T0},
            {"python": "ProtocolError", "strict": "OccurrenceConstraintViolation"},
        ),
        (
            {"connectorId": "1", "idTag": "T", "meterStart": 0, "timestamp": T0},
            {"python": "TypeConstraintViolation", "strict": "TypeConstraintViolation"},
        ),
        (
            {"connectorId": 1, "idTag": "T" * 21, "meterStart": 0, "timestamp": T0},
            {"python": "TypeConstraintViolation", "strict": "FormationViolation"},
        ),
    ],
    ids=["missing-meterStart", "string-connectorId", "idTag-too-long"],
)
@pytest.mark.parametrize("kind", KINDS)
def test_schema_violations_are_refused(
    csms_factory: CsmsFactory, kind: str, payload: dict[str, Any], codes: dict[str, str]
) -> None:
    csms = csms_factory(kind)

    async def session() -> dict[str, Any]:
        async with charge_point(csms, serve=False) as (_cp, ws):
            replies = {}
            for message_id, text in (
                ("bad-1", json.dumps([2, "bad-1", "StartTransaction", payload])),
                ("unknown-1", json.dumps([2, "unknown-1", "NoSuchAction", {}])),
            ):
                await ws.send(text)
                replies[message_id] = json.loads(await asyncio.wait_for(ws.recv(), 5))
            # The connection stays up: a valid call is still answered.
            await ws.send(json.dumps([2, "ok-1", "Heartbeat", {}]))
            replies["ok-1"] = json.loads(await asyncio.wait_for(ws.recv(), 5))
            return replies

    replies = asyncio.run(session())
    assert replies["bad-1"][:3] == [4, "bad-1", codes[kind]]
    assert replies["unknown-1"][:3] == [4, "unknown-1", "NotImplemented"]
    assert replies["ok-1"][:2] == [3, "ok-1"]
    if kind == "strict":
        violations = csms.events("strict_violation")
        assert [v.details["action"] for v in violations] == ["StartTransaction"]


@pytest.mark.parametrize("kind", KINDS)
def test_basic_auth(csms_factory: CsmsFactory, kind: str) -> None:
    csms = csms_factory(kind, password="0123456789abcdef0123")

    async def attempts() -> None:
        async with charge_point(csms, password="0123456789abcdef0123") as (cp, _ws):
            await cp.call(call.Heartbeat())
        for wrong in ("not-the-key", None):
            with pytest.raises(InvalidStatus) as refused:
                async with charge_point(csms, password=wrong):
                    pass
            assert refused.value.response.status_code == 401

    asyncio.run(attempts())
    assert len(csms.events("connect")) == 1
    assert [e.details["status"] for e in csms.events("handshake_refused")] == [401, 401]


TLS_REFUSED = (ssl.SSLError, ConnectionError, InvalidHandshake, EOFError, OSError, ConnectionClosed)


@pytest.mark.parametrize("kind", KINDS)
def test_tls_server_certificate(csms_factory: CsmsFactory, tls_pki: TestPki, kind: str) -> None:
    good = csms_factory(kind, pki=tls_pki, password="key-0123456789")
    impostor = csms_factory(kind, pki=tls_pki, wrong_cert=True)

    async def attempts() -> None:
        trusting = tls_pki.client_context()
        async with charge_point(good, ssl_context=trusting, password="key-0123456789") as (cp, _ws):
            await cp.call(call.Heartbeat())
        with pytest.raises(ssl.SSLCertVerificationError):
            async with charge_point(good, ssl_context=tls_pki.client_context(trust_wrong_ca=True)):
                pass
        with pytest.raises(ssl.SSLCertVerificationError):
            async with charge_point(impostor, ssl_context=trusting):
                pass

    asyncio.run(attempts())
    assert good.url("CP1").startswith("wss://127.0.0.1:")
    assert len(good.calls("Heartbeat")) == 1 and not impostor.frames


@pytest.mark.parametrize("kind", KINDS)
def test_tls_client_certificate_profile_3(csms_factory: CsmsFactory, tls_pki: TestPki, kind: str) -> None:
    csms = csms_factory(kind, pki=tls_pki, verify_client=True)

    async def attempts() -> None:
        with pytest.raises(TLS_REFUSED):
            async with charge_point(csms, ssl_context=tls_pki.client_context()) as (cp, _ws):
                await cp.call(call.Heartbeat())
        with_cert = tls_pki.client_context(with_client_cert=True)
        async with charge_point(csms, tls_pki.client_identity, ssl_context=with_cert) as (cp, _ws):
            await cp.call(call.Heartbeat())

    asyncio.run(attempts())
    assert [e.identity for e in csms.events("connect")] == [tls_pki.client_identity]


def test_calls_to_the_charge_point(any_csms: CsmsPeer) -> None:
    async def session() -> None:
        async with charge_point(any_csms) as (cp, _ws):
            await cp.call(call.Heartbeat())
            answer = await any_csms.call_async("RemoteStartTransaction", {"idTag": "T1", "connectorId": 2})
            assert answer == {"status": "Accepted"}
            cp.remote_start_status = "Rejected"
            answer = await any_csms.call_async("RemoteStartTransaction", {"idTag": "T1"})
            assert answer == {"status": "Rejected"}
            with pytest.raises(PeerCallError) as refused:
                await any_csms.call_async("Reset", {"type": "Soft"})
            assert refused.value.code == "InternalError"
            with pytest.raises(InvalidResponseError):
                await any_csms.call_async("GetLocalListVersion", {})
            # Raw frames: malformed JSON gets no reply from this library's charge point; an unknown
            # action gets a CALLERROR with the same message id.
            assert await any_csms.send_raw_async('[2, "raw-1", "Reset", {', timeout=1) is None
            reply = await any_csms.send_raw_async(json.dumps([2, "raw-2", "NoSuchAction", {}]))
            assert reply is not None and reply.message_id == "raw-2" and reply.error_code is not None

    asyncio.run(session())
    sent = any_csms.log.select(direction=TO_CP, action="RemoteStartTransaction", calls_only=True)
    assert [f.payload for f in sent] == [{"idTag": "T1", "connectorId": 2}, {"idTag": "T1"}]
    assert any_csms.response_to(sent[1]).payload == {"status": "Rejected"}
    assert any_csms.log.select(direction=TO_CP)[-2].raw == '[2, "raw-1", "Reset", {'


def test_drop_freeze_and_restart_on_the_same_port(any_csms: CsmsPeer) -> None:
    port = any_csms.port

    async def session() -> None:
        async with charge_point(any_csms, serve=False) as (_cp, ws):
            await ws.send(json.dumps([2, "s-1", "StartTransaction", START]))
            first = json.loads(await asyncio.wait_for(ws.recv(), 5))[2]
            await asyncio.to_thread(any_csms.drop)
            with pytest.raises(ConnectionClosed) as closed:
                await asyncio.wait_for(ws.recv(), 5)
            assert closed.value.rcvd is None  # no close frame: the TCP connection was reset
        async with charge_point(any_csms, timeout=1) as (cp, ws):
            second = await cp.call(START_CALL)
            assert second.transaction_id == first["transactionId"] + 1
            await asyncio.to_thread(any_csms.freeze)
            with pytest.raises(asyncio.TimeoutError):
                await cp.call(call.Heartbeat())
            pong = await ws.ping()
            with pytest.raises(asyncio.TimeoutError):
                await asyncio.wait_for(pong, 1)
            await asyncio.to_thread(any_csms.drop)
        await asyncio.to_thread(any_csms.stop)
        with pytest.raises(OSError):
            async with charge_point(any_csms):
                pass
        await asyncio.to_thread(any_csms.start)
        assert any_csms.port == port
        async with charge_point(any_csms, serve=False) as (_cp, ws):
            await ws.send(json.dumps([2, "s-3", "StartTransaction", START]))
            third = json.loads(await asyncio.wait_for(ws.recv(), 5))[2]
            assert third["transactionId"] == second.transaction_id + 1
            # The CSMS "loses power": every connection reset, nothing listening.
            await asyncio.to_thread(any_csms.stop, True)
            with pytest.raises(ConnectionClosed) as closed:
                await asyncio.wait_for(ws.recv(), 5)
            assert closed.value.rcvd is None

    asyncio.run(session())
    assert len(any_csms.events("connect")) == 3
    after_second = any_csms.call_frames("StartTransaction")[1].seq + 1
    assert any_csms.wait_for("StartTransaction", since=after_second).message_id == "s-3"
    # Frozen: the heartbeat sent afterwards was never read.
    assert any_csms.log.select(direction=FROM_CP, action="Heartbeat") == []
