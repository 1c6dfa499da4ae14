"""UI polish: document order and its ties, tree year vs year box, importer state,
HTML and landscape export, a detail pane that fits beside the table on 1366 px.

Real seeds in real tmp_path stores, the real main window offscreen with pytest-qt.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from conftest import seed
from tracker.store import Filter, Store, write_op
from tracker.importer import import_files
from ui.filters import NOTHING
from ui.mainwindow import MainWindow
from ui.models import COLUMN


@pytest.fixture
def two_years(tmp_path) -> Path:
    """A store file holding seed 000 (plan year 2024) and seed 001 (2025), same region."""
    path = tmp_path / "two.db"
    with Store.open(path) as s:
        import_files(s, [seed("000"), seed("001")])
    return path


def open_window(qtbot, path: Path) -> MainWindow:
    w = MainWindow(Store.open(path))
    qtbot.addWidget(w)
    w.show()
    return w


def positions(store, ids: list[int]) -> list[tuple]:
    """(report_id, line, id) per id, in the given order."""
    rows = store.rows(ids)
    return [(rows[i]["report_id"], rows[i]["line"], i) for i in ids]


def ties_ascending(store, ids: list[int], key: str) -> bool:
    """Within each run of equal key values, rows are in document order ascending."""
    rows = store.rows(ids)
    runs: dict[object, list[tuple]] = {}
    for i in ids:
        runs.setdefault(rows[i][key], []).append((rows[i]["report_id"], rows[i]["line"], i))
    return all(run == sorted(run) for run in runs.values())


# -- 1. document order ----------------------------------------------------------------
def test_table_starts_in_document_order(qtbot, two_years):
    w = open_window(qtbot, two_years)
    ids = w.model.ids()
    assert w.model.order() == ("position", False)
    assert len(ids) > 100 and positions(w.store, ids) == sorted(positions(w.store, ids))
    w.close()


@pytest.mark.parametrize("f", [Filter(), Filter(kind="project"), Filter(status="unmarked"),
                               Filter(kind="target", status="unmarked"), Filter(year=2024),
                               Filter(category="主要预期目标"), Filter(text="增长")])
def test_document_order_under_every_kind_of_filter(two_years, f):
    with Store.open(two_years) as s:
        ids = s.query(f, order="position")
        assert ids and positions(s, ids) == sorted(positions(s, ids))
        assert s.count(f) == len(ids)


@pytest.mark.parametrize("f", [Filter(), Filter(year=2025), Filter(status="unmarked")])
def test_descending_sort_keeps_document_order_within_ties(two_years, f):
    with Store.open(two_years) as s:
        ids = s.query(f, order="kind", descending=True)
        kinds = [s.rows(ids)[i]["kind"] for i in ids]
        assert kinds == sorted(kinds, reverse=True) and len(set(kinds)) > 1
        assert ties_ascending(s, ids, "kind")
        ids = s.query(f, order="status", descending=False)
        assert ties_ascending(s, ids, "status")


def test_restored_header_sort_falls_back_to_document_order(qtbot, two_years):
    w = open_window(qtbot, two_years)
    w.table.sortByColumn(COLUMN["kind"], Qt.SortOrder.DescendingOrder)
    w.close()    # saves the header state with its sort indicator
    w2 = open_window(qtbot, two_years)
    assert w2.model.order() == ("kind", True)
    assert ties_ascending(w2.store, w2.model.ids(), "kind")
    w2.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)   # indicator cleared
    assert w2.model.order() == ("position", False)
    w2.close()


# -- 2. tree year and year box --------------------------------------------------------
def year_node(w, year: int):
    found = w.tree.findItems(f"{year}年", Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly)
    assert found
    return found[0]


def test_tree_year_sets_year_box_and_back(qtbot, two_years):
    w = open_window(qtbot, two_years)
    w.tree.setCurrentItem(year_node(w, 2025))
    assert w.filter_bar.year.currentData() == 2025
    assert w.current_filter().year == 2025
    assert w.model.total() == w.store.count(Filter(year=2025)) > 0
    report = year_node(w, 2024).child(0)
    w.tree.setCurrentItem(report)    # a report under 2024 shows 2024 in the box
    assert w.filter_bar.year.currentData() == 2024
    assert w.model.total() == w.store.count(Filter(report_id=w.tree.scope()["report_id"]))
    w.tree.setCurrentItem(w.tree.topLevelItem(0))    # 全部: the tree's year goes again
    assert w.filter_bar.year.currentData() is None
    assert w.model.total() == w.store.count(Filter())
    w.close()


def test_year_box_narrows_without_moving_the_tree(qtbot, two_years):
    w = open_window(qtbot, two_years)
    region = w.tree.topLevelItem(0).child(0)
    w.tree.setCurrentItem(region)
    w.filter_bar.year.setCurrentIndex(w.filter_bar.year.findData(2024))
    assert w.tree.currentItem() is region
    assert w.model.total() == w.store.count(Filter(region=w.tree.scope()["region"], year=2024))
    w.tree.setCurrentItem(w.tree.topLevelItem(0))    # the user's own year stays chosen
    assert w.filter_bar.year.currentData() == 2024
    assert w.model.total() == w.store.count(Filter(year=2024))
    w.close()


def test_tree_and_box_years_that_disagree_show_nothing(qtbot, two_years):
    w = open_window(qtbot, two_years)
    node = year_node(w, 2025)
    w.tree.setCurrentItem(node)
    w.filter_bar.year.setCurrentIndex(w.filter_bar.year.findData(2024))
    assert w.tree.currentItem() is node and w.filter_bar.year.currentData() == 2024
    assert w.current_filter() is NOTHING and w.model.total() == 0
    assert "年度" in w.statusBar().currentMessage()
    w.close()


# -- 3. importer state when `imported` fires ------------------------------------------
def test_importer_is_idle_when_imported_fires(qtbot, tmp_path):
    w = open_window(qtbot, tmp_path / "empty.db")
    seen = []
    w.importer.imported.connect(lambda _r: seen.append((w.importer.busy(), w.busy())))
    with qtbot.waitSignal(w.importer.imported, timeout=60000):
        assert w.import_paths([str(seed("001"))]) is not None
    assert seen == [(False, False)]
    done = []
    task = w.run_in_background(write_op(w.store, import_files, [str(seed("000"))]), message="…",
                               on_done=lambda _r: done.append(w.busy()))
    assert task is not None
    qtbot.waitUntil(lambda: bool(done), timeout=60000)
    assert done == [False]
    w.close()


# -- 4. HTML and landscape export -----------------------------------------------------
def test_file_menu_exports_html_and_landscape_pdf(qtbot, two_years, tmp_path, monkeypatch):
    from pypdf import PdfReader
    w = open_window(qtbot, two_years)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: warnings.append(a[2])))
    titles = [a.text() for a in w.menuBar().actions()[0].menu().actions()
              for a in ([a] + (a.menu().actions() if a.menu() else []))]
    assert "导出 HTML…" in titles and "导出 PDF（横向）…" in titles
    out = {}
    for name, action in (("html", w.actions_.export_html), ("wide", w.actions_.export_pdf_landscape),
                         ("tall", w.actions_.export_pdf)):
        target = tmp_path / f"{name}.{'html' if name == 'html' else 'pdf'}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            staticmethod(lambda *a, t=target, **k: (str(t), "")))
        action.trigger()
        assert target.exists(), warnings
        out[name] = target
    first = w.store.rows(w.model.ids()[:1])[w.model.ids()[0]]["text"]
    assert first[:12] in out["html"].read_text(encoding="utf-8")
    wide = PdfReader(out["wide"]).pages[0].mediabox
    tall = PdfReader(out["tall"]).pages[0].mediabox
    assert wide.width > wide.height and tall.width < tall.height
    assert warnings == []
    w.close()


# -- 5. detail pane width -------------------------------------------------------------
def test_detail_pane_fits_in_360_px(qtbot, two_years):
    w = open_window(qtbot, two_years)
    pane = w.detail
    assert pane.minimumSizeHint().width() <= 360
    pane.resize(360, 700)
    pane.show_commitment(w.model.ids()[0])
    qtbot.wait(10)
    buttons = list(pane.mark_buttons.values())
    right = pane.mark_buttons["done"].parentWidget().width()
    assert all(b.isVisible() and b.geometry().right() <= right for b in buttons)
    boxes = [b.geometry() for b in buttons]
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert len({b.y() for b in boxes}) > 1     # wrapped onto a second line
    full = pane.header.full_text()
    assert full and pane.header.toolTip() == full
    w.close()


def test_table_gets_the_space_on_a_1366_screen(qtbot, two_years):
    w = open_window(qtbot, two_years)
    w.resize(1366, 740)
    w.fit_panes()
    _tree, middle, detail = w.splitter.sizes()
    assert detail <= 380 and middle >= 760
    assert w.table.columnWidth(COLUMN["text"]) >= 250    # 承诺内容 stays readable
    w.close()


def test_suggestion_cards_fit_a_narrow_pane(qtbot, two_years):
    from tracker import verify
    from ui.detail import QUOTE_CHARS
    with Store.open(two_years) as s:
        assert verify.suggest(s) > 0
        cid = s.conn.execute("SELECT commitment_id FROM suggestions s JOIN commitments c"
                             " ON c.id = s.commitment_id WHERE c.stale = 0 LIMIT 1").fetchone()[0]
    w = open_window(qtbot, two_years)
    pane = w.detail
    pane.resize(360, 700)
    pane.show_commitment(cid)
    pane.tabs.setCurrentIndex(2)
    qtbot.wait(20)
    cards = pane.suggestion_list.widget().minimumSizeHint().width()
    assert cards <= pane.suggestion_list.viewport().width()     # no sideways scrolling
    quote = pane.claim_detail.text().split("“")[-1]
    assert len(quote) <= QUOTE_CHARS + 2 and pane.claim_detail.toolTip()
    w.close()


def test_every_export_honours_the_unconfirmed_suggestions_switch(qtbot, two_years, tmp_path,
                                                                  monkeypatch):
    # As print preview and print: an exported sheet holds confirmed statuses only unless asked.
    w = open_window(qtbot, two_years)
    cid = w.model.ids()[0]
    w.store.evidence.add(cid, [{"status": "partial", "actual_value": 5.1, "score": 0.8,
                                   "reason": "实际增长5.1%", "evidence": [{"text": "增长5.1%", "line": 9}]}])
    switch = w.actions_.export_with_suggestions
    assert switch.isCheckable() and not switch.isChecked()
    export_menu = next(a.menu() for a in w.menuBar().actions()[0].menu().actions()
                       if a.menu() and a.menu().title() == "导出")
    assert switch in export_menu.actions()
    exports = {"csv": w.actions_.export_csv, "html": w.actions_.export_html,
               "xlsx": w.actions_.export_xlsx, "pdf": w.actions_.export_pdf}
    for checked in (False, True):
        switch.setChecked(checked)
        for fmt, action in exports.items():
            target = tmp_path / f"{fmt}{int(checked)}.{fmt}"
            monkeypatch.setattr(QFileDialog, "getSaveFileName",
                                staticmethod(lambda *a, t=target, **k: (str(t), "")))
            action.trigger()
            assert target.exists()
    plain = (tmp_path / "csv0.csv").read_text(encoding="utf-8-sig")
    asked = (tmp_path / "csv1.csv").read_text(encoding="utf-8-sig")
    assert "待确认" not in plain and "部分完成（待确认）" in asked
    assert "待确认" not in (tmp_path / "html0.html").read_text(encoding="utf-8")
    assert "部分完成（待确认）" in (tmp_path / "html1.html").read_text(encoding="utf-8")
    cells = {c.value for ws in load_workbook(tmp_path / "xlsx1.xlsx") for row in ws for c in row}
    assert any("待确认" in str(c) for c in cells)
    assert not any("待确认" in str(c) for ws in load_workbook(tmp_path / "xlsx0.xlsx")
                   for row in ws for c in row for c in [c.value])
    pdf = "".join(p.extract_text() for p in PdfReader(tmp_path / "pdf1.pdf").pages)
    assert "待确认" in pdf
    assert "待确认" not in "".join(p.extract_text() for p in PdfReader(tmp_path / "pdf0.pdf").pages)
    w.close()


def test_a_store_open_for_reading_only_says_so_in_the_status_bar(qtbot, two_years, tmp_path):
    w = open_window(qtbot, two_years)
    assert w.status_read_only.isHidden()
    newer = tmp_path / "newer.db"
    with Store.open(newer) as s:
        import_files(s, [seed("001")])
    conn = sqlite3.connect(newer)          # a store written by a later version of the program
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    assert w.open_store(newer)             # opened for reading, not refused
    assert w.store.read_only and w.model.ids()
    assert w.status_read_only.isVisible()
    assert w.status_read_only.text().startswith("只读：由更新版本的程序创建")
    assert "不能标记" in w.status_read_only.toolTip()
    assert w.open_store(two_years)         # a writable one: the note goes
    assert w.status_read_only.isHidden()
    w.set_store(Store.open(two_years, read_only=True))
    assert w.status_read_only.isVisible() and w.status_read_only.text().startswith("只读：")
    w.close()
