"""The signed update package: a tar.gz holding manifest.json, its Ed25519 signature and the payload files.

OCPP 1.6 UpdateFirmware (section 5.19) carries only a location, so nothing on the wire vouches for
what is downloaded; the package carries its own proof instead. The vendor signs the exact bytes of
manifest.json, and the manifest names every payload file with its size and SHA-256, so one
signature check covers every byte that gets installed (docs/ocpp-firmware.md).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key

MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
FORMAT_VERSION = 1
TARGETS = ("esp32", "station")
_FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.+\-]{0,127}$")
_VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.+\-]{0,63}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class PackageError(Exception):
    """The package is unusable: malformed, too large, badly signed or a payload does not match."""


@dataclass(frozen=True)
class PayloadFile:
    """One payload file as the manifest lists it; `offset` is the flash address of an ESP32 image."""

    name: str
    sha256: str
    size: int
    offset: int | None = None


@dataclass(frozen=True)
class VerifiedPackage:
    """A package whose signature and checksums held, with its payloads extracted into `directory`."""

    target: str
    version: str
    files: tuple[PayloadFile, ...]
    directory: Path
    manifest: dict[str, Any]

    def path(self, payload: PayloadFile) -> Path:
        return self.directory / payload.name


def load_public_key(pem_path: Path) -> Ed25519PublicKey:
    """The vendor's Ed25519 public key from a PEM file."""
    key = load_pem_public_key(pem_path.read_bytes())
    if not isinstance(key, Ed25519PublicKey):
        raise PackageError(f"{pem_path}: not an Ed25519 public key")
    return key


def _parse_manifest(raw: bytes) -> tuple[str, str, tuple[PayloadFile, ...], dict[str, Any]]:
    try:
        manifest = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackageError(f"{MANIFEST_NAME}: not JSON ({exc})") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
        raise PackageError(f"{MANIFEST_NAME}: format must be {FORMAT_VERSION}")
    target, version, entries = manifest.get("target"), manifest.get("version"), manifest.get("files")
    if target not in TARGETS:
        raise PackageError(f"{MANIFEST_NAME}: target must be one of {', '.join(TARGETS)}")
    if not isinstance(version, str) or not _VERSION.match(version):
        raise PackageError(f"{MANIFEST_NAME}: bad version {version!r}")
    if not isinstance(entries, list) or not entries:
        raise PackageError(f"{MANIFEST_NAME}: files must be a non-empty list")
    files: list[PayloadFile] = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise PackageError(f"{MANIFEST_NAME}: each file entry must be an object")
        name, digest, size, offset = (
            entry.get("name"),
            entry.get("sha256"),
            entry.get("size"),
            entry.get("offset"),
        )
        if not isinstance(name, str) or not _FILE_NAME.match(name) or name in (MANIFEST_NAME, SIGNATURE_NAME):
            raise PackageError(f"{MANIFEST_NAME}: bad file name {name!r}")
        if not isinstance(digest, str) or not _SHA256.match(digest):
            raise PackageError(f"{MANIFEST_NAME}: {name}: sha256 must be 64 lower-case hex digits")
        if not isinstance(size, int) or size < 0:
            raise PackageError(f"{MANIFEST_NAME}: {name}: bad size")
        if offset is not None and (not isinstance(offset, int) or offset < 0):
            raise PackageError(f"{MANIFEST_NAME}: {name}: bad offset")
        files.append(PayloadFile(name, digest, size, offset))
    if len({f.name for f in files}) != len(files):
        raise PackageError(f"{MANIFEST_NAME}: a file is listed twice")
    if target == "esp32" and any(f.offset is None for f in files):
        raise PackageError(f"{MANIFEST_NAME}: every esp32 image needs its flash offset")
    return target, version, tuple(files), manifest


def verify_package(
    archive: Path, public_key: Ed25519PublicKey, into: Path, *, max_bytes: int
) -> VerifiedPackage:
    """Checks the signature, then every payload's size and SHA-256, extracting payloads into `into`.

    Nothing is written before the signature held, members are only regular files at the top level
    (no links, no paths), and files the manifest does not list are refused: a package is exactly
    what the vendor signed.
    """
    try:
        tar = tarfile.open(archive, "r:*")  # noqa: SIM115 (closed by the with below; open errors differ)
    except (tarfile.TarError, OSError) as exc:
        raise PackageError(f"not a tar archive ({exc})") from exc
    with tar:
        members: dict[str, tarfile.TarInfo] = {}
        total = 0
        for member in tar.getmembers():
            if not member.isfile() or "/" in member.name or member.name in members:
                raise PackageError(f"member {member.name!r}: only plain top-level files are allowed")
            total += member.size
            if total > max_bytes:
                raise PackageError(f"package holds more than {max_bytes} bytes")
            members[member.name] = member
        if MANIFEST_NAME not in members or SIGNATURE_NAME not in members:
            raise PackageError(f"{MANIFEST_NAME} and {SIGNATURE_NAME} are required")

        def read(name: str) -> bytes:
            handle = tar.extractfile(members[name])
            assert handle is not None  # isfile() was checked
            return handle.read()

        raw_manifest = read(MANIFEST_NAME)
        try:
            public_key.verify(read(SIGNATURE_NAME), raw_manifest)
        except InvalidSignature as exc:
            raise PackageError("signature does not match the vendor key") from exc
        target, version, files, manifest = _parse_manifest(raw_manifest)
        listed = {f.name for f in files} | {MANIFEST_NAME, SIGNATURE_NAME}
        if set(members) != listed:
            raise PackageError(f"files differ from the manifest: {sorted(set(members) ^ listed)}")
        into.mkdir(parents=True, exist_ok=True)
        for payload in files:
            data = read(payload.name)
            if len(data) != payload.size or hashlib.sha256(data).hexdigest() != payload.sha256:
                raise PackageError(f"{payload.name}: size or SHA-256 differs from the manifest")
            (into / payload.name).write_bytes(data)
    return VerifiedPackage(target, version, files, into, manifest)


def build_package(
    out: Path,
    *,
    target: str,
    version: str,
    payloads: list[tuple[Path, int | None]],
    private_key: Ed25519PrivateKey,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Writes a signed package of (file, flash offset or None) payloads; returns its manifest."""
    entries = []
    for path, offset in payloads:
        data = path.read_bytes()
        entry: dict[str, Any] = {
            "name": path.name,
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
        }
        if offset is not None:
            entry["offset"] = offset
        entries.append(entry)
    manifest = {
        "format": FORMAT_VERSION,
        "target": target,
        "version": version,
        "files": entries,
        **(extra or {}),
    }
    raw = json.dumps(manifest, indent=2, sort_keys=True).encode()
    _parse_manifest(raw)  # the builder refuses what the station would refuse
    with tarfile.open(out, "w:gz") as tar:
        for name, data in ((MANIFEST_NAME, raw), (SIGNATURE_NAME, private_key.sign(raw))):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        for path, _offset in payloads:
            tar.add(path, arcname=path.name, recursive=False)
    return manifest
