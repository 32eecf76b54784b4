"""The [backup] section: its defaults, its checks, and the backup directory it gives the command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.config import STATE_DIR, BackupSettings, ConfigError, describe_schema, parse_config


def test_defaults_back_up_under_the_state_directory_for_two_weeks_compressed() -> None:
    settings = parse_config({}).backup
    assert settings == BackupSettings(dir="", keep_days=14, compress=True)
    lines = [line for line in describe_schema() if line.startswith("backup.")]
    assert [line.split(" ", 1)[0] for line in lines] == ["backup.dir", "backup.keep_days", "backup.compress"]
    assert "backup.keep_days (int, 14 [0..3650])" in lines[1]


def test_a_site_file_sets_them() -> None:
    settings = parse_config(
        {"backup": {"dir": "/media/stick/evse", "keep_days": 30, "compress": False}}
    ).backup
    assert settings == BackupSettings(dir="/media/stick/evse", keep_days=30, compress=False)


@pytest.mark.parametrize(
    ("section", "message"),
    [
        (
            {"dir": "backups"},
            "backup.dir: 'backups' is not valid",
        ),  # relative: the working directory would decide
        ({"keep_days": -1}, "backup.keep_days: -1 is below the minimum 0"),
        ({"keep_days": 5000}, "backup.keep_days: 5000 is above the maximum 3650"),
        ({"compress": "yes"}, "backup.compress: expected bool"),
        ({"when": "03:17"}, "backup: unknown key(s) when"),
    ],
)
def test_bad_values_are_refused_with_the_key(section: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        parse_config({"backup": section})


def test_the_command_s_default_directory_is_backups_in_the_state_directory(tmp_path: Path) -> None:
    from app.backup.cli import _directory

    assert _directory(parse_config({}), None) == STATE_DIR / "backups"
    assert _directory(parse_config({"backup": {"dir": "/srv/b"}}), None) == Path("/srv/b")
    assert _directory(parse_config({"backup": {"dir": "/srv/b"}}), tmp_path / "x") == tmp_path / "x"
