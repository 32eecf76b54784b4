"""Owner-only storage of the OCPP secrets (AuthorizationKey, keys): files of mode 0600 in a 0700 directory.

The Security Whitepaper (OCPP 1.6, section 2.1) asks that the Basic-auth password is not readable
by anyone but the charge point's software; the ledger is readable by reports and backups, so the
secrets live here instead. Writes are atomic (a new file renamed over the old one), so a power cut
never leaves half a key. Installing the first key on site (docs/ocpp-security.md):
`printf %s KEY | python -m app.ocpp.secrets --dir var/secrets set-authorization-key`.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path

from app.ocpp.authorization_key import authorization_key_problem

AUTHORIZATION_KEY = "authorization_key"
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_.-")


class SecretStoreError(RuntimeError):
    """A secret file or its directory can be read by others (or is unreadable); the message says which."""


class SecretStore:
    """Named secrets in one directory that only the station's user can enter."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, name: str) -> Path:
        if not name or not set(name) <= _NAME_CHARS:
            raise ValueError(f"secret name {name!r}: lower-case letters, digits, '_', '.', '-' only")
        return self.directory / name

    def _ensure_directory(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(self.directory, 0o700)

    def get(self, name: str) -> str | None:
        """The secret, None when it was never set; refuses a file others can read (it may be leaked)."""
        path = self._path(name)
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            return None
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise SecretStoreError(f"{path}: readable by others (mode {stat.filemode(mode)}); chmod 600 it")
        return path.read_text(encoding="utf-8").rstrip("\n")

    def set(self, name: str, value: str) -> None:
        self._ensure_directory()
        path = self._path(name)
        temporary = path.with_name(f".{path.name}.new")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.fchmod(descriptor, 0o600)  # a left-over file keeps its old mode through O_CREAT
            os.write(descriptor, value.encode("utf-8"))
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
        directory = os.open(self.directory, os.O_RDONLY)
        try:
            os.fsync(directory)  # the rename itself survives a power cut
        finally:
            os.close(directory)

    def delete(self, name: str) -> None:
        self._path(name).unlink(missing_ok=True)


def check_private_key(path: Path) -> None:
    """A client key must be readable by its owner only (Security Whitepaper section 2.3)."""
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise SecretStoreError(f"{path}: a private key readable by others (mode {stat.filemode(mode)})")


def main(argv: list[str] | None = None) -> int:
    """Installs the AuthorizationKey read from stdin (never from the command line: `ps` shows that)."""
    parser = argparse.ArgumentParser(prog="python -m app.ocpp.secrets", description=main.__doc__)
    parser.add_argument("--dir", required=True, type=Path, help="the [ocpp] secrets_dir of the station")
    parser.add_argument("command", choices=["set-authorization-key"])
    args = parser.parse_args(argv)
    key = sys.stdin.read().strip()
    problem = authorization_key_problem(key)  # the same rule a ChangeConfiguration meets
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    if not key:
        print("AuthorizationKey: empty", file=sys.stderr)
        return 2
    SecretStore(args.dir).set(AUTHORIZATION_KEY, key)
    print(f"AuthorizationKey stored in {args.dir / AUTHORIZATION_KEY} (mode 0600, directory 0700)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
