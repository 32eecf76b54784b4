"""Every text of the kiosk and the simulator panel has a translation in every language file."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import update_translations


def test_every_source_text_is_translated_in_every_language() -> None:
    # lupdate reads the sources as they are now: a tr() text added or changed without its translations
    # fails here, naming the file and the text.
    sets = update_translations.translation_sets()
    assert {ts.name for _, files in sets for ts in files} >= {
        "kiosk_ms.ts",
        "kiosk_zh_CN.ts",
        "sim_panel_ms.ts",
    }
    assert update_translations.check() == {}
