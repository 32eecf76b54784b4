"""A throw-away TLS test PKI: a CA, server and client certificates, and an unrelated CA to refuse."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import ssl
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

Key = ec.EllipticCurvePrivateKey
VALIDITY = dt.timedelta(days=30)


@dataclass(frozen=True)
class TlsFiles:
    """What a central system process needs to serve TLS: PEM paths, and whether to require client certs."""

    cert: Path
    key: Path
    ca: Path | None = None
    verify_client: bool = False


@dataclass(frozen=True)
class TestPki:
    """Paths of the PEM files; keys are readable by the owner only."""

    __test__ = False  # not a pytest test class despite its name

    directory: Path
    ca_cert: Path
    ca_key: Path
    server_cert: Path
    server_key: Path
    client_cert: Path
    client_key: Path
    client_identity: str
    wrong_ca_cert: Path
    wrong_ca_key: Path
    wrong_server_cert: Path
    wrong_server_key: Path

    def server_context(self, verify_client: bool = False, wrong: bool = False) -> ssl.SSLContext:
        """The central system's context; `verify_client` requires a client certificate from the test CA
        (security profile 3); `wrong` serves the certificate of the unrelated CA instead."""
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2  # OCPP 1.6 security whitepaper: TLS 1.2 or newer
        if wrong:
            ctx.load_cert_chain(self.wrong_server_cert, self.wrong_server_key)
        else:
            ctx.load_cert_chain(self.server_cert, self.server_key)
        if verify_client:
            ctx.verify_mode = ssl.CERT_REQUIRED
            ctx.load_verify_locations(self.ca_cert)
        return ctx

    def server_files(self, verify_client: bool = False, wrong: bool = False) -> TlsFiles:
        """The same choice as server_context(), as file paths for a central system in another process."""
        if wrong:
            return TlsFiles(self.wrong_server_cert, self.wrong_server_key, self.ca_cert, verify_client)
        return TlsFiles(self.server_cert, self.server_key, self.ca_cert, verify_client)

    def client_context(self, trust_wrong_ca: bool = False, with_client_cert: bool = False) -> ssl.SSLContext:
        """A charge point's context trusting the test CA (or only the unrelated one)."""
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        ctx.load_verify_locations(self.wrong_ca_cert if trust_wrong_ca else self.ca_cert)
        if with_client_cert:
            ctx.load_cert_chain(self.client_cert, self.client_key)
        return ctx


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "EVSE station tests"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _certificate(
    subject: str,
    key: Key,
    issuer: tuple[x509.Certificate, Key] | None,
    *,
    is_ca: bool,
    usage: x509.ObjectIdentifier | None = None,
    san: bool = False,
) -> x509.Certificate:
    now = dt.datetime.now(dt.UTC)
    issuer_name = issuer[0].subject if issuer else _name(subject)
    signing_key = issuer[1] if issuer else key
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + VALIDITY)
        .add_extension(x509.BasicConstraints(ca=is_ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if issuer:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer[1].public_key()), critical=False
        )
    if is_ca:
        builder = builder.add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
    else:
        builder = builder.add_extension(
            x509.KeyUsage(True, False, True, False, False, False, False, False, False), critical=True
        )
    if usage is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
    if san:
        names: list[x509.GeneralName] = [
            x509.DNSName("localhost"),
            x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
        ]
        builder = builder.add_extension(x509.SubjectAlternativeName(names), critical=False)
    return builder.sign(signing_key, hashes.SHA256())


def _write_cert(path: Path, cert: x509.Certificate) -> Path:
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


def _write_key(path: Path, key: Key) -> Path:
    data = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    # Created with owner-only permissions from the start, never world-readable for a moment.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.chmod(path, 0o600)
    return path


def make_pki(directory: Path, client_identity: str = "CP1") -> TestPki:
    """Creates the CA, server, client and wrong-CA files in `directory`; returns their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    keys = {name: ec.generate_private_key(ec.SECP256R1()) for name in ("ca", "srv", "cli", "wca", "wsrv")}
    ca = _certificate("EVSE test CA", keys["ca"], None, is_ca=True)
    server = _certificate(
        "localhost",
        keys["srv"],
        (ca, keys["ca"]),
        is_ca=False,
        usage=ExtendedKeyUsageOID.SERVER_AUTH,
        san=True,
    )
    client = _certificate(
        client_identity, keys["cli"], (ca, keys["ca"]), is_ca=False, usage=ExtendedKeyUsageOID.CLIENT_AUTH
    )
    wrong_ca = _certificate("Unrelated test CA", keys["wca"], None, is_ca=True)
    wrong_server = _certificate(
        "localhost",
        keys["wsrv"],
        (wrong_ca, keys["wca"]),
        is_ca=False,
        usage=ExtendedKeyUsageOID.SERVER_AUTH,
        san=True,
    )
    d = directory
    return TestPki(
        directory=d,
        ca_cert=_write_cert(d / "ca.pem", ca),
        ca_key=_write_key(d / "ca.key", keys["ca"]),
        server_cert=_write_cert(d / "server.pem", server),
        server_key=_write_key(d / "server.key", keys["srv"]),
        client_cert=_write_cert(d / "client.pem", client),
        client_key=_write_key(d / "client.key", keys["cli"]),
        client_identity=client_identity,
        wrong_ca_cert=_write_cert(d / "wrong_ca.pem", wrong_ca),
        wrong_ca_key=_write_key(d / "wrong_ca.key", keys["wca"]),
        wrong_server_cert=_write_cert(d / "wrong_server.pem", wrong_server),
        wrong_server_key=_write_key(d / "wrong_server.key", keys["wsrv"]),
    )
