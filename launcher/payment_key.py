"""Stores the payment provider's secret key in the owner-only secrets directory, read from stdin.

Never from the command line (`ps` and the shell history would show it) and never in the
configuration file: `printf %s sk_live_... | python -m launcher.payment_key --dir var/secrets`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.config.payments import SECRET_KEY_NAME
from app.ocpp.secrets import SecretStore


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m launcher.payment_key", description=__doc__)
    parser.add_argument("--dir", required=True, type=Path, help="the station's secrets directory")
    args = parser.parse_args(argv)
    key = sys.stdin.read().strip()
    if not key.startswith(("sk_live_", "sk_test_", "rk_live_", "rk_test_")):
        print(
            "not a Stripe secret or restricted key (sk_live_..., rk_live_..., or a test key)", file=sys.stderr
        )
        return 2
    SecretStore(args.dir).set(SECRET_KEY_NAME, key)
    mode = "test" if "_test_" in key else "live"
    print(f"{mode} key stored in {args.dir / SECRET_KEY_NAME} (mode 0600, directory 0700)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
