"""What the ledger keeps of a provider's payment: ids, amounts, card brand and last four digits only."""

from __future__ import annotations

from hal.payments import ProviderIntent


def intent_facts(intent: ProviderIntent) -> dict[str, object]:
    """What the ledger keeps of an authorised intent (never more of the card than brand and last 4)."""
    return {
        "provider_payment_id": intent.id,
        "amount_authorised_minor": intent.amount_capturable_minor or intent.amount_minor,
        "card_brand": intent.card_brand,
        "card_last4": intent.card_last4,
        "capture_before": intent.capture_before,
        "incremental_supported": intent.incremental_supported,
    }
