"""A station script run as a child process that a crash test kills with SIGKILL; its stdout lines
(the first word of each) say how far it got."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


class StationProcess:
    """One run of a script in tests/support (crash_station.py by default); its stdout lines say how far
    start-up got."""

    def __init__(self, args: list[str], script: str = "crash_station.py") -> None:
        self.args = args
        self.script = script
        self.proc: asyncio.subprocess.Process | None = None
        self.seen: set[str] = set()
        self.last_line = ""
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> None:
        env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'tests'}"}
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, str(REPO / "tests" / "support" / self.script), *self.args,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL, env=env, cwd=REPO,
        )  # fmt: skip
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        async for raw in self.proc.stdout:
            line = raw.decode().strip()
            self.seen.add(line.split(" ")[0])
            self.last_line = line

    async def wait_for(self, word: str, timeout_s: float) -> bool:
        deadline = time.monotonic() + timeout_s
        while word not in self.seen:
            if time.monotonic() > deadline or (self.proc is not None and self.proc.returncode is not None):
                return False
            await asyncio.sleep(0.005)
        return True

    async def kill(self) -> None:
        assert self.proc is not None
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGKILL)
        await self.proc.wait()
        if self._reader is not None:
            await self._reader

    async def terminate(self) -> int:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(self.proc.wait(), 15)
        if self._reader is not None:
            await self._reader
        return code
