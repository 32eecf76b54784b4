"""The one error the backup and restore commands raise: a refusal or failure the operator can act on."""

from __future__ import annotations


class BackupError(Exception):
    """Printed as one line on stderr with exit code 2; the message says what failed and what to do."""
