"""What units reported on a commitment (单位自报), shown the way a suggestion is: beside the
office's own status, never replacing it, each with 采纳 / 驳回. A conflict (the office marked
the item after the form went out, or dropped, split or merged it) shows both sides."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFrame, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from tracker.labels import SUGGESTION_STATES
from ui.card_list import DecisionList, badge, decision_buttons, plain_label
from ui.compact import FlowLayout
from ui.status_style import status_label

_CONFLICT_STYLE = "color: #a8231a;"


def _badge(label: QLabel, status: str | None) -> None:
    badge(label, status or "unknown", status_label(status) if status else label.tr("未选状态"))


def report_lines(report: Mapping[str, Any]) -> list[str]:
    """The words of a report under its badge: who and when, progress, value, evidence, contact."""
    lines = [f"{report['unit']}  {report.get('date') or ''}".strip()]
    if report.get("progress"):
        lines.append(str(report["progress"]))
    if report.get("value"):
        lines.append(f"完成值：{report['value']}")
    if report.get("evidence"):
        lines.append(f"佐证材料：{report['evidence']}")
    contact = "  ".join(x for x in (report.get("reporter"), report.get("phone")) if x)
    if contact:
        lines.append(f"填报人：{contact}")
    return lines


def conflict_words(report: Mapping[str, Any], office_status: str | None) -> str:
    """Both sides of a conflict in one line: the unit's word, then the office's (the store's
    words say what the office did; with no mark since, its present status)."""
    unit = status_label(report["status"]) if report.get("status") else "未选状态"
    office = report["conflict"]
    if "标记为" not in office:
        office += f"（办公室现为“{status_label(office_status) if office_status else '未标记'}”）"
    return f"⚠ 冲突：单位报“{unit}”；{office}"


class UnitReportBox(QGroupBox):
    """The newest unit report, beside 后续报告所称 and 用户核实 (hidden when there is none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("单位自报"))
        inner = QVBoxLayout(self)
        row = QHBoxLayout()
        self.status = QLabel()
        self.state = plain_label(wrap=False)
        self.state.setStyleSheet("color: palette(placeholder-text);")
        row.addWidget(self.status)
        row.addWidget(self.state)
        row.addStretch(1)
        inner.addLayout(row)
        self.detail = plain_label()
        self.conflict = plain_label()
        self.conflict.setStyleSheet(_CONFLICT_STYLE)
        inner.addWidget(self.detail)
        inner.addWidget(self.conflict)
        inner.addStretch(1)
        self.hide()

    def show_reports(self, reports: Sequence[Mapping[str, Any]], office_status: str | None) -> None:
        """Show the newest report (reports newest first), or hide."""
        if not reports:
            self.hide()
            return
        latest = reports[0]
        _badge(self.status, latest.get("status"))
        state = latest.get("state") or "pending"
        self.state.setText(self.tr(SUGGESTION_STATES.get(state, state)))
        self.detail.setText("\n".join(report_lines(latest)[:2]))
        self.conflict.setText(conflict_words(latest, office_status) if latest.get("conflict") else "")
        self.conflict.setVisible(bool(latest.get("conflict")))
        self.show()


class UnitReportCard(QFrame):
    """One unit report: its status, state, words, a conflict's two sides, 采纳 / 驳回."""

    def __init__(self, report: Mapping[str, Any], office_status: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rid = int(report["id"])
        self.setFrameShape(QFrame.StyledPanel)
        layout = QVBoxLayout(self)
        head_row = QWidget()
        head = FlowLayout(head_row)
        self.status = QLabel()
        _badge(self.status, report.get("status"))
        head.addWidget(self.status)
        state = report.get("state") or "pending"
        self.state = plain_label(self.tr(SUGGESTION_STATES.get(state, state)), wrap=False)
        head.addWidget(self.state)
        decision_buttons(self, head, self.tr("采纳：按单位所报记录办公室的状态（可撤销）"),
                         self.tr("驳回：不采用这条单位自报（可撤销）"))
        self.accept_button.setEnabled(state != "accepted" and bool(report.get("status")))
        self.reject_button.setEnabled(state != "rejected")
        layout.addWidget(head_row)
        layout.addWidget(plain_label("\n".join(report_lines(report))))
        if report.get("conflict"):
            conflict = plain_label(conflict_words(report, office_status))
            conflict.setStyleSheet(_CONFLICT_STYLE)
            layout.addWidget(conflict)


class UnitReportList(DecisionList):
    """Every unit report of a commitment, newest first; emits the id accepted or rejected."""

    empty = QT_TRANSLATE_NOOP("UnitReportList", "暂无单位自报。用“督办 ▸ 生成报送表…”发出报送表，"
                              "收回后用“督办 ▸ 导入报送表…”（或把文件拖到窗口上）导入。")

    def set_reports(self, reports: Sequence[Mapping[str, Any]], office_status: str | None) -> None:
        """Replace the cards."""
        cards = [UnitReportCard(report, office_status) for report in reports]
        self.set_cards(cards, [card.rid for card in cards])
