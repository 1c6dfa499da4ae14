"""The verify engine's suggested evidence for one commitment, each with 采纳 / 驳回.

Each card shows the verdict, the reason, the score, the review document and line,
and the evidence passages as plain text (a `<b>` in a document is shown as
typed, never rendered).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from tracker.labels import SUGGESTION_STATES
from ui.card_list import DecisionList, badge, decision_buttons, plain_label
from ui.compact import ElidedLabel, FlowLayout
from ui.status_style import status_label

STATE_LABELS = SUGGESTION_STATES


def evidence_items(suggestion: Mapping[str, Any]) -> list[dict]:
    """The evidence passages of a suggestion as dicts (text, line, score, document…)."""
    items = suggestion.get("evidence") or []
    if isinstance(items, str):
        try:
            items = json.loads(items)
        except ValueError:
            items = [{"text": items}]
    if isinstance(items, Mapping):
        items = [items]
    return [dict(i) if isinstance(i, Mapping) else {"text": str(i)} for i in items]


def document_name(suggestion: Mapping[str, Any], item: Mapping[str, Any]) -> str:
    """Where a passage comes from: its report's title, else the document's short name."""
    if item.get("report_title"):
        return str(item["report_title"])
    for source in (item, suggestion):
        for key in ("document", "document_name", "review_document", "name", "path"):
            value = source.get(key)
            if isinstance(value, Mapping):
                value = value.get("name") or value.get("title") or value.get("path")
            if value:
                return str(value).replace("\\", "/").rsplit("/", 1)[-1]
    return ""


def format_score(score: Any) -> str:
    """A score as shown: 0.93 → 0.93; None → —."""
    try:
        return f"{float(score):.2f}"
    except (TypeError, ValueError):
        return "—"


class SuggestionCard(QFrame):
    """One suggestion: verdict, score, state, reason, passages, and the two buttons."""

    passage_requested = Signal(int, int, str)   # document id, line, passage text

    def __init__(self, suggestion: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sid = int(suggestion["id"])
        self.setFrameShape(QFrame.StyledPanel)
        layout = QVBoxLayout(self)
        # Verdict, score, state and the two buttons wrap when the detail pane is narrow.
        head_row = QWidget()
        head = FlowLayout(head_row)
        status = suggestion.get("status")
        self.verdict = plain_label(wrap=False)
        badge(self.verdict, status, status_label(status))
        head.addWidget(self.verdict)
        actual = suggestion.get("actual_value")
        extra = self.tr("实际值 %1").replace("%1", f"{actual:g}") if isinstance(
            actual, (int, float)) else ""
        self.score = plain_label(self.tr("得分 %1").replace("%1", format_score(
            suggestion.get("score"))) + ("  " + extra if extra else ""), wrap=False)
        head.addWidget(self.score)
        state = suggestion.get("state") or "pending"
        self.state = plain_label(self.tr(STATE_LABELS.get(state, state)), wrap=False)
        head.addWidget(self.state)
        decision_buttons(self, head, self.tr("采纳：以此证据记录一条核实状态"), self.tr("驳回：此建议不再出现"))
        self.accept_button.setEnabled(state == "pending")
        self.reject_button.setEnabled(state == "pending")
        layout.addWidget(head_row)
        self.reason = plain_label(suggestion.get("reason") or "")
        self.reason.setVisible(bool(suggestion.get("reason")))
        layout.addWidget(self.reason)
        self.passages: list[QLabel] = []
        self.view_buttons: list[QToolButton] = []
        for item in evidence_items(suggestion):
            where = document_name(suggestion, item)
            if item.get("line") is not None:
                where = (where + " " if where else "") + self.tr("第%1行").replace(
                    "%1", str(item["line"]))
            # A long title loses its middle, never its line number: "2025年…工作报告 第23行".
            source = ElidedLabel(where, mode=Qt.TextElideMode.ElideMiddle)
            source.setStyleSheet("color: palette(placeholder-text);")
            row = QHBoxLayout()
            row.addWidget(source, 1)
            doc = item.get("document_id", suggestion.get("review_document_id"))
            if doc is not None and item.get("line") is not None:
                button = QToolButton()
                button.setText(self.tr("查看原文"))
                button.setToolTip(self.tr("在下方显示这段话在后续文件中的上下文"))
                button.setAutoRaise(True)
                target = (int(doc), int(item["line"]), str(item.get("text") or ""))
                button.clicked.connect(lambda _c=False, t=target: self.passage_requested.emit(*t))
                row.addWidget(button)
                self.view_buttons.append(button)
            passage = plain_label(str(item.get("text") or ""))
            passage.setStyleSheet("padding-left: 8px;")
            layout.addLayout(row)
            layout.addWidget(passage)
            self.passages.append(passage)


class SuggestionList(DecisionList):
    """Scrollable column of SuggestionCards; emits the id of the one accepted or rejected."""

    passage_requested = Signal(int, int, str)   # document id, line, passage text
    empty = QT_TRANSLATE_NOOP("SuggestionList", "暂无核实建议。导入后续报告并用“工具 ▸ 查找核验证据”"
                              "（Ctrl+Shift+V）查找后，这里列出其中的相关段落。")

    def set_suggestions(self, suggestions: Sequence[Mapping[str, Any]]) -> None:
        """Replace the cards (rejected ones last, then by score)."""
        order = sorted(suggestions, key=lambda s: (s.get("state") == "rejected",
                                                   -float(s.get("score") or 0)))
        cards = [SuggestionCard(suggestion) for suggestion in order]
        for card in cards:
            card.passage_requested.connect(self.passage_requested)
        self.set_cards(cards, [card.sid for card in cards])

    def card(self, sid: int) -> SuggestionCard | None:
        """The card of a suggestion id, if shown."""
        return next((c for c in self.cards if c.sid == sid), None)


def best_claim(suggestions: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The suggestion standing for what the later report claims: best score, not rejected."""
    live = [s for s in suggestions if (s.get("state") or "pending") != "rejected"]
    if not live:
        return None
    return max(live, key=lambda s: ((s.get("state") == "accepted"), float(s.get("score") or 0)))
