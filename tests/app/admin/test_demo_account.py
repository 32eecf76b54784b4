"""The demo's staff account: made once, with the published PIN, on the demo's own ledger only."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select

from app.admin import DEMO_ACCOUNT_NAME, DEMO_PIN, seed_demo_account
from app.admin.pins import pin_matches
from app.config import AdminSettings, DatabaseSettings, StationConfig
from app.db import AdminAccount, check_and_migrate, make_engine, recent_audit, session_factory
from launcher.demo import demo_config, demo_ledger


def test_the_demo_account_is_made_once_with_its_published_pin(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    check_and_migrate(engine)
    number = seed_demo_account(engine, AdminSettings())
    assert seed_demo_account(engine, AdminSettings()) == number  # a second demo run finds it
    with session_factory(engine)() as db:
        (row,) = db.scalars(select(AdminAccount)).all()
        assert (row.id, row.name, row.role) == (number, DEMO_ACCOUNT_NAME, "operator")
        assert DEMO_PIN not in row.pin_hash and pin_matches(row.pin_hash, DEMO_PIN)
        (added,) = [r for r in recent_audit(db, limit=10) if r["action"] == "account.add"]
        assert added["actor"] == "demo" and DEMO_PIN not in str(added["details"])
    engine.dispose()


def test_only_the_demo_ledger_gets_it():
    demo = demo_config(StationConfig(), (7001,), "127.0.0.1")
    assert demo_ledger(demo)
    site = dataclasses.replace(StationConfig(), database=DatabaseSettings(url="sqlite:////srv/site.sqlite3"))
    assert not demo_ledger(demo_config(site, (7001,), "127.0.0.1"))  # a configured database is the site's
    assert not demo_ledger(StationConfig())  # the station's own default ledger
