"""The station's clock: UTC from the system, corrected by a trusted reference (the CSMS) when they disagree.

A Raspberry Pi has no battery-backed clock: until NTP answers it may start hours wrong, and a wrong
clock puts wrong times on sessions, receipts and OCPP messages. OCPP 1.6 section 4.2 makes the CSMS's
currentTime (BootNotification.conf, Heartbeat.conf) the reference, so the station follows it.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

log = logging.getLogger(__name__)

TOLERANCE = timedelta(seconds=2)  # below this the difference is network delay, not a wrong clock


class StationClock:
    """Callable like utc_now(); `align(reference)` sets the offset when the system clock is off."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def align(self, reference: datetime) -> bool:
        """Follows `reference` (an aware time) if it differs by more than the tolerance; True if changed."""
        difference = reference - datetime.now(UTC)
        if abs(difference - self.offset) <= TOLERANCE:
            return False
        log.warning(
            "station clock corrected by %.1f s to the central system's time", difference.total_seconds()
        )
        self.offset = difference
        return True
