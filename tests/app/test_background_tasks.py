"""BackgroundTasks: tasks kept until done, failures logged, cancel() and close() end them all."""

from __future__ import annotations

import asyncio
import gc
import logging

from app.background_tasks import BackgroundTasks


def test_a_started_task_is_kept_until_it_finishes_and_returns_its_result() -> None:
    async def scenario() -> None:
        tasks = BackgroundTasks("test")
        task = tasks.start(asyncio.sleep(0.01, result=42), name="sleeper")
        gc.collect()  # the loop holds tasks weakly: only the owner's reference keeps it alive
        assert list(tasks) == [task] and task.get_name() == "sleeper"
        assert await task == 42
        await asyncio.sleep(0)  # the done callback runs after the awaiting caller resumes
        assert len(tasks) == 0

    asyncio.run(scenario())


def test_a_failing_task_is_logged_with_its_owner_and_name(caplog) -> None:
    async def broken() -> None:
        raise RuntimeError("task bug")

    async def scenario() -> None:
        tasks = BackgroundTasks("owner", logging.getLogger("tests.background"))
        task = tasks.start(broken(), name="worker")
        await asyncio.wait([task])
        await asyncio.sleep(0)

    with caplog.at_level(logging.ERROR, logger="tests.background"):
        asyncio.run(scenario())
    (record,) = [r for r in caplog.records if r.name == "tests.background"]
    assert "owner task worker failed" in record.getMessage()
    assert record.exc_info is not None and str(record.exc_info[1]) == "task bug"
    assert "never retrieved" not in caplog.text  # the exception was retrieved, not lost


def test_close_cancels_and_awaits_every_task_and_may_be_called_twice(caplog) -> None:
    ended: list[str] = []

    async def forever(name: str) -> None:
        try:
            await asyncio.Event().wait()
        finally:
            ended.append(name)

    async def scenario() -> None:
        tasks = BackgroundTasks("test")
        first = tasks.start(forever("a"))
        second = tasks.start(forever("b"))
        await asyncio.sleep(0)
        await tasks.close()
        assert first.cancelled() and second.cancelled()
        assert sorted(ended) == ["a", "b"] and len(tasks) == 0
        await tasks.close()

    with caplog.at_level(logging.ERROR):
        asyncio.run(scenario())
    assert not caplog.records  # a cancellation is not a failure


def test_close_does_not_raise_the_exception_of_a_task_that_fails_while_cancelled() -> None:
    async def stubborn() -> None:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            raise ValueError("cleanup failed") from None

    async def scenario() -> None:
        tasks = BackgroundTasks("test")
        task = tasks.start(stubborn())
        await asyncio.sleep(0)
        await tasks.close()
        assert isinstance(task.exception(), ValueError)

    asyncio.run(scenario())


def test_cancel_cancels_without_waiting() -> None:
    async def scenario() -> None:
        tasks = BackgroundTasks("test")
        task = tasks.start(asyncio.Event().wait())
        await asyncio.sleep(0)
        tasks.cancel()
        assert not task.done()  # the cancellation is delivered at the task's next step
        await asyncio.wait([task])
        await asyncio.sleep(0)  # the done callback that forgets it runs one step later
        assert task.cancelled() and len(tasks) == 0

    asyncio.run(scenario())


def test_a_task_started_from_outside_the_loop_runs_on_the_current_loop() -> None:
    # A Qt slot starts facade coroutines while the qasync loop is set but not inside a callback.
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        tasks = BackgroundTasks("test")
        task = tasks.start(asyncio.sleep(0, result="ran"))
        assert loop.run_until_complete(task) == "ran"
    finally:
        asyncio.set_event_loop(None)
        loop.close()
