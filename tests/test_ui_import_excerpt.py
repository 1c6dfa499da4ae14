"""The app asked about an excerpt of a stored report: replace the report with it, import it
as a file of its own, or not at all (the CLI's `import --force` / `--separate`), on the real
window with a real excerpt of a seed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from conftest import seed
from tracker.importer import import_files
from tracker.store import Filter, Store
from ui.mainwindow import MainWindow


@pytest.fixture
def window(qtbot, tmp_path):
    """The window on a store holding seed 001 (a 2025 report), and an excerpt of it: its first
    40 % of lines, as a user might save a part copied from a web page."""
    with Store.open(tmp_path / "t.db") as s:
        import_files(s, [seed("001")])
    lines = seed("001").read_text(encoding="utf-8").split("\n")
    excerpt = tmp_path / "报告节选.txt"
    excerpt.write_text("\n".join(lines[:int(len(lines) * 0.4)]) + "\n", encoding="utf-8")
    w = MainWindow(Store.open(tmp_path / "t.db"))
    w.excerpt = excerpt
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def _shown(store) -> tuple[int, int]:
    """(documents, commitments listed of the first report)."""
    return len(store.documents()), store.count(Filter(report_id=store.reports()[0]["id"]))


def _question(qtbot, window, paths) -> QMessageBox:
    window.import_paths([str(p) for p in paths])
    qtbot.waitUntil(lambda: window.importer.question is not None and window.importer.question.isVisible(),
                    timeout=60000)
    return window.importer.question


def _button(box: QMessageBox, label: str):
    (button,) = [b for b in box.buttons() if b.text() == label]
    return button


def test_the_refusal_offers_replace_separate_and_cancel(qtbot, window):
    before = _shown(window.store)
    box = _question(qtbot, window, [window.excerpt])
    assert [b.text() for b in box.buttons()] == ["替换为此版本", "作为单独文件导入", "取消"]
    assert "报告节选.txt" in box.text() and "一部分" in box.text() and "--" not in box.text() + box.informativeText()
    assert box.defaultButton().text() == "取消" and window.busy()
    with qtbot.waitSignal(window.importer.cancelled, timeout=10000):
        _button(box, "取消").click()
    assert _shown(window.store) == before and not window.busy()


def test_importing_it_as_a_file_of_its_own_keeps_the_report(qtbot, window):
    documents, listed = _shown(window.store)
    box = _question(qtbot, window, [window.excerpt])
    with qtbot.waitSignal(window.importer.imported, timeout=60000) as done:
        _button(box, "作为单独文件导入").click()
    assert done.args[0].documents_added == 1
    assert _shown(window.store) == (documents + 1, listed)
    newest = max(r["id"] for r in window.store.reports())      # the window shows what it added
    assert window.model.total() == window.store.count(Filter(report_id=newest)) > 0


def test_replacing_the_report_with_it_then_importing_the_files_after_it(qtbot, window):
    documents, listed = _shown(window.store)
    box = _question(qtbot, window, [window.excerpt, seed("000")])
    assert "其后的 1 个文件" in box.informativeText()
    with qtbot.waitSignal(window.importer.imported, timeout=120000) as done:
        _button(box, "替换为此版本").click()
    assert done.args[0].documents_added == 2          # the excerpt, then the file after it
    now_documents, now_listed = _shown(window.store)
    assert now_documents == documents + 2 and now_listed < listed    # asked for: the new version
    assert "新增文件 2" in window.statusBar().currentMessage()
