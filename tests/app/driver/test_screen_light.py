"""The screen dims after [kiosk] dim_after_s idle, brightens at a touch, and never dims during a session:
checked on the backlight's sysfs files as the Pi's panel driver exposes them."""

from __future__ import annotations

import asyncio
from pathlib import Path

from app.config import KioskSettings
from app.driver.screen_light import ScreenLight
from hal.display import set_backlight


def panel(root: Path) -> Path:
    device = root / "10-0045"  # the official touch display's backlight device name
    device.mkdir(parents=True)
    (device / "max_brightness").write_text("255\n")
    (device / "brightness").write_text("255\n")
    return device / "brightness"


def test_dims_when_idle_brightens_at_a_touch_and_stays_bright_while_charging(tmp_path: Path) -> None:
    brightness = panel(tmp_path)
    settings = KioskSettings(brightness_percent=80, dim_after_s=120.0, dim_percent=10)
    now = [1000.0]
    session_running = [False]
    light = ScreenLight(
        lambda: settings,
        lambda percent: set_backlight(percent, root=tmp_path),
        busy=lambda: session_running[0],
        clock=lambda: now[0],
    )

    async def scenario() -> list[str]:
        seen = []
        await light.apply()
        seen.append(brightness.read_text().strip())  # started: full (80 % of 255)
        now[0] += 119.0
        await light.apply()
        seen.append(brightness.read_text().strip())  # not yet idle long enough
        now[0] += 1.0
        await light.apply()
        seen.append(brightness.read_text().strip())  # dimmed to 10 %
        light.touched()
        await asyncio.sleep(0.05)  # the touch's write runs on a worker thread
        seen.append(brightness.read_text().strip())  # bright again at once
        session_running[0] = True
        now[0] += 3600.0
        await light.apply()
        seen.append(brightness.read_text().strip())  # an hour of charging: never dimmed
        session_running[0] = False
        now[0] += 60.0
        await light.apply()
        seen.append(brightness.read_text().strip())  # the idle time counts from the session's end
        now[0] += 60.0
        await light.apply()
        seen.append(brightness.read_text().strip())
        return seen

    assert asyncio.run(scenario()) == ["204", "204", "26", "204", "204", "204", "26"]


def test_a_panel_without_write_permission_is_reported_not_raised(tmp_path: Path, caplog) -> None:
    light = ScreenLight(
        lambda: KioskSettings(),
        lambda _: (_ for _ in ()).throw(PermissionError("read-only")),
        busy=lambda: False,
    )
    asyncio.run(light.apply())
    assert light.level is None and "backlight not set to 100%" in caplog.text
