"""The USB stick a technician brings: where packages are read from and exports are written to.

`[admin] export_dir` names it when set; otherwise it is the first removable drive mounted under /media
(where udisks and usbmount put USB sticks). A missing or unwritable directory is an OperationError
with a code the screens translate (docs/admin.md "Firmware", "Diagnostics").
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from app.admin.context import OperationError

MEDIA_ROOT = Path("/media")
MOUNTS = Path("/proc/mounts")


def removable_mounts(mounts: Path = MOUNTS, media_root: Path = MEDIA_ROOT) -> list[Path]:
    """The mount points under /media, in the order they were mounted."""
    try:
        lines = mounts.read_text().splitlines()
    except OSError:
        return []
    found = []
    for line in lines:
        fields = line.split()
        if len(fields) < 2:
            continue
        # /proc/mounts escapes a space in a mount point as \040 (proc(5)).
        point = Path(fields[1].replace("\\040", " "))
        if point.is_relative_to(media_root) and point != media_root:
            found.append(point)
    return found


def usb_directory(configured: str, directory: str | Path | None = None, *, writable: bool = False) -> Path:
    """The directory to use: the one asked for, else `[admin] export_dir`, else the first USB drive.

    Raises OperationError "no_export_drive" (nothing found), "export_dir_missing" (not a directory) or
    "export_dir_unwritable" (a file cannot be made there: read-only, full, or the stick pulled out;
    tried, not guessed from modes). The codes are those of the analytics export."""
    if directory:
        path = Path(directory)
    elif configured:
        path = Path(configured)
    else:
        drives = removable_mounts()
        if not drives:
            raise OperationError("no_export_drive", "no USB drive is mounted under /media")
        path = drives[0]
    if not path.is_dir():
        raise OperationError("export_dir_missing", f"{path} is not a directory", directory=str(path))
    if writable:
        try:
            with tempfile.NamedTemporaryFile(dir=path, prefix=".evse-probe-"):
                pass
        except OSError as err:
            raise OperationError(
                "export_dir_unwritable", f"cannot write in {path}: {err}", directory=str(path)
            ) from None
    return path
