"""Issue 20 part 3 in the window: a hostile file given to the app is one line in a warning
box, the window never hangs on it, and the progress dialog never covers the box."""

from __future__ import annotations

import os
import threading

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

import hostile_files as hf
from ui import importing, welcome


def test_a_pipe_given_to_the_app_is_not_read_on_the_gui_thread(tmp_path):
    # tracker-app FILE… hashes the files to select them after the import: a pipe blocked there.
    pipe = hf.fifo(tmp_path / "报告.txt")
    answer = []
    worker = threading.Thread(target=lambda: answer.append(welcome._sha256(str(pipe))), daemon=True)
    worker.start()
    worker.join(5)
    if worker.is_alive():                      # unblock the open() so the thread can end
        fd = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
    assert answer == [None]


@pytest.fixture
def modal_warnings(monkeypatch):
    """QMessageBox.warning as a modal box would run it: a nested event loop (0.5 s here; a
    user reads for longer); records (text, progress dialogs that are or will be shown). A
    QProgressDialog shows itself when its timer fires (4 s after it was made, hidden or not),
    and its deferred deletion waits for the box to close: so it popped up over the box."""
    calls = []

    def warning(parent, title, text, *args, **kwargs):
        loop = QEventLoop()
        QTimer.singleShot(500, loop.quit)
        loop.exec()
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)
                 and (w.isVisible() or any(t.isActive() for t in w.findChildren(QTimer)))]
        calls.append((text, shown))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return calls


@pytest.mark.parametrize("make, said", [
    (lambda d: hf.link_to(d / "zero.txt", "/dev/zero"), "不是普通文件"),      # the window's words
    (lambda d: hf.json_report(d / "report.json"), "JSON 数据文件"),
], ids=["link to /dev/zero", "json"])
def test_a_refused_file_is_one_line_and_no_progress_dialog_covers_it(qtbot, store, modal_warnings, tmp_path,
                                                                     make, said):
    link = make(tmp_path)
    parent = QWidget()
    qtbot.addWidget(parent)
    importer = importing.Importer(parent, store)
    with qtbot.waitSignal(importer.failed, timeout=20000):
        importer.start([link])
    qtbot.waitUntil(lambda: bool(modal_warnings), timeout=5000)
    (text, shown), = modal_warnings
    assert str(link) in text and said in text and "\n" not in text
    assert shown == []


def test_an_import_past_its_deadline_is_a_warning_box_and_stores_nothing(qtbot, store, modal_warnings,
                                                                        monkeypatch):
    from conftest import ROOT
    from tracker.ingest import limits

    seed = next((ROOT / "seeds").glob("004_*.txt"))
    monkeypatch.setattr(limits, "IMPORT_SECONDS", 0)      # the deadline is spent before extraction
    documents = store.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    parent = QWidget()
    qtbot.addWidget(parent)
    importer = importing.Importer(parent, store)
    with qtbot.waitSignal(importer.failed, timeout=20000):
        importer.start([seed])
    qtbot.waitUntil(lambda: bool(modal_warnings), timeout=5000)
    (text, shown), = modal_warnings
    assert str(seed) in text and "处理超过 0 秒" in text and "\n" not in text
    assert shown == [] and store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == documents
