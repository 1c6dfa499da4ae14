"""Issue 14 parts 3–6 and 8: the real main window as a daily tool (pytest-qt, real seeds)."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from conftest import DEV, seed
from tracker.importer import import_files
from tracker.labels import KIND_LABELS, STATUS_LABELS
from tracker.store import Filter, Store
from ui.mainwindow import MainWindow
from ui.models import COLUMN


def open_window(qtbot, store, size=(1440, 900)) -> MainWindow:
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)      # window shortcuts (F8, Alt+A) need the active window
    return w


@pytest.fixture
def reviewed(qtbot, tmp_path):
    """肃州区 2024 plan (001) and its 2025 review (000) in a store, window open."""
    store = Store.open(tmp_path / "r.db")
    import_files(store, [seed("000"), seed("001")])
    w = open_window(qtbot, store)
    yield w
    w.close()


def find_evidence(qtbot, w) -> None:
    with qtbot.waitSignal(w.model.modelReset, timeout=120000):
        w.actions_.suggest.trigger()
        assert w.progress.isVisible()            # progress while it runs
    qtbot.waitUntil(lambda: not w.busy(), timeout=120000)
    # The offscreen platform deactivates the window during a long task; a desktop does not.
    w.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=5000)


# -- part 3: finding evidence ----------------------------------------------------------
def test_find_evidence_says_what_it_found_and_shows_the_pending_rows(qtbot, reviewed):
    w = reviewed
    find_evidence(qtbot, w)
    outcome = w.review.outcome
    assert outcome.added > 0 and 0 < outcome.commitments <= outcome.added
    message = w.review.outcome_label.text().removeprefix("｜ ")
    assert message == f"找到 {outcome.added} 条建议，涉及 {outcome.commitments} 条承诺"
    assert w.review.outcome_label.isVisible() and not w.statusBar().currentMessage()   # said once
    w.review.step(1)                                  # moving on keeps the outcome in view
    assert w.review.outcome_label.isVisible() and message in w.review.outcome_label.text()
    # The table now lists exactly the rows with pending suggestions, each flagged.
    assert w.filter_bar.pending.isChecked()
    assert w.model.total() == outcome.commitments == w.store.count(Filter(pending=True))
    flags = w.model.index(0, COLUMN["flags"]).data()
    assert "待核" in flags


def test_find_evidence_without_a_later_report_says_why(qtbot, tmp_path):
    store = Store.open(tmp_path / "p.db")
    import_files(store, [seed("001")])        # a plan, nothing later of 肃州区
    w = open_window(qtbot, store)
    find_evidence(qtbot, w)
    assert w.review.outcome.added == 0
    message = w.review.outcome_label.text().removeprefix("｜ ")
    assert message.startswith("没有找到建议") and "更晚年份的报告" in message
    assert not w.filter_bar.pending.isChecked()
    w.close()


def test_f8_walks_pending_rows_and_alt_keys_decide(qtbot, reviewed):
    w = reviewed
    find_evidence(qtbot, w)
    w.filter_bar.set_fields(pending=False)           # the whole table, pending rows among them
    pending = set(w.store.query(Filter(pending=True)))
    w.select_id(w.model.id_at(0))
    w.table.setFocus()
    visited = []
    actions = w.review.actions
    assert [a.shortcut().toString() for a in (actions.next, actions.previous, actions.accept,
                                              actions.reject)] == ["F8", "Shift+F8", "Alt+A", "Alt+R"]
    w.table.setFocus()
    for _ in range(3):
        qtbot.keyClick(w.table, Qt.Key_F8)
        visited.append(w.current_id())
    assert all(cid in pending for cid in visited)
    assert [w.model.row_of(c) for c in visited] == sorted(w.model.row_of(c) for c in visited)
    qtbot.keyClick(w.table, Qt.Key_F8, Qt.ShiftModifier)
    assert w.current_id() == visited[1]
    # Alt+A accepts the best pending suggestion: a user event with its evidence.
    cid = w.current_id()
    best = w.store.suggestions(cid)[0]
    qtbot.keyClick(w.table, Qt.Key_A, Qt.AltModifier)
    event = w.store.history(cid)[0]
    assert event["status"] == best["status"] and event["source"] == "user"
    # Alt+R rejects the best pending one of the row it moved to.
    other = w.current_id()
    sid = next(s["id"] for s in w.store.suggestions(other) if s["state"] == "pending")
    qtbot.keyClick(w.table, Qt.Key_R, Qt.AltModifier)
    assert next(s for s in w.store.suggestions(other) if s["id"] == sid)["state"] == "rejected"
    w.undo_stack.undo()
    assert next(s for s in w.store.suggestions(other) if s["id"] == sid)["state"] == "pending"


def test_evidence_is_cited_by_report_title_not_file_name(qtbot, reviewed):
    w = reviewed
    find_evidence(qtbot, w)
    cid = w.store.query(Filter(pending=True))[0]
    w.select_id(cid)
    card = w.detail.suggestion_list.cards[0]
    texts = [label.text() for label in card.findChildren(QLabel)]
    assert not any(".txt" in t for t in texts)
    titles = {r["title"] for r in w.store.reports()}
    assert any(t.rsplit(" 第", 1)[0] in titles for t in texts if t.endswith("行"))
    w.review.actions.accept.trigger()
    evidence = w.store.history(cid)[0]
    w.select_id(cid)
    history = w.detail.history
    assert evidence["evidence_report"] in history.topLevelItem(0).text(4)
    assert ".txt" not in history.topLevelItem(0).text(4)


# -- part 4: the tree ------------------------------------------------------------------
def test_tree_folds_documents_without_commitments_and_keeps_names_at_1024(qtbot, tmp_path):
    store = Store.open(tmp_path / "t.db")
    import_files(store, [seed("003")])     # 肃州年鉴: 大事记 and other chapters without commitments
    w = open_window(qtbot, store, (1024, 700))
    qtbot.wait(50)
    tree = w.tree
    empty = [r for r in store.tree() if not r["count"]]
    assert empty
    folder = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                  if tree.topLevelItem(i).text(0) == "无承诺的文件")
    assert folder.childCount() == len(empty) and not folder.isExpanded()
    assert tree.currentItem() is tree.topLevelItem(0) and tree.scope() == {}   # 全部报告
    assert folder.child(0).toolTip(0)
    # At 1024 px the tree keeps its minimum and the table its readable text column.
    assert tree.width() >= tree.minimumWidth() >= 150
    assert w.table.columnWidth(COLUMN["text"]) >= 140
    assert w.width() <= 1024
    w.close()


# -- part 5: search and filters ----------------------------------------------------------
def test_search_knows_gdp_and_shows_the_report_column(qtbot, tmp_path):
    store = Store.open(tmp_path / "s.db")
    import_files(store, [seed("001"), DEV / "national_2013.txt"])
    w = open_window(qtbot, store)
    w.filter_bar.set_fields(text="GDP")
    by_alias = w.model.total()
    literal = {q: store.conn.execute("SELECT count(*) FROM commitments WHERE text LIKE ?",
                                     (f"%{q}%",)).fetchone()[0] for q in ("GDP", "国内生产总值")}
    assert by_alias > literal["GDP"] and by_alias >= literal["国内生产总值"]
    assert not w.table.isColumnHidden(COLUMN["report"])       # each hit says its report, year
    row = w.model.index(0, COLUMN["report"])
    assert row.data() and row.data(Qt.ItemDataRole.ToolTipRole)
    w.filter_bar.set_fields(text="")
    assert w.table.isColumnHidden(COLUMN["report"])
    w.close()


def test_empty_result_says_why(qtbot, loaded_window):
    w = loaded_window
    w.filter_bar.set_fields(text="不可能出现的词语")
    assert w.model.total() == 0
    assert w.empty_note.isVisible()
    assert "不可能出现的词语" in w.empty_note.text() and "重置筛选" in w.empty_note.text()
    w.filter_bar.reset()
    assert not w.empty_note.isVisible()


def test_category_filter_offers_a_short_list_of_themes(qtbot, tmp_path):
    store = Store.open(tmp_path / "c.db")
    import_files(store, [seed("000"), seed("001"), seed("002")])
    w = open_window(qtbot, store)
    raw = store.facets()["categories"]
    combo = w.filter_bar.category
    assert combo.count() - 1 < len(raw) and combo.count() - 1 <= 14
    combo.setCurrentIndex(combo.findData("农业农村"))
    assert 0 < w.model.total() == store.count(Filter(theme="农业农村"))
    w.close()


# -- part 6: one vocabulary --------------------------------------------------------------
def test_app_speaks_the_labels_of_tracker_labels(loaded_window):
    w = loaded_window
    kinds = [w.filter_bar.kind.itemText(i) for i in range(1, w.filter_bar.kind.count())]
    statuses = [w.filter_bar.status.itemText(i) for i in range(1, w.filter_bar.status.count())]
    assert kinds == list(KIND_LABELS.values())
    assert statuses[:-1] == list(STATUS_LABELS.values()) and statuses[-1] == "未标记"
    assert w.model.index(0, COLUMN["kind"]).data() in KIND_LABELS.values()


# -- part 8: small daily things ----------------------------------------------------------
def test_qt_dialogs_speak_chinese(qtbot):
    from ui import i18n
    i18n.install(QCoreApplication.instance())
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_another_program_writing_the_store_refreshes_the_window(qtbot, loaded_window):
    w = loaded_window
    cid = w.model.id_at(0)
    w.select_id(cid)
    other = Store.open(w.store.path)                 # e.g. `tracker mark` in a terminal
    other.marks.mark([cid], "done", note="终端里标记")
    other.close()
    with qtbot.waitSignal(w.watch.changed, timeout=5000):
        pass
    assert w.detail.user_status.text() == "已完成"
    assert w.model.index(w.model.row_of(cid), COLUMN["status"]).data() == "已完成"
    assert not w.watch.check()                        # its own reading is no change


def test_an_import_selects_what_it_imported(qtbot, loaded_window):
    w = loaded_window
    with qtbot.waitSignal(w.importer.imported, timeout=60000):
        w.import_paths([str(DEV / "national_2013.txt")])
    qtbot.waitUntil(lambda: not w.busy(), timeout=5000)
    # The import's own worker connection is no "other program": no second refresh.
    assert not w.watch.check()
    new = [r for r in w.store.tree() if r["title"].startswith("2013")]
    assert w.tree.scope() == {"report_id": new[0]["report_id"]}
    assert w.model.total() == new[0]["count"]


def test_ctrl_number_marks_the_selection_at_once(qtbot, loaded_window):
    w = loaded_window
    ids = [w.model.id_at(0), w.model.id_at(1)]
    w.select_id(ids[0])
    w.select_id(ids[1], clear=False)
    w.table.setFocus()
    qtbot.keyClick(w.table, Qt.Key_1, Qt.ControlModifier)   # no dialog to answer
    assert all(w.store.commitment(i)["status"] == "done" for i in ids)
    w.undo_stack.undo()
    assert all(w.store.commitment(i)["status"] is None for i in ids)


def test_history_shows_evidence_without_horizontal_scrolling(qtbot, loaded_window):
    w = loaded_window
    cid = w.model.id_at(0)
    w.select_id(cid)
    long = "全年完成固定资产投资增长百分之十二，其中工业投资增长百分之十五，" * 4
    w.detail.mark("done", "年终核实", long)
    w.detail.tabs.setCurrentIndex(3)
    qtbot.wait(50)
    history = w.detail.history
    assert history.horizontalScrollBar().maximum() == 0
    item = history.topLevelItem(0)
    assert item.text(4) == long and item.toolTip(4) == long
    # The row is as tall as the evidence wrapped in its column.
    assert history.visualItemRect(item).height() > 4 * history.fontMetrics().height()
    assert history.isColumnHidden(1) and "用户" in item.toolTip(2)


def test_dashboard_numbers_click_to_filter_and_pending_count(qtbot, reviewed):
    w = reviewed
    find_evidence(qtbot, w)
    w.filter_bar.set_fields(pending=False)
    w.tabs.setCurrentIndex(1)
    d = w.dashboard
    assert d.pending_label.text() == str(w.store.count(Filter(pending=True)))
    series = d.status_chart.chart().series()[0]
    assert all(s.isLabelVisible() and s.label().split()[-1].isdigit() for s in series.slices())
    bars = d.kind_chart.chart().series()[0]
    assert bars.isLabelsVisible()
    series.slices()[0].clicked.emit()
    assert w.tabs.currentIndex() == 0
    status = w.filter_bar.status.currentData()
    assert status and w.model.total() == w.store.count(Filter(status=status))
    w.tabs.setCurrentIndex(1)
    d.refresh()
    d.kind_chart.chart().series()[0].barSets()[0].clicked.emit(1)
    assert w.filter_bar.kind.currentData() == "livelihood"


@pytest.fixture
def loaded_window(qtbot, tmp_path):
    store = Store.open(tmp_path / "l.db")
    import_files(store, [seed("001")])
    w = open_window(qtbot, store)
    yield w
    w.close()


def test_store_watch_ignores_own_writes(tmp_path):
    store = Store.open(tmp_path / "w.db")
    import_files(store, [seed("001")])
    before = store.data_version()
    store.marks.mark([store.query(Filter())[0]], "done")
    assert store.data_version() == before
    conn = sqlite3.connect(tmp_path / "w.db")
    conn.execute("UPDATE commitments SET category = category WHERE id = 1")
    conn.commit()
    conn.close()
    assert store.data_version() != before
    store.close()
