"""Control arbitration: highest priority wins field by field, release is explicit, the winner is explained."""

from __future__ import annotations

import pytest

from app.arbitration import Arbiter, Claim, ClaimSource

CP = "CP-01/1"


def test_nothing_charges_without_a_claim() -> None:
    control = Arbiter().resolve(CP)
    assert control.may_charge.value is False and control.may_charge.claim is None
    assert control.max_current_mA.value is None
    assert "no claim" in control.explain()[0]


def test_fields_are_won_separately_by_the_highest_priority_that_sets_them() -> None:
    arbiter = Arbiter()
    arbiter.submit(CP, Claim(ClaimSource.PAYMENT, may_charge=True, transaction_ref=41, reason="card hold"))
    arbiter.submit(CP, Claim(ClaimSource.OCPP_PROFILE, max_current_mA=16000, reason="TxDefaultProfile"))
    arbiter.submit(CP, Claim(ClaimSource.ADMIN, max_current_mA=20000, reason="technician cap"))
    control = arbiter.resolve(CP)
    assert control.may_charge.value is True and control.may_charge.claim.source is ClaimSource.PAYMENT
    assert control.max_current_mA.value == 20000
    assert control.max_current_mA.claim.source is ClaimSource.ADMIN
    assert control.transaction_ref.value == 41
    assert control.charging_priority.value is None
    assert control.explain()[1] == "max_current_mA = 20000 by ADMIN (priority 800): technician cap"


def test_safety_and_site_protection_outrank_the_admin() -> None:
    arbiter = Arbiter()
    arbiter.submit(CP, Claim(ClaimSource.ADMIN, may_charge=True, max_current_mA=32000))
    arbiter.submit(CP, Claim(ClaimSource.LOAD_BALANCER, max_current_mA=10000, reason="feeder-a full"))
    assert arbiter.resolve(CP).max_current_mA.value == 10000
    arbiter.submit(CP, Claim(ClaimSource.SAFETY, may_charge=False, reason="connector faulted"))
    control = arbiter.resolve(CP)
    assert control.may_charge.value is False and control.may_charge.claim.source is ClaimSource.SAFETY


def test_release_is_explicit_and_hands_the_field_back() -> None:
    arbiter = Arbiter()
    arbiter.submit(CP, Claim(ClaimSource.PAYMENT, may_charge=True))
    arbiter.submit(CP, Claim(ClaimSource.OCPP_REMOTE, may_charge=False, reason="RemoteStop"))
    assert arbiter.resolve(CP).may_charge.value is False
    arbiter.release(CP, ClaimSource.OCPP_REMOTE)
    assert arbiter.resolve(CP).may_charge.value is True
    arbiter.release(CP, ClaimSource.OCPP_REMOTE)  # releasing twice is harmless
    assert [c.source for c in arbiter.claims(CP)] == [ClaimSource.PAYMENT]


def test_a_new_claim_replaces_the_same_sources_old_one() -> None:
    arbiter = Arbiter()
    arbiter.submit(CP, Claim(ClaimSource.SCHEDULE, max_current_mA=8000))
    arbiter.submit(CP, Claim(ClaimSource.SCHEDULE, max_current_mA=12000))
    assert arbiter.resolve(CP).max_current_mA.value == 12000
    assert len(arbiter.claims(CP)) == 1


def test_equal_priority_ties_go_to_the_safe_side() -> None:
    arbiter = Arbiter()
    arbiter.submit(CP, Claim(ClaimSource.PAYMENT, may_charge=True, max_current_mA=32000, priority=650))
    arbiter.submit(CP, Claim(ClaimSource.OCPP_PROFILE, may_charge=False, max_current_mA=10000, priority=650))
    control = arbiter.resolve(CP)
    assert control.may_charge.value is False
    assert control.max_current_mA.value == 10000


def test_resolve_can_leave_out_a_source_so_the_balancer_sees_the_others_caps() -> None:
    arbiter = Arbiter()
    arbiter.submit(CP, Claim(ClaimSource.OCPP_PROFILE, max_current_mA=16000))
    arbiter.submit(CP, Claim(ClaimSource.LOAD_BALANCER, max_current_mA=9000))
    assert arbiter.resolve(CP).max_current_mA.value == 9000
    assert arbiter.resolve(CP, exclude={ClaimSource.LOAD_BALANCER}).max_current_mA.value == 16000


def test_listeners_hear_changes_of_the_outcome_only() -> None:
    arbiter = Arbiter()
    heard = []
    unsubscribe = arbiter.subscribe(heard.append)
    arbiter.submit(CP, Claim(ClaimSource.PAYMENT, may_charge=True))
    arbiter.submit(CP, Claim(ClaimSource.PAYMENT, may_charge=True, reason="same outcome"))
    arbiter.submit(CP, Claim(ClaimSource.ADMIN, max_current_mA=16000))
    assert [(c.may_charge.value, c.max_current_mA.value) for c in heard] == [(True, None), (True, 16000)]
    unsubscribe()
    arbiter.release(CP, ClaimSource.ADMIN)
    assert len(heard) == 2


def test_negative_current_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        Arbiter().submit(CP, Claim(ClaimSource.ADMIN, max_current_mA=-1))
