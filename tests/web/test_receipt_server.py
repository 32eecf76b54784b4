"""The receipt route over real sockets: the PDF, 404, 405, oversized and malformed requests."""

from __future__ import annotations

import asyncio

from web.receipt_server import ReceiptServer

TOKEN = "Q2hhcmdlZC1yZWNlaXB0LTQy"  # 24 URL-safe characters
PDF = b"%PDF-1.4\nreceipt\n%%EOF\n"


class Receipts:
    """The fetch callable the launcher hands in, recording what it was asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    async def __call__(self, token: str) -> tuple[str, bytes] | None:
        self.asked.append(token)
        return ("DEMO-01-000042", PDF) if token == TOKEN else None


async def exchange(port: int, raw: bytes) -> tuple[int, dict[str, str], bytes]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(raw)
        await writer.drain()
        response = await asyncio.wait_for(reader.read(), 10)
    finally:
        writer.close()
    head, _, body = response.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(status_line.split(" ")[1]), headers, body


def get(target: str, method: str = "GET") -> bytes:
    return f"{method} {target} HTTP/1.1\r\nHost: station.local\r\nUser-Agent: test\r\n\r\n".encode()


def run(scenario, **options):
    async def main():
        receipts = Receipts()
        server = ReceiptServer(receipts, "127.0.0.1", 0, **options)
        await server.start()
        try:
            await scenario(server.port, receipts)
        finally:
            await server.close()

    asyncio.run(main())


def test_serves_the_pdf():
    async def scenario(port, receipts):
        status, headers, body = await exchange(port, get(f"/r/{TOKEN}"))
        assert status == 200
        assert body == PDF
        assert headers["content-type"] == "application/pdf"
        assert headers["content-length"] == str(len(PDF))
        assert headers["content-disposition"] == "inline; filename=receipt-DEMO-01-000042.pdf"
        assert headers["connection"] == "close"
        assert "no-store" in headers["cache-control"]
        assert receipts.asked == [TOKEN]

    run(scenario)


def test_unknown_token_is_404():
    async def scenario(port, receipts):
        other = "A" * 22
        status, _, _ = await exchange(port, get(f"/r/{other}"))
        assert status == 404
        assert receipts.asked == [other]

    run(scenario)


def test_other_methods_are_405():
    async def scenario(port, receipts):
        for method in ("POST", "PUT", "DELETE", "HEAD"):
            status, headers, _ = await exchange(port, get(f"/r/{TOKEN}", method))
            assert status == 405
            assert headers["allow"] == "GET"
        assert receipts.asked == []

    run(scenario)


def test_tokens_of_the_wrong_shape_never_reach_fetch():
    async def scenario(port, receipts):
        for target in (
            "/r/short",
            "/r/" + "A" * 21,
            f"/r/{TOKEN}/",
            f"/r/{TOKEN}?x=1",
            f"/r/{TOKEN[:-1]}%41",
            f"/r/{TOKEN[:-1]}.",
            "/r/../" + TOKEN,
            "/" + TOKEN,
            "/",
            "/r/" + "A" * 129,
        ):
            status, _, _ = await exchange(port, get(target))
            assert status == 404, target
        assert receipts.asked == []

    run(scenario)


def test_an_over_long_request_line_is_refused_and_the_server_keeps_serving():
    async def scenario(port, receipts):
        for length in (3000, 100_000):
            status, _, _ = await exchange(port, get("/r/" + "A" * length))
            assert status in (414, 400)
        status, _, body = await exchange(port, get(f"/r/{TOKEN}"))
        assert (status, body) == (200, PDF)
        assert receipts.asked == [TOKEN]

    run(scenario)


def test_oversized_headers_are_refused():
    async def scenario(port, receipts):
        many = "".join(f"X-Filler-{n}: {'v' * 100}\r\n" for n in range(100))
        raw = f"GET /r/{TOKEN} HTTP/1.1\r\nHost: s\r\n{many}\r\n".encode()
        status, _, _ = await exchange(port, raw)
        assert status == 431
        assert receipts.asked == []

    run(scenario)


def test_malformed_requests_are_400():
    async def scenario(port, receipts):
        for raw in (
            f"GET /r/{TOKEN}\r\n\r\n".encode(),  # no version
            f"GET  /r/{TOKEN} HTTP/1.1\r\nHost: s\r\n\r\n".encode(),  # two spaces
            f"GET /r/{TOKEN} HTTP/1.1\r\n\r\n".encode(),  # HTTP/1.1 without Host
            f"GET /r/{TOKEN} HTTP/1.1\r\nHost : s\r\n\r\n".encode(),  # space before the colon
            f"GET /r/{TOKEN} HTTP/1.1\r\nHost: s\r\n folded\r\n\r\n".encode(),  # obsolete folding
            f"GET /r/{TOKEN} HTTP/1.1\r\nHost: s\r\nContent-Length: 5\r\n\r\nhello".encode(),
            f"GET /r/{TOKEN} HTTP/1.1\r\nHost: s\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n".encode(),
            f"GET /r/{TOKEN} HTTP/1.1\r\nHost: s\r\nHost: t\r\n\r\n".encode(),
            b"GET /r/\xff\xfe HTTP/1.1\r\nHost: s\r\n\r\n",
        ):
            status, _, _ = await exchange(port, raw)
            assert status == 400, raw
        status, _, _ = await exchange(port, f"GET /r/{TOKEN} HTTP/2.0\r\nHost: s\r\n\r\n".encode())
        assert status == 505
        assert receipts.asked == []

    run(scenario)


def test_http_1_0_without_host_is_served():
    async def scenario(port, receipts):
        status, _, body = await exchange(port, f"GET /r/{TOKEN} HTTP/1.0\r\n\r\n".encode())
        assert (status, body) == (200, PDF)

    run(scenario)


def test_a_silent_client_times_out_with_408():
    async def scenario(port, receipts):
        status, _, _ = await exchange(port, b"GET /r/")
        assert status == 408

    run(scenario, head_timeout_s=0.3)


def test_a_failing_fetch_is_500_and_the_server_keeps_serving():
    async def scenario(port, receipts):
        async def broken(token):
            raise RuntimeError("database gone")

        server = ReceiptServer(broken, "127.0.0.1", 0)
        await server.start()
        try:
            status, _, _ = await exchange(server.port, get(f"/r/{TOKEN}"))
            assert status == 500
            status, _, _ = await exchange(server.port, get(f"/r/{TOKEN}"))
            assert status == 500
        finally:
            await server.close()

    run(scenario)
