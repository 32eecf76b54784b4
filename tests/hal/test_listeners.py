"""Listeners: subscription order, idempotent unsubscribe, a failing listener logged or propagated."""

from __future__ import annotations

import logging

import pytest

from app.arbitration import Arbiter, Claim, ClaimSource
from hal.listeners import Listeners


def test_listeners_hear_each_event_in_the_order_they_subscribed() -> None:
    heard: list[tuple[str, int]] = []
    listeners: Listeners[int] = Listeners("number")
    listeners.subscribe(lambda n: heard.append(("a", n)))
    listeners.subscribe(lambda n: heard.append(("b", n)))
    listeners.emit(1)
    listeners.emit(2)
    assert heard == [("a", 1), ("b", 1), ("a", 2), ("b", 2)]
    assert len(listeners) == 2


def test_unsubscribing_twice_is_harmless_and_removes_only_its_own_subscription() -> None:
    heard: list[int] = []
    listeners: Listeners[int] = Listeners("number")
    first = listeners.subscribe(heard.append)
    listeners.subscribe(heard.append)  # the same callback twice: two subscriptions
    first()
    first()  # list.remove raised ValueError here, or removed the other subscription
    listeners.emit(7)
    assert heard == [7] and len(listeners) == 1


def test_a_listener_that_unsubscribes_while_called_still_lets_the_others_hear_the_event() -> None:
    heard: list[str] = []
    listeners: Listeners[str] = Listeners("word")

    def once(word: str) -> None:
        heard.append(f"once {word}")
        unsubscribe()

    unsubscribe = listeners.subscribe(once)
    listeners.subscribe(lambda word: heard.append(f"always {word}"))
    listeners.emit("x")
    listeners.emit("y")
    assert heard == ["once x", "always x", "always y"]


def test_a_failing_listener_is_logged_and_the_next_one_still_hears_the_event(caplog) -> None:
    heard: list[int] = []
    logger = logging.getLogger("tests.listeners")
    listeners: Listeners[int] = Listeners("number", logger)

    def broken(_n: int) -> None:
        raise RuntimeError("listener bug")

    listeners.subscribe(broken)
    listeners.subscribe(heard.append)
    with caplog.at_level(logging.ERROR, logger="tests.listeners"):
        listeners.emit(3)
    assert heard == [3]
    (record,) = caplog.records
    assert record.name == "tests.listeners" and "number listener" in record.getMessage()
    assert record.exc_info is not None and str(record.exc_info[1]) == "listener bug"


def test_with_propagate_a_listener_exception_reaches_the_publisher() -> None:
    heard: list[int] = []
    listeners: Listeners[int] = Listeners("number", propagate=True)

    def broken(_n: int) -> None:
        raise RuntimeError("listener bug")

    listeners.subscribe(broken)
    listeners.subscribe(heard.append)
    with pytest.raises(RuntimeError, match="listener bug"):
        listeners.emit(3)
    assert heard == []  # as the publisher's own loop did: the exception ends the round


def test_the_arbiters_unsubscribe_may_be_called_twice() -> None:
    heard = []
    arbiter = Arbiter()
    unsubscribe = arbiter.subscribe(heard.append)
    arbiter.submit("CP-01/1", Claim(ClaimSource.ADMIN, max_current_mA=10000))
    unsubscribe()
    unsubscribe()  # raised ValueError before
    arbiter.submit("CP-01/1", Claim(ClaimSource.ADMIN, max_current_mA=12000))
    assert len(heard) == 1
