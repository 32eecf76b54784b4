"""A stateful fake Stripe API on loopback for the tests and the demo, checked against Stripe's own API
description (docs/fake-stripe.md)."""

from __future__ import annotations

from hal.sim.fake_stripe.server import Failure, FakeStripe, Record
from hal.sim.fake_stripe.spec import default_spec_path
from hal.sim.fake_stripe.store import APPROVED, DECLINES

__all__ = ["APPROVED", "DECLINES", "Failure", "FakeStripe", "Record", "default_spec_path"]
