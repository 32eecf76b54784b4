"""The panel's backlight through sysfs: every backlight device set to its share of max_brightness,
nothing written (and no error) where the display has none."""

from __future__ import annotations

from pathlib import Path

import pytest

from hal.display import set_backlight


def test_every_backlight_device_gets_its_share_of_its_maximum(tmp_path: Path) -> None:
    for name, maximum in (("rpi_backlight", "255"), ("10-0045", "31")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "max_brightness").write_text(f"{maximum}\n")
    assert set_backlight(40, tmp_path) == ["10-0045", "rpi_backlight"]
    assert (tmp_path / "rpi_backlight" / "brightness").read_text() == "102\n"
    assert (tmp_path / "10-0045" / "brightness").read_text() == "12\n"
    assert set_backlight(1, tmp_path) and (tmp_path / "10-0045" / "brightness").read_text() == "1\n"


def test_no_backlight_no_write(tmp_path: Path) -> None:
    assert set_backlight(80, tmp_path / "absent") == []
    with pytest.raises(ValueError):
        set_backlight(0, tmp_path)
