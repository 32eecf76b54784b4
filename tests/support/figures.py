"""Figures a test measured (timings, fuzz counts), shown in the run's summary even when it passes."""

from __future__ import annotations

SECTIONS: dict[str, list[str]] = {}


def report(section: str, text: str) -> None:
    """Adds text (one or more lines) under a section of the end-of-run summary."""
    SECTIONS.setdefault(section, []).extend(line for line in text.splitlines() if line.strip())
