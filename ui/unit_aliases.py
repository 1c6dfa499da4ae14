"""单位与别名: the units of the store with their counts and aliases. The user says two names are
one unit (人社厅 = 自治区人力资源社会保障厅: the second becomes an alias, its commitments count
under the first) and takes an alias back. Each is an undoable command on the window's stack
(tracker.store.units: an alias row, undone by a row voiding it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ui.commands import errors_to
from ui.detail_format import local_time
from ui.card_list import plain_label
from ui.supervise_commands import AliasCommand, UnaliasCommand
from ui.supervise_dialogs import unit_field

UNIT_HEADER = ("单位", "别名", "牵头", "配合", "未完成")


def _table(columns: int, labels: list[str]) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setHorizontalHeaderLabels(labels)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for c in (0, 1):                          # the names take the width, the counts keep theirs
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            item = QTableWidgetItem(value)
            if value.isdigit():
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(r, c, item)


class UnitAliasDialog(QDialog):
    """Units and their aliases; 设为别名 and 取消别名 push commands onto `push` (the window's
    undo stack) and the lists are read again from the store after each."""

    def __init__(self, parent: QWidget | None, store, push: Callable, notify: Callable[[list[int]], None],
                 alias: str = "") -> None:
        super().__init__(parent)
        self.store, self._push, self._notify = store, push, notify
        self.setWindowTitle(self.tr("单位与别名"))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr(
            "同一单位的不同写法：把一个名称设为另一单位的别名，它的承诺就计在该单位名下（列表、筛选、报送表、通报）。"
            "单位保留最先出现的写法；别名可以取消，也可以用“编辑 ▸ 撤销”撤回。")))
        self.units = _table(len(UNIT_HEADER), [self.tr(h) for h in UNIT_HEADER])
        self.units.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)   # a click picks one
        self.units.itemSelectionChanged.connect(self._unit_picked)
        layout.addWidget(self.units, 3)

        row = QHBoxLayout()
        self.alias = unit_field([], alias)
        self.alias.setPlaceholderText(self.tr("另一写法，如：自治区人力资源社会保障厅"))
        self.unit = unit_field([])
        self.unit.setPlaceholderText(self.tr("单位，如：人社厅"))
        self.add_button = QPushButton(self.tr("设为别名"))
        self.add_button.clicked.connect(self.add_alias)
        row.addWidget(self.alias, 1)
        row.addWidget(QLabel(self.tr("是")))
        row.addWidget(self.unit, 1)
        row.addWidget(QLabel(self.tr("的别名")))
        row.addWidget(self.add_button)
        layout.addLayout(row)

        layout.addWidget(QLabel(self.tr("别名")))
        self.aliases = _table(3, [self.tr("别名"), self.tr("归入单位"), self.tr("设定时间")])
        self.aliases.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.aliases.itemSelectionChanged.connect(self._alias_picked)
        layout.addWidget(self.aliases, 2)
        self.remove_button = QPushButton(self.tr("取消选中的别名"))
        self.remove_button.clicked.connect(self.remove_alias)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.note = plain_label()
        self.note.setStyleSheet("color: #a8231a;")
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 560)
        self.reload()

    def reload(self) -> None:
        """Read the units and the aliases again."""
        self.known = self.store.units.known()
        self.alias_rows = self.store.units.aliases()
        _fill(self.units, [[u["name"], "、".join(u["aliases"]), str(u["lead"]), str(u["partner"]), str(u["open"])]
                           for u in self.known])
        _fill(self.aliases, [[a["alias"], a["unit"], local_time(a["created_at"])]
                             for a in self.alias_rows])
        names = [u["name"] for u in self.known]
        for field in (self.alias, self.unit):
            field.completer().model().setStringList(names)
        self.remove_button.setEnabled(False)
        writable = not getattr(self.store, "read_only", None)
        self.add_button.setEnabled(writable)
        self.aliases.setEnabled(bool(self.alias_rows))

    def _unit_picked(self) -> None:
        """A unit clicked in the list fills the empty field: first the alias, then the unit."""
        rows = {i.row() for i in self.units.selectedItems()}
        if len(rows) == 1:
            name = self.known[rows.pop()]["name"]
            target = self.alias if not self.alias.text().strip() else self.unit
            if target is self.unit and self.alias.text().strip() == name:
                return
            target.setText(name)

    def _alias_picked(self) -> None:
        writable = not getattr(self.store, "read_only", None)
        self.remove_button.setEnabled(writable and bool(self.aliases.selectedItems()))

    def _run(self, command) -> None:
        self.note.clear()
        with errors_to(self.note.setText):
            self._push(command)
        self.reload()

    def add_alias(self) -> None:
        """设为别名: the first field's name becomes an alias of the second's unit."""
        alias, unit = self.alias.text().strip(), self.unit.text().strip()
        if not alias or not unit:
            self.note.setText(self.tr("请填写两个名称：别名和它归入的单位"))
            return
        self._run(AliasCommand(self.store, alias, unit, notify=self._notify))
        if not self.note.text():
            self.alias.clear()
            self.unit.clear()

    def remove_alias(self) -> None:
        """取消选中的别名: the selected alias row voided."""
        rows = {i.row() for i in self.aliases.selectedItems()}
        if rows:
            a = self.alias_rows[rows.pop()]
            self._run(UnaliasCommand(self.store, a["id"], f"{a['alias']} → {a['unit']}", notify=self._notify))
