"""The detail pane: one commitment's text, source, fields, suggestions, statuses, history.

Every edit made here is a QUndoCommand on the window's stack whose notify(ids)
lands in DetailPane.notify: the pane reloads if it shows one of the ids and emits
`changed(ids)` so the table refreshes those rows. The main window passes
`notify=pane.notify` to the commands it pushes too, so both views stay in step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (QFrame, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QSplitter,
                               QPushButton, QScrollArea, QStackedWidget, QTabWidget, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from tracker.display import commitment_label
from tracker.errors import UserError
from tracker.supervise.plan_read import plan_row_lines
from ui import curation
from ui.carry_panel import CarryPanel
from ui.compact import ElidedLabel, FlowLayout, WrapDelegate, plain_tip
from ui.commands import (AcceptSuggestionCommand, CorrectCommand, MarkCommand,
                         RejectSuggestionCommand)
from ui.detail_format import (corrected_fields, event_evidence, field_values, local_time,
                              progress_text)
from ui.field_editor import FieldEditor
from ui.marking import MarkDialog
from ui.source_view import SourceView
from ui.status_style import (kind_label, source_label, status_colours, status_label,
                             status_shortcut, statuses)
from ui.supervise_commands import DecideReportsCommand
from ui.unit_reports import UnitReportBox, UnitReportList
from ui.suggestion_list import SuggestionList, best_claim, evidence_items, plain_label


TAB_KEY = "detail/tab"   # QSettings: the tab last looked at (原文, 字段, 核实建议, 历史)
SPLIT_KEY = "detail/split"   # QSettings: where the tabs begin
TOP_SHARE = 0.5      # of the pane's height, for the upper part until the user moves the split
QUOTE_CHARS = 40     # of the best suggestion's evidence shown on the 后续报告所称 card
CONTEXT_LINES = 12   # document lines shown before and after the commitment's paragraph


def _badge(label: QLabel, status: str | None) -> None:
    fg, bg = status_colours(status)
    label.setText(status_label(status))
    label.setStyleSheet(f"color: {fg.name()}; background: {bg.name()}; font-weight: bold;"
                        " padding: 2px 8px; border-radius: 3px;")


class DetailPane(QWidget):
    """Everything about the selected commitment, with marking, correcting and undo."""

    changed = Signal(list)
    # A hand edit of the extraction (add, drop, split, merge, restore): rows come and go,
    # so the window re-queries; the ids are the ones to select.
    curated = Signal(list)

    def __init__(self, store, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        self.cid: int | None = None
        self.row: dict[str, Any] = {}
        self._plan_task = False          # the shown row is a 督办事项 (source: its 分工方案 row)
        self._stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)
        self._hint = self.tr("在左侧表格中选择一条承诺，这里显示原文、核实建议和历史。")
        self.placeholder = plain_label(self._hint)
        self.placeholder.setAlignment(Qt.AlignCenter)
        self.placeholder.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
        self._stack.addWidget(self.placeholder)
        self._stack.addWidget(self._build_content())

    # -- layout ----------------------------------------------------------------------------
    def _build_content(self) -> QWidget:
        # The commitment and its controls above, the tabs below, split where the user left
        # it: the tabs stay put from row to row however long the text (the upper part scrolls).
        top = QWidget()
        layout = QVBoxLayout(top)
        # One line: a long report title ends in "…" instead of widening the pane.
        self.header = ElidedLabel()
        self.header.setStyleSheet("color: palette(placeholder-text);")
        self.text = plain_label()
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.text.setFont(font)
        self.stale = plain_label(self.tr("重新提取时未再找到此承诺（已失效，仅保留记录）。"))
        self.stale.setStyleSheet("color: #b71c1c;")
        layout.addWidget(self.header)
        layout.addWidget(self.text)
        layout.addWidget(self.stale)
        # 延续 / 上调 / 下调 / 不再提及 links and the 指标历年 button (the window connects them).
        self.carry = CarryPanel()
        layout.addWidget(self.carry)
        sides = QHBoxLayout()
        claim_box = QGroupBox(self.tr("后续报告所称"))
        user_box = QGroupBox(self.tr("用户核实"))
        self.claim_status, self.claim_detail = QLabel(), plain_label()
        self.user_status, self.user_detail = QLabel(), plain_label()
        for box, badge, detail in ((claim_box, self.claim_status, self.claim_detail),
                                   (user_box, self.user_status, self.user_detail)):
            inner = QVBoxLayout(box)
            row = QHBoxLayout()
            row.addWidget(badge)
            row.addStretch(1)
            inner.addLayout(row)
            inner.addWidget(detail)
            inner.addStretch(1)
            sides.addWidget(box, 1)
        # A unit's report stands beside the office's own status, like a suggestion.
        self.unit_report_box = UnitReportBox()
        sides.addWidget(self.unit_report_box, 1)
        layout.addLayout(sides)
        # Wraps onto a second line when the pane is narrow (1366-px screens).
        marks_row = QWidget()
        marks = FlowLayout(marks_row)
        marks.addWidget(QLabel(self.tr("标记进展：")))
        self.mark_buttons: dict[str, QPushButton] = {}
        for key in statuses():
            button = QPushButton(status_label(key))
            fg, _bg = status_colours(key)
            button.setStyleSheet(f"QPushButton {{ color: {fg.name()}; }}")
            button.setToolTip(self.tr("记录状态“%1”，可附说明和证据").replace("%1", status_label(key)))
            button.clicked.connect(lambda _c=False, k=key: self.ask_mark(k))
            # Ctrl+1..5 inside the pane mark at once (the button asks for a note); the
            # table has its own actions with the same keys.
            action = QAction(self)
            action.setShortcut(QKeySequence(status_shortcut(key)))
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, k=key: self.mark(k))
            self.addAction(action)
            button.setToolTip(button.toolTip() + self.tr("（%1 直接标记）").replace(
                "%1", status_shortcut(key)))
            marks.addWidget(button)
            self.mark_buttons[key] = button
        layout.addWidget(marks_row)
        self.marks_row = marks_row
        # A read-only store (the 示例台账, a newer program's) is looked at, not changed.
        self.read_only_note = plain_label()
        self.read_only_note.setStyleSheet("color: #8a4b00;")
        self.read_only_note.hide()
        layout.addWidget(self.read_only_note)
        self.curation_bar = curation.CurationBar()
        self.curation_bar.drop_button.clicked.connect(self.drop_shown)
        self.curation_bar.edit_button.clicked.connect(self.edit_shown)
        self.curation_bar.split_button.clicked.connect(self.split_shown)
        self.curation_bar.restore_button.clicked.connect(self.restore_shown)
        layout.addWidget(self.curation_bar)
        self.tabs = QTabWidget()
        self.source_view = SourceView(offer_add=True)
        self.source_view.add_requested.connect(self.add_from_source)
        source_page = QWidget()
        source_layout = QVBoxLayout(source_page)
        source_layout.setContentsMargins(0, 0, 0, 0)
        add_row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("添加为承诺…"))
        self.add_button.setToolTip(self.tr("在原文中选中提取时漏掉的承诺，添加到台账"))
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.source_view.request_add)
        self.source_view.copyAvailable.connect(self.add_button.setEnabled)
        add_hint = QLabel(self.tr("选中漏提取的文字后添加"))
        add_hint.setStyleSheet("color: palette(placeholder-text);")
        add_row.addWidget(self.add_button)
        add_row.addWidget(add_hint, 1)
        self.add_row = QWidget()
        self.add_row.setLayout(add_row)
        add_row.setContentsMargins(0, 0, 0, 0)
        source_layout.addWidget(self.add_row)
        source_layout.addWidget(self.source_view, 1)
        self.fields = FieldEditor()
        self.fields.apply_requested.connect(self.correct)
        self.suggestion_list = SuggestionList()
        self.suggestion_list.accept_requested.connect(self.accept_suggestion)
        self.suggestion_list.reject_requested.connect(self.reject_suggestion)
        self.suggestion_list.passage_requested.connect(self.show_passage)
        # The review document around a passage, to judge the evidence in its context.
        self.review_view = SourceView()
        self.review_view.hide()
        suggestions_split = QSplitter(Qt.Vertical)
        suggestions_split.addWidget(self.suggestion_list)
        suggestions_split.addWidget(self.review_view)
        suggestions_split.setChildrenCollapsible(False)
        self.history = QTreeWidget()
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels([self.tr("时间"), self.tr("来源"), self.tr("状态"),
                                      self.tr("说明"), self.tr("证据")])
        # Evidence wraps inside the pane instead of running off to the right: the short
        # columns take their contents, 说明 a share, 证据 the rest; no horizontal scrolling.
        header = self.history.header()
        header.setStretchLastSection(False)
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Fixed)
        header.setSectionResizeMode(4, QHeaderView.Fixed)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.history.setColumnHidden(1, True)    # 来源 goes to the status cell's tooltip
        self.history.setWordWrap(True)
        self.history.setTextElideMode(Qt.ElideNone)
        self.history.setItemDelegate(WrapDelegate(self.history))
        self.history.viewport().installEventFilter(self)
        self.tabs.addTab(source_page, self.tr("原文"))
        # Scrolls rather than setting the window's minimum height (1366×768 screens).
        fields_scroll = QScrollArea()
        fields_scroll.setWidget(self.fields)
        fields_scroll.setWidgetResizable(True)
        fields_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.tabs.addTab(fields_scroll, self.tr("字段"))
        self.tabs.addTab(suggestions_split, self.tr("核实建议"))
        self.tabs.addTab(self.history, self.tr("历史"))
        self.unit_report_list = UnitReportList()
        self.unit_report_list.accept_requested.connect(lambda r: self.decide_unit_report(r, "accepted"))
        self.unit_report_list.reject_requested.connect(lambda r: self.decide_unit_report(r, "rejected"))
        self.unit_reports_tab = self.tabs.addTab(self.unit_report_list, self.tr("单位自报"))
        layout.addStretch(1)
        self.top = QScrollArea()
        self.top.setWidget(top)
        self.top.setWidgetResizable(True)
        self.top.setFrameShape(QFrame.Shape.NoFrame)
        self.top.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.split = QSplitter(Qt.Vertical)
        self.split.addWidget(self.top)
        self.split.addWidget(self.tabs)
        self.split.setChildrenCollapsible(False)
        self.split.setStretchFactor(1, 1)
        settings = QSettings()
        # Until the user moves it, the split keeps TOP_SHARE of the pane's height.
        self._split_auto = not self.split.restoreState(settings.value(SPLIT_KEY, b""))
        self.split.splitterMoved.connect(self._split_moved)
        self.tabs.setCurrentIndex(settings.value(TAB_KEY, 0, type=int))
        self.tabs.currentChanged.connect(lambda i: QSettings().setValue(TAB_KEY, i))
        return self.split

    # -- public API --------------------------------------------------------------------------
    def set_store(self, store) -> None:
        """Show commitments of another store (the pane empties)."""
        self.store = store
        self.show_commitment(None)

    def writable(self) -> bool:
        """False while the store can only be read: no marking or editing is offered."""
        return not getattr(self.store, "read_only", None)

    def current_id(self) -> int | None:
        """The commitment shown, or None."""
        return self.cid

    def show_commitment(self, cid: int | None) -> None:
        """Show a commitment (None: the empty placeholder)."""
        self.cid = int(cid) if cid is not None else None
        self.review_view.hide()    # a passage of the previous commitment's evidence
        self.reload()

    def refresh(self, ids: Iterable[int] | None = None) -> None:
        """Reload if the shown commitment is among ids (None: always)."""
        if self.cid is not None and (ids is None or self.cid in {int(i) for i in ids}):
            self.reload()

    def notify(self, ids: list[int]) -> None:
        """Commands call this after changing the store: refresh, then emit changed(ids)."""
        self.refresh(ids)
        self.changed.emit(list(ids))

    def reload(self) -> None:
        """Read the shown commitment again from the store."""
        if self.cid is None or self.store is None:
            self.row = {}
            self.placeholder.setText(self._hint)
            self._stack.setCurrentIndex(0)
            return
        try:
            self.row = dict(self.store.commitment(self.cid))
            source = self.store.source(self.cid)
            suggestions = list(self.store.suggestions(self.cid))
            if any(x.get("review_document_id") is not None for x in suggestions):
                names = {d["id"]: d["name"] for d in self.store.documents()}
                for x in suggestions:
                    x.setdefault("document", names.get(x.get("review_document_id"), ""))
            history = list(self.store.history(self.cid))
            edits = list(self.store.curation.history(self.cid))
        except UserError as exc:
            self.row = {}
            self.placeholder.setText(str(exc))
            self._stack.setCurrentIndex(0)
            return
        self._stack.setCurrentIndex(1)
        self._plan_task = bool(source.get("plan"))
        self._show_row(self.row)
        self.carry.set_commitment(self.store, self.row)
        if self._plan_task:      # a 督办事项: its 分工方案 row, not the report it is filed under
            self.source_view.set_lines(list(enumerate(plan_row_lines(source["plan"]), 1)),
                                       self.row.get("text") or "", numbered=False)
        else:
            self.source_view.set_lines(self._with_context(source), self.row.get("text") or "",
                                       source.get("line", self.row.get("line")),
                                       source.get("marks"))
        self.fields.set_values(field_values(self.row), corrected_fields(self.store, self.row))
        self.suggestion_list.set_suggestions(suggestions)
        self._show_unit_reports()
        self.tabs.setTabText(2, self.tr("核实建议 (%1)").replace("%1", str(len(suggestions))))
        self._show_claim(best_claim(suggestions))
        self._show_history(history, edits + self.store.units.history(self.cid))
        self.curation_bar.show_row(self.row, edits)
        self._offer_edits()

    def _split_moved(self, *_args) -> None:
        self._split_auto = False
        QSettings().setValue(SPLIT_KEY, self.split.saveState())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self._split_auto:
            total = self.height()
            self.split.setSizes([int(total * TOP_SHARE), total - int(total * TOP_SHARE)])

    def _offer_edits(self) -> None:
        """Marking and editing controls only where the store can be written."""
        on = self.writable()
        for widget in (self.marks_row, self.curation_bar, self.add_row):
            widget.setVisible(on)
        self.add_row.setVisible(on and not self._plan_task)   # nothing of the report's text is shown
        self.fields.setEnabled(on)
        self.suggestion_list.set_writable(on)
        self.unit_report_list.set_writable(on)
        self.read_only_note.setVisible(not on)
        self.read_only_note.setText("" if on else self.tr("只读台账：可以查看，不能标记或修改（%1）。")
                                    .replace("%1", str(self.store.read_only).split(" / ")[0]))

    # -- display -----------------------------------------------------------------------------
    def _with_context(self, source: Mapping[str, Any]) -> list[tuple[int, str]]:
        """The paragraph's lines plus CONTEXT_LINES either side, so it is read in its place."""
        lines = list(source.get("lines") or [])
        doc = source.get("document_id")
        if not lines or doc is None:
            return lines
        first, last = lines[0][0], lines[-1][0]
        return list(self.store.document_lines(doc, max(1, first - CONTEXT_LINES),
                                              last + CONTEXT_LINES))

    def _show_row(self, row: Mapping[str, Any]) -> None:
        report = row.get("report") if isinstance(row.get("report"), Mapping) else {}
        parts = [kind_label(row.get("kind"))]
        title = report.get("title") or row.get("title")
        if title:
            parts.append(str(title))
        if row.get("line") is not None and not self._plan_task:
            parts.append(self.tr("第%1行").replace("%1", str(row["line"])))
        self.header.set_full_text(" · ".join(parts))
        # Led by its subject or indicator where the clause alone does not say, as in the table.
        self.text.setText(commitment_label(dict(row)))
        self.stale.setVisible(bool(row.get("stale")))

    def _show_claim(self, claim: Mapping[str, Any] | None) -> None:
        if claim is None:
            _badge(self.claim_status, "unknown")
            self.claim_status.setText(self.tr("暂无"))
            self.claim_detail.setText(self.tr("尚无后续文件的核实建议。"))
            return
        _badge(self.claim_status, claim.get("status"))
        lines = [claim.get("reason") or ""]
        items = evidence_items(claim)
        if items:
            # A short quote: a long passage would overflow the card in a narrow pane; the
            # 核实建议 tab shows it whole.
            quote = str(items[0].get("text") or "")
            lines.append("“" + (quote[:QUOTE_CHARS] + "…" if len(quote) > QUOTE_CHARS
                                else quote) + "”")
        self.claim_detail.setText("\n".join(x for x in lines if x))
        self.claim_detail.setToolTip(plain_tip(str(items[0].get("text") or "")) if items else "")

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if obj is self.history.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_history()
        return super().eventFilter(obj, event)

    def _fit_history(self) -> None:
        """说明 gets a third of what the short columns leave, 证据 the rest."""
        header = self.history.header()
        fixed = sum(header.sectionSize(c) for c in (0, 2))
        free = max(120, self.history.viewport().width() - fixed)
        header.resizeSection(3, free // 3)
        header.resizeSection(4, free - free // 3)
        self.history.doItemsLayout()   # wrapped rows get their new heights

    def _show_history(self, history: list[Mapping[str, Any]],
                      edits: list[Mapping[str, Any]] = ()) -> None:
        self.history.clear()
        items = []
        for event in history:
            when = local_time(event.get("created_at")).replace(" ", "\n", 1)
            if event.get("voids") is not None:      # an undo: says which mark it undid
                item = QTreeWidgetItem([when, source_label(event.get("source")),
                                        self.tr("撤销"), self.tr("撤销了 %1 的标记").replace(
                                            "%1", local_time(_created(history, event["voids"]))), ""])
                items.append((event.get("created_at") or "", item))
                continue
            status = status_label(event.get("status")) + progress_text(event.get("progress"))
            if event.get("date"):                   # the day the user gave for the status
                status += f"（{event['date']}）"
            if event.get("undone_by") is not None:
                status += self.tr("（已撤销）")
            # Date over time: two short lines leave the width to the evidence.
            item = QTreeWidgetItem([when, source_label(event.get("source")), status,
                                    event.get("note") or "",
                                    event_evidence(event)])
            fg, _bg = status_colours(event.get("status") if event.get("undone_by") is None else None)
            item.setForeground(2, fg)
            items.append((event.get("created_at") or "", item))
        # Hand edits of the extraction (添加为承诺, 不是承诺, 拆分, 合并, 修改文字) in the same list.
        for edit in edits:
            undone = self.tr("（已撤销）") if edit.get("voided") else ""
            item = QTreeWidgetItem([local_time(edit.get("created_at")).replace(" ", "\n", 1),
                                    self.tr("编辑"),
                                    # 指派 (tracker/store/units.py history) beside the hand edits
                                    self.tr("指派责任单位") if edit.get("source") in ("assign", "plan")
                                    else self.tr("内容修改"), str(edit.get("words") or "") + undone, ""])
            items.append((edit.get("created_at") or "", item))
        for _when, item in sorted(items, key=lambda x: x[0], reverse=True):
            self.history.addTopLevelItem(item)
        for item in (self.history.topLevelItem(i) for i in range(len(items))):
            item.setToolTip(4, plain_tip(item.text(4)))
            item.setToolTip(2, self.tr("来源：%1").replace("%1", item.text(1)))
            for column in range(5):
                item.setTextAlignment(column, Qt.AlignTop | Qt.AlignLeft)
        self._fit_history()
        self.tabs.setTabText(3, self.tr("历史 (%1)").replace("%1", str(len(items))))
        newest = next((e for e in history if e.get("standing", True)), None)
        _badge(self.user_status, newest.get("status") if newest else None)
        if newest is None:
            self.user_detail.setText(self.tr("尚未标记。"))
        else:
            who = source_label(newest.get("source"))
            text = f"{local_time(newest.get('created_at'))} {who}"
            if newest.get("date"):      # the day the user gave leads; when it was typed follows
                text = self.tr("%1起（%2记录）").replace("%1", newest["date"]).replace("%2", text)
            if newest.get("note"):
                text += "\n" + str(newest["note"])
            self.user_detail.setText(text)

    def show_passage(self, document_id: int, line: int, text: str) -> None:
        """Show a suggested passage in its review document, highlighted, under the cards."""
        try:
            lines = self.store.document_lines(document_id, max(1, line - CONTEXT_LINES),
                                              line + CONTEXT_LINES)
        except UserError as exc:
            lines = [(line, str(exc))]
        self.review_view.set_lines(lines, text, line)
        self.review_view.show()

    # -- edits -------------------------------------------------------------------------------
    def _push(self, command) -> None:
        # A command that fails shows its one line itself and leaves the stack (commands.py).
        self.undo_stack.push(command)

    def ask_mark(self, status: str | None = None) -> None:
        """Ask status/note/evidence for the shown commitment and mark it (undoable)."""
        if self.cid is None:
            return
        marking = MarkDialog.get(self, status, 1, [self.row] if self.row else [])
        if marking is not None:
            self.mark(marking.status, marking.note, marking.evidence, **marking.extra())

    def mark(self, status: str, note: str = "", evidence: str | None = None,
             **extra: Any) -> None:
        """Mark the shown commitment without asking (undoable); extra goes to store.mark."""
        if self.cid is not None:
            self._push(MarkCommand(self.store, [self.cid], status, note, evidence,
                                   notify=self.notify, **extra))

    def correct(self, fields: dict) -> None:
        """Correct parsed fields of the shown commitment (undoable)."""
        if self.cid is not None and fields:
            self._push(CorrectCommand(self.store, self.cid, fields, notify=self.notify))

    def accept_suggestion(self, sid: int) -> None:
        """Accept a suggestion: a user event with its evidence (undoable)."""
        if self.cid is not None:
            self._push(AcceptSuggestionCommand(self.store, sid, self.cid, notify=self.notify))

    def curated_notify(self, ids: list[int]) -> None:
        """Curation commands call this: the window re-queries and selects ids; the pane reloads."""
        self.curated.emit(list(ids))
        self.refresh(None)

    def add_from_source(self, text: str, line: int) -> None:
        """添加为承诺: the selected source text as a commitment of the shown report (undoable)."""
        if self.cid is not None and self.row:
            curation.add_from_selection(self, self.store, self.undo_stack, int(self.row["report_id"]),
                                        text, line, notify=self.curated_notify)

    def drop_shown(self) -> None:
        """不是承诺: hide the shown commitment (undoable)."""
        if self.cid is not None:
            curation.drop_ids(self.store, self.undo_stack, [self.cid], notify=self.curated_notify)

    def restore_shown(self) -> None:
        """Show the hidden commitment again (undoable)."""
        if self.cid is not None:
            curation.restore_id(self.store, self.undo_stack, self.cid, notify=self.curated_notify)

    def edit_shown(self) -> None:
        """Re-word the shown commitment (undoable)."""
        if self.cid is not None:
            curation.edit_text(self, self.store, self.undo_stack, self.cid, notify=self.curated_notify)

    def split_shown(self) -> None:
        """Split the shown commitment into several (undoable)."""
        if self.cid is not None:
            curation.split_id(self, self.store, self.undo_stack, self.cid, notify=self.curated_notify)

    def _show_unit_reports(self) -> None:
        """The units' reports: the newest beside the office's status, all in their tab."""
        reports = self.store.forms.reports(self.cid)
        office = self.row.get("current_status")
        self.unit_report_box.show_reports(reports, office)
        self.unit_report_list.set_reports(reports, office)
        self.tabs.setTabText(self.unit_reports_tab, self.tr("单位自报 (%1)").replace("%1", str(len(reports))))

    def decide_unit_report(self, report_id: int, decision: str) -> None:
        """采纳 (the office marks as the unit reported) or 驳回 one unit report (undoable)."""
        if self.cid is not None:
            self._push(DecideReportsCommand(self.store, decision, report_ids=[report_id], cids=[self.cid],
                                            notify=self.notify))

    def reject_suggestion(self, sid: int) -> None:
        """Reject a suggestion; it does not come back (undoable)."""
        if self.cid is not None:
            self._push(RejectSuggestionCommand(self.store, sid, self.cid, notify=self.notify))


def _created(history: list[Mapping[str, Any]], event_id: int) -> str | None:
    """created_at of the event event_id in history (an undo names the mark it undid)."""
    return next((e.get("created_at") for e in history if e.get("id") == event_id), None)
