"""Issue 21 in the real window (pytest-qt): the tree's context menu sets a report's region and
then evidence is found; removing and restoring; the question at import; the review picker."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from conftest import DEV
from tracker.importer import import_files
from tracker.store import Filter, Store
from ui import commands
from ui.mainwindow import MainWindow
from ui.report_identity import ReportIdentityDialog
from ui.review_picker import ReviewPickerDialog
from ui.tree import REMOVED_ROLE, SCOPE_ROLE

sys.path.insert(0, str(Path(__file__).parent))
from portal_pages import report_parts  # noqa: E402


def _unnamed_review(folder: Path) -> Path:
    """福建's 2026 report as a page that never names its province (我省 for 福建, 闽): an honest
    copy the text cannot place, dated by nothing but its plan year."""
    _, _, body = report_parts(DEV / "provinces" / "fujian_2026.txt")
    text = "\n".join(["首页 > 要闻", "政府工作报告"] + body).replace("福建", "我省").replace("闽", "我省")
    path = folder / "政府工作报告.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _answer(kind: type, edit=None, button: str | None = "accept") -> dict:
    """Handle the next modal dialog of class kind: let edit(dialog) change it, then accept or
    reject it (button None: edit answers it)."""
    seen: dict = {}

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, handle)
            return
        seen["dialog"] = type(dialog).__name__
        if edit is not None:
            edit(dialog)
        if button is not None:
            getattr(dialog, button)()
    QTimer.singleShot(0, handle)
    return seen


def _node(w, report_id: int):
    stack = [w.tree.topLevelItem(i) for i in range(w.tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        if (item.data(0, SCOPE_ROLE) or {}).get("report_id") == report_id or item.data(0, REMOVED_ROLE) == report_id:
            return item
        stack.extend(item.child(i) for i in range(item.childCount()))
    raise AssertionError(f"report {report_id} not in the tree")


def _menu_action(w, report_id: int, text: str):
    menu = w.tree.menu_for(_node(w, report_id))
    return next(a for a in menu.actions() if a.text().startswith(text))


def _find(qtbot, w, trigger) -> object:
    w.review.outcome = None
    trigger()
    qtbot.waitUntil(lambda: w.review.outcome is not None and not w.busy(), timeout=120000)
    return w.review.outcome


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch, private_settings):
    errors: list[str] = []
    monkeypatch.setattr(commands, "error_handler", errors.append)
    store = Store.open(tmp_path / "t.db")
    import_files(store, [DEV / "provinces" / "fujian_2025.docx", _unnamed_review(tmp_path)])
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.resize(1440, 900)
    w.show()
    w.errors = errors
    yield w
    w.close()


def test_correcting_a_reports_region_in_the_tree_then_finds_evidence(qtbot, window):
    w = window
    plan, review = sorted(w.store.reports(), key=lambda r: r["id"])
    assert (plan["region"], review["region"], review["identity_uncertain"]) == ("福建省", None, True)
    assert "待确认" in _node(w, review["id"]).text(0)
    outcome = _find(qtbot, w, w.actions_.suggest.trigger)
    message = outcome.message()
    assert outcome.added == 0 and "福建省2025年" in message and f"#{review['id']}" in message
    assert "请先导入" not in message                     # the review is there: never "import it"

    def set_region(dialog: ReportIdentityDialog) -> None:
        assert dialog.year.value() == 2026 and dialog.region.currentText() == ""   # prefilled
        dialog.region.setCurrentText("福建")
    seen = _answer(ReportIdentityDialog, set_region)
    _menu_action(w, review["id"], "设定地区").trigger()
    assert seen["dialog"] == "ReportIdentityDialog"
    after = next(r for r in w.store.reports() if r["id"] == review["id"])
    assert (after["region"], after["identity_uncertain"]) == ("福建省", False)
    assert "待确认" not in _node(w, review["id"]).text(0)
    outcome = _find(qtbot, w, w.actions_.suggest.trigger)
    assert outcome.added > 0 and outcome.message().startswith("找到")
    w.undo_stack.undo()                                     # the region edit alone is undone
    assert next(r for r in w.store.reports() if r["id"] == review["id"])["region"] is None
    assert not w.errors


def test_the_picked_review_is_searched_whatever_its_region(qtbot, window):
    w = window
    plan, review = sorted(w.store.reports(), key=lambda r: r["id"])

    def pick(dialog: ReviewPickerDialog) -> None:
        assert dialog.list.topLevelItemCount() == 1 and dialog.chosen()["id"] == review["id"]
    seen = _answer(ReviewPickerDialog, pick)
    outcome = _find(qtbot, w, _menu_action(w, plan["id"], "查找核验证据").trigger)
    assert seen["dialog"] == "ReviewPickerDialog" and outcome.added > 0


def test_removing_a_report_with_a_mark_asks_and_restoring_brings_it_back(qtbot, window):
    w = window
    plan = min(w.store.reports(), key=lambda r: r["id"])
    cid = w.store.query(Filter(report_id=plan["id"]))[0]
    w.store.marks.mark([cid], "done")
    w.refresh_all()
    total = w.model.total()
    seen = _answer(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.No).click(), None)
    _menu_action(w, plan["id"], "移除报告").trigger()
    assert seen["dialog"] == "QMessageBox" and w.model.total() == total     # 取消: nothing removed
    _answer(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click(), None)
    _menu_action(w, plan["id"], "移除报告").trigger()
    assert w.model.total() < total and cid not in w.store.query(Filter())
    _menu_action(w, plan["id"], "恢复报告").trigger()          # from 已移除的报告
    assert w.model.total() == total and w.store.commitment(cid)["status"] == "done"
    w.undo_stack.undo()
    w.undo_stack.undo()
    assert w.model.total() == total and not w.errors


def test_import_asks_about_a_guessed_region_prefilled_and_skippable(qtbot, window, tmp_path):
    w = window
    page = tmp_path / "another.txt"
    page.write_text(_unnamed_review(tmp_path).read_text(encoding="utf-8").replace("政府工作报告", "2026年政府工作报告", 1),
                    encoding="utf-8")
    seen = _answer(ReportIdentityDialog, lambda d: d.region.setCurrentText("福建省"))
    w.import_paths([str(page)])
    qtbot.waitUntil(lambda: "dialog" in seen and not w.busy(), timeout=120000)
    new = max(w.store.reports(), key=lambda r: r["id"])
    assert (new["region"], new["identity_uncertain"]) == ("福建省", False)


def test_merging_a_regions_spelling_from_the_tree(qtbot, window):
    w = window
    review = max(w.store.reports(), key=lambda r: r["id"])
    w.store.report_edits.set_identity(review["id"], region="闽")       # a spelling the program does not know
    w.refresh_all()
    root = w.tree.topLevelItem(0)
    node = next(root.child(i) for i in range(root.childCount()) if root.child(i).text(0) == "闽")
    _answer(QInputDialog, lambda d: d.setTextValue("福建省"))
    next(a for a in w.tree.menu_for(node).actions() if a.text().startswith("合并")).trigger()
    assert {r["region"] for r in w.store.reports()} == {"福建省"}
    w.undo_stack.undo()
    assert {r["region"] for r in w.store.reports()} == {"福建省", "闽"}
