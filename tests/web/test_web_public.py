"""The web face over HTTPS on a real socket: what anyone may read, the error shape, the security
headers on every answer, the size bound, and the OpenAPI description."""

from __future__ import annotations

import asyncio
import contextlib
import socket

import pytest
from web_station import web_station

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)


async def chunked_post(web, path: str, *, chunks: int, size: int) -> bytes:
    """Sends a chunked body on a raw TLS connection; the answer's status line (the server may answer
    and close before the body is all sent)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", web.server.port, ssl=web.ssl_context)
    try:
        writer.write(
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\n\r\n".encode()
        )
        with contextlib.suppress(ConnectionError):
            for _ in range(chunks):
                writer.write(f"{size:x}\r\n".encode() + b"y" * size + b"\r\n")
                await writer.drain()
            writer.write(b"0\r\n\r\n")
            await writer.drain()
        return await asyncio.wait_for(reader.readline(), 10)
    finally:
        writer.close()


def test_anyone_reads_the_station_its_connectors_and_its_price(realtime_sim, tmp_path):
    async def scenario():
        async with web_station(realtime_sim, tmp_path) as web, web.client() as http:
            station = (await http.get("/api/v1/station")).json()
            assert station["station_id"] == "TEST-STATION" and station["languages"] == ["en", "ms"]
            answer = await http.get("/api/v1/connectors")
            assert answer.status_code == 200
            cards = answer.json()
            kiosk = web.station.driver.connectors()
            assert [c["connector_id"] for c in cards] == [c.connector_id for c in kiosk]
            assert all(set(c) >= {"state", "number", "available"} for c in cards)
            assert not any("session_id" in c or "energy_Wh" in c or "cost_minor" in c for c in cards)
            one = await http.get(f"/api/v1/connectors/{cards[0]['connector_id']}")
            assert one.json() == cards[0]
            price = (await http.get("/api/v1/tariff", headers={"Accept-Language": "ms"})).json()
            assert price["language"] == "ms" and price["lines"] == web.station.driver.price_lines("ms")

    asyncio.run(scenario())


def test_refusals_share_one_shape_in_the_callers_language(realtime_sim, tmp_path):
    async def scenario():
        async with web_station(realtime_sim, tmp_path) as web, web.client() as http:
            missing = await http.get("/api/v1/connectors/NOPE/1")
            assert missing.status_code == 404
            assert missing.json() == {"error": {"code": "unknown_connector", "message": "No such connector."}}
            anonymous = await http.get("/api/v1/overview", headers={"Accept-Language": "ms-MY, en;q=0.5"})
            assert anonymous.status_code == 401
            assert anonymous.json()["error"] == {"code": "not_signed_in", "message": "Sila log masuk."}
            bad = await http.get("/api/v1/tariff", params={"language": "fr"})
            assert bad.status_code == 422
            assert bad.json()["error"]["fields"][0]["field"] == "query.language"
            forged = await http.get("/api/v1/overview", headers={"Authorization": "Bearer evse_forged"})
            assert forged.status_code == 401 and forged.headers["www-authenticate"].startswith("Bearer")

    asyncio.run(scenario())


def test_every_answer_carries_the_security_headers_and_bodies_are_bounded(realtime_sim, tmp_path):
    async def scenario():
        async with web_station(realtime_sim, tmp_path) as web, web.client() as http:
            for path in ("/api/v1/station", "/api/v1/nowhere", "/api/v1/openapi.json"):
                headers = (await http.get(path)).headers
                csp = headers["content-security-policy"]
                assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
                assert "unsafe-inline" not in csp
                assert headers["x-content-type-options"] == "nosniff"
                assert headers["strict-transport-security"].startswith("max-age=")
                assert "server" not in headers
            huge = await http.post("/api/v1/auth/login", content=b"x" * 2_000_000)
            assert huge.status_code == 413 and huge.json()["error"]["code"] == "body_too_large"

            # A chunked body announces no length: it is cut off once past the bound, answered 413.
            status_line = await chunked_post(web, "/api/v1/auth/login", chunks=40, size=65536)
            assert status_line.startswith(b"HTTP/1.1 413")

    asyncio.run(scenario())


def test_the_openapi_description_documents_every_route_and_the_error_shape(realtime_sim, tmp_path):
    async def scenario():
        async with web_station(realtime_sim, tmp_path) as web, web.client() as http:
            description = (await http.get("/api/v1/openapi.json")).json()
            assert description["openapi"].startswith("3.")
            paths = description["paths"]
            routes = {(method.upper(), path) for path, item in paths.items() for method in item}
            assert ("GET", "/api/v1/connectors") in routes and ("POST", "/api/v1/auth/login") in routes
            error = {"$ref": "#/components/schemas/Error"}
            for item in paths.values():
                for operation in item.values():
                    for status, response in operation["responses"].items():
                        if status.startswith("4"):
                            assert response["content"]["application/json"]["schema"] == error
            # The description says itself who may call what and how the live feed speaks.
            about = description["info"]["description"]
            words = ["Bearer", "X-CSRF-Token", "viewer", "technician", "operator", '"error"']
            words += ["/api/v1/live", '"type":"snapshot"', '"type":"changes"', "4008", "since="]
            for word in words:
                assert word in about, word
            # Its page: served as the other pages are, under the same policy.
            page = await http.get("/api/v1/docs")
            assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
            assert "script-src 'self'" in page.headers["content-security-policy"]
            assert '<script type="module" src="/static/js/api_docs.js">' in page.text

    asyncio.run(scenario())


def test_small_answers_leave_at_once_nagle_is_off_on_every_connection(realtime_sim, tmp_path):
    """A response's headers and body are two small writes; with Nagle's algorithm on, the body waited
    for the client's delayed ACK (40 ms on Linux) and every small answer took 40 ms (RFC 1122 section
    4.2.3.2). The server's own connections are asked for their socket option."""

    async def scenario():
        async with web_station(realtime_sim, tmp_path) as web, web.client() as http:
            assert (await http.get("/api/v1/connectors")).status_code == 200
            # uvicorn's record of its open connections (Server.server_state): this client's is one.
            connections = list(web.server._server.server_state.connections)
            assert connections
            for protocol in connections:
                sock = protocol.transport.get_extra_info("socket")
                assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0

    asyncio.run(scenario())
