"""Configuration changes on the running station (simulator): a site limit applied live to what the
chargers offer, audited and reverted; a value refused with the file's own message; a tariff for new
sessions only; a charger's phases and current waiting for its quiet moment; the overrides at the next
start; the money settings kept for operators."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from admin_station import PINS, admin_station
from sessions_support import wait_until
from sqlalchemy import select

from app.admin import OperationError, PermissionDeniedError
from app.admin.configuration_store import with_stored_overrides
from app.config import ConfigError, load_config
from app.db import ChargingSession, RuntimeSetting, session_factory, verify_audit_chain
from app.runtime import StationRuntime

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)


async def signed_in(station, role):
    return (await station.operators.sign_in(station.accounts[role], PINS[role])).operator


async def offered(sim, charger: int) -> int:
    return int((await sim.ctl.call("status", charger=charger))["offered_mA"])


async def charging(station, sim, charger: int) -> int:
    """A session on the charger's connector with a car drawing; its id."""
    row = await station.runtime.sessions.authorise(f"CP{charger:02d}/1", "DEMO-0001")
    await sim.ctl.call("plug", charger=charger)
    await wait_until(
        lambda: station.runtime.sessions.open_session(f"CP{charger:02d}/1")[1] == "charging", 15, "charging"
    )
    return row.id


def stored(station) -> dict:
    with session_factory(station.runtime.engine)() as db:
        return {row.key: row.value for row in db.scalars(select(RuntimeSetting))}


def chain_intact(station) -> bool:
    with session_factory(station.runtime.engine)() as db:
        return verify_audit_chain(db).intact


def test_a_site_limit_applies_live_is_audited_and_reverts(realtime_sim, tmp_path):
    sim = realtime_sim

    async def scenario():
        async with admin_station(sim, tmp_path) as station:
            tech = await signed_in(station, "technician")
            config = station.operators.configuration
            await charging(station, sim, 0)
            await wait_until_async(lambda: offered(sim, 0), lambda mA: mA > 31000, "32 A offered")
            view = await config.current(tech)
            limit = next(s for s in view.settings if s.key == "site.limit_mA")
            assert (limit.value, limit.minimum, limit.maximum) == ([63000, 63000, 63000], 6000, 2000000)
            applied = await config.apply(tech, {"site.limit_mA": [16000, 16000, 16000]})
            assert (applied.live, applied.scheduled) == (("site.limit_mA",), ())
            # The balancer offers less at once: the simulated charger's pilot says 16 A.
            await wait_until_async(lambda: offered(sim, 0), lambda mA: 6000 <= mA <= 16000, "16 A offered")
            rows = station.audit()
            apply_row = next(r for r in rows if r["action"] == "config.apply")
            assert apply_row["id"] == applied.change_id and apply_row["actor"] == "admin:Technician One"
            assert apply_row["details"]["changes"] == {
                "site.limit_mA": {"old": [63000, 63000, 63000], "new": [16000, 16000, 16000]}
            }
            setting = next(r for r in rows if r["action"] == "setting.change")
            assert (setting["target"], setting["details"]["old"]) == ("config.site.limit_mA", None)
            assert stored(station) == {"config.site.limit_mA": [16000, 16000, 16000]}

            reverted = await config.revert(tech, applied.change_id)
            await wait_until_async(lambda: offered(sim, 0), lambda mA: mA > 31000, "32 A again")
            history = await config.history(tech)
            assert [(h.action, h.reverts) for h in history] == [
                ("config.revert", applied.change_id),
                ("config.apply", None),
            ]
            assert history[0].change_id == reverted.change_id
            assert history[0].changes[0].new == [63000, 63000, 63000]
            assert stored(station) == {"config.site.limit_mA": [63000, 63000, 63000]}
            assert chain_intact(station)

    asyncio.run(scenario())


async def wait_until_async(read, check, what, timeout_s=15.0):
    async with asyncio.timeout(timeout_s):
        while True:
            value = await read()
            if check(value):
                return value
            await asyncio.sleep(0.1)


def test_an_invalid_value_is_refused_with_the_files_own_message(realtime_sim, tmp_path):
    async def scenario():
        async with admin_station(realtime_sim, tmp_path) as station:
            tech = await signed_in(station, "technician")
            config = station.operators.configuration
            changes = {"kiosk.idle_timeout_s": 5.0, "chargers.CP01.phases": 2, "kiosk.brightness_percent": 50}
            preview = await config.preview(tech, changes)
            toml = tmp_path / "site.toml"
            toml.write_text("[kiosk]\nidle_timeout_s = 5.0\n")
            with pytest.raises(ConfigError) as from_file:
                load_config(toml)
            assert str(from_file.value) == f"{toml}: {preview.errors['kiosk.idle_timeout_s']}"
            assert (
                preview.errors["chargers.CP01.phases"]
                == "chargers[1]: phases: 2 is not a charger type; use 1 or 3"
            )
            assert "kiosk.brightness_percent" not in preview.errors and not preview.valid
            before = len(station.audit(200))
            with pytest.raises(OperationError) as refused:
                await config.apply(tech, changes)
            assert refused.value.code == "invalid" and set(refused.value.details["errors"]) == {
                "kiosk.idle_timeout_s",
                "chargers.CP01.phases",
            }
            assert len(station.audit(200)) == before and stored(station) == {}

    asyncio.run(scenario())


def test_a_tariff_previews_the_price_screen_and_applies_to_new_sessions_only(realtime_sim, tmp_path):
    sim = realtime_sim

    async def scenario():
        async with admin_station(sim, tmp_path) as station:
            tech = await signed_in(station, "technician")
            boss = await signed_in(station, "operator")
            config = station.operators.configuration
            running = await charging(station, sim, 0)
            new_tariff = {"energy_price_per_kWh": "0.90", "session_fee": "2.00", "tax_rate_bp": 800}
            preview = await config.preview(boss, {"tariff": new_tariff})
            assert preview.valid and set(preview.price_lines) == {"en", "ms"}
            assert preview.price_lines["en"][0] == "RM 0.90 per kWh"
            assert any("2.00" in line for line in preview.price_lines["ms"])
            with pytest.raises(PermissionDeniedError):
                await config.apply(tech, {"tariff": new_tariff})
            with pytest.raises(PermissionDeniedError):
                await config.apply(tech, {"payments.hold": "80.00"})
            assert stored(station) == {}
            applied = await config.apply(boss, {"tariff": new_tariff})
            assert applied.live == ("tariff",)
            assert (
                station.driver.price_lines("en")[0] == "Energy: RM 0.90 per kWh"
            )  # the kiosk's price list now
            later = await station.runtime.sessions.authorise("CP01/1", "DEMO-0002")
            with session_factory(station.runtime.engine)() as db:
                assert db.get(ChargingSession, running).tariff["energy_price_per_kWh"] == "0.6000"
                assert db.get(ChargingSession, later.id).tariff["energy_price_per_kWh"] == "0.9000"
            assert chain_intact(station)

    asyncio.run(scenario())


@pytest.mark.sim(chargers=2, phases="1,3", realtime_factor=4)  # CP00 single-phase, configured 3-phase
def test_a_chargers_phases_wait_for_its_quiet_moment_and_survive_a_restart(realtime_sim, tmp_path):
    sim = realtime_sim

    async def scenario():
        async with admin_station(sim, tmp_path) as station:
            tech = await signed_in(station, "technician")
            config, manager = station.operators.configuration, station.runtime.station.manager
            panel = tmp_path / "backlight" / "rpi_backlight"  # a Pi panel's sysfs directory
            panel.mkdir(parents=True)
            (panel / "max_brightness").write_text("255\n")
            config.backlight_root = panel.parent
            kiosk_changes = []
            config.subscribe(kiosk_changes.append)
            await charging(station, sim, 0)
            # A three-phase charger configured single-phase would be refused at its next connection.
            refused = await config.preview(tech, {"chargers.CP01.phases": 1})
            assert refused.errors == {
                "chargers.CP01.phases": "chargers[1].phases: CP01 reports 3 phases; configured 1-phase it "
                "would be refused as faulty at its next connection"
            }
            applied = await config.apply(
                tech,
                {
                    "chargers.CP00.phases": 1,
                    "chargers.CP00.max_current_mA": 16000,
                    "kiosk.idle_timeout_s": 90.0,
                    "kiosk.brightness_percent": 50,
                },
            )
            assert applied.live == ("kiosk.idle_timeout_s", "kiosk.brightness_percent")
            assert (panel / "brightness").read_text() == "128\n"
            assert [(k.kiosk.idle_timeout_s, k.kiosk.brightness_percent) for k in kiosk_changes] == [
                (90.0, 50)
            ]
            assert set(applied.scheduled) == {"chargers.CP00.phases", "chargers.CP00.max_current_mA"}
            assert [p.charger_id for p in (await config.current(tech)).pending] == ["CP00"]
            await asyncio.sleep(1.0)  # the car goes on charging as it was
            assert manager.connector("CP00/1").site_phases == (0, 1, 2)
            assert await offered(sim, 0) > 31000
            await station.runtime.sessions.stop("CP00/1")
            await wait_until(
                lambda: manager.connector("CP00/1").site_phases == (0,), 10, "the phases applied"
            )
            assert manager.connector("CP00/1").max_mA == 16000
            await wait_until(
                lambda: any(r["action"] == "config.scheduled_applied" for r in station.audit()), 5, "audited"
            )
            assert (await config.current(tech)).pending == ()
            base = station.runtime.config
        restarted = with_stored_overrides(base)
        assert restarted.chargers[0].phases == 1 and restarted.chargers[0].max_current_mA == 16000
        assert restarted.kiosk.idle_timeout_s == 90.0 and restarted.chargers[1] == base.chargers[1]
        runtime = StationRuntime(restarted)
        assert runtime.station.manager.connector("CP00/1").site_phases == (0,)
        # A charger taken out of the file: its stored settings are left out, the others still apply.
        fewer = with_stored_overrides(dataclasses.replace(base, chargers=base.chargers[1:]))
        assert fewer.chargers == base.chargers[1:] and fewer.kiosk.idle_timeout_s == 90.0

    asyncio.run(scenario())
