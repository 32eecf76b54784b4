"""Where the station keeps its state files: under var/ in the installation unless a setting says where.

One definition, so that the ledger, the secrets, firmware updates and diagnostics never end up in
different trees, and the working directory never decides which files a station uses.
"""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
STATE_DIR = REPO_ROOT / "var"
# The ledger's URL when [database] url is empty; absolute, so the working directory never decides which
# ledger a station writes to.
DEFAULT_LEDGER_URL = f"sqlite:///{STATE_DIR / 'ledger.sqlite3'}"


def state_path(configured: str, default_name: str) -> Path:
    """A configured path, or `default_name` under STATE_DIR when the setting is empty."""
    return Path(configured) if configured else STATE_DIR / default_name
