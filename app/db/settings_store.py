"""Runtime settings (JSON by key) that the operator changes while the station runs; changes are audited."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.db.audit_log import append_audit
from app.db.base import utc_now
from app.db.dialect import Db
from app.db.models_station import RuntimeSetting

_MISSING = object()


def get_setting(db: Db, key: str, default: Any = None) -> Any:
    """The stored value of a setting, or `default` when it was never set."""
    value = db.execute(select(RuntimeSetting.value).where(RuntimeSetting.key == key)).first()
    return default if value is None else value[0]


def all_settings(db: Db) -> dict[str, Any]:
    """Every stored setting."""
    return {key: value for key, value in db.execute(select(RuntimeSetting.key, RuntimeSetting.value))}


def set_setting(db: Db, key: str, value: Any, *, actor: str) -> bool:
    """Stores a setting in the caller's transaction and appends an audit entry; False when unchanged.

    The audit entry holds the old and the new value, so an operator can see who changed what.
    """
    table = RuntimeSetting.__table__
    old = db.execute(select(RuntimeSetting.value).where(RuntimeSetting.key == key)).first()
    if old is not None and old[0] == value:
        return False
    now = utc_now()
    if old is None:
        db.execute(table.insert().values(key=key, value=value, updated_at=now, updated_by=actor))
    else:
        db.execute(
            table.update().where(table.c.key == key).values(value=value, updated_at=now, updated_by=actor)
        )
    append_audit(
        db,
        actor=actor,
        action="setting.change",
        target=key,
        details={"old": None if old is None else old[0], "new": value},
        at=now,
    )
    return True
