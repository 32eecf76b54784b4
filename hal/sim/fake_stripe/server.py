"""The fake Stripe's HTTP side: routes, Stripe-style idempotency, request checks, failure injection, hooks.

A ThreadingHTTPServer on loopback (tests and the demo), one lock over the store. Every request is
checked against Stripe's API description when one is given (spec.py) and recorded. Failures are
injected per path pattern: an HTTP status (500, 502, 503, with or without Stripe-Should-Retry), a
hang, a reply lost after the call was applied, a malformed body. `hook(record, phase)` runs when a
request arrives ("received"; it may drop the request) and after it was applied but before the reply
("applied"): the crash test kills the station there.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from hal.sim.fake_stripe.spec import ApiDescription, RequestError, decode_form
from hal.sim.fake_stripe.store import Store, StripeError, public

log = logging.getLogger(__name__)


@dataclass
class Failure:
    """What the next `count` requests matching `path` (a regular expression) and `method` get."""

    path: str
    mode: str  # "status", "hang", "lose_reply", "malformed"
    count: int = 1
    method: str = "POST"
    status: int = 500
    should_retry: bool | None = None
    seconds: float = 0.0


@dataclass
class Record:
    """One request as the fake received it."""

    method: str
    path: str
    params: dict[str, Any]
    idempotency_key: str | None
    status: int = 0
    replay: bool = False
    at: float = field(default_factory=time.monotonic)


# hook(record, phase) -> True drops a request at "received": it never reaches the store, and the
# connection closes without an answer (a call lost on its way to the provider).
Hook = Callable[[Record, str], bool | None]


class FakeStripe:
    """A stateful Stripe API on 127.0.0.1; `with FakeStripe(spec) as fake: fake.url`."""

    def __init__(self, spec_path: Path | None = None, port: int = 0) -> None:
        self.api = ApiDescription(spec_path) if spec_path is not None else None
        if self.api is None:
            log.info("fake Stripe without an API description: requests are not checked")
        self.lock = threading.RLock()
        self.store = Store()
        self.records: list[Record] = []
        self.rejections: list[tuple[Record, str]] = []  # requests the API description refused
        self.failures: list[Failure] = []
        self.hook: Hook | None = None
        self._keys: dict[str, tuple[str, int, bytes]] = {}  # idempotency key -> (params, status, body)
        self._port = port
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        assert self._server is not None, "start() it first"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> str:
        fake = self

        class Handler(_Handler):
            owner = fake

        self._server = _Server(("127.0.0.1", self._port), Handler)
        self.store.base_url = self.url
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-stripe", daemon=True)
        self._thread.start()
        return self.url

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeStripe:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- control (tests, the demo's panel) ------------------------------------------------------------

    def reset(self) -> None:
        with self.lock:
            self.store = Store(self.store.base_url)
            self.records.clear()
            self.rejections.clear()
            self.failures.clear()
            self._keys.clear()

    def fail(self, path: str, mode: str = "status", **options: Any) -> Failure:
        failure = Failure(path, mode, **options)
        with self.lock:
            self.failures.append(failure)
        return failure

    def register_reader(self, label: str = "Simulated reader") -> str:
        with self.lock:
            return str(
                self.store.register_reader({"registration_code": "simulated-wpe", "label": label})["id"]
            )

    def present_card(self, reader_id: str, number: str | None = None) -> dict[str, Any]:
        with self.lock:
            return self.store.present(reader_id, {"card_present": {"number": number}} if number else {})

    def pay_checkout(
        self, session_id: str, method: str = "card", number: str | None = None
    ) -> dict[str, Any]:
        with self.lock:
            return public(self.store.pay_checkout(session_id, method, number))

    def set_reader_online(self, reader_id: str, online: bool) -> None:
        with self.lock:
            self.store.reader(reader_id)["status"] = "online" if online else "offline"

    def open_checkouts(self) -> list[str]:
        with self.lock:
            return [
                s["id"]
                for s in self.store.checkouts.values()
                if self.store.checkout(s["id"])["status"] == "open"
            ]

    def waiting_readers(self) -> list[str]:
        """Readers waiting for a card (a process_payment_intent in progress)."""
        with self.lock:
            return [
                r["id"]
                for r in self.store.readers.values()
                if r["action"]
                and r["action"]["status"] == "in_progress"
                and r["action"]["type"] == "process_payment_intent"
            ]

    # -- one request ----------------------------------------------------------------------------------

    def handle(
        self, method: str, path: str, params: dict[str, Any], key: str | None
    ) -> tuple[int, bytes, str]:
        """(status, body, fault) of one API request; fault: "", "hang:S", "lose_reply", "malformed"."""
        record = Record(method, path, params, key)
        with self.lock:
            self.records.append(record)
            failure = self._take_failure(method, path)
        if self.hook is not None and self.hook(record, "received"):
            return 0, b"", "lose_reply"
        if failure is not None and failure.mode == "status":
            record.status = failure.status
            body = {"error": {"type": "api_error", "message": f"injected {failure.status}"}}
            fault = "" if failure.should_retry is None else f"retry:{str(failure.should_retry).lower()}"
            return failure.status, json.dumps(body).encode(), fault
        if failure is not None and failure.mode == "hang":
            time.sleep(failure.seconds)
        with self.lock:
            status, payload = self._apply(record, method, path, params, key)
            record.status = status
        if self.hook is not None:
            self.hook(record, "applied")
        if failure is not None and failure.mode in ("lose_reply", "malformed"):
            return status, payload, failure.mode
        return status, payload, ""

    def _take_failure(self, method: str, path: str) -> Failure | None:
        for failure in self.failures:
            if failure.count > 0 and failure.method == method and re.search(failure.path, path):
                failure.count -= 1
                return failure
        return None

    def _apply(
        self, record: Record, method: str, path: str, params: dict[str, Any], key: str | None
    ) -> tuple[int, bytes]:
        canonical = json.dumps(params, sort_keys=True)
        if method == "POST" and key is not None and key in self._keys:
            stored_params, status, body = self._keys[key]
            if stored_params != f"{path} {canonical}":
                err = StripeError(
                    400,
                    "idempotency_key_in_use",
                    "Keys for idempotent requests can only be used "
                    "with the same parameters they were first used with.",
                    kind="idempotency_error",
                )
                return err.status, json.dumps(err.body).encode()
            record.replay = True
            return status, body
        try:
            if self.api is not None:
                operation = self.api.find(method, path)
                if operation is None:
                    raise StripeError(
                        404, "resource_missing", f"Unrecognized request URL ({method}: {path})."
                    )
                try:
                    self.api.check(operation, params)
                except RequestError as error:
                    self.rejections.append((record, f"{error.code} {error.param}"))
                    raise StripeError(400, error.code, str(error), param=error.param) from None
            status, obj = 200, route(self.store, method, path, params)
        except StripeError as error:
            status, obj = error.status, error.body
        body = json.dumps(obj).encode()
        if method == "POST" and key is not None and status < 500:
            self._keys[key] = (f"{path} {canonical}", status, body)
        return status, body


def _expand(params: dict[str, Any]) -> list[str]:
    value = params.get("expand") or []
    return list(value.values()) if isinstance(value, dict) else list(value)


def _listing(url: str, items: list[dict[str, Any]], limit: Any = 10) -> dict[str, Any]:
    count = int(limit or 10)
    items = sorted(items, key=lambda o: o.get("created", 0), reverse=True)
    return {
        "object": "list",
        "url": url,
        "has_more": len(items) > count,
        "data": [public(i) for i in items[:count]],
    }


def route(store: Store, method: str, path: str, p: dict[str, Any]) -> dict[str, Any]:
    """The API call, applied to the store; a StripeError for what Stripe refuses."""
    parts = path.strip("/").split("/")[1:]  # after "v1"
    match method, parts:
        case "POST", ["payment_intents"]:
            return public(store.create_intent(p))
        case "GET", ["payment_intents"]:
            return _listing(path, list(store.intents.values()), p.get("limit"))
        case "GET", ["payment_intents", "search"]:
            found = store.search(str(p.get("query", "")))
            return {**_listing(path, found, p.get("limit")), "object": "search_result", "next_page": None}
        case "GET", ["payment_intents", intent_id]:
            return public(store.intent(intent_id, _expand(p)))
        case "POST", ["payment_intents", intent_id, "capture"]:
            return public(store.capture(intent_id, p))
        case "POST", ["payment_intents", intent_id, "cancel"]:
            return public(store.cancel(intent_id, p))
        case "POST", ["payment_intents", intent_id, "increment_authorization"]:
            return public(store.increment(intent_id, p))
        case "POST", ["terminal", "readers"]:
            return public(store.register_reader(p))
        case "GET", ["terminal", "readers"]:
            return _listing(path, [{**r, "created": 0} for r in store.readers.values()], p.get("limit"))
        case "GET", ["terminal", "readers", reader_id]:
            return public(store.reader(reader_id))
        case "POST", ["terminal", "readers", reader_id, "process_payment_intent"]:
            return public(store.process(reader_id, p))
        case "POST", ["terminal", "readers", reader_id, "set_reader_display"]:
            return public(store.set_display(reader_id, p))
        case "POST", ["terminal", "readers", reader_id, "cancel_action"]:
            return public(store.cancel_action(reader_id))
        case "POST", ["test_helpers", "terminal", "readers", reader_id, "present_payment_method"]:
            return public(store.present(reader_id, p))
        case "POST", ["checkout", "sessions"]:
            return public(store.create_checkout(p))
        case "GET", ["checkout", "sessions"]:
            found = [store.checkout(s) for s in list(store.checkouts)]
            if p.get("payment_intent"):
                found = [s for s in found if s["payment_intent"] == p["payment_intent"]]
            return _listing(path, found, p.get("limit"))
        case "GET", ["checkout", "sessions", session_id]:
            return public(store.checkout(session_id))
        case "POST", ["checkout", "sessions", session_id, "expire"]:
            return public(store.expire_checkout(session_id))
        case "POST", ["refunds"]:
            return public(store.create_refund(p))
        case "GET", ["refunds"]:
            found = [store.refund(r) for r in list(store.refunds)]
            if p.get("payment_intent"):
                found = [r for r in found if r["payment_intent"] == p["payment_intent"]]
            return _listing(path, found, p.get("limit"))
        case "GET", ["refunds", refund_id]:
            return public(store.refund(refund_id))
        case "GET", ["events"]:
            return _listing(path, store.events, p.get("limit"))
    raise StripeError(404, "resource_missing", f"Unrecognized request URL ({method}: {path}).")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that went away (a station killed mid-call) is part of the tests, not an error.
        log.debug("fake Stripe: connection from %s ended abruptly", client_address)


class _Handler(BaseHTTPRequestHandler):
    owner: FakeStripe
    protocol_version = "HTTP/1.1"
    # Headers and body go out as two writes; without this a keep-alive client's delayed ACK holds
    # the body back for 40 ms on every call.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("fake Stripe: " + format, *args)

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def _serve(self, method: str) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if len(raw) < length:
            # The client went away between its headers and its body (a station killed mid-request):
            # no request arrived, and an HTTP server acts on none, so nothing is applied or recorded.
            self.close_connection = True
            return
        body = raw.decode()
        if parts.path.startswith("/pay/"):
            self._page(parts.path.rsplit("/", 1)[-1])
            return
        if parts.path.startswith("/_fake/"):
            self._control(parts.path, decode_form(body or parts.query))
            return
        params = decode_form(body if method == "POST" else parts.query)
        status, payload, fault = self.owner.handle(
            method, parts.path, params, self.headers.get("Idempotency-Key")
        )
        if fault.startswith("hang:"):
            time.sleep(float(fault[5:]))
        if fault == "lose_reply":
            self.close_connection = True
            self.connection.close()  # the call was applied; its answer never reaches the station
            return
        if fault == "malformed":
            payload = b'{"object": "payment_intent", "status": '
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Request-Id", f"req_fake_{len(self.owner.records)}")
        if fault.startswith("retry:"):
            self.send_header("Stripe-Should-Retry", fault[6:])
        self.end_headers()
        self.wfile.write(payload)

    def _control(self, path: str, params: dict[str, Any]) -> None:
        """The demo's and tests' hands: pay a page, present a card, take a reader offline, reset."""
        owner = self.owner
        try:
            match path.strip("/").split("/")[1:]:
                case ["pay", session_id]:
                    result: Any = owner.pay_checkout(
                        session_id, params.get("method", "card"), params.get("number")
                    )
                case ["present", reader_id]:
                    result = owner.present_card(reader_id, params.get("number"))
                case ["reader", reader_id, state]:
                    owner.set_reader_online(reader_id, state == "online")
                    result = {"ok": True}
                case ["reset"]:
                    owner.reset()
                    result = {"ok": True}
                case ["summary"]:
                    with owner.lock:
                        statuses = [i["status"] for i in owner.store.intents.values()]
                    result = {"intents": {status: statuses.count(status) for status in set(statuses)}}
                case _:
                    raise StripeError(404, "resource_missing", f"no control {path}")
            status, payload = 200, json.dumps(result).encode()
        except StripeError as error:
            status, payload = error.status, json.dumps(error.body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _page(self, session_id: str) -> None:
        """What the phone opens: the amount and a note that this is a simulated page."""
        with self.owner.lock:
            session = self.owner.store.checkouts.get(session_id)
        if session is None:
            html, status = "<h1>Unknown payment page</h1>", 404
        else:
            amount = session["amount_total"] / 100
            html = (
                f"<html><body><h1>Pay {session['currency'].upper()} {amount:.2f}</h1>"
                f"<p>Simulated payment page ({session['status']}).</p></body></html>"
            )
            status = 200
        payload = html.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)
