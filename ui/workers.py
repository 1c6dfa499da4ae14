"""Run core functions off the GUI thread, one at a time, with progress and cancel.

A core function takes `progress(done, total)` and `cancel() -> bool` keyword
callbacks and knows no Qt; `run_task` runs it on a single-thread pool (one writer
at a time, like anki's taskman) and reports back through Qt signals, which are
delivered on the GUI thread because the Task object lives there.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

from tracker.errors import Cancelled, UserError

log = logging.getLogger(__name__)

_pool: QThreadPool | None = None
# Tasks are kept alive here until their result has been delivered; the pool
# does not own them (autoDelete off) so Python decides when they go.
_running: set[Task] = set()


def pool() -> QThreadPool:
    """The application's single-thread pool (created on first use)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
        _pool.setExpiryTimeout(-1)
    return _pool


def wait_idle(msecs: int = -1) -> bool:
    """Block until every started task has run (for shutdown and tests); True if idle."""
    deadline = time.monotonic() + msecs / 1000 if msecs >= 0 else None
    while any(not t.is_done() for t in list(_running)):
        # Starts are posted to the event loop (see run_task), so let them happen.
        QCoreApplication.processEvents()
        left = -1 if deadline is None else int((deadline - time.monotonic()) * 1000)
        if deadline is not None and left <= 0:
            return False
        pool().waitForDone(min(left, 50) if left >= 0 else 50)
    return True


def internal_error_message(exc: BaseException) -> str:
    """The one line shown to the user for a bug (the traceback goes to the log)."""
    text = str(exc).strip().splitlines()
    detail = text[0] if text else type(exc).__name__
    return f"内部错误: {type(exc).__name__}: {detail}"


class Task(QObject, QRunnable):
    """One call of a core function on the worker thread.

    Signals (delivered on the GUI thread): `progress(done, total)`,
    `finished(result)`, `failed(message)`; `cancelled()` when the function stopped
    on cancel (by raising tracker.errors.Cancelled, or by returning a result whose
    `cancelled` attribute is True). Exactly one of finished/failed/cancelled
    is emitted, then `ended()`.
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    ended = Signal()

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        QObject.__init__(self)
        QRunnable.__init__(self)
        self.setAutoDelete(False)
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self._cancel = threading.Event()
        self._done = threading.Event()
        self.result: Any = None
        self.error: str | None = None

    # -- called from the GUI thread -------------------------------------------------
    def cancel(self) -> None:
        """Ask the function to stop at its next cancel() check."""
        self._cancel.set()

    def is_done(self) -> bool:
        """True once the function has returned or raised."""
        return self._done.is_set()

    # -- runs on the worker thread ----------------------------------------------
    def _report(self, done: int, total: int) -> None:
        self.progress.emit(int(done), int(total))

    def run(self) -> None:  # noqa: D102 (QRunnable override)
        outcome = self._call()
        # Done before the last signal goes out, so handlers see is_done() == True.
        self._done.set()
        outcome()
        self.ended.emit()

    def _call(self) -> Callable[[], None]:
        """Run the function; return the emission that reports how it ended."""
        if self._cancel.is_set():
            # Cancelled while still queued: never start touching the store.
            return self.cancelled.emit
        try:
            result = self._fn(*self._args, progress=self._report,
                              cancel=self._cancel.is_set, **self._kwargs)
        except Cancelled:
            return self.cancelled.emit
        except UserError as exc:
            if self._cancel.is_set():
                return self.cancelled.emit
            self.error = str(exc)
            return lambda: self.failed.emit(self.error)
        except Exception as exc:  # a bug: log the traceback, tell the user one line
            log.error("task %s failed:\n%s", _name(self._fn), traceback.format_exc())
            self.error = internal_error_message(exc)
            return lambda: self.failed.emit(self.error)
        if getattr(result, "cancelled", False) is True:
            # The core's way of saying it stopped on cancel: ImportResult(cancelled=True).
            return self.cancelled.emit
        self.result = result
        return lambda: self.finished.emit(result)


def _name(fn: Callable[..., Any]) -> str:
    return getattr(fn, "__qualname__", None) or repr(fn)


def run_task(fn: Callable[..., Any], *args: Any,
             on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[str], None] | None = None,
             on_progress: Callable[[int, int], None] | None = None,
             **kwargs: Any) -> Task:
    """Queue fn(*args, progress=..., cancel=..., **kwargs) on the worker; return the Task.

    The task starts once control returns to the event loop, so signals connected
    right after this call never miss a result. Store work is a tracker.store.ops
    operation (read_op / write_op): it opens its own connection on the worker, so the
    GUI's connection is only ever used on the GUI thread.
    """
    task = Task(fn, *args, **kwargs)
    if on_done is not None:
        task.finished.connect(on_done)
    if on_error is not None:
        task.failed.connect(on_error)
    if on_progress is not None:
        task.progress.connect(on_progress)
    _running.add(task)
    # Released on the GUI thread after the last signal has been delivered.
    task.ended.connect(lambda t=task: _running.discard(t))
    # Started from the event loop, not now: a caller that connects task.finished
    # after run_task returns must not miss a result that came back very fast.
    QTimer.singleShot(0, lambda t=task: pool().start(t))
    return task
