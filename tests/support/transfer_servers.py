"""Real file servers on 127.0.0.1 for the UpdateFirmware / GetDiagnostics tests: HTTP(S), FTP, a test CA.

The HTTP server serves GET from a directory (optionally failing the first requests with 503) and
records every PUT and POST it receives; the FTP server is pyftpdlib with one user. Both run in a
thread of the test process and are stopped by the fixture that started them.
"""

from __future__ import annotations

import datetime
import ipaddress
import logging
import ssl
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.x509.oid import NameOID

with warnings.catch_warnings():
    # pyftpdlib 2.x still imports the standard library's deprecated asyncore/asynchat (Python 3.11).
    warnings.simplefilter("ignore", DeprecationWarning)
    from pyftpdlib.authorizers import DummyAuthorizer
    from pyftpdlib.handlers import FTPHandler
    from pyftpdlib.servers import FTPServer

FTP_USER, FTP_PASSWORD = "station", "s3cret-ftp"


@dataclass
class Received:
    """One PUT or POST as the server saw it."""

    method: str
    path: str
    content_type: str
    body: bytes


@dataclass
class HttpFiles:
    """A running HTTP(S) server: `root` is served, `received` fills up, `fail_next` answers 503 that often."""

    base_url: str
    root: Path
    received: list[Received] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)
    fail_next: int = 0
    upload_status: int = 201


def _handler(state: HttpFiles) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # quiet test output
            pass

        def _failing(self) -> bool:
            if state.fail_next > 0:
                state.fail_next -= 1
                self.send_error(503)
                return True
            return False

        def do_GET(self) -> None:
            state.requested.append(self.path)
            if self._failing():
                return
            file = state.root / self.path.lstrip("/")
            if not file.is_file():
                self.send_error(404)
                return
            data = file.read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _receive(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            state.requested.append(self.path)
            if self._failing():
                return
            state.received.append(
                Received(self.command, self.path, self.headers.get("Content-Type", ""), body)
            )
            self.send_response(state.upload_status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_PUT = _receive
        do_POST = _receive

    return Handler


def _serve_http(root: Path, context: ssl.SSLContext | None) -> Iterator[HttpFiles]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    scheme = "https" if context else "http"
    state = HttpFiles(f"{scheme}://127.0.0.1:{server.server_address[1]}", root)
    server.RequestHandlerClass = _handler(state)
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@dataclass(frozen=True)
class LoopbackCa:
    """A CA and a server certificate for 127.0.0.1 signed by it, as PEM files."""

    ca_file: Path
    cert_file: Path
    key_file: Path

    def client_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.ca_file))

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(self.cert_file), str(self.key_file))
        return context


def make_test_ca(directory: Path) -> LoopbackCa:
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test Vendor CA")])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca = LoopbackCa(directory / "ca.pem", directory / "server.pem", directory / "server.key")
    ca.ca_file.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    ca.cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    ca.key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return ca


@dataclass(frozen=True)
class FtpFiles:
    """A running FTP server: `root` is the user's home; `url(path)` carries the login."""

    port: int
    root: Path

    def url(self, path: str) -> str:
        return f"ftp://{FTP_USER}:{FTP_PASSWORD}@127.0.0.1:{self.port}/{path.lstrip('/')}"


@dataclass(frozen=True)
class VendorKeys:
    """The vendor's Ed25519 key pair (the station holds only the public PEM)."""

    private: Ed25519PrivateKey
    public_pem: Path


@pytest.fixture
def vendor_keys(tmp_path: Path) -> VendorKeys:
    key = Ed25519PrivateKey.generate()
    pem = tmp_path / "vendor.pub.pem"
    pem.write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return VendorKeys(key, pem)


@pytest.fixture
def http_files(tmp_path: Path) -> Iterator[HttpFiles]:
    root = tmp_path / "http-root"
    root.mkdir()
    yield from _serve_http(root, None)


@pytest.fixture
def transfer_ca(tmp_path: Path) -> LoopbackCa:
    directory = tmp_path / "pki"
    directory.mkdir()
    return make_test_ca(directory)


@pytest.fixture
def https_files(tmp_path: Path, transfer_ca: LoopbackCa) -> Iterator[HttpFiles]:
    root = tmp_path / "https-root"
    root.mkdir()
    yield from _serve_http(root, transfer_ca.server_context())


@pytest.fixture
def ftp_files(tmp_path: Path) -> Iterator[FtpFiles]:
    root = tmp_path / "ftp-root"
    root.mkdir()
    authorizer = DummyAuthorizer()
    authorizer.add_user(FTP_USER, FTP_PASSWORD, str(root), perm="elradfmwMT")
    handler = type("TestFtpHandler", (FTPHandler,), {"authorizer": authorizer, "banner": "test ftp"})
    logging.getLogger("pyftpdlib").setLevel(logging.WARNING)
    server = FTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"timeout": 0.05, "handle_exit": False}, daemon=True
    )
    thread.start()
    try:
        yield FtpFiles(server.address[1], root)
    finally:
        server.close_all()
        thread.join(5)
