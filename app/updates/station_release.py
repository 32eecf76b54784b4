"""Station software releases side by side: install into a new release, health-check, switch, roll back.

Layout under the release root (docs/ocpp-firmware.md):

    releases/<version>-<stamp>/   one directory per installed release, holding RELEASE.json
    current -> releases/...      what the service starts (PYTHONPATH and working directory)
    previous -> releases/...     the release before, kept for rollback
    boot-guard.json              a switched release that has not yet confirmed it runs

`python -m app.updates.station_release --root DIR pre-start` is meant as the service's ExecStartPre: it
counts starts of an unconfirmed release and switches back once it failed to come up too often.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.metadata
import json
import logging
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

from app.updates.package_format import VerifiedPackage
from app.updates.tar_extract import UnsafeArchiveError, extract_members

log = logging.getLogger(__name__)

RELEASE_FILE = "RELEASE.json"
GUARD_FILE = "boot-guard.json"
MAX_UNCONFIRMED_STARTS = 3


class InstallError(Exception):
    """The release could not be installed; the station still runs (and will start) the release it had."""


def _write_json_atomically(path: Path, value: object) -> None:
    # Write, fsync, rename, fsync the directory: after a power cut the file is the old or the new one.
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(value, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _point(link: Path, target: Path) -> None:
    """Points a symlink at `target` atomically: a new link under a temporary name renamed over the old."""
    tmp = link.with_name(link.name + ".new")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(os.path.relpath(target, link.parent))
    os.replace(tmp, link)
    _fsync_dir(link.parent)


def _extract_tree(archive: Path, into: Path) -> None:
    """Extracts a source tarball, dropping a single top-level directory (as `git archive --prefix` makes)."""
    with tarfile.open(archive, "r:*") as tar:
        members = tar.getmembers()
        tops = {m.name.split("/", 1)[0] for m in members}
        top = next(iter(tops)) if len(tops) == 1 else None
        strip = top is not None and all("/" in m.name or (m.isdir() and m.name == top) for m in members)
        for member in members:
            if strip:
                member.name = member.name.split("/", 1)[1] if "/" in member.name else ""
                if member.islnk() and member.linkname.startswith(f"{top}/"):
                    # A hard link names another member, so it loses the same top directory.
                    member.linkname = member.linkname.split("/", 1)[1]
        try:
            extract_members(tar, [m for m in members if m.name], into)
        except UnsafeArchiveError as exc:
            raise InstallError(f"unsafe release archive: {exc}") from exc


class StationInstaller:
    """Installs a verified "station" package as a new release next to the current one."""

    target = "station"

    def __init__(
        self,
        root: Path,
        *,
        health_check: list[str] | None = None,
        python: str = sys.executable,
        timeout_s: float = 300.0,
    ) -> None:
        self.root = root
        self.python = python
        # `{python}` is this interpreter; the check runs inside the new release with it on PYTHONPATH.
        self.health_check = health_check or ["{python}", "-m", "launcher", "--help-config"]
        self.timeout_s = timeout_s

    @property
    def releases(self) -> Path:
        return self.root / "releases"

    def _link_target(self, name: str) -> Path | None:
        link = self.root / name
        return link.resolve() if link.is_symlink() else None

    def current_release(self) -> Path | None:
        return self._link_target("current")

    def current_version(self) -> str | None:
        """The version of the release `current` points to (the one the service starts)."""
        return self._version_of(self.current_release())

    def previous_version(self) -> str | None:
        """The version of the release `previous` points to (what rollback() goes back to)."""
        return self._version_of(self._link_target("previous"))

    @staticmethod
    def _version_of(release: Path | None) -> str | None:
        if release is None or not (release / RELEASE_FILE).exists():
            return None
        return str(json.loads((release / RELEASE_FILE).read_text())["version"])

    async def install(self, package: VerifiedPackage) -> bool:
        """Installs, health-checks and switches to the package's release; True: a restart runs it."""
        await asyncio.to_thread(self._install, package)
        return True

    def _install(self, package: VerifiedPackage) -> None:
        if package.target != self.target:
            raise InstallError(f"package target {package.target!r} is not {self.target!r}")
        wheels = [package.path(f) for f in package.files if f.name.endswith(".whl")]
        tarballs = [package.path(f) for f in package.files if f.name.endswith((".tar.gz", ".tgz"))]
        if not (wheels and not tarballs) and not (len(tarballs) == 1 and not wheels):
            raise InstallError("a station package holds wheels or exactly one source tarball")
        self.releases.mkdir(parents=True, exist_ok=True)
        name = f"{package.version}-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
        staging = self.releases / f".incoming-{name}"
        release = self.releases / name
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        try:
            if wheels:
                # No index and no dependencies: the station never fetches code the vendor did not sign;
                # dependencies come from the service's environment or as further wheels in the package.
                self._run(
                    [
                        self.python,
                        "-m",
                        "pip",
                        "install",
                        "--quiet",
                        "--no-deps",
                        "--no-index",
                        "--target",
                        str(staging),
                        *map(str, wheels),
                    ],
                    "pip install",
                    cwd=self.root,
                )
            else:
                _extract_tree(tarballs[0], staging)
            (staging / RELEASE_FILE).write_text(json.dumps({"version": package.version, "name": name}))
            os.replace(staging, release)
            self._run(
                [a.replace("{python}", self.python) for a in self.health_check], "health check", cwd=release
            )
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            shutil.rmtree(release, ignore_errors=True)
            raise
        old = self.current_release()
        if old is not None:
            _point(self.root / "previous", old)
        _write_json_atomically(self.root / GUARD_FILE, {"release": name, "starts": 0})
        _point(self.root / "current", release)
        self._prune()

    def _run(self, args: list[str], what: str, *, cwd: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(cwd)}
        try:
            result = subprocess.run(
                args, cwd=cwd, env=env, capture_output=True, text=True, timeout=self.timeout_s, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise InstallError(f"{what}: {exc}") from exc
        if result.returncode != 0:
            tail = (result.stderr or result.stdout).strip()[-400:]
            raise InstallError(f"{what} exited with {result.returncode}: {tail}")

    def _prune(self) -> None:
        """Keeps the current and the previous release; older ones and leftovers of interrupted installs go."""
        current = self.current_release()
        if current is None:
            return  # not a managed layout (yet): never delete what nothing points to
        keep = {current, self._link_target("previous")}
        for entry in self.releases.iterdir():
            if entry.resolve() not in keep:
                shutil.rmtree(entry, ignore_errors=True)

    def rollback(self) -> bool:
        """Switches `current` back to `previous`; False when there is no previous release."""
        previous = self._link_target("previous")
        if previous is None or not previous.is_dir():
            return False
        _point(self.root / "current", previous)
        (self.root / "previous").unlink()
        (self.root / GUARD_FILE).unlink(missing_ok=True)
        return True

    def confirm(self) -> None:
        """The running release came up: it is no longer rolled back by `pre_start`."""
        (self.root / GUARD_FILE).unlink(missing_ok=True)

    async def recover(self) -> None:
        """An install was interrupted (power cut): leftovers go; an unconfirmed switch is undone."""
        await asyncio.to_thread(self._recover)

    def _recover(self) -> None:
        guard_path = self.root / GUARD_FILE
        if guard_path.exists():
            current = self.current_release()
            if current is not None and current.name == json.loads(guard_path.read_text())["release"]:
                self.rollback()
            guard_path.unlink(missing_ok=True)
        if self.releases.is_dir():
            self._prune()

    def pre_start(self) -> bool:
        """Counts a start of an unconfirmed release; rolls back after too many. True when it rolled back."""
        guard_path = self.root / GUARD_FILE
        if not guard_path.exists():
            return False
        guard = json.loads(guard_path.read_text())
        current = self.current_release()
        if current is None or current.name != guard["release"]:
            guard_path.unlink()
            return False
        guard["starts"] += 1
        if guard["starts"] > MAX_UNCONFIRMED_STARTS:
            return self.rollback()
        _write_json_atomically(guard_path, guard)
        return False


def running_version(release_root: str | None) -> str:
    """The station software's version: the release the updater installed, else the package's own.

    With a release root (docs/ocpp-firmware.md) the running release is the one `current` points to,
    whose RELEASE.json the installer wrote; a station run from a plain checkout reports the version
    of the installed `evse-station` distribution (pyproject.toml).
    """
    if release_root:
        try:
            installed = StationInstaller(Path(release_root)).current_version()
        except (OSError, ValueError, KeyError) as err:  # a damaged RELEASE.json must not stop the boot
            log.warning("installed release unknown: %s", err)
            installed = None
        if installed is not None:
            return installed
    try:
        return importlib.metadata.version("evse-station")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m app.updates.station_release", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--root", type=Path, required=True, help="the release root (holds releases/, current)"
    )
    parser.add_argument("action", choices=("pre-start", "rollback", "show"))
    args = parser.parse_args(argv)
    installer = StationInstaller(args.root)
    if args.action == "pre-start":
        if installer.pre_start():
            print(f"rolled back to {installer.current_release()}", file=sys.stderr)
        return 0
    if args.action == "rollback":
        return 0 if installer.rollback() else 1
    print(f"current: {installer.current_release()} ({installer.current_version()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
