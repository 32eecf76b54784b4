"""The driver facade: the only part of app/ the kiosk screens use (snapshots, commands, one event stream).

Qt-free; it runs on the station's asyncio loop (qasync hosts that loop in the kiosk). It reads the
charger manager's views, the session service and the ledger, decides what a card tap means (stop the
card's session, or authorise it and offer the ready connectors) and opens sessions only for an
authorised card. The flow, the API and the authorisation rules: docs/driver-flow.md.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.background_tasks import BackgroundTasks
from app.chargers import ConnectorView, StationEvent, VehicleEvent
from app.config import KioskSettings
from app.db import Connector, read_only, session_factory
from app.driver.auth import LocalCardAuthorizer, refusal, same_tag
from app.driver.payment_views import PaidSession, PaymentLimit, PaymentOffer, PaymentUpdate, QrPayment
from app.driver.phone import PhoneSessions
from app.driver.screen_light import ScreenLight
from app.driver.views import (
    CardOutcome,
    CardTapped,
    ConnectorCard,
    ConnectorsChanged,
    DriverEvent,
    LiveConnector,
    ReaderProblem,
    RunningCost,
    SessionEnded,
    SessionInfo,
    SessionSummary,
    build_summary,
    connector_state,
    limited_by_site,
    max_power_W,
    session_info,
)
from app.money import format_money, round_half_up
from app.payments import (
    LimitNear,
    PaymentEvent,
    PaymentStatus,
    PaymentUnavailableError,
    ReceiptMailUnavailableError,
)
from app.runtime import NO_FLAGS, CardAuthorizer, CardDecision, ConnectorFlags
from app.sessions import ENDED, FINISHING, SessionChange, SessionRefusedError
from app.tariffs import display as tariff_display
from app.tariffs import messages as tariff_messages
from app.tariffs import tariff_from_dict
from hal.card_readers.base import (
    CARD_REMOVED_MID_READ,
    READER_FAILED,
    SERVICE_UNAVAILABLE,
    CardEvent,
    CardPresented,
    CardReader,
    ReaderAdded,
    ReaderError,
    ReaderRemoved,
)
from hal.card_readers.factory import open_card_reader
from hal.listeners import Listeners

if TYPE_CHECKING:
    from app.db import Payment
    from app.payments import PaymentService
    from app.runtime import StationRuntime

__all__ = ["DriverFacade", "PaymentUnavailableError", "ReceiptEmailError", "SessionRefusedError"]

log = logging.getLogger(__name__)

EVENT_PERIOD_S = 0.1  # ConnectorsChanged at most ten times a second, whatever the chargers' poll rate
COST_REFRESH_S = 2.0  # a connector's cost so far is recomputed (from the ledger) at most this often
STOP_REASON = "Local"  # OCPP 1.6 section 7.39: stopped by the driver at the charge point


class ReceiptEmailError(RuntimeError):
    """An e-mailed receipt that could not be sent; `reason`: not_configured, refused, unreachable."""

    def __init__(self, reason: str, message: str = "") -> None:
        super().__init__(message or reason)
        self.reason = reason


@dataclass
class _Pending:
    """An authorised card (or payment) waiting for the driver to pick a connector."""

    id_tag: str
    parent_id_tag: str | None
    until: float  # monotonic
    payment_id: int | None = None  # a payment by card or QR: the session it opens carries it


class DriverFacade:
    """What the kiosk screens read and do; start() it after the runtime has started."""

    tariff_languages = tariff_messages.LANGUAGES  # languages of price_lines, cost lines and summaries

    def __init__(
        self,
        runtime: StationRuntime,
        *,
        card_reader: CardReader | None = None,
        kiosk: KioskSettings | None = None,
        payments: PaymentService | None = None,
        backlight: Callable[[int], object] | None = None,
    ) -> None:
        self.runtime = runtime
        self.payments = payments  # None: RFID cards only (no [payments] provider)
        self.kiosk = kiosk or getattr(runtime.config, "kiosk", None) or KioskSettings()
        self.station_name = runtime.config.station_name  # empty: the kiosk says "EV charging"
        self.helpline = self.kiosk.helpline  # the number only; empty: none is shown
        # The ID a driver quotes to the helpline: the one printed on the charger, else the OCPP identity.
        self.station_id = self.kiosk.station_id or runtime.config.ocpp.identity
        # The session service's: the plug-in screen counts down the time the service waits.
        self.plug_timeout_s = runtime.sessions.timing.plug_timeout_s
        self._own_reader = card_reader is None
        self._reader = card_reader or open_card_reader(self.kiosk.card_reader, self.kiosk.card_debounce_s)
        self._listeners: Listeners[DriverEvent] = Listeners("driver event", log)
        self._unsubscribe: list[Callable[[], None]] = []
        self._tasks = BackgroundTasks("driver facade", log)  # the ticker and the card taps it handles
        self._card_lock = asyncio.Lock()
        self._pending: _Pending | None = None
        self._numbers: dict[str, int] = {}
        self._sessions: dict[int, SessionInfo] = {}  # open sessions by id (ledger facts, read once)
        self._parents: dict[int, str | None] = {}  # parentIdTag of the card that started a session
        self._costs: dict[int, tuple[float, int]] = {}  # session id -> (monotonic, cost so far)
        self._finished: set[str] = set()  # a session ended here and the car is still plugged in
        self._reader_problem = False
        self._last_cards: list[ConnectorCard] | None = None
        self._capture: Callable[[str], None] | None = None  # capture_cards: who takes the next tap
        self.phone = PhoneSessions(self)  # drivers paying on their phone (the web's driver page)
        # The kiosk's backlight (None: no screen, or the launcher gave no way to set it).
        self.screen_light = (
            ScreenLight(
                lambda: self.kiosk,
                backlight,
                busy=lambda: bool(self._sessions) or self._pending is not None,
            )
            if backlight is not None
            else None
        )

    # -- life cycle ---------------------------------------------------------------------------------

    def card_reader_state(self) -> tuple[str, bool, bool]:
        """(the reader's name, running, unplugged) for the admin mode's self-test (docs/admin.md)."""
        return self._reader.name, self._reader.running, self._reader_problem

    async def start(self) -> None:
        """Starts following the station, the sessions and the card reader."""
        with session_factory(read_only(self.runtime.engine))() as db:
            rows = db.execute(select(Connector.name, Connector.ocpp_connector_id)).all()
        known = self.runtime.station.manager.connectors()
        self._numbers = {name: number for name, number in rows if name in known}
        for connector_id in known:
            if (open_session := self.runtime.sessions.open_session(connector_id)) is not None:
                self._load_session(open_session[0])
        self._unsubscribe = [
            self.runtime.station.manager.subscribe(self._on_station_event),
            self.runtime.sessions.subscribe(self._on_session_change),
            self._reader.subscribe(self._on_card_event),
        ]
        if self.payments is not None:
            self._unsubscribe.append(self.payments.subscribe(self._on_payment_event))
            await self.phone.load()
        if not self._reader.running:
            await self._reader.start()
            self._own_reader = True  # started here, so stopped here
        self._tasks.start(self._tick(), name="driver-facade")
        if self.screen_light is not None:
            self._tasks.start(self.screen_light.run(), name="screen-light")

    async def stop(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        await self._tasks.close()
        if self._own_reader:
            await self._reader.stop()

    async def __aenter__(self) -> DriverFacade:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # -- snapshots ----------------------------------------------------------------------------------

    def connectors(self) -> list[ConnectorCard]:
        """Every connector as the driver sees it now, in the order of their numbers (no database read)."""
        views = self.runtime.station.manager.connectors()
        flags = self.runtime.central_system.connector_flags()
        ordered = sorted(self._numbers.items(), key=lambda item: item[1])
        return [self._card(cid, number, views.get(cid), flags) for cid, number in ordered]

    def live_connectors(self, connector_ids: Iterable[str]) -> list[LiveConnector]:
        """These connectors' cards with their charger's link and the measured currents, for the live feed
        (app/live), which rebuilds only the connectors an event is about (no database read)."""
        known = [cid for cid in connector_ids if cid in self._numbers]
        views = self.runtime.station.manager.views(known)
        flags = self.runtime.central_system.connector_flags()
        live = []
        for connector_id in known:
            view = views.get(connector_id)
            card = self._card(connector_id, self._numbers[connector_id], view, flags)
            status = view.status if view is not None else None
            live.append(
                LiveConnector(
                    card=card,
                    charger_id=view.charger_id if view is not None else connector_id.split("/", 1)[0],
                    link_state=view.link_state.value if view is not None else "offline",
                    current_mA=status.current_mA
                    if status is not None and card.state != "offline"
                    else (0, 0, 0),
                )
            )
        return live

    def connector_ids(self) -> list[str]:
        """Every connector the driver sees, in the order of their numbers."""
        return [cid for cid, _ in sorted(self._numbers.items(), key=lambda item: item[1])]

    def _card(
        self,
        connector_id: str,
        number: int,
        view: ConnectorView | None,
        flags: Mapping[str, ConnectorFlags],
    ) -> ConnectorCard:
        """One connector's card; `flags`: the central system's connector_flags(), read once per build."""
        # Out of service or reserved, as the central system says (each charge point's reservations
        # counted once); nothing of the sort without one.
        flag = flags.get(connector_id, NO_FLAGS)
        # Or taken out of service by a technician (admin mode): unavailable as well.
        held = self.runtime.operator_availability.is_unavailable
        open_session = self.runtime.sessions.open_session(connector_id)
        info = self._sessions.get(open_session[0]) if open_session else None
        state, fault = connector_state(
            view,
            session_state=open_session[1] if open_session else None,
            inoperative=flag.inoperative or held(connector_id),
            reserved=flag.reserved,
            finished=connector_id in self._finished,
        )
        status = view.status if view is not None else None
        started = info is not None and info.started_at is not None and info.meter_start_Wh is not None
        energy = elapsed = 0
        if started and info is not None and status is not None:
            energy = max(0, status.energy_Wh - (info.meter_start_Wh or 0))
        if started and info is not None and info.started_at is not None:
            elapsed = max(0, int((self.runtime.clock() - info.started_at).total_seconds()))
        cost = self._costs.get(info.session_id) if info is not None and started else None
        return ConnectorCard(
            connector_id=connector_id,
            number=number,
            label=str(number),
            state=state,
            fault=fault,
            session_id=open_session[0] if open_session else None,
            vehicle_present=view is not None and view.vehicle_present,
            power_W=status.power_W if status is not None and state != "offline" else 0,
            energy_Wh=energy,
            elapsed_s=elapsed,
            cost_minor=None if not started else (cost[1] if cost else 0),
            currency=info.currency if info is not None else self.runtime.sessions.tariff.currency,
            limited_by_site=limited_by_site(view, state),
            max_power_W=max_power_W(view),
        )

    def price_lines(self, language: str, *, energy: bool = True) -> list[str]:
        """The price of a session started now (app/tariffs/display.price_lines); energy=False without
        the single energy price that price_headline shows."""
        return tariff_display.price_lines(self.runtime.sessions.tariff, language, energy=energy)

    def running_cost_lines(self, connector_id: str, language: str) -> list[str]:
        """The cost so far of the connector's session, line by line (empty before the car is plugged)."""
        running = self.running_cost(connector_id, language)
        return list(running.lines) if running is not None else []

    def running_cost(self, connector_id: str, language: str) -> RunningCost | None:
        """The connector's session so far from one reading: the billed energy, the cost lines and the
        total (None before the car is plugged in)."""
        open_session = self.runtime.sessions.open_session(connector_id)
        cost = self.runtime.sessions.running_cost(connector_id)
        if open_session is None or cost is None:
            return None
        self._costs[open_session[0]] = (time.monotonic(), cost.total_minor)
        info = self._sessions.get(open_session[0]) or self._load_session(open_session[0])
        tariff = tariff_from_dict(info.tariff) if info is not None else self.runtime.sessions.tariff
        lines = tariff_display.cost_lines(tariff, cost, language, final=False)
        energy = int(round_half_up(cost.energy_Wh))
        free_left = None
        if cost.idle_fee_cminor_per_min:
            free_left = max(0, tariff.idle_grace_s - int(cost.idle_s))
        return RunningCost(
            energy_Wh=energy, lines=tuple(lines), total_minor=cost.total_minor, idle_free_left_s=free_left
        )

    def price_headline(self, language: str) -> str:
        """The price per kWh in force now, alone, for the large type where the driver decides."""
        return tariff_display.headline(self.runtime.sessions.tariff, language, self.runtime.clock())

    def summary(self, session_id: int, language: str) -> SessionSummary:
        """An ended session's summary from the ledger; KeyError if unknown, ValueError while still open."""
        labels = {name: str(number) for name, number in self._numbers.items()}
        summary = build_summary(
            self.runtime.engine, session_id, language, station_id=self.station_id, labels=labels
        )
        paid = self.paid_session(session_id)
        return summary if paid is None else dataclasses.replace(summary, payment=paid)

    def payment_methods(self) -> list[tuple[str, bool]]:
        """(method, usable now) of every way to pay this station offers: the card reader, usable unless
        it is out of service (the payments issue adds bank cards and QR; nothing is listed before)."""
        return [("card", not self._reader_problem)]

    def mid_flow(self) -> bool:
        """A driver is part-way through a start: an authorised card or payment waits for a connector
        choice, or a payment is being taken (the admin mode's gesture is refused meanwhile)."""
        taking = self.payments is not None and bool(self.payments.active)
        return self.pending_card() is not None or taking

    def pending_card(self) -> str | None:
        """The authorised card waiting for a connector choice, if any."""
        pending = self._pending
        return pending.id_tag if pending is not None and pending.until > time.monotonic() else None

    # -- payments -----------------------------------------------------------------------------------

    def payment_offer(self) -> PaymentOffer:
        """How a driver without an RFID card may pay now, and the hold and top-ups, before they commit."""
        payments = self.payments
        currency = self.runtime.sessions.tariff.currency
        if payments is None:
            return PaymentOffer(False, False, currency, 0, (), (), "not_configured", "not_configured")
        down = payments.provider_down_since is not None
        no_connector = not self.ready_connectors()
        card_reason = qr_reason = None
        if not payments.settings.terminals:
            card_reason = "not_configured"
        elif down:
            card_reason = "provider_down"
        elif no_connector:
            card_reason = "no_connector"
        if not payments.settings.qr:
            qr_reason = "not_configured"
        elif down:
            qr_reason = "provider_down"
        elif no_connector:
            qr_reason = "no_connector"
        return PaymentOffer(
            card=card_reason is None,
            qr=qr_reason is None,
            currency=currency,
            hold_minor=payments.hold_minor,
            topups_minor=payments.topups_minor,
            qr_methods=tuple(payments.settings.qr_methods),
            card_reason=card_reason,
            qr_reason=qr_reason,
        )

    def format_money(self, amount_minor: int, currency: str, language: str) -> str:
        return format_money(amount_minor, currency, language)

    async def pay_by_card(self, connector_id: str | None = None) -> int:
        """Asks the card terminal for a hold; PaymentUpdate events follow (waiting, then authorised or
        why not). PaymentUnavailableError when it cannot even start."""
        if self.payments is None:
            raise PaymentUnavailableError("not_configured")
        if not self.ready_connectors():
            raise PaymentUnavailableError("no_connector")
        self._drop_pending()
        return await self.payments.pay_by_card(connector_id)

    async def pay_by_qr(self, prepaid_minor: int | None = None) -> QrPayment:
        """A payment page for this session: a card hold (None) or a prepaid top-up of that amount."""
        if self.payments is None:
            raise PaymentUnavailableError("not_configured")
        if not self.ready_connectors():
            raise PaymentUnavailableError("no_connector")
        self._drop_pending()
        page = await self.payments.pay_by_qr(prepaid_minor)
        return QrPayment(
            page.payment_id, page.url, page.amount_minor, page.currency, page.prepaid, page.expires_in_s
        )

    async def cancel_payment(self, payment_id: int) -> None:
        """The driver cancelled (or walked away from) a payment: whatever was taken is given back."""
        if self.payments is None:
            return
        pending = self._pending
        if pending is not None and pending.payment_id == payment_id:
            self._pending = None
        await self.payments.cancel(payment_id)

    def paid_session(self, session_id: int) -> PaidSession | None:
        """How a session is paid (None for an RFID session), read from the ledger."""
        if self.payments is None:
            return None
        payment = self.payments.payment_of_session(session_id)
        return None if payment is None else self._paid(payment)

    def _paid(self, payment: Payment) -> PaidSession:
        assert self.payments is not None
        card = ""
        if payment.card_last4:
            brand = (payment.card_brand or "").replace("_", " ").title()
            card = f"{brand} \u2022\u2022\u2022\u2022 {payment.card_last4}".strip()
        receipt = self.payments.receipt_of_session(payment.session_id) if payment.session_id else None
        return PaidSession(
            method=payment.method,
            state=payment.state,
            currency=payment.currency,
            limit_minor=payment.amount_authorised_minor or payment.amount_requested_minor,
            captured_minor=payment.amount_captured_minor,
            refunded_minor=payment.amount_refunded_minor,
            card_text=card,
            receipt_no=receipt.receipt_no if receipt is not None else None,
            receipt_url=self.payments.receipt_url(receipt.token) if receipt is not None else None,
        )

    async def email_receipt(self, session_id: int, address: str) -> None:
        """Sends the session's receipt; ValueError for an address that cannot be one, ReceiptEmailError
        when it could not be sent."""
        if self.payments is None:
            raise ReceiptEmailError("not_configured")
        try:
            await self.payments.email_receipt(session_id, address)
        except ReceiptMailUnavailableError as error:
            raise ReceiptEmailError(error.reason, str(error)) from error

    async def receipt_pdf(self, token: str) -> tuple[str, bytes] | None:
        """(receipt number, PDF) behind a receipt's web address (the summary's QR code); None: unknown."""
        return None if self.payments is None else await self.payments.receipt_pdf(token)

    def _on_payment_event(self, event: PaymentEvent) -> None:
        if isinstance(event, PaymentStatus) and self.phone.claims(event.payment_id):
            # A phone's payment: its session opens on the connector the phone chose, never the kiosk's.
            if event.status == "authorised":
                self._tasks.start(self.phone.paid(event.payment_id), name="phone-paid")
            else:
                self._tasks.start(
                    self.phone.payment_ended(event.payment_id, event.status), name="phone-payment"
                )
            return
        match event:
            case PaymentStatus(payment_id=payment_id, status="authorised"):
                assert self.payments is not None
                until = time.monotonic() + self.kiosk.idle_timeout_s
                id_tag = self.payments.settings.id_tag
                self._pending = _Pending(id_tag, None, until, payment_id)
                ready = tuple(self._ready_for(self._pending))
                self._publish(PaymentUpdate(payment_id, "authorised", None, id_tag, ready))
            case PaymentStatus(payment_id=payment_id, status=status, reason=reason, session_id=session_id):
                self._publish(PaymentUpdate(payment_id, status, reason, session_id=session_id))
            case LimitNear() as near:
                self._publish(
                    PaymentLimit(
                        near.session_id,
                        near.connector_id,
                        near.limit_minor,
                        near.cost_minor,
                        near.stopping,
                        self.runtime.sessions.tariff.currency,
                    )
                )

    # -- commands -----------------------------------------------------------------------------------

    async def present_card(self, id_tag: str) -> CardOutcome:
        """A card tap: stops the card's running session, else authorises it. CardTapped is published as
        soon as the decision is made (before a stop completes; SessionEnded follows with the summary).
        While a capture holds the reader (capture_cards) the card goes to it instead: "captured"."""
        if (capture := self._capture) is not None:
            try:
                capture(id_tag)
            except Exception:  # the face's bug: the reader goes on
                log.exception("card capture failed")
            return CardOutcome("captured", id_tag)
        async with self._card_lock:
            self._drop_pending()  # a new card replaces one waiting for a connector choice
            try:
                outcome, stop_on = await self._decide_card(id_tag)
            except Exception:
                log.exception("card %s could not be handled", id_tag)
                outcome, stop_on = CardOutcome("error", id_tag, "station"), None
            self._publish(CardTapped(outcome))
            if outcome.kind in ("refused", "busy"):
                self.runtime.events.session_refused(None, id_tag, outcome.reason or outcome.kind)
            if stop_on is not None:
                await self.stop_session(stop_on)
        return outcome

    async def _decide_card(self, id_tag: str) -> tuple[CardOutcome, str | None]:
        """The outcome, and the connector whose session the card stops (None: no stop)."""
        running = self._running_sessions()
        mine = [(cid, sid) for cid, sid, tag, _ in running if same_tag(tag, id_tag)]
        decision: CardDecision | None = None
        if not mine and any(parent for *_, parent in running):
            # OCPP 1.6 section 4.10: another card with the same parentIdTag may stop it, once authorised.
            decision = await self._authorizer().authorize(id_tag)
            if decision.accepted and decision.parent_id_tag:
                mine = [(c, s) for c, s, _, p in running if same_tag(p, decision.parent_id_tag)]
        if mine:
            connector_id, session_id = mine[0]  # the one charging longest, if the card has several
            return CardOutcome("stopped", id_tag, session_id=session_id), connector_id
        decision = decision or await self._authorizer().authorize(id_tag)
        kind, reason = refusal(decision)
        if kind != "authorised":
            return CardOutcome(kind, id_tag, reason), None
        ready = self.ready_connectors(id_tag, decision.parent_id_tag)
        if not ready:
            return CardOutcome("busy", id_tag, "no_connector"), None
        until = time.monotonic() + self.kiosk.idle_timeout_s
        self._pending = _Pending(id_tag, decision.parent_id_tag, until)
        return CardOutcome("authorised", id_tag, ready_connectors=tuple(ready)), None

    def ready_connectors(self, id_tag: str | None = None, parent_id_tag: str | None = None) -> list[str]:
        """Connectors a session may start on now (for this card's reservations), plugged-in cars first."""
        central_system = self.runtime.central_system
        ready: list[tuple[bool, int, str]] = []
        for card in self.connectors():
            if card.state not in ("available", "preparing", "reserved") or card.session_id is not None:
                continue
            # Only the central system reserves: it says whether this card may start here (section 5.13).
            if not central_system.may_start(card.connector_id, id_tag, parent_id_tag):
                continue
            ready.append((not card.vehicle_present, card.number, card.connector_id))
        return [connector_id for *_, connector_id in sorted(ready)]

    async def start_session(self, connector_id: str, id_tag: str, *, language: str | None = None) -> int:
        """Opens a session for the authorised card (or payment) on a connector; the session id.
        SessionRefusedError when the card is not the one authorised (or waited too long) or the
        connector is not ready. `language`: the driver's, for the receipt of a paid session."""
        pending = self._pending
        if pending is None or not same_tag(pending.id_tag, id_tag) or pending.until <= time.monotonic():
            raise SessionRefusedError(f"card {id_tag} is not authorised: tap it again")
        if connector_id not in self._ready_for(pending):
            raise SessionRefusedError(f"{connector_id} is not ready for a session")
        # The authorisation is used up before the commit is awaited: a second tap cannot start twice.
        self._pending = None
        try:
            return await self._open(connector_id, pending, language)
        except BaseException:
            if self._pending is None:  # refused or failed: the driver may choose again
                self._pending = pending
            raise

    async def open_paid_session(self, connector_id: str, payment_id: int, language: str) -> int:
        """Opens the session a phone paid for on the connector it chose (app/driver/phone.py); the
        session id. SessionRefusedError when that connector is no longer ready for it."""
        assert self.payments is not None
        paid = _Pending(self.payments.settings.id_tag, None, float("inf"), payment_id)
        if connector_id not in self._ready_for(paid):
            raise SessionRefusedError(f"{connector_id} is not ready for a session")
        return await self._open(connector_id, paid, language)

    async def _open(self, connector_id: str, pending: _Pending, language: str | None) -> int:
        central_system = self.runtime.central_system
        reservation_id = await central_system.reservation_for(
            connector_id, pending.id_tag, pending.parent_id_tag
        )
        bind = None
        if pending.payment_id is not None and self.payments is not None:
            bind = self.payments.bind_session(pending.payment_id)  # in the session's own transaction
        row = await self.runtime.sessions.authorise(
            connector_id, pending.id_tag, reservation_id=reservation_id, with_session=bind
        )
        self._parents[row.id] = pending.parent_id_tag
        if self.payments is not None and language is not None:
            self.payments.languages[row.id] = language
        await central_system.started(connector_id, reservation_id)  # section 5.13: a reservation is used
        return row.id

    def cancel_authorisation(self) -> None:
        """Forgets an authorised card waiting for a connector choice (the driver went back to idle); a
        payment waiting so is given back (the hold released, a prepayment refunded)."""
        self._drop_pending()

    def _drop_pending(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None and pending.payment_id is not None and self.payments is not None:
            self._tasks.start(self.payments.cancel(pending.payment_id), name="payment-unclaimed")

    def _ready_for(self, pending: _Pending) -> list[str]:
        ready = self.ready_connectors(pending.id_tag, pending.parent_id_tag)
        if pending.payment_id is not None and self.payments is not None:
            payment = self.payments.payment_of(pending.payment_id)
            if payment is not None and payment.reader_id is not None:
                # A terminal serves the connectors it is configured for: the driver stands there.
                ready = [c for c in ready if self.payments.terminal_serves(payment.reader_id, c)]
        return ready

    async def stop_session(self, connector_id: str) -> SessionSummary | None:
        """Stops the connector's session (reason Local) and waits for its end; None without a session or
        when the charger did not confirm in time (the session service then ends it by itself)."""
        open_session = self.runtime.sessions.open_session(connector_id)
        if open_session is None:
            return None
        ended = await self.runtime.sessions.stop(connector_id, STOP_REASON)
        if ended is None:
            return None
        return self.summary(open_session[0], self.kiosk.default_language)

    def capture_cards(self, listener: Callable[[str], None]) -> Callable[[], None]:
        """Hands each card tapped (present_card, the reader's taps) to listener(uid) instead of the driver
        flow (no authorisation, no stop, no CardTapped) until the returned release() is called: the admin PIN
        pad takes a staff card as its second factor so (docs/admin.md). One capture at a time, the
        latest wins; sessions are not touched and reader problems are still published."""
        self._capture = listener

        def release() -> None:
            if self._capture is listener:
                self._capture = None

        return release

    def subscribe(self, listener: Callable[[DriverEvent], None]) -> Callable[[], None]:
        """Calls listener(event) on the loop for every DriverEvent; returns the unsubscribe function."""
        return self._listeners.subscribe(listener)

    def subscribe_station(
        self, listener: Callable[[StationEvent | SessionChange], None]
    ) -> Callable[[], None]:
        """Calls listener(event) on the loop for every charger event (each status poll, link, fault,
        vehicle and charger-side session change) and every session transition: for the live feed
        (app/live), which rebuilds only what an event is about; the kiosk follows ConnectorsChanged.
        Subscribe after start(): this facade then reads a session's facts before the listener sees
        its transition. Returns the unsubscribe function."""
        unsubscribe_station = self.runtime.station.manager.subscribe(listener)
        unsubscribe_sessions = self.runtime.sessions.subscribe(listener)

        def unsubscribe() -> None:
            unsubscribe_station()
            unsubscribe_sessions()

        return unsubscribe

    # -- internals ----------------------------------------------------------------------------------

    def _authorizer(self) -> CardAuthorizer:
        central = self.runtime.central_system.card_authorizer()
        if central is not None:
            return central
        return LocalCardAuthorizer(
            self.runtime.engine, allow_unknown=self.kiosk.allow_unknown_cards, clock=self.runtime.clock
        )

    def _running_sessions(self) -> list[tuple[str, int, str, str | None]]:
        """(connector, session id, id tag, parentIdTag) of every open session a card may still stop,
        oldest first."""
        found = []
        for connector_id in self._numbers:
            open_session = self.runtime.sessions.open_session(connector_id)
            if open_session is None or open_session[1] in (FINISHING, ENDED):
                continue
            info = self._sessions.get(open_session[0]) or self._load_session(open_session[0])
            if info is not None and info.id_tag is not None:  # no card started it: no card stops it
                found.append((connector_id, info.session_id, info.id_tag, self._parents.get(info.session_id)))
        return sorted(found, key=lambda item: item[1])

    def _load_session(self, session_id: int) -> SessionInfo | None:
        info = session_info(self.runtime.engine, session_id)
        if info is not None:
            self._sessions[session_id] = info
        return info

    def _publish(self, event: DriverEvent) -> None:
        self._listeners.emit(event)  # logs a screen's bug: it must not stop the station's bookkeeping

    def _on_station_event(self, event: StationEvent) -> None:
        match event:
            case VehicleEvent(connector_id=connector_id, arrived=False):
                self._finished.discard(connector_id)

    def _on_session_change(self, change: SessionChange) -> None:
        if change.to_state != ENDED:
            self._load_session(change.session_id)  # started_at and the meter start come with "charging"
            return
        self._sessions.pop(change.session_id, None)
        self._parents.pop(change.session_id, None)
        self._costs.pop(change.session_id, None)
        manager = self.runtime.station.manager
        view = manager.connector(change.connector_id) if change.connector_id in self._numbers else None
        if view is not None and view.vehicle_present:
            self._finished.add(change.connector_id)
        try:
            summary = self.summary(change.session_id, self.kiosk.default_language)
        except (KeyError, ValueError):
            log.exception("session %s ended but its summary cannot be read", change.session_id)
            return
        self._publish(SessionEnded(summary))

    def _on_card_event(self, event: CardEvent) -> None:
        if isinstance(event, CardPresented):
            if self.screen_light is not None:
                self.screen_light.touched()
            self._tasks.start(self.present_card(event.uid))
        elif isinstance(event, ReaderRemoved):
            self._reader_problem = True
            self._publish(ReaderProblem("reader_unplugged"))
        elif isinstance(event, ReaderAdded) and self._reader_problem:
            self._reader_problem = False
            self._publish(ReaderProblem("reader_restored"))
        elif isinstance(event, ReaderError):
            if event.kind in (SERVICE_UNAVAILABLE, READER_FAILED):
                self._reader_problem = True
                self._publish(ReaderProblem("reader_unplugged"))
            elif event.kind == CARD_REMOVED_MID_READ:
                self._publish(ReaderProblem("card_removed_early"))
            else:
                self._publish(ReaderProblem("read_failed"))

    async def _tick(self) -> None:
        """Publishes ConnectorsChanged when a card differs (at most every EVENT_PERIOD_S) and refreshes
        one connector's cost so far per round, so a station of many connectors never stalls the loop."""
        while True:
            await asyncio.sleep(EVENT_PERIOD_S)
            try:
                self._refresh_one_cost()
                cards = self.connectors()
                if cards != self._last_cards:
                    self._last_cards = cards
                    self._publish(ConnectorsChanged())
                if self._pending is not None and self._pending.until <= time.monotonic():
                    self._drop_pending()
            except Exception:  # the ledger may be briefly unreadable: try again next round
                log.exception("driver facade refresh failed")

    def _refresh_one_cost(self) -> None:
        now = time.monotonic()
        stale = [
            (self._costs.get(info.session_id, (float("-inf"), 0))[0], info.session_id, info.connector_id)
            for info in self._sessions.values()
            if info.started_at is not None
        ]
        if not stale:
            return
        refreshed_at, session_id, connector_id = min(stale)
        if now - refreshed_at < COST_REFRESH_S:
            return
        open_session = self.runtime.sessions.open_session(connector_id)
        cost = self.runtime.sessions.running_cost(connector_id) if open_session else None
        if open_session is not None and open_session[0] == session_id and cost is not None:
            self._costs[session_id] = (now, cost.total_minor)
        else:
            self._costs[session_id] = (now, self._costs.get(session_id, (0.0, 0))[1])
