"""The staff's accounts in the ledger: create, list, change PIN, disable, unlock; every change audited.

Functions take the caller's database session and run in its transaction, so the account change and
its audit row commit together (app/db/audit_log.py). The operator facade calls them on the ledger's
writer thread; `python -m app admin` calls them directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.admin.pins import AttemptState, check_new_pin, hash_pin
from app.config import AdminSettings
from app.db import ADMIN_ROLES, AdminAccount, append_audit, utc_now

NAME_PATTERN = r"^[^\x00-\x1f]{1,64}$"


class AccountError(ValueError):
    """An account change that cannot be made (unknown account, a name or card taken, a bad role)."""


@dataclass(frozen=True)
class AccountView:
    """An account as the admin screens and the command list it (no hash, ever)."""

    account_id: int
    name: str
    role: str
    has_card: bool
    failed_attempts: int
    locked_until: datetime | None
    disabled: bool
    created_at: datetime
    created_by: str


def card_uid(tag: str) -> str:
    """A card's UID as the card readers report it (hal/card_readers: upper-case hex, no separators),
    whatever way it was typed (04:a1:b2:c3, 04 A1 B2 C3); AccountError when it is not hex."""
    uid = "".join(tag.split()).replace(":", "").replace("-", "").upper()
    if not uid or len(uid) > 64 or any(c not in "0123456789ABCDEF" for c in uid):
        raise AccountError(f"{tag!r} is not a card UID (hex digits, e.g. 04A1B2C3)")
    return uid


def role_rank(role: str) -> int:
    """viewer < technician < operator: a role may do what every role before it may."""
    return ADMIN_ROLES.index(role)


def _view(row: AdminAccount) -> AccountView:
    return AccountView(
        account_id=row.id,
        name=row.name,
        role=row.role,
        has_card=row.card_tag is not None,
        failed_attempts=row.failed_attempts,
        locked_until=row.locked_until,
        disabled=row.disabled_at is not None,
        created_at=row.created_at,
        created_by=row.created_by,
    )


def add_account(
    db: Session,
    *,
    name: str,
    role: str,
    pin: str,
    settings: AdminSettings,
    actor: str,
    card_tag: str | None = None,
) -> AccountView:
    """A new account with its PIN (checked by the PIN rules, stored hashed); audited without the PIN."""
    name = name.strip()
    if not name or len(name) > 64 or any(ord(c) < 32 for c in name):
        raise AccountError("a name has 1 to 64 printable characters")
    if role not in ADMIN_ROLES:
        raise AccountError(f"role must be one of {', '.join(ADMIN_ROLES)}")
    check_new_pin(pin, settings)
    card_tag = None if card_tag is None else card_uid(card_tag)
    if db.scalar(select(AdminAccount.id).where(AdminAccount.name == name)) is not None:
        raise AccountError(f"an account named {name!r} exists")
    if card_tag is not None and db.scalar(select(AdminAccount.id).where(AdminAccount.card_tag == card_tag)):
        raise AccountError("that card belongs to another account")
    row = AdminAccount(
        name=name, role=role, pin_hash=hash_pin(pin), card_tag=card_tag, created_by=actor, failed_attempts=0
    )
    db.add(row)
    db.flush()
    append_audit(
        db,
        actor=actor,
        action="account.add",
        target=f"account:{row.id}",
        details={"name": name, "role": role, "card": card_tag is not None},
    )
    return _view(row)


def list_accounts(db: Session) -> list[AccountView]:
    return [_view(row) for row in db.scalars(select(AdminAccount).order_by(AdminAccount.id))]


def account_row(db: Session, account_id: int) -> AdminAccount:
    row = db.get(AdminAccount, account_id)
    if row is None:
        raise AccountError(f"no account {account_id}")
    return row


def set_pin(db: Session, account_id: int, pin: str, *, settings: AdminSettings, actor: str) -> None:
    """A new PIN for an account; clears its wrong-PIN record."""
    check_new_pin(pin, settings)
    row = account_row(db, account_id)
    row.pin_hash = hash_pin(pin)
    row.failed_attempts, row.last_failed_at, row.locked_until = 0, None, None
    append_audit(db, actor=actor, action="account.set_pin", target=f"account:{account_id}")


def set_disabled(db: Session, account_id: int, disabled: bool, *, actor: str) -> None:
    row = account_row(db, account_id)
    row.disabled_at = utc_now() if disabled else None
    append_audit(
        db,
        actor=actor,
        action="account.disable" if disabled else "account.enable",
        target=f"account:{account_id}",
    )


def unlock(db: Session, account_id: int, *, actor: str) -> None:
    """Ends a lockout before its time (an operator vouches for the person)."""
    row = account_row(db, account_id)
    row.failed_attempts, row.last_failed_at, row.locked_until = 0, None, None
    append_audit(db, actor=actor, action="account.unlock", target=f"account:{account_id}")


def attempt_state(row: AdminAccount) -> AttemptState:
    return AttemptState(row.failed_attempts, row.last_failed_at, row.locked_until)
