"""Status labels, colours and shortcuts: the one place the table, the pane and the dialog read.

The statuses are tracker.model.STATUSES; a commitment with no event yet is
"unmarked" (the store's Filter uses that word too).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from tracker.model import STATUSES

UNMARKED = "unmarked"

# Visible label per status; translated through the "status" context.
_LABELS = {
    "done": "已完成",
    "partial": "部分完成",
    "in_progress": "推进中",
    "not_done": "未完成",
    "unknown": "未知",
    UNMARKED: "未标记",
}

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
KIND_LABELS = {"target": "主要目标", "livelihood": "民生实事", "project": "项目承诺"}
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
