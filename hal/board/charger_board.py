"""The ChargerBoard interface: what the station asks of one charger, whichever link it is on."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from hal.links.stats import LinkStats
from hal.wire.messages import IdentifyReply, SelfTestReply, StatusReply, StopReason


@dataclass(frozen=True, slots=True)
class CommandReceipt:
    """An executed command: seq is the attempt the charger acknowledged (compare status.last_ack_seq)."""

    seq: int
    attempts: int
    latency_ms: float


# The bounds the firmware puts on CONFIGURE (firmware/core/include/evse/config_limits.hpp; the table
# with its reasons is in docs/fault-catalogue.md). The charger refuses anything outside them with
# INVALID_ARGUMENT; checking here too turns a bad setting into a clear error before it is sent. The
# hardware's own maximum current (IDENTIFY_REPLY) is checked by the charger.
CURRENT_RANGE_mA = (6000, 80000)  # IEC 61851-1 Annex A: the PWM signals 6..80 A
LEASE_RANGE_ms = (500, 600000)
OVERVOLTAGE_RANGE_mV = (253000, 264500)  # 230 V +10 % .. +15 %
UNDERVOLTAGE_RANGE_mV = (184000, 207000)  # 230 V -20 % .. -10 %
STOP_TEMPERATURE_RANGE_dC = (500, 900)  # 50.0 .. 90.0 degC
DERATE_TEMPERATURE_MIN_dC = 400  # 40.0 degC, and below the stop temperature
HYSTERESIS_RANGE_dC = (10, 200)  # 1.0 .. 20.0 degC
FAULT_RETRY_RANGE = (0, 3)


def _check_range(name: str, value: int, bounds: tuple[int, int]) -> None:
    low, high = bounds
    if not low <= value <= high:
        raise ValueError(f"{name}: {value} is outside {low}..{high}, which the charger refuses")


@dataclass(frozen=True, slots=True)
class ChargerSettings:
    """Site settings sent with CONFIGURE (defaults as the firmware's ChargerConfig).

    Raises ValueError when a field is outside the firmware's bounds (the charger would refuse it).
    """

    max_current_mA: int = 32000
    failsafe_current_mA: int = 0  # 0 = stop when the host lease expires
    lease_ms: int = 5000
    overvoltage_mV: int = 253000  # +10 % of 230 V
    undervoltage_mV: int = 196000  # -15 % of 230 V
    derate_temperature_dC: int = 700
    stop_temperature_dC: int = 850
    temperature_hysteresis_dC: int = 50
    allow_ventilation: bool = False
    fault_retry_limit: int = 3

    def __post_init__(self) -> None:
        _check_range("max_current_mA", self.max_current_mA, CURRENT_RANGE_mA)
        if self.failsafe_current_mA != 0:
            _check_range(
                "failsafe_current_mA (0 = stop, else at least 6 A and at most max_current_mA)",
                self.failsafe_current_mA,
                (CURRENT_RANGE_mA[0], self.max_current_mA),
            )
        _check_range("lease_ms", self.lease_ms, LEASE_RANGE_ms)
        _check_range("overvoltage_mV", self.overvoltage_mV, OVERVOLTAGE_RANGE_mV)
        _check_range("undervoltage_mV", self.undervoltage_mV, UNDERVOLTAGE_RANGE_mV)
        _check_range("stop_temperature_dC", self.stop_temperature_dC, STOP_TEMPERATURE_RANGE_dC)
        _check_range(
            "derate_temperature_dC (below the stop temperature)",
            self.derate_temperature_dC,
            (DERATE_TEMPERATURE_MIN_dC, self.stop_temperature_dC - 1),
        )
        _check_range("temperature_hysteresis_dC", self.temperature_hysteresis_dC, HYSTERESIS_RANGE_dC)
        _check_range("fault_retry_limit", self.fault_retry_limit, FAULT_RETRY_RANGE)


class ChargerBoard(ABC):
    """One charger (ESP32) as the station sees it.

    Errors: CommandRefused when the charger refuses a command (ACK other than OK); LinkError (and
    its subclasses LinkTimeoutError, LinkDownError, I2cNackError, BadReplyError,
    ChargerRejectedFrameError) when the link fails after the bounded retries. Commands are
    idempotent, so a retry after a lost reply is safe.
    """

    @property
    @abstractmethod
    def name(self) -> str:
        """Where the charger is, for logs."""

    @abstractmethod
    def link_stats(self) -> LinkStats:
        """A snapshot of the link statistics."""

    @abstractmethod
    async def identify(self) -> IdentifyReply:
        """Who the charger is; ask first on every (re)connection and compare boot_count."""

    @abstractmethod
    async def status(self, connector: int = 0) -> StatusReply:
        """One connector's live state."""

    @abstractmethod
    async def permit(self, connector: int, current_limit_mA: int, transaction_ref: int) -> CommandReceipt:
        """Permit charging up to current_limit_mA per phase under the host lease."""

    @abstractmethod
    async def stop(self, connector: int, reason: StopReason | int = StopReason.OTHER) -> CommandReceipt:
        """Withdraw the permission to charge."""

    @abstractmethod
    async def set_current(self, connector: int, current_limit_mA: int) -> CommandReceipt:
        """Change the current limit of a permitted session (the charger paces it)."""

    @abstractmethod
    async def heartbeat(self, ack_lease_expiry: bool = False) -> CommandReceipt:
        """Renew the host lease; ack_lease_expiry once the host has re-read the state after an expiry."""

    @abstractmethod
    async def configure(self, settings: ChargerSettings) -> CommandReceipt:
        """Send the site settings (persisted by the charger)."""

    @abstractmethod
    async def clear_fault(self, mask: int) -> CommandReceipt:
        """Clear latched faults (FaultBit mask); refused while a condition is present."""

    @abstractmethod
    async def unlock(self, connector: int = 0) -> CommandReceipt:
        """Unlock the connector."""

    @abstractmethod
    async def reset(self, kind: int = 0) -> CommandReceipt:
        """Restart the charger (0 = soft, 1 = hard)."""

    @abstractmethod
    async def self_test(self) -> SelfTestReply:
        """Run the self-test."""

    @abstractmethod
    async def close(self) -> None:
        """Release the link."""
