#!/usr/bin/env python3
"""Idempotent edits of the system's own text files for scripts/install-station.sh: the Pi's config.txt, fstab.

Each command rewrites its file only when the content must change (same mode and owner, atomically, by
a rename), prints `changed FILE` when it did, and nothing when the file already said what it must: a
second run of the installer leaves every file as it was. Runs on the system's Python 3 (no
dependencies: it runs before the station's environment exists).

    install_station_edits.py config-txt FILE dtparam=i2c_arm=on dtparam=watchdog=on ...
    install_station_edits.py fstab-noatime FILE
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

CONFIG_TXT_NOTE = "# EV charging station (scripts/install-station.sh): I2C to the chargers, hardware watchdog"


def _write_if_changed(path: Path, old: str, new: str) -> bool:
    """Replaces the content by renaming a full copy over it: never a half-written fstab after a power cut."""
    if new == old:
        return False
    st = path.stat()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(new)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, st.st_mode & 0o7777)
        os.chown(tmp, st.st_uid, st.st_gid)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    print(f"changed {path}")
    return True


def _setting_name(line: str) -> str | None:
    """What a later line overrides: `dtparam=i2c_arm` for `dtparam=i2c_arm=on`, `gpu_mem` for `gpu_mem=1`."""
    key, sep, value = line.strip().partition("=")
    if not sep:
        return None
    if key in ("dtparam", "dtoverlay"):
        return f"{key}={value.split('=', 1)[0]}"
    return key


def edit_config_txt(text: str, wanted: list[str]) -> str:
    """Makes every `wanted` line active for every model, as raspi-config does (its set_config_var).

    The Raspberry Pi firmware reads config.txt top to bottom; a line under a conditional filter such
    as `[cm4]` applies to that model only, until `[all]` (Raspberry Pi documentation, "config.txt",
    "Conditional filters"). So only lines before the first filter or after an `[all]` count: a wanted
    setting found there with another value is changed in place, one commented out there (`#dtparam=
    i2c_arm=on` in Raspberry Pi OS's default file) is uncommented, and anything else is appended
    under `[all]`, so that no setting appears twice.
    """
    lines = text.splitlines()
    unconditional = []  # per line: does it apply to every model?
    applies = True
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            applies = stripped.lower() == "[all]"
        unconditional.append(applies)
    appended: list[str] = []
    for want in wanted:
        name = _setting_name(want)
        active = [
            i
            for i, line in enumerate(lines)
            if unconditional[i] and not line.lstrip().startswith("#") and _setting_name(line) == name
        ]
        if active:
            # The last one wins in the firmware: make it the wanted value, leave the others as written.
            if lines[active[-1]].strip() != want:
                lines[active[-1]] = want
            continue
        commented = [
            i
            for i, line in enumerate(lines)
            if unconditional[i] and re.fullmatch(r"\s*#+\s*" + re.escape(want) + r"\s*", line)
        ]
        if commented:
            lines[commented[0]] = want
            continue
        appended.append(want)
    if appended:
        if lines and lines[-1].strip():
            lines.append("")
        lines.append(CONFIG_TXT_NOTE)
        if unconditional and not unconditional[-1]:
            lines.append("[all]")
        lines.extend(appended)
    return "\n".join(lines) + "\n"


_FSTAB_LINE = re.compile(r"^(\s*\S+\s+)(\S+)(\s+\S+\s+)(\S+)(.*)$")
# Options that choose another access-time policy than noatime (mount(8), "FILESYSTEM-INDEPENDENT
# MOUNT OPTIONS"): the last one given wins, so they go rather than contradict noatime.
_ATIME_OPTIONS = {"atime", "relatime", "strictatime", "norelatime", "nostrictatime"}


def edit_fstab_noatime(text: str) -> tuple[str, bool]:
    """Adds `noatime` to the root file system's options; (new text, whether a `/` entry was found).

    Without it every read of a file writes its access time to the SD card (relatime, the default,
    still does once a day per file). The line keeps its own spacing (tabs or spaces) and other options.
    """
    found = False
    out = []
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\n")
        match = _FSTAB_LINE.match(body)
        if match is None or body.lstrip().startswith("#") or match.group(2) != "/":
            out.append(line)
            continue
        found = True
        options = [o for o in match.group(4).split(",") if o not in _ATIME_OPTIONS]
        if "noatime" not in options:
            options.append("noatime")
        new = match.group(1) + match.group(2) + match.group(3) + ",".join(options) + match.group(5)
        out.append(new + line[len(body) :])
    return "".join(out), found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    config_txt = commands.add_parser("config-txt", help="make lines of the Pi's config.txt active")
    config_txt.add_argument("file", type=Path)
    config_txt.add_argument("lines", nargs="+")
    fstab = commands.add_parser("fstab-noatime", help="mount the root file system with noatime")
    fstab.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    text = args.file.read_text(encoding="utf-8")
    if args.command == "config-txt":
        _write_if_changed(args.file, text, edit_config_txt(text, args.lines))
        return 0
    new, found = edit_fstab_noatime(text)
    if not found:
        # The root is then mounted from the kernel command line only (a container, or a hand-made
        # image): there is no line to add the option to, and guessing the device would be worse.
        print(f"{args.file}: no entry for / (not changed)", file=sys.stderr)
        return 3
    _write_if_changed(args.file, text, new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
