"""The kiosk theme: colours, type sizes and touch-target size from assets/theme.json, and the stylesheet."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from string import Template

ASSETS = Path(__file__).resolve().parents[1] / "assets"
THEME_FILE = ASSETS / "theme.json"
STYLESHEET_FILE = ASSETS / "kiosk.qss"
ICONS = ASSETS / "icons"
MIN_CONTRAST = 4.5  # WCAG 2.2 SC 1.4.3, normal-size text
# Nothing a driver reads is smaller than this at 800x480 on the 7" display (it scales with the screen).
MIN_TEXT_PX = 20
# WCAG 2.2 SC 1.4.11 (non-text contrast): an icon that carries meaning needs 3:1 against what it sits on.
MIN_ICON_CONTRAST = 3.0
MM_PER_INCH = 25.4
# The size the type sizes in theme.json are written for: the official 7" display.
BASE_WIDTH, BASE_HEIGHT = 800, 480


def relative_luminance(colour: str) -> float:
    """WCAG 2.2 relative luminance of a "#RRGGBB" colour (sRGB channels linearised)."""
    value = colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio (L1 + 0.05) / (L2 + 0.05), from 1 to 21."""
    a, b = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def touch_target_px(physical_dpi: float, min_mm: float, min_px: int) -> int:
    """The smallest touch target: min_mm at the screen's physical DPI, never below min_px (a panel that
    reports no or a wrong DPI still gets fingertip-sized buttons)."""
    if not math.isfinite(physical_dpi) or physical_dpi <= 0:
        return min_px
    return max(min_px, math.ceil(min_mm / MM_PER_INCH * physical_dpi))


@dataclass(frozen=True)
class Theme:
    """The loaded theme and the sizes for one screen."""

    colours: dict[str, str]
    contrast_pairs: tuple[tuple[str, str], ...]
    type_px: dict[str, int]
    touch_px: int
    radius_px: int
    scale: float
    # (icon colour, background) pairs an icon may be drawn in (kiosk_ui.icons), each at MIN_ICON_CONTRAST.
    icon_contrast_pairs: tuple[tuple[str, str], ...] = ()

    def contrast_report(self) -> list[tuple[str, str, float]]:
        """(foreground, background, ratio) for every pair the theme promises to keep readable."""
        return [(f, b, contrast_ratio(self.colours[f], self.colours[b])) for f, b in self.contrast_pairs]

    def icon_contrast_report(self) -> list[tuple[str, str, float]]:
        """(icon colour, background, ratio) for every pair an icon may be drawn in."""
        return [(f, b, contrast_ratio(self.colours[f], self.colours[b])) for f, b in self.icon_contrast_pairs]

    def px(self, role: str) -> int:
        return self.type_px[role]

    def stylesheet(self) -> str:
        values: dict[str, object] = dict(self.colours)
        values.update(self.type_px)
        values.update(touch=self.touch_px, radius=self.radius_px)
        return Template(STYLESHEET_FILE.read_text(encoding="utf-8")).substitute(values)


def load_theme(
    width: int = BASE_WIDTH, height: int = BASE_HEIGHT, physical_dpi: float = 0.0, path: Path = THEME_FILE
) -> Theme:
    """The theme sized for a screen: type grows with the screen (never shrinks below the 800x480 sizes),
    touch targets follow the physical DPI with the theme's floor."""
    data = json.loads(path.read_text(encoding="utf-8"))
    scale = max(1.0, min(width / BASE_WIDTH, height / BASE_HEIGHT, float(data["max_scale"])))
    touch = touch_target_px(physical_dpi, float(data["touch"]["min_mm"]), int(data["touch"]["min_px"]))
    return Theme(
        colours=dict(data["colours"]),
        contrast_pairs=tuple((f, b) for f, b in data["contrast_pairs"]),
        type_px={role: round(px * scale) for role, px in data["type_px"].items()},
        touch_px=round(touch * scale) if scale > 1.0 else touch,
        radius_px=round(int(data["radius_px"]) * scale),
        scale=scale,
        # A site's theme.json from before the icon pairs existed still loads (with nothing to check).
        icon_contrast_pairs=tuple((f, b) for f, b in data.get("icon_contrast_pairs", ())),
    )


def icon_path(name: str) -> str:
    """The path of an SVG icon in assets/icons (the list is in assets/README.md). The icons draw in
    currentColor: kiosk_ui.icons renders them in a theme colour."""
    return str(ICONS / f"{name}.svg")
