"""Ledger models of the station's staff: the technicians' and operators' accounts (docs/admin.md)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, BigId, utc_now

# Ordered by what they may do: each role may do what the ones before it may (docs/admin.md "Roles").
ADMIN_ROLES = ("viewer", "technician", "operator")


class AdminAccount(Base):
    """One person who may enter admin mode: a PIN (argon2id hash only), optionally a card as well."""

    __tablename__ = "admin_accounts"
    __table_args__ = (
        CheckConstraint(f"role IN ({', '.join(repr(r) for r in ADMIN_ROLES)})", name="role_known"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[str] = mapped_column(Text)  # argon2id, PHC string form (salt and parameters inside)
    # A card that must be tapped with the PIN (two factors), by its UID as the reader reports it.
    card_tag: Mapped[str | None] = mapped_column(String(64), unique=True)
    failed_attempts: Mapped[int] = mapped_column(default=0)  # wrong PINs since the last right one
    last_failed_at: Mapped[datetime | None]
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    created_by: Mapped[str] = mapped_column(String(64))
    disabled_at: Mapped[datetime | None]
    # The web's password (argon2id), separate from the PIN: None, no web sign-in. Its own throttle
    # counters, so a wrong password never locks the PIN pad and a wrong PIN never the web.
    web_password_hash: Mapped[str | None] = mapped_column(Text)
    web_failed_attempts: Mapped[int] = mapped_column(default=0)
    web_last_failed_at: Mapped[datetime | None]


class ApiToken(Base):
    """An integration's credential (Home Assistant, a fleet system): scoped, revocable, acting as its
    account within its scopes. Only the SHA-256 of the secret is kept (docs/web.md "Tokens")."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("admin_accounts.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scopes: Mapped[str] = mapped_column(String(64))  # space-separated: read, control, manage
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    created_by: Mapped[str] = mapped_column(String(80))
    expires_at: Mapped[datetime | None]
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class WebSession(Base):
    """A browser signed in with a password: found by the SHA-256 of its cookie, never the cookie."""

    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    session_hash: Mapped[str] = mapped_column(String(64), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("admin_accounts.id"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    client: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    last_seen_at: Mapped[datetime] = mapped_column(default=utc_now)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
