"""Updates the kiosk's .ts translation files from the sources (pyside6-lupdate), or, with --check, says
which texts of the sources have no translation yet without touching the files.

    .venv/bin/python scripts/update_translations.py            # after changing any tr() text
    .venv/bin/python scripts/update_translations.py --check    # what the tests run
    .venv/bin/python scripts/update_translations.py --new ta_IN  # a new language's kiosk_ta.ts
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
I18N = REPO / "kiosk_ui" / "i18n"
# The simulator panel is the demo's, not the driver's: its texts have their own file.
SIM_PANEL_SOURCES = [REPO / "kiosk_ui" / "sim_panel.py"]
NOT_TRANSLATED = {"main_thread_gc.py", "__init__.py"}  # no text a driver sees


def kiosk_sources() -> list[Path]:
    top = [p for p in sorted((REPO / "kiosk_ui").glob("*.py")) if p.name not in NOT_TRANSLATED]
    screens = [REPO / "kiosk_ui" / "screens", REPO / "kiosk_ui" / "admin"]
    below = [p for folder in screens for p in sorted(folder.glob("*.py")) if p.name not in NOT_TRANSLATED]
    return [p for p in top if p not in SIM_PANEL_SOURCES] + below


def translation_sets() -> list[tuple[list[Path], list[Path]]]:
    """(sources, .ts files) pairs: the kiosk's and the simulator panel's."""
    return [
        (kiosk_sources(), sorted(I18N.glob("kiosk_*.ts"))),
        (SIM_PANEL_SOURCES, sorted(I18N.glob("sim_panel_*.ts"))),
    ]


def lupdate(sources: list[Path], ts_files: list[Path], *, drop_obsolete: bool) -> None:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    command = [str(tool), "-silent", *map(str, sources), "-ts", *map(str, ts_files)]
    if drop_obsolete:
        command.insert(2, "-no-obsolete")
    subprocess.run(command, check=True, timeout=120)


def untranslated(ts_file: Path) -> list[str]:
    """Source texts of a .ts file with no finished translation (new, or changed in the sources)."""
    found = []
    for message in ET.parse(ts_file).getroot().iter("message"):
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "unfinished"
        if translation is None or kind == "unfinished" or not (translation.text or "").strip():
            found.append(message.findtext("source") or "")
    return found


def check() -> dict[str, list[str]]:
    """{.ts file name: texts without a translation} after updating copies of the files."""
    missing: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for sources, ts_files in translation_sets():
            copies = [Path(scratch) / ts.name for ts in ts_files]
            for ts, copy in zip(ts_files, copies, strict=True):
                shutil.copyfile(ts, copy)
            lupdate(sources, copies, drop_obsolete=True)
            for copy in copies:
                if texts := untranslated(copy):
                    missing[copy.name] = texts
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="report untranslated texts; change nothing")
    parser.add_argument("--new", metavar="LOCALE", help="create the kiosk's file for a language, e.g. ta_IN")
    args = parser.parse_args(argv)
    if args.new:
        ts = I18N / f"kiosk_{args.new.split('_')[0]}.ts"
        if ts.exists():
            parser.error(f"{ts} exists already")
        tool = Path(sys.executable).with_name("pyside6-lupdate")
        sources = map(str, kiosk_sources())
        command = [str(tool), "-silent", "-target-language", args.new, *sources, "-ts", str(ts)]
        subprocess.run(command, check=True, timeout=120)
        print(f"created {ts}: translate every entry (pyside6-linguist), then run the set-up")
        return 0
    if args.check:
        missing = check()
        for name, texts in missing.items():
            print(f"{name}: {len(texts)} without a translation:")
            for text in texts:
                print(f"  {text!r}")
        if not missing:
            print("every text of the kiosk and the simulator panel is translated")
        return 1 if missing else 0
    for sources, ts_files in translation_sets():
        lupdate(sources, ts_files, drop_obsolete=True)
    print("updated; translate the entries marked unfinished, then run the set-up to build the .qm files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
