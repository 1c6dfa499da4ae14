"""Background work on the store: an explicit operation that says whether it reads or writes
and opens its own connection where it runs (a worker thread, another process).

A connection belongs to the thread that opened it (no `check_same_thread=False`): the
GUI keeps its own, and a background operation never touches it. Two connections let
SQLite serialise the writers (a write waits for the other's lock) and the GUI read only
committed data. Cancellation is the typed tracker.errors.Cancelled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class StoreOp:
    """fn(store, *args, progress=…, cancel=…, **kwargs) on a store opened afresh at path.

    writes=False opens the store read-only: the operation cannot change it."""

    path: Path
    fn: Callable[..., Any]
    writes: bool
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        """What it runs, for logs."""
        return f"{'write' if self.writes else 'read'}_op({getattr(self.fn, '__qualname__', repr(self.fn))})"

    def __call__(self, progress: Callable[[int, int], None] | None = None,
                 cancel: Callable[[], bool] | None = None) -> Any:
        """Open the store, run fn on it, close it; fn's result."""
        from tracker.store.core import Store

        store = Store.open(self.path, create=False, read_only=not self.writes)
        try:
            return self.fn(store, *self.args, progress=progress, cancel=cancel, **self.kwargs)
        finally:
            store.close()


def read_op(store, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> StoreOp:
    """An operation reading the store store is open on (export, backup, a search)."""
    return StoreOp(Path(store.path), fn, False, args, kwargs)


def write_op(store, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> StoreOp:
    """An operation writing the store store is open on (import, re-extraction, suggestions)."""
    return StoreOp(Path(store.path), fn, True, args, kwargs)
