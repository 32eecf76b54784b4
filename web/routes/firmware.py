"""Firmware from the browser: the inventory, a signed package uploaded and verified (nothing installed),
then an update or a rollback of one charger run as a job whose progress the page polls. The admin
mode's own operations (app/admin/firmware.py) decide, check the role and audit.

An upload is stored under a name the station makes in a directory of its own (never the client's
file name or path); a refused package is deleted at once. Jobs and packages are bounded in number.
"""

from __future__ import annotations

import asyncio
import secrets
import shutil
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, File, Request, UploadFile
from fastapi import Path as PathParam
from pydantic import BaseModel, Field

from app.admin import FirmwareInventory, FirmwareProgress, FirmwareResult, OperationError
from app.admin.firmware import PACKAGE_SUFFIXES
from web.auth import faces_of
from web.errors import ApiError
from web.routes.common import REFUSALS, STRICT, ChargerId, SignedIn

router = APIRouter(tags=["firmware"], responses=REFUSALS)
PackageId = Annotated[str, PathParam(pattern=r"^[A-Za-z0-9_\-]{16}$")]
KEPT_PACKAGES = 8
KEPT_JOBS = 20
_CHUNK = 1 << 20


class Package(BaseModel):
    package_id: str
    file_name: str = Field(description="The uploaded file's name, as shown; never used as a path")
    size: int
    valid: bool
    target: str | None
    version: str | None
    signer_key_id: str | None
    reason: str


class Update(BaseModel):
    model_config = STRICT

    package_id: str = Field(pattern=r"^[A-Za-z0-9_\-]{16}$")


class Job(BaseModel):
    job_id: str
    charger_id: str
    kind: Literal["update", "rollback"]
    state: Literal["running", "done", "failed"]
    step: str
    fraction: float
    version: str | None = None
    reported_version: str | None = None
    error: str | None = None


@dataclass
class FirmwareUploads:
    """The uploaded packages (id -> its private directory) and the jobs, both bounded."""

    root: Path
    packages: OrderedDict[str, tuple[Path, str]] = field(default_factory=OrderedDict)
    jobs: OrderedDict[str, Job] = field(default_factory=OrderedDict)
    tasks: set[asyncio.Task[None]] = field(default_factory=set)

    def keep_package(self, package_id: str, directory: Path, shown_name: str) -> list[Path]:
        self.packages[package_id] = (directory, shown_name)
        dropped = []
        while len(self.packages) > KEPT_PACKAGES:
            dropped.append(self.packages.popitem(last=False)[1][0])
        return dropped

    def keep_job(self, job: Job) -> None:
        self.jobs[job.job_id] = job
        while len(self.jobs) > KEPT_JOBS:
            oldest = next(iter(self.jobs))
            if self.jobs[oldest].state == "running":
                break
            self.jobs.popitem(last=False)


def _uploads(request: Request) -> FirmwareUploads:
    uploads: FirmwareUploads = request.app.state.firmware_uploads
    return uploads


@router.get("/firmware", response_model=FirmwareInventory)
async def inventory(request: Request, caller: SignedIn) -> FirmwareInventory:
    return await faces_of(request).operators.firmware.installed(caller.operator)


@router.post("/firmware/packages", response_model=Package, status_code=201)
async def upload(request: Request, caller: SignedIn, package: Annotated[UploadFile, File()]) -> Package:
    """Stores and verifies a package (.tar.gz or .tgz) against the vendor key; nothing is installed."""
    firmware = faces_of(request).operators.firmware
    shown = Path(package.filename or "").name[:128]
    suffix = next((s for s in PACKAGE_SUFFIXES if shown.endswith(s)), None)
    if suffix is None:
        raise ApiError(
            422, "invalid", fields=[{"field": "package", "code": "suffix", "message": "a .tar.gz or .tgz"}]
        )
    uploads = _uploads(request)
    package_id = secrets.token_urlsafe(12)
    directory = uploads.root / package_id
    await asyncio.to_thread(directory.mkdir, parents=True, mode=0o700)
    target = directory / f"package{suffix}"
    try:
        await _store(package, target)
        [view] = await firmware.packages(caller.operator, directory)
    except BaseException:
        await asyncio.to_thread(shutil.rmtree, directory, True)
        raise
    if not view.valid:
        await asyncio.to_thread(shutil.rmtree, directory, True)
    else:
        for dropped in uploads.keep_package(package_id, directory, shown):
            await asyncio.to_thread(shutil.rmtree, dropped, True)
    return Package(
        package_id=package_id,
        file_name=shown,
        size=view.size,
        valid=view.valid,
        target=view.target,
        version=view.version,
        signer_key_id=view.signer_key_id,
        reason=view.reason,
    )


async def _store(package: UploadFile, target: Path) -> None:
    with await asyncio.to_thread(open, target, "wb") as out:
        while chunk := await package.read(_CHUNK):
            await asyncio.to_thread(out.write, chunk)


@router.post("/chargers/{charger_id}/firmware", response_model=Job, status_code=202)
async def update(request: Request, charger_id: ChargerId, body: Update, caller: SignedIn) -> Job:
    stored = _uploads(request).packages.get(body.package_id)
    if stored is None:
        raise ApiError(404, "not_found")
    directory, _shown = stored
    path = next(directory.iterdir())
    firmware = faces_of(request).operators.firmware
    return await _run(
        request,
        charger_id,
        "update",
        lambda report: firmware.update_charger(caller.operator, charger_id, path, report),
    )


@router.post("/chargers/{charger_id}/firmware/rollback", response_model=Job, status_code=202)
async def rollback(request: Request, charger_id: ChargerId, caller: SignedIn) -> Job:
    firmware = faces_of(request).operators.firmware
    return await _run(
        request, charger_id, "rollback", lambda report: firmware.rollback(caller.operator, charger_id, report)
    )


@router.get("/firmware/jobs/{job_id}", response_model=Job)
async def job(request: Request, job_id: PackageId, caller: SignedIn) -> Job:
    found = _uploads(request).jobs.get(job_id)
    if found is None:
        raise ApiError(404, "not_found")
    return found


async def _run(
    request: Request,
    charger_id: str,
    kind: Literal["update", "rollback"],
    operation: Callable[[Callable[[FirmwareProgress], None]], Awaitable[FirmwareResult]],
) -> Job:
    """Starts the operation as a job. Its checks (role, unknown charger, a session on it, no flasher,
    another update running) run before its first wait, so a refusal is this request's answer, in the
    error shape, rather than a failed job."""
    uploads = _uploads(request)
    job_id = secrets.token_urlsafe(12)
    current = Job(
        job_id=job_id, charger_id=charger_id, kind=kind, state="running", step="verifying", fraction=0.0
    )
    early: list[BaseException] = []
    started = False

    def report(progress: FirmwareProgress) -> None:
        nonlocal current, started
        started = True
        current = current.model_copy(update={"step": progress.step, "fraction": progress.fraction})
        uploads.jobs[job_id] = current

    async def work() -> None:
        nonlocal current
        try:
            result = await operation(report)
        except Exception as error:  # the job says it failed; a refusal before any step is the answer
            if not started:
                early.append(error)
            code = error.code if isinstance(error, OperationError) else type(error).__name__
            current = current.model_copy(update={"state": "failed", "error": code})
        else:
            done = {"state": "done", "step": "done", "fraction": 1.0}
            current = current.model_copy(
                update=done | {"version": result.version, "reported_version": result.reported_version}
            )
        uploads.jobs[job_id] = current

    task = asyncio.create_task(work(), name=f"firmware-{kind}-{charger_id}")
    uploads.tasks.add(task)
    task.add_done_callback(uploads.tasks.discard)
    await asyncio.sleep(0)  # the operation runs up to its first wait: its checks have run
    if early:
        raise early[0]
    uploads.keep_job(current)
    return current
