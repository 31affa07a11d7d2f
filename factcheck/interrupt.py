"""Ctrl-C and SIGTERM: a run stops with a distinct exit code and one line,
and never in the middle of putting a report in place.

Python turns SIGINT into KeyboardInterrupt; ``install`` makes SIGTERM (what
CI runners, ``timeout`` and ``kill`` send) raise ``Interrupted``, a
KeyboardInterrupt too, so one ``except`` handles both. ``held`` puts off
both signals while a few renames run (see ``factcheck.atomic.write_files``).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(KeyboardInterrupt):
    """The run was stopped by ``signum``."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def install() -> None:
    """SIGTERM raises Interrupted, as SIGINT raises KeyboardInterrupt."""
    signal.signal(signal.SIGTERM, _raise)


def _raise(signum, frame):
    raise Interrupted(signum)


def signum_of(stop: KeyboardInterrupt) -> int:
    return getattr(stop, "signum", signal.SIGINT)


def exit_code(stop: KeyboardInterrupt) -> int:
    """The shell's code for a process ended by the signal: 130 for SIGINT, 143 for SIGTERM."""
    return 128 + signum_of(stop)


def name(stop: KeyboardInterrupt) -> str:
    return signal.Signals(signum_of(stop)).name


@contextmanager
def held() -> Iterator[None]:
    """Run the block with SIGINT and SIGTERM put off: one that arrives
    meanwhile is acted on as soon as the block ends. Only the main thread
    can set handlers; elsewhere the block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {s: signal.signal(s, lambda signum, frame: caught.append(signum)) for s in SIGNALS}
    try:
        yield
    finally:
        for s, handler in previous.items():
            # None: a handler set outside Python, which cannot be put back; the default is.
            signal.signal(s, handler if handler is not None else signal.SIG_DFL)
        if caught:
            signal.raise_signal(caught[0])
