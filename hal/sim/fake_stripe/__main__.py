"""`python -m hal.sim.fake_stripe --port N`: the fake Stripe API on 127.0.0.1 until Ctrl-C."""

from __future__ import annotations

import argparse
import contextlib
import threading
from pathlib import Path

from hal.sim.fake_stripe import FakeStripe, default_spec_path


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m hal.sim.fake_stripe", description=__doc__)
    parser.add_argument("--port", type=int, default=12111)
    parser.add_argument("--spec", type=Path, default=default_spec_path())
    args = parser.parse_args()
    with FakeStripe(args.spec, port=args.port) as fake:
        reader = fake.register_reader()
        print(f"fake Stripe at {fake.url}; simulated reader {reader}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
