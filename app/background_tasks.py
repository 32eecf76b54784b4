"""BackgroundTasks: asyncio tasks an object starts and owns, kept referenced, logged and ended with it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine, Iterator
from typing import Any, TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)


class BackgroundTasks:
    """The tasks one owner started: referenced until they finish (the loop keeps only weak references
    to tasks, so an unreferenced one may vanish mid-run), a failure logged rather than lost, and all
    of them cancelled by cancel() or cancelled and awaited by close()."""

    def __init__(self, owner: str, logger: logging.Logger | None = None) -> None:
        self._owner = owner  # names the tasks in the log: "driver facade", "kiosk action", ...
        self._log = logger or log
        self._tasks: set[asyncio.Task[Any]] = set()

    def start(self, coroutine: Coroutine[Any, Any, T], name: str | None = None) -> asyncio.Task[T]:
        """Runs coroutine as a task on the running loop, or (from a Qt slot) on the current qasync loop."""
        task = asyncio.ensure_future(coroutine)
        if name is not None:
            task.set_name(name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            self._log.error("%s task %s failed", self._owner, task.get_name(), exc_info=error)

    def cancel(self) -> None:
        """Cancels every running task without waiting for them (for callers that cannot await)."""
        for task in list(self._tasks):
            task.cancel()

    async def close(self) -> None:
        """Cancels every running task and waits until each has ended; their exceptions are not raised."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._tasks.difference_update(tasks)

    def __iter__(self) -> Iterator[asyncio.Task[Any]]:
        return iter(list(self._tasks))

    def __len__(self) -> int:
        return len(self._tasks)
