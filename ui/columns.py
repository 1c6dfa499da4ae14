"""The table's column widths at any window size: 承诺内容 keeps at least TEXT_SHARE of the table.

The other columns are measured in characters of the table's font (never fixed pixels), at
their natural width while there is room; on a narrow table they share what 承诺内容
leaves, down to a least width each (their text elides, the whole in the tooltip; 类型
and 状态 then print their short words). 承诺内容 stretches over the rest. The widths are
fitted again whenever the table's width or its shown columns change.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QTableView

from ui.models import COLUMN, COLUMNS

TEXT_SHARE = 0.45
# (natural, least) width of each other column, in characters of its usual content.
CHARS = {"kind": (4, 2), "target": (7, 3), "deadline": (4, 2), "status": (4, 3), "flags": (2, 2),
         "evidence": (1.5, 1.5), "indicator": (6, 1.5), "report": (6.5, 2),
         "units": (4.5, 1)}
# The words a narrow 类型 or 状态 cell prints instead of its whole one.
SHORT = {"预期目标": "目标", "民生实事": "实事", "项目承诺": "项目", "部分完成": "部分"}


def fitted_widths(visible: list[str], table_width: int, char: float, padding: int) -> dict[str, int]:
    """Pixel widths of the visible non-text columns so that 承诺内容 keeps TEXT_SHARE of
    table_width: natural when they fit, else shrunk between natural and least in proportion."""
    natural = {k: CHARS[k][0] * char + padding for k in visible}
    least = {k: CHARS[k][1] * char + padding for k in visible}
    budget = table_width * (1 - TEXT_SHARE)
    spare = sum(natural.values()) - sum(least.values())
    share = 1.0 if spare <= 0 else min(1.0, max(0.0, (budget - sum(least.values())) / spare))
    return {k: int(least[k] + share * (natural[k] - least[k])) for k in visible}


class ShortWordsDelegate(QStyledItemDelegate):
    """Prints a cell's short word (目标, 部分) when its whole word does not fit."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt override)
        super().initStyleOption(option, index)
        short = SHORT.get(option.text)
        if short and option.fontMetrics.horizontalAdvance(option.text) > option.rect.width() - 8:
            option.text = short


class ColumnFitter(QObject):
    """Keeps the widths of a commitments table's columns fitted to its width."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        header = table.horizontalHeader()
        header.setSectionResizeMode(COLUMN["text"], QHeaderView.ResizeMode.Stretch)
        self.short_words = ShortWordsDelegate(table)
        for key in ("kind", "status"):
            table.setItemDelegateForColumn(COLUMN[key], self.short_words)
        table.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _measures(self) -> tuple[list[str], int, int]:
        """The shown columns other than 承诺内容, a character's width and a cell's padding."""
        header = self.table.horizontalHeader()
        visible = [key for key, _title, _order in COLUMNS
                   if key != "text" and not header.isSectionHidden(COLUMN[key])]
        style = self.table.style()
        padding = style.pixelMetric(style.PixelMetric.PM_FocusFrameHMargin) * 2 + 8
        return visible, self.table.fontMetrics().horizontalAdvance("中"), padding

    def fit(self) -> None:
        """Set the widths of the shown columns for the table's present width."""
        header = self.table.horizontalHeader()
        visible, char, padding = self._measures()
        widths = fitted_widths(visible, self.table.viewport().width(), char, padding)
        if widths:
            # The style's minimum section (~3 characters) would undo the least widths.
            header.setMinimumSectionSize(min(header.minimumSectionSize(), min(widths.values())))
        for key, width in widths.items():
            header.resizeSection(COLUMN[key], width)

    def needed_width(self) -> int:
        """The table's width at which 承诺内容 keeps its share with the others at their least."""
        visible, char, padding = self._measures()
        least = sum(CHARS[k][1] * char + padding for k in visible)
        chrome = self.table.width() - self.table.viewport().width()
        return int(least / (1 - TEXT_SHARE)) + chrome + 1

    def text_share(self) -> float:
        """The share of the table's width 承诺内容 has now."""
        width = self.table.viewport().width()
        return self.table.horizontalHeader().sectionSize(COLUMN["text"]) / width if width else 0.0

