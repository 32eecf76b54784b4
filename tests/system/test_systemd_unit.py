"""The systemd unit renders to a file that systemd-analyze verifies without a single remark."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_unit_verifies_clean(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.fail("systemd-analyze is missing (Debian package systemd)")
    config = tmp_path / "site.toml"
    config.write_text("")
    text = (REPO / "systemd" / "evse-station.service.in").read_text()
    unit = tmp_path / "evse-station.service"
    unit.write_text(text.replace("@INSTALL_DIR@", str(REPO)).replace("@CONFIG@", str(config)))
    assert "@" not in unit.read_text().split("[Unit]", 1)[1]
    result = subprocess.run([analyze, "verify", str(unit)], capture_output=True, text=True, timeout=60)
    # systemd-analyze exits 0 on warnings, so any output counts as a failure.
    assert result.returncode == 0 and not (result.stdout + result.stderr).strip(), (
        result.stdout + result.stderr
    )
