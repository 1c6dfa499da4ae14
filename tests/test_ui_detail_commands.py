"""Undo commands: a failing step is reported in one line and leaves the stack; worker safety."""

from __future__ import annotations

import glob

import pytest
from PySide6.QtGui import QUndoStack

from tracker.store import Filter, write_op
from tracker.importer import import_files, reextract
from ui import commands, workers
from ui.commands import CorrectCommand, MarkCommand
from tests.conftest import DEV, ROOT


@pytest.fixture
def errors(monkeypatch):
    seen = []
    monkeypatch.setattr(commands, "error_handler", seen.append)
    return seen


def test_failed_redo_is_reported_and_dropped(qtbot, store, errors):
    stack = QUndoStack()
    stack.push(MarkCommand(store, [999999], "done"))
    assert stack.count() == 0
    assert len(errors) == 1 and "999999" in errors[0] and "\n" not in errors[0]


def test_failed_undo_is_reported_and_dropped(qtbot, store, errors):
    cid = store.query(Filter())[0]
    stack = QUndoStack()
    command = MarkCommand(store, [cid], "done")
    stack.push(command)
    store.marks.void(command.event_ids[0])      # someone else removed it meanwhile
    stack.undo()
    assert stack.count() == 0 and len(errors) == 1


def test_bad_correction_is_a_one_line_error(qtbot, store, errors):
    cid = store.query(Filter())[0]
    stack = QUndoStack()
    stack.push(CorrectCommand(store, cid, {"kind": "slogan"}))
    assert stack.count() == 0 and errors and "kind" in errors[0]
    assert store.commitment(cid)["corrected_fields"] == []


def test_notify_gets_the_ids_after_each_step(qtbot, store):
    ids = store.query(Filter())[:2]
    got = []
    stack = QUndoStack()
    stack.push(MarkCommand(store, ids, "in_progress", notify=got.append))
    stack.undo()
    stack.redo()
    assert got == [sorted(ids)] * 3
    assert stack.undoText() == "将 2 条标记为“推进中”"


def test_marks_while_the_worker_imports_all_land(qtbot, store, errors):
    cid = store.query(Filter())[0]
    stack = QUndoStack()
    paths = sorted(glob.glob(str(ROOT / "seeds" / "*.txt"))) + sorted(
        glob.glob(str(DEV / "*.txt")))
    task = workers.run_task(write_op(store, import_files, paths))   # its own connection
    pushed = 0
    while not task.is_done() or pushed == 0:
        stack.push(MarkCommand(store, [cid], "done", note=str(pushed)))
        pushed += 1
        qtbot.wait(2)
    qtbot.waitUntil(lambda: task.result is not None or task.error is not None, timeout=20000)
    assert task.error is None and task.result.documents_added >= 1
    assert errors == []
    assert len(store.history(cid)) == pushed == stack.count()


def test_undoing_stacked_corrections_steps_back_one_at_a_time(qtbot, store, errors):
    cid = next(c for c in store.query(Filter()) if store.commitment(c)["value"] == 7.2)
    stack = QUndoStack()
    stack.push(CorrectCommand(store, cid, {"value": 7.5}))
    stack.push(CorrectCommand(store, cid, {"value": 8, "unit": "个百分点"}))
    assert (store.commitment(cid)["value"], store.commitment(cid)["unit"]) == (8, "个百分点")
    stack.undo()
    c = store.commitment(cid)
    assert (c["value"], c["unit"], c["corrected_fields"]) == (7.5, "%", ["value"])
    stack.undo()
    c = store.commitment(cid)
    assert (c["value"], c["corrected_fields"]) == (7.2, [])
    # a re-extraction afterwards keeps no trace of the undone corrections
    reextract(store)
    assert store.commitment(cid)["value"] == 7.2 and errors == []
