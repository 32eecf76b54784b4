"""A station with its analytics recorder, run as a child process that a test kills with SIGKILL.

Usage: recorder_station.py <host> <port,port,...> <database url>. It prints "ready" once every connector
has its first timeline row, then runs until killed (tests/app/analytics/test_recorder.py).
"""

from __future__ import annotations

import argparse
import asyncio

from sessions_support import running_service, station_config
from sqlalchemy import func, select

from app.analytics.recorder import AnalyticsRecorder, RecorderTiming
from app.db.engine import make_engine, read_only, session_factory
from app.db.models import ConnectorStateSpan

TIMING = RecorderTiming(check_s=0.2, link_flush_s=0.5, alive_s=0.5, connect_grace_s=5.0)


class _Ports:
    def __init__(self, host: str, ports: list[int]) -> None:
        self.host, self.ports, self.chargers = host, ports, len(ports)

    def charger_port(self, index: int) -> int:
        return self.ports[index]


async def run(host: str, ports: list[int], url: str) -> None:
    engine = make_engine(url)
    async with running_service(station_config(_Ports(host, ports)), engine) as service:
        station = service.station
        recorder = AnalyticsRecorder(
            engine, service.writer, station.manager, station.balancer, service, dict, timing=TIMING
        )
        await recorder.start()
        reader = session_factory(read_only(engine))
        while True:
            with reader() as db:
                recorded = db.scalar(select(func.count(func.distinct(ConnectorStateSpan.connector_id))))
            if recorded == len(ports):
                print("ready", flush=True)
                break
            await asyncio.sleep(0.1)
        await asyncio.Event().wait()  # until killed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    parser.add_argument("ports")
    parser.add_argument("url")
    args = parser.parse_args()
    asyncio.run(run(args.host, [int(p) for p in args.ports.split(",")], args.url))


if __name__ == "__main__":
    main()
