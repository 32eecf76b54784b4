#!/usr/bin/env python3
"""Builds and signs an update package for UpdateFirmware, or makes a vendor key pair (docs/ocpp-firmware.md).

    make_update_package.py keygen vendor-key.pem vendor-key.pub.pem
    make_update_package.py build --key vendor-key.pem --target esp32 --version 1.4.0 \\
        --out evse-esp32-1.4.0.tar.gz bootloader.bin@0x1000 partitions.bin@0x8000 firmware.bin@0x10000
    make_update_package.py build --key vendor-key.pem --target station --version 0.2.0 \\
        --out evse-station-0.2.0.tar.gz dist/evse_station-0.2.0-py3-none-any.whl
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.updates.package_format import TARGETS, PackageError, build_package


def keygen(private_path: Path, public_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    # The signing key is the vendor's secret: owner-only from the moment it exists.
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(private_pem)
    public_path.write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )


def _payload(spec: str) -> tuple[Path, int | None]:
    """FILE or FILE@OFFSET (flash address of an ESP32 image, e.g. 0x10000)."""
    path, _, offset = spec.partition("@")
    return Path(path), int(offset, 0) if offset else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    gen = commands.add_parser("keygen", help="make an Ed25519 key pair (private key written 0600)")
    gen.add_argument("private", type=Path)
    gen.add_argument("public", type=Path)
    build = commands.add_parser("build", help="build and sign a package")
    build.add_argument("--key", type=Path, required=True, help="the vendor's Ed25519 private key (PEM)")
    build.add_argument("--target", choices=TARGETS, required=True)
    build.add_argument("--version", required=True)
    build.add_argument("--out", type=Path, required=True)
    build.add_argument("payloads", nargs="+", help="FILE, or FILE@OFFSET for an ESP32 image")
    args = parser.parse_args(argv)
    if args.command == "keygen":
        keygen(args.private, args.public)
        return 0
    key = serialization.load_pem_private_key(args.key.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        print(f"{args.key}: not an Ed25519 private key", file=sys.stderr)
        return 2
    try:
        manifest = build_package(
            args.out,
            target=args.target,
            version=args.version,
            payloads=[_payload(p) for p in args.payloads],
            private_key=key,
        )
    except (PackageError, OSError, ValueError) as exc:
        print(f"package not built: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(manifest, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
