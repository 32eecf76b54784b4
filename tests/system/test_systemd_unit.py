"""Every systemd unit renders to a file that systemd-analyze verifies without a single remark, and the
station's unit keeps its hardening: exposure 2.0 or lower, the watchdog contract's settings."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from unit_files import REPO, analyze, exposure, install_root, render

UNITS = sorted((REPO / "systemd").glob("*.in"))


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return install_root(tmp_path / "root")


def test_there_are_units() -> None:
    assert {"evse-station.service.in"} <= {unit.name for unit in UNITS}


@pytest.mark.parametrize("template", UNITS, ids=lambda unit: unit.name)
def test_unit_verifies_clean(template: Path, root: Path, tmp_path: Path) -> None:
    out = tmp_path / "units"
    out.mkdir()
    for other in UNITS:  # a timer's service must be beside it
        render(other, root, out)
    unit = out / template.name.removesuffix(".in")
    result = subprocess.run([analyze(), "verify", str(unit)], capture_output=True, text=True, timeout=60)
    # systemd-analyze exits 0 on warnings, so any output counts as a failure.
    assert result.returncode == 0 and not (result.stdout + result.stderr).strip(), (
        result.stdout + result.stderr
    )


def test_station_unit_is_hardened_and_keeps_the_watchdog_contract(root: Path, tmp_path: Path) -> None:
    unit = render(REPO / "systemd" / "evse-station.service.in", root, tmp_path)
    score, _ = exposure(unit)
    print(f"\nsystemd-analyze security evse-station.service: {score}")
    assert score <= 2.0, score  # issue target 3.0; 1.8 when written (docs/deployment.md)
    settings = dict(
        line.split("=", 1)
        for line in unit.read_text().splitlines()
        if "=" in line and not line.startswith("#")
    )
    # What app/liveness relies on: Type=notify, pings accepted from the compositor's child, and a
    # WatchdogSec above the monitor's 5 s longest designed wait plus the ledger's busy timeout.
    assert settings["Type"] == "notify" and settings["NotifyAccess"] == "all"
    assert 20 <= int(settings["WatchdogSec"]) <= 60
    assert settings["Restart"] == "always" and settings["User"] == "evse"
    assert settings["ProtectSystem"] == "strict" and settings["CapabilityBoundingSet"] == ""
