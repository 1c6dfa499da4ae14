"""Going through suggested evidence: find it, see the outcome, walk and decide by key.

工具 ▸ 查找核验证据 runs tracker.verify.find_evidence on the worker and says what it
found ("找到 N 条建议，涉及 M 条承诺") or why nothing (no later report of the region);
when it found some, the table switches to 待核实 rows. F8 / Shift+F8 move to the
next / previous row with pending suggestions (going back also visits the rows decided
on the way, to look again or undo); Alt+A accepts the best pending suggestion of the
current row and moves on to the next; Alt+R rejects it and stays, so the row can be
marked by hand (Ctrl+M) or its next suggestion judged — F8 moves on.
"""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from tracker.store.ops import write_op
from ui.commands import AcceptSuggestionCommand, RejectSuggestionCommand


def _action(w, text: str, shortcut: str, slot, tip: str) -> QAction:
    action = QAction(text, w)
    action.setShortcut(QKeySequence(shortcut))
    # Wherever the focus is in the tree, table or pane (the window's central splitter).
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.setStatusTip(tip)
    action.setToolTip(f"{tip}（{shortcut}）")
    action.triggered.connect(lambda _checked=False: slot())
    return action


if TYPE_CHECKING:
    from tracker.verify import Outcome


def _find_evidence(*args, **kwargs):
    """tracker.verify.find_evidence, imported on the worker at first use: verification and
    the extraction rules it uses need not load before the window's first paint (issue 15)."""
    from tracker.verify import find_evidence
    return find_evidence(*args, **kwargs)


class ReviewFlow:
    """The evidence actions of main window w (store, table model, detail pane, filter bar)."""

    def __init__(self, w) -> None:
        self.w = w
        self.outcome: Outcome | None = None
        self.decided: set[int] = set()     # rows decided by Alt+A / Alt+R: Shift+F8 goes back to them
        # The last search's outcome stays in the status bar (moving between rows clears
        # ordinary status messages).
        self.outcome_label = QLabel()
        self.outcome_label.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome_label.hide()
        w.statusBar().addWidget(self.outcome_label)
        tr = w.tr
        self.actions = SimpleNamespace(
            next=_action(w, tr("下一条待核实"), "F8", lambda: self.step(1),
                         tr("跳到下一条有待处理核验建议的承诺")),
            previous=_action(w, tr("上一条待核实"), "Shift+F8", lambda: self.step(-1),
                             tr("跳到上一条有待处理核验建议的承诺")),
            accept=_action(w, tr("采纳建议"), "Alt+A", lambda: self.decide(True),
                           tr("采纳当前承诺得分最高的待处理建议，并跳到下一条")),
            reject=_action(w, tr("驳回建议"), "Alt+R", lambda: self.decide(False),
                           tr("驳回当前承诺得分最高的待处理建议，留在这一条（可再手动标记）")),
        )
        w.splitter.addActions(list(vars(self.actions).values()))

    def find(self) -> None:
        """Search later reports for evidence of the open commitments in the year box's year."""
        w = self.w
        if w.store is None:
            return
        year = w.current_filter().year
        w.run_in_background(write_op(w.store, _find_evidence, plan_year=year),
                            message=w.tr("正在查找核验证据…"), on_done=self._found)

    def find_in(self, document_id: int, plan_year: int | None) -> None:
        """Search one document the user picked (选择核验文件) for evidence of plan_year's open
        commitments, whatever its region or year."""
        w = self.w
        if w.store is None:
            return
        w.run_in_background(write_op(w.store, _find_evidence, plan_year=plan_year, review_document_id=document_id),
                            message=w.tr("正在查找核验证据…"), on_done=self._found)

    def _found(self, outcome: object) -> None:
        from tracker.verify import Outcome   # loaded already, by the search on the worker

        w = self.w
        self.outcome = outcome if isinstance(outcome, Outcome) else Outcome()
        w.refresh_all()
        if self.outcome.added:
            w.filter_bar.set_fields(pending=True)   # straight to the rows to go through
            first = w.model.id_at(0)
            if first is not None:
                w.select_id(first)
        # Said once, in the label that stays: a temporary message as well would be painted
        # over it (QStatusBar hides its normal widgets for a message, but not one shown after).
        message = self.outcome.message()
        w.statusBar().clearMessage()
        self.outcome_label.setText("｜ " + message)
        self.outcome_label.setToolTip(message)
        self.outcome_label.show()

    def _pending_rows(self, with_decided: bool = False) -> list[int]:
        """Table rows (in the table's order) of commitments with pending suggestions, and
        with_decided those decided on the way."""
        w = self.w
        if w.store is None:
            return []
        order, descending = w.model.order()
        f = replace(w.model.filter(), pending=True)
        ids = set(w.store.query(f, order=order, descending=descending))
        rows = (w.model.row_of(cid) for cid in ids | (self.decided if with_decided else set()))
        return sorted(r for r in rows if r >= 0)

    def step(self, direction: int) -> bool:
        """Make the next (1) or previous (-1) row with pending suggestions current; going
        back also stops at the rows decided on the way."""
        w = self.w
        index = w.table.currentIndex()
        here = index.row() if index.isValid() else -1
        rows = self._pending_rows(with_decided=direction < 0)
        after = [r for r in rows if (r > here if direction > 0 else r < here)]
        if not after:
            w.statusBar().showMessage(w.tr("后面没有待核实的承诺了") if direction > 0
                                      else w.tr("前面没有待核实的承诺了"), 5000)
            return False
        target = after[0] if direction > 0 else after[-1]
        return w.select_id(w.model.id_at(target))

    def decide(self, accept: bool) -> bool:
        """Accept or reject the best pending suggestion of the current row, then move on."""
        w = self.w
        cid = w.current_id()
        if w.store is None or cid is None:
            return False
        pending = [s for s in w.store.suggestions(cid) if s.get("state") == "pending"]
        if not pending:
            w.statusBar().showMessage(w.tr("这条承诺没有待处理的核验建议"), 5000)
            return False
        sid = int(pending[0]["id"])    # store.suggestions: pending first, best score first
        command = (AcceptSuggestionCommand if accept else RejectSuggestionCommand)(
            w.store, sid, cid, notify=w.detail.notify)
        w.undo_stack.push(command)
        self.decided.add(cid)
        if accept:
            if len(pending) == 1:
                self.step(1)
        elif len(pending) == 1:
            w.statusBar().showMessage(w.tr("已驳回。可按 Ctrl+M 手动标记这一条，F8 到下一条待核实"), 8000)
        return True
