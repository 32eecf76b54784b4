"""The demo's staff account: one operator with a published PIN, made on the demo's throw-away ledger
only (launcher/demo.py decides which ledger that is), so a demo shows the admin mode at once."""

from __future__ import annotations

from sqlalchemy import Engine, select

from app.admin.accounts import add_account
from app.admin.pins import hash_pin
from app.config import AdminSettings
from app.db import AdminAccount, session_factory

DEMO_ACCOUNT_NAME = "Demo Operator"
# Published in docs/admin.md and printed by the demo: it protects nothing but the demo's own ledger.
DEMO_PIN = "135790"
# The demo operator's web password (docs/web.md), published likewise: the demo ledger's account only.
DEMO_WEB_PASSWORD = "demo station 2026"


def seed_demo_account(engine: Engine, settings: AdminSettings) -> int:
    """The demo operator's staff number, its account made first if the ledger has none (idempotent).

    Never call it on a station's ledger: a real station has no account until
    `python -m app admin add-user` makes one (docs/admin.md "Accounts and roles")."""
    with session_factory(engine)() as db, db.begin():
        found = db.scalar(select(AdminAccount).where(AdminAccount.name == DEMO_ACCOUNT_NAME))
        if found is None:
            view = add_account(
                db, name=DEMO_ACCOUNT_NAME, role="operator", pin=DEMO_PIN, settings=settings, actor="demo"
            )
            found = db.get(AdminAccount, view.account_id)
            assert found is not None
        if found.web_password_hash is None:
            found.web_password_hash = hash_pin(DEMO_WEB_PASSWORD)
        return int(found.id)
