#!/usr/bin/env python3
"""Installs a built release archive under the release root with the updater's own StationInstaller.

scripts/install-station.sh builds the release tree (sources, native module, translations) and runs
this with the station's venv Python and the new tree on PYTHONPATH, so that a release installed by
a technician is laid out exactly as one installed by OCPP UpdateFirmware (docs/ocpp-firmware.md,
"Station software: releases and rollback"): releases/<version>-<stamp>-<pid>/ with RELEASE.json,
the health check run inside it, `previous` and `current` switched atomically, older releases pruned.
Prints the new release's directory.

    PYTHONPATH=TREE venv/bin/python scripts/install_release.py --root /opt/evse-station \\
        --version 0.1.0 evse-station-0.1.0.tar.gz
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import sys
from pathlib import Path

from app.updates.package_format import PayloadFile, VerifiedPackage
from app.updates.station_release import InstallError, StationInstaller


def install(root: Path, version: str, archive: Path) -> Path:
    """Installs `archive` (a source tarball) as the current release; returns its directory."""
    data = archive.read_bytes()
    package = VerifiedPackage(
        target="station",
        version=version,
        files=(PayloadFile(name=archive.name, sha256=hashlib.sha256(data).hexdigest(), size=len(data)),),
        directory=archive.parent,
        manifest={},
    )
    installer = StationInstaller(root, python=sys.executable)
    asyncio.run(installer.install(package))
    # A release the technician installed is confirmed at once: the boot guard is for an update that
    # the station itself applied and has not yet seen start (with nothing to go back to on a fresh
    # station, it could only count starts for ever).
    installer.confirm()
    release = installer.current_release()
    if release is None:
        raise InstallError(f"{root}/current was not made")
    return release


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, required=True, help="the release root (releases/, current)")
    parser.add_argument("--version", required=True, help="the release's version (pyproject.toml)")
    parser.add_argument("archive", type=Path, help="the release tree as a .tar.gz")
    args = parser.parse_args(argv)
    try:
        print(install(args.root, args.version, args.archive.resolve()))
    except InstallError as exc:
        print(f"install_release: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
