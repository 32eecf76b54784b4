"""The service manager's notification socket: READY=1, WATCHDOG=1, STATUS= and STOPPING=1 to systemd.

The protocol is sd_notify(3): one datagram of newline-separated KEY=VALUE assignments on the
AF_UNIX socket named by $NOTIFY_SOCKET (a leading "@" names an abstract socket). It is a few lines,
so the station speaks it itself rather than depending on libsystemd's Python binding, which needs a
C build. Without $NOTIFY_SOCKET (a terminal, the demo, the tests) every call does nothing.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger(__name__)


def _address(path: str) -> str | bytes:
    # sd_notify(3): "@" at the start means the abstract namespace, which Linux spells with a NUL.
    return b"\0" + path[1:].encode() if path.startswith("@") else path


class ServiceManagerNotifier:
    """Sends sd_notify messages; `enabled` is False (and sending a no-op) when not run by systemd."""

    def __init__(self, environ: Mapping[str, str] = os.environ) -> None:
        self.socket_path = environ.get("NOTIFY_SOCKET", "")
        self.enabled = bool(self.socket_path)
        self._socket: socket.socket | None = None
        self._failed_once = False

    def send(self, **assignments: str | int) -> bool:
        """Sends e.g. send(READY=1, STATUS="4 chargers online"); returns whether it left the process."""
        if not self.enabled:
            return False
        message = "\n".join(f"{key}={value}" for key, value in assignments.items()).encode()
        try:
            if self._socket is None:
                self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
                # Never wait on the event loop: a full queue drops this message, the next one follows.
                self._socket.setblocking(False)
            self._socket.sendto(message, _address(self.socket_path))
        except OSError as err:
            if not self._failed_once:  # once: a broken socket must not flood the journal every ping
                log.warning("service manager notification failed (%s): %s", self.socket_path, err)
                self._failed_once = True
            return False
        return True

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None


def watchdog_interval_s(environ: Mapping[str, str] = os.environ, pid: int | None = None) -> float | None:
    """WatchdogSec= as systemd passes it ($WATCHDOG_USEC), or None when no watchdog is asked for.

    $WATCHDOG_PID names the process systemd expects the pings from. On the appliance that is the
    compositor (cage), whose only client is this process, so a WATCHDOG_PID of the parent counts too;
    the unit's NotifyAccess=all lets systemd take the pings from the child (docs/deployment.md).
    """
    usec = environ.get("WATCHDOG_USEC", "")
    if not usec.isdigit() or int(usec) == 0:
        return None
    expected = environ.get("WATCHDOG_PID", "")
    if expected.isdigit():
        me = pid if pid is not None else os.getpid()
        if int(expected) not in (me, os.getppid()):
            return None
    return int(usec) / 1_000_000
