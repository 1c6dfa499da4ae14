"""Read-only view of source lines with their real line numbers and a highlighted quote.

The document text is plain text (QPlainTextEdit never interprets markup, so a
`<script>` in a report shows literally). The quote is found again inside the
lines ignoring whitespace, because a commitment's text is verbatim "whitespace
inside may be dropped" and may cross a line break; it is highlighted per line.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

QUOTE_BACKGROUND = QColor("#ffe082")
LINE_BACKGROUND = QColor("#fff8e1")


def find_quote(text: str, quote: str, start_at: int = 0) -> list[tuple[int, int]]:
    """Spans (start, end) in text covering quote, ignoring whitespace; one span per line.

    The search starts at start_at (the quote's own line) and falls back to the
    whole text; [] when the quote is not there.
    """
    needle = "".join(quote.split())
    if not needle:
        return []
    positions = [i for i, ch in enumerate(text) if not ch.isspace()]
    haystack = "".join(text[i] for i in positions)
    first = next((k for k, i in enumerate(positions) if i >= start_at), len(positions))
    hit = haystack.find(needle, first)
    if hit < 0:
        hit = haystack.find(needle)
    if hit < 0:
        return []
    spans: list[tuple[int, int]] = []
    for k in range(hit, hit + len(needle)):
        pos = positions[k]
        if spans and "\n" not in text[spans[-1][1]:pos]:
            spans[-1] = (spans[-1][0], pos + 1)
        else:
            spans.append((pos, pos + 1))
    return spans


def _mark_spans(marks: Sequence[tuple[int, int, int]], numbers: list[int], starts: list[int],
                texts: list[str]) -> list[tuple[int, int]]:
    """Text positions of (line number, from column, to column) marks on the shown lines."""
    spans = []
    for no, a, b in marks:
        if no in numbers:
            i = numbers.index(no)
            a, b = max(0, int(a)), min(len(texts[i]), int(b))
            if a < b:
                spans.append((starts[i] + a, starts[i] + b))
    return spans


class _Gutter(QWidget):
    """The line-number margin painted by its SourceView."""

    def __init__(self, view: SourceView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self._view.gutter_width(), 0)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._view.paint_gutter(event)


class SourceView(QPlainTextEdit):
    """Plain-text lines numbered as in the document, with the quote highlighted.

    With offer_add, the context menu of a selection offers 添加为承诺 (add_requested
    carries the selected text and the document line it starts on).
    """

    add_requested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None, offer_add: bool = False) -> None:
        super().__init__(parent)
        self._offer_add = offer_add
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self._numbers: list[int] = []
        self._numbered = True
        self._centre_pending = False
        self._gutter = _Gutter(self)
        self.blockCountChanged.connect(self._update_margin)
        self.updateRequest.connect(self._update_gutter)
        self._update_margin()

    # -- content -------------------------------------------------------------------------
    def set_lines(self, lines: Sequence[tuple[int, str]], quote: str = "",
                  line: int | None = None,
                  marks: Sequence[tuple[int, int, int]] | None = None,
                  numbered: bool = True) -> list[tuple[int, int]]:
        """Show (number, text) lines, highlight the quote, scroll to it; the spans highlighted.

        marks are the store's (line number, from column, to column) spans, exact when
        the extractor knew the quote's offsets; without them the quote is searched
        for near its line. numbered=False: lines that are no document's (a 分工方案's row),
        shown without the line-number margin.
        """
        self._numbered = numbered
        self._numbers = [int(no) for no, _text in lines]
        texts = [str(t) for _no, t in lines]
        text = "\n".join(texts)
        self.setPlainText(text)
        starts, pos = [], 0
        for t in texts:
            starts.append(pos)
            pos += len(t) + 1
        line_pos = starts[self._numbers.index(line)] if line in self._numbers else None
        spans = _mark_spans(marks or (), self._numbers, starts, texts)
        if not spans and quote:
            spans = find_quote(text, quote, line_pos or 0)
        self._highlight(spans, line_pos)
        self._scroll_to(spans[0][0] if spans else (line_pos or 0))
        self._update_margin()
        return spans

    def line_number(self, block_no: int) -> int:
        """The document line number shown for a block (block_no + 1 without numbers)."""
        if 0 <= block_no < len(self._numbers):
            return self._numbers[block_no]
        return block_no + 1

    def selection(self) -> tuple[str, int | None]:
        """The selected text (line breaks as in the document) and the line it starts on."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return "", None
        text = cursor.selectedText().replace("\u2029", "\n")
        block = self.document().findBlock(cursor.selectionStart())
        return text, self.line_number(block.blockNumber())

    def request_add(self) -> None:
        """Emit add_requested for the selection (nothing when none)."""
        text, line = self.selection()
        if text.strip() and line is not None:
            self.add_requested.emit(text, line)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt override)
        menu = self.createStandardContextMenu()
        if self._offer_add:
            action = menu.addAction(self.tr("添加为承诺…"))
            action.setEnabled(bool(self.selection()[0].strip()))
            action.triggered.connect(self.request_add)
            menu.insertAction(menu.actions()[0], action)
            menu.insertSeparator(menu.actions()[1])
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _highlight(self, spans: list[tuple[int, int]], line_pos: int | None) -> None:
        selections = []
        if line_pos is not None:
            # The whole line of the quote, faintly, so it is found even if the quote is not.
            whole = QTextEdit.ExtraSelection()
            whole.format.setBackground(LINE_BACKGROUND)
            whole.format.setProperty(QTextFormat.FullWidthSelection, True)
            # Select the whole block so every wrapped row of a long line is tinted.
            block = self.document().findBlock(line_pos)
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.EndOfBlock, QTextCursor.KeepAnchor)
            whole.cursor = cursor
            selections.append(whole)
        for start, end in spans:
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(QUOTE_BACKGROUND)
            fmt.setFontWeight(700)
            sel.format = fmt
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.KeepAnchor)
            sel.cursor = cursor
            selections.append(sel)
        self.setExtraSelections(selections)

    def highlighted_text(self) -> str:
        """The text covered by the quote highlight (joined across lines), for checks."""
        return "".join(s.cursor.selectedText() for s in self.quote_selections())

    def quote_selections(self) -> list[QTextEdit.ExtraSelection]:
        """The ExtraSelections covering the quote (not the tinted line)."""
        return [s for s in self.extraSelections()
                if not s.format.boolProperty(QTextFormat.FullWidthSelection)]

    def _scroll_to(self, pos: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(pos, self.document().characterCount() - 1))
        self.setTextCursor(cursor)
        self.centerCursor()
        # A hidden view (another tab) has no height yet: centre again once shown.
        self._centre_pending = not self.isVisible()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._centre_pending:
            self._centre_pending = False
            QTimer.singleShot(0, self.centerCursor)

    # -- line-number gutter ----------------------------------------------------------------
    def gutter_width(self) -> int:
        """Width of the margin that holds the largest line number (none for unnumbered lines)."""
        if not self._numbered:
            return 0
        biggest = max(self._numbers[-1] if self._numbers else 0, self.blockCount(), 1)
        return 10 + self.fontMetrics().horizontalAdvance("9") * len(str(biggest))

    def _update_margin(self, *args: object) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)
        self._gutter.setVisible(self._numbered)

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())
        if rect.contains(self.viewport().rect()):
            self._update_margin()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        cr = self.contentsRect()
        self._gutter.setGeometry(QRect(cr.left(), cr.top(), self.gutter_width(), cr.height()))

    def paint_gutter(self, event) -> None:
        """Paint the numbers of the visible blocks."""
        painter = QPainter(self._gutter)
        painter.fillRect(event.rect(), self.palette().alternateBase())
        painter.setPen(self.palette().placeholderText().color())
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                painter.drawText(0, top, self._gutter.width() - 5, height, Qt.AlignRight,
                                 str(self.line_number(block.blockNumber())))
            block = block.next()
            top = bottom
        painter.end()
