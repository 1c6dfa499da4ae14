"""The 概览 tab's 按单位 view: one row per lead unit with the 通报's counts and its 红/黄/绿 mark;
clicking a unit filters the table to it. The counts come from the store in SQL
(tracker.supervise.bulletin_build.unit_lines), the same figures the 通报 prints."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QMenu, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from tracker.supervise.bulletin_data import MARK_FILLS, MARK_INKS, UNIT_COLUMNS, BulletinRule

COLUMNS = UNIT_COLUMNS[1:9]       # 责任单位 … 评价 (序号 and the contact stay on the 通报)


class UnitOverview(QWidget):
    """The units' lines for the current scope; unitClicked(name) when a row is clicked."""

    unitClicked = Signal(str)
    aliasRequested = Signal(str)      # 设为别名…: this unit's name is another unit's alias

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel(self.tr("按单位"))
        font = self.caption.font()
        font.setBold(True)
        self.caption.setFont(font)
        self.rule = QLabel(BulletinRule().words())
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet("color: palette(placeholder-text);")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setToolTip(self.tr("点击单位，在“承诺”表中只看它牵头或配合的承诺"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(COLUMNS)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellClicked.connect(self._clicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.rule)
        self.lines: list = []

    def set_lines(self, lines: list) -> None:
        """Show UnitLines (tracker.supervise.bulletin_data), in their 通报 order."""
        self.lines = list(lines)
        self.table.setRowCount(len(self.lines))
        for r, line in enumerate(self.lines):
            cells = line.cells(r + 1)[1:9]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
            mark = self.table.item(r, len(COLUMNS) - 1)
            mark.setBackground(QBrush(QColor(MARK_FILLS[line.mark])))
            mark.setForeground(QBrush(QColor(MARK_INKS[line.mark])))
        self.caption.setText(self.tr("按单位（%1 个牵头单位）").replace("%1", str(len(self.lines))))

    def _clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.lines):
            self.unitClicked.emit(self.lines[row].unit)

    def _menu(self, pos) -> None:
        row = self.table.rowAt(pos.y())
        if not 0 <= row < len(self.lines):
            return
        menu = QMenu(self)
        name = self.lines[row].unit
        menu.addAction(self.tr("只看此单位"), lambda: self.unitClicked.emit(name))
        menu.addAction(self.tr("设为另一单位的别名…"), lambda: self.aliasRequested.emit(name))
        menu.exec(self.table.viewport().mapToGlobal(pos))
