"""The station's codes named in every kiosk language (kiosk_ui/admin/station_texts.py): each latched fault
of the catalogue (hal/wire/messages.py FaultBit) and each code the event log writes, from the built
translation files; a code without a name comes back as it is."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import pytest

from hal.wire.messages import FaultBit
from kiosk_ui.admin.station_texts import alarm_name, event_title, fault_name
from kiosk_ui.i18n import Translations, available_languages

# The event log's codes (docs/fault-catalogue.md "The event log") other than the faults and their clearing.
EVENT_CODES = (
    "link_online", "link_degraded", "link_offline", "link_faulty", "link_connecting",
    "session_interrupted", "session_ended", "session_refused", "config_changed",
    "station_started", "station_stopping", "self_test", "payment_hold_lapsed", "payment_late_payment",
    "update_Downloading", "update_Downloaded", "update_DownloadFailed",
    "update_Installing", "update_Installed", "update_InstallationFailed",
)  # fmt: skip
MAINTENANCE_KINDS = ("contactor_wear", "thermal_drift", "fault_rise", "meter_drift", "link_health")


def every_title() -> dict[str, str]:
    codes = [bit.name for bit in FaultBit if bit.name]
    codes += [f"{code}_cleared" for code in list(codes)]
    codes += EVENT_CODES
    codes += [f"maintenance_{kind}" for kind in MAINTENANCE_KINDS]
    codes += [f"maintenance_{kind}_cleared" for kind in MAINTENANCE_KINDS]
    titles = {code: event_title(code) for code in codes}
    titles.update({f"alarm {kind}": alarm_name(kind) for kind in MAINTENANCE_KINDS})  # the analytics page's
    return titles


@pytest.fixture
def translations(qapp):
    translations = Translations(available_languages())
    yield translations
    translations.uninstall()


def test_every_code_has_a_name_in_every_language(translations) -> None:
    assert [lang.code for lang in translations.languages] == ["en", "ms", "zh_CN", "ta"]
    english = every_title()
    assert len(english) == 16 * 2 + len(EVENT_CODES) + 3 * len(MAINTENANCE_KINDS)
    # Named, not the code; and no two codes under the same name.
    assert [code for code, title in english.items() if "_" in title] == []
    assert len(set(english.values())) == len(english)
    assert english["RCD_TRIP"] == "Residual current trip"
    assert english["GROUND_FAULT_cleared"] == "Protective earth missing cleared"
    assert english["update_Downloading"] == "Update: downloading"
    assert english["maintenance_link_health_cleared"] == "Maintenance alarm: Charger link unreliable cleared"
    for language in ("ms", "zh_CN", "ta"):
        translations.set_language(language)
        translated = every_title()
        untranslated = [code for code in english if translated[code] == english[code]]
        assert untranslated == [], language
        assert len(set(translated.values())) == len(translated), language
    translations.set_language("ms")
    assert event_title("GROUND_FAULT") == fault_name("GROUND_FAULT") == "Bumi pelindung tiada"
    assert event_title("GROUND_FAULT_cleared") == "Bumi pelindung tiada dipulihkan"
    assert event_title("link_offline") == "Pautan pengecas terputus"


def test_a_code_without_a_name_shows_as_it_is(translations) -> None:
    translations.set_language("ms")
    for code in ("vendor_note", "NEW_FAULT", "NEW_FAULT_cleared", "update_Paused", "maintenance_new_kind"):
        shown = event_title(code)
        assert code.removeprefix("update_").removeprefix("maintenance_") in shown
    assert event_title("vendor_note") == "vendor_note"
    assert event_title("NEW_FAULT_cleared") == "NEW_FAULT_cleared"
    assert fault_name("NEW_FAULT") == "NEW_FAULT"
    assert alarm_name("new_kind") == "new_kind"
