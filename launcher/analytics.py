"""The analytics side of a running station: the queries' service and its refresh task, a companion."""

from __future__ import annotations

from app.analytics import Analytics
from app.analytics.refresher import AnalyticsRefresher
from app.config import NOMINAL_VOLTAGE_V, StationConfig
from app.runtime import StationRuntime


def site_limit_W(config: StationConfig) -> int:
    """The site limit in watts: the three phases' limits at the nominal voltage (docs/analytics.md)."""
    return sum(config.site.limit_mA) * NOMINAL_VOLTAGE_V // 1000


def build_analytics(runtime: StationRuntime, config: StationConfig) -> Analytics:
    return Analytics(
        runtime.engine,
        config.analytics,
        utc_offset_s=config.ledger.utc_offset_h * 3600,
        site_limit_W=site_limit_W(config),
        sample_interval_s=config.ledger.sample_interval_s,
        clock=runtime.clock,
    )


def build_analytics_side(runtime: StationRuntime, config: StationConfig) -> AnalyticsRefresher:
    """The refresher (a companion: started after the runtime, stopped before it)."""
    return AnalyticsRefresher(build_analytics(runtime, config), runtime.clock)
