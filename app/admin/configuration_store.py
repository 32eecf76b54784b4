"""The configuration's overrides kept in the ledger (runtime_settings "config.<key>", written by the
admin mode's configuration) laid over the site's file when the station starts: the launcher loads the
TOML, then these (docs/admin.md "Configuration")."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.exc import SQLAlchemyError

from app.admin.configuration_views import PREFIX
from app.config import ConfigError, StationConfig
from app.config.overrides import apply_overrides
from app.db import RuntimeSetting, make_engine, read_only, session_factory, sqlite_path

log = logging.getLogger(__name__)


def stored_overrides(config: StationConfig) -> dict[str, Any]:
    """The overrides in the configured ledger; {} for a ledger not made yet (a first start: reading
    must not create the file)."""
    url = config.database.resolved_url()
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        return {}
    engine = make_engine(url)
    try:
        if not inspect(engine).has_table(RuntimeSetting.__tablename__):
            return {}
        with session_factory(read_only(engine))() as db:
            rows = db.execute(
                select(RuntimeSetting.key, RuntimeSetting.value).where(RuntimeSetting.key.startswith(PREFIX))
            )
            return {key[len(PREFIX) :]: value for key, value in rows if value is not None}
    finally:
        engine.dispose()


def with_stored_overrides(config: StationConfig) -> StationConfig:
    """The file's configuration with the ledger's overrides. An override the file no longer admits (its
    charger removed, a bound changed) is left out and logged, never a reason not to start."""
    try:
        overrides = stored_overrides(config)
    except SQLAlchemyError as err:  # the runtime reports an unreachable ledger itself when it starts
        log.warning("stored settings not read: %s", err)
        return config
    try:
        return apply_overrides(config, overrides)
    except ConfigError:
        pass
    for key, value in overrides.items():
        try:
            config = apply_overrides(config, {key: value})
        except ConfigError as err:
            log.warning("stored setting %s not applied: %s", key, err)
    return config
