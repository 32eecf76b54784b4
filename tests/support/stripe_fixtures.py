"""The fake Stripe as a pytest fixture (a test module loads it with pytest_plugins = ["stripe_fixtures"])."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hal.sim.fake_stripe import FakeStripe, default_spec_path


@pytest.fixture
def fake_stripe() -> Iterator[FakeStripe]:
    """The fake Stripe on loopback; a test fails if any request broke Stripe's API description."""
    spec = default_spec_path()
    assert spec is not None, "Stripe's API description (stripe-openapi-subset.json) is not beside the project"
    with FakeStripe(spec) as fake:
        yield fake
        assert fake.rejections == [], f"requests Stripe would refuse: {fake.rejections}"
