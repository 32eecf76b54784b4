"""Where the station keeps its state files: under var/ in the installation unless a setting says where.

One definition, so that the ledger, the secrets, firmware updates and diagnostics never end up in
different trees, and the working directory never decides which files a station uses. Under systemd
the unit's `StateDirectory=` (/var/lib/evse-station) is passed as $STATE_DIRECTORY and used instead:
an installed release is replaced by the next update, its state must not live inside it
(docs/deployment.md).
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
# systemd may pass several directories separated by colons (one per StateDirectory= entry): the first.
_SYSTEMD_STATE = os.environ.get("STATE_DIRECTORY", "").split(":")[0]
STATE_DIR = Path(_SYSTEMD_STATE) if _SYSTEMD_STATE else REPO_ROOT / "var"
# The ledger's URL when [database] url is empty; absolute, so the working directory never decides which
# ledger a station writes to.
DEFAULT_LEDGER_URL = f"sqlite:///{STATE_DIR / 'ledger.sqlite3'}"


def state_path(configured: str, default_name: str) -> Path:
    """A configured path, or `default_name` under STATE_DIR when the setting is empty."""
    return Path(configured) if configured else STATE_DIR / default_name
