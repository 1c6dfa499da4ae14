"""Widgets that let a narrow pane stay usable: a wrapping button row, an eliding label, wrapping tree rows;
windows sized to fit a small screen; plain-text tooltips and warning boxes for text that comes from documents.

The detail pane sits beside the table on a 1366-px screen; a row of five status
buttons or a long report title must not set its minimum width, so the buttons wrap
onto a second line and the one-line header ends in "…" (full text in the tooltip).
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (QLabel, QLayout, QLayoutItem, QMessageBox, QSizePolicy, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QTreeView, QWidget)


class FlowLayout(QLayout):
    """Left-to-right layout that wraps its items onto more lines when narrow."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt override)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """One line holding every item (what it takes not to wrap)."""
        width = sum(i.sizeHint().width() for i in self._items)
        width += self._spacing * max(len(self._items) - 1, 0)
        height = max((i.sizeHint().height() for i in self._items), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:  # noqa: N802
        """The widest single item: anything wider wraps."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place the items within rect (if move); the height they need."""
        m: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(m)
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()


class ElidedLabel(QLabel):
    """One line of plain text ending in "…" when too narrow; the full text as tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._mode = mode
        self._full = ""
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        """Show text, elided to the current width."""
        self._full = text
        self.setToolTip(plain_tip(text))
        self._elide()

    def full_text(self) -> str:
        """The text before eliding."""
        return self._full

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance("……"), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.contentsRect().width(),
                    self.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin))
        super().setText(self.fontMetrics().elidedText(self._full, self._mode, width))


class WrapDelegate(QStyledItemDelegate):
    """Rows of a QTreeView as tall as their wrapped text in the current column widths.

    QTreeView asks sizeHint without a width, so a long cell stays one clipped line; this
    measures each cell at its column's width (CJK text breaks between any characters).
    """

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        width = self._view.header().sectionSize(index.column()) - 8
        text = str(index.data() or "")
        if width <= 0 or not text:
            return hint
        rect = option.fontMetrics.boundingRect(QRect(0, 0, width, 100000),
                                               int(Qt.TextFlag.TextWordWrap), text)
        return QSize(hint.width(), max(hint.height(), rect.height() + 6))


# What a window manager's title bar and borders take around a window.
_FRAME_W, _FRAME_H = 16, 40


def fit_screen(window: QWidget, width: int, height: int, frame: bool = True) -> None:
    """Resize window to width×height, or less where its screen has no room for that (and
    for a window manager's frame, unless frame is False: a size saved from a window that
    filled the screen already left room for it): a 1000-px-tall print preview on a
    1024×700 screen would hide its bottom row off-screen."""
    screen = (window.parentWidget() or window).screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    area = screen.availableGeometry()
    w, h = (_FRAME_W, _FRAME_H) if frame else (0, 0)
    window.resize(min(width, area.width() - w), min(height, area.height() - h))


def plain_tip(text: str) -> str:
    """A tooltip that shows text as written. Qt renders a tooltip that looks like HTML as
    rich text (a report title "<img src=file:///…>" would load a file): such text is
    escaped inside a paragraph that keeps its line breaks; other text is left as it is."""
    if not text or not QtGuiNamespace.mightBeRichText(text):
        return text or ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


# What a core message tells the command line's user: "(--force / --separate)", "请加 --force".
_FLAG_ASIDE = re.compile(r"\s*[（(][^）)]*(?<![\w-])--[a-z][^）)]*[）)]")
_FLAG_CLAUSE = re.compile(r"[^，；,;]*(?<![\w-])--[a-z][\w-]*[^，；,;]*[，；,;]?")


def gui_words(message: str) -> str:
    """A core message as the window says it: the Chinese half of "中文 / English", and no
    command-line flag (the window has its own way to do what a flag does)."""
    lines = []
    for line in message.splitlines():
        head = _FLAG_ASIDE.sub("", line).split(" / ", 1)[0]
        lines.append(_FLAG_CLAUSE.sub("", head).rstrip("，；,; ") or head)
    return "\n".join(lines)


def warn_plain(parent: QWidget | None, title: str, message: str) -> None:
    """The modal warning box, showing message (which names files, quotes documents) as
    written, in the window's words (gui_words)."""
    QMessageBox.warning(parent, title, plain_tip(gui_words(message)))
