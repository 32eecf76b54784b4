"""OCPP 1.6 SmartCharging worked examples: stacks, purposes, kinds, units, composites, refusals, storage."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from ocpp.messages import Call, CallResult, _validate_payload
from sqlalchemy import Engine, select

from app.db.engine import make_engine, session_factory
from app.db.models_station import RuntimeSetting
from app.db.schema_guard import check_and_migrate
from app.ocpp.charging_profiles import ProfileLimits
from app.ocpp.smart_charging import SETTING_KEY, ConnectorRating, SmartCharging

# The fixtures (db_url over SQLite and PostgreSQL, ledger, postgres_server).
pytest_plugins = ["db_fixtures"]

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
CONNECTORS = {
    1: ConnectorRating(phases=3, max_current_mA=32000),
    2: ConnectorRating(phases=1, max_current_mA=32000),
}


@pytest.fixture(scope="module")
def migrated_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite ledger per module; each test works on its own copy (migrating takes a while)."""
    path = tmp_path_factory.mktemp("smart") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    check_and_migrate(engine)
    engine.dispose()
    return path


@pytest.fixture
def db(migrated_file: Path, tmp_path: Path) -> Iterator[Engine]:
    path = tmp_path / "ledger.sqlite3"
    shutil.copy(migrated_file, path)
    engine = make_engine(f"sqlite:///{path}")
    yield engine
    engine.dispose()


def smart(engine: Engine, now: datetime = T0, **kwargs: Any) -> SmartCharging:
    return SmartCharging(engine, CONNECTORS, clock=lambda: now, charge_point_max_mA=64000, **kwargs)


def profile(
    profile_id: int,
    purpose: str = "TxDefaultProfile",
    stack: int = 0,
    periods: list[tuple[int, float]] | None = None,
    *,
    kind: str = "Absolute",
    start: str | None = "2026-03-02T09:00:00Z",
    unit: str = "A",
    **fields: Any,
) -> dict[str, Any]:
    """A csChargingProfiles dict as a CSMS sends it; `schedule_*` fields go into its chargingSchedule."""
    schedule: dict[str, Any] = {
        "chargingRateUnit": unit,
        "chargingSchedulePeriod": [
            {"startPeriod": s, "limit": limit} for s, limit in (periods or [(0, 16.0)])
        ],
    }
    if start is not None:
        schedule["startSchedule"] = start
    for key in [k for k in fields if k.startswith("schedule_")]:
        schedule[key.removeprefix("schedule_")] = fields.pop(key)
    data = {
        "chargingProfileId": profile_id,
        "stackLevel": stack,
        "chargingProfilePurpose": purpose,
        "chargingProfileKind": kind,
        "chargingSchedule": schedule,
        **fields,
    }
    return data


def install(sc: SmartCharging, connector: int, data: dict[str, Any], tx: int | None = None) -> None:
    # Every example is a real SetChargingProfile.req: the official schema must accept it first.
    _validate_payload(
        Call("1", "SetChargingProfile", {"connectorId": connector, "csChargingProfiles": data}), "1.6"
    )
    assert sc.set_profile(connector, data, tx) == "Accepted", sc.last_refusal


def at(hh_mm_ss: str, day: int = 2) -> datetime:
    h, m, s = (int(x) for x in hh_mm_ss.split(":"))
    return datetime(2026, 3, day, h, m, s, tzinfo=UTC)


def test_the_higher_stack_level_prevails_and_the_lower_returns_after_its_duration(db: Engine) -> None:
    sc = smart(db)
    install(sc, 1, profile(1, stack=0, periods=[(0, 16.0)]))
    install(sc, 1, profile(2, stack=1, periods=[(0, 10.0)], schedule_duration=5400))  # 09:00-10:30
    assert sc.limit_at(1, at("10:29:59"), None, None) == 10000
    applied = sc.connector_limit(1, at("10:29:59"), None, None)
    assert applied is not None and applied.reason == "OCPP TxDefaultProfile 2 stack 1"
    assert sc.limit_at(1, at("10:30:00"), None, None) == 16000  # stack 1 has ended: stack 0 again
    assert sc.limit_at(2, at("10:00:00"), None, None) is None  # the profiles were set on connector 1 only


def test_a_connector_default_goes_before_the_charge_point_wide_default_at_the_same_level(db: Engine) -> None:
    sc = smart(db)
    install(sc, 0, profile(1, stack=2, periods=[(0, 20.0)]))
    install(sc, 1, profile(2, stack=2, periods=[(0, 12.0)]))
    assert sc.limit_at(1, T0, None, None) == 12000
    assert (
        sc.limit_at(2, T0, None, None) == 20000
    )  # connector 0's TxDefaultProfile applies to every connector


def test_a_tx_profile_overrules_the_default_while_its_transaction_runs_and_goes_with_it(db: Engine) -> None:
    sc = smart(db)
    install(sc, 1, profile(1, stack=5, periods=[(0, 10.0)]))
    install(sc, 1, profile(2, "TxProfile", stack=0, periods=[(0, 20.0)], transactionId=42), tx=42)
    assert sc.limit_at(1, T0, T0, 42) == 20000  # a TxProfile beats any TxDefaultProfile level
    assert sc.limit_at(1, T0, T0, 43) == 10000  # another transaction: the default
    sc.transaction_ended(1, 42)
    assert [i.profile.profile_id for i in sc.installed] == [1]
    assert sc.limit_at(1, T0, T0, 42) == 10000


def test_a_tx_profile_without_transaction_id_belongs_to_the_running_transaction(db: Engine) -> None:
    sc = smart(db)
    install(sc, 1, profile(7, "TxProfile", periods=[(0, 8.0)]), tx=99)
    assert sc.installed[0].profile.transaction_id == 99
    assert sc.limit_at(1, T0, T0, 99) == 8000


def test_the_charge_point_maximum_caps_every_connector(db: Engine) -> None:
    sc = smart(db)
    install(sc, 0, profile(1, "ChargePointMaxProfile", periods=[(0, 12.0)]))
    install(sc, 1, profile(2, periods=[(0, 16.0)]))
    applied = sc.connector_limit(1, T0, None, None)
    assert applied is not None and applied.mA == 12000
    assert applied.reason == "OCPP ChargePointMaxProfile 1 stack 0"
    assert sc.charge_point_limit_at(T0) == 12000
    assert sc.limit_at(2, T0, None, None) == 12000  # no profile of its own: the charge point's cap alone


def test_a_daily_profile_crosses_midnight(db: Engine) -> None:
    sc = smart(db)
    # Every day from 22:00: 8 A, and from 06:00 (8 h later) 32 A until 22:00 again.
    install(
        sc,
        1,
        profile(
            1,
            kind="Recurring",
            recurrencyKind="Daily",
            start="2026-03-01T22:00:00Z",
            periods=[(0, 8), (28800, 32)],
        ),
    )
    assert sc.limit_at(1, at("21:59:59", day=5), None, None) == 32000
    assert sc.limit_at(1, at("22:00:00", day=5), None, None) == 8000
    assert sc.limit_at(1, at("23:30:00", day=5), None, None) == 8000
    assert sc.limit_at(1, at("01:00:00", day=6), None, None) == 8000
    assert sc.limit_at(1, at("06:00:00", day=6), None, None) == 32000
    assert sc.next_change_after(at("23:30:00", day=5), {}) == at("06:00:00", day=6)


def test_a_weekly_profile_repeats_every_seven_days(db: Engine) -> None:
    sc = smart(db)
    # Mondays (2 March 2026 is a Monday) 10 A for 10 hours from 08:00; otherwise nothing.
    data = profile(
        1, kind="Recurring", recurrencyKind="Weekly", start="2026-03-02T08:00:00Z", periods=[(0, 10)]
    )
    data["chargingSchedule"]["duration"] = 36000
    install(sc, 1, data)
    assert sc.limit_at(1, at("12:00:00", day=9), None, None) == 10000
    assert sc.limit_at(1, at("12:00:00", day=10), None, None) is None


def test_a_relative_profile_starts_with_the_transaction(db: Engine) -> None:
    sc = smart(db)
    install(sc, 1, profile(1, kind="Relative", start=None, periods=[(0, 32), (3600, 16)]))
    started = at("10:15:00")
    assert sc.limit_at(1, at("10:20:00"), started, 5) == 32000
    assert sc.limit_at(1, at("11:14:59"), started, 5) == 32000
    assert sc.limit_at(1, at("11:15:00"), started, 5) == 16000
    assert sc.limit_at(1, at("11:15:00"), None, None) is None  # no transaction, nothing to start from


def test_valid_from_is_inclusive_and_valid_to_exclusive(db: Engine) -> None:
    sc = smart(db)
    install(sc, 1, profile(1, stack=0, periods=[(0, 16)]))
    install(
        sc,
        1,
        profile(
            2, stack=1, periods=[(0, 6)], validFrom="2026-03-02T10:00:00Z", validTo="2026-03-02T11:00:00Z"
        ),
    )
    assert sc.limit_at(1, at("09:59:59"), None, None) == 16000
    assert sc.limit_at(1, at("10:00:00"), None, None) == 6000
    assert sc.limit_at(1, at("10:59:59"), None, None) == 6000
    assert sc.limit_at(1, at("11:00:00"), None, None) == 16000


def test_watts_become_amps_per_phase_at_the_nominal_voltage(db: Engine) -> None:
    sc = smart(db)
    install(sc, 0, profile(1, unit="W", periods=[(0, 11040)]))  # default for both connectors
    assert sc.limit_at(1, T0, None, None) == 16000  # 11040 W / (3 x 230 V) = 16 A per phase
    assert sc.limit_at(2, T0, None, None) == 48000  # single-phase connector: 11040 W / 230 V = 48 A
    data = profile(3, stack=1, unit="W", periods=[(0, 7360)])
    data["chargingSchedule"]["chargingSchedulePeriod"][0]["numberPhases"] = 1
    install(sc, 1, data)
    assert sc.limit_at(1, T0, None, None) == 32000  # 7360 W on one phase = 32 A


def test_the_composite_schedule_of_one_hour_in_amps_and_watts(db: Engine) -> None:
    sc = smart(db)
    install(sc, 1, profile(1, periods=[(0, 16), (5400, 10)]))  # from 09:00; 10 A from 10:30
    install(sc, 0, profile(2, "ChargePointMaxProfile", periods=[(0, 8)], validFrom="2026-03-02T10:45:00Z"))
    amps = sc.composite_schedule(1, 3600, "A", T0)
    assert amps == {
        "duration": 3600,
        "startSchedule": "2026-03-02T10:00:00Z",
        "chargingRateUnit": "A",
        "chargingSchedulePeriod": [
            {"startPeriod": 0, "limit": 16.0},
            {"startPeriod": 1800, "limit": 10.0},
            {"startPeriod": 2700, "limit": 8.0},
        ],
    }
    watts = sc.composite_schedule(1, 3600, "W", T0)
    assert watts is not None
    assert [p["limit"] for p in watts["chargingSchedulePeriod"]] == [11040.0, 6900.0, 5520.0]
    whole = sc.composite_schedule(0, 3600, "A", T0)
    assert whole is not None
    assert whole["chargingSchedulePeriod"] == [
        {"startPeriod": 0, "limit": 64.0},
        {"startPeriod": 2700, "limit": 8.0},
    ]
    assert sc.composite_schedule(9, 3600, "A", T0) is None
    # What the CSMS receives is a valid GetCompositeSchedule.conf.
    conf = {
        "status": "Accepted",
        "connectorId": 1,
        "scheduleStart": amps["startSchedule"],
        "chargingSchedule": watts,
    }
    _validate_payload(CallResult("1", conf, "GetCompositeSchedule"), "1.6")


def test_a_composite_schedule_without_profiles_is_the_hardware_maximum(db: Engine) -> None:
    sc = smart(db)
    schedule = sc.composite_schedule(2, 600, None, T0)
    assert schedule is not None
    assert schedule["chargingSchedulePeriod"] == [{"startPeriod": 0, "limit": 32.0}]


LIMITS = ProfileLimits(max_stack_level=3, allowed_units=frozenset({"A"}), max_periods=2, max_installed=3)


def _edit(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    node: Any = data
    keys = path.split(".")
    for key in keys[:-1]:
        node = node[int(key)] if key.isdigit() else node[key]
    if value is _DROP:
        del node[keys[-1]]
    else:
        node[keys[-1]] = value
    return data


_DROP = object()
P = "chargingSchedule.chargingSchedulePeriod"
CP_MAX = ("chargingProfilePurpose", "ChargePointMaxProfile")
TX = ("chargingProfilePurpose", "TxProfile")


@pytest.mark.parametrize(
    ("connector", "tx", "edit", "field", "status"),
    [
        (9, None, None, "connectorId", "Rejected"),
        (1, None, (CP_MAX,), "connectorId", "Rejected"),
        (0, None, (CP_MAX, ("chargingProfileKind", "Relative")), "chargingProfileKind", "Rejected"),
        (0, 7, (TX,), "connectorId", "Rejected"),
        (1, None, (TX,), "connectorId", "Rejected"),
        (1, 7, (TX, ("transactionId", 8)), "transactionId", "Rejected"),
        (1, None, (("transactionId", 8),), "transactionId", "Rejected"),
        (1, None, (("chargingProfileKind", "Recurring"),), "recurrencyKind", "Rejected"),
        (
            1,
            None,
            (("chargingSchedule.chargingRateUnit", "W"),),
            "chargingSchedule.chargingRateUnit",
            "NotSupported",
        ),
        (1, None, (("validTo", "2026-03-02T08:00:00Z"),), "validTo", "Rejected"),
        (1, None, (("validFrom", "tomorrow"),), "validFrom", "Rejected"),
        (1, None, (("stackLevel", 4),), "stackLevel", "Rejected"),
        (1, None, (("stackLevel", -1),), "stackLevel", "Rejected"),
        (1, None, ((f"{P}.0.startPeriod", 60),), f"{P}[0].startPeriod", "Rejected"),
        (1, None, ((f"{P}.1.startPeriod", 0),), f"{P}[1].startPeriod", "Rejected"),
        (1, None, ((f"{P}.1.limit", 16.05),), f"{P}[1].limit", "Rejected"),
        (1, None, ((f"{P}.1.limit", -1),), f"{P}[1].limit", "Rejected"),
        (1, None, ((f"{P}.1.numberPhases", 4),), f"{P}[1].numberPhases", "Rejected"),
        (1, None, ((f"{P}.1.limit", _DROP),), f"{P}[1].limit", "Rejected"),
        (1, None, ((P, []),), P, "Rejected"),
        (
            1,
            None,
            (("chargingSchedule.minChargingRate", 6.25),),
            "chargingSchedule.minChargingRate",
            "Rejected",
        ),
        (1, None, (("chargingProfileId", "1"),), "chargingProfileId", "Rejected"),
        (1, None, (("chargingSchedule", _DROP),), "chargingSchedule", "Rejected"),
    ],
)
def test_every_refusal_names_its_field(
    db: Engine, connector: int, tx: int | None, edit: tuple[str, Any] | None, field: str, status: str
) -> None:
    sc = smart(db, limits=LIMITS)
    data = profile(1, periods=[(0, 16), (60, 10)])
    for path, value in edit or ():
        _edit(data, path, value)
    assert sc.set_profile(connector, data, tx) == status
    assert sc.last_refusal is not None and sc.last_refusal.field == field
    assert field in str(sc.last_refusal)
    assert sc.installed == ()
    with session_factory(db)() as session:
        assert session.scalar(select(RuntimeSetting).where(RuntimeSetting.key == SETTING_KEY)) is None


def test_too_many_periods_and_too_many_profiles_are_refused(db: Engine) -> None:
    sc = smart(db, limits=lambda: LIMITS)  # the limits may come from a getter (configuration keys)
    assert sc.set_profile(1, profile(1, periods=[(0, 16), (60, 10), (120, 8)]), None) == "Rejected"
    assert sc.last_refusal is not None and sc.last_refusal.field == P
    for n in range(3):
        install(sc, 1, profile(10 + n, stack=n))
    assert sc.set_profile(2, profile(20), None) == "Rejected"
    assert sc.last_refusal is not None and sc.last_refusal.field == "csChargingProfiles"
    install(sc, 2, profile(11))  # a replacement does not add to the count


def test_limits_from_configuration_keys() -> None:
    keys = {
        "ChargeProfileMaxStackLevel": "5",
        "ChargingScheduleAllowedChargingRateUnit": "Current",
        "ChargingScheduleMaxPeriods": 12,
        "MaxChargingProfilesInstalled": "20",
    }
    assert ProfileLimits.from_keys(keys.__getitem__) == ProfileLimits(5, frozenset({"A"}), 12, 20)


def test_same_id_or_same_purpose_and_level_on_a_connector_replaces(db: Engine) -> None:
    sc = smart(db)
    install(sc, 1, profile(1, stack=1, periods=[(0, 16)]))
    install(sc, 2, profile(1, stack=1, periods=[(0, 10)]))  # same id moves to connector 2
    assert [(i.connector_id, i.profile.profile_id) for i in sc.installed] == [(2, 1)]
    install(sc, 2, profile(2, stack=1, periods=[(0, 8)]))  # same purpose + level on connector 2
    assert [(i.connector_id, i.profile.profile_id) for i in sc.installed] == [(2, 2)]
    install(sc, 1, profile(3, stack=1))  # same level elsewhere: kept beside it
    install(sc, 2, profile(4, "TxProfile", stack=1), tx=5)  # same level, other purpose: kept
    assert sorted(i.profile.profile_id for i in sc.installed) == [2, 3, 4]


def test_clear_by_id_by_criteria_or_unknown(db: Engine) -> None:
    sc = smart(db)
    install(sc, 0, profile(1, "ChargePointMaxProfile"))
    install(sc, 1, profile(2, stack=1))
    install(sc, 1, profile(3, stack=2))
    install(sc, 2, profile(4, stack=2))
    assert sc.clear(id=99) == "Unknown"
    assert sc.clear(id=1, connector_id=2) == "Accepted"  # an id clears that profile whatever else is given
    assert sc.clear(connector_id=1, purpose="TxDefaultProfile", stack_level=2) == "Accepted"
    assert sorted(i.profile.profile_id for i in sc.installed) == [2, 4]
    assert sc.clear(purpose="ChargePointMaxProfile") == "Unknown"
    assert sc.clear() == "Accepted"
    assert sc.installed == ()


def test_snake_case_keys_from_the_ocpp_library_are_accepted(db: Engine) -> None:
    sc = smart(db)
    data = {
        "charging_profile_id": 5,
        "stack_level": 0,
        "charging_profile_purpose": "TxDefaultProfile",
        "charging_profile_kind": "Absolute",
        "charging_schedule": {
            "start_schedule": "2026-03-02T09:00:00Z",
            "charging_rate_unit": "A",
            "charging_schedule_period": [{"start_period": 0, "limit": 13.5, "number_phases": 3}],
        },
    }
    assert sc.set_profile(1, data, None) == "Accepted"
    assert sc.limit_at(1, T0, None, None) == 13500


def test_profiles_survive_a_restart_on_the_same_database(ledger: Engine) -> None:
    received = at("09:30:00")
    first = smart(ledger, now=received)
    install(first, 0, profile(1, "ChargePointMaxProfile", periods=[(0, 20)]))
    install(first, 1, profile(2, start=None, periods=[(0, 16), (1800, 10)]))  # starts when received
    install(first, 1, profile(3, "TxProfile", stack=1, periods=[(0, 12)]), tx=77)
    later = at("10:05:00")
    again = smart(ledger, now=later)
    assert again.installed == first.installed
    assert again.limit_at(1, later, None, None) == 10000  # 09:30 + 1800 s: still anchored at 09:30
    assert again.limit_at(1, later, received, 77) == 12000
    with session_factory(ledger)() as session:
        row = session.scalar(select(RuntimeSetting).where(RuntimeSetting.key == SETTING_KEY))
    assert row is not None and row.updated_by == "csms"
    assert [(e["connectorId"], e["csChargingProfiles"]["chargingProfileId"]) for e in row.value] == [
        (0, 1),
        (1, 2),
        (1, 3),
    ]
    assert row.value[1]["csChargingProfiles"]["chargingSchedule"]["startSchedule"] == "2026-03-02T09:30:00Z"
    assert row.value[2]["csChargingProfiles"]["transactionId"] == 77
    again.transaction_ended(1, 77)
    assert [i.profile.profile_id for i in smart(ledger).installed] == [1, 2]
