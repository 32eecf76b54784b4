"""The kiosk's languages: Qt translators from kiosk_ui/i18n/*.qm, and numbers and times per language."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent / "i18n"


@dataclass(frozen=True)
class Language:
    """A language the kiosk offers: its code (also the .qm file's suffix), its own name, and its locale."""

    code: str
    native_name: str  # written in the language itself, so a driver finds it whatever is shown now
    button: str  # short label of the language button
    locale: str
    # The script's own font first: its line height is what the layouts measure, so a Tamil or Chinese
    # line is given its real height (with the default font first, Qt sizes the label for the Latin
    # font and the taller fallback glyphs are cut). Empty: the application's default.
    font: str = ""


# English is the source language of every tr() string and needs no .qm file.
LANGUAGES: tuple[Language, ...] = (
    Language("en", "English", "EN", "en_MY"),
    Language("ms", "Bahasa Melayu", "BM", "ms_MY"),
    Language("zh_CN", "简体中文", "中文", "zh_CN", font="Noto Sans CJK SC"),
    Language("ta", "தமிழ்", "தமிழ்", "ta_MY", font="Noto Sans Tamil"),
)


def qm_path(code: str, directory: Path = I18N_DIR) -> Path:
    return directory / f"kiosk_{code}.qm"


def available_languages(directory: Path = I18N_DIR, wanted: tuple[str, ...] | None = None) -> list[Language]:
    """The languages whose translations were built (English always), in LANGUAGES order, limited to
    `wanted` when the site configures which languages it offers."""
    found = [lang for lang in LANGUAGES if lang.code == "en" or qm_path(lang.code, directory).is_file()]
    if wanted:
        found = [lang for lang in found if lang.code in wanted] or found[:1]
    return found


class Translations:
    """Switches the application's language: one installed QTranslator at a time and the default QLocale.

    Installing a translator makes Qt send a LanguageChange event to every widget; the screens
    retranslate themselves from it (kiosk_ui/screen.py)."""

    def __init__(self, languages: list[Language], directory: Path = I18N_DIR) -> None:
        self.languages = languages
        self.directory = directory
        self.current: Language = languages[0]
        self._translator: QTranslator | None = None
        self._default_families: list[str] | None = None

    def set_language(self, code: str) -> None:
        language = next((lang for lang in self.languages if lang.code == code), None)
        if language is None:
            raise ValueError(
                f"language {code!r} is not offered (offered: {[x.code for x in self.languages]})"
            )
        app = QCoreApplication.instance()
        assert app is not None  # translations serve an application's widgets
        # Installing or removing a translator makes Qt send LanguageChange to every widget.
        self.uninstall()
        if language.code != "en":
            translator = QTranslator(app)
            if not translator.load(str(qm_path(language.code, self.directory))):
                log.error("cannot load %s; showing English", qm_path(language.code, self.directory))
                translator.deleteLater()
            else:
                app.installTranslator(translator)
                self._translator = translator
        self.current = language
        QLocale.setDefault(QLocale(language.locale))
        self._set_font(app, language)

    def _set_font(self, app: QCoreApplication, language: Language) -> None:
        if not isinstance(app, QGuiApplication):
            return
        if self._default_families is None:
            self._default_families = list(app.font().families())
        font = app.font()
        families = [language.font] if language.font else []
        font.setFamilies(families + [f for f in self._default_families if f not in families])
        if font.families() != app.font().families():
            app.setFont(font)

    def uninstall(self) -> None:
        """Removes this kiosk's translator (the application may outlive the window, as in the tests)."""
        if self._translator is not None:
            app = QCoreApplication.instance()
            assert app is not None  # translations serve an application's widgets
            app.removeTranslator(self._translator)
            # Owned by the application object: without this, each language switch would leave one behind.
            self._translator.deleteLater()
            self._translator = None

    @property
    def locale(self) -> QLocale:
        return QLocale(self.current.locale)


def format_kwh(energy_Wh: int, locale: QLocale) -> str:
    """Energy as every driver-facing figure shows it: kWh with three decimals, i.e. the whole Wh the
    ledger bills (the cost lines of app/tariffs/display.py use the same), never rounded twice."""
    return QCoreApplication.translate("Format", "%1 kWh").replace(
        "%1", locale.toString(energy_Wh / 1000, "f", 3)
    )


def format_kw(power_W: int, locale: QLocale) -> str:
    return QCoreApplication.translate("Format", "%1 kW").replace(
        "%1", locale.toString(power_W / 1000, "f", 1)
    )


def format_clock(seconds: int) -> str:
    """Elapsed time as a clock, the same in every language: "0:12:08", "1:05:00" (the big figure of the
    charging screen, where a worded duration in Tamil or Malay would not fit a third of the width)."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def format_duration(seconds: int, locale: QLocale) -> str:
    """Elapsed time as the driver reads it: "1 h 05 min", "12 min 08 s"."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        text = QCoreApplication.translate("Format", "%1 h %2 min")
        return text.replace("%1", locale.toString(hours)).replace("%2", f"{minutes:02d}")
    text = QCoreApplication.translate("Format", "%1 min %2 s")
    return text.replace("%1", locale.toString(minutes)).replace("%2", f"{secs:02d}")
