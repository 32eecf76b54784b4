"""OCPP configuration keys on the real ledger: Get/ChangeConfiguration answers, persistence, audit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db.audit_log import recent_audit
from app.db.engine import session_factory
from app.db.models_station import RuntimeSetting
from app.db.settings_store import get_setting, set_setting
from app.ocpp.config_keys import REGISTRY, OcppConfiguration

pytest_plugins = ["db_fixtures"]

KEY = "0123456789abcdef0123456789abcdef"  # 16 bytes as hexadecimal digits (security whitepaper)


def _as_dict(listed):
    return {entry["key"]: entry for entry in listed}


def test_get_configuration_lists_every_readable_key_as_ocpp_strings(ledger):
    config = OcppConfiguration(ledger, defaults={"NumberOfConnectors": 4})
    listed, unknown = config.get_configuration(None)
    keys = _as_dict(listed)
    assert unknown == []
    assert set(keys) == {name for name, spec in REGISTRY.items() if not spec.write_only}
    assert "AuthorizationKey" not in keys
    assert keys["NumberOfConnectors"] == {"key": "NumberOfConnectors", "readonly": True, "value": "4"}
    assert keys["LocalAuthorizeOffline"] == {
        "key": "LocalAuthorizeOffline",
        "readonly": False,
        "value": "true",
    }
    assert keys["MeterValuesSampledData"]["value"] == "Energy.Active.Import.Register,Power.Active.Import"
    assert keys["SupportedFeatureProfiles"]["readonly"] is True
    assert all(isinstance(entry["value"], str) for entry in listed)


def test_get_configuration_by_name_reports_unknown_and_write_only_keys_as_unknown(ledger):
    config = OcppConfiguration(ledger)
    assert config.change("AuthorizationKey", KEY) == "Accepted"
    listed, unknown = config.get_configuration(["heartbeatinterval", "NoSuchKey", "AuthorizationKey"])
    assert listed == [{"key": "HeartbeatInterval", "readonly": False, "value": "300"}]
    assert unknown == ["NoSuchKey", "AuthorizationKey"]


@pytest.mark.parametrize(
    ("key", "value", "status"),
    [
        ("HeartbeatInterval", "120", "Accepted"),
        ("HeartbeatInterval", "-1", "Rejected"),
        ("HeartbeatInterval", "1.5", "Rejected"),
        ("HeartbeatInterval", "ten", "Rejected"),
        ("LocalPreAuthorize", "TRUE", "Accepted"),
        ("LocalPreAuthorize", "yes", "Rejected"),
        ("MeterValuesSampledData", "Voltage,Current.Import", "Accepted"),
        ("MeterValuesSampledData", "Voltage,RPM", "Rejected"),  # a measurand this station does not meter
        ("MeterValuesSampledData", "Voltage,Voltage", "Rejected"),
        ("TransactionMessageAttempts", "0", "Rejected"),
        ("ConnectorPhaseRotation", "0.RST,1.RTS,2.Unknown", "Accepted"),
        ("ConnectorPhaseRotation", "3.RST", "Rejected"),  # only two connectors
        ("ConnectorPhaseRotation", "1.XYZ", "Rejected"),
        ("NumberOfConnectors", "3", "Rejected"),  # read-only
        ("SupportedFeatureProfiles", "Core", "Rejected"),
        ("NoSuchKey", "1", "NotSupported"),
        ("AuthorizationKey", "secret", "Rejected"),  # not 32-40 hexadecimal digits
        ("AuthorizationKey", KEY, "Accepted"),
    ],
)
def test_change_configuration_validates_each_value(ledger, key, value, status):
    config = OcppConfiguration(ledger, defaults={"NumberOfConnectors": 2})
    before = config.get_configuration(None)
    assert config.change(key, value) == status
    if status != "Accepted":
        assert config.get_configuration(None) == before
        with session_factory(ledger)() as db:
            assert db.scalar(select(RuntimeSetting.key).where(RuntimeSetting.key.startswith("ocpp."))) is None


def test_csl_length_is_bounded_by_its_max_length_key(ledger):
    config = OcppConfiguration(ledger, defaults={"MeterValuesSampledDataMaxLength": 2})
    assert config.change("MeterValuesSampledData", "Voltage,Current.Import,Temperature") == "Rejected"
    assert config.change("MeterValuesSampledData", "Voltage,Current.Import") == "Accepted"
    assert config.get_list("MeterValuesSampledData") == ("Voltage", "Current.Import")


def test_changes_survive_a_restart_and_read_only_keys_follow_the_station_config(ledger):
    first = OcppConfiguration(ledger, defaults={"NumberOfConnectors": 2})
    assert first.change("MeterValueSampleInterval", "15") == "Accepted"
    assert first.change("LocalAuthorizeOffline", "false") == "Accepted"
    assert first.change("StopTxnSampledData", "Energy.Active.Import.Register,Voltage") == "Accepted"
    with session_factory(ledger)() as db:
        assert get_setting(db, "ocpp.MeterValueSampleInterval") == 15
        assert get_setting(db, "ocpp.LocalAuthorizeOffline") is False

    again = OcppConfiguration(ledger, defaults={"NumberOfConnectors": 3})
    assert again.get_int("MeterValueSampleInterval") == 15
    assert again.get_bool("LocalAuthorizeOffline") is False
    assert again.get_list("StopTxnSampledData") == ("Energy.Active.Import.Register", "Voltage")
    assert again.get_int("NumberOfConnectors") == 3
    listed, _ = again.get_configuration(["MeterValueSampleInterval"])
    assert listed[0]["value"] == "15"


def test_a_change_is_audited_with_its_actor_and_reaches_subscribers_at_once(ledger):
    config = OcppConfiguration(ledger)
    seen: list[object] = []
    unsubscribe = config.subscribe("HeartbeatInterval", seen.append)
    assert config.change("HeartbeatInterval", "42", actor="csms") == "Accepted"
    assert config.change("HeartbeatInterval", "-5", actor="csms") == "Rejected"
    unsubscribe()
    assert config.change("HeartbeatInterval", "43", actor="admin") == "Accepted"
    assert seen == [42]
    with session_factory(ledger)() as db:
        entries = recent_audit(db)
    assert [(e["actor"], e["target"], e["details"]) for e in entries] == [
        ("admin", "ocpp.HeartbeatInterval", {"old": 42, "new": 43}),
        ("csms", "ocpp.HeartbeatInterval", {"old": None, "new": 42}),
    ]


def test_a_failing_subscriber_does_not_undo_an_accepted_change(ledger):
    config = OcppConfiguration(ledger)

    def broken(_value):
        raise RuntimeError("listener bug")

    config.subscribe("WebSocketPingInterval", broken)
    assert config.change("WebSocketPingInterval", "0") == "Accepted"
    assert OcppConfiguration(ledger).get_int("WebSocketPingInterval") == 0


def test_authorization_key_is_stored_but_never_shown_nor_audited_in_clear(ledger):
    config = OcppConfiguration(ledger)
    assert config.change("AuthorizationKey", KEY) == "Accepted"
    listed, _ = config.get_configuration(None)
    assert KEY not in repr(listed)
    with session_factory(ledger)() as db:
        audit = recent_audit(db)
    assert KEY not in repr(audit) and audit[0]["target"] == "ocpp.AuthorizationKey"
    assert OcppConfiguration(ledger).get_str("AuthorizationKey") == KEY


def test_authorization_key_goes_to_an_injected_secret_store_instead_of_the_ledger(ledger):
    class Secrets:
        def __init__(self):
            self.saved: dict[str, str] = {}

        def load(self, key):
            return self.saved.get(key)

        def save(self, key, value):
            self.saved[key] = value

    secrets = Secrets()
    assert OcppConfiguration(ledger, secrets=secrets).change("AuthorizationKey", KEY) == "Accepted"
    assert secrets.saved == {"AuthorizationKey": KEY}
    with session_factory(ledger)() as db:
        assert get_setting(db, "ocpp.AuthorizationKey") is None
    assert OcppConfiguration(ledger, secrets=secrets).get_str("AuthorizationKey") == KEY


def test_security_profile_is_never_lowered_remotely(ledger):
    config = OcppConfiguration(ledger, defaults={"SecurityProfile": 0})
    assert config.change("SecurityProfile", "1") == "Rejected"  # profile 1 needs a password first
    assert config.change("AuthorizationKey", KEY) == "Accepted"
    assert config.change("SecurityProfile", "2") == "Accepted"
    assert config.change("SecurityProfile", "1", actor="csms") == "Rejected"
    assert config.change("SecurityProfile", "4") == "Rejected"
    restarted = OcppConfiguration(ledger, defaults={"SecurityProfile": 0})
    assert restarted.get_int("SecurityProfile") == 2
    assert restarted.change("SecurityProfile", "0", actor="csms") == "Rejected"
    assert restarted.change("SecurityProfile", "1", actor="admin") == "Accepted"  # on site, by a technician


def test_security_profile_needs_what_the_security_module_says_is_installed(ledger):
    config = OcppConfiguration(ledger, security_profile_check=lambda profile: profile < 3)
    assert config.change("SecurityProfile", "3") == "Rejected"
    assert config.get_int("SecurityProfile") == 0


def test_station_defaults_are_validated(ledger):
    with pytest.raises(ValueError, match="NoSuchKey"):
        OcppConfiguration(ledger, defaults={"NoSuchKey": 1})
    with pytest.raises(ValueError, match="HeartbeatInterval"):
        OcppConfiguration(ledger, defaults={"HeartbeatInterval": -1})


def test_an_invalid_stored_value_falls_back_to_the_default(ledger):
    with session_factory(ledger).begin() as db:
        set_setting(db, "ocpp.HeartbeatInterval", -7, actor="admin")
        set_setting(db, "ocpp.NumberOfConnectors", 9, actor="admin")  # read-only: the station config decides
    config = OcppConfiguration(ledger, defaults={"NumberOfConnectors": 2})
    assert config.get_int("HeartbeatInterval") == 300
    assert config.get_int("NumberOfConnectors") == 2
