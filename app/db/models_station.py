"""Ledger models of the station's fixed parts: chargers, connectors, users, id tags, tariffs, settings."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, BigId, Json, utc_now

# OCPP 1.6 §7.27 IdTagInfo / §7.25 AuthorizationStatus.
AUTHORIZATION_STATUSES = ("Accepted", "Blocked", "Expired", "Invalid", "ConcurrentTx")
_STATUS_CHECK = "status IN ('Accepted', 'Blocked', 'Expired', 'Invalid', 'ConcurrentTx')"


class Charger(Base):
    """One charger (one ESP32), keyed by the id of the site configuration (app/config/chargers.py)."""

    __tablename__ = "chargers"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    link: Mapped[str] = mapped_column(String(200))
    serial_number: Mapped[str | None] = mapped_column(String(64))
    firmware_version: Mapped[str | None] = mapped_column(String(64))
    # Its own OCPP identity (chargeBoxId) when the station runs one per charger ([ocpp]
    # identity_per_charger); None when the station is one charge point with all the connectors.
    ocpp_identity: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    retired_at: Mapped[datetime | None]


class Connector(Base):
    """One outlet of a charger; `name` is the station's connector id ("CP-01/1"), `ocpp_connector_id` the
    number the CSMS knows (OCPP 1.6 §3.6: 1.. per charge point, 0 is the whole station)."""

    __tablename__ = "connectors"
    __table_args__ = (
        UniqueConstraint("charger_id", "connector_no"),
        CheckConstraint("connector_no >= 1", name="connector_no_positive"),
        CheckConstraint("ocpp_connector_id >= 1", name="ocpp_connector_id_positive"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    charger_id: Mapped[str] = mapped_column(ForeignKey("chargers.id"))
    connector_no: Mapped[int]
    ocpp_connector_id: Mapped[int] = mapped_column(unique=True)
    phases: Mapped[int] = mapped_column(default=3)
    max_current_mA: Mapped[int] = mapped_column(default=32000)


class User(Base):
    """A driver or fleet account that owns id tags (no card data: payments live with the provider)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    display_name: Mapped[str] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    phone: Mapped[str | None] = mapped_column(String(32))
    fleet: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    disabled_at: Mapped[datetime | None]


class IdTag(Base):
    """An entry of the local authorisation list (OCPP 1.6 section 3.4.2), maybe owned by a user."""

    __tablename__ = "id_tags"
    __table_args__ = (CheckConstraint(_STATUS_CHECK, name="status_known"),)

    # CiString20Type: OCPP 1.6 §7.28 IdToken.
    id_tag: Mapped[str] = mapped_column(String(20), primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    parent_id_tag: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(16), default="Accepted")
    expiry_date: Mapped[datetime | None]
    list_version: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class AuthCacheEntry(Base):
    """An IdTagInfo the CSMS returned, kept to authorise offline (OCPP 1.6 section 3.4.1, the cache)."""

    __tablename__ = "auth_cache_entries"
    __table_args__ = (CheckConstraint(_STATUS_CHECK, name="status_known"),)

    id_tag: Mapped[str] = mapped_column(String(20), primary_key=True)
    parent_id_tag: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(16))
    expiry_date: Mapped[datetime | None]
    cached_at: Mapped[datetime] = mapped_column(default=utc_now)


class TariffRecord(Base):
    """A tariff the operator published: `definition` is `tariff_to_dict(tariff)` (docs/tariffs.md)."""

    __tablename__ = "tariffs"
    __table_args__ = (UniqueConstraint("name", "valid_from"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    currency: Mapped[str] = mapped_column(String(3))
    definition: Mapped[dict[str, Any]]
    valid_from: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    created_by: Mapped[str | None] = mapped_column(String(64))


class RuntimeSetting(Base):
    """A setting the operator changes at run time (OCPP ChangeConfiguration, admin screen), as JSON."""

    __tablename__ = "runtime_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(Json)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    updated_by: Mapped[str | None] = mapped_column(String(64))
