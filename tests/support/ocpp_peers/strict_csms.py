"""The strict-schema central system (npm ocpp-rpc, strictMode) as a child process behind CsmsPeer."""

from __future__ import annotations

import collections
import itertools
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

from ocpp_peers.frames import Frame
from ocpp_peers.peer import CsmsPeer, InvalidResponseError, PeerCallError
from ocpp_peers.tls_pki import TlsFiles

SERVER_DIR = Path(__file__).resolve().parent / "strict_csms"
SETUP_HINT = (
    "run ./scripts/setup.sh --tests (it installs nodejs/npm and runs npm ci in "
    "tests/support/ocpp_peers/strict_csms)"
)


def missing_prerequisite() -> str | None:
    """Why the strict central system cannot start here, or None when it can."""
    if shutil.which("node") is None:
        return f"node is not installed; {SETUP_HINT}"
    if not (SERVER_DIR / "node_modules" / "ocpp-rpc").is_dir():
        return f"{SERVER_DIR / 'node_modules'} is missing; {SETUP_HINT}"
    return None


class StrictCsms(CsmsPeer):
    """`node server.js` with answers and calls driven over its stdin, its log parsed from its stdout."""

    name = "strict"

    def __init__(
        self,
        *,
        port: int = 0,
        password: str | None = None,
        tls: TlsFiles | None = None,
        path_prefix: str | None = None,
        ping_interval_ms: int = 0,
        first_transaction_id: int = 1,
    ) -> None:
        super().__init__()
        self.port = port
        self.tls = tls is not None
        args = [str(port), "--first-transaction-id", str(first_transaction_id)]
        args += ["--ping-interval-ms", str(ping_interval_ms)]
        if password is not None:
            args += ["--password", password]
        if path_prefix is not None:
            args += ["--path-prefix", path_prefix]
        if tls is not None:
            args += ["--tls-cert", str(tls.cert), "--tls-key", str(tls.key)]
            if tls.ca is not None:
                args += ["--tls-ca", str(tls.ca)]
            if tls.verify_client:
                args.append("--verify-client")
        self._args = args
        self._proc: subprocess.Popen[str] | None = None
        self._reader: threading.Thread | None = None
        self._write_lock = threading.Lock()
        self._ids = itertools.count(1)
        self._replies: dict[int, tuple[threading.Event, list[dict[str, Any]]]] = {}
        self._ready = threading.Event()
        self._ready_line: dict[str, Any] = {}
        self.output_tail: collections.deque[str] = collections.deque(maxlen=200)

    # --- process and command channel ----------------------------------------------------------------
    def start(self) -> StrictCsms:
        if self._proc is None:
            problem = missing_prerequisite()
            if problem:
                raise RuntimeError(problem)
            self._proc = subprocess.Popen(
                ["node", "server.js", *self._args],
                cwd=SERVER_DIR,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                bufsize=1,
                env={**os.environ, "NODE_NO_WARNINGS": "1"},
            )
            self._reader = threading.Thread(target=self._read, name="strict-csms-log", daemon=True)
            self._reader.start()
            if not self._ready.wait(30) or "port" not in self._ready_line:
                tail = "\n".join(self.output_tail)
                self.close()
                raise RuntimeError(f"strict CSMS did not start:\n{tail}")
            self.port = int(self._ready_line["port"])
        else:
            self.port = int(self._command("start")["port"])
        return self

    def _read(self) -> None:
        assert self._proc is not None and self._proc.stdout is not None
        for line in self._proc.stdout:
            self.output_tail.append(line.rstrip("\n"))
            try:
                item = json.loads(line)
            except ValueError:
                continue  # node's own warnings
            if not isinstance(item, dict):
                continue
            if "ready" in item or "fatal" in item:
                self._ready_line = item
                self._ready.set()
            elif "reply" in item:
                waiting = self._replies.pop(item["reply"], None)
                if waiting is not None:
                    waiting[1].append(item)
                    waiting[0].set()
            elif item.get("event") == "frame":
                self.log.record(item["direction"], item["identity"], item["raw"])
            elif "event" in item:
                details = {k: v for k, v in item.items() if k not in ("event", "identity")}
                self.log.event(item["event"], item.get("identity", ""), **details)
        self._ready.set()
        for event, _box in list(self._replies.values()):
            event.set()  # the process ended: nobody will answer

    def _command(self, cmd: str, timeout: float = 30.0, **fields: Any) -> dict[str, Any]:
        if self._proc is None or self._proc.stdin is None or self._proc.poll() is not None:
            raise ConnectionError("strict CSMS process is not running")
        number = next(self._ids)
        event = threading.Event()
        box: list[dict[str, Any]] = []
        self._replies[number] = (event, box)
        line = json.dumps({"id": number, "cmd": cmd, **fields})
        with self._write_lock:
            self._proc.stdin.write(line + "\n")
            self._proc.stdin.flush()
        if not event.wait(timeout) or not box:
            self._replies.pop(number, None)
            raise TimeoutError(f"strict CSMS did not answer command {cmd!r}")
        reply = box[0]
        error = reply.get("error")
        if error and error.get("kind") in ("bad_command", "other"):
            raise ConnectionError(f"strict CSMS: {error.get('message')}")
        return reply

    def stop(self, abrupt: bool = False) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._command("stop", abrupt=abrupt)

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            if proc.poll() is None and proc.stdin is not None:
                proc.stdin.close()  # server.js stops when its stdin closes
            proc.wait(10)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait(10)
        if self._reader is not None:
            self._reader.join(5)

    # --- answers ---------------------------------------------------------------------------------------
    def set_answer(self, action: str, payload: dict[str, Any]) -> None:
        self._command("answer", action=action, mode="reply", payload=payload)

    def set_error(self, action: str, code: str, description: str = "") -> None:
        self._command("answer", action=action, mode="error", code=code, description=description)

    def set_silent(self, action: str) -> None:
        self._command("answer", action=action, mode="silent")

    def reset_answer(self, action: str) -> None:
        self._command("answer", action=action, mode="default")

    def set_id_tag(self, id_tag: str, status: str) -> None:
        self._command("idtag", idTag=id_tag, status=status)

    def set_next_transaction_id(self, transaction_id: int) -> None:
        self._command("next_transaction_id", value=transaction_id)

    # --- calls to the charge point -------------------------------------------------------------------
    def call(
        self, action: str, payload: dict[str, Any], identity: str | None = None, timeout: float = 10.0
    ) -> dict[str, Any]:
        reply = self._command(
            "call",
            timeout + 10,
            identity=identity,
            action=action,
            payload=payload,
            timeoutMs=int(timeout * 1000),
        )
        error = reply.get("error")
        if not error:
            return reply.get("result") or {}
        kind = error.get("kind")
        if kind == "timeout":
            raise TimeoutError(f"no answer to {action} within {timeout} s")
        if kind == "invalid_response":
            raise InvalidResponseError(error.get("code") or "", error.get("message") or "")
        raise PeerCallError(error.get("code") or "", error.get("message") or "", error.get("details"))

    def send_raw(self, text: str, identity: str | None = None, timeout: float = 5.0) -> Frame | None:
        mark = len(self.log)
        self._command("raw", identity=identity, text=text)
        try:
            return self.log.wait_frame(
                lambda f: f.direction == "from_cp" and f.is_response and identity in (None, f.identity),
                timeout,
                mark,
            )
        except TimeoutError:
            return None

    def drop(self, identity: str | None = None) -> None:
        self._command("drop", identity=identity)

    def freeze(self, identity: str | None = None) -> None:
        self._command("freeze", identity=identity)
