"""GetDiagnostics on loopback: an archive of logs, ledger rows and configuration, uploaded by HTTP(S)/FTP."""

from __future__ import annotations

import asyncio
import io
import json
import os
import tarfile
from datetime import UTC, datetime, timedelta
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import Engine

from app.db.event_log import log_event
from app.ocpp.diagnostics import DiagnosticsUploader, redact

if TYPE_CHECKING:
    from transfer_servers import FtpFiles, HttpFiles, LoopbackCa

pytest_plugins = ["db_fixtures", "transfer_servers"]

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
CONFIG = {
    "station_name": "Stesen 1",
    "ocpp": {
        "url": "wss://cp-17:pa55word@csms.example/ocpp",
        "AuthorizationKey": "0123456789abcdef",
        "WebSocketPingInterval": 60,
    },
    "payments": {"stripe_api_key": "sk_live_x", "admin_pin": "4321", "currency": "MYR"},
}


class JumpClock:
    def __init__(self) -> None:
        self.time = T0
        self.sleeps: list[float] = []

    def now(self) -> datetime:
        return self.time

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.time += timedelta(seconds=seconds)
        await asyncio.sleep(0)


class Station:
    def __init__(self, tmp: Path, *, engine: Engine | None = None, **options: object) -> None:
        self.sent: list[str] = []
        self.seen: list[str] = []
        self.clock = JumpClock()
        log_dir = tmp / "logs"
        log_dir.mkdir(parents=True)
        (log_dir / "station.log").write_text("2025-03-01 11:00 charger CP-01 connected\n")
        old = log_dir / "station.log.3"
        old.write_text("ancient\n")
        stamp = (T0 - timedelta(days=30)).timestamp()
        os.utime(old, (stamp, stamp))

        async def notify(status: str) -> None:
            self.sent.append(status)
            self.seen.append(self.uploader.status)  # what a TriggerMessage would report at that moment

        self.uploader = DiagnosticsUploader(
            notify,
            self.clock,
            identity="CP 17",
            work_dir=tmp / "diag-work",
            engine=engine,
            log_dir=log_dir,
            configuration=lambda: CONFIG,
            **options,
        )

    def run(self, payload: dict) -> str | None:
        async def scenario() -> str | None:
            name = self.uploader.get_diagnostics(payload)
            await self.uploader.wait()
            return name

        return asyncio.run(scenario())


def members(archive: bytes) -> dict[str, bytes]:
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz") as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers()}


def test_http_put_uploads_the_window_of_the_event_log_and_the_redacted_configuration(
    tmp_path: Path, ledger: Engine, http_files: HttpFiles
) -> None:
    with ledger.begin() as db:
        for hours, code in ((-5, "E-BEFORE"), (-1, "F-IN-1"), (0, "F-IN-2"), (3, "E-AFTER")):
            kind = "fault" if code.startswith("F") else "event"
            log_event(db, kind=kind, severity="error", code=code, message=code, charger_id="CP-01",
                      at=T0 + timedelta(hours=hours))  # fmt: skip
    station = Station(tmp_path, engine=ledger)
    name = station.run({
        "location": f"{http_files.base_url}/diag",
        "startTime": (T0 - timedelta(hours=2)).isoformat(),
        "stopTime": (T0 + timedelta(hours=1)).isoformat().replace("+00:00", "Z"),
        "retries": 2,
        "retryInterval": 10,
    })  # fmt: skip
    assert name == "CP_17-diagnostics-20250301T120000Z.tar.gz"
    assert station.sent == ["Uploading", "Uploaded"]
    [put] = http_files.received
    assert (put.method, put.path) == ("PUT", f"/diag/{name}")
    files = members(put.body)
    assert sorted(files) == ["configuration.json", "event_log.jsonl", "logs/station.log", "summary.json"]
    events = [json.loads(line) for line in files["event_log.jsonl"].decode().splitlines()]
    assert [e["code"] for e in events] == ["F-IN-1", "F-IN-2"]
    assert events[0]["kind"] == "fault" and events[0]["charger_id"] == "CP-01"
    config = json.loads(files["configuration.json"])
    assert config["ocpp"] == {
        "url": "wss://cp-17:***@csms.example/ocpp",
        "AuthorizationKey": "***",
        "WebSocketPingInterval": 60,
    }
    assert config["payments"] == {"stripe_api_key": "***", "admin_pin": "***", "currency": "MYR"}
    assert b"pa55word" not in put.body and b"sk_live_x" not in put.body
    assert files["logs/station.log"].startswith(b"2025-03-01 11:00")
    assert json.loads(files["summary.json"])["events"] == 2


def test_http_post_sends_multipart_form_data(tmp_path: Path, http_files: HttpFiles) -> None:
    station = Station(tmp_path, http_method="POST")
    name = station.run({"location": f"{http_files.base_url}/upload"})
    assert station.sent == ["Uploading", "Uploaded"]
    [post] = http_files.received
    assert (post.method, post.path) == ("POST", "/upload")
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {post.content_type}\r\n\r\n".encode() + post.body
    )
    [part] = list(message.iter_parts())
    assert part.get_param("name", header="content-disposition") == "file"
    assert part.get_filename() == name
    # Without startTime every log file is included, the old rotated one too.
    assert sorted(members(part.get_payload(decode=True))) == [
        "configuration.json", "event_log.jsonl", "logs/station.log", "logs/station.log.3", "summary.json"
    ]  # fmt: skip


def test_https_upload_trusts_only_the_configured_ca(
    tmp_path: Path, https_files: HttpFiles, transfer_ca: LoopbackCa
) -> None:
    untrusting = Station(tmp_path / "a")
    assert untrusting.run({"location": https_files.base_url, "retries": 1}) is not None
    assert untrusting.sent == ["Uploading", "UploadFailed"]
    assert https_files.received == []

    trusting = Station(tmp_path / "b", ssl_context=transfer_ca.client_context())
    name = trusting.run({"location": https_files.base_url, "retries": 1})
    assert trusting.sent == ["Uploading", "Uploaded"]
    assert [r.path for r in https_files.received] == [f"/{name}"]


def test_ftp_upload_stores_the_archive_in_the_location_directory(tmp_path: Path, ftp_files: FtpFiles) -> None:
    (ftp_files.root / "incoming").mkdir()
    station = Station(tmp_path)
    name = station.run({"location": ftp_files.url("incoming")})
    assert station.sent == ["Uploading", "Uploaded"]
    assert "summary.json" in members((ftp_files.root / "incoming" / name).read_bytes())


def test_upload_is_retried_at_the_interval_then_reported_failed(
    tmp_path: Path, http_files: HttpFiles
) -> None:
    http_files.fail_next = 1
    station = Station(tmp_path)
    station.run({"location": http_files.base_url, "retries": 3, "retryInterval": 20})
    assert station.sent == ["Uploading", "Uploading", "Uploaded"]
    assert station.clock.sleeps == [20]

    http_files.fail_next = 99
    station.sent.clear()
    station.clock.sleeps.clear()
    station.clock.time += timedelta(seconds=1)  # a new file name
    station.run({"location": http_files.base_url, "retries": 2, "retryInterval": 7})
    assert station.sent == ["Uploading", "Uploading", "UploadFailed"]
    assert station.clock.sleeps == [7]
    assert not (tmp_path / "diag-work").exists()


def test_a_second_request_while_uploading_gets_no_file_name(tmp_path: Path, http_files: HttpFiles) -> None:
    http_files.fail_next = 99
    station = Station(tmp_path)

    async def scenario() -> tuple[str | None, str | None]:
        first = station.uploader.get_diagnostics({"location": http_files.base_url, "retries": 2})
        second = station.uploader.get_diagnostics({"location": http_files.base_url})
        await station.uploader.wait()
        assert station.uploader.status == "Idle"
        return first, second

    first, second = asyncio.run(scenario())
    assert first is not None and second is None
    assert station.sent == ["Uploading", "Uploading", "UploadFailed"]
    assert station.seen == station.sent


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("password", "x", "***"),
        ("AuthorizationKey", "x", "***"),
        ("private_key_path", "/etc/k.pem", "***"),
        ("WebSocketPingInterval", 30, 30),
        ("pin", "1234", "***"),
        ("shipping", "yes", "yes"),
        ("url", "ftp://user:secret@host/dir", "ftp://user:***@host/dir"),
        ("url", "https://host/path", "https://host/path"),
    ],
)
def test_redact(name: str, value: object, expected: object) -> None:
    assert redact({name: value}) == {name: expected}
