"""PINs: argon2id hashes (never the PIN itself) and the wrong-PIN policy (delay, then lockout).

The hash parameters are OWASP's Password Storage Cheat Sheet minimum for argon2id (19 MiB, 2
iterations, 1 lane): a few tens of milliseconds on a Raspberry Pi 4, so entering admin mode stays
quick while an offline guesser pays for every one of the 10^6 PINs of six digits (docs/admin.md).
"""

from __future__ import annotations

import itertools
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from app.config import AdminSettings

HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
MAX_DELAY_S = 30.0
# A hash of a PIN nobody knows: an unknown account is checked against it, so a wrong staff number
# takes as long as a wrong PIN and does not tell which numbers exist.
_DECOY = HASHER.hash(secrets.token_hex(16))


class PinRuleError(ValueError):
    """A PIN a new account may not have (too short, not digits, trivial)."""


def check_new_pin(pin: str, settings: AdminSettings) -> None:
    """Refuses a PIN that is too short, not all digits, or one digit repeated or a plain run."""
    if not pin.isdigit() or not pin.isascii():
        raise PinRuleError("a PIN is digits only")
    if len(pin) < settings.min_pin_length:
        raise PinRuleError(f"a PIN has at least {settings.min_pin_length} digits")
    if len(pin) > 12:
        raise PinRuleError("a PIN has at most 12 digits")
    steps = {int(b) - int(a) for a, b in itertools.pairwise(pin)}
    if steps <= {0} or steps == {1} or steps == {-1}:
        raise PinRuleError("a PIN may not be one digit repeated or a run like 123456")


def hash_pin(pin: str) -> str:
    return HASHER.hash(pin)


def pin_matches(pin_hash: str | None, pin: str) -> bool:
    """True when `pin` is the one hashed; an unknown account (None) is checked against a decoy."""
    try:
        return HASHER.verify(pin_hash or _DECOY, pin) and pin_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(pin_hash: str) -> bool:
    return HASHER.check_needs_rehash(pin_hash)


@dataclass(frozen=True)
class AttemptState:
    """An account's wrong-PIN record, as stored on its row."""

    failed_attempts: int
    last_failed_at: datetime | None
    locked_until: datetime | None


def delay_after(failures: int, settings: AdminSettings) -> float:
    """Seconds before the next try after `failures` wrong PINs in a row: 0, then doubling, at most 30."""
    if failures <= 0 or settings.pin_delay_s <= 0:
        return 0.0
    return float(min(MAX_DELAY_S, settings.pin_delay_s * 2.0 ** (failures - 1)))


def refusal_before_checking(state: AttemptState, now: datetime, settings: AdminSettings) -> tuple[str, float]:
    """("locked" | "wait", seconds left) when no PIN may be tried now, else ("", 0)."""
    if state.locked_until is not None and now < state.locked_until:
        return "locked", (state.locked_until - now).total_seconds()
    if state.last_failed_at is not None and not _lock_expired(state, now):
        ready = state.last_failed_at + timedelta(seconds=delay_after(state.failed_attempts, settings))
        if now < ready:
            return "wait", (ready - now).total_seconds()
    return "", 0.0


def _lock_expired(state: AttemptState, now: datetime) -> bool:
    return state.locked_until is not None and now >= state.locked_until


def after_wrong_pin(state: AttemptState, now: datetime, settings: AdminSettings) -> AttemptState:
    """The record after one more wrong PIN: counted, and locked once max_pin_attempts is reached.

    A lock that has run out starts the count again: the right person is never locked out for ever."""
    failures = 1 if _lock_expired(state, now) else state.failed_attempts + 1
    locked = now + timedelta(seconds=settings.lockout_s) if failures >= settings.max_pin_attempts else None
    return AttemptState(failed_attempts=failures, last_failed_at=now, locked_until=locked)
