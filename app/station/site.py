"""The station core: the charger manager, control arbitration and the load balancer, run together."""

from __future__ import annotations

from collections.abc import Callable

from app.arbitration import Arbiter
from app.background_tasks import BackgroundTasks
from app.balancing import BuildingMeter, LoadBalancer
from app.chargers import ChargerManager
from app.config import ConfiguredCharger, StationConfig
from hal.board.charger_board import ChargerBoard


class Station:
    """Starts the chargers' links and the balancing loop; the UI and services talk to these parts."""

    def __init__(
        self,
        config: StationConfig,
        *,
        open_board: Callable[[ConfiguredCharger], ChargerBoard] | None = None,
        building_meter: BuildingMeter | None = None,
    ) -> None:
        self.config = config
        self.manager = ChargerManager(config, open_board=open_board)
        self.arbiter = Arbiter()
        self.balancer = LoadBalancer(config, self.manager, self.arbiter, building_meter=building_meter)
        self._balancing = BackgroundTasks("station")

    async def start(self) -> None:
        await self.manager.start()
        self._balancing.start(self.balancer.run(), name="load-balancer")

    async def stop(self) -> None:
        await self._balancing.close()
        await self.manager.stop()

    async def __aenter__(self) -> Station:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()
