"""Runs the evse-sim charger simulator and talks to its control channel (used by tests and demos)."""

from __future__ import annotations

import asyncio
import collections
import json
import os
import signal
import socket
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SIM_BINARY = REPO_ROOT / "build" / "firmware" / "evse-sim"
BUILD_HINT = (
    "cmake -S firmware -B build/firmware -DCMAKE_BUILD_TYPE=Release && "
    "cmake --build build/firmware -j2 --target evse-sim"
)


class SimError(Exception):
    """The simulator failed to start, or answered a control command with ok=false."""


def find_sim_binary() -> Path:
    """The evse-sim to run: $EVSE_SIM, else build/firmware/evse-sim under the repository root."""
    env = os.environ.get("EVSE_SIM")
    return Path(env) if env else DEFAULT_SIM_BINARY


@dataclass(frozen=True)
class SimPorts:
    """Ports reported on the simulator's ready line."""

    control_port: int
    i2c_port: int
    charger_ports: tuple[int, ...]
    stepped: bool


class SimulatorProcess:
    """An evse-sim child process: started with its arguments, ready once it printed its ports."""

    def __init__(
        self,
        chargers: int = 1,
        *,
        stepped: bool = False,
        tick_ms: int | None = None,
        phases: str | None = None,
        realtime_factor: float | None = None,
        host: str = "127.0.0.1",
        binary: Path | None = None,
        extra_args: list[str] | None = None,
    ) -> None:
        self.binary = binary or find_sim_binary()
        self.host = host
        self.args = [str(self.binary), "--chargers", str(chargers), "--host", host]
        self.args += ["--base-port", "0", "--control-port", "0", "--i2c-port", "0"]
        if stepped:
            self.args.append("--stepped")
        if tick_ms is not None:
            self.args += ["--tick-ms", str(tick_ms)]
        if phases is not None:
            self.args += ["--phases", phases]
        if realtime_factor is not None:
            self.args += ["--realtime-factor", str(realtime_factor)]
        self.args += extra_args or []
        self.chargers = chargers
        self.proc: subprocess.Popen[bytes] | None = None
        self._ports: SimPorts | None = None
        self._output: collections.deque[str] = collections.deque(maxlen=200)

    @property
    def ports(self) -> SimPorts:
        if self._ports is None:
            raise SimError("simulator not started")
        return self._ports

    @property
    def pid(self) -> int:
        if self.proc is None:
            raise SimError("simulator not started")
        return self.proc.pid

    def output_tail(self) -> str:
        """The last lines the simulator printed (stdout after the ready line, and stderr)."""
        return "\n".join(self._output)

    def start(self, timeout_s: float = 10.0) -> SimPorts:
        if not self.binary.is_file():
            raise SimError(f"simulator binary {self.binary} not found; build it with: {BUILD_HINT}")
        self.proc = subprocess.Popen(self.args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        ready: dict[str, Any] = {}
        got_ready = threading.Event()

        def read_stdout() -> None:
            assert self.proc is not None and self.proc.stdout is not None
            for raw in self.proc.stdout:
                line = raw.decode(errors="replace").rstrip()
                if not got_ready.is_set():
                    try:
                        msg = json.loads(line)
                    except ValueError:
                        msg = None
                    if isinstance(msg, dict) and msg.get("ready"):
                        ready.update(msg)
                        got_ready.set()
                        continue
                self._output.append(line)
            got_ready.set()  # EOF: the process ended before or after getting ready

        def read_stderr() -> None:
            assert self.proc is not None and self.proc.stderr is not None
            for raw in self.proc.stderr:
                self._output.append(raw.decode(errors="replace").rstrip())

        # Draining both pipes for the whole run keeps a chatty simulator from blocking on a full pipe.
        threading.Thread(target=read_stdout, daemon=True).start()
        threading.Thread(target=read_stderr, daemon=True).start()
        if not got_ready.wait(timeout_s) or not ready:
            self.stop()
            raise SimError(f"simulator did not get ready within {timeout_s} s:\n{self.output_tail()}")
        self._ports = SimPorts(
            int(ready["control_port"]),
            int(ready["i2c_port"]),
            tuple(int(p) for p in ready["charger_ports"]),
            bool(ready.get("stepped", False)),
        )
        return self._ports

    def stop(self, timeout_s: float = 3.0) -> int | None:
        """SIGTERM, then SIGKILL if it does not exit; returns the exit code."""
        proc = self.proc
        if proc is None:
            return None
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout_s)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout_s)
        return proc.returncode

    def __enter__(self) -> SimulatorProcess:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class SimControl:
    """Client of the control channel (one JSON object per line each way).

    One blocking socket serves both call_sync() and the async call(), which runs the exchange in a
    worker thread: the client then works from any event loop (tests run several asyncio.run calls
    against one simulator) and never blocks the loop.
    """

    def __init__(self, host: str, port: int, timeout_s: float = 10.0) -> None:
        self.host = host
        self.port = port
        self.timeout_s = timeout_s
        self._sock: socket.socket | None = None
        self._file: Any = None
        self._lock = threading.Lock()

    def connect(self) -> SimControl:
        with self._lock:
            self._connect_locked()
        return self

    def _connect_locked(self) -> None:
        if self._sock is None:
            self._sock = socket.create_connection((self.host, self.port), timeout=self.timeout_s)
            self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._file = self._sock.makefile("rb")

    def call_sync(self, cmd: str, **args: Any) -> dict[str, Any]:
        """Sends one command and returns its reply; raises SimError if the reply says ok=false."""
        request = (json.dumps({"cmd": cmd, **args}) + "\n").encode()
        with self._lock:
            self._connect_locked()
            assert self._sock is not None
            self._sock.sendall(request)
            line = self._file.readline()
        if not line:
            raise SimError(f"{cmd}: control channel closed")
        reply: dict[str, Any] = json.loads(line)
        if not reply.get("ok"):
            raise SimError(f"{cmd}: {reply.get('error', reply)}")
        return reply

    async def call(self, cmd: str, **args: Any) -> dict[str, Any]:
        """call_sync() off the event loop."""
        return await asyncio.to_thread(self.call_sync, cmd, **args)

    def close(self) -> None:
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None
            if self._sock is not None:
                self._sock.close()
                self._sock = None

    def __enter__(self) -> SimControl:
        return self.connect()

    def __exit__(self, *exc: object) -> None:
        self.close()
