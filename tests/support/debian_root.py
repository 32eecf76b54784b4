"""A fresh Debian root made by debootstrap, entered with chroot, for tests of what installs a whole system.

The root gets /proc, /sys, /dev and /dev/pts from the host (package scripts and systemd-analyze need
them), but not /run: systemd does not run in it, as in a chroot on a real machine. Downloads are
kept between runs in a cache directory ($EVSE_TEST_CACHE, else ~/.cache/evse-station-tests):
debootstrap's .deb files and apt's archive, which is bind-mounted as the root's
/var/cache/apt/archives. `close()` ends what still runs inside, unmounts everything, checks that
nothing of the host is mounted there any more, and only then deletes the tree.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import stat
import subprocess
import time
from pathlib import Path

MIRROR = "http://deb.debian.org/debian"
PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


def cache_dir() -> Path:
    """Where downloads are kept between test runs."""
    configured = os.environ.get("EVSE_TEST_CACHE")
    base = Path(configured) if configured else Path.home() / ".cache" / "evse-station-tests"
    base.mkdir(parents=True, exist_ok=True)
    return base


def host_codename() -> str:
    """The host's Debian release (bookworm on CI): a root of the same release runs the host's wheels."""
    for line in Path("/etc/os-release").read_text().splitlines():
        if line.startswith("VERSION_CODENAME="):
            return line.split("=", 1)[1].strip('"')
    return "bookworm"


class DebianRoot:
    """A debootstrapped root at `path`; use as a context manager, or call close()."""

    def __init__(self, path: Path) -> None:
        self.path = path.resolve()

    @classmethod
    def create(cls, path: Path, *, suite: str, include: list[str], log: Path) -> DebianRoot:
        """Runs `debootstrap --variant=minbase` (the smallest root apt can work in) plus `include`."""
        root = cls(path)
        debs = cache_dir() / f"debootstrap-{suite}"
        debs.mkdir(exist_ok=True)
        command = [
            "debootstrap",
            "--variant=minbase",
            f"--cache-dir={debs}",
            f"--include={','.join(include)}",
        ]
        try:
            with open(log, "w") as out:
                subprocess.run(
                    [*command, suite, str(path), MIRROR],
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    check=True,
                    timeout=900,
                )
            root._mount_system()
        except subprocess.CalledProcessError as exc:
            root.close()
            tail = log.read_text()[-3000:] if exc.cmd[0] == "debootstrap" else ""
            raise RuntimeError(f"{exc}\n{tail}") from exc
        except BaseException:
            root.close()
            raise
        return root

    def __enter__(self) -> DebianRoot:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _mount(self, args: list[str], target: Path) -> None:
        target.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mount", *args, str(target)], check=True)

    def _mount_system(self) -> None:
        self._mount(["-t", "proc", "proc"], self.path / "proc")
        self._mount(["--bind", "/sys"], self.path / "sys")
        self._mount(["--bind", "/dev"], self.path / "dev")
        self._mount(["--bind", "/dev/pts"], self.path / "dev/pts")
        archives = cache_dir() / f"apt-archives-{self.codename()}"
        (archives / "partial").mkdir(parents=True, exist_ok=True)
        self._mount(["--bind", str(archives)], self.path / "var/cache/apt/archives")
        # Package scripts must not start daemons in a chroot (invoke-rc.d's policy, Debian Policy 9.3.3).
        policy = self.path / "usr/sbin/policy-rc.d"
        policy.write_text("#!/bin/sh\nexit 101\n")
        policy.chmod(0o755)

    def bind(self, source: Path, target: str, *, read_only: bool = True) -> None:
        """Makes a host directory visible inside the root at `target` (an absolute path there)."""
        where = self.path / target.lstrip("/")
        self._mount(["--bind", str(source)], where)
        if read_only:
            subprocess.run(["mount", "-o", "remount,bind,ro", str(where)], check=True)

    def codename(self) -> str:
        for line in (self.path / "etc/os-release").read_text().splitlines():
            if line.startswith("VERSION_CODENAME="):
                return line.split("=", 1)[1].strip('"')
        raise ValueError("no VERSION_CODENAME in the root's os-release")

    def run(
        self, args: list[str], *, timeout: float = 300, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        """Runs a command inside the root with a clean environment (nothing of the host's leaks in)."""
        clean = {"PATH": PATH, "HOME": "/root", "LANG": "C.UTF-8", "TERM": "dumb", **(env or {})}
        command = ["chroot", str(self.path), "/usr/bin/env", "-i", *(f"{k}={v}" for k, v in clean.items())]
        return subprocess.run([*command, *args], capture_output=True, text=True, timeout=timeout, check=False)

    def _processes_inside(self) -> list[int]:
        inside = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                if Path(os.readlink(entry / "root")).is_relative_to(self.path):
                    inside.append(int(entry.name))
            except OSError:
                continue
        return inside

    def _mounted_below(self) -> list[str]:
        prefix = str(self.path)
        mounts = []
        for line in Path("/proc/mounts").read_text().splitlines():
            target = line.split()[1].replace("\\040", " ")
            if target == prefix or target.startswith(prefix + "/"):
                mounts.append(target)
        return mounts

    def close(self) -> None:
        """Ends what the tests left running inside, unmounts, and deletes the tree once nothing is mounted."""
        for pid in self._processes_inside():
            # Only children of this test can have their root there (a daemon a package script started).
            os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while self._processes_inside() and time.monotonic() < deadline:
            time.sleep(0.1)
        self.unmount_all()
        left = self._mounted_below()
        if left:
            # Deleting now would delete the host's /dev or /sys through the bind mount.
            raise RuntimeError(f"still mounted, {self.path} is left in place: {left}")
        if self.path.exists():
            shutil.rmtree(self.path)

    def unmount_all(self) -> None:
        """Unmounts what is mounted below the root (before booting it in a container, which mounts its
        own /proc, /sys and /dev)."""
        # Everything mounted below, deepest first: ours, and any a failed debootstrap left behind.
        for target in sorted(self._mounted_below(), key=len, reverse=True):
            if subprocess.run(["umount", target], check=False).returncode != 0:
                # Still busy: detached from the tree at once, freed when the last user goes.
                subprocess.run(["umount", "--lazy", target], check=False)


def tree_listing(root: Path, tops: list[str]) -> dict[str, tuple[object, ...]]:
    """Every path under `tops` (relative to `root`) with its type, content hash or link target, mode,
    owner, group, modification time and inode: any file written, even with equal content, differs."""
    listing: dict[str, tuple[object, ...]] = {}
    for top in tops:
        start = root / top
        if not start.exists():
            continue
        for dirpath, dirnames, filenames in os.walk(start):
            here = Path(dirpath)
            for path in [here, *(here / n for n in dirnames + filenames)]:
                st = path.lstat()
                if stat.S_ISLNK(st.st_mode):
                    what = f"link {os.readlink(path)}"
                elif stat.S_ISREG(st.st_mode):
                    what = "file " + hashlib.sha256(path.read_bytes()).hexdigest()
                else:
                    what = "dir" if stat.S_ISDIR(st.st_mode) else f"mode {stat.S_IFMT(st.st_mode)}"
                listing[str(path.relative_to(root))] = (
                    what,
                    oct(st.st_mode),
                    st.st_uid,
                    st.st_gid,
                    st.st_mtime_ns,
                    st.st_ino,
                )
    return listing
