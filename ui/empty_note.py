"""Why the table is empty: a note over the empty table naming what excluded everything.

"没有符合的承诺" alone leaves the user guessing whether the search, a filter or the tree
selection is to blame; the note lists the conditions in force (and the alias spellings a
search also tried), with the way out: 重置筛选 (Ctrl+Shift+R) or 全部报告 in the tree.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel

from tracker.labels import kind_label, status_label
from tracker.search_terms import search_terms
from tracker.store import Filter


def _tr(text: str) -> str:
    return QCoreApplication.translate("EmptyNote", text)


def explain(f: Filter, scope_title: str, store_empty: bool) -> str:
    """The note for an empty result of f under the tree node scope_title."""
    if store_empty:
        return _tr("台账中还没有承诺。请用“文件 ▸ 导入报告”（Ctrl+I）导入政府工作报告，或把文件拖到窗口。")
    return (_tr("没有符合条件的承诺。") + "\n" + "；".join(conditions(f, scope_title)) + "\n"
            + _tr("可改动搜索词、点左侧“全部报告”，或重置筛选（Ctrl+Shift+R）。"))


def conditions(f: Filter, scope_title: str) -> list[str]:
    """The conditions in force, in words ("仅待核实", "范围：浙江省"): what a row must meet to be listed."""
    reasons = []
    if f.text:
        terms = search_terms(f.text)
        also = [t for t in terms if t != f.text]
        reasons.append(_tr("承诺内容不含“%1”").replace("%1", f.text)
                       + (_tr("（也查了：%1）").replace("%1", "、".join(also)) if also else ""))
    if f.report_id == -1:
        reasons.append(_tr("左侧所选年度与“年度”筛选不同"))
    elif scope_title:
        reasons.append(_tr("范围：%1").replace("%1", scope_title))
    if f.year and f.report_id != -1:
        reasons.append(_tr("年度：%1年").replace("%1", str(f.year)))
    if f.kind:
        reasons.append(_tr("类型：%1").replace("%1", kind_label(f.kind)))
    if f.status:
        reasons.append(_tr("状态：%1").replace("%1", status_label(f.status)))
    if f.theme:
        reasons.append(_tr("分类：%1").replace("%1", f.theme))
    if getattr(f, "unit", None):
        reasons.append(_tr("责任单位：%1").replace("%1", f.unit))
    for on, word in ((f.overdue, "仅逾期"), (f.behind, "仅滞后"), (f.pending, "仅待核实")):
        if on:
            reasons.append(_tr(word))
    return reasons


class EmptyNote(QLabel):
    """A centred, wrapping note shown over a table's viewport while the table is empty."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view.viewport())
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
        self._view = view
        view.viewport().installEventFilter(self)   # follow the viewport's size
        self.hide()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self._view.viewport().rect())
        return False

    def show_text(self, text: str | None) -> None:
        """Show text over the view (None hides the note)."""
        if not text:
            self.hide()
            return
        self.setText(text)
        self.setGeometry(self._view.viewport().rect())
        self.show()
        self.raise_()
