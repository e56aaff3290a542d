"""Limits: a document's deadline, and rules that cannot take the process down.

Every document gets a deadline, ``Config.time_limit`` seconds per MB of input (and never
less than that many seconds). It is kept in two ways:

- the engine reads the clock after each rule and each stage (:meth:`Run.check`), never
  inside a rule's own loops, so a fast document pays a clock read per rule;
- an alarm interrupts a rule stuck in a loop of its own (``while True: pass``) or in a
  pattern that backtracks: ``SIGALRM`` in the main thread when nothing else uses it, and
  otherwise a watchdog thread that raises :class:`Expired` in the late thread
  (``PyThreadState_SetAsyncExc``). Python delivers either only between bytecodes or where C
  code checks for signals (the ``regex`` module does; a C extension stuck in its own loop is
  stopped only when it returns, which is why packs' and plugins' patterns also run under
  ``Config.regex_timeout``).

Whatever a rule raises becomes a :class:`~dechaff.errors.RuleError` naming it
(:func:`contain`), ``SystemExit`` and ``KeyboardInterrupt`` included, and the run goes on. A
real Ctrl-C still stops it: in the main thread, while a document is cleaned, the SIGINT
handler notes that the signal came (when it is Python's own handler; under another one a
``KeyboardInterrupt`` is taken as real).
"""

from __future__ import annotations

import ctypes
import signal
import threading
import time
from contextlib import contextmanager
from typing import Any, Iterator, NoReturn

import regex

from .errors import RuleError

try:  # the signal module's own functions, without the wrappers that turn each number into an
    import _signal as _signals  # enum and back: two thirds of a document's set-up here
except ImportError:  # pragma: no cover - an interpreter without it
    _signals = signal  # type: ignore[assignment]

MB = 1_000_000
_local = threading.local()
#: How many times Ctrl-C was pressed while a document was cleaned in the main thread.
_sigints = [0]


class Expired(BaseException):
    """Raised into a document's work when its deadline passes (a ``BaseException``, so a
    rule's ``except Exception`` does not swallow it)."""


class _Settled(BaseException):
    """Delivered to a thread whose deadline passed as its document ended, and taken at once.

    Clearing a pending asynchronous exception with ``PyThreadState_SetAsyncExc(id, NULL)``
    leaves CPython 3.10 and 3.11 checking for it between every bytecode from then on (the
    flag that says one is pending is only lowered when one is delivered): the thread runs on,
    many times slower, and under a profiler does not progress at all. Delivering one instead
    lowers the flag."""


class Run:
    """One document's limits: its deadline (``None``: none), and whether a Ctrl-C during it
    can be told from a rule's ``KeyboardInterrupt``."""

    def __init__(self, seconds: float | None, watch_sigint: bool) -> None:
        self.seconds = seconds
        self.at = None if seconds is None else time.monotonic() + seconds
        self.watch_sigint = watch_sigint
        self.sigints = _sigints[0]
        #: The text or article rule running now, if any.
        self.rule: Any = None

    def passed(self) -> bool:
        return self.at is not None and time.monotonic() > self.at

    def check(self, where: Any) -> None:
        """Raise the document's :class:`RuleError` if its deadline has passed by now;
        ``where`` is the rule (or the stage's name) that just finished."""
        if self.at is not None and time.monotonic() > self.at:
            raise RuleError(late(where, self.seconds, running=False),
                            rule_code=getattr(where, "code", None))


def seconds_for(size: int, per_mb: float | None) -> float | None:
    """The deadline of a document of ``size`` characters (or bytes): ``per_mb`` seconds per
    MB, and at least ``per_mb`` seconds."""
    return None if per_mb is None else per_mb * max(1.0, size / MB)


def late(where: Any, seconds: float | None, running: bool) -> str:
    """The message of a document past its deadline, naming what was running (a rule, or a
    stage of dechaff's own) or what had just finished."""
    name = f"rule {where.code} ({where.name})" if hasattr(where, "code") else f"dechaff's {where}"
    when = f"while {name} was running" if running else f"by the time {name} finished"
    limit = "its time limit" if seconds is None else f"its time limit of {seconds:.3g} s"
    return (f"this document ran past {limit} {when}; a rule may loop "
            "without end, or the document be shaped to be slow: leave the rule out with "
            "ignore, or raise Config.time_limit (seconds per MB; None: no limit)")


def where(exc: BaseException) -> str:
    """Where an exception was raised (the alarm's own handler left out): ``module.function``."""
    found = "engine"
    tb = exc.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        if frame.f_globals.get("__name__") != __name__:
            found = f"{frame.f_globals.get('__name__', '?')}.{frame.f_code.co_name}"
        tb = tb.tb_next
    return found


def current() -> Run | None:
    """The limits of the document this thread is cleaning."""
    return getattr(_local, "run", None)


def real_interrupt() -> bool:
    """Was this ``KeyboardInterrupt`` a real Ctrl-C (not raised by a rule)?"""
    if threading.current_thread() is not threading.main_thread():
        return False  # signals reach the main thread only
    run = current()
    return run is None or not run.watch_sigint or _sigints[0] != run.sigints


def contain(rule: Any, exc: BaseException) -> RuleError:
    """The :class:`RuleError` that what ``rule`` raised becomes (a real Ctrl-C is raised on)."""
    if isinstance(exc, KeyboardInterrupt) and real_interrupt():
        raise exc
    if isinstance(exc, RuleError):
        return exc
    who = f"rule {rule.code} ({rule.name})"
    run = current()
    if isinstance(exc, Expired) or isinstance(exc, TimeoutError) and run and run.passed():
        # (a pattern's own timeout that fired with the document's deadline says the same)
        message = late(rule, run.seconds if run else None, running=True)
    elif isinstance(exc, TimeoutError):
        message = (f"{who} ran past its time limit of {rule.timeout}s on this document; its "
                   "pattern may backtrack without end: fix it, or leave the rule out with ignore")
    elif isinstance(exc, regex.error):
        message = f"{who} has a bad pattern: {exc}"
    elif isinstance(exc, (SystemExit, KeyboardInterrupt)):
        message = (f"{who} raised {exc!r}: a rule cannot end the run; "
                   "fix the rule, or leave it out with ignore")
    else:  # a rule's bug must not look like dechaff's
        message = f"{who} failed: {exc!r}"
    return RuleError(message, rule_code=rule.code)


def fail(rule: Any, exc: BaseException) -> NoReturn:
    """Raise what ``rule`` raised as its :class:`RuleError` (see :func:`contain`)."""
    error = contain(rule, exc)
    if error is exc:
        raise exc
    raise error from (exc if isinstance(exc, Exception) else None)


@contextmanager
def guard(seconds: float | None) -> Iterator[Run]:
    """Clean one document under its deadline (``None``: none), watching for Ctrl-C."""
    outer = current()
    main = threading.current_thread() is threading.main_thread()
    watch = main and outer is None and _signals.getsignal(signal.SIGINT) is signal.default_int_handler
    run = Run(seconds, watch or (outer is not None and outer.watch_sigint))
    if outer is not None and outer.at is not None and (run.at is None or outer.at < run.at):
        run.at, run.seconds = outer.at, outer.seconds  # a document cleaned inside another
    _local.run = run
    alarm = main and outer is None and run.at is not None and _alarm_free()
    previous: list = []
    try:
        if watch:
            previous.append((signal.SIGINT, _signals.signal(signal.SIGINT, _on_sigint)))
        if alarm:
            previous.append((signal.SIGALRM, _signals.signal(signal.SIGALRM, _on_alarm)))
            signal.setitimer(signal.ITIMER_REAL, max(run.at - time.monotonic(), 1e-3))
        token = WATCHDOG.arm(run.at) if run.at is not None and not alarm and outer is None else None
        try:
            yield run
        finally:
            if alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
            if token is not None:
                WATCHDOG.disarm(token)
    finally:
        for signum, handler in reversed(previous):
            _signals.signal(signum, handler)
        _local.run = outer


def _alarm_free() -> bool:
    """Is SIGALRM unused (its default handler, no timer running) in this process?"""
    return (hasattr(signal, "setitimer") and _signals.getsignal(signal.SIGALRM) == signal.SIG_DFL
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0))


def _on_alarm(signum, frame) -> None:
    raise Expired()


def _on_sigint(signum, frame) -> None:
    _sigints[0] += 1
    raise KeyboardInterrupt


class Watchdog:
    """A thread that raises :class:`Expired` in threads whose document ran past its deadline."""

    def __init__(self) -> None:
        self.lock = threading.Condition()
        self.armed: dict[int, tuple[float, int]] = {}  # token: (deadline, thread id)
        self.count = 0
        self.thread: threading.Thread | None = None
        self.raise_in = getattr(getattr(ctypes, "pythonapi", None), "PyThreadState_SetAsyncExc", None)

    def arm(self, at: float) -> int | None:
        if self.raise_in is None:
            return None  # no way to interrupt a thread here: the clock checks alone keep time
        with self.lock:
            self.count += 1
            self.armed[self.count] = (at, threading.get_ident())
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._watch, name="dechaff-watchdog", daemon=True)
                self.thread.start()
            self.lock.notify()
            return self.count

    def disarm(self, token: int) -> None:
        with self.lock:
            fired = self.armed.pop(token, None) is None
        if fired:  # raised, or about to be: take in what was not delivered yet
            try:
                self.raise_in(ctypes.c_ulong(threading.get_ident()), ctypes.py_object(_Settled))
                for _ in range(4):  # (a backward jump: Python delivers it by then)
                    pass
            except _Settled:
                pass

    def _watch(self) -> None:
        with self.lock:
            while True:
                now = time.monotonic()
                for token, (at, ident) in list(self.armed.items()):
                    if at <= now:
                        del self.armed[token]
                        self.raise_in(ctypes.c_ulong(ident), ctypes.py_object(Expired))
                soonest = min((at for at, _ in self.armed.values()), default=None)
                self.lock.wait(None if soonest is None else max(soonest - now, 0.001))


WATCHDOG = Watchdog()
