"""Health of one charger: link quality, availability over time, fault history, wear; kept and snapshotted."""

from __future__ import annotations

import collections
import time
from dataclasses import dataclass

from hal.links.stats import LinkStats
from hal.wire.messages import FaultBit, StatusReply

LATENCY_WINDOW = 200  # polls kept for the latency figures (40 s at 5 Hz)
FAULT_HISTORY_LIMIT = 64  # fault records kept per charger; the oldest go first


@dataclass(frozen=True, slots=True)
class FaultRecord:
    """One latched fault on one connector: when it was seen raised and, once gone, cleared."""

    connector_id: str
    bit: str  # FaultBit name
    raised_at: float  # wall-clock time (time.time())
    cleared_at: float | None


@dataclass(frozen=True, slots=True)
class ChargerHealth:
    """A snapshot of one charger's health, for the admin screen, the logs and the analytics."""

    charger_id: str
    latency_last_ms: float  # status polls, including any retries of the board
    latency_avg_ms: float  # over the window
    latency_p99_ms: float  # over the window
    latency_samples: int
    polls: int  # status polls answered
    missed_polls: int  # status polls that failed after the board's retries
    requests: int  # requests on the link (polls, heartbeats, commands)
    retries: int
    timeouts: int
    bad_frames: int
    errors: int  # requests that failed after all attempts
    online_uptime_s: float  # length of the current ONLINE/DEGRADED period (0 when not available)
    online_ratio: float  # share of the time since start the charger was ONLINE or DEGRADED
    connects: int  # successful (re)connections
    boot_count: int | None
    reboots_seen: int  # boot_count changes seen across reconnections
    charger_uptime_s: int | None  # the charger's own uptime from its last status
    temperature_dC: int | None  # hottest connector's temperature from the last statuses
    contactor_cycles: tuple[int, ...]  # per connector, lifetime
    fault_history: tuple[FaultRecord, ...]


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an ascending list (0 for an empty one)."""
    if not sorted_values:
        return 0.0
    rank = max(0, min(len(sorted_values) - 1, int(fraction * len(sorted_values) + 0.999999) - 1))
    return sorted_values[rank]


class HealthTracker:
    """Collects one charger's figures as the link task runs; snapshot() gives a ChargerHealth."""

    def __init__(self, charger_id: str, connector_ids: list[str]) -> None:
        self.charger_id = charger_id
        self.connector_ids = connector_ids
        self.latencies_ms: collections.deque[float] = collections.deque(maxlen=LATENCY_WINDOW)
        self.polls = 0
        self.missed_polls = 0
        self.connects = 0
        self.boot_count: int | None = None
        self.reboots_seen = 0
        self.started = time.monotonic()
        self.available_since: float | None = None
        self.available_total_s = 0.0
        self.last_status: dict[int, StatusReply] = {}
        self.faults_open: dict[tuple[int, int], FaultRecord] = {}
        self.fault_history: collections.deque[FaultRecord] = collections.deque(maxlen=FAULT_HISTORY_LIMIT)

    def poll_answered(self, latency_ms: float) -> None:
        self.polls += 1
        self.latencies_ms.append(latency_ms)

    def poll_missed(self) -> None:
        self.missed_polls += 1

    def set_available(self, available: bool) -> None:
        now = time.monotonic()
        if available and self.available_since is None:
            self.available_since = now
        elif not available and self.available_since is not None:
            self.available_total_s += now - self.available_since
            self.available_since = None

    def identified(self, boot_count: int) -> bool:
        """Records a (re)connection's boot count; True when the charger rebooted since the last one."""
        self.connects += 1
        rebooted = self.boot_count is not None and boot_count != self.boot_count
        if rebooted:
            self.reboots_seen += 1
        self.boot_count = boot_count
        return rebooted

    def status_read(self, index: int, status: StatusReply) -> tuple[int, int]:
        """Keeps the status and updates the fault history; returns the (raised, cleared) fault bits."""
        old = self.last_status.get(index)
        self.last_status[index] = status
        old_faults = old.faults if old is not None else 0
        raised = status.faults & ~old_faults
        cleared = old_faults & ~status.faults
        if raised or cleared:
            self._record_faults(index, raised, cleared)
        return raised, cleared

    def _record_faults(self, index: int, raised: int, cleared: int) -> None:
        now = time.time()
        for bit in FaultBit:
            if raised & bit:
                record = FaultRecord(self.connector_ids[index], bit.name or "", now, None)
                self.faults_open[(index, int(bit))] = record
                self.fault_history.append(record)
            elif cleared & bit and (index, int(bit)) in self.faults_open:
                record = self.faults_open.pop((index, int(bit)))
                closed = FaultRecord(record.connector_id, record.bit, record.raised_at, now)
                # The history is short: replacing the open record in place keeps its order.
                for i, kept in enumerate(self.fault_history):
                    if kept is record:
                        self.fault_history[i] = closed
                        break

    def snapshot(self, link: LinkStats) -> ChargerHealth:
        now = time.monotonic()
        window = sorted(self.latencies_ms)
        online_s = now - self.available_since if self.available_since is not None else 0.0
        elapsed = max(now - self.started, 1e-9)
        statuses = [self.last_status[i] for i in sorted(self.last_status)]
        return ChargerHealth(
            charger_id=self.charger_id,
            latency_last_ms=self.latencies_ms[-1] if self.latencies_ms else 0.0,
            latency_avg_ms=sum(window) / len(window) if window else 0.0,
            latency_p99_ms=percentile(window, 0.99),
            latency_samples=len(window),
            polls=self.polls,
            missed_polls=self.missed_polls,
            requests=link.requests,
            retries=link.retries,
            timeouts=link.timeouts,
            bad_frames=link.bad_frames,
            errors=link.failures,
            online_uptime_s=online_s,
            online_ratio=min(1.0, (self.available_total_s + online_s) / elapsed),
            connects=self.connects,
            boot_count=self.boot_count,
            reboots_seen=self.reboots_seen,
            charger_uptime_s=statuses[0].uptime_s if statuses else None,
            temperature_dC=max(s.temperature_dC for s in statuses) if statuses else None,
            contactor_cycles=tuple(s.contactor_cycles for s in statuses),
            fault_history=tuple(self.fault_history),
        )
