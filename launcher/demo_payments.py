"""Demo mode takes payments too: the station pays against the fake Stripe on loopback, with one
simulated card terminal, and the simulator panel plays the driver (a card at the terminal, a paid QR
page). docs/kiosk.md, "Demo mode"; the fake: docs/fake-stripe.md.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable

from app.config import CardTerminal, PaymentSettings, ReceiptParticulars, StationConfig
from hal.payments.stripe_provider import StripeProvider
from hal.sim.fake_stripe import FakeStripe, default_spec_path
from hal.sim.fake_stripe.store import APPROVED

DEMO_KEY = "sk_test_demo"  # a test key: the fake accepts any, and test keys may present test cards
DECLINED_CARD = "4000000000009995"  # Stripe's test card for insufficient funds
DEMO_RECEIPTS = ReceiptParticulars(
    operator_name="Demo Charging Sdn Bhd",
    registration="202601000001 (1000001-D)",
    address="Lot 1, Jalan Demo\n50000 Kuala Lumpur",
)


class DemoPayments:
    """The fake provider of one demo run: started before the station, stopped after it."""

    def __init__(self) -> None:
        self.fake = FakeStripe(default_spec_path())
        self.reader_id = ""

    def start(self) -> None:
        self.fake.start()
        self.reader_id = self.fake.register_reader("Demo terminal")

    def stop(self) -> None:
        self.fake.stop()

    def config(self, config: StationConfig) -> StationConfig:
        """The demo's configuration with card and QR payments, unless the site configured its own."""
        if config.payments.enabled:
            return config
        payments = PaymentSettings(
            provider="stripe",
            api_base=self.fake.url,
            terminals=(CardTerminal(reader_id=self.reader_id),),
            receipts=DEMO_RECEIPTS,
        )
        return dataclasses.replace(config, payments=payments)

    def provider(self) -> StripeProvider:
        return StripeProvider(DEMO_KEY, api_base=self.fake.url, qr_methods=("card", "fpx", "grabpay"))

    def panel_actions(self) -> dict[str, Callable[[], Awaitable[object]]]:
        """What the simulator panel's payment buttons do (each off the Qt thread)."""

        def present(number: str) -> Callable[[], Awaitable[object]]:
            return lambda: asyncio.to_thread(self.fake.present_card, self.reader_id, number)

        def pay(method: str) -> Callable[[], Awaitable[object]]:
            async def run() -> object:
                pages = await asyncio.to_thread(self.fake.open_checkouts)
                if not pages:
                    raise LookupError("no QR page is waiting to be paid")
                return await asyncio.to_thread(self.fake.pay_checkout, pages[-1], method)

            return run

        return {
            "card_ok": present(APPROVED),
            "card_declined": present(DECLINED_CARD),
            "qr_card": pay("card"),
            "qr_fpx": pay("fpx"),
        }
