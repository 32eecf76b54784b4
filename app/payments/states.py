"""The payment state machine: which state may follow which, and which states are final.

- created -> authorising: the first provider call is written (the hold, or the QR page).
- authorising -> authorised (held or prepaid) | failed (declined, the terminal gave up) | cancelled
  (the driver cancelled) | expired (the page or the terminal timed out).
- authorised -> capturing (the session ended: capture, or refund the unused prepaid part) | cancelled
  (nothing delivered, or no session took it: the hold released, a prepayment refunded).
- capturing -> captured | cancelled | expired (the hold lapsed before it could be captured: an alarm).

A payment in a non-final state is finished by the service, at once or at the next start
(docs/payments.md, "Recovery"). Refunds of a captured payment are rows of their own.
"""

from __future__ import annotations

CREATED = "created"
AUTHORISING = "authorising"
AUTHORISED = "authorised"
CAPTURING = "capturing"
CAPTURED = "captured"
CANCELLED = "cancelled"
EXPIRED = "expired"
FAILED = "failed"

FINAL_STATES = frozenset({CAPTURED, CANCELLED, EXPIRED, FAILED})

_NEXT: dict[str, frozenset[str]] = {
    CREATED: frozenset({AUTHORISING, FAILED, CANCELLED, EXPIRED}),
    AUTHORISING: frozenset({AUTHORISED, FAILED, CANCELLED, EXPIRED}),
    # A held payment whose session never started (or delivered nothing) is cancelled; capturing also
    # covers a prepaid payment's refund of what was not used.
    AUTHORISED: frozenset({CAPTURING, CANCELLED, EXPIRED}),
    CAPTURING: frozenset({CAPTURED, CANCELLED, EXPIRED}),
    CAPTURED: frozenset(),
    CANCELLED: frozenset(),
    EXPIRED: frozenset(),
    FAILED: frozenset(),
}


class PaymentStateError(RuntimeError):
    """A transition the state machine does not allow: a bug, or two hands on one payment."""


def check_transition(from_state: str, to_state: str) -> None:
    if from_state == to_state:
        return
    if to_state not in _NEXT.get(from_state, frozenset()):
        raise PaymentStateError(f"payment cannot go from {from_state} to {to_state}")


def is_final(state: str) -> bool:
    return state in FINAL_STATES
