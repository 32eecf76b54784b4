"""The [kiosk] part of the station configuration: the driver screen, its card reader and its languages.

One module per section (app/config/__init__.py re-exports KioskSettings); the schema rules are the
same: every key has a type, a default, bounds or a pattern, and a description (docs/driver-flow.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.config.schema import ConfigError, setting
from hal.card_readers.base import DEFAULT_DEBOUNCE_S

# The languages the driver texts (app/tariffs/messages.py, the kiosk's translations) may come in.
LANGUAGE_PATTERN = r"^(en|ms|zh_CN|ta)$"
# hal/card_readers/factory.open_card_reader: the reader choices a kiosk is configured with.
CARD_READER_PATTERN = (
    r"^(none|virtual|pcsc(:.+)?|nfc:usb(:.+)?|nfc:tty:.+|nfc:udp:[A-Za-z0-9_.\-\[\]:]+:\d{1,5})$"
)


@dataclass(frozen=True, kw_only=True)
class KioskSettings:
    """The driver kiosk: helpline, station ID, card reader, idle timeout and languages."""

    helpline: str = setting(
        "",
        doc="The helpline's number as a driver dials it, e.g. '1-800-88-0000' (the screens add the "
        "words around it in the driver's language); empty: no helpline is shown",
        pattern=r"^[0-9+() .\-]{0,32}$",
    )
    station_id: str = setting(
        "",
        doc="The station's ID a driver quotes to the helpline, as printed on the charger (with the "
        "connector number); empty: the OCPP identity",
        pattern=r"^[A-Za-z0-9_.\-]{0,32}$",
    )
    allow_unknown_cards: bool = setting(
        False,
        doc="Without a central system: a card not on the local list may charge (true) or is refused "
        "(false). With OCPP the central system and its configuration keys decide",
    )
    card_reader: str = setting(
        "none",
        doc="Card reader: none, pcsc (pcsc:NAME for readers whose name contains NAME), nfc:usb, "
        "nfc:udp:HOST:PORT or virtual (the demo's simulator panel)",
        pattern=CARD_READER_PATTERN,
    )
    card_debounce_s: float = setting(
        DEFAULT_DEBOUNCE_S,
        minimum=0.0,
        maximum=10.0,
        doc="The same card again within this time counts as one tap",
    )
    idle_timeout_s: float = setting(
        60.0,
        minimum=10.0,
        maximum=600.0,
        doc="Without a touch or a card for this long the kiosk returns to the idle screen (sessions go "
        "on); an authorised card waiting for a connector choice is forgotten then",
    )
    brightness_percent: int = setting(
        100,
        minimum=10,
        maximum=100,
        doc="The screen's backlight, in percent of its brightest (a Pi panel's /sys/class/backlight); "
        "ignored where the display has no backlight control",
    )
    dim_after_s: float = setting(
        120.0,
        minimum=10.0,
        maximum=3600.0,
        doc="Without a touch, a card or a session for this long the screen dims to dim_percent; the "
        "next touch or card brightens it. It never dims while a session runs",
    )
    dim_percent: int = setting(
        20,
        minimum=1,
        maximum=100,
        doc="The idle screen's backlight, in percent of its brightest (dimmed: readable in a car park "
        "at night, less wear on the panel)",
    )
    default_language: str = setting("en", doc="Language of the idle screen", pattern=LANGUAGE_PATTERN)
    languages: tuple[str, ...] = setting(
        ("en", "ms"), doc="Languages offered on every screen, in this order", pattern=LANGUAGE_PATTERN
    )

    def __post_init__(self) -> None:
        if not self.languages:
            raise ConfigError("languages: offer at least one language")
        if len(set(self.languages)) != len(self.languages):
            raise ConfigError(f"languages: {list(self.languages)} names a language twice")
        if self.default_language not in self.languages:
            raise ConfigError(
                f"default_language: {self.default_language!r} is not one of languages {list(self.languages)}"
            )
