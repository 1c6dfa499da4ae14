"""What the window does with a report: set its region, year, title or kind, remove and restore
it, merge a region's spellings, check a plan against a document the user picks, and ask at
import about the reports whose region or year the text left a guess.

The tree's context menu asks (ui/tree.py reportAction); each edit is a ReportEditCommand on
the undo stack, voiding exactly the rows it appended in one transaction (store.changes.void_all).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from tracker.store.changes import Ref
from ui.commands import _StoreCommand
from ui.report_identity import ReportIdentityDialog
from ui.review_picker import ReviewPickerDialog

_PREVIEW_LINES = 8
ASK_MAX = 3          # reports asked about after one import; the rest say 待确认 in the tree


def _tr(text: str) -> str:
    return QCoreApplication.translate("report_actions", text)


class ReportEditCommand(_StoreCommand):
    """One user change to a report (or a region's spelling): do() appends rows of the kind of
    change named; undo voids them all in one transaction."""

    def __init__(self, store, text: str, do: Callable[[], list[int] | int], kind: str,
                 changed: Callable[[], None]) -> None:
        super().__init__(store, text, None)
        self._do, self._kind, self._changed = do, kind, changed
        self.rows: list[Ref] = []

    def _redo(self) -> None:
        done = self._do()
        self.rows = [Ref(self._kind, i) for i in (done if isinstance(done, list) else [done])]
        self._changed()

    def _undo(self) -> None:
        if self.rows:
            self.store.changes.void_all(self.rows)
        self.rows = []
        self._changed()


class ReportActions:
    """The report actions of main window w (store, tree, undo stack, evidence search)."""

    def __init__(self, w) -> None:
        self.w = w
        self._queue: list[dict] = []
        self._asking: ReportIdentityDialog | None = None
        w.tree.reportAction.connect(self.act)

    # ---- the tree's context menu -------------------------------------------------------
    def act(self, action: str, scope: dict) -> None:
        """Do what the tree's context menu asked for a report or a region."""
        if self.w.store is None:
            return
        if action == "merge_region":
            self.merge_region(scope["region"])
            return
        report = self._report(scope["report_id"])
        if report is None:
            return
        {"identity": self.edit_identity, "remove": self.remove, "restore": self.restore,
         "review": self.pick_review}[action](report)

    def _report(self, report_id: int) -> dict | None:
        return next((r for r in self.w.store.reports() if r["id"] == int(report_id)), None)

    def _push(self, text: str, do, kind: str = "report") -> None:
        self.w.undo_stack.push(ReportEditCommand(self.w.store, text, do, kind, self.w.refresh_all))

    def edit_identity(self, report: dict) -> bool:
        """The identity dialog for report; pushes the change. False when cancelled."""
        dialog = self._identity_dialog(report, at_import=False)
        changed = dialog.ask()
        if changed is None:
            return False
        self._apply(report, changed)
        return True

    def _identity_dialog(self, report: dict, at_import: bool) -> ReportIdentityDialog:
        store = self.w.store
        regions = [r["region"] for r in store.reports() if r.get("region")]
        lines = store.document_lines(report["document_id"], report["line_start"],
                                     report["line_start"] + _PREVIEW_LINES - 1)
        return ReportIdentityDialog(self.w, report, regions, "\n".join(t for _, t in lines), at_import)

    def _apply(self, report: dict, changed: dict) -> None:
        """Push the fields the dialog changed; an unchanged guess it confirmed is recorded as such."""
        store, rid = self.w.store, report["id"]
        confirm = tuple(f for f in report.get("uncertain") or () if changed.get(f) == report.get(f))
        fields = {k: v for k, v in changed.items() if k not in confirm}
        if fields or confirm:
            self._push(_tr("设定报告信息"),
                       lambda: store.report_edits.set_identity(rid, **fields, confirm=confirm))

    def remove(self, report: dict) -> bool:
        """Remove a report, asking first when it holds marks, curations or field fixes."""
        store = self.w.store
        held = store.report_edits.user_data(report["id"])
        if any(held.values()):
            what = "、".join(f"{n} {w}" for n, w in ((held["marks"], _tr("条标记")), (held["curations"], _tr("项整理")),
                                                    (held["corrections"], _tr("处修正"))) if n)
            box = QMessageBox(QMessageBox.Icon.Question, _tr("移除报告"),
                              _tr("「%1」有%2。移除后它们仍保留，恢复报告即可找回。确定移除？")
                              .replace("%1", report["title"]).replace("%2", what),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.w)
            box.button(QMessageBox.StandardButton.Yes).setText(_tr("移除"))
            box.button(QMessageBox.StandardButton.No).setText(_tr("取消"))
            box.setDefaultButton(QMessageBox.StandardButton.No)
            if box.exec() != QMessageBox.StandardButton.Yes:
                return False
        rid = report["id"]
        self._push(_tr("移除报告"), lambda: store.report_edits.remove(rid))
        return True

    def restore(self, report: dict) -> None:
        """Bring a removed report back."""
        store, rid = self.w.store, report["id"]
        self._push(_tr("恢复报告"), lambda: store.report_edits.restore(rid))

    def merge_region(self, alias: str) -> bool:
        """File every report of one region's spelling under another the user picks."""
        store = self.w.store
        others = sorted({r["region"] for r in store.reports() if r.get("region") and r["region"] != alias})
        if not others:
            return False
        region, ok = QInputDialog.getItem(self.w, _tr("合并地区"),
                                          _tr("把「%1」的报告并入：").replace("%1", alias), others, 0, True)
        if not ok or not region.strip():
            return False
        self._push(_tr("合并地区"), lambda: store.report_edits.merge_region(alias, region.strip()), "region_merge")
        return True

    def pick_review(self, report: dict) -> bool:
        """查找核验证据 for report's commitments against a document the user picks."""
        store = self.w.store
        chosen = ReviewPickerDialog(self.w, report, store.reports()).ask()
        if chosen is None:
            return False
        self.w.review.find_in(chosen["document_id"], report.get("plan_year"))
        return True

    # ---- at import -----------------------------------------------------------------------
    def ask_uncertain(self, result: object) -> int:
        """After an import, the identity dialog (prefilled, 跳过 keeps the guess) for each new report
        holding commitments whose region or plan year the text left a guess, one after the other,
        without blocking the window; beyond ASK_MAX the status bar says how many wait in the tree.
        How many will be asked."""
        ids = set(getattr(result, "report_ids", ()) or ())
        queue = [r for r in self.w.store.reports() if r["id"] in ids and r["identity_uncertain"]
                 and not r["dropped"] and r.get("count") and r.get("kind") != "other"]
        self._queue = queue[:ASK_MAX]
        if len(queue) > ASK_MAX:
            self.w.statusBar().showMessage(
                _tr("另有 %1 份报告的地区或年份待确认：在报告树中右键「设定地区、年份、标题…」")
                .replace("%1", str(len(queue) - ASK_MAX)), 15000)
        self._ask_next()
        return len(self._queue) + (self._asking is not None)

    def _ask_next(self) -> None:
        self._asking = None
        if not self._queue or self.w.store is None:
            return
        report = self._queue.pop(0)
        dialog = self._asking = self._identity_dialog(report, at_import=True)

        def answered(code: int) -> None:
            if code == QDialog.DialogCode.Accepted:
                self._apply(report, dialog.changes())
            dialog.deleteLater()
            self._ask_next()
        dialog.finished.connect(answered)
        dialog.open()
