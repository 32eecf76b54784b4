"""docs/analytics.md's NEVI worked example, built as the station would record it, gives its 99.4444 %."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from db_fixtures import create_connectors
from sqlalchemy import Engine, insert

from app.analytics import Analytics, Scope, month_period
from app.config import AnalyticsSettings
from app.db import ConnectorStateSpan, session_factory

pytest_plugins = ["db_fixtures"]

OFFSET = 8 * 3600
DOC = Path(__file__).resolve().parents[3] / "docs" / "analytics.md"


def test_the_documented_worked_example(ledger: Engine) -> None:
    november = month_period("2026-11", OFFSET)
    (connector,) = create_connectors(ledger, 1)
    start = november.start_s + 3 * 86400
    # Available all month but: a ground fault for 200 minutes, the link lost for 40, and 90 minutes set
    # unavailable for a scheduled maintenance (recorded as an exclusion by the operator).
    pieces = [
        ("available", None, november.start_s, start),
        ("faulted", "GROUND_FAULT", start, start + 200 * 60),
        ("available", None, start + 200 * 60, start + 86400),
        ("offline", "link", start + 86400, start + 86400 + 40 * 60),
        ("available", None, start + 86400 + 40 * 60, start + 2 * 86400),
        ("unavailable", "central_system", start + 2 * 86400, start + 2 * 86400 + 90 * 60),
        ("available", None, start + 2 * 86400 + 90 * 60, november.end_s),
    ]
    with session_factory(ledger).begin() as db:
        db.execute(
            insert(ConnectorStateSpan),
            [
                {"connector_id": connector, "state": s, "detail": d, "started_s": a, "ended_s": b}
                for s, d, a, b in pieces
            ],
        )
    analytics = Analytics(
        ledger,
        AnalyticsSettings(),
        utc_offset_s=OFFSET,
        site_limit_W=43470,
        clock=lambda: datetime.fromtimestamp(november.end_s + 86400, UTC),
    )
    analytics.refresh()
    analytics.add_exclusion(
        "CP-01/1", "scheduled_maintenance", start + 2 * 86400, start + 2 * 86400 + 90 * 60, created_by="ops"
    )
    uptime = analytics.uptime(Scope(connector="CP-01/1"), november)
    assert (uptime.known_s // 60, uptime.outage_s // 60, uptime.excluded_s // 60) == (43200, 330, 90)
    documented = re.search(r"= \*\*(\d+\.\d+) %\*\*", DOC.read_text())
    assert documented is not None
    assert f"{uptime.percent:.4f}" == documented.group(1) == "99.4444"
