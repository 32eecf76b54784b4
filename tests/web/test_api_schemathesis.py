"""The whole OpenAPI description against the running station (the paid station on the simulator behind
its web server): schemathesis generates requests for every operation, as an operator's API token and
with no credential; no answer is a server error, every answer matches the description, and
authentication is never ignored. Then every state-changing operation is sent as a browser without its
CSRF token and with no credential at all: each is refused."""

from __future__ import annotations

import asyncio
import os
import re
import sys
from pathlib import Path

import pytest
from web_station import web_station

pytestmark = pytest.mark.sim(chargers=2, realtime_factor=4)
pytest_plugins = ["stripe_fixtures"]

EXAMPLES = int(os.environ.get("EVSE_SCHEMATHESIS_EXAMPLES", "12"))
PUBLIC_CHANGES = {("POST", "/api/v1/auth/login"), ("POST", "/api/v1/drive")}
PUBLIC_PREFIXES = ("/api/v1/drive/",)  # a phone's link: its secret is its credential
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


async def schemathesis(web, workdir: Path, *options: str) -> tuple[int, str]:
    """Runs the schemathesis command against the station (a child process: the station's loop keeps
    serving meanwhile) in `workdir`, where it keeps its cache; (exit code, what it printed)."""
    assert web.server.certificate is not None
    process = await asyncio.create_subprocess_exec(
        str(SCHEMATHESIS),
        "run",
        f"{web.url}/api/v1/openapi.json",
        "--tls-verify",
        str(web.server.certificate.cert),
        "--max-examples",
        str(EXAMPLES),
        "--seed",
        "20261205",
        "--workers",
        "1",
        "--request-timeout",
        "30",
        "--no-color",
        *options,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        env=os.environ | {"SCHEMATHESIS_HOOKS": ""},
        cwd=workdir,
    )
    out, _ = await asyncio.wait_for(process.communicate(), timeout=600)
    return process.returncode or 0, out.decode(errors="replace")


def test_every_operation_answers_as_described_and_never_fails(realtime_sim, tmp_path, fake_stripe):
    async def scenario():
        async with web_station(realtime_sim, tmp_path, fake_stripe=fake_stripe) as web:
            async with web.signed_in("operator") as (http, csrf):
                made = await http.post(
                    "/api/v1/tokens",
                    json={"name": "fuzz", "scopes": ["read", "control", "manage"]},
                    headers=csrf,
                )
                secret = made.json()["secret"]
            auth = ("-H", f"Authorization: Bearer {secret}")
            # positive_data_acceptance expects a 2xx for any request the description allows; a valid
            # request for a charger that does not exist is rightly a 404 here.
            checks = ("--checks", "all", "--exclude-checks", "positive_data_acceptance")
            # The token's own revocation last: revoking it first would leave the rest unauthorised.
            code, out = await schemathesis(web, tmp_path, *checks, *auth, "--exclude-method", "DELETE")
            assert code == 0, out[-8000:]
            assert "Authentication failed" not in out, out[-8000:]
            code, out = await schemathesis(web, tmp_path, *checks, *auth, "--include-method", "DELETE")
            assert code == 0, out[-8000:]
            tested = re.search(r"Tested:\s+(\d+)", out)
            assert tested is not None and int(tested.group(1)) == 1, out[-3000:]

    asyncio.run(scenario())


def test_every_change_without_a_login_or_csrf_token_is_refused(realtime_sim, tmp_path):
    """Every state-changing operation in the description, with a well-formed body: as a browser with
    its session cookie but no CSRF token, and with no credential at all. Nothing but the public ones
    (sign-in, a phone's start and its own link) may answer anything but a refusal."""

    async def scenario():
        async with web_station(realtime_sim, tmp_path) as web, web.signed_in("operator") as (http, _):
            description = (await http.get("/api/v1/openapi.json")).json()
            changes = [
                (method.upper(), path)
                for path, item in description["paths"].items()
                for method in item
                if method in ("post", "put", "patch", "delete")
            ]
            assert len(changes) >= 20
            before = len(web.station.audit(500))
            async with web.client() as anonymous:
                for method, path in changes:
                    url = path.replace("{charger_id}", "CP00").replace("{number}", "1")
                    url = re.sub(r"\{\w+\}", "1", url)
                    public = (method, path) in PUBLIC_CHANGES or path.startswith(PUBLIC_PREFIXES)
                    browser = await http.request(method, url, json={})
                    nobody = await anonymous.request(method, url, json={})
                    if public:
                        continue
                    assert browser.status_code == 403, (method, path, browser.text)
                    assert browser.json()["error"]["code"] == "csrf"
                    assert nobody.status_code == 401, (method, path, nobody.text)
                    assert nobody.json()["error"]["code"] == "not_signed_in"
            # Refused before anything was done: no operation wrote its audit row.
            assert len(web.station.audit(500)) == before

    asyncio.run(scenario())
