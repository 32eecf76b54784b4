"""The icons: one colour each, tinted as asked, shapes that differ without colour, contrast they reach."""

from __future__ import annotations

import itertools
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk_ui.icons import IconLabel, icon_pixmap, svg_data, tinted_icon
from kiosk_ui.texts import _looks
from kiosk_ui.theme import ICONS, MIN_CONTRAST, MIN_ICON_CONTRAST, STYLESHEET_FILE, contrast_ratio, load_theme

NAMES = sorted(path.stem for path in ICONS.glob("*.svg"))
REQUIRED = {
    "plug", "card", "bolt", "warning", "globe", "qr", "bank_card",
    "state_available", "state_charging", "state_plugged", "state_paused", "state_finishing", "state_reserved",
    "state_fault", "state_offline", "state_unavailable", "refused", "busy", "car",
}  # fmt: skip
TINT = "#C8106E"  # a colour no icon ever had: any pixel of another colour is a stray
MAX_SHAPE_IOU = 0.8
SVG_NS = "{http://www.w3.org/2000/svg}"


def pixels(image: QImage) -> list[tuple[int, int, int, int]]:
    """(r, g, b, alpha) of every pixel, the colour not premultiplied."""
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    data = bytes(image.constBits())
    stride, width = image.bytesPerLine(), image.width()
    return [
        (data[i], data[i + 1], data[i + 2], data[i + 3])
        for row in range(image.height())
        for i in range(row * stride, row * stride + 4 * width, 4)
    ]


def shape(name: str) -> frozenset[int]:
    """The icon's mask at 64 px (the pixels at least half covered), colour left out."""
    image = icon_pixmap(name, "#000000", 64).toImage().scaled(64, 64)
    return frozenset(i for i, (_, _, _, alpha) in enumerate(pixels(image)) if alpha >= 128)


def test_the_icon_set_is_complete() -> None:
    assert set(NAMES) >= REQUIRED, REQUIRED - set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_icon_draws_in_current_colour_only(name: str) -> None:
    root = ET.parse(ICONS / f"{name}.svg").getroot()
    assert root.get("viewBox") == "0 0 64 64"
    for element in root.iter():
        assert element.get("style") is None, f"{name}: a style attribute would hide colours from this check"
        for attribute in ("fill", "stroke", "stop-color"):
            assert element.get(attribute) in (None, "none", "currentColor"), (name, element.tag, attribute)
        if element is not root:
            assert element.get("color") is None, name  # only the root's default, which tinting ignores
    assert "currentColor" in (ICONS / f"{name}.svg").read_text(encoding="utf-8")
    assert "currentColor" not in svg_data(name, TINT).decode()  # every use is tinted


@pytest.mark.parametrize("name", NAMES)
def test_every_icon_renders_in_the_tint(qapp: QApplication, name: str) -> None:
    image = icon_pixmap(name, TINT, 48).toImage()
    drawn = [(r, g, b, a) for r, g, b, a in pixels(image) if a > 0]
    assert len(drawn) > 0.08 * image.width() * image.height(), f"{name} is (nearly) empty"
    want = QColor(TINT)
    for r, g, b, alpha in drawn:
        # Edge pixels are stored premultiplied; undoing that at a low alpha rounds by up to 255 / alpha.
        slack = 2 + 255 / alpha
        off = max(abs(r - want.red()), abs(g - want.green()), abs(b - want.blue()))
        assert off <= slack, (name, (r, g, b, alpha))


def test_no_two_icons_share_a_shape(qapp: QApplication) -> None:
    """Without colour (a red-green colour-blind driver, a faded panel) the shapes alone must tell the icons
    apart: no two masks overlap by MAX_SHAPE_IOU (intersection over union) or more."""
    shapes = {name: shape(name) for name in NAMES}
    overlaps = sorted(
        (
            (len(shapes[a] & shapes[b]) / len(shapes[a] | shapes[b]), a, b)
            for a, b in itertools.combinations(NAMES, 2)
        ),
        reverse=True,
    )
    print("closest shapes: " + ", ".join(f"{a}/{b} {iou:.2f}" for iou, a, b in overlaps[:3]))
    assert overlaps[0][0] < MAX_SHAPE_IOU, overlaps[:3]


def test_every_state_the_kiosk_shows_has_an_icon_file(qapp) -> None:
    """The states' icons as the screens use them (kiosk_ui/texts.py): each exists, and states a driver
    must act on differently never share one."""
    looks = _looks()
    assert {icon for _, icon, _ in looks.values()} <= set(NAMES)
    for first, second in (("available", "charging"), ("available", "car_waiting"), ("fault", "offline")):
        assert looks[first][1] != looks[second][1], (first, second)


def test_theme_pairs_reach_their_contrast() -> None:
    theme = load_theme(800, 480)
    for foreground, background, ratio in theme.contrast_report():
        assert ratio >= MIN_CONTRAST, f"text {foreground} on {background}: {ratio:.2f}:1"
    icon_pairs = theme.icon_contrast_report()
    for foreground, background, ratio in icon_pairs:
        assert ratio >= MIN_ICON_CONTRAST, f"icon {foreground} on {background}: {ratio:.2f}:1"
    pairs = {(f, b) for f, b, _ in icon_pairs}
    assert {("on_primary", "primary"), ("text", "surface"), ("on_header", "header")} <= pairs
    assert {("ok", "surface"), ("warning", "surface"), ("danger", "surface"), ("text", "secondary")} <= pairs


def test_status_roles_are_text_not_buttons() -> None:
    theme = load_theme(800, 480)
    qss = STYLESHEET_FILE.read_text(encoding="utf-8")
    rules = dict(re.findall(r'^QLabel\[role="(status-[a-z]+)"\]\s*\{(.*)\}\s*$', qss, re.MULTILINE))
    assert set(rules) == {"status-ok", "status-warning", "status-danger", "status-muted"}
    for role, body in rules.items():
        colour = re.search(r"(?:^|;)\s*color:\s*\$\{(\w+)\}", body)
        assert colour, role
        assert (colour.group(1), "surface") in theme.contrast_pairs, role
        # A filled, rounded background is the buttons' look: a status has neither.
        assert "border-radius" not in body and "background: transparent" in body, role


def colour_of(rgba: tuple[int, int, int, int]) -> str:
    return f"#{rgba[0]:02X}{rgba[1]:02X}{rgba[2]:02X}"


def measured_icon_contrast(qapp: QApplication, icon_colour: str) -> float:
    """Renders a primary button with the stylesheet and a tinted icon, then measures from its pixels the
    contrast of the icon's own colour (its most common pixel colour apart from the button's) against the
    button's colour."""
    theme = load_theme(800, 480)
    button = QPushButton()
    button.setStyleSheet(theme.stylesheet())
    button.setIcon(tinted_icon("plug", icon_colour, 40))
    button.setIconSize(QSize(40, 40))
    button.resize(120, 80)
    image = button.grab().toImage()
    counts = Counter(colour_of(p) for p in pixels(image))
    (background, _), *others = counts.most_common()
    assert background == theme.colours["primary"]
    icon_colour_drawn = others[0][0]
    return contrast_ratio(icon_colour_drawn, background)


def test_a_tinted_icon_on_a_primary_button_reaches_three_to_one(qapp: QApplication) -> None:
    theme = load_theme(800, 480)
    ratio = measured_icon_contrast(qapp, theme.colours["on_primary"])
    print(f"icon on the primary button: {ratio:.1f}:1")
    assert ratio >= MIN_ICON_CONTRAST
    # The measurement does catch the fault it guards against: the old dark icons on that blue.
    assert measured_icon_contrast(qapp, theme.colours["text"]) < MIN_ICON_CONTRAST


def test_pixmaps_are_cached_and_sharp(qapp: QApplication) -> None:
    pixmap = icon_pixmap("car", "#0A4A86", 40)
    assert icon_pixmap("car", "#0a4a86", 40) is pixmap  # the same colour spelt another way
    assert icon_pixmap("car", "#0A4A86", 41) is not pixmap
    screen = QGuiApplication.primaryScreen()
    ratio = screen.devicePixelRatio() if screen else 1.0
    assert pixmap.devicePixelRatio() == ratio
    assert (pixmap.width(), pixmap.height()) == (round(40 * ratio), round(40 * ratio))


def test_bad_requests_fail_clearly(qapp: QApplication) -> None:
    with pytest.raises(FileNotFoundError):
        icon_pixmap("no_such_icon", "#000000", 32)
    with pytest.raises(ValueError):
        icon_pixmap("car", "not a colour", 32)
    with pytest.raises(ValueError):
        icon_pixmap("car", "#000000", 0)


def test_the_disabled_state_gets_its_own_colour(qapp: QApplication) -> None:
    icon = tinted_icon("bolt", "#FFFFFF", 32, disabled_colour="#454F5A")
    disabled = icon.pixmap(QSize(32, 32), QIcon.Mode.Disabled).toImage()
    solid = {colour_of(p) for p in pixels(disabled) if p[3] == 255}
    assert solid == {"#454F5A"}


def test_icon_label_changes_at_run_time(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = IconLabel("state_available", "#0B6B2F", 36)
    qtbot.addWidget(widget)
    assert (widget.width(), widget.height()) == (36, 36)
    first: QPixmap = widget.pixmap()
    widget.set_icon("state_fault", "#A8001C")
    assert (widget.icon_name, widget.colour) == ("state_fault", "#A8001C")
    assert widget.pixmap().cacheKey() != first.cacheKey()
    assert widget.pixmap().cacheKey() == icon_pixmap("state_fault", "#A8001C", 36).cacheKey()
