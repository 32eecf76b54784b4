"""Pytest fixtures of the test central systems: py_csms, strict_csms, any_csms, csms_factory, tls_pki."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ocpp_peers.peer import CsmsPeer
from ocpp_peers.py_csms import PyCsms
from ocpp_peers.strict_csms import StrictCsms, missing_prerequisite
from ocpp_peers.tls_pki import TestPki, make_pki

CSMS_KINDS = ("python", "strict")
CsmsFactory = Callable[..., CsmsPeer]


def make_csms(
    kind: str,
    *,
    password: str | None = None,
    pki: TestPki | None = None,
    verify_client: bool = False,
    wrong_cert: bool = False,
    **options: Any,
) -> CsmsPeer:
    """A started central system of `kind`; with `pki` it serves TLS (profile 2, or 3 with verify_client)."""
    if kind == "python":
        context = pki.server_context(verify_client, wrong_cert) if pki else None
        return PyCsms(password=password, ssl_context=context, **options).start()
    if kind == "strict":
        problem = missing_prerequisite()
        if problem:
            # CI must be able to run the strict peer: fail, do not skip.
            pytest.fail(problem, pytrace=False)
        files = pki.server_files(verify_client, wrong_cert) if pki else None
        return StrictCsms(password=password, tls=files, **options).start()
    raise ValueError(f"unknown CSMS kind {kind!r}")


@pytest.fixture(scope="session")
def tls_pki(tmp_path_factory: pytest.TempPathFactory) -> TestPki:
    """A CA, server/client certificates and an unrelated CA, as PEM files in a temporary directory."""
    directory: Path = tmp_path_factory.mktemp("ocpp-pki")
    return make_pki(directory)


@pytest.fixture
def csms_factory() -> Iterator[CsmsFactory]:
    """make(kind, password=, pki=, verify_client=, wrong_cert=): started CSMSs, closed at teardown."""
    made: list[CsmsPeer] = []

    def make(kind: str, **kwargs: Any) -> CsmsPeer:
        csms = make_csms(kind, **kwargs)
        made.append(csms)
        return csms

    yield make
    for csms in reversed(made):
        csms.close()


@pytest.fixture
def py_csms() -> Iterator[PyCsms]:
    """The Python `ocpp` central system on ws://127.0.0.1:<free port>."""
    csms = PyCsms().start()
    try:
        yield csms
    finally:
        csms.close()


@pytest.fixture
def strict_csms() -> Iterator[CsmsPeer]:
    """The strict npm ocpp-rpc central system on ws://127.0.0.1:<free port>."""
    csms = make_csms("strict")
    try:
        yield csms
    finally:
        csms.close()


@pytest.fixture(params=CSMS_KINDS)
def any_csms(request: pytest.FixtureRequest) -> Iterator[CsmsPeer]:
    """Each test that takes it runs once per central system."""
    csms = make_csms(request.param)
    try:
        yield csms
    finally:
        csms.close()
