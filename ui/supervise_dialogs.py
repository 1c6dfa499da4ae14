"""The 督办 dialogs: 指派责任单位, 生成报送表, a collect's import report, and a 分工方案's
matching with its unmatched tasks to match by hand or add as 督办事项."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QDate, QStringListModel, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QCompleter, QDateEdit, QDialog, QDialogButtonBox,
                               QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from tracker.unit_names import split_units
from ui.card_list import plain_label

_SEPARATOR = re.compile(r"[、，,]")


class _UnitCompleter(QCompleter):
    """Completes the unit being typed after the last 、 or ，, keeping those before it."""

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt override)
        return [_SEPARATOR.split(path)[-1].strip()]

    def pathFromIndex(self, index) -> str:  # noqa: N802 (Qt override)
        typed = self.widget().text()
        head = typed[:max((m.end() for m in _SEPARATOR.finditer(typed)), default=0)]
        return head + str(index.data())


def unit_field(units: list[str], text: str = "") -> QLineEdit:
    """A line for several units ("人社厅、财政厅"), completing each from the known ones."""
    field = QLineEdit(text)
    completer = _UnitCompleter(QStringListModel(units, field), field)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    field.setCompleter(completer)
    return field


class AssignDialog(QDialog):
    """指派责任单位 for the selected rows: lead units (each co-lead counts) and partners."""

    def __init__(self, parent: QWidget | None, units: list[str], count: int,
                 leads: str = "", partners: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("指派责任单位"))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("为选中的 %1 条承诺指派责任单位。多个单位用顿号或逗号分隔；"
                                             "共同牵头的，每个单位在通报中各计一次。").replace("%1", str(count))))
        form = QFormLayout()
        self.leads = unit_field(units, leads)
        self.leads.setPlaceholderText(self.tr("如：人社厅、财政厅"))
        self.partners = unit_field(units, partners)
        form.addRow(self.tr("牵头单位"), self.leads)
        form.addRow(self.tr("配合单位"), self.partners)
        layout.addLayout(form)
        self.clear = QCheckBox(self.tr("清除指派（不指派任何单位，也不按原文所写）"))
        layout.addWidget(self.clear)
        self.clear.toggled.connect(lambda on: (self.leads.setEnabled(not on), self.partners.setEnabled(not on)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.note = plain_label()
        self.note.setStyleSheet("color: #a8231a;")
        layout.addWidget(self.note)
        self.resize(460, self.sizeHint().height())

    def values(self) -> tuple[list[str], list[str], bool]:
        """(lead units, partner units, clear)."""
        return split_units(self.leads.text()), split_units(self.partners.text()), self.clear.isChecked()

    def _accept(self) -> None:
        leads, partners, clear = self.values()
        if not clear and not leads:
            self.note.setText(self.tr("请填写牵头单位"))
            return
        self.accept()


class FormsDialog(QDialog):
    """生成报送表: into which folder, for which plan year and unit, until when."""

    def __init__(self, parent: QWidget | None, folder: str, years: list[int], units: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("生成报送表"))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("为每个责任单位生成一份 Excel 报送表，列出其牵头、配合的未完成承诺。"
                                             "各单位填好后发回，用“导入报送表…”或拖到窗口上导入。")))
        form = QFormLayout()
        row = QHBoxLayout()
        self.folder = QLineEdit(folder)
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form.addRow(self.tr("保存到文件夹"), row)
        self.year = QComboBox()
        self.year.addItem(self.tr("全部年度"), None)
        for y in years:
            self.year.addItem(str(y), y)
        form.addRow(self.tr("计划年份"), self.year)
        self.unit = QComboBox()
        self.unit.addItem(self.tr("全部单位（每单位一份）"), None)
        for u in units:
            self.unit.addItem(u, u)
        form.addRow(self.tr("单位"), self.unit)
        due_row = QHBoxLayout()
        self.has_due = QCheckBox(self.tr("报送截止日期"))
        self.due = QDateEdit(QDate.currentDate().addDays(14))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setMinimumDate(QDate.currentDate())
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due)
        due_row.addStretch(1)
        form.addRow(due_row)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("保存报送表的文件夹"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def values(self) -> dict:
        """folder, plan_year, unit, due (a date or None)."""
        return {"folder": self.folder.text().strip(), "plan_year": self.year.currentData(),
                "unit": self.unit.currentData(),
                "due": self.due.date().toPython() if self.has_due.isChecked() else None}


class ReportDialog(QDialog):
    """The import report of a collect (or any list of lines): selectable, copyable text."""

    def __init__(self, parent: QWidget | None, title: str, summary: str, lines: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        head = plain_label(summary)
        font = head.font()
        font.setBold(True)
        head.setFont(font)
        layout.addWidget(head)
        self.text = QPlainTextEdit("\n".join(lines))
        self.text.setReadOnly(True)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(760, 420)


NOTHING, TASK = "nothing", "task"


class PlanDialog(QDialog):
    """A 分工方案 matched: how many tasks found their commitments, and each unmatched task with
    what to do about it: nothing, 添加为督办事项, or the commitment it stands for (by hand)."""

    def __init__(self, parent: QWidget | None, match, candidates: list[tuple[int, str]]) -> None:
        super().__init__(parent)
        self.match = match
        self.setWindowTitle(self.tr("导入分工方案 — %1").replace("%1", Path(match.plan.path).name))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(match.line() + self.tr("。已对应的任务将把牵头、配合单位和完成时限"
                                                            "（报告未写时限的）记到对应的承诺上。")))
        if match.unmatched:
            layout.addWidget(QLabel(self.tr("未对应的任务：可手工指定对应的承诺，或添加为督办事项。")))
        self.table = QTableWidget(len(match.unmatched), 3)
        self.table.setHorizontalHeaderLabels([self.tr("任务"), self.tr("牵头单位"), self.tr("处理")])
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 300)
        self.choices: list[QComboBox] = []
        for r, row in enumerate(match.unmatched):
            task = QTableWidgetItem(f"{row.number + '. ' if row.number else ''}{row.task}")
            task.setToolTip(row.task)
            self.table.setItem(r, 0, task)
            self.table.setItem(r, 1, QTableWidgetItem("、".join(row.leads)))
            choice = QComboBox()
            choice.addItem(self.tr("不处理"), NOTHING)
            choice.addItem(self.tr("添加为督办事项"), TASK)
            for cid, label in candidates:
                choice.addItem(f"#{cid} {label[:40]}", cid)
            choice.setEditable(True)       # type to find the commitment it stands for
            choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            choice.completer().setFilterMode(Qt.MatchFlag.MatchContains)
            choice.setCurrentIndex(1)
            self.table.setCellWidget(r, 2, choice)
            self.choices.append(choice)
        self.table.setVisible(bool(match.unmatched))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导入"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 520 if match.unmatched else 160)

    def decisions(self) -> tuple[dict[str, list[int]], list]:
        """(task -> ids matched by hand, rows to add as 督办事项)."""
        extra: dict[str, list[int]] = {}
        tasks = []
        for row, choice in zip(self.match.unmatched, self.choices):
            data = choice.currentData()
            if data == TASK:
                tasks.append(row)
            elif isinstance(data, int):
                extra[row.where] = [data]
        return extra, tasks
