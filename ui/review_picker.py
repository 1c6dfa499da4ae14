"""选择核验文件: 查找核验证据 against a document the user picks for the selected plan.

The candidates are every other report in the store, nearest first (the plan's region in
any spelling, then the year after the plan's: tracker.pairing.ranked_reviews); those the
search would find by itself are marked 自动. The choice is a document: a compilation's
other reports come with it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from tracker.labels import report_kind_label
from tracker.pairing import can_review, ranked_reviews

_ROW = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("review_picker", text)


def _where(report: dict) -> str:
    region = report.get("region") or _tr("（未识别地区）")
    year = report.get("plan_year")
    return f"{region} {year}年" if year else region


class ReviewPickerDialog(QDialog):
    """The reports that may review plan (a store.reports() row), nearest first; one to pick."""

    def __init__(self, parent: QWidget | None, plan: dict, reports: list[dict]) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("选择核验文件"))
        layout = QVBoxLayout(self)
        intro = QLabel(_tr("用哪份文件核验「%1」（%2）的承诺？").replace("%1", plan.get("title") or "")
                       .replace("%2", _where(plan)))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels([_tr("地区"), _tr("年份"), _tr("类型"), _tr("标题"), _tr("文件"), ""])
        for r in ranked_reviews(plan, reports):
            item = QTreeWidgetItem([
                r.get("region") or _tr("（未识别地区）"), str(r.get("report_year") or r.get("plan_year") or ""),
                report_kind_label(r.get("kind")), r.get("title") or "", r.get("document_name") or "",
                _tr("自动") if can_review(plan, r) else ""])
            item.setData(0, _ROW, r)
            item.setToolTip(3, r.get("title") or "")
            self.list.addTopLevelItem(item)
        for col in range(6):
            self.list.resizeColumnToContents(col)
        self.list.setColumnWidth(3, min(self.list.columnWidth(3), 320))
        if self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())
        layout.addWidget(self.list)
        note = QLabel(_tr("标「自动」的文件会被自动查找；其他文件地区或年份不同，也可以指定。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(_tr("查找核验证据"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(_tr("取消"))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(self.list.topLevelItemCount() > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(760, 380)

    def chosen(self) -> dict | None:
        """The picked report row (its document is the review), or None."""
        item = self.list.currentItem()
        return item.data(0, _ROW) if item is not None else None

    def ask(self) -> dict | None:
        """Run modally: the picked report row, or None when cancelled."""
        try:
            return self.chosen() if self.exec() == QDialog.Accepted else None
        finally:
            self.deleteLater()
