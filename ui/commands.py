"""Undoable user edits: each QUndoCommand calls store functions, then notify(ids).

Every user change is a row the store appends (tracker.store.changes): redo appends it
(again: a new row), undo voids exactly the row(s) this command appended, by id — never
"the newest of that field", so another program's change in between stays. Each store
call is one transaction with what it derives (cached columns, carry links).
The store functions stay usable from the CLI and tests; only the stack is Qt.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication

from tracker.errors import UserError
from tracker.store import Filter
from tracker.store.changes import Ref
from tracker.store.corrections import PLAN_YEAR
from tracker.store.marks import KIND as MARK
from ui.field_editor import field_label
from ui.status_style import status_label
from ui.workers import internal_error_message
from ui.compact import warn_plain

log = logging.getLogger(__name__)

Notify = Callable[[list[int]], None] | None

def _tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class _StoreCommand(QUndoCommand):
    """A command on one store that tells views which commitment ids changed."""

    def __init__(self, store, text: str, notify: Notify) -> None:
        super().__init__(text)
        self.store = store
        self._notify = notify

    def notify(self, ids: Iterable[int]) -> None:
        """Tell the views (table rows, pane) that these commitments changed."""
        if self._notify is not None:
            self._notify(sorted({int(i) for i in ids}))

    def redo(self) -> None:  # noqa: D102 (Qt override)
        self._run(self._redo)

    def undo(self) -> None:  # noqa: D102 (Qt override)
        self._run(self._undo)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError

    def _run(self, step: Callable[[], None]) -> None:
        """Do one step; on failure show the one line and drop the command from the stack."""
        try:
            step()
        except UserError as exc:
            self._failed(str(exc))
        except Exception as exc:   # a bug: traceback to the log, one line to the user
            log.exception("undo command %s failed", type(self).__name__)
            self._failed(internal_error_message(exc))

    def _failed(self, message: str) -> None:
        # An obsolete command is deleted by the stack after redo()/undo() returns,
        # so the stack never holds an edit that is not in the store.
        self.setObsolete(True)
        error_handler(message)


def show_error(message: str) -> None:
    """Default error_handler: the one-line warning box over the active window."""
    warn_plain(QApplication.activeWindow(), _tr("无法修改"), message)


# Called with the one-line message when a command cannot be done or undone.
error_handler: Callable[[str], None] = show_error


@contextmanager
def errors_to(handler: Callable[[str], None]):
    """Meanwhile, failing commands hand their one line to handler (a dialog that stays open
    and shows it) instead of a warning box."""
    global error_handler
    before, error_handler = error_handler, handler
    try:
        yield
    finally:
        error_handler = before


class MarkCommand(_StoreCommand):
    """Append one status event to each of several commitments."""

    def __init__(self, store, ids: Sequence[int], status: str, note: str = "",
                 evidence_text: str | None = None, notify: Notify = None,
                 **extra: Any) -> None:
        count = len(ids)
        text = (_tr("标记为“%1”").replace("%1", status_label(status)) if count == 1 else
                _tr("将 %2 条标记为“%1”").replace("%1", status_label(status))
                .replace("%2", str(count)))
        super().__init__(store, text, notify)
        self.ids = [int(i) for i in ids]
        self.status = status
        self.note = note
        self.evidence_text = evidence_text
        self.extra = extra          # evidence_document_id, evidence_line, actual_value…
        self.event_ids: list[int] = []      # the events this command appended (standing or undone)

    def _redo(self) -> None:
        # The first time marks; after an undo the same events are appended anew. Either way
        # the whole step is one transaction, as is its undo: another program taking the
        # lock in between never finds part of the rows marked.
        if self.event_ids:
            self.event_ids = [r.id for r in self.store.changes.redo_all(self._refs())]
        else:
            self.event_ids = self.store.marks.mark(self.ids, self.status, note=self.note,
                                                   evidence_text=self.evidence_text, **self.extra)
        self.notify(self.ids)

    def _undo(self) -> None:
        self.store.changes.void_all(self._refs())
        self.notify(self.ids)

    def _refs(self) -> list[Ref]:
        return [Ref(MARK.name, event_id) for event_id in self.event_ids]


class CorrectCommand(_StoreCommand):
    """Override parsed fields of one commitment (and its report's plan year): one store call,
    one transaction; undo voids the rows it appended, all in one transaction."""

    def __init__(self, store, cid: int, fields: Mapping[str, Any], notify: Notify = None
                 ) -> None:
        names = "、".join(field_label(name) for name in fields)
        super().__init__(store, _tr("更正 %1").replace("%1", names), notify)
        self.cid = int(cid)
        self.fields = dict(fields)
        self.rows: list = []          # the rows this command appended (store.changes.Ref)
        self.affected: list[int] = [self.cid]

    def _redo(self) -> None:
        self.rows = self.store.corrections.apply(self.cid, self.fields)
        if PLAN_YEAR in self.fields:
            # The year is the report's: every commitment of the report shows it.
            report_id = _report_id(self.store.commitment(self.cid))
            self.affected = list(self.store.query(Filter(report_id=report_id, include_stale=True))) or [self.cid]
        self.notify(self.affected)

    def _undo(self) -> None:
        self.store.changes.void_all(self.rows)
        self.rows = []
        self.notify(self.affected)


def _report_id(row: Mapping[str, Any]) -> int:
    report = row.get("report")
    if isinstance(report, Mapping) and "id" in report:
        return int(report["id"])
    return int(row["report_id"])


class AcceptSuggestionCommand(_StoreCommand):
    """Accept a verification suggestion: a user mark carrying its evidence, and the decision."""

    def __init__(self, store, sid: int, cid: int | None = None, notify: Notify = None
                 ) -> None:
        super().__init__(store, _tr("采纳核实建议"), notify)
        self.sid = int(sid)
        self.cid = cid
        self.decision_id: int | None = None

    def _redo(self) -> None:
        self.decision_id = self.store.evidence.accept(self.sid)
        self.notify(self._ids())

    def _undo(self) -> None:
        if self.decision_id is not None:
            # Voiding the decision voids the mark it appended: the suggestion is pending again.
            self.store.evidence.void(self.decision_id)
        self.decision_id = None
        self.notify(self._ids())

    def _ids(self) -> list[int]:
        return [self.cid] if self.cid is not None else []


class RejectSuggestionCommand(_StoreCommand):
    """Reject a verification suggestion so the verify engine never offers it again."""

    def __init__(self, store, sid: int, cid: int | None = None, notify: Notify = None
                 ) -> None:
        super().__init__(store, _tr("驳回核实建议"), notify)
        self.sid = int(sid)
        self.cid = cid
        self.decision_id: int | None = None

    def _redo(self) -> None:
        self.decision_id = self.store.evidence.reject(self.sid)
        self.notify([self.cid] if self.cid is not None else [])

    def _undo(self) -> None:
        if self.decision_id is not None:
            self.store.evidence.void(self.decision_id)
        self.decision_id = None
        self.notify([self.cid] if self.cid is not None else [])


class CurateCommand(_StoreCommand):
    """A hand edit of the extraction (添加, 不是承诺, 拆分, 合并, 修改文字).

    The first redo runs do() (a store.curation function) and keeps the curation id;
    undo voids it (store.curation.undo), a later redo revives it — both logged in the
    store, so the history keeps what was done and undone.
    """

    def __init__(self, store, text: str, do: Callable[[], tuple[int, list[int]]],
                 notify: Notify = None) -> None:
        super().__init__(store, text, notify)
        self._do = do
        self.kid: int | None = None
        self.ids: list[int] = []         # every commitment the edit touches
        self.created: list[int] = []     # the commitments it made (add, split, merge)

    def _redo(self) -> None:
        if self.kid is None:
            self.kid, self.created = self._do()
            self.ids = sorted(set(self.store.curation.commitments_of(self.kid)) | set(self.created))
        else:
            self.store.curation.undo(self.kid, redo=True)
        self.notify(self.created or self.ids)

    def _undo(self) -> None:
        if self.kid is not None:
            self.store.curation.undo(self.kid)
        self.notify(self.ids)


# -- the stack after a restart -------------------------------------------------------------------
RECENT = 50          # changes read back from the store when it is opened
_SAME_STEP_SECONDS = 2.0


class StoredChangeCommand(_StoreCommand):
    """One step of the undo stack rebuilt from the store's rows after a restart: changes made
    before (here or by the CLI) that undo voids and redo appends again, by their own ids.
    It is pushed done (or, for the redo side, undone): that first step does nothing."""

    def __init__(self, store, entries: Sequence[Mapping[str, Any]], notify: Notify = None,
                 undone: bool = False) -> None:
        words = _plain_words(entries[0]["words"])
        # Worded like the commands that made them: no store ids ("撤销 #2 标记为…" read as code).
        text = words if len(entries) == 1 else \
            _tr("%1（%2 条）").replace("%1", words).replace("%2", str(len(entries)))
        super().__init__(store, text, notify)
        self.rows = [Ref(str(e["kind"]), int(e["id"])) for e in entries]
        self.ids = [int(e["commitment_id"]) for e in entries if e.get("commitment_id") is not None]
        self._skip = {"redo": True, "undo": undone}

    def _redo(self) -> None:
        if self._skip.pop("redo", False):
            return
        # The whole step in one transaction. A curation is voided and revived by its own
        # id; other changes are appended anew.
        new = self.store.changes.redo_all(self.rows)
        self.rows = [old if old.kind == "curate" else again for old, again in zip(self.rows, new)]
        self.notify(self.ids)

    def _undo(self) -> None:
        if self._skip.pop("undo", False):
            return
        self.store.changes.void_all(self.rows)
        self.notify(self.ids)


def _plain_words(words: str) -> str:
    """A change's words without the commitment numbers: "#1 标记为“已完成”" -> "标记为“已完成”"."""
    return " ".join(w for w in str(words).split() if not w.startswith("#")) or str(words)


def _steps(entries: list[Mapping[str, Any]]) -> list[list[Mapping[str, Any]]]:
    """Entries (oldest first) grouped into the steps they were made in: one command marking
    five rows wrote five rows within a moment, with the same words."""
    from datetime import datetime
    steps: list[list[Mapping[str, Any]]] = []
    for e in entries:
        last = steps[-1][-1] if steps else None
        if last is not None and last["kind"] == e["kind"] and last["undone"] == e["undone"] \
                and _plain_words(last["words"]) == _plain_words(e["words"]) \
                and (datetime.fromisoformat(e["created_at"]) - datetime.fromisoformat(last["created_at"])
                     ).total_seconds() <= _SAME_STEP_SECONDS:
            steps[-1].append(e)
        else:
            steps.append([e])
    return steps


def rebuild_stack(stack, store, notify: Notify = None, limit: int = RECENT) -> int:
    """Fill an empty undo stack from the store's recent changes: the standing ones to undo,
    the newest undone ones to redo; the number of steps."""
    recent = list(store.changes.recent(limit))          # newest first
    tail = 0
    while tail < len(recent) and recent[tail]["undone"]:
        tail += 1
    done = [e for e in recent[tail:] if not e["undone"]]     # an older undone one has no place
    done_steps = _steps(list(reversed(done)))
    undone_steps = _steps(list(reversed(recent[:tail])))
    for step in done_steps:
        stack.push(StoredChangeCommand(store, step, notify))
    for step in undone_steps:
        stack.push(StoredChangeCommand(store, step, notify, undone=True))
    stack.setIndex(len(done_steps))      # the undone ones sit on the redo side
    return len(done_steps) + len(undone_steps)
