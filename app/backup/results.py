"""What a backup produced, for the command to print and the tests to check."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.backup.durable import size_text
from app.backup.revisions import describe


@dataclass(frozen=True)
class TakenBackup:
    """One finished backup under its final name."""

    path: Path
    source: str  # the ledger file, or the database's URL without its password
    revision: str
    size: int
    source_size: int | None  # the SQLite ledger's size (with its WAL); None for PostgreSQL
    contents: str  # "1234 sessions, the newest started ..." or what a dump holds
    seconds: float

    def line(self) -> str:
        size = size_text(self.size)
        source = self.source if self.source_size is None else f"{self.source} ({size_text(self.source_size)})"
        return (
            f"backed up {source} to {self.path} ({size}) in {self.seconds:.1f} s: {describe(self.revision)}, "
            f"{self.contents}"
        )
