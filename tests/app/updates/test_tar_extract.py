"""Release tarballs are extracted safely on every supported Python, with and without the "data" filter."""

from __future__ import annotations

import io
import os
import stat
import tarfile
from pathlib import Path

import pytest

from app.updates.station_release import InstallError, _extract_tree
from app.updates.tar_extract import UnsafeArchiveError, extract_members

# None: what this interpreter does by default (the filter from 3.11.4); False: the explicit checks,
# which are what runs on Debian 12's 3.11.2, so they are exercised whatever Python runs the tests.
PATHS = [pytest.param(None, id="default"), pytest.param(False, id="explicit-checks")]


def _archive(path: Path, entries: list[tarfile.TarInfo | tuple[tarfile.TarInfo, bytes]]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for entry in entries:
            info, data = entry if isinstance(entry, tuple) else (entry, b"")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data) if data else None)
    return path


def _file(name: str, data: bytes = b"x", mode: int = 0o644, uid: int = 4321) -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.mode, info.uid, info.gid, info.uname, info.gname = mode, uid, uid, "mallory", "mallory"
    return info, data


def _link(name: str, target: str, kind: bytes) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, target
    return info


def _special(name: str, kind: bytes) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    return info


def _extract(archive: Path, into: Path, use_filter: bool | None) -> None:
    into.mkdir(exist_ok=True)
    with tarfile.open(archive) as tar:
        extract_members(tar, tar.getmembers(), into, use_filter=use_filter)


@pytest.mark.parametrize("use_filter", PATHS)
def test_a_good_release_extracts_with_its_contents_and_safe_permissions(tmp_path: Path, use_filter) -> None:
    archive = _archive(
        tmp_path / "good.tar.gz",
        [
            _file("app/__init__.py", b"print('hi')\n", mode=0o4777),
            _file("bin/run", b"#!/bin/sh\n", mode=0o775),
            _link("app/alias.py", "__init__.py", tarfile.SYMTYPE),
            _link("app/hard.py", "app/__init__.py", tarfile.LNKTYPE),
        ],
    )
    into = tmp_path / "out"
    _extract(archive, into, use_filter)
    assert (into / "app/__init__.py").read_bytes() == b"print('hi')\n"
    assert (into / "app/alias.py").read_bytes() == b"print('hi')\n"
    assert (into / "app/hard.py").read_bytes() == b"print('hi')\n"
    mode = stat.S_IMODE((into / "app/__init__.py").stat().st_mode)
    assert not mode & (stat.S_ISUID | stat.S_ISGID | stat.S_IWGRP | stat.S_IWOTH), oct(mode)
    assert stat.S_IMODE((into / "bin/run").stat().st_mode) & stat.S_IXUSR
    # The archive's owner (uid 4321) is never applied, even when extracting as root.
    assert (into / "app/__init__.py").stat().st_uid == os.getuid()


UNSAFE = {
    "absolute path": [_file("/tmp/evil")],
    "dot-dot path": [_file("app/../../evil")],
    "symlink out": [_link("escape", "../../outside", tarfile.SYMTYPE)],
    "absolute symlink": [_link("escape", "/etc/passwd", tarfile.SYMTYPE)],
    "hard link out": [_link("escape", "../outside", tarfile.LNKTYPE)],
    "absolute hard link": [_link("escape", "/etc/passwd", tarfile.LNKTYPE)],
    "character device": [_special("dev", tarfile.CHRTYPE)],
    "block device": [_special("dev", tarfile.BLKTYPE)],
    "fifo": [_special("pipe", tarfile.FIFOTYPE)],
}


@pytest.mark.parametrize("use_filter", PATHS)
@pytest.mark.parametrize("case", sorted(UNSAFE))
def test_an_unsafe_member_is_refused_and_nothing_is_written(tmp_path: Path, case: str, use_filter) -> None:
    archive = _archive(tmp_path / "bad.tar.gz", [_file("first.txt"), *UNSAFE[case]])
    into = tmp_path / "out"
    with pytest.raises(UnsafeArchiveError):
        _extract(archive, into, use_filter)
    assert list(into.iterdir()) == []
    assert not (tmp_path / "evil").exists() and not Path("/tmp/evil").exists()


@pytest.mark.parametrize("use_filter", PATHS)
def test_a_file_written_through_links_extracted_just_before_is_refused(tmp_path: Path, use_filter) -> None:
    # Before extraction every name resolves inside ("l2" does not exist yet, so "l2/.." is the root);
    # once "l2" points at ".", "l1" is the parent of the target. Only a check of each member against
    # what is already on disk catches the file written through it.
    archive = _archive(
        tmp_path / "bad.tar.gz",
        [
            _link("l1", "l2/..", tarfile.SYMTYPE),
            _link("l2", ".", tarfile.SYMTYPE),
            _file("l1/evil"),
        ],
    )
    with pytest.raises(UnsafeArchiveError):
        _extract(archive, tmp_path / "out", use_filter)
    assert not (tmp_path / "evil").exists()


def test_the_installer_reports_an_unsafe_release_as_an_install_error(tmp_path: Path) -> None:
    archive = _archive(
        tmp_path / "release.tar.gz",
        [_file("evse-station-2.0.0/app/__init__.py"), _link("evse-station-2.0.0/x", "/etc", tarfile.SYMTYPE)],
    )
    (tmp_path / "staging").mkdir()
    with pytest.raises(InstallError, match="unsafe release archive"):
        _extract_tree(archive, tmp_path / "staging")


def test_the_installer_strips_the_top_directory_from_names_and_hard_links(tmp_path: Path) -> None:
    archive = _archive(
        tmp_path / "release.tar.gz",
        [
            _file("evse-station-2.0.0/app/__init__.py", b"v2"),
            _link("evse-station-2.0.0/app/same.py", "evse-station-2.0.0/app/__init__.py", tarfile.LNKTYPE),
        ],
    )
    (tmp_path / "staging").mkdir()
    _extract_tree(archive, tmp_path / "staging")
    assert (tmp_path / "staging/app/__init__.py").read_bytes() == b"v2"
    assert (tmp_path / "staging/app/same.py").read_bytes() == b"v2"
