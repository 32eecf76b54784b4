"""`python -m app admin`: the staff's accounts from the command line (the first one is made here,
never by a default PIN) and the audit log's chain check.

    python -m app admin add-user --name "Aminah" --role operator [--card 04A1B2C3] [--config site.toml]
    python -m app admin list-users | set-pin --id 2 | disable-user --id 2 | enable-user --id 2
    python -m app admin unlock-user --id 2 | verify-audit
    python -m app admin set-password --id 2            (the web's password, separate from the PIN)
    python -m app admin add-token --id 2 --name "Home Assistant" --scope read [--expires-days 365]
    python -m app admin list-tokens [--id 2] | revoke-token --token 5

The PIN (and the web password) is read from the terminal twice without echo, or one line from stdin
with --pin-stdin / --password-stdin (for an installer script); it never appears in the arguments,
where `ps` would show it. A new token's secret is printed once and never kept. The ledger is
migrated to this software's schema first (it may not exist yet before the station's first start).
A refusal is one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import getpass
import sys
import unicodedata
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TypeVar

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.admin.accounts import AccountError, add_account, list_accounts, set_disabled, set_pin, unlock
from app.admin.api_tokens import SCOPES, ApiTokenView, insert_token, list_tokens, token_audit_details
from app.admin.context import OperationError
from app.admin.pins import PinRuleError, hash_pin
from app.admin.web_access import check_new_password, store_web_password
from app.config import ConfigError, StationConfig, load_config
from app.db import (
    ADMIN_ROLES,
    AdminAccount,
    ApiToken,
    DatabaseTooNewError,
    append_audit,
    check_and_migrate,
    make_engine,
    session_factory,
    utc_now,
)
from app.db.audit_log import verify_audit_chain

EXIT_REFUSED = 2
ACTOR = "console"  # who the audit log names for a change made here
T = TypeVar("T")


class AdminCommandError(Exception):
    """A refusal printed as one line, exit code 2."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "admin",
        help="the staff's admin accounts and the audit log's check",
        description=__doc__.split("\n")[0] if __doc__ else None,
    )
    parser.add_argument("--config", type=Path, help="the site's TOML configuration file")
    commands = parser.add_subparsers(dest="admin_command", required=True, metavar="ACTION")
    add = commands.add_parser("add-user", help="create an account (asks for its PIN)")
    add.add_argument("--name", required=True, help="the person's name as the audit log shows it")
    add.add_argument("--role", required=True, choices=ADMIN_ROLES)
    add.add_argument("--card", help="a card UID that must be tapped with the PIN")
    add.add_argument("--pin-stdin", action="store_true", help="read the PIN as one line from stdin")
    commands.add_parser("list-users", help="list the accounts (never their PINs)")
    for name, what in (
        ("set-pin", "give an account a new PIN (clears its lockout)"),
        ("disable-user", "stop an account from signing in"),
        ("enable-user", "let a disabled account sign in again"),
        ("unlock-user", "end an account's lockout now"),
    ):
        sub = commands.add_parser(name, help=what)
        sub.add_argument("--id", type=int, required=True, help="the account's staff number")
        if name == "set-pin":
            sub.add_argument("--pin-stdin", action="store_true", help="read the PIN as one line from stdin")
    password = commands.add_parser("set-password", help="give an account a web password (asks for it)")
    password.add_argument("--id", type=int, required=True, help="the account's staff number")
    password.add_argument("--password-stdin", action="store_true", help="read it as one line from stdin")
    token = commands.add_parser("add-token", help="make an API token for an integration (printed once)")
    token.add_argument("--id", type=int, required=True, help="the account the token acts as")
    token.add_argument("--name", required=True, help="what the token is for")
    token.add_argument("--scope", action="append", required=True, choices=tuple(SCOPES))
    token.add_argument("--expires-days", type=int, help="days until it stops working (default: never)")
    tokens = commands.add_parser("list-tokens", help="list the tokens (never their secrets)")
    tokens.add_argument("--id", type=int, help="only this account's")
    revoke = commands.add_parser("revoke-token", help="stop a token working now")
    revoke.add_argument("--token", type=int, required=True, help="the token's number (list-tokens)")
    commands.add_parser("verify-audit", help="check the audit log's hash chain (exit 1 if broken)")
    parser.set_defaults(run=run)


def _read_pin(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().strip()
    first = getpass.getpass("PIN: ")
    if getpass.getpass("PIN again: ") != first:
        raise AdminCommandError("the two PINs differ")
    return first


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Web password: ")
    if getpass.getpass("Web password again: ") != first:
        raise AdminCommandError("the two passwords differ")
    return first


def _in_ledger(config: StationConfig, work: Callable[[Session], T]) -> T:
    engine = make_engine(config.database.resolved_url())
    try:
        check_and_migrate(engine)
        with session_factory(engine)() as db, db.begin():
            return work(db)
    except DatabaseTooNewError as err:
        raise AdminCommandError(str(err)) from None
    except SQLAlchemyError as err:
        raise AdminCommandError(f"the ledger database: {err.__class__.__name__}: {err}") from None
    finally:
        engine.dispose()


def command(args: argparse.Namespace) -> tuple[int, list[str]]:
    """Carries out one action; (exit code, lines to print)."""
    try:
        config = load_config(args.config)
    except ConfigError as err:
        raise AdminCommandError(f"configuration refused: {err}") from None
    settings = config.admin
    action = args.admin_command
    try:
        if action == "add-user":
            pin = _read_pin(args.pin_stdin)
            view = _in_ledger(
                config,
                lambda db: add_account(
                    db,
                    name=args.name,
                    role=args.role,
                    pin=pin,
                    settings=settings,
                    actor=ACTOR,
                    card_tag=args.card,
                ),
            )
            return 0, [f"account created: {view.name} ({view.role}), staff number {view.account_id}"]
        if action == "list-users":
            rows = _in_ledger(config, list_accounts)
            lines = [
                f"{v.account_id:>4}  {v.name:<24} {v.role:<10} "
                f"{'card+PIN' if v.has_card else 'PIN':<8} "
                + (
                    "disabled"
                    if v.disabled
                    else f"locked until {v.locked_until:%Y-%m-%d %H:%M}Z"
                    if v.locked_until
                    else ""
                )
                for v in rows
            ]
            return 0, lines or ["no accounts: create one with add-user"]
        if action == "set-pin":
            pin = _read_pin(args.pin_stdin)
            _in_ledger(config, lambda db: set_pin(db, args.id, pin, settings=settings, actor=ACTOR))
            return 0, [f"account {args.id}: PIN changed"]
        if action in ("disable-user", "enable-user"):
            disabled = action == "disable-user"
            _in_ledger(config, lambda db: set_disabled(db, args.id, disabled, actor=ACTOR))
            return 0, [f"account {args.id}: {'disabled' if disabled else 'enabled'}"]
        if action == "unlock-user":
            _in_ledger(config, lambda db: unlock(db, args.id, actor=ACTOR))
            return 0, [f"account {args.id}: unlocked"]
        if action in ("set-password", "add-token", "list-tokens", "revoke-token"):
            return _web_command(config, args)
        report = _in_ledger(config, verify_audit_chain)
        if report.intact:
            return 0, [f"audit log intact: {report.rows} rows chained"]
        return 1, [
            f"audit log broken at row {report.broken_at} ({report.problem}) after {report.rows - 1} good rows"
        ]
    except (AccountError, PinRuleError, OperationError) as err:
        raise AdminCommandError(str(err)) from None


def _web_command(config: StationConfig, args: argparse.Namespace) -> tuple[int, list[str]]:
    """The web's password and the API tokens (docs/web.md "Accounts, sessions and tokens")."""
    action, now = args.admin_command, utc_now()
    if action == "set-password":
        password = unicodedata.normalize("NFKC", _read_password(args.password_stdin))

        def store(db: Session) -> None:
            row = db.get(AdminAccount, args.id)
            if row is None:
                raise AccountError(f"no account {args.id}")
            check_new_password(password, row.name)
            store_web_password(db, args.id, hash_pin(password), now)
            append_audit(db, actor=ACTOR, action="account.set_password", target=f"account:{args.id}")

        _in_ledger(config, store)
        return 0, [f"account {args.id}: web password set (its web sessions ended)"]
    if action == "add-token":
        expires = now + timedelta(days=args.expires_days) if args.expires_days else None

        def add(db: Session) -> tuple[ApiTokenView, str]:
            made = insert_token(
                db,
                account_id=args.id,
                name=args.name,
                scopes=args.scope,
                expires_at=expires,
                actor=ACTOR,
                now=now,
            )
            append_audit(
                db,
                actor=ACTOR,
                action="token.create",
                target=f"account:{args.id}",
                details=token_audit_details(made[0]),
            )
            return made

        view, secret = _in_ledger(config, add)
        return 0, [f"token {view.token_id} for account {args.id} ({' '.join(view.scopes)}):", secret,
                   "keep it now: it is not shown again"]  # fmt: skip
    if action == "list-tokens":
        views = _in_ledger(config, lambda db: list_tokens(db, args.id))
        lines = [
            f"{v.token_id:>4}  account {v.account_id:<4} {v.name:<24} {' '.join(v.scopes):<20} "
            + ("revoked" if v.revoked_at else f"expires {v.expires_at:%Y-%m-%d}" if v.expires_at else "")
            for v in views
        ]
        return 0, lines or ["no tokens"]

    def revoke(db: Session) -> None:
        row = db.get(ApiToken, args.token)
        if row is None:
            raise AccountError(f"no token {args.token}")
        if row.revoked_at is None:
            row.revoked_at = now
        append_audit(db, actor=ACTOR, action="token.revoke", target=f"token:{args.token}")

    _in_ledger(config, revoke)
    return 0, [f"token {args.token}: revoked"]


def run(args: argparse.Namespace) -> int:
    try:
        code, lines = command(args)
    except AdminCommandError as err:
        print(f"admin: {err}", file=sys.stderr)
        return EXIT_REFUSED
    for line in lines:
        print(line)
    return code
