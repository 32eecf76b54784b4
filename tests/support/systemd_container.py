"""A Debian root booted with a real systemd as its init, in systemd-nspawn, for tests of the units as
systemd runs them: Type=notify, the watchdog, Restart=, KillMode=.

The host has no systemd of its own (no D-Bus, no machined), so the container is neither registered nor
given a scope unit (--register=no --keep-unit), and commands reach its systemd by entering its
namespaces (nsenter) rather than through machinectl. systemd-nspawn expects the "inaccessible" nodes a
booted systemd leaves in /run/systemd/inaccessible (it masks /proc/kallsyms and such with them); they
are made here when missing, as systemd itself would at boot.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import time
from pathlib import Path

from process_tree import descendants

INACCESSIBLE = Path("/run/systemd/inaccessible")


def _inaccessible_nodes() -> None:
    INACCESSIBLE.mkdir(parents=True, exist_ok=True)
    nodes = {
        "reg": stat.S_IFREG,
        "dir": stat.S_IFDIR,
        "fifo": stat.S_IFIFO,
        "chr": stat.S_IFCHR,
        "blk": stat.S_IFBLK,
    }
    for name, kind in nodes.items():
        path = INACCESSIBLE / name
        if path.exists() or path.is_symlink():
            continue
        if kind == stat.S_IFDIR:
            path.mkdir(mode=0)
        elif kind == stat.S_IFREG:
            path.touch(mode=0)
        else:
            os.mknod(path, kind | 0, os.makedev(0, 0))
        path.chmod(0)


class SystemdContainer:
    """`root` booted; show()/run() inside; stop() powers it off."""

    def __init__(self, root: Path, log: Path) -> None:
        _inaccessible_nodes()
        self.root = root.resolve()
        self.log = log
        with log.open("wb") as out:
            self.proc = subprocess.Popen(
                [
                    "systemd-nspawn",
                    "--quiet",
                    "--register=no",
                    "--keep-unit",
                    "--console=pipe",
                    "-D",
                    str(self.root),
                    "--boot",
                ],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.init_pid = self._find_init(30.0)
        self.wait_for(lambda: self.run(["systemctl", "is-system-running"]).stdout.strip() != "", 60.0)

    def _find_init(self, timeout_s: float) -> int:
        """The host's PID of the container's PID 1: a descendant of systemd-nspawn whose PID in its
        own namespace is 1 (its root, seen from here, is not a path of ours: another mount namespace)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"systemd-nspawn ended: {self.log.read_text()[-3000:]}")
            for pid in descendants(self.proc.pid):
                try:
                    status = Path(f"/proc/{pid}/status").read_text().splitlines()
                except OSError:
                    continue
                nspid = next((line.split()[1:] for line in status if line.startswith("NSpid:")), [])
                if len(nspid) > 1 and nspid[-1] == "1":
                    return pid
            time.sleep(0.1)
        raise RuntimeError(f"the container's systemd did not start: {self.log.read_text()[-3000:]}")

    def run(self, args: list[str], timeout: float = 60.0) -> subprocess.CompletedProcess[str]:
        """A command inside the container (its mount, PID, UTS, IPC and network namespaces)."""
        return subprocess.run(
            ["nsenter", "-t", str(self.init_pid), "-m", "-u", "-i", "-n", "-p", "--", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def show(self, unit: str, *properties: str) -> dict[str, str]:
        result = self.run(["systemctl", "show", unit, "-p", ",".join(properties)])
        return dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)

    def journal(self, unit: str) -> str:
        """What the unit's processes logged and what systemd logged about it."""
        own = self.run(["journalctl", "--no-pager", "-o", "cat", "-u", unit]).stdout
        manager = self.run(["journalctl", "--no-pager", "-o", "cat", "_PID=1"]).stdout
        return own + "".join(line + "\n" for line in manager.splitlines() if unit in line)

    @staticmethod
    def wait_for(check, timeout_s: float, every_s: float = 0.1) -> float:  # type: ignore[no-untyped-def]
        """Polls check() until true; returns when (monotonic), or raises TimeoutError."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if check():
                return time.monotonic()
            time.sleep(every_s)
        raise TimeoutError(f"not within {timeout_s} s")

    def stop(self) -> None:
        """Powers the container off (nspawn turns SIGTERM into a clean shutdown), killed if it hangs."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
