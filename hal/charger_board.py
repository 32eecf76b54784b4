"""The ChargerBoard interface: what the station asks of one charger, whichever link it is on."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from hal.link_stats import LinkStats
from hal.wire_messages import IdentifyReply, SelfTestReply, StatusReply, StopReason


@dataclass(frozen=True, slots=True)
class CommandReceipt:
    """An executed command: seq is the attempt the charger acknowledged (compare status.last_ack_seq)."""

    seq: int
    attempts: int
    latency_ms: float


@dataclass(frozen=True, slots=True)
class ChargerSettings:
    """Site settings sent with CONFIGURE (defaults as the firmware's ChargerConfig)."""

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
