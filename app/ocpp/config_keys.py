"""OCPP 1.6 configuration keys: the registry (type, default, bounds, access) and the persisted typed store."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.db import RuntimeSetting, append_audit, log_event, session_factory, set_setting, utc_now
from app.ocpp.authorization_key import authorization_key_problem
from hal.listeners import Listeners

log = logging.getLogger(__name__)

SETTING_PREFIX = "ocpp."
REMOTE_ACTOR = "csms"  # a ChangeConfiguration.req from the central system
ADMIN_ACTOR = "admin"  # a technician on the station's admin screen
REDACTED = "<write-only>"
INT32_MAX = 2**31 - 1

# Measurands this station can report (docs/ocpp-configuration.md); a CSL naming any other is Rejected.
SUPPORTED_MEASURANDS = (
    "Energy.Active.Import.Register",
    "Power.Active.Import",
    "Current.Import",
    "Voltage",
    "Temperature",
    "Current.Offered",
    "Power.Offered",
)
FEATURE_PROFILES = (
    "Core",
    "FirmwareManagement",
    "LocalAuthListManagement",
    "Reservation",
    "SmartCharging",
    "RemoteTrigger",
)
# OCPP 1.6 section 9.1.21 ConnectorPhaseRotation: "<connectorId>.<rotation>" per entry.
PHASE_ROTATIONS = ("NotApplicable", "Unknown", "RST", "RTS", "SRT", "STR", "TRS", "TSR")


class KeyType(StrEnum):
    BOOL = "boolean"
    INT = "integer"
    CSL = "CSL"
    STRING = "string"


class ConfigurationStatus(StrEnum):
    """ChangeConfiguration.conf status (OCPP 1.6 section 7.22)."""

    ACCEPTED = "Accepted"
    REJECTED = "Rejected"
    REBOOT_REQUIRED = "RebootRequired"
    NOT_SUPPORTED = "NotSupported"


Value = bool | int | str | tuple[str, ...]


@dataclass(frozen=True)
class KeySpec:
    """One configuration key: OCPP 1.6 section 9 (or the 1.6 security whitepaper for the Security ones)."""

    name: str
    profile: str
    type: KeyType
    default: Value
    readonly: bool = False
    write_only: bool = False  # never returned by GetConfiguration (AuthorizationKey)
    reboot: bool = False  # a change is stored but applies after the next start: RebootRequired
    minimum: int | None = None
    maximum: int | None = None
    members: tuple[str, ...] | None = None  # allowed CSL members
    max_length_key: str | None = None  # the key bounding this CSL's item count


def _k(name: str, profile: str, type_: KeyType, default: Value, **options: Any) -> KeySpec:
    return KeySpec(name, profile, type_, default, **options)


BOOL, INT, CSL, STR = KeyType.BOOL, KeyType.INT, KeyType.CSL, KeyType.STRING
CORE, LIST, RESERVATION, SMART, SECURITY = (
    "Core",
    "LocalAuthListManagement",
    "Reservation",
    "SmartCharging",
    "Security",
)
RO = {"readonly": True}
_ENERGY = ("Energy.Active.Import.Register",)
_N = len(SUPPORTED_MEASURANDS)


def _measurands(name: str, default: tuple[str, ...]) -> KeySpec:
    return _k(name, CORE, CSL, default, members=SUPPORTED_MEASURANDS, max_length_key=f"{name}MaxLength")


# What each key does, and why these defaults: docs/ocpp-configuration.md.
REGISTRY: dict[str, KeySpec] = {
    spec.name: spec
    for spec in (
        # OCPP 1.6 section 9.1 Core profile.
        _k("AllowOfflineTxForUnknownId", CORE, BOOL, False),
        _k("AuthorizationCacheEnabled", CORE, BOOL, True),
        _k("AuthorizeRemoteTxRequests", CORE, BOOL, False),
        _k("ClockAlignedDataInterval", CORE, INT, 900),
        _k("ConnectionTimeOut", CORE, INT, 120),
        _k(
            "ConnectorPhaseRotation",
            CORE,
            CSL,
            ("0.Unknown",),
            max_length_key="ConnectorPhaseRotationMaxLength",
        ),
        _k("ConnectorPhaseRotationMaxLength", CORE, INT, 65, **RO),
        _k("GetConfigurationMaxKeys", CORE, INT, 100, **RO),
        _k("HeartbeatInterval", CORE, INT, 300),
        _k("LocalAuthorizeOffline", CORE, BOOL, True),
        _k("LocalPreAuthorize", CORE, BOOL, False),
        _k("MaxEnergyOnInvalidId", CORE, INT, 0),
        _measurands("MeterValuesAlignedData", _ENERGY),
        _k("MeterValuesAlignedDataMaxLength", CORE, INT, _N, **RO),
        _measurands("MeterValuesSampledData", (*_ENERGY, "Power.Active.Import")),
        _k("MeterValuesSampledDataMaxLength", CORE, INT, _N, **RO),
        _k("MeterValueSampleInterval", CORE, INT, 60),
        _k("MinimumStatusDuration", CORE, INT, 0),
        _k("NumberOfConnectors", CORE, INT, 1, minimum=1, **RO),
        _k("ResetRetries", CORE, INT, 1, maximum=10),
        _k("StopTransactionOnEVSideDisconnect", CORE, BOOL, True),
        _k("StopTransactionOnInvalidId", CORE, BOOL, True),
        _measurands("StopTxnAlignedData", ()),
        _k("StopTxnAlignedDataMaxLength", CORE, INT, _N, **RO),
        _measurands("StopTxnSampledData", _ENERGY),
        _k("StopTxnSampledDataMaxLength", CORE, INT, _N, **RO),
        _k("SupportedFeatureProfiles", CORE, CSL, FEATURE_PROFILES, members=FEATURE_PROFILES, **RO),
        _k("SupportedFeatureProfilesMaxLength", CORE, INT, len(FEATURE_PROFILES), **RO),
        _k("TransactionMessageAttempts", CORE, INT, 5, minimum=1, maximum=100),
        _k("TransactionMessageRetryInterval", CORE, INT, 60, maximum=86400),
        _k("UnlockConnectorOnEVSideDisconnect", CORE, BOOL, True),
        _k("WebSocketPingInterval", CORE, INT, 60),
        # OCPP 1.6 section 9.2 Local Auth List Management profile.
        _k("LocalAuthListEnabled", LIST, BOOL, True),
        _k("LocalAuthListMaxLength", LIST, INT, 10000, **RO),
        _k("SendLocalListMaxLength", LIST, INT, 1000, **RO),
        # OCPP 1.6 section 9.3 Reservation profile.
        _k("ReserveConnectorZeroSupported", RESERVATION, BOOL, True, **RO),
        # OCPP 1.6 section 9.4 Smart Charging profile.
        _k("ChargeProfileMaxStackLevel", SMART, INT, 8, **RO),
        _k(
            "ChargingScheduleAllowedChargingRateUnit",
            SMART,
            CSL,
            ("Current", "Power"),
            members=("Current", "Power"),
            **RO,
        ),
        _k("ChargingScheduleMaxPeriods", SMART, INT, 24, **RO),
        _k("ConnectorSwitch3to1PhaseSupported", SMART, BOOL, False, **RO),
        _k("MaxChargingProfilesInstalled", SMART, INT, 16, **RO),
        # OCPP 1.6 security whitepaper (edition 2): configuration keys.
        _k("SecurityProfile", SECURITY, INT, 0, maximum=3),
        _k("AuthorizationKey", SECURITY, STR, "", write_only=True),
        _k("AdditionalRootCertificateCheck", SECURITY, BOOL, False, **RO),
    )
}
_BY_LOWER = {name.lower(): spec for name, spec in REGISTRY.items()}


class ConfigValueError(ValueError):
    """A value that does not fit its key (ChangeConfiguration answers Rejected)."""


def find_spec(key: str) -> KeySpec | None:
    """The key's spec; OCPP key names are CiString50Type, so the lookup ignores case (section 7.23)."""
    return _BY_LOWER.get(key.lower())


def to_wire(spec: KeySpec, value: Value) -> str:
    """The value as GetConfiguration.conf carries it: "true"/"false", decimal, comma-separated."""
    if spec.type is KeyType.BOOL:
        return "true" if value else "false"
    if spec.type is KeyType.CSL:
        assert isinstance(value, tuple), spec.name  # parse_value gives a CSL key a tuple
        return ",".join(value)
    return str(value)


def parse_value(spec: KeySpec, raw: Value) -> Value:
    """A typed value from OCPP text (or an already typed default); ConfigValueError when it does not fit.

    Bounds that depend on other keys (CSL lengths, connector numbers) are checked by OcppConfiguration.
    """
    if spec.type is KeyType.BOOL:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()  # the value is a CiString500Type: case does not matter
        if text not in ("true", "false"):
            raise ConfigValueError(f"{spec.name}: expected true or false")
        return text == "true"
    if spec.type is KeyType.INT:
        if isinstance(raw, bool) or not isinstance(raw, int | str):
            raise ConfigValueError(f"{spec.name}: expected an integer")
        if isinstance(raw, str) and not re.fullmatch(r"[+-]?\d{1,10}", raw.strip()):
            raise ConfigValueError(f"{spec.name}: expected an integer")
        number = int(raw)
        low = spec.minimum if spec.minimum is not None else 0
        high = spec.maximum if spec.maximum is not None else INT32_MAX
        if not low <= number <= high:
            raise ConfigValueError(f"{spec.name}: {number} outside {low}..{high}")
        return number
    if spec.type is KeyType.CSL:
        items = tuple(raw) if isinstance(raw, list | tuple) else str(raw).split(",")
        items = tuple(item.strip() for item in items if str(item).strip())
        if spec.members is not None:
            unknown = [item for item in items if item not in spec.members]
            if unknown:
                raise ConfigValueError(f"{spec.name}: not supported: {', '.join(unknown)}")
        if len(set(items)) != len(items):
            raise ConfigValueError(f"{spec.name}: an item is repeated")
        return items
    if not isinstance(raw, str):
        raise ConfigValueError(f"{spec.name}: expected a string")
    if spec.name == "AuthorizationKey" and (problem := authorization_key_problem(raw)) is not None:
        raise ConfigValueError(problem)
    return raw


class SecretStore(Protocol):
    """Where write-only keys live when not in the ledger (for example a file readable by the owner only)."""

    def load(self, key: str) -> str | None: ...

    def save(self, key: str, value: str) -> None: ...


Listener = Callable[[Value], None]


class OcppConfiguration:
    """The configuration keys of the charge point, persisted as runtime settings `ocpp.<Key>`.

    Read-only keys come from the registry defaults and the station's overrides (never stored: the station
    configuration stays their source); writable keys start from the same and are overridden by the values
    stored by earlier changes. Reads come from memory, so getters are safe on the event loop; `change`
    commits one short transaction.
    """

    def __init__(
        self,
        engine: Engine,
        defaults: Mapping[str, Value] | None = None,
        *,
        secrets: SecretStore | None = None,
        security_profile_check: Callable[[int], bool] | None = None,
        prefix: str = SETTING_PREFIX,
    ) -> None:
        self._engine = engine
        # "ocpp." for the station's charge point; "ocpp@<charger>." for a charger's own identity.
        self._prefix = prefix
        self._secrets = secrets
        # Whether the credentials a profile needs (certificates for 2 and 3) are installed: the security
        # module knows; without it only the password needed by profiles 1 and 2 is checked here.
        self._profile_check = security_profile_check
        self._listeners: dict[str, Listeners[Value]] = {}
        self._values: dict[str, Value] = {name: spec.default for name, spec in REGISTRY.items()}
        for key, raw in (defaults or {}).items():
            spec = find_spec(key)
            if spec is None:
                raise ValueError(f"unknown OCPP configuration key in station defaults: {key}")
            self._values[spec.name] = parse_value(spec, raw)
        for spec in REGISTRY.values():
            try:
                self._check_related(spec, self._values[spec.name])
            except ConfigValueError as error:
                raise ValueError(f"station defaults for OCPP keys: {error}") from error
        self._load()

    # -- reading -------------------------------------------------------------------------------------

    def _load(self) -> None:
        with session_factory(self._engine)() as db:
            rows = db.execute(
                select(RuntimeSetting.key, RuntimeSetting.value).where(
                    RuntimeSetting.key.startswith(self._prefix, autoescape=True)
                )
            ).all()
        stored = {key.removeprefix(self._prefix): value for key, value in rows}
        if self._secrets is not None:
            for secret_spec in REGISTRY.values():
                if secret_spec.write_only and (secret := self._secrets.load(secret_spec.name)) is not None:
                    stored[secret_spec.name] = secret
        for name, raw in stored.items():
            spec = REGISTRY.get(name)
            if spec is None or spec.readonly:
                continue  # another part's setting under the prefix, or a key the station config now owns
            try:
                value = parse_value(spec, raw)
                self._check_related(spec, value)
            except ConfigValueError as error:
                log.warning("stored OCPP key ignored, the default applies: %s", error)
                continue
            self._values[name] = value

    def value(self, key: str) -> Value:
        spec = find_spec(key)
        if spec is None:
            raise KeyError(key)
        return self._values[spec.name]

    def get_bool(self, key: str) -> bool:
        return bool(self.value(key))

    def get_int(self, key: str) -> int:
        value = self.value(key)
        assert not isinstance(value, tuple), key
        return int(value)

    def get_list(self, key: str) -> tuple[str, ...]:
        value = self.value(key)
        assert isinstance(value, tuple), key
        return value

    def get_str(self, key: str) -> str:
        return str(self.value(key))

    def get_wire(self, key: str) -> str:
        """The value as text, as GetConfiguration shows it (for parts that parse keys themselves)."""
        spec = find_spec(key)
        if spec is None:
            raise KeyError(key)
        return to_wire(spec, self._values[spec.name])

    def supports(self, profile: str) -> bool:
        """Whether a feature profile is implemented (SupportedFeatureProfiles, section 9.1.32)."""
        return profile in self.get_list("SupportedFeatureProfiles")

    def get_configuration(self, keys: Iterable[str] | None = None) -> tuple[list[dict[str, Any]], list[str]]:
        """(configurationKey, unknownKey) of GetConfiguration.conf (OCPP 1.6 section 5.8).

        Write-only keys are never listed and count as unknown when asked for by name, so their value
        cannot leak to a CSMS that reads out every key (security whitepaper, AuthorizationKey).
        """
        keys = None if keys is None else list(keys)
        if not keys:
            wanted = [spec for spec in REGISTRY.values() if not spec.write_only]
            unknown: list[str] = []
        else:
            wanted, unknown = [], []
            for key in keys:
                spec = find_spec(key)
                if spec is None or spec.write_only:
                    unknown.append(key)
                elif spec not in wanted:
                    wanted.append(spec)
        listed = [
            {"key": spec.name, "readonly": spec.readonly, "value": to_wire(spec, self._values[spec.name])}
            for spec in wanted
        ]
        return listed, unknown

    # -- changing ------------------------------------------------------------------------------------

    def subscribe(self, key: str, callback: Listener) -> Callable[[], None]:
        """Calls `callback(new_value)` after every committed change of `key`; returns the unsubscriber."""
        spec = find_spec(key)
        if spec is None:
            raise KeyError(key)
        listeners = self._listeners.setdefault(spec.name, Listeners(f"OCPP key {spec.name}", log))
        return listeners.subscribe(callback)

    def change(self, key: str, value: str, actor: str = REMOTE_ACTOR) -> ConfigurationStatus:
        """ChangeConfiguration (OCPP 1.6 section 5.3): validates, stores and applies one key."""
        spec = find_spec(key)
        if spec is None:
            return ConfigurationStatus.NOT_SUPPORTED
        if spec.readonly:
            return ConfigurationStatus.REJECTED
        try:
            new = parse_value(spec, value)
            self._check_related(spec, new)
            if spec.name == "SecurityProfile":
                assert isinstance(new, int)  # parse_value gives an INT key an int
                self._check_security_profile(new, actor)
        except ConfigValueError as error:
            log.info("ChangeConfiguration refused (%s): %s", actor, error)
            return ConfigurationStatus.REJECTED
        self._store(spec, new, actor)
        self._values[spec.name] = new
        listeners = self._listeners.get(spec.name)
        if listeners is not None:  # the change is committed; a faulty listener is logged, the answer stands
            listeners.emit(new)
        return ConfigurationStatus.REBOOT_REQUIRED if spec.reboot else ConfigurationStatus.ACCEPTED

    def _check_related(self, spec: KeySpec, value: Value) -> None:
        if spec.max_length_key is not None and isinstance(value, tuple):
            limit = self.get_int(spec.max_length_key)
            if len(value) > limit:
                raise ConfigValueError(f"{spec.name}: {len(value)} items, at most {limit}")
        if spec.name == "ConnectorPhaseRotation":
            connectors = self.get_int("NumberOfConnectors")
            assert isinstance(value, tuple)  # a CSL key, parsed
            for item in value:
                number, _, rotation = item.partition(".")
                if not number.isdigit() or int(number) > connectors or rotation not in PHASE_ROTATIONS:
                    raise ConfigValueError(f"ConnectorPhaseRotation: {item!r} is not <connector>.<rotation>")

    def _check_security_profile(self, new: int, actor: str) -> None:
        # Security whitepaper: the profile is never lowered through OCPP; only a technician on site may.
        if new < self.get_int("SecurityProfile") and actor != ADMIN_ACTOR:
            raise ConfigValueError("SecurityProfile: a remote change may not lower the profile")
        if new in (1, 2) and not self.get_str("AuthorizationKey"):
            raise ConfigValueError(f"SecurityProfile {new} needs an AuthorizationKey first")
        if self._profile_check is not None and not self._profile_check(new):
            raise ConfigValueError(f"SecurityProfile {new}: the certificates it needs are not installed")

    def _store(self, spec: KeySpec, value: Value, actor: str) -> None:
        stored: Any = list(value) if isinstance(value, tuple) else value
        setting = self._prefix + spec.name
        with session_factory(self._engine).begin() as db:
            # The event log (uploaded by GetDiagnostics) says what changed, in the same transaction.
            shown = REDACTED if spec.write_only else stored
            log_event(
                db,
                kind="event",
                severity="info",
                code="config_changed",
                message=f"OCPP key {spec.name} changed by {actor}",
                details={"key": spec.name, "value": shown, "actor": actor},
            )
            if not spec.write_only:
                set_setting(db, setting, stored, actor=actor)  # audited with the old and the new value
                return
            if self._secrets is not None:
                self._secrets.save(spec.name, str(value))
            else:
                _write_setting_unaudited(db, setting, stored, actor)
            # The audit log is shown on the admin screen: it records that the secret changed, never what to.
            append_audit(db, actor=actor, action="setting.change", target=setting, details={"new": REDACTED})


def _write_setting_unaudited(db: Session, key: str, value: Any, actor: str) -> None:
    table = RuntimeSetting.__table__
    row = {"value": value, "updated_at": utc_now(), "updated_by": actor}
    if db.execute(select(RuntimeSetting.key).where(RuntimeSetting.key == key)).first() is None:
        db.execute(table.insert().values(key=key, **row))
    else:
        db.execute(table.update().where(table.c.key == key).values(**row))
