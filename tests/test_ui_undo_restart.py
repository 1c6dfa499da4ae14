"""The undo stack survives a restart (issue 25 item 8): the changes are rows in the store, so a
new window rebuilds Ctrl+Z / Ctrl+Y from them — real window, real store, pytest-qt."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, seed
from test_ui_daily import open_window
from tracker.importer import import_files
from tracker.store import Filter, Store
from ui import curation
from ui.commands import CorrectCommand
from ui.marking import mark_ids


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "u.db"
    with Store.open(path) as store:
        import_files(store, [seed("001")])
    return path


def visible(store, cid) -> bool:
    return cid in store.query(Filter())


def test_ctrl_z_after_a_restart_undoes_the_changes_made_before_it(qtbot, db):
    w = open_window(qtbot, Store.open(db))
    targets = w.store.query(Filter(kind="target"), order="position")
    mark_ids(w, w.store, w.undo_stack, targets[:3], "done", ask=False)        # one step, three rows
    w.undo_stack.push(CorrectCommand(w.store, targets[3], {"value": 9.9}))
    curation.drop_ids(w.store, w.undo_stack, [targets[4]])
    w.close()

    w = open_window(qtbot, Store.open(db))                   # the next day
    stack, store = w.undo_stack, w.store
    assert stack.count() == 3 and stack.canUndo() and not stack.canRedo()
    assert "不是承诺" in stack.undoText()
    assert "#" not in stack.undoText()                       # worded as the window words it, no ids
    stack.undo()
    assert visible(store, targets[4])
    stack.undo()
    assert store.commitment(targets[3])["value"] != 9.9
    assert "3 条" in stack.undoText()
    stack.undo()                                             # the three marks, as one step
    assert all(store.commitment(c)["status"] is None for c in targets[:3])
    stack.redo()
    assert all(store.commitment(c)["status"] == "done" for c in targets[:3])
    stack.redo()
    assert store.commitment(targets[3])["value"] == 9.9
    stack.redo()
    assert not visible(store, targets[4])
    w.close()


def test_what_was_undone_before_the_restart_can_be_redone(qtbot, db):
    w = open_window(qtbot, Store.open(db))
    cid = w.store.query(Filter(kind="target"), order="position")[0]
    mark_ids(w, w.store, w.undo_stack, [cid], "partial", ask=False)
    w.undo_stack.undo()
    w.close()
    w = open_window(qtbot, Store.open(db))
    assert w.undo_stack.canRedo() and not w.undo_stack.canUndo()
    assert "标记为" in w.undo_stack.redoText() and "#" not in w.undo_stack.redoText()
    w.actions_.redo.trigger()
    assert w.store.commitment(cid)["status"] == "partial"
    w.actions_.undo.trigger()
    assert w.store.commitment(cid)["status"] is None
    w.close()


def test_a_change_made_with_the_cli_is_undone_in_the_window(qtbot, db):
    with Store.open(db) as store:
        cid = store.query(Filter(kind="target"), order="position")[0]
    cli = subprocess.run([sys.executable, "-m", "tracker", "--db", str(db), "mark", str(cid), "not_done"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert cli.returncode == 0, cli.stderr
    w = open_window(qtbot, Store.open(db))
    assert w.store.commitment(cid)["status"] == "not_done"
    w.actions_.undo.trigger()
    assert w.store.commitment(cid)["status"] is None
    w.close()
