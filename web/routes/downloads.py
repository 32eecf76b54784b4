"""Files an operation writes to a directory (a report, the diagnostics archive), handed to the browser:
written into a private temporary directory off the loop, read back, the directory removed.

The file's name is the operation's own, never the request's, so no path from a client reaches the
file system (no traversal)."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import Response

from web.errors import ApiError

MEDIA_TYPES = {".pdf": "application/pdf", ".csv": "text/csv; charset=utf-8", ".zip": "application/zip"}
MEDIA_TYPES |= {".gz": "application/gzip", ".tgz": "application/gzip"}


async def download(write: Callable[[str], Awaitable[list[str]]], prefix: str = "") -> Response:
    """Runs `write(directory)` (the paths it wrote) and answers the first whose name starts with
    `prefix` as an attachment."""
    directory = await asyncio.to_thread(tempfile.mkdtemp, prefix="evse-web-")
    try:
        paths = [Path(p) for p in await write(directory)]
        paths = [p for p in paths if p.name.startswith(prefix)]
        if not paths:
            raise ApiError(404, "not_found")
        chosen = paths[0]
        if chosen.resolve().parent != Path(directory).resolve():
            raise ApiError(500, "internal")
        data = await asyncio.to_thread(chosen.read_bytes)
    finally:
        await asyncio.to_thread(shutil.rmtree, directory, True)
    media = next((t for s, t in MEDIA_TYPES.items() if chosen.name.endswith(s)), "application/octet-stream")
    safe = "".join(ch for ch in chosen.name if ch.isalnum() or ch in "-_.") or "download"
    return Response(
        data,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{safe}"', "Cache-Control": "no-store"},
    )
