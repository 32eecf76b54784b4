"""The station's codes named in every kiosk language (kiosk_ui/admin/station_texts.py): each latched fault
of the catalogue (hal/wire/messages.py FaultBit) and each code the event log writes, from the built
translation files; a code without a name comes back as it is."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists

import pytest
from PySide6.QtCore import QLocale

from hal.wire.messages import FaultBit
from kiosk_ui.admin.station_texts import alarm_name, alarm_text, event_title, fault_name
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


# Evidence as app/analytics/maintenance.py records it, with the sentence it writes beside it.
FINDINGS = (
    ("contactor_wear", "CP-03/2", {"life_used_percent": 84.72, "operations": 69},
     "CP-03/2: contactor at 84.7 % of its rated life"),
    ("thermal_drift", "CP-02/1", {"baseline_mC_per_A2": 1.0, "recent_mC_per_A2": 2.5, "ratio": 2.5},
     "CP-02/1: temperature rise per A² at 2.50 × its baseline (check the terminals' torque)"),
    ("fault_rise", "CP-07/2 RCD_TRIP", {"code": "RCD_TRIP", "recent_30d": 32, "usual_30d": 0.0},
     "CP-07/2: 32 × Residual current trip in 30 days (usually 0.0)"),
    ("meter_drift", "CP-05/1", {"metered_Wh": 1000, "vi_Wh": 1031.0, "drift_percent": -3.04},
     "CP-05/1: meter and V × I differ by -3.0 % over 30 days"),
    ("meter_drift", "CP-05/1", {"metered_Wh": 1000, "vi_Wh": 969.0, "drift_percent": 3.2},
     "CP-05/1: meter and V × I differ by +3.2 % over 30 days"),
    ("link_health", "CP-01",
     {"polls": 990, "missed_polls": 10, "missed_percent": 1.0, "reconnects": 9, "days": 3},
     "Charger CP-01: 1.00 % of polls missed, 3.0 reconnections a day over 3 days"),
)  # fmt: skip


def test_an_alarm_finding_is_said_from_its_evidence_in_every_language(translations) -> None:
    for kind, subject, evidence, english in FINDINGS:
        assert alarm_text(kind, subject, evidence, "recorded", QLocale("en_GB")) == english
    translations.set_language("ms")
    malay = [alarm_text(k, s, e, "recorded", QLocale("ms_MY")) for k, s, e, _ in FINDINGS]
    assert malay[0] == "CP-03/2: kontaktor pada 84.7 % hayat kadarannya"
    assert malay[2] == "CP-07/2: 32 × Pemutus arus baki terpelantik dalam 30 hari (biasanya 0.0)"
    for language, locale in (("zh_CN", "zh_CN"), ("ta", "ta_IN")):
        translations.set_language(language)
        translated = [alarm_text(k, s, e, "recorded", QLocale(locale)) for k, s, e, _ in FINDINGS]
        assert [t for t, (_, _, _, en) in zip(translated, FINDINGS, strict=True) if t == en] == [], language
        assert all(not any(f"%{n}" in t for n in range(1, 5)) for t in translated), language
    # A kind without a sentence, or evidence without its figure (an older row): the recorded sentence.
    assert alarm_text("new_kind", "CP-01", {"x": 1}, "recorded", QLocale("en_GB")) == "recorded"
    assert alarm_text("contactor_wear", "CP-03/2", {}, "recorded", QLocale("en_GB")) == "recorded"
    assert (
        alarm_text("link_health", "CP-01", {"reconnects": 9, "days": 0}, "recorded", QLocale()) == "recorded"
    )
