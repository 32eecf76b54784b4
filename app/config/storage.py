"""The [database] and [ledger] sections: where the ledger is kept, how often it is written and pruned."""

from __future__ import annotations

from dataclasses import dataclass

from app.config.schema import setting
from app.config.state_dir import DEFAULT_LEDGER_URL


@dataclass(frozen=True, kw_only=True)
class DatabaseSettings:
    """Where the ledger lives (docs/database.md): SQLite by default, PostgreSQL by URL."""

    url: str = setting(
        "",
        doc="Ledger database URL: sqlite:///ABSOLUTE/PATH or postgresql+psycopg://USER@HOST/DB; "
        "empty = var/ledger.sqlite3 under the installation",
        pattern=r"^(|sqlite:///.+|postgresql(\+psycopg)?://.+)$",
    )

    def resolved_url(self) -> str:
        """The URL to open; the empty default becomes an absolute path, so the working directory never
        decides which ledger a station writes to."""
        return self.url or DEFAULT_LEDGER_URL


@dataclass(frozen=True, kw_only=True)
class LedgerSettings:
    """Meter samples, their rollups and how long each is kept (docs/database.md has the sizes)."""

    sample_interval_s: float = setting(
        10.0, minimum=1.0, maximum=900.0, doc="Meter sample period per connector"
    )
    flush_interval_s: float = setting(
        30.0, minimum=1.0, maximum=900.0, doc="Samples are written in batches at most this far apart"
    )
    maintenance_interval_s: float = setting(
        60.0, minimum=1.0, maximum=3600.0, doc="How often samples are rolled up and old data pruned"
    )
    raw_samples_days: int = setting(
        90, minimum=0, maximum=36500, doc="Days raw samples are kept; 0 = for ever"
    )
    minute_rollups_days: int = setting(
        400, minimum=0, maximum=36500, doc="Days per-minute rollups are kept; 0 = for ever"
    )
    hour_rollups_days: int = setting(
        3650, minimum=0, maximum=36500, doc="Days per-hour rollups are kept; 0 = for ever"
    )
    day_rollups_days: int = setting(
        0, minimum=0, maximum=36500, doc="Days per-day rollups are kept; 0 = for ever"
    )
    delivered_messages_days: int = setting(
        30, minimum=1, maximum=3650, doc="Days delivered outbox messages are kept (for support)"
    )
    utc_offset_h: int = setting(
        8,
        minimum=-12,
        maximum=14,
        doc="Local time offset that starts a day in the daily rollups (Malaysia +8)",
    )
