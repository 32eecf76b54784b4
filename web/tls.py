"""The web server's certificate: the configured one, or a self-signed one made on first start and kept.

A station on a car park's network has no public name a certificate authority could vouch for, so by
default it makes its own (ECDSA P-256, valid 10 years, names: the host name, localhost and the
addresses it has) and keeps it under the state directory: the fingerprint a technician accepts once
stays the same across restarts. docs/web.md says how to install a real one.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

VALID_DAYS = 3650


@dataclass(frozen=True)
class CertificateFiles:
    cert: Path
    key: Path
    generated: bool  # made by the station (self-signed), not configured
    fingerprint_sha256: str  # what a browser shows, colon-separated hex


def ensure_certificate(
    directory: Path, *, cert: str = "", key: str = "", addresses: tuple[str, ...] = ()
) -> CertificateFiles:
    """The configured pair if given (checked readable), else the kept self-signed pair, made if missing."""
    if cert:
        cert_path, key_path = Path(cert), Path(key)
        loaded = x509.load_pem_x509_certificate(cert_path.read_bytes())
        key_path.read_bytes()  # unreadable: fail at start with the path, not at the first connection
        return CertificateFiles(cert_path, key_path, False, _fingerprint(loaded))
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    if cert_path.exists() and key_path.exists():
        loaded = x509.load_pem_x509_certificate(cert_path.read_bytes())
        if loaded.not_valid_after_utc > datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=30):
            return CertificateFiles(cert_path, key_path, True, _fingerprint(loaded))
    private_key = ec.generate_private_key(ec.SECP256R1())
    made = _self_signed(private_key, addresses)
    key_bytes = private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    _write_private(key_path, key_bytes)
    _write_private(cert_path, made.public_bytes(serialization.Encoding.PEM))
    return CertificateFiles(cert_path, key_path, True, _fingerprint(made))


def _self_signed(private_key: ec.EllipticCurvePrivateKey, addresses: tuple[str, ...]) -> x509.Certificate:
    host = socket.gethostname() or "evse-station"
    names: list[x509.GeneralName] = [x509.DNSName(host), x509.DNSName("localhost")]
    for text in {"127.0.0.1", "::1", *addresses}:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(text)))
        except ValueError:
            names.append(x509.DNSName(text))
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host[:64])])
    now = datetime.datetime.now(datetime.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(private_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=VALID_DAYS))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        # RFC 5280 section 4.2.1.9: its own trust anchor, so a browser or client may pin it as a CA.
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(private_key, hashes.SHA256())
    )


def _write_private(path: Path, data: bytes) -> None:
    """Written owner-only and renamed into place, so a crash never leaves half a key."""
    temporary = path.with_suffix(path.suffix + ".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def _fingerprint(certificate: x509.Certificate) -> str:
    return certificate.fingerprint(hashes.SHA256()).hex(":").upper()
