"""Import from the GUI: worker progress, cancel leaves the store unchanged, error box, drops."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

import pytest

from tracker.store import Filter
from ui import importing
from ui.compact import gui_words
from tests.conftest import seed


@pytest.fixture
def warnings(monkeypatch):
    calls = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: calls.append((title, text)))
    return calls


def snapshot(store):
    return ([d["sha256"] for d in store.documents()], store.query(Filter(include_stale=True)),
            store.count(Filter()))


def test_import_reports_progress_and_calls_back(qtbot, store, warnings):
    done, progress = [], []
    task = importing.import_files(None, store, [seed("000"), seed("002")], on_done=done.append)
    task.progress.connect(lambda d, t: progress.append((d, t)))
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: bool(done))
    assert done[0].documents_added == 2 and done[0].added > 0
    assert progress and progress[-1][0] == progress[-1][1]
    assert len(store.documents()) == 3
    assert warnings == []
    assert "新增文件 2" in importing.summary(done[0])


def test_cancel_from_the_dialog_leaves_the_store_unchanged(qtbot, store, warnings):
    before = snapshot(store)
    parent = QWidget()
    qtbot.addWidget(parent)
    importer = importing.Importer(parent, store)
    paths = [seed("000"), seed("002"), seed("003"), seed("004")]
    task = importer.start(paths)
    # The user presses 取消 as soon as the first file is done.
    task.progress.connect(lambda d, t: importer.dialog and
                          importer.dialog.findChild(QPushButton).click())
    done = []
    importer.imported.connect(done.append)
    with qtbot.waitSignal(importer.cancelled, timeout=20000):
        pass
    assert done == [] and warnings == []
    assert snapshot(store) == before
    assert importer.dialog is None and not importer.busy()


def test_bad_file_gives_one_line_warning(qtbot, store, warnings, tmp_path):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip" * 10)
    before = snapshot(store)
    parent = QWidget()
    qtbot.addWidget(parent)
    importer = importing.Importer(parent, store)
    with qtbot.waitSignal(importer.failed, timeout=20000) as failed:
        importer.start([bad, seed("000")])   # the import stops at the bad file
    assert len(warnings) == 1
    title, text = warnings[0]
    assert title == "无法导入"
    assert text == gui_words(failed.args[0])     # the window's words: the Chinese half
    assert text.endswith("Word 文件已损坏")
    assert "broken.docx" in text and "\n" not in text and "Traceback" not in text
    assert snapshot(store) == before


def test_nothing_to_import_starts_nothing(store):
    assert importing.import_files(None, store, []) is None


def _drag(kind, urls):
    mime = QMimeData()
    mime.setUrls(urls)
    event = kind(QPoint(5, 5), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    event.setAccepted(False)
    return event, mime


# Qt delivers drag events only during a real drag, so the filter is called as Qt would.
def test_dropped_local_files_become_paths(qtbot, tmp_path):
    widget = QWidget()
    qtbot.addWidget(widget)
    got = []
    drop = importing.DropImporter(widget, got.append)
    assert widget.acceptDrops() and drop.parent() is widget
    urls = [QUrl.fromLocalFile(str(seed("001"))), QUrl("https://example.org/x.txt"),
            QUrl.fromLocalFile(str(tmp_path))]
    enter, _m1 = _drag(QDragEnterEvent, urls)
    assert drop.eventFilter(widget, enter) and enter.isAccepted()
    event, _m2 = _drag(QDropEvent, urls)
    assert drop.eventFilter(widget, event) and event.isAccepted()
    assert got == [[str(seed("001"))]]


def test_drop_of_web_links_only_is_refused(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    got = []
    drop = importing.DropImporter(widget, got.append)
    urls = [QUrl("https://example.org/x.txt")]
    enter, _m1 = _drag(QDragEnterEvent, urls)
    assert not drop.eventFilter(widget, enter) and not enter.isAccepted()
    event, _m2 = _drag(QDropEvent, urls)
    assert not drop.eventFilter(widget, event)
    assert got == []


def test_second_import_while_busy_is_refused_with_a_message(qtbot, store, warnings):
    parent = QWidget()
    qtbot.addWidget(parent)
    importer = importing.Importer(parent, store)
    first = importer.start([seed("000")])
    assert importer.start([seed("002")]) is None
    assert len(warnings) == 1 and "仍在导入" in warnings[0][1]
    with qtbot.waitSignal(first.finished, timeout=20000):
        pass
    assert [d["name"][:3] for d in store.documents()] == ["001", "000"]
