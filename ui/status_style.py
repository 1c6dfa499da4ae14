"""Status labels, colours and shortcuts: the one place the table, the pane and the dialog read.

The statuses are tracker.model.STATUSES; a commitment with no event yet is
"unmarked" (the store's Filter uses that word too).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from tracker.labels import KIND_LABELS, STATUS_LABELS, UNMARKED, UNMARKED_LABEL
from tracker.model import STATUSES

# Visible words per status and kind: tracker.labels, shared with the CLI and the sheet;
# translated through the "status" context.
_LABELS = {**STATUS_LABELS, UNMARKED: UNMARKED_LABEL}

# (text colour, background) chosen to stay readable on light and dark palettes:
# a dark foreground on a pale tint of the same hue.
_COLOURS = {
    "done": ("#1b5e20", "#dcedc8"),
    "partial": ("#8a5a00", "#ffecb3"),
    "in_progress": ("#0d47a1", "#d6e6fb"),
    "not_done": ("#b71c1c", "#ffcdd2"),
    "unknown": ("#424242", "#e0e0e0"),
    UNMARKED: ("#616161", "#f5f5f5"),
}

# Ctrl+1..5 mark the selected rows (the main window's context menu and the pane).
_SHORTCUTS = {
    "done": "Ctrl+1",
    "partial": "Ctrl+2",
    "in_progress": "Ctrl+3",
    "not_done": "Ctrl+4",
    "unknown": "Ctrl+5",
}

# Verdict words of the verify engine's suggestions use the same statuses.
SOURCE_LABELS = {"user": "用户", "auto": "自动"}


def status_label(status: str | None) -> str:
    """The Chinese label of a status (None or "" → 未标记; unknown words shown as is)."""
    key = status or UNMARKED
    return QCoreApplication.translate("status", _LABELS.get(key, key))


def status_colours(status: str | None) -> tuple[QColor, QColor]:
    """(foreground, background) colours of a status."""
    fg, bg = _COLOURS.get(status or UNMARKED, _COLOURS[UNMARKED])
    return QColor(fg), QColor(bg)


def status_foreground(status: str | None) -> QColor:
    """Text colour of a status, for a table cell's ForegroundRole."""
    return status_colours(status)[0]


def status_background(status: str | None) -> QColor:
    """Background tint of a status, for a table cell's BackgroundRole."""
    return status_colours(status)[1]


def status_shortcut(status: str) -> str:
    """The key sequence that marks the selection with this status ("" if none)."""
    return _SHORTCUTS.get(status, "")


def kind_label(kind: str | None) -> str:
    """Chinese label of a commitment kind."""
    key = kind or ""
    return QCoreApplication.translate("status", KIND_LABELS.get(key, key))


def source_label(source: str | None) -> str:
    """Who made a status event: 用户 or 自动."""
    key = source or ""
    return QCoreApplication.translate("status", SOURCE_LABELS.get(key, key))


def statuses() -> tuple[str, ...]:
    """The markable statuses in menu order."""
    return STATUSES
