"""Blocking file transfer for UpdateFirmware and GetDiagnostics: HTTP(S) GET/PUT/POST and FTP RETR/STOR.

OCPP 1.6 sections 5.19 and 5.9 give only a URI. These functions are plain stdlib (urllib, ftplib),
bounded by a size cap and socket timeouts, and meant to run in a worker thread (asyncio.to_thread)
so the event loop never waits on the network.
"""

from __future__ import annotations

import ftplib
import posixpath
import ssl
import uuid
from pathlib import Path
from typing import BinaryIO
from urllib.error import URLError
from urllib.parse import unquote, urlsplit
from urllib.request import Request, urlopen

CHUNK = 64 * 1024


class TransferError(Exception):
    """The transfer failed (network, server refusal, size cap, unsupported scheme); worth a retry or not."""


def _ftp_session(location: str, timeout_s: float) -> tuple[ftplib.FTP, str]:
    """A logged-in FTP session (anonymous when the URI has no user) and the URI's path, unquoted."""
    url = urlsplit(location)
    ftp = ftplib.FTP(timeout=timeout_s)
    try:
        ftp.connect(url.hostname or "", url.port or 21)
        ftp.login(unquote(url.username or "anonymous"), unquote(url.password or ""))
        ftp.voidcmd("TYPE I")
    except BaseException:
        ftp.close()
        raise
    return ftp, unquote(url.path)


def _copy_capped(source: BinaryIO, sink: BinaryIO, max_bytes: int) -> int:
    total = 0
    while chunk := source.read(CHUNK):
        total += len(chunk)
        if total > max_bytes:
            raise TransferError(f"more than {max_bytes} bytes: refused")
        sink.write(chunk)
    return total


def download(
    location: str, dest: Path, *, max_bytes: int, timeout_s: float, ssl_context: ssl.SSLContext | None = None
) -> int:
    """Fetches `location` (http, https, ftp) into `dest`; returns its size. Blocking.

    HTTPS checks the server certificate against `ssl_context`, by default the system CA bundle.
    """
    scheme = urlsplit(location).scheme.lower()
    if scheme not in ("http", "https", "ftp"):
        raise TransferError(f"unsupported scheme {scheme!r}: use http, https or ftp")
    try:
        with open(dest, "wb") as sink:
            if scheme in ("http", "https"):
                context = (ssl_context or ssl.create_default_context()) if scheme == "https" else None
                with urlopen(Request(location), timeout=timeout_s, context=context) as response:
                    length = response.headers.get("Content-Length")
                    if length is not None and int(length) > max_bytes:
                        raise TransferError(f"{length} bytes announced, more than {max_bytes}: refused")
                    size = _copy_capped(response, sink, max_bytes)
                    if length is not None and size != int(length):
                        raise TransferError(f"connection closed after {size} of {length} bytes")
                    return size
            return _ftp_retrieve(location, sink, max_bytes, timeout_s)
    except (OSError, URLError, ftplib.Error, ValueError) as exc:
        raise TransferError(f"download failed: {exc}") from exc


def _ftp_retrieve(location: str, sink: BinaryIO, max_bytes: int, timeout_s: float) -> int:
    ftp, path = _ftp_session(location, timeout_s)
    total = 0

    def write(chunk: bytes) -> None:
        nonlocal total
        total += len(chunk)
        if total > max_bytes:
            raise TransferError(f"more than {max_bytes} bytes: refused")
        sink.write(chunk)

    with ftp:
        ftp.retrbinary(f"RETR {path}", write, blocksize=CHUNK)
    return total


def upload(
    location: str,
    source: Path,
    *,
    timeout_s: float,
    http_method: str = "PUT",
    ssl_context: ssl.SSLContext | None = None,
) -> str:
    """Sends `source` to the directory URI `location`; returns where it went. Blocking.

    FTP: STOR under the location's directory. HTTP(S) PUT: to location/<file name>. HTTP(S) POST:
    multipart/form-data to the location itself, the file in the field "file" (RFC 7578).
    """
    url = urlsplit(location)
    scheme = url.scheme.lower()
    name = source.name
    try:
        if scheme == "ftp":
            ftp, directory = _ftp_session(location, timeout_s)
            target = posixpath.join(directory or "/", name)
            with ftp, open(source, "rb") as handle:
                ftp.storbinary(f"STOR {target}", handle, blocksize=CHUNK)
            return target
        if scheme in ("http", "https"):
            context = (ssl_context or ssl.create_default_context()) if scheme == "https" else None
            request = _http_request(location, source, http_method)
            with urlopen(request, timeout=timeout_s, context=context) as response:
                response.read()
            return request.full_url
    except (OSError, URLError, ftplib.Error, ValueError) as exc:
        raise TransferError(f"upload failed: {exc}") from exc
    raise TransferError(f"unsupported scheme {scheme!r}: use http, https or ftp")


def _http_request(location: str, source: Path, method: str) -> Request:
    data = source.read_bytes()  # diagnostics archives are capped by their builder
    if method == "PUT":
        url = location if location.endswith("/") else location + "/"
        return Request(url + source.name, data=data, method="PUT", headers=_octets(len(data)))
    if method == "POST":
        boundary = uuid.uuid4().hex
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{source.name}"\r\n'
            "Content-Type: application/gzip\r\n\r\n"
        ).encode()
        body = head + data + f"\r\n--{boundary}--\r\n".encode()
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        return Request(location, data=body, method="POST", headers=headers)
    raise TransferError(f"HTTP method {method!r}: PUT or POST")


def _octets(size: int) -> dict[str, str]:
    return {"Content-Type": "application/gzip", "Content-Length": str(size)}
