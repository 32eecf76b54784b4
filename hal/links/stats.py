"""Typed statistics of one charger link, read by the charger manager for health and diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass
class LinkStats:
    """Counters since the board was created; latencies of successful requests in milliseconds."""

    requests: int = 0  # requests the caller made (each counted once, however many attempts)
    replies: int = 0  # requests answered with the expected reply (ACK of any result, or data)
    retries: int = 0  # extra attempts after a timeout, lost connection, bad reply or ERROR
    timeouts: int = 0  # attempts that got no reply in time
    link_down: int = 0  # attempts that failed to connect or lost the connection
    nacks: int = 0  # I2C attempts whose address nobody acknowledged
    bad_frames: int = 0  # corrupt or unexpected reply frames, plus frames the decoder rejected
    stale_replies: int = 0  # valid replies to an earlier request, discarded
    error_replies: int = 0  # ERROR replies from the charger (it rejected our frame)
    refused: int = 0  # commands answered with an ACK other than OK
    failures: int = 0  # requests that raised a link error after all attempts
    last_latency_ms: float = 0.0
    avg_latency_ms: float = 0.0
    max_latency_ms: float = 0.0
    _latency_sum_ms: float = field(default=0.0, repr=False)

    def record_latency(self, latency_ms: float) -> None:
        self.last_latency_ms = latency_ms
        self._latency_sum_ms += latency_ms
        self.avg_latency_ms = self._latency_sum_ms / self.replies if self.replies else latency_ms
        self.max_latency_ms = max(self.max_latency_ms, latency_ms)

    def snapshot(self, decoder_bad_frames: int = 0) -> LinkStats:
        """A copy for the caller, with the transport decoder's rejected frames included."""
        return replace(self, bad_frames=self.bad_frames + decoder_bad_frames)
