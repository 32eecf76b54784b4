"""Safe extraction of a release tarball on every supported Python (3.11.2 has no extraction filter).

Python added `TarFile.extractall(filter="data")` in 3.11.4 (PEP 706); Debian 12 and Raspberry Pi OS
bookworm ship 3.11.2, where the argument raises TypeError. The checks below are the ones the "data"
filter makes, done explicitly, so a hostile or broken archive is refused the same way on both: no
absolute paths, nothing resolving outside the target, no links pointing out of it, no device files
or FIFOs, no set-uid/set-gid/sticky bits or group/other write permission, and no owner taken from
the archive. Where the filter exists it is used as well, as a second line.
"""

from __future__ import annotations

import copy
import os
import stat
import tarfile
from collections.abc import Iterable
from pathlib import Path


class UnsafeArchiveError(Exception):
    """The archive holds a member that would write outside the target or create something unsafe."""


def _inside(root: str, path: str) -> bool:
    return os.path.commonpath([root, path]) == root


def check_member(member: tarfile.TarInfo, into: Path) -> None:
    """Raises UnsafeArchiveError when extracting `member` under `into` would be unsafe."""
    root = os.path.realpath(into)
    name = member.name
    if name.startswith("/") or os.path.isabs(name):
        raise UnsafeArchiveError(f"{name!r}: absolute path")
    target = os.path.realpath(os.path.join(root, name))
    if not _inside(root, target):
        raise UnsafeArchiveError(f"{name!r}: outside the target directory")
    if not (member.isreg() or member.isdir() or member.issym() or member.islnk()):
        raise UnsafeArchiveError(f"{name!r}: special file (device, FIFO or unknown type)")
    if member.issym():
        if os.path.isabs(member.linkname):
            raise UnsafeArchiveError(f"{name!r}: symbolic link to an absolute path")
        # A symlink's target is relative to the directory holding the link.
        link_target = os.path.realpath(os.path.join(os.path.dirname(target), member.linkname))
        if not _inside(root, link_target):
            raise UnsafeArchiveError(f"{name!r}: symbolic link pointing outside the target")
    if member.islnk():
        if os.path.isabs(member.linkname):
            raise UnsafeArchiveError(f"{name!r}: hard link to an absolute path")
        # A hard link's target is a member name, relative to the archive's root.
        link_target = os.path.realpath(os.path.join(root, member.linkname))
        if not _inside(root, link_target):
            raise UnsafeArchiveError(f"{name!r}: hard link pointing outside the target")


def _sanitised(member: tarfile.TarInfo) -> tarfile.TarInfo:
    """The member with the attributes the "data" filter would give it (permissions, no owner)."""
    clean = copy.copy(member)
    mode = member.mode & 0o777
    mode &= ~(stat.S_IWGRP | stat.S_IWOTH)
    if member.isreg() and not mode & stat.S_IXUSR:
        mode &= ~(stat.S_IXGRP | stat.S_IXOTH)
    if member.isreg():
        mode |= stat.S_IRUSR | stat.S_IWUSR
    clean.mode = mode
    # The extracting user owns what it writes: as root, chown() would otherwise use the archive's ids.
    clean.uid, clean.gid = os.getuid(), os.getgid()
    clean.uname, clean.gname = "", ""
    return clean


def extract_members(
    tar: tarfile.TarFile, members: Iterable[tarfile.TarInfo], into: Path, *, use_filter: bool | None = None
) -> None:
    """Extracts `members` under `into`; raises UnsafeArchiveError, before writing anything, on an unsafe one.

    `use_filter` None uses Python's "data" filter where the interpreter has it; False forces the
    explicit path (what runs on 3.11.2), so that path is tested on every Python.
    """
    chosen = list(members)
    for member in chosen:
        check_member(member, into)
    if use_filter is None:
        use_filter = hasattr(tarfile, "data_filter")
    if use_filter:
        try:
            tar.extractall(into, members=chosen, filter="data")
        except tarfile.FilterError as exc:
            raise UnsafeArchiveError(str(exc)) from exc
        return
    # Where filters exist, say the explicit checks replace them (else 3.12+ warns of the default).
    trusted = hasattr(tarfile, "fully_trusted_filter")
    for member in chosen:
        # Checked again against what is on disk now: an earlier member may be a symlink this one
        # would be written through (the filter, too, checks each member as it is extracted).
        check_member(member, into)
        if trusted:
            tar.extract(_sanitised(member), into, filter="fully_trusted")
        else:
            tar.extract(_sanitised(member), into)
