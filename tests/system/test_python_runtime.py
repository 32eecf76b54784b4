"""The suite runs on the distribution's own Python (the one a Raspberry Pi has), not a newer one on PATH."""

import os
import sys
from pathlib import Path

import pytest


def _distribution_python() -> Path | None:
    candidate = Path("/usr/bin/python3")
    return candidate.resolve() if candidate.exists() else None


@pytest.mark.skipif(bool(os.environ.get("PYTHON")), reason="PYTHON= chose another interpreter on purpose")
def test_the_venv_runs_on_the_distributions_python() -> None:
    distribution = _distribution_python()
    if distribution is None:
        pytest.skip("no /usr/bin/python3 on this machine")
    # scripts/setup.sh builds .venv on /usr/bin/python3, so what fails on Debian 12's 3.11.2 fails here.
    assert Path(sys.executable).resolve() == distribution, (
        f"tests run on {sys.executable} ({sys.version.split()[0]}), not on {distribution}"
    )
