"""localstripe as a test peer: its aiohttp app in a child process on 127.0.0.1, cleared per test.

Its own CLI binds every interface and pickles its store into the shared temp directory; the child
started here binds loopback only, keeps its store in memory, and is stopped by its PID.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

READY_TIMEOUT_S = 20.0


@dataclass
class LocalStripe:
    """A running localstripe: its base URL and process."""

    url: str
    process: subprocess.Popen[str]

    def clear(self) -> None:
        """Forgets every object (localstripe's own `DELETE /_config/data`)."""
        request = urllib.request.Request(f"{self.url}/_config/data", method="DELETE")
        with urllib.request.urlopen(request, timeout=5):
            pass

    def stop(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        if self.process.stdout is not None:
            self.process.stdout.close()


def start_localstripe() -> LocalStripe:
    """Starts the child, reads the port it bound, waits until it answers HTTP."""
    process = subprocess.Popen(
        [sys.executable, __file__],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if not line.isdigit():
        process.kill()
        process.wait()
        raise RuntimeError(f"localstripe did not start: {line!r}")
    peer = LocalStripe(f"http://127.0.0.1:{line}", process)
    deadline = time.monotonic() + READY_TIMEOUT_S
    while True:
        try:
            peer.clear()
            return peer
        except (urllib.error.URLError, ConnectionError, OSError):
            if time.monotonic() > deadline or process.poll() is not None:
                peer.stop()
                raise RuntimeError("localstripe did not answer") from None
            time.sleep(0.05)


@pytest.fixture(scope="session")
def localstripe_session() -> Iterator[LocalStripe]:
    peer = start_localstripe()
    try:
        yield peer
    finally:
        peer.stop()


@pytest.fixture
def localstripe(localstripe_session: LocalStripe) -> LocalStripe:
    """A localstripe with an empty store."""
    localstripe_session.clear()
    return localstripe_session


def _serve() -> None:
    """The child: localstripe's app on a loopback socket whose port goes to stdout."""
    import socket

    from aiohttp import web
    from localstripe.resources import store
    from localstripe.server import app

    # Its store would be pickled into the shared temp directory after every write.
    store.dump_to_disk = lambda: None  # type: ignore[method-assign]
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    print(sock.getsockname()[1], flush=True)
    web.run_app(app, sock=sock, print=None, access_log=None, handle_signals=True)


if __name__ == "__main__":
    _serve()
