"""Settings changed on the station (the admin mode's configuration) laid over the site's file, checked by
the very parser that reads the file, so an override obeys every bound, pattern and cross-check it does.

A key names one setting as the file would: `site.limit_mA`, `kiosk.idle_timeout_s`, `payments.hold`,
`tariff` (the whole table, in its plain form) and `chargers.<id>.<field>` (a charger by its id, since
its place in the list may change). The values are plain TOML-like data (numbers, text, lists, tables).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

from app.config.loader import StationConfig, parse_config
from app.config.schema import ConfigError
from app.tariffs import Tariff, tariff_to_dict

_CHARGER_KEY = re.compile(r"^chargers\.([^.]+)\.([A-Za-z_]+)$")


def config_to_dict(config: StationConfig) -> dict[str, Any]:
    """The configuration as the data a TOML file holding it would parse to (parse_config inverts it)."""
    plain = _plain(config)
    assert isinstance(plain, dict)
    return plain


def _plain(value: Any) -> Any:
    if isinstance(value, Tariff):
        form = tariff_to_dict(value)
        return {k: v for k, v in form.items() if v is not None}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if item is not None:
                out[f.name] = _plain(item)
        return out
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def file_location(data: Mapping[str, Any], key: str) -> tuple[str, str]:
    """Where the parser's messages name the key: (its section as they write it, the field); a charger is
    chargers[i]. KeyError for a charger the configuration does not have."""
    match = _CHARGER_KEY.match(key)
    if match:
        index = _charger_index(data, match.group(1))
        return f"chargers[{index}]", match.group(2)
    if "." not in key:
        return key, ""
    section, name = key.rsplit(".", 1)
    return section, name


def _charger_index(data: Mapping[str, Any], charger_id: str) -> int:
    for i, charger in enumerate(data.get("chargers", [])):
        if charger.get("id") == charger_id:
            return i
    raise KeyError(f"no charger {charger_id!r}")


def overlay(data: dict[str, Any], key: str, value: Any) -> None:
    """Sets one key in the file's data (in place); KeyError for a key no section has."""
    match = _CHARGER_KEY.match(key)
    if match:
        data["chargers"][_charger_index(data, match.group(1))][match.group(2)] = value
        return
    *sections, name = key.split(".")
    node = data
    for section in sections:
        node = node.setdefault(section, {})
        if not isinstance(node, dict):
            raise KeyError(key)
    node[name] = value


def apply_overrides(config: StationConfig, overrides: Mapping[str, Any]) -> StationConfig:
    """The configuration with these keys changed, rebuilt by parse_config: ConfigError carries the
    message the file itself would have given (the key as the file names it)."""
    data = config_to_dict(config)
    for key, value in overrides.items():
        try:
            overlay(data, key, value)
        except KeyError:
            raise ConfigError(f"{key}: no such setting in this configuration") from None
    return parse_config(data)


def blame(data: Mapping[str, Any], message: str, keys: list[str]) -> list[str]:
    """Which of the changed keys a parser message is about: the key it names, else the keys of the
    section it names (a cross-check such as a charger's wiring against its phases), else none."""
    named, in_section = [], []
    for key in keys:
        try:
            section, name = file_location(data, key)
        except KeyError:
            continue
        if not message.startswith(section):
            continue
        rest = message[len(section) :]
        if not name or re.match(rf"^(\.|: ){re.escape(name)}\b", rest):
            named.append(key)
        elif rest[:1] in (".", ":", " ", "["):
            in_section.append(key)
    return named or in_section


def split_errors(config: StationConfig, overrides: Mapping[str, Any]) -> dict[str, str]:
    """Every changed key's error, as the file's parser words it ({} when the whole change is valid).
    The change is parsed together (a new default language may need its new language list); a message
    is pinned on the keys it names, those are put aside, and the rest parsed again."""
    errors: dict[str, str] = {}
    remaining = dict(overrides)
    data = config_to_dict(config)
    while remaining:
        try:
            apply_overrides(config, remaining)
            break
        except ConfigError as err:
            message = str(err)
            culprits = blame(data, message, list(remaining)) or list(remaining)
            for key in culprits:
                errors[key] = message
                del remaining[key]
    return errors


def read_key(data: Mapping[str, Any], key: str) -> Any:
    """One key's value in the file's data (None where the file leaves it out: no tariff); KeyError for
    a charger the configuration does not have."""
    match = _CHARGER_KEY.match(key)
    if match:
        return data["chargers"][_charger_index(data, match.group(1))].get(match.group(2))
    node: Any = data
    for part in key.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node
