"""The web's refusals over HTTPS, each with the documented answer and nothing changed: wrong passwords
(the wait measured), the cookie's attributes, a token of too small a scope, a cookie's WebSocket from
another origin, malformed bodies, paths that try to leave their directory, and no secret in an answer
or the log."""

from __future__ import annotations

import asyncio
import logging
import time

import pytest
import websockets
from web_station import WEB_PASSWORDS, web_station

from app.config import ConfigError, WebSettings

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)


def test_wrong_passwords_are_throttled_and_the_right_one_gets_in_after_the_wait(realtime_sim, tmp_path):
    async def scenario():
        async with web_station(realtime_sim, tmp_path) as web, web.signed_in("technician") as (http, _):
            await http.post(
                "/api/v1/auth/logout",
                headers={"X-CSRF-Token": (await http.get("/api/v1/auth/me")).json()["csrf_token"]},
            )
            login = {"name": "Technician One", "password": "a wrong password"}
            started = time.monotonic()
            wrong = await http.post("/api/v1/auth/login", json=login)
            assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "wrong"
            assert "set-cookie" not in wrong.headers
            right = {"name": "Technician One", "password": WEB_PASSWORDS["technician"]}
            waiting = await http.post("/api/v1/auth/login", json=right)
            assert waiting.status_code == 429 and waiting.json()["error"]["code"] == "wait"
            assert waiting.headers["retry-after"] == "1" and 0 < waiting.json()["error"]["retry_after_s"] <= 1
            while (answer := await http.post("/api/v1/auth/login", json=right)).status_code == 429:
                await asyncio.sleep(0.2)
            waited = time.monotonic() - started
            assert answer.status_code == 200 and 1.0 <= waited < 3.0, waited
            cookie = answer.headers["set-cookie"]
            assert cookie.startswith("__Host-evse_session=")
            attributes = {part.strip().lower() for part in cookie.split(";")[1:]}
            assert {"httponly", "secure", "samesite=strict", "path=/"} <= attributes
            assert not any(a.startswith("domain") for a in attributes)
            unknown = await http.post("/api/v1/auth/login", json={"name": "Nobody", "password": "x" * 12})
            assert unknown.status_code == 401 and unknown.json() == wrong.json()

    asyncio.run(scenario())


def test_a_token_of_too_small_a_scope_reads_but_changes_nothing(realtime_sim, tmp_path):
    async def scenario():
        async with web_station(realtime_sim, tmp_path) as web, web.signed_in("operator") as (http, csrf):
            made = await http.post(
                "/api/v1/tokens", json={"name": "dashboard", "scopes": ["read"]}, headers=csrf
            )
            assert made.status_code == 201, made.text
            secret = made.json()["secret"]
            listed = (await http.get("/api/v1/tokens")).json()
            assert secret not in str(listed) and "token_hash" not in listed[0]
            too_much = await http.post("/api/v1/tokens", json={"name": "x", "scopes": ["root"]}, headers=csrf)
            assert too_much.status_code == 409 and too_much.json()["error"]["code"] == "scope_unknown"
            async with web.client(headers={"Authorization": f"Bearer {secret}"}) as integration:
                assert (await integration.get("/api/v1/overview")).status_code == 200
                me = (await integration.get("/api/v1/auth/me")).json()
                assert (me["role"], me["via"], me["csrf_token"]) == ("viewer", "token", "")
                # No CSRF token needed for a bearer token, but the role is what its scope allows.
                refused = await integration.post("/api/v1/chargers/CP00/restart")
                assert refused.status_code == 403 and refused.json()["error"]["code"] == "role_needed"
                assert not [r for r in web.station.audit(100) if r["action"] == "control.restart_charger"]
                token_id = made.json()["token"]["token_id"]
                assert (await http.delete(f"/api/v1/tokens/{token_id}", headers=csrf)).status_code == 204
                gone = await integration.get("/api/v1/overview")
                assert gone.status_code == 401 and gone.json()["error"]["code"] == "not_signed_in"

    asyncio.run(scenario())


def test_a_cookies_websocket_from_another_origin_is_refused(realtime_sim, tmp_path):
    async def scenario():
        async with web_station(realtime_sim, tmp_path) as web, web.signed_in("viewer") as (http, _):
            cookie = "; ".join(f"{name}={value}" for name, value in http.cookies.items())
            own = {"Cookie": cookie, "Origin": web.url}
            async with websockets.connect(web.ws_url, ssl=web.ssl_context, additional_headers=own) as socket:
                snapshot = await socket.recv()
                assert '"site"' in snapshot and '"alarms"' in snapshot  # the signed-in picture
            foreign = {"Cookie": cookie, "Origin": "https://evil.example"}
            with pytest.raises(websockets.InvalidStatus) as refused:
                async with websockets.connect(web.ws_url, ssl=web.ssl_context, additional_headers=foreign):
                    pass
            assert refused.value.response.status_code == 403

    asyncio.run(scenario())


def test_malformed_bodies_and_paths_leaving_their_directory_are_refused(realtime_sim, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)

    async def scenario():
        async with web_station(realtime_sim, tmp_path) as web, web.signed_in("operator") as (http, csrf):
            for body, kind in (
                (b"{not json", "application/json"),
                (b"[1, 2]", "application/json"),
                (b'{"name": 5, "password": null}', "application/json"),
                (b"name=x&password=y", "application/x-www-form-urlencoded"),
            ):
                answer = await http.post("/api/v1/auth/login", content=body, headers={"Content-Type": kind})
                assert answer.status_code == 422, (body, answer.text)
                assert answer.json()["error"]["code"] == "invalid" and answer.json()["error"]["fields"]
            for path in (
                "/api/v1/sessions/..%2F..%2Fetc%2Fpasswd/receipt.pdf",
                "/api/v1/sessions/1/../../../etc/passwd",
                "/api/v1/firmware/jobs/..%2F..%2Fetc",
                "/api/v1/analytics/report?month=../../../etc/passwd",
                "/api/v1/analytics/report?month=2026-11&file=../../etc/passwd",
            ):
                answer = await http.get(path)
                assert answer.status_code in (404, 422), (path, answer.status_code)
                assert "root:" not in answer.text and answer.json()["error"]["code"] in (
                    "not_found",
                    "invalid",
                )
            files = {"package": ("../../../../etc/cron.d/evil.tar.gz", b"not a package", "application/gzip")}
            upload = await http.post("/api/v1/firmware/packages", files=files, headers=csrf)
            assert upload.status_code in (201, 409), upload.text  # refused package, or no vendor key here
            assert not (tmp_path / "etc").exists()
        # What the station logged (the test's own HTTP client logs its headers at DEBUG).
        station = ("app", "web", "hal", "launcher", "uvicorn", "fastapi", "starlette")
        logged = "\n".join(r.getMessage() for r in caplog.records if r.name.split(".")[0] in station)
        for secret in WEB_PASSWORDS.values():
            assert secret not in logged
        assert "__Host-evse_session=" not in logged

    asyncio.run(scenario())


def test_plain_http_is_refused_beyond_loopback():
    with pytest.raises(ConfigError, match="plain HTTP only on a loopback address"):
        WebSettings(host="0.0.0.0", tls=False)
    assert not WebSettings(host="127.0.0.1", tls=False).tls
    assert not WebSettings(host="::1", tls=False).tls
