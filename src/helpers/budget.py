"""A time budget for one piece of work (an article), so that no input can hang a run.

``with time_limit(30, "article 000_x"):`` runs its block and raises :class:`ArticleTimeout`
when the block takes longer than 30 seconds. In the main thread the block is interrupted by
SIGALRM (a real-time interval timer): the signal handler raises inside whatever Python is
doing, including a regular-expression match, since CPython's regex engine checks for signals
while it backtracks. Timers nest: an inner limit never extends an outer one.

Off the main thread (or where the platform has no SIGALRM, e.g. Windows) a signal cannot be
delivered, so the block is not interrupted: it runs to its end and :class:`ArticleTimeout` is
raised afterwards if it took longer than the budget, so that the caller refuses the result
the same way. The pipeline runs the notebooks' code in the main thread, where the limit holds.

>>> with time_limit(5):
...     total = sum(range(1000))
>>> total
499500
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from time import perf_counter


class ArticleTimeout(TimeoutError):
    """Work on one article took longer than its time budget (the message says which and how
    long the budget was)."""


def _can_interrupt() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None, what: str = "the article") -> Iterator[None]:
    """Run the block within ``seconds`` (None or 0: no limit) or raise :class:`ArticleTimeout`."""
    if seconds is None or seconds <= 0:
        yield
        return
    message = f"{what} took longer than its time budget of {seconds:g} s"
    started = perf_counter()
    if not _can_interrupt():
        yield
        if perf_counter() - started > seconds:
            raise ArticleTimeout(message)
        return

    def expire(signum, frame):  # noqa: ARG001 - the signal handler's signature
        raise ArticleTimeout(message)

    outer_handler = signal.signal(signal.SIGALRM, expire)
    outer_remaining, _ = signal.getitimer(signal.ITIMER_REAL)
    budget = min(seconds, outer_remaining) if outer_remaining > 0 else seconds
    signal.setitimer(signal.ITIMER_REAL, budget)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, outer_handler)
        if outer_remaining > 0:  # give an enclosing limit back what is left of it
            left = outer_remaining - (perf_counter() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-3))
