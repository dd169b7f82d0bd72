"""Render stage across processes: run a task over indices in a fork pool, results in index order.

The work (catalog, bodies, routes, Jinja environment) is put in ``STATE`` before
the pool forks, so workers inherit it instead of receiving it; only indices go
out and results come back, in order, with a bounded number of chunks in flight
so a huge catalog never sits in memory as HTML at once.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import pickle
import signal
from collections import deque
from typing import Any, Callable, Iterator, TypeVar

T = TypeVar("T")
STATE: dict[str, Any] = {}
MIN_TASKS_PER_JOB = 64  # below this, forking costs more than it saves
_CHUNK = 32
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int) -> None:
    """In a forked process: end when ``parent`` ends, so a killed build leaves no orphans (Linux; elsewhere a no-op).

    Pool workers wait on a queue whose other end they hold themselves, and a
    background task writes to a pipe its siblings keep open: without this they
    would wait forever once the build is killed.
    """
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


@contextlib.contextmanager
def ctrl_c_held() -> Iterator[None]:
    """Hold back Ctrl+C while helpers fork; it reaches this process once they are started.

    Helpers inherit the held signal and ignore it before it can act (``start_helper``).
    """
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def start_helper(parent: int) -> None:
    """In a forked helper process: leave Ctrl+C to the parent, which ends its helpers itself, and end with it.

    The terminal sends Ctrl+C to every process of the group; helpers that acted
    on it would each print a traceback over the parent's one-line message.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    die_with_parent(parent)


def default_jobs() -> int:
    """Use every core the process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    """Fork is the start method that shares the parent's state without pickling it."""
    return "fork" in multiprocessing.get_all_start_methods()


def _run_chunk(task: Callable[[int], T], start: int, stop: int) -> list[T]:
    return [task(index) for index in range(start, stop)]


def ordered_map(task: Callable[[int], T], count: int, jobs: int, state: dict[str, Any]) -> Iterator[T]:
    """Yield ``task(0) .. task(count - 1)`` in order, in ``jobs`` processes when worth it.

    ``task`` must be a module-level function reading its inputs from ``STATE``.
    """
    STATE.clear()
    STATE.update(state)
    try:
        if jobs <= 1 or count < MIN_TASKS_PER_JOB * 2 or not can_fork():
            yield from _run_chunk(task, 0, count)
            return
        with ctrl_c_held():
            pool = multiprocessing.get_context("fork").Pool(jobs, initializer=start_helper, initargs=(os.getpid(),))
        with pool:
            yield from _bounded(pool, task, count, in_flight=4 * jobs)
    finally:
        STATE.clear()


def in_background(task: Callable[[], T], enabled: bool = True) -> Callable[[], T]:
    """Start ``task()`` in a forked process now; return a function that waits for its result.

    The child inherits everything (nothing is pickled on the way in); the result,
    or the exception it raised, comes back through a pipe. Without fork, or when
    not ``enabled``, the task runs here and now. Call the returned function
    exactly once; it also reaps the child.
    """
    if not enabled or not can_fork():
        result = task()
        return lambda: result
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_send_result, args=(task, sender, os.getpid()), daemon=True)
    with ctrl_c_held():
        process.start()
    sender.close()

    def wait() -> T:
        try:
            ok, value = receiver.recv()
        except EOFError:
            raise RuntimeError(f"background task died (exit code {process.exitcode})") from None
        finally:
            receiver.close()
            process.join()
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    return wait


def in_fork(task: Callable[[], T], enabled: bool = True) -> Callable[[], T]:
    """``in_background`` from any process, a background one too (multiprocessing starts no children from a daemonic
    process): ``os.fork`` and a pipe. The child inherits everything; its result or exception comes back pickled.

    For a task of the background process itself, when it can split its work in two (the index's files).
    """
    if not enabled or not can_fork():
        result = task()
        return lambda: result
    parent = os.getpid()
    reader, writer = os.pipe()
    with ctrl_c_held():
        child = os.fork()
    if child == 0:  # (never returns: the child ends here whatever happens)
        try:
            os.close(reader)
            start_helper(parent)
            try:
                outcome: tuple[bool, Any] = (True, task())
            except BaseException as error:  # noqa: BLE001 — handed to the parent, which raises it
                outcome = (False, error)
            with os.fdopen(writer, "wb") as pipe:
                try:
                    pickle.dump(outcome, pipe)
                except Exception as error:  # noqa: BLE001 — an exception that cannot be pickled
                    pickle.dump((False, RuntimeError(repr(error))), pipe)
        finally:
            os._exit(0)
    os.close(writer)

    def wait() -> T:
        try:
            with os.fdopen(reader, "rb") as pipe:
                data = pipe.read()
        finally:
            _, status = os.waitpid(child, 0)
        if not data:
            raise RuntimeError(f"forked task died (status {status})")
        ok, value = pickle.loads(data)  # noqa: S301 - our own child's result
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    return wait


def _send_result(task: Callable[[], Any], sender: Any, parent: int) -> None:
    start_helper(parent)
    try:
        outcome = (True, task())
    except BaseException as error:  # noqa: BLE001 — handed to the parent, which raises it
        outcome = (False, error)
    sender.send(outcome)
    sender.close()


def _bounded(pool: Any, task: Callable[[int], T], count: int, in_flight: int) -> Iterator[T]:
    """Keep at most ``in_flight`` chunks submitted; yield their results in order."""
    starts = iter(range(0, count, _CHUNK))
    pending: deque[Any] = deque()

    def submit() -> None:
        start = next(starts, None)
        if start is not None:
            pending.append(pool.apply_async(_run_chunk, (task, start, min(start + _CHUNK, count))))

    for _ in range(in_flight):
        submit()
    while pending:
        results = pending.popleft().get()
        submit()
        yield from results
