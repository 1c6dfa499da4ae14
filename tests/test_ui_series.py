"""指标历年 view, the detail pane's 跨年 row and the 跨年 filter, on the real national reports."""

from __future__ import annotations

import re
import shutil

import pytest
from PySide6.QtCharts import QScatterSeries
from PySide6.QtCore import Qt

from conftest import NATIONAL
from tracker.history.carried import indicator_name
from tracker.importer import import_files
from tracker.store import Filter, Store
from ui.carry_panel import CarryPanel
from ui.mainwindow import MainWindow
from ui.series_view import SeriesDialog, SeriesView, quote


@pytest.fixture
def store(national_db, tmp_path):
    path = tmp_path / "n.db"
    shutil.copy(national_db, path)
    s = Store.open(path)
    yield s
    s.close()


def _gdp_ids(store):
    return [i for i in store.query(Filter(kind="target"), order="position")
            if store.commitment(i)["indicator"] == "国内生产总值"]


def test_series_view_chart_and_table(qtbot, store):
    view = SeriesView(store)
    qtbot.addWidget(view)
    view.choose("国务院", "GDP")
    assert view.indicator.currentData() == "地区生产总值"
    assert view.table.rowCount() == 3
    cells = [[view.table.item(r, c).text() for c in range(4)] for r in range(3)]
    # The status words of the rest of the app; 2014 has no later report yet: nobody judged it.
    assert cells == [["2012", "增长7.5%", "7.8%", "已完成"], ["2013", "增长7.5%左右", "7.7%", "已完成"],
                     ["2014", "增长7.5%左右", "—", "未标记"]]
    said = view.table.item(1, 6).text()
    # Cited by the report's title and line, as evidence is everywhere else; never a file name.
    assert "7.7%" in said and re.match(r"2014\S*政府工作报告.* 第\d+行：", said) and ".txt" not in said
    # The country, not 国务院; GDP by its national name.
    assert view.region.currentText() == "全国" and view.indicator.currentText().startswith("国内生产总值")
    assert view.message.text().startswith("全国 · 国内生产总值：3 年有目标")
    chart = view.chart_view.chart()
    lines = {s.name(): [(p.x(), p.y()) for p in s.points()] for s in chart.series()}
    assert lines["目标"] == [(0, 7.5), (1, 7.5), (2, 7.5)]
    assert lines["实际"] == [(0, 7.8), (1, 7.7)]
    met = next(s for s in chart.series() if isinstance(s, QScatterSeries) and s.name() == "已完成")
    assert met.count() == 2
    assert chart.title() == "全国 · 国内生产总值 历年目标与实际"
    assert "已完成 2 年" in view.message.text() and "未标记 1 年" in view.message.text()
    assert not re.search("达到|未达到|未知|国务院", view.message.text() + chart.title())


def test_a_users_mark_shows_in_the_view(qtbot, store):
    store.marks.mark([_gdp_ids(store)[0]], "not_done", actual_value=7.4, evidence_text="复核：增长7.4%。")
    view = SeriesView(store)
    qtbot.addWidget(view)
    view.choose("国务院", "国内生产总值")
    assert [view.table.item(0, c).text() for c in (2, 3, 5)] == ["7.4%", "未完成", "用户标记"]


def test_an_unknown_indicator_says_so(qtbot, store):
    view = SeriesView(store)
    qtbot.addWidget(view)
    view.choose("国务院", "粮食产量")
    assert view.table.rowCount() == 0 and "粮食产量" in view.message.text()


def test_an_empty_store_shows_a_hint(qtbot, tmp_path):
    with Store.open(tmp_path / "e.db") as empty:
        view = SeriesView(empty)
        qtbot.addWidget(view)
        assert view.table.rowCount() == 0 and "导入" in view.message.text()


def test_quote_cuts_the_review_passage_to_the_sentence_with_the_figure():
    passage = "过去一年成绩很大。国内生产总值达到56.9万亿元，比上年增长7.7%。城镇新增就业1310万人。"
    assert quote(passage, 7.7) == "国内生产总值达到56.9万亿元，比上年增长7.7%。"
    assert quote(passage, None) == passage


def test_the_series_prints_to_pdf(qtbot, store, tmp_path):
    dialog = SeriesDialog(store)
    qtbot.addWidget(dialog)
    dialog.view.choose("国务院", "国内生产总值")
    out = dialog.export_pdf(str(tmp_path / "gdp.pdf"))
    data = (tmp_path / "gdp.pdf").read_bytes()
    assert out and data.startswith(b"%PDF") and len(data) > 5000


def test_carry_panel_links_both_ways_and_asks_for_the_series(qtbot, store):
    first, second, _third = _gdp_ids(store)
    panel = CarryPanel()
    qtbot.addWidget(panel)
    panel.set_commitment(store, store.commitment(second))
    text = panel.links.text()
    assert "延续自2012" in text and "延续至2014" in text and f"commitment:{first}" in text
    with qtbot.waitSignal(panel.open_requested) as got:
        panel.links.linkActivated.emit(f"commitment:{first}")
    assert got.args == [first]
    with qtbot.waitSignal(panel.series_requested) as asked:
        panel.series_button.click()
    assert asked.args == ["国务院", "地区生产总值"]


def test_window_opens_the_series_from_the_pane_and_jumps_to_a_linked_commitment(qtbot, store):
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    first, second, _ = _gdp_ids(store)
    w.filter_bar.set_fields(kind="livelihood")   # hides the targets
    w.open_commitment(second)
    assert w.current_id() == second and w.filter_bar.fields().get("kind") is None
    assert not w.detail.carry.isHidden()
    w.detail.carry.series_button.click()
    dialog = w.series_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.view.current.indicator == "地区生产总值"
    dialog.view.open_requested.emit(first)
    assert w.current_id() == first
    w.close()


def test_filter_bar_carry_choice(qtbot, store):
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.filter_bar.carry.setCurrentIndex(w.filter_bar.carry.findData("raised"))
    assert w.current_filter().carry == "raised"
    texts = {store.commitment(w.model.id_at(r))["text"] for r in range(w.model.rowCount())}
    assert {"城镇新增就业900万人以上", "城镇新增就业1000万人以上"} <= texts
    w.filter_bar.reset()
    assert w.current_filter().carry is None
    w.close()


def test_reopening_the_window_reads_new_imports(qtbot, tmp_path):
    s = Store.open(tmp_path / "r.db")
    import_files(s, NATIONAL[:1])
    w = MainWindow(s)
    qtbot.addWidget(w)
    dialog = w.show_series("国务院", "国内生产总值")
    assert dialog.view.table.rowCount() == 1
    import_files(s, NATIONAL[1:])
    assert w.show_series() is dialog and dialog.view.table.rowCount() == 3
    w.close()


def test_export_with_the_series_page(qtbot, store, tmp_path, monkeypatch):
    import subprocess

    from PySide6.QtWidgets import QFileDialog

    from ui import printing

    w = MainWindow(store)
    qtbot.addWidget(w)
    target = tmp_path / "with_series.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    w.actions_.export_pdf_series.trigger()
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "指标历年" in text and "全国 · 国内生产总值" in text
    plain = printing.export_sheet(None, store, Filter(), "pdf")
    assert "指标历年" not in subprocess.run(["pdftotext", str(plain), "-"], capture_output=True,
                                          text=True).stdout
    w.close()


def test_a_range_target_draws_its_upper_end(qtbot):
    from tracker.history.series import Point, Series
    from ui.series_chart import series_chart

    def point(year, value, high=None, actual=None, verdict="unknown"):
        return Point(year=year, commitment_id=year, target="", target_text="", value=value, value_high=high,
                     unit="%", measure="growth", report="", line=1, actual_value=actual, verdict=verdict)
    s = Series("安徽省", "地区生产总值", ("全省地区生产总值",),
               (point(2025, 5.5, actual=5.5, verdict="met"), point(2026, 5.0, 5.5)))
    chart = series_chart(s)     # held: its series die with it
    lines = {x.name(): [(p.x(), p.y()) for p in x.points()] for x in chart.series()}
    assert lines["目标上限"] == [(0, 5.5), (1, 5.5)] and lines["目标"] == [(0, 5.5), (1, 5.0)]
    no_range = Series("国务院", "地区生产总值", (), (point(2012, 7.5), point(2013, 7.5)))
    chart = series_chart(no_range)
    assert "目标上限" not in {x.name() for x in chart.series()}


def test_a_correction_in_the_pane_relinks_and_undo_restores(qtbot, store):
    from PySide6.QtGui import QUndoStack

    from ui.commands import CorrectCommand

    cid = next(i for i in store.query(Filter(kind="target", year=2013))
               if store.commitment(i)["indicator"] == "居民消费价格涨幅")
    stack = QUndoStack()
    stack.push(CorrectCommand(store, cid, {"value": 5.0}, notify=lambda ids: None))
    assert store.carry_labels([cid])[cid] == "较2012年上调；2014年下调"
    stack.undo()
    assert store.carry_labels([cid])[cid] == "较2012年下调；延续至2014"


@pytest.mark.parametrize("indicator", ["居民消费价格", "城镇登记失业率", "国内生产总值"])
def test_the_key_opens_the_selected_rows_indicator(qtbot, store, indicator):
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    if w.series_dialog is None:
        w.show_series("国务院", "城镇新增就业")     # open on another indicator first
    row = next(i for i in store.query(Filter(kind="target"), order="position")
               if indicator in (store.commitment(i)["indicator"] or ""))
    assert w.select_id(row)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.table.setFocus()
    qtbot.keyClick(w.table, "Y", modifier=Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = w.series_dialog
    assert dialog.isVisible()
    assert dialog.view.current.indicator == indicator_name(store.commitment(row))
    assert row in [p.commitment_id for p in dialog.view.current.points]
    w.close()
