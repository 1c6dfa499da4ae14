"""报告信息: a report's region, plan year, title and kind, prefilled with what the text gave.

Opened from the tree's context menu (设定地区、年份…) and, at import, for a report whose
region or plan year the text does not settle: then the dialog says which, shows the
report's first lines, and 跳过 keeps the best guess (still marked uncertain; the user can
set it later). The region box lists the regions already in the store, so picking one
files the report with them (云南 = 云南省 either way: the store keeps one spelling).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QSpinBox, QWidget)

from tracker.labels import REPORT_KIND_LABELS
from tracker.regions import canonical

_NO_YEAR = 1948      # the spin box's "unknown" value, just below the first plausible year
_FIELD_WORDS = {"region": "地区", "plan_year": "计划年份"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("report_identity", text)


class ReportIdentityDialog(QDialog):
    """The fields of one report (a store.reports() row), all editable."""

    def __init__(self, parent: QWidget | None, report: dict, regions: list[str], preview: str = "",
                 at_import: bool = False) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(_tr("确认报告的地区和年份") if at_import else _tr("报告信息"))
        form = QFormLayout(self)
        unsure = [_FIELD_WORDS[f] for f in report.get("uncertain") or () if f in _FIELD_WORDS]
        if at_import or unsure:
            note = QLabel(_tr("原文没有写清%1，下面是程序的推测，请确认或修改：").replace(
                "%1", "、".join(unsure) or _tr("地区和年份")))
            note.setWordWrap(True)
            form.addRow(note)
        if report.get("document_name"):
            form.addRow(_tr("文件"), QLabel(str(report["document_name"])))
        if preview:
            lines = QPlainTextEdit(preview)
            lines.setReadOnly(True)
            lines.setMaximumHeight(110)
            form.addRow(_tr("开头"), lines)
        self.region = QComboBox()
        self.region.setEditable(True)
        self.region.addItems(sorted({r for r in regions if r}))
        self.region.setCurrentText(report.get("region") or "")
        self.region.lineEdit().setPlaceholderText(_tr("如 云南省、芜湖市、泾县、国务院"))
        form.addRow(_tr("地区"), self.region)
        self.year = QSpinBox()
        self.year.setRange(_NO_YEAR, 2100)
        self.year.setSpecialValueText(_tr("（未知）"))
        self.year.setValue(report.get("plan_year") or _NO_YEAR)
        form.addRow(_tr("计划年份"), self.year)
        self.title_edit = QLineEdit(report.get("title") or "")
        form.addRow(_tr("标题"), self.title_edit)
        self.kind = QComboBox()
        for kind, label in REPORT_KIND_LABELS.items():
            self.kind.addItem(_tr(label), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(report.get("kind") or "plan")))
        form.addRow(_tr("类型"), self.kind)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(_tr("确定"))
        buttons.button(QDialogButtonBox.Cancel).setText(_tr("跳过") if at_import else _tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, 0)

    def values(self) -> dict:
        """The fields as the dialog shows them (region in its one spelling, None for unknown)."""
        year = self.year.value()
        return {"region": canonical(self.region.currentText().strip()) or None,
                "plan_year": None if year == _NO_YEAR else year,
                "title": self.title_edit.text().strip() or self.report.get("title") or "",
                "kind": self.kind.currentData()}

    def changes(self) -> dict:
        """The fields the user changed; at import, confirming unchanged uncertain fields counts too."""
        values = self.values()
        out = {k: v for k, v in values.items() if v != self.report.get(k)}
        for field in self.report.get("uncertain") or ():
            out.setdefault(field, values[field])    # 确定 confirms the guess
        return out

    def ask(self) -> dict | None:
        """Run modally: the changed fields ({} when only confirmed nothing), None when skipped."""
        try:
            return self.changes() if self.exec() == QDialog.Accepted else None
        finally:
            self.deleteLater()
