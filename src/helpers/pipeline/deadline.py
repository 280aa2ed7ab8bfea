"""A time budget for one article, in whichever thread the article is processed.

In a process's main thread (the local engine's workers, a notebook) this is
:func:`helpers.budget.time_limit`: SIGALRM interrupts the work, a regular-expression match
included. A Dask worker runs its tasks in other threads, where no signal can be delivered: there
a watchdog timer raises :class:`ArticleTimeout` asynchronously in the working thread
(``PyThreadState_SetAsyncExc``), which stops Python code at its next instruction; a single
call into C (one long regex match) finishes first, and the article is refused when it returns.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext

try:  # the budget of the attribution stage (issue 13), when it is there
    from helpers.budget import ArticleTimeout
    from helpers.budget import time_limit as _main_thread_limit
except ImportError:  # pragma: no cover - older checkouts: the watchdog serves every thread
    _main_thread_limit = None

    class ArticleTimeout(TimeoutError):
        """Work on one article took longer than its time budget."""


class _Expired(Exception):
    """Raised asynchronously in the working thread by the watchdog (carries no message)."""


def _set_async(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else ctypes.c_void_p(0)
    )


@contextmanager
def _watchdog(seconds: float, message: str) -> Iterator[None]:
    lock = threading.Lock()
    state = {"done": False, "fired": False}
    thread_id = threading.get_ident()

    def expire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _set_async(thread_id, _Expired)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except _Expired:
        raise ArticleTimeout(message) from None
    finally:
        with lock:
            state["done"] = True
            timer.cancel()
            if state["fired"]:
                _set_async(thread_id, None)  # clear it if it has not been delivered yet
    if state["fired"]:
        raise ArticleTimeout(message)


def time_limit(seconds: float | None, what: str = "the article"):
    """A context manager that raises :class:`ArticleTimeout` when its block runs over ``seconds``
    (None or 0: no limit)."""
    if not seconds or seconds <= 0:
        return nullcontext()
    if threading.current_thread() is threading.main_thread() and _main_thread_limit is not None:
        return _main_thread_limit(seconds, what)
    return _watchdog(seconds, f"{what} took longer than its time budget of {seconds:g} s")
