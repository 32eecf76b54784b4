"""The panel's backlight through Linux sysfs (/sys/class/backlight/<device>/brightness), e.g. the
Raspberry Pi touch display's rpi_backlight; nothing is written where there is no backlight device."""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)

BACKLIGHT_ROOT = Path("/sys/class/backlight")


def set_backlight(percent: int, root: Path = BACKLIGHT_ROOT) -> list[str]:
    """Sets every backlight device to `percent` of its max_brightness (at least 1: a dark panel looks
    like a dead station); returns the devices written, [] where there is none. Blocking: a file write."""
    if not 0 < percent <= 100:
        raise ValueError(f"brightness {percent}% is outside 1..100")
    written = []
    devices = sorted(root.iterdir()) if root.is_dir() else []
    for device in devices:
        try:
            maximum = int((device / "max_brightness").read_text().strip())
            level = max(1, round(maximum * percent / 100))
            (device / "brightness").write_text(f"{level}\n")
        except (OSError, ValueError) as err:  # not ours to write (permissions), or not a backlight
            log.warning("backlight %s: not set (%s)", device.name, err)
            continue
        written.append(device.name)
    return written
