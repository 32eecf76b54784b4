"""systemd/*.in rendered for a test's install root, and what systemd-analyze says of the units."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def analyze() -> str:
    found = shutil.which("systemd-analyze")
    if found is None:
        pytest.fail("systemd-analyze is missing (Debian package systemd)")
    return found


def install_root(where: Path) -> Path:
    """An install root as far as verify looks: this venv as ROOT/venv (verify needs the ExecStart binary
    to exist, and the python its pyvenv.cfg) and this checkout as ROOT/current."""
    where.mkdir(parents=True, exist_ok=True)
    if sys.prefix != sys.base_prefix:
        (where / "venv").symlink_to(Path(sys.prefix))
    else:
        (where / "venv" / "bin").mkdir(parents=True)
        (where / "venv" / "bin" / "python").symlink_to(Path(sys.executable))
    (where / "current").symlink_to(REPO)
    return where


def render(template: Path, root: Path, out: Path) -> Path:
    """systemd/NAME.in with @ROOT@ replaced, as out/NAME."""
    unit = out / template.name.removesuffix(".in")
    unit.write_text(template.read_text().replace("@ROOT@", str(root)))
    assert not re.search(r"@[A-Z_]+@", unit.read_text()), f"{unit.name}: a placeholder left"
    return unit


def exposure(unit: Path) -> tuple[float, str]:
    """`systemd-analyze security --offline=true` of a unit file: its overall exposure and the report."""
    result = subprocess.run(
        [analyze(), "security", "--offline=true", "--no-pager", str(unit)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    found = re.search(r"Overall exposure level for \S+: (\d+\.\d)", result.stdout)
    assert found, result.stdout + result.stderr
    return float(found.group(1)), result.stdout
