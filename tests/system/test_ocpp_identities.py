"""One OCPP identity per charger ([ocpp] identity_per_charger) end to end, against both test central
systems: each charger is its own charge point with connector 1, its own keys and its own queue."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from typing import Any

import figures
import pytest
from ocpp_peers.frames import Frame
from ocpp_station import IDENTITY, ocpp_config, running_station, until
from ocpp_station_process import check_delivery
from sqlalchemy import select

from app.config import ConfigError, ConfiguredCharger, OcppSettings, StationConfig
from app.db.engine import session_factory
from app.db.models_logs import OutboxMessage
from app.db.models_station import Charger, RuntimeSetting

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)

FIRST, SECOND = f"{IDENTITY}-CP00", f"{IDENTITY}-CP01"  # <ocpp.identity>-<charger id>


async def call_from(
    csms: Any, identity: str, action: str, predicate: Any = None, timeout: float = 15
) -> Frame:
    """The first `action` call the charge point `identity` sent whose payload matches."""
    return await csms.wait_for_async(action, predicate, timeout, identity=identity)


def per_charger(config: StationConfig) -> StationConfig:
    return dataclasses.replace(config, ocpp=dataclasses.replace(config.ocpp, identity_per_charger=True))


def test_each_charger_is_its_own_charge_point(realtime_sim, any_csms, tmp_path):
    sim, csms = realtime_sim, any_csms
    csms.set_next_transaction_id(7001)
    config = per_charger(ocpp_config(sim, csms, tmp_path, serial_number="SN-42"))

    async def scenario() -> None:
        async with running_station(config) as runtime:
            for identity in (FIRST, SECOND):
                boot = await call_from(csms, identity, "BootNotification")
                assert boot.payload["chargePointSerialNumber"] == f"SN-42-{identity[-4:]}"
                for connector in (0, 1):  # the charge point and its one connector, numbered from 1
                    await call_from(
                        csms,
                        identity,
                        "StatusNotification",
                        lambda p, c=connector: p["connectorId"] == c and p["status"] == "Available",
                    )
            # Keys are per identity: a change on the second leaves the first alone.
            change = {"key": "MeterValueSampleInterval", "value": "1"}
            assert await csms.call_async("ChangeConfiguration", change, SECOND) == {"status": "Accepted"}
            wanted = {"key": ["MeterValueSampleInterval", "NumberOfConnectors"]}
            first_keys = (await csms.call_async("GetConfiguration", wanted, FIRST))["configurationKey"]
            second_keys = (await csms.call_async("GetConfiguration", wanted, SECOND))["configurationKey"]
            values = {identity: {k["key"]: k["value"] for k in keys}
                      for identity, keys in ((FIRST, first_keys), (SECOND, second_keys))}  # fmt: skip
            assert values[SECOND] == {"MeterValueSampleInterval": "1", "NumberOfConnectors": "1"}
            assert values[FIRST]["MeterValueSampleInterval"] != "1"
            assert values[FIRST]["NumberOfConnectors"] == "1"
            # Connector 2 does not exist on a one-connector charge point.
            refused = await csms.call_async(
                "RemoteStartTransaction", {"connectorId": 2, "idTag": "T"}, SECOND
            )
            assert refused == {"status": "Rejected"}
            # A remote start on the second charger's connector 1 starts charger CP01, not CP00.
            await sim.ctl.call("plug", charger=1)
            await until(lambda: runtime.station.manager.connectors()["CP01/1"].vehicle_present, 5, "car")
            start_call = {"connectorId": 1, "idTag": "TAG-SECOND"}
            assert await csms.call_async("RemoteStartTransaction", start_call, SECOND) == {
                "status": "Accepted"
            }
            start = await call_from(csms, SECOND, "StartTransaction")
            assert start.payload["connectorId"] == 1 and start.payload["idTag"] == "TAG-SECOND"
            assert runtime.sessions.open_session("CP01/1") is not None
            assert runtime.sessions.open_session("CP00/1") is None
            meter = await call_from(
                csms,
                SECOND,
                "MeterValues",
                lambda p: p.get("transactionId") == 7001 and p["connectorId"] == 1,
            )
            assert (
                meter.payload["meterValue"][0]["sampledValue"][0]["measurand"]
                == "Energy.Active.Import.Register"
            )
            await call_from(
                csms,
                SECOND,
                "StatusNotification",
                lambda p: p["connectorId"] == 1 and p["status"] == "Charging",
            )
            # The first identity knows nothing of it; stopping it there is refused.
            refused = await csms.call_async("RemoteStopTransaction", {"transactionId": 7001}, FIRST)
            assert refused == {"status": "Rejected"}
            stopped = await csms.call_async("RemoteStopTransaction", {"transactionId": 7001}, SECOND)
            assert stopped == {"status": "Accepted"}
            stop = await call_from(csms, SECOND, "StopTransaction")
            assert stop.payload["transactionId"] == 7001 and stop.payload["reason"] == "Remote"
            await until(lambda: runtime.ocpp.services[1].tx_queue.pending_count() == 0, 10, "delivery")
            # Reservations and availability are the identity's own too.
            assert await csms.call_async(
                "ChangeAvailability", {"connectorId": 1, "type": "Inoperative"}, FIRST
            ) == {"status": "Accepted"}
            await call_from(
                csms,
                FIRST,
                "StatusNotification",
                lambda p: p["connectorId"] == 1 and p["status"] == "Unavailable",
            )
            with session_factory(runtime.engine)() as db:
                identities = dict(db.execute(select(Charger.id, Charger.ocpp_identity)).all())
                streams = {
                    m.stream for m in db.scalars(select(OutboxMessage)) if m.kind != "stop_transaction_data"
                }
                settings = set(db.scalars(select(RuntimeSetting.key)))
            assert identities == {"CP00": FIRST, "CP01": SECOND}
            assert streams == {"ocpp/CP01"}  # the second charger's queue; nothing in the station's "ocpp"
            assert "ocpp@CP01.MeterValueSampleInterval" in settings
            assert "ocpp_state.inoperative@CP00" in settings
            assert "ocpp.MeterValueSampleInterval" not in settings

        # Nothing of the transaction reached the first identity.
        first_actions = {f.action for f in csms.call_frames(identity=FIRST)}
        assert not first_actions & {"StartTransaction", "MeterValues", "StopTransaction"}

    asyncio.run(scenario())


def test_offline_each_charger_delivers_its_own_transactions_once_in_order(realtime_sim, any_csms, tmp_path):
    """The CSMS goes away while both chargers charge; both sessions end offline. Back online, each
    identity delivers its own queue: every message once, in order, with its own transactionId."""
    sim, csms = realtime_sim, any_csms
    csms.set_next_transaction_id(9001)
    config = per_charger(ocpp_config(sim, csms, tmp_path))

    async def scenario() -> dict[str, Any]:
        async with running_station(config) as runtime:
            services = runtime.ocpp.services
            await until(lambda: all(s.accepted.is_set() for s in services), 30, "both registered")
            for identity in (FIRST, SECOND):
                change = {"key": "MeterValueSampleInterval", "value": "1"}
                assert await csms.call_async("ChangeConfiguration", change, identity) == {
                    "status": "Accepted"
                }
            for charger, tag in ((0, "TAG-A"), (1, "TAG-B")):
                await sim.ctl.call("plug", charger=charger)
                connector = f"CP{charger:02d}/1"
                await until(
                    lambda c=connector: runtime.station.manager.connectors()[c].vehicle_present, 10, "car"
                )
                await runtime.sessions.authorise(connector, tag)
            for identity in (FIRST, SECOND):
                await call_from(csms, identity, "StartTransaction")
                await call_from(csms, identity, "MeterValues", lambda p: "transactionId" in p)
            await asyncio.to_thread(csms.stop, True)
            await until(lambda: not any(s.accepted.is_set() for s in services), 15, "both links lost")
            for connector in ("CP00/1", "CP01/1"):
                await runtime.sessions.stop(connector, "Local")
            # Each StopTransaction at least waits in its identity's queue.
            await until(lambda: all(s.tx_queue.pending_count() >= 1 for s in services), 20, "queued offline")
            queued = {s.identity: s.tx_queue.pending_count() for s in services}
            await asyncio.to_thread(csms.start)
            await until(lambda: all(s.tx_queue.pending_count() == 0 for s in services), 60, "both delivered")
            reports = {
                identity: check_delivery(runtime.engine, csms, stream, identity)
                for identity, stream in ((FIRST, "ocpp/CP00"), (SECOND, "ocpp/CP01"))
            }
            return {"queued": queued, "reports": reports}

    result = asyncio.run(scenario())
    stops = {}
    for identity, report in result["reports"].items():
        assert not report.problems, (identity, report.problems)
        assert report.answered_twice == 0 and report.transactions == 1
        assert report.by_action["StartTransaction"] == report.by_action["StopTransaction"] == 1
        [stop] = csms.calls("StopTransaction", identity)
        stops[identity] = stop["transactionId"]
    assert sorted(stops.values()) == [9001, 9002]  # one transaction each, neither delivered twice
    figures.report(
        "OCPP offline tests",
        f"an identity per charger ({csms.name}): queued offline {result['queued']}; each identity "
        "delivered its own once, in order",
    )


def test_messages_queued_under_the_other_layout_are_reported(realtime_sim, py_csms, tmp_path, caplog):
    """Switching identity_per_charger with undelivered transaction messages strands them: the station
    says so at start (they are delivered again after switching back)."""
    sim, csms = realtime_sim, py_csms
    single = ocpp_config(sim, csms, tmp_path)
    csms.set_silent("StartTransaction")  # never confirmed: the message stays queued

    async def queue_one() -> None:
        async with running_station(single) as runtime:
            await call_from(csms, IDENTITY, "BootNotification")
            await sim.ctl.call("plug", charger=0)
            await until(lambda: runtime.station.manager.connectors()["CP00/1"].vehicle_present, 5, "car")
            await runtime.sessions.authorise("CP00/1", "TAG-1")
            await call_from(csms, IDENTITY, "StartTransaction")

    async def restart_per_charger() -> None:
        with caplog.at_level(logging.ERROR, logger="app.ocpp.identities"):
            async with running_station(per_charger(single)):
                await call_from(csms, FIRST, "BootNotification")

    asyncio.run(queue_one())
    asyncio.run(restart_per_charger())
    assert any("outbox stream 'ocpp'" in r.getMessage() for r in caplog.records), caplog.text


def test_stopping_the_central_system_ends_the_bridge_tasks_of_every_identity(realtime_sim, py_csms, tmp_path):
    """The runtime stops its central system (a reset, a shutdown) through one link: every charger's
    station bridge ends its side tasks (start readings, profile clean-up, stops) with it."""
    config = per_charger(ocpp_config(realtime_sim, py_csms, tmp_path))

    async def scenario() -> None:
        async with running_station(config) as runtime:
            for identity in (FIRST, SECOND):
                await call_from(py_csms, identity, "BootNotification")
            bridges = [service.bridge for service in runtime.ocpp.services]
            for bridge in bridges:
                bridge._spawn(asyncio.Event().wait())  # a side task that never ends by itself
            side_tasks = {task for bridge in bridges for task in bridge._pending}
            assert len(side_tasks) == len(bridges) == 2
        # running_station has stopped the runtime, and the runtime its central system.
        assert not side_tasks & asyncio.all_tasks()
        assert all(task.cancelled() for task in side_tasks)
        assert not any(bridge._pending for bridge in bridges)

    asyncio.run(scenario())


def test_identities_must_differ():
    chargers = (
        ConfiguredCharger(id="A", link="tcp://127.0.0.1:1", ocpp_identity="SAME"),
        ConfiguredCharger(id="B", link="tcp://127.0.0.1:2", ocpp_identity="SAME"),
    )
    ocpp = OcppSettings(url="ws://127.0.0.1:1/ocpp", identity="SITE", identity_per_charger=True)
    with pytest.raises(
        ConfigError, match=r"chargers\[1\]\.ocpp_identity: 'SAME' is also the identity of chargers\[0\]"
    ):
        StationConfig(chargers=chargers, ocpp=ocpp)
    named = StationConfig(
        chargers=(chargers[0], dataclasses.replace(chargers[1], ocpp_identity="")), ocpp=ocpp
    )
    assert [named.ocpp_identity_of(c) for c in named.chargers] == ["SAME", "SITE-B"]
    single = dataclasses.replace(named, ocpp=dataclasses.replace(ocpp, identity_per_charger=False))
    assert [single.ocpp_identity_of(c) for c in single.chargers] == [None, None]
