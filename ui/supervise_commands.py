"""Undoable 督办 edits: assigning units (by hand or from a 分工方案) and deciding on units'
reports. Each redo appends the store's rows; undo voids exactly the rows it appended."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication

from tracker.store.changes import Ref
from ui.commands import Notify, _StoreCommand


def _tr(text: str) -> str:
    return QCoreApplication.translate("supervise_commands", text)


class AssignCommand(_StoreCommand):
    """指派责任单位 for several commitments (one change in the store)."""

    def __init__(self, store, ids: Sequence[int], leads: list[str], partners: list[str],
                 clear: bool = False, notify: Notify = None) -> None:
        words = "、".join(leads) or _tr("（清除）")
        super().__init__(store, _tr("指派 %1 条：%2").replace("%1", str(len(ids))).replace("%2", words), notify)
        self.ids = [int(i) for i in ids]
        self.leads, self.partners, self.clear = list(leads), list(partners), clear
        self.assignment: int | None = None

    def _redo(self) -> None:
        self.assignment = self.store.units.assign(self.ids, self.leads, self.partners, clear=self.clear)
        self.notify(self.ids)

    def _undo(self) -> None:
        if self.assignment is not None:
            self.store.units.void(self.assignment)
        self.assignment = None
        self.notify(self.ids)


class PlanCommand(_StoreCommand):
    """A 分工方案 taken in: its matched (and hand-matched) tasks assigned, chosen unmatched ones
    added as 督办事项 with their units; undo voids the assignment and hides the tasks."""

    def __init__(self, store, text: str, do: Callable[[], tuple[list[int], list[tuple[str, int]]]],
                 notify: Notify = None) -> None:
        super().__init__(store, text, notify)
        self._do = do
        self.ids: list[int] = []
        self.changes: list[tuple[str, int]] = []     # (kind, row id) appended, in order

    def _redo(self) -> None:
        if not self.changes:
            self.ids, self.changes = self._do()
        else:
            done = []
            for kind, row in self.changes:
                if kind == "curate":         # a curation is revived under its own id
                    self.store.curation.undo(row, redo=True)
                    done.append((kind, row))
                else:                        # other changes are appended anew
                    done.append((kind, self.store.changes.redo(kind, row)))
            self.changes = done
        self.notify(self.ids)

    def _undo(self) -> None:
        for kind, row in reversed(self.changes):
            if kind == "curate":
                self.store.curation.undo(row)
            else:
                self.store.changes.void(kind, row)
        self.notify(self.ids)


class DecideReportsCommand(_StoreCommand):
    """采纳 / 驳回 units' reports: one, or every pending one of some commitments at once."""

    def __init__(self, store, decision: str, report_ids: Sequence[int] = (),
                 commitment_ids: Sequence[int] | None = None, cids: Sequence[int] = (),
                 notify: Notify = None) -> None:
        word = _tr("采纳") if decision == "accepted" else _tr("驳回")
        text = (_tr("%1单位自报").replace("%1", word) if report_ids else
                _tr("全部%1单位自报").replace("%1", word))
        super().__init__(store, text, notify)
        self.decision = decision
        self.report_ids = [int(r) for r in report_ids]
        self.commitment_ids = None if commitment_ids is None else [int(c) for c in commitment_ids]
        self.cids = [int(c) for c in cids]
        self.decisions: list[int] = []

    def _redo(self) -> None:
        forms = self.store.forms
        if self.report_ids:
            decide = forms.accept if self.decision == "accepted" else forms.reject
            self.decisions = [decide(r) for r in self.report_ids]
        else:
            self.decisions = forms.decide_all(self.decision, self.commitment_ids)
        self.notify(self.cids or self.commitment_ids or [])

    def _undo(self) -> None:
        if self.decisions:
            self.store.changes.void_all([Ref("unit_report", d) for d in self.decisions])
        self.decisions = []
        self.notify(self.cids or self.commitment_ids or [])


class AliasCommand(_StoreCommand):
    """单位别名: `alias` is another name of `unit` (one alias row); undo voids that row."""

    def __init__(self, store, alias: str, unit: str, notify: Notify = None) -> None:
        super().__init__(store, _tr("单位别名 %1 → %2").replace("%1", alias).replace("%2", unit), notify)
        self.alias, self.unit = alias, unit
        self.row: int | None = None        # the standing alias row this command stands for

    def _redo(self) -> None:
        self.row = (self.store.units.alias(self.alias, self.unit) if self.row is None
                    else self.store.changes.redo("alias", self.row))
        self.notify([])

    def _undo(self) -> None:
        self.store.changes.void("alias", self.row)
        self.notify([])


class UnaliasCommand(_StoreCommand):
    """取消别名: void a standing alias row (made here, earlier or by the CLI); undo appends it
    again and the next redo voids that new row."""

    def __init__(self, store, row: int, words: str, notify: Notify = None) -> None:
        super().__init__(store, _tr("取消单位别名 %1").replace("%1", words), notify)
        self.row = int(row)

    def _redo(self) -> None:
        self.store.changes.void("alias", self.row)
        self.notify([])

    def _undo(self) -> None:
        self.row = self.store.changes.redo("alias", self.row)
        self.notify([])
