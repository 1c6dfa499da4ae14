"""The window under bad input and backup: one-line dialogs, the store unchanged, a consistent copy."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from conftest import seed
from test_reliability import _bad_inputs
from tracker.store import Filter, Store
from ui.mainwindow import MainWindow


@pytest.fixture
def window(qtbot, tmp_path, store):
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


@pytest.fixture
def warnings(monkeypatch):
    calls = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: calls.append(text))
    return calls


def snapshot(store):
    return ([d["sha256"] for d in store.documents()], store.count(Filter(include_stale=True)))


def test_every_bad_input_gives_one_line_dialog_and_changes_nothing(qtbot, window, warnings, tmp_path):
    before = snapshot(window.store)
    for label, path in _bad_inputs(tmp_path).items():
        warnings.clear()
        with qtbot.waitSignal(window.importer.failed, timeout=30000):
            window.import_paths([str(path), str(seed("002"))])     # the import stops at the bad file
        qtbot.waitUntil(lambda: not window.busy(), timeout=5000)
        assert len(warnings) == 1, label
        assert path.name in warnings[0] and "\n" not in warnings[0], (label, warnings[0])
        assert "Traceback" not in warnings[0]
        assert snapshot(window.store) == before, label


def test_backup_from_the_file_menu_is_a_consistent_copy(qtbot, window, tmp_path, monkeypatch):
    dest = tmp_path / "备份 副本.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(dest), "")))
    window.store.marks.mark(window.store.query(Filter())[:1], "done", note="备份前")
    window.actions_.backup.trigger()
    qtbot.waitUntil(lambda: dest.exists() and not window.busy(), timeout=20000)
    assert sqlite3.connect(dest).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Store.open(dest) as copy:
        assert copy.count(Filter()) == window.store.count(Filter())
        assert copy.history(copy.query(Filter())[0])[0]["note"] == "备份前"
