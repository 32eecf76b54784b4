"""Whether a backup's schema revision is one this release can run: known (the same or older) or newer.

The ledger's history is linear (app/db/migrations), so a revision this release knows is its head or
older; the station migrates an older one at its next start, with a copy first (docs/database.md).
A revision it does not know was written by a newer release: restoring it would stop the station
with DatabaseTooNewError, so the restore refuses it up front.
"""

from __future__ import annotations

from functools import cache

from alembic.script import ScriptDirectory

from app.backup.errors import BackupError
from app.db.schema_guard import MIGRATIONS_DIR, alembic_config, head_revision


@cache
def known_revisions() -> frozenset[str]:
    """Every revision of this release's migrations."""
    scripts = ScriptDirectory.from_config(alembic_config(migrations_dir=MIGRATIONS_DIR))
    return frozenset(rev.revision for rev in scripts.walk_revisions())


def describe(revision: str) -> str:
    """`schema 0008_phone_links (this release's)`, `... (older: ...)` or `... (newer than ...)`."""
    head = head_revision()
    if revision == head:
        return f"schema {revision} (this release's)"
    if revision in known_revisions():
        return f"schema {revision} (older than this release's {head}: migrated at the station's next start)"
    return f"schema {revision} (newer than this release's {head})"


def require_restorable(revision: str | None, source: str) -> str:
    """The revision of a backup about to be restored; refuses none and a newer one."""
    if revision is None:
        raise BackupError(f"{source} holds no ledger schema (no alembic_version): not a ledger backup")
    if revision not in known_revisions():
        raise BackupError(
            f"{source} is at schema revision {revision!r}, which this software does not know (its newest "
            f"is {head_revision()!r}): it was made by a newer release. Install that release or a newer one "
            "first, then restore; the current ledger was not touched"
        )
    return revision
