"""The 督办 loop in the window (pytest-qt, real reports): 指派责任单位 on selected rows, the
责任单位 column and filter, forms out and collected by a drop, the 单位自报 beside the office's
status with 采纳 / 驳回, the 按单位 view filtering the table, the 通报 in print preview."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtWidgets import QDialog

from conftest import DEV
from supervise_support import fill
from tracker.importer import import_files
from tracker.store import Filter, Store
from tracker.supervise.forms_out import send_forms
from ui import supervise_actions
from ui.mainwindow import MainWindow
from ui.models import COLUMN
from ui.supervise_dialogs import AssignDialog

NEIMENGGU = DEV / "provinces" / "neimenggu_2026.txt"


@pytest.fixture
def window(qtbot, tmp_path):
    store = Store.open(tmp_path / "w.db")
    import_files(store, [NEIMENGGU])
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.resize(1440, 900)
    w.show()
    yield w
    w.close()


def rows_shown(w) -> list[int]:
    return [w.model.id_at(r) for r in range(w.model.rowCount())]


def test_the_table_shows_units_and_filters_by_one(qtbot, window):
    w = window
    texts = {w.model.index(r, COLUMN["units"]).data() for r in range(w.model.rowCount())}
    assert "红十字会、残联、妇联、卫健委" in texts
    assert "卫健委" in [w.filter_bar.unit.itemData(i) for i in range(w.filter_bar.unit.count())]
    w.filter_bar.set_fields(unit="卫健委")
    assert len(rows_shown(w)) == 2
    w.filter_bar.reset()
    assert len(rows_shown(w)) > 2


def test_assigning_units_to_selected_rows_is_one_undoable_change(qtbot, window, monkeypatch):
    w = window
    targets = w.store.query(Filter(kind="target"), order="position")[:2]
    for cid in targets:
        w.select_id(cid, clear=False)
    assert sorted(w.selected_ids()) == sorted(targets)

    def answer(dialog):
        dialog.leads.setText("自治区发展改革委、统计局")
        dialog.partners.setText("财政厅")
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(AssignDialog, "exec", answer)
    w.update_supervise_actions()
    assert w.assign_action.isEnabled()
    w.assign_action.trigger()
    rows = w.store.rows(targets)
    assert {rows[c]["lead_unit"] for c in targets} == {"自治区发展改革委、统计局"}
    assert w.model.index(w.model.row_of(targets[0]), COLUMN["units"]).data() == "自治区发展改革委、统计局"
    w.undo_stack.undo()
    assert {w.store.rows(targets)[c]["lead_unit"] for c in targets} == {None}


def test_forms_dropped_on_the_window_are_collected_and_shown_beside_the_office_status(
        qtbot, window, tmp_path, monkeypatch):
    w = window
    out = tmp_path / "forms"
    out.mkdir()
    sent = send_forms(w.store, out, due=date(2099, 1, 1))
    form = next(p for p in sent.paths if p.name.startswith("人社厅_"))
    fill(form)
    assert supervise_actions.is_progress_form(form) and not supervise_actions.is_progress_form(NEIMENGGU)
    shown = []
    monkeypatch.setattr(supervise_actions.ReportDialog, "exec", lambda d: shown.append(d.text.toPlainText()))
    w.dropped_paths([str(form)])
    qtbot.waitUntil(lambda: bool(shown), timeout=60000)
    assert "人社厅：记录 2 行" in shown[0] and "已备份台账" in shown[0]
    cid = w.store.query(Filter(unit="人社厅"), order="position")[0]
    w.select_id(cid)
    pane = w.detail
    assert pane.unit_report_box.isVisible() and "人社厅" in pane.unit_report_box.detail.text()
    assert pane.row.get("current_status") is None            # the office's own status, untouched
    card = pane.unit_report_list.cards[0]
    card.accept_button.click()
    assert w.store.commitment(cid)["current_status"] == "done"
    w.undo_stack.undo()
    assert w.store.commitment(cid)["current_status"] is None
    pane.unit_report_list.cards[0].reject_button.click()
    assert w.store.forms.reports(cid)[0]["state"] == "rejected"


def test_the_overview_lists_units_and_a_click_filters_the_table(qtbot, window):
    w = window
    w.tabs.setCurrentIndex(1)
    units = w.dashboard.units
    qtbot.waitUntil(units.isVisible)
    names = [line.unit for line in units.lines]
    assert "卫健委" in names and len(names) == 16
    row = names.index("卫健委")
    units.table.cellClicked.emit(row, 0)
    assert w.tabs.currentIndex() == 0 and w.filter_bar.unit.currentData() == "卫健委"
    assert len(rows_shown(w)) == 2


def test_the_bulletin_previews_as_pages(qtbot, window):
    from ui.bulletin_print import bulletin_preview_dialog

    dialog = bulletin_preview_dialog(window, window.store, Filter())
    qtbot.addWidget(dialog)
    assert dialog._doc.pageCount() >= 1 and "通报" in dialog.windowTitle()


def test_a_plan_is_taken_in_with_its_unmatched_tasks_matched_by_hand_or_added(qtbot, tmp_path, monkeypatch):
    from conftest import ROOT
    from ui.supervise_dialogs import PlanDialog

    store = Store.open(tmp_path / "p.db")
    import_files(store, [DEV / "provinces" / "jiangxi_2026.txt"])
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    target = store.query(Filter(text="新建改建农村公路1500公里"))[0]

    def answer(dialog):
        assert len(dialog.choices) == 2          # 燃气管道 and 省运会 found no commitment
        first, second = dialog.choices
        first.setCurrentIndex(first.findData(target))        # matched by hand
        second.setCurrentIndex(second.findData("task"))       # added as 督办事项
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(PlanDialog, "exec", answer)
    w.import_plan(str(ROOT / "tests" / "data" / "plans" / "jiangxi_2026_fengong.xlsx"))
    assert store.rows([target])[target]["lead_unit"] == "省住房城乡建设厅"
    (task,) = store.query(Filter(kind="task"))
    assert store.rows([task])[task]["lead_unit"] == "省体育局"
    # Its 原文 is the 分工方案's row, not the opening lines of the report it is filed under.
    w.select_id(task)
    shown = w.detail.source_view.toPlainText()
    assert shown.startswith("分工方案《jiangxi_2026_fengong.xlsx》") and "牵头单位：省体育局" in shown
    assert "政府工作报告" not in shown and w.detail.source_view.gutter_width() == 0
    assert not re.search(r"第\d+行", w.detail.header.full_text()) and not w.detail.add_row.isVisible()
    assert w.detail.source_view.highlighted_text().startswith("办好省第十七")
    w.select_id(target)
    assert w.detail.source_view.gutter_width() > 0 and w.detail.add_row.isVisible()
    w.undo_stack.undo()
    assert store.count(Filter(kind="task")) == 0 and store.rows([target])[target]["lead_unit"] is None
    w.undo_stack.redo()
    assert store.count(Filter(kind="task")) == 1 and store.rows([target])[target]["lead_unit"] == "省住房城乡建设厅"
    w.close()


def test_forms_for_every_unit_in_one_action(qtbot, window, tmp_path, monkeypatch):
    from ui.supervise_dialogs import FormsDialog

    w = window
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(FormsDialog, "exec", lambda d: (d.folder.setText(str(out)), 1)[1])
    shown = []
    monkeypatch.setattr(supervise_actions.ReportDialog, "exec", lambda d: shown.append(d.text.toPlainText()))
    w.forms_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=60000)
    assert len(list(out.glob("*_进展情况报送表_*.xlsx"))) == 16
    assert "卫健委_进展情况报送表_" in shown[0]
    # The window read what its worker wrote: the user's own forms are no "other program's" change.
    assert not w.watch.check()


def test_the_bulletin_exported_says_where_and_takes_the_chosen_type(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    w = window
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "十二月通报"), "PDF (*.pdf)"))
    w.export_bulletin_action.trigger()
    out = tmp_path / "十二月通报.pdf"
    assert out.read_bytes().startswith(b"%PDF")
    assert str(out) in w.statusBar().currentMessage()
