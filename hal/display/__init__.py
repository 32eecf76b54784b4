"""The kiosk's display hardware: the backlight of a Pi's panel (sysfs)."""

from hal.display.backlight import BACKLIGHT_ROOT, set_backlight

__all__ = ["BACKLIGHT_ROOT", "set_backlight"]
