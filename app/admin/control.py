"""The technician's control of the chargers (docs/admin.md, "Control"): connector availability, stopping a
session, unlocking, restarting a charger, clearing a latched fault, the self-test.

Every action needs the technician role and is audited: availability with its change in one transaction
(OperatorContext.audited); a command to a charger once the charger has answered, with that answer
(the receipt, or the result code it refused with); a refusal before anything was sent with its code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NoReturn

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.admin.context import OperationError, Operator, OperatorContext
from app.admin.fault_rules import CLEARING, fault_bit, fault_names, technician_may_clear
from app.chargers import ChargerManager
from app.db import Connector
from app.runtime import NO_FLAGS
from app.sessions import connector_condition
from hal.board.charger_board import CommandReceipt
from hal.links.errors import CommandRefused, LinkDownError, LinkError
from hal.wire.messages import ResultCode, StatusFlag

# The presets a technician picks a reason from (the screens translate them); no free text.
REASONS = ("maintenance", "fault", "cleaning", "other")
# OCPP 1.6 section 7.39: a stop decided at the station by someone other than the driver.
STOP_REASON = "Other"
# SelfTestReply.failed_mask / tests_run bits, in order (hal/wire/messages.py).
SELF_TESTS = ("pilot_high", "pilot_low", "rcd", "contactor_feedback", "lock", "meter", "temperature")


@dataclass(frozen=True)
class ControlConnector:
    """One connector as the Control screen shows it."""

    connector_id: str
    charger_id: str
    number: int
    state: str  # app.sessions.Condition value: available, charging, unavailable, faulted, no_link, ...
    faults: tuple[str, ...]  # latched, catalogue codes
    clearable: tuple[str, ...]  # those a technician may clear (app/admin/fault_rules.py)
    session_id: int | None
    unavailable: bool  # out of service by a technician, in force
    scheduled: bool  # out of service once its session ends
    reason: str | None  # the technician's reason, in force or scheduled
    vehicle_present: bool
    locked: bool


@dataclass(frozen=True)
class AvailabilityResult:
    connector_id: str
    available: bool
    outcome: str  # "accepted" or "scheduled" (a session is open: applied when it ends)
    reason: str


@dataclass(frozen=True)
class StopResult:
    connector_id: str
    session_id: int
    stopped: bool  # False: the charger did not confirm in time (the session service ends it itself)


@dataclass(frozen=True)
class CommandResult:
    """A charger's answer to one command: accepted, or refused with its result code (lower case)."""

    command: str
    target: str
    accepted: bool
    answer: str  # "ok", "refused_state", "condition_present", "not_supported", ..., "no_answer"


@dataclass(frozen=True)
class SelfTestItem:
    name: str  # one of SELF_TESTS
    outcome: str  # "pass", "fail" or "not_run"


@dataclass(frozen=True)
class SelfTestResult:
    charger_id: str
    accepted: bool  # False: the charger refused to run it (it does not while charging)
    answer: str
    tests: tuple[SelfTestItem, ...] = ()

    @property
    def passed(self) -> bool:
        return self.accepted and all(item.outcome != "fail" for item in self.tests)


def _answer_of(error: CommandRefused) -> str:
    try:
        return ResultCode(error.result).name.lower()
    except ValueError:
        return f"result_{error.result}"


def _receipt(receipt: CommandReceipt) -> dict[str, Any]:
    return {
        "answer": "ok",
        "seq": receipt.seq,
        "attempts": receipt.attempts,
        "latency_ms": round(receipt.latency_ms, 1),
    }


class ControlOperations:
    """The control group of the operator facade (facade.control)."""

    def __init__(self, context: OperatorContext) -> None:
        self.context = context
        self._numbers: dict[str, int] | None = None

    @property
    def _manager(self) -> ChargerManager:
        return self.context.runtime.station.manager

    # -- what the screen shows ------------------------------------------------------------------------

    async def connectors(self, operator: Operator) -> list[ControlConnector]:
        """Every connector with its state, latched faults, session and out-of-service hold."""
        self.context.require(operator, "viewer", "control.connectors")
        numbers = await self._connector_numbers()
        runtime = self.context.runtime
        flags = runtime.central_system.connector_flags()
        availability = runtime.operator_availability
        result = []
        for connector_id, view in self._manager.connectors().items():
            open_session = runtime.sessions.open_session(connector_id)
            flag = flags.get(connector_id, NO_FLAGS)
            condition = connector_condition(
                view,
                session_state=open_session[1] if open_session else None,
                inoperative=flag.inoperative or availability.is_unavailable(connector_id),
                reserved=flag.reserved,
                finished=False,
            )
            faults = fault_names(view.status.faults) if view.status is not None else ()
            hold = availability.hold(connector_id)
            result.append(
                ControlConnector(
                    connector_id=connector_id,
                    charger_id=view.charger_id,
                    number=numbers.get(connector_id, 0),
                    state=condition.value,
                    faults=faults,
                    clearable=tuple(f for f in faults if (bit := fault_bit(f)) and technician_may_clear(bit)),
                    session_id=open_session[0] if open_session else None,
                    unavailable=availability.is_unavailable(connector_id),
                    scheduled=availability.is_scheduled(connector_id),
                    reason=hold.reason if hold is not None else None,
                    vehicle_present=view.vehicle_present,
                    locked=view.status is not None and bool(view.status.flags & StatusFlag.LOCKED),
                )
            )
        return sorted(result, key=lambda c: (c.number, c.connector_id))

    async def _connector_numbers(self) -> dict[str, int]:
        if self._numbers is None:

            def read(db: Session) -> dict[str, int]:
                rows = db.execute(select(Connector.name, Connector.ocpp_connector_id)).all()
                return {name: number for name, number in rows}

            self._numbers = await self.context.read(read)
        return self._numbers

    # -- availability ---------------------------------------------------------------------------------

    async def set_available(
        self, operator: Operator, connector_id: str, available: bool, reason: str = "other"
    ) -> AvailabilityResult:
        """Takes a connector out of service (with a preset reason) or puts it back. With a session open
        there the answer is "scheduled": it goes out of service when that session ends (OCPP 1.6
        section 5.2 answers a ChangeAvailability so). Kept in the ledger across restarts."""
        action = "control.set_available"
        self.context.require(operator, "technician", action)
        target = f"connector:{connector_id}"
        await self._check_connector(operator, action, target, connector_id, reason)
        availability = self.context.runtime.operator_availability
        plan = availability.plan(connector_id, available, reason, operator.actor, self.context.now())
        await self.context.audited(
            operator,
            action,
            target,
            lambda db: availability.store(db, plan, operator.actor),
            {"available": available, "reason": reason, "outcome": plan.outcome},
        )
        outcome = availability.commit(plan)
        return AvailabilityResult(connector_id, available, outcome, reason)

    # -- sessions -------------------------------------------------------------------------------------

    async def stop_session(self, operator: Operator, connector_id: str, reason: str = "other") -> StopResult:
        """Stops the connector's session through the session service (OCPP reason Other), audited with
        the session's id and the technician's reason once it has ended."""
        action = "control.stop_session"
        self.context.require(operator, "technician", action)
        target = f"connector:{connector_id}"
        await self._check_connector(operator, action, target, connector_id, reason)
        sessions = self.context.runtime.sessions
        open_session = sessions.open_session(connector_id)
        if open_session is None:
            await self._refuse(operator, action, target, "no_session", f"no session on {connector_id}")
        ended = await sessions.stop(connector_id, STOP_REASON)
        details = {"session_id": open_session[0], "reason": reason, "stop_reason": STOP_REASON}
        await self.context.audit(operator.actor, action, target, details | {"stopped": ended is not None})
        return StopResult(connector_id, open_session[0], ended is not None)

    # -- commands to a charger ------------------------------------------------------------------------

    async def unlock(self, operator: Operator, connector_id: str) -> CommandResult:
        """UNLOCK: releases the cable; refused here while a session is open (stop it first), and by the
        charger with the contactor closed."""
        action = "control.unlock"
        self.context.require(operator, "technician", action)
        target = f"connector:{connector_id}"
        if connector_id not in self._manager.connector_ids():
            await self._refuse(operator, action, target, "unknown_connector", f"no connector {connector_id}")
        if self.context.runtime.sessions.open_session(connector_id) is not None:
            await self._refuse(operator, action, target, "session_open", "stop the session first")
        return await self._command(operator, action, target, "unlock", self._manager.unlock(connector_id))

    async def restart_charger(self, operator: Operator, charger_id: str) -> CommandResult:
        """RESET (soft): the charger opens its contactor and restarts. Refused while a session is open on
        any of its connectors: the technician stops those first, with their reason."""
        action = "control.restart_charger"
        self.context.require(operator, "technician", action)
        target = f"charger:{charger_id}"
        connector_ids = self._charger_connectors(charger_id)
        if connector_ids is None:
            await self._refuse(operator, action, target, "unknown_charger", f"no charger {charger_id}")
        sessions = self.context.runtime.sessions
        if any(sessions.open_session(c) is not None for c in connector_ids or ()):
            await self._refuse(operator, action, target, "session_open", "stop the sessions first")
        return await self._command(operator, action, target, "reset", self._manager.reset(charger_id, 0))

    async def clear_fault(self, operator: Operator, target_id: str, fault_name: str) -> CommandResult:
        """CLEAR_FAULT of one latched fault of a charger (named by the charger or one of its connectors),
        where docs/fault-catalogue.md lets a technician clear it; the charger refuses while its cause
        remains (condition_present)."""
        action = "control.clear_fault"
        self.context.require(operator, "technician", action)
        charger_id = self._charger_id(target_id)
        target = f"charger:{charger_id or target_id}"
        if charger_id is None:
            await self._refuse(
                operator, action, target, "unknown_charger", f"no charger or connector {target_id}"
            )
        bit = fault_bit(fault_name)
        if bit is None or bit not in CLEARING:
            await self._refuse(
                operator, action, target, "unknown_fault", f"no fault {fault_name!r} in the catalogue"
            )
        if not technician_may_clear(bit):
            await self._refuse(
                operator,
                action,
                target,
                "not_clearable",
                f"{bit.name} clears when the vehicle unplugs",
                fault=bit.name,
            )
        views = self._manager.views(self._charger_connectors(charger_id) or ())
        latched = 0
        for view in views.values():
            latched |= view.status.faults if view.status is not None else 0
        if not latched & bit:
            await self._refuse(
                operator, action, target, "not_latched", f"{bit.name} is not latched", fault=bit.name
            )
        return await self._command(
            operator,
            action,
            target,
            "clear_fault",
            self._manager.clear_fault(charger_id, int(bit)),
            fault=bit.name,
        )

    async def self_test(self, operator: Operator, charger_id: str) -> SelfTestResult:
        """SELF_TEST: each test's outcome (pilot +12 V and -12 V, the RCD test input, contactor feedback,
        lock, meter, temperature); a failure latches SELF_TEST_FAILED, which a technician clears."""
        action = "control.self_test"
        self.context.require(operator, "technician", action)
        target = f"charger:{charger_id}"
        if self._charger_connectors(charger_id) is None:
            await self._refuse(operator, action, target, "unknown_charger", f"no charger {charger_id}")
        try:
            reply = await self._manager.self_test(charger_id)
        except CommandRefused as error:
            answer = _answer_of(error)
            await self.context.audit(operator.actor, action, target, {"answer": answer})
            return SelfTestResult(charger_id, False, answer)
        except LinkDownError as error:
            await self._refuse(operator, action, target, "no_link", str(error))
        except LinkError as error:
            await self.context.audit(
                operator.actor, action, target, {"answer": "no_answer", "error": str(error)}
            )
            return SelfTestResult(charger_id, False, "no_answer")
        tests = tuple(
            SelfTestItem(
                name,
                "not_run"
                if not reply.tests_run & (1 << i)
                else ("fail" if reply.failed_mask & (1 << i) else "pass"),
            )
            for i, name in enumerate(SELF_TESTS)
        )
        details = {"answer": "ok", "tests": {t.name: t.outcome for t in tests}}
        await self.context.audit(operator.actor, action, target, details)
        return SelfTestResult(charger_id, True, "ok", tests)

    # -- internals ------------------------------------------------------------------------------------

    def _charger_connectors(self, charger_id: str) -> tuple[str, ...] | None:
        try:
            return tuple(self._manager.link_task(charger_id).connector_ids)
        except KeyError:
            return None

    def _charger_id(self, target_id: str) -> str | None:
        """The charger named, or the charger of the connector named."""
        if self._charger_connectors(target_id) is not None:
            return target_id
        try:
            return self._manager.charger_of(target_id)
        except KeyError:
            return None

    async def _command(
        self, operator: Operator, action: str, target: str, command: str, call: Any, **extra: Any
    ) -> CommandResult:
        """Sends a command and audits the charger's answer; a refusal is an answer, not an error."""
        try:
            receipt: CommandReceipt = await call
        except CommandRefused as error:
            answer = _answer_of(error)
            await self.context.audit(operator.actor, action, target, extra | {"answer": answer})
            return CommandResult(command, target, False, answer)
        except LinkDownError as error:
            await self._refuse(operator, action, target, "no_link", str(error), **extra)
        except LinkError as error:
            details = extra | {"answer": "no_answer", "error": str(error)}
            await self.context.audit(operator.actor, action, target, details)
            return CommandResult(command, target, False, "no_answer")
        await self.context.audit(operator.actor, action, target, extra | _receipt(receipt))
        return CommandResult(command, target, True, "ok")

    async def _check_connector(
        self, operator: Operator, action: str, target: str, connector_id: str, reason: str
    ) -> None:
        """Refuses (audited) an unknown connector or a reason that is not one of the presets."""
        if connector_id not in self._manager.connector_ids():
            await self._refuse(operator, action, target, "unknown_connector", f"no connector {connector_id}")
        if reason not in REASONS:
            await self._refuse(
                operator, action, target, "bad_reason", f"reason must be one of {', '.join(REASONS)}"
            )

    async def _refuse(
        self, operator: Operator, action: str, target: str, code: str, message: str, **details: Any
    ) -> NoReturn:
        """Audits a refused action (nothing was sent) and raises its OperationError."""
        await self.context.audit(operator.actor, action, target, {"refused": code} | details)
        raise OperationError(code, message, **details)
