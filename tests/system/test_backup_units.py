"""The backup's systemd units: both verify without a remark, the service's hardening rates at most 2.0, the
timer fires nightly and catches up, and the service's own command line takes a backup into the
state directory systemd gives it."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import figures
import pytest
from unit_files import REPO, analyze, exposure, install_root, render

from app.db import check_and_migrate, make_engine

UNITS = ("evse-backup.service", "evse-backup.timer")
MAX_EXPOSURE = 2.0


@pytest.fixture
def rendered(tmp_path: Path) -> Path:
    """The units with @ROOT@ replaced by an install root whose venv is this one (verify needs the ExecStart
    binary to exist) and whose `current` release is this checkout."""
    root = install_root(tmp_path / "root")
    units = tmp_path / "units"
    units.mkdir()
    for name in UNITS:
        render(REPO / "systemd" / f"{name}.in", root, units)
    return units


def _settings(unit: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in unit.read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            found.setdefault(key, []).append(value)
    return found


def test_both_units_verify_without_a_remark(rendered: Path) -> None:
    result = subprocess.run(
        [analyze(), "verify", *(str(rendered / name) for name in UNITS)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=rendered,
    )
    # systemd-analyze exits 0 on warnings, so any output counts as a failure.
    assert result.returncode == 0 and not (result.stdout + result.stderr).strip(), (
        result.stdout + result.stderr
    )


def test_the_backup_service_is_hardened_to_an_exposure_of_at_most_2(rendered: Path) -> None:
    score, report = exposure(rendered / "evse-backup.service")
    figures.report("Ledger backup", f"systemd-analyze security evse-backup.service: exposure {score}")
    assert score <= MAX_EXPOSURE, report


def test_the_units_run_the_backup_nightly_as_the_station_s_user(rendered: Path) -> None:
    service = _settings(rendered / "evse-backup.service")
    for key, value in {
        "Type": "oneshot",
        "User": "evse",
        "StateDirectory": "evse-station",
        "ConfigurationDirectory": "evse-station",
        "IOSchedulingClass": "idle",
        "ProtectSystem": "strict",
        "RestrictAddressFamilies": "AF_UNIX AF_INET AF_INET6",
    }.items():
        assert service[key] == [value], key
    assert service["ExecStart"][0].endswith(
        "/venv/bin/python -m app backup --config /etc/evse-station/site.toml"
    )
    timer = _settings(rendered / "evse-backup.timer")
    assert timer["OnCalendar"] == ["*-*-* 03:17"] and timer["Persistent"] == ["true"]
    assert timer["WantedBy"] == ["timers.target"] and "RandomizedDelaySec" in timer
    result = subprocess.run([analyze(), "calendar", timer["OnCalendar"][0]], capture_output=True, text=True)
    assert result.returncode == 0 and "Next elapse:" in result.stdout, result.stderr


def test_the_service_s_command_line_backs_up_into_the_state_directory(rendered: Path, tmp_path: Path) -> None:
    """ExecStart as systemd runs it: its environment, working directory and StateDirectory= (passed as
    $STATE_DIRECTORY); only the site file is a test's (the unit names /etc/evse-station/site.toml)."""
    service = _settings(rendered / "evse-backup.service")
    command = shlex.split(service["ExecStart"][0])
    state = tmp_path / "state"
    engine = make_engine(f"sqlite:///{state / 'ledger.sqlite3'}")
    check_and_migrate(engine)  # the station's first start made the ledger
    engine.dispose()
    site = tmp_path / "site.toml"
    site.write_text("")
    command[command.index("/etc/evse-station/site.toml")] = str(site)
    result = subprocess.run(
        command,
        cwd=service["WorkingDirectory"][0],
        env={"PYTHONPATH": service["Environment"][0].split("=", 1)[1], "STATE_DIRECTORY": str(state)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    (backup,) = (state / "backups").glob("ledger-*.sqlite3.gz")
    assert f"backed up {state / 'ledger.sqlite3'}" in result.stdout and str(backup) in result.stdout
