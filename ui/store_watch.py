"""Noticing that another program changed the open store (tracker mark, a second window).

SQLite's data_version moves only when another connection commits, so polling it every
WATCH_MS costs one PRAGMA and never fires for the window's own edits. The window's
worker (import, 查找核验证据) writes on a connection of its own: every full re-read
calls sync(), so only writes nobody has shown yet count. On a change the window
re-reads tree, filters, table and pane, keeping the selected row.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from tracker.errors import UserError

WATCH_MS = 2000


class StoreWatch(QObject):
    """Polls a store's data_version; emits changed() when another program wrote to it."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None, interval_ms: int = WATCH_MS) -> None:
        super().__init__(parent)
        self._store = None
        self._version: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)

    def set_store(self, store) -> None:
        """Watch another store (None: stop)."""
        self._store = store
        self._version = self._read()
        if store is None:
            self._timer.stop()
        else:
            self._timer.start()

    def _read(self) -> int | None:
        try:
            return self._store.data_version() if self._store is not None else None
        except UserError:   # a closed or damaged file: nothing to report
            return None

    def sync(self) -> None:
        """Take the store as it is now as seen: the window just re-read it (after its own
        worker, which writes on a connection of its own, or after a refresh)."""
        self._version = self._read()

    def check(self) -> bool:
        """Emit changed() if the store was written by someone else since the last check."""
        version = self._read()
        if version is None or version == self._version:
            return False
        self._version = version
        self.changed.emit()
        return True
