"""One poll round costs the whole station work linear in its chargers (OCPP status path, driver facade).

Every status poll of every charger reaches the OCPP status notifier, the sessions and the driver facade.
A status path that rebuilt every connector's view for every connector, and again inside the
reservations' check of every connector, cost N x N x N view builds per round: a 16-charger station
spent a whole core on it. The tests count the connector views the charger manager builds during one
poll round through the real wiring (StationRuntime with OCPP against the test CSMS, DriverFacade) for
8 and 32 chargers, without and with a reservation for connector 0 (section 5.13), and require the
count to grow in proportion to the chargers.
"""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import timedelta
from pathlib import Path
from typing import Any

import figures
import pytest
from ocpp_station import ocpp_config, running_station, until

from app.chargers.link_task import AVAILABLE_STATES
from app.chargers.manager import ChargerManager
from app.db.base import utc_now
from app.driver.facade import DriverFacade
from app.ocpp.reservations import ReservationStatus

pytestmark = pytest.mark.sim(chargers=32, realtime_factor=1)
SMALL, LARGE = 8, 32
VIEWS_PER_CONNECTOR = 3  # the poll's own status, the sessions' look and the notifier's, with room


@dataclasses.dataclass
class _FirstChargers:
    """The first `chargers` chargers of a running simulator, as ocpp_config needs them."""

    host: str
    ports: tuple[int, ...]

    @property
    def chargers(self) -> int:
        return len(self.ports)

    def charger_port(self, index: int) -> int:
        return self.ports[index]


def _count_views(manager: ChargerManager) -> list[int]:
    """Counts every ConnectorView the manager builds from now on."""
    counter = [0]
    build = manager._view

    def counting(*args: Any) -> Any:
        counter[0] += 1
        return build(*args)

    manager._view = counting  # type: ignore[method-assign]
    return counter


async def _views_per_round(sim: Any, csms: Any, tmp_path: Path, chargers: int, reserve_zero: bool) -> int:
    shim = _FirstChargers(sim.host, tuple(sim.charger_port(i) for i in range(chargers)))
    config = ocpp_config(shim, csms, tmp_path / f"n{chargers}-{reserve_zero}")
    async with running_station(config) as runtime:
        facade = DriverFacade(runtime)
        await facade.start()
        try:
            manager = runtime.station.manager
            ocpp = runtime.ocpp
            assert ocpp is not None
            await until(
                lambda: (
                    all(v.link_state in AVAILABLE_STATES for v in manager.chargers().values())
                    and all(v.status is not None for v in manager.connectors().values())
                    and ocpp.accepted.is_set()
                    and ocpp.status.sent
                ),
                60,
                "every link up, the BootNotification accepted and a status sent",
            )
            if reserve_zero:
                answer = await ocpp.run_blocking(
                    ocpp.reservations.reserve_now, 0, utc_now() + timedelta(hours=1), "TAG-ANY", 7
                )
                assert answer is ReservationStatus.ACCEPTED
            counter = _count_views(manager)
            # One poll round: each charger's link task reports its statuses, as after a status poll.
            # The round runs without a pause, so the real polls cannot add to the count.
            for charger_id in manager.chargers():
                task = manager.link_task(charger_id)
                manager.polled(task, [s for s in task.statuses if s is not None])
            facade.connectors()  # and the kiosk's refresh of what it shows (ten times a second)
            return counter[0]
        finally:
            await facade.stop()


@pytest.mark.parametrize("reserve_zero", [False, True], ids=["no-reservation", "connector-0-reserved"])
def test_one_poll_round_builds_connector_views_in_proportion_to_the_chargers(
    realtime_sim: Any, py_csms: Any, tmp_path: Path, reserve_zero: bool
) -> None:
    small = asyncio.run(_views_per_round(realtime_sim, py_csms, tmp_path, SMALL, reserve_zero))
    large = asyncio.run(_views_per_round(realtime_sim, py_csms, tmp_path, LARGE, reserve_zero))
    figures.report(
        "station poll cost",
        f"connector views built in one poll round ({reserve_zero=}): {SMALL} chargers {small}, "
        f"{LARGE} chargers {large}",
    )
    # Linear: 4 times the chargers, about 4 times the views (quadratic would be 16, cubic 64).
    assert large <= 5 * small, f"{SMALL} chargers: {small} views per round; {LARGE}: {large}"
    assert large <= VIEWS_PER_CONNECTOR * LARGE, f"{large} views per round for {LARGE} connectors"
