"""Shared by the OCPP end-to-end tests (no tests here): a station runtime with OCPP against a test CSMS."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from ocpp_peers.peer import STEVE_PATH, CsmsPeer
from sessions_support import TARIFF, station_config

from app.config import DatabaseSettings, OcppSettings, StationConfig
from app.ocpp.central_system import build_central_system
from app.runtime.runtime import StationRuntime

IDENTITY = "CP-TEST-1"


def ocpp_config(sim: Any, csms: CsmsPeer, tmp_path: Path, **ocpp: Any) -> StationConfig:
    base = csms.url("", STEVE_PATH).rstrip("/")
    settings = OcppSettings(url=base, identity=IDENTITY, secrets_dir=str(tmp_path / "secrets"), **ocpp)
    return dataclasses.replace(
        station_config(sim),
        database=DatabaseSettings(url=f"sqlite:///{tmp_path / 'ledger.sqlite3'}"),
        tariff=TARIFF,
        ocpp=settings,
    )


@contextlib.asynccontextmanager
async def running_station(config: StationConfig) -> AsyncIterator[StationRuntime]:
    runtime = StationRuntime(config, build_central_system=build_central_system)
    await runtime.start()
    try:
        yield runtime
    finally:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(runtime.stop(), 10.0)


async def until(condition: Any, timeout_s: float, what: str) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out after {timeout_s} s waiting for {what}")
        await asyncio.sleep(0.05)
