"""ui-shell: the real main window on real seeds in a tmp store, offscreen with pytest-qt."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from conftest import SEEDS, seed
from tracker.store import Filter, Store
from ui import models
from ui.commands import MarkCommand
from ui.mainwindow import MainWindow
from ui.models import COLUMN, ID_ROLE


@pytest.fixture
def window(qtbot, tmp_path):
    """The main window on an empty store in tmp_path."""
    w = MainWindow(Store.open(tmp_path / "t.db"))
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def import_seed(qtbot, window, prefix="001"):
    """Import one seed through ui.importing's worker; (task, progress calls)."""
    calls = []
    with qtbot.waitSignal(window.importer.imported, timeout=60000) as blocker:
        task = window.import_paths([str(seed(prefix))])
        assert task is not None
        task.progress.connect(lambda done, total: calls.append((done, total)))
    assert blocker.args[0].documents_added == 1
    qtbot.waitUntil(lambda: not window.busy(), timeout=5000)
    return task, calls


@pytest.fixture
def loaded(qtbot, window):
    """The window after seed 001 was imported through the worker."""
    import_seed(qtbot, window)
    return window


def test_import_seed_through_worker_with_progress(qtbot, window):
    task, calls = import_seed(qtbot, window)
    assert calls and calls[-1][0] == calls[-1][1] > 0   # bytes of the file, all done
    store = window.store
    assert window.model.total() == store.count(Filter()) > 20
    assert window.tree.topLevelItem(0).text(1) == str(store.count(Filter()))
    assert window.filter_bar.year.findData(2025) > 0
    assert window.status_count.text().replace(",", "").find(str(store.count(Filter()))) >= 0


def test_seeds_import_in_background_keeps_window_usable(qtbot, window):
    calls = []
    with qtbot.waitSignal(window.model.modelReset, timeout=120000):
        task = window.import_seeds()
        task.progress.connect(lambda d, t: calls.append((d, t)))
        assert window.progress.isVisible()     # progress shown in the status bar
        assert window.busy()
        with qtbot.waitSignal(task.ended, timeout=120000):
            pass
    assert calls[-1][0] == calls[-1][1] == sum(p.stat().st_size for p in SEEDS.glob("*.txt"))
    assert not window.progress.isVisible()
    assert len(window.store.tree()) >= 5
    assert window.model.total() == window.store.count(Filter())


@pytest.mark.parametrize("fields", [
    {"kind": "target"}, {"kind": "project"}, {"status": "done"}, {"status": "unmarked"},
    {"year": 2025}, {"kind": "target", "status": "done"}, {"kind": "livelihood"},
])
def test_filters_match_store_count(qtbot, loaded, fields):
    store = loaded.store
    store.marks.mark(store.query(Filter(kind="target"))[:3], "done")
    loaded.filter_bar.set_fields(**fields)
    assert loaded.model.total() == store.count(Filter(**fields))
    assert loaded.filter_bar.count_label.text().startswith(f"{store.count(Filter(**fields))}")
    for row in range(loaded.model.rowCount()):
        data = loaded.model.row_data(row)
        if "kind" in fields:
            assert data["kind"] == fields["kind"]
        if fields.get("status") == "done":
            assert data["status"] == "done"


def test_search_is_debounced_and_matches_store(qtbot, loaded):
    resets = []
    loaded.model.modelReset.connect(lambda: resets.append(1))
    for ch in "生产总值":     # one edit per character, as an input method commits them
        loaded.filter_bar.search.insert(ch)
    assert resets == []                     # no query per keystroke
    expected = loaded.store.count(Filter(text="生产总值"))
    qtbot.waitUntil(lambda: loaded.model.total() == expected, timeout=2000)
    assert len(resets) == 1 and 0 < expected < loaded.store.count(Filter())
    assert all("生产总值" in loaded.model.row_data(r)["text"]
               for r in range(loaded.model.rowCount()))
    loaded.filter_bar.reset()
    assert loaded.model.total() == loaded.store.count(Filter())


def test_tree_scopes_table_to_a_report(qtbot, window):
    import_seed(qtbot, window, "001")
    import_seed(qtbot, window, "004")
    store = window.store
    reports = store.tree()
    assert len(reports) >= 2
    target = reports[-1]
    assert window.tree.select_scope({"report_id": target["report_id"]})
    assert window.model.total() == store.count(Filter(report_id=target["report_id"]))
    region = target["region"]
    if region:
        assert window.tree.select_scope({"region": region})
        assert window.model.total() == store.count(Filter(region=region))


@pytest.mark.parametrize("key", ["deadline", "target", "status", "text"])
def test_header_click_sorts_in_sql(qtbot, loaded, key):
    header = loaded.table.horizontalHeader()
    column = COLUMN[key]
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.viewport().rect().center().__class__(x, 5))
    order, descending = loaded.model.order()
    assert order == models.COLUMNS[column][2]
    assert loaded.model.ids() == loaded.store.query(Filter(), order=order,
                                                    descending=descending)
    loaded.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert loaded.model.ids() == loaded.store.query(Filter(), order=order, descending=True)


def test_selecting_a_row_shows_it_in_the_detail_pane(qtbot, loaded):
    loaded.table.selectRow(4)
    cid = loaded.model.index(4, 0).data(ID_ROLE)
    assert loaded.current_id() == cid
    assert loaded.detail.current_id() == cid
    assert loaded.selected_ids() == [cid]


def test_mark_command_repaints_rows_and_undo(qtbot, loaded):
    model, store = loaded.model, loaded.store
    loaded.table.selectRow(0)
    loaded.table.selectionModel().select(model.index(2, 0), loaded.table.selectionModel()
                                         .SelectionFlag.Select | loaded.table.selectionModel()
                                         .SelectionFlag.Rows)
    ids = loaded.selected_ids()
    assert len(ids) == 2
    status = model.index(0, COLUMN["status"])
    assert status.data() == "未标记"
    loaded.undo_stack.push(MarkCommand(store, ids, "done", "见统计公报",
                                       notify=loaded.detail.notify))
    assert status.data() == "已完成"
    assert model.index(2, COLUMN["status"]).data() == "已完成"
    assert loaded.actions_.undo.isEnabled()
    loaded.actions_.undo.trigger()
    assert status.data() == "未标记"
    shortcuts = [a.shortcut().toString() for a in loaded.actions_.mark_as]
    assert shortcuts == [f"Ctrl+{i}" for i in range(1, 6)]
    assert all(a in loaded.table.actions() for a in loaded.actions_.mark_as)


def test_lazy_fetch_in_batches(qtbot, loaded, monkeypatch, qtmodeltester):
    monkeypatch.setattr(models, "BATCH", 10)
    monkeypatch.setattr(models, "BLOCK", 7)
    model = loaded.model
    model.reload()
    total = model.total()
    assert total > 25 and model.rowCount() == 10 and model.canFetchMore(QModelIndex())
    inserted = []
    model.rowsInserted.connect(lambda parent, first, last: inserted.append((first, last)))
    model.fetchMore(QModelIndex())
    assert inserted == [(10, 19)] and model.rowCount() == 20
    model._cache.clear()
    assert model.index(13, COLUMN["text"]).data()     # block 7..13 read on demand
    assert set(model._cache) == set(model.ids()[7:14])
    qtmodeltester.check(model)
    cid = model.ids()[-1]
    loaded.select_id(cid)
    assert loaded.current_id() == cid and model.rowCount() == total


def test_model_passes_qt_model_tester(qtbot, loaded, qtmodeltester):
    qtmodeltester.check(loaded.model)
    loaded.filter_bar.set_fields(kind="project")
    qtmodeltester.check(loaded.model)


def test_model_never_raises_on_vanished_rows(qtbot, loaded):
    model = loaded.model
    model._ids[0] = 10 ** 9           # an id the store no longer has
    model._cache.clear()
    index = model.index(0, COLUMN["text"])
    assert index.data() == "（无法读取）"
    assert model.flags(index) == Qt.ItemFlag.NoItemFlags
    assert model.index(0, COLUMN["status"]).data(Qt.ItemDataRole.BackgroundRole) is None


def test_dashboard_counts_follow_scope(qtbot, loaded):
    store = loaded.store
    store.marks.mark(store.query(Filter(kind="target"))[:2], "not_done")
    loaded.filter_bar.set_fields(kind="target")
    loaded.actions_.dashboard.trigger()
    assert loaded.tabs.currentWidget() is loaded.dashboard
    stats = store.stats(Filter(kind="target"))
    assert loaded.dashboard.stats == stats
    assert loaded.dashboard.total_label.text() == f"{stats['total']:,}"
    slices = loaded.dashboard.status_chart.chart().series()[0].slices()
    assert sum(s.value() for s in slices) == stats["total"]
    assert any(s.label().startswith("未完成 2") for s in slices)


def test_text_tooltip_carries_glossary_and_escapes(qtbot, loaded):
    store = loaded.store
    report_id = store.tree()[0]["report_id"]
    glossary = store.glossary(report_id)
    assert glossary
    model = loaded.model
    hits = [r for r in range(model.rowCount())
            if any(t.strip("“”") in model.row_data(r)["text"] for t in glossary)]
    assert hits
    tip = model.index(hits[0], COLUMN["text"]).data(Qt.ItemDataRole.ToolTipRole)
    assert "<hr>" in tip and "：" in tip


def test_dropping_a_file_imports_it(qtbot, window):
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(seed("001")))])
    event = QDropEvent(QPoint(300, 300), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.importer.imported, timeout=60000):
        # The window's drop filter, as Qt's drag-and-drop dispatch calls it.
        assert window.drop.eventFilter(window, event)
    assert window.model.total() == window.store.count(Filter()) > 0


def test_suggest_evidence_runs_on_the_worker(qtbot, window):
    with qtbot.waitSignal(window.model.modelReset, timeout=180000):
        task = window.import_seeds()
        with qtbot.waitSignal(task.ended, timeout=180000):
            pass
    assert window.actions_.suggest.isEnabled()
    with qtbot.waitSignal(window.model.modelReset, timeout=180000):
        window.actions_.suggest.trigger()
        task = window.background_task
        assert task is not None and window.progress.isVisible()
    assert task.error is None
    with_claim = [r for r in range(window.model.rowCount())
                  if window.model.row_data(r).get("claim")]
    if task.result:
        assert with_claim
        tip = window.model.index(with_claim[0], COLUMN["status"]).data(
            Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith("核验建议")


def test_tree_nodes_without_region_or_year_only_group(qtbot, window):
    import_seed(qtbot, window, "001")
    window.tree.set_reports(window.store.tree() + [
        {"region": None, "plan_year": None, "report_id": 10 ** 6, "title": "某报告", "count": 1}])
    stack = [window.tree.topLevelItem(0)]
    groups = []
    while stack:
        item = stack.pop()
        stack.extend(item.child(i) for i in range(item.childCount()))
        if item.text(0) in ("（未识别地区）", "（年份未知）"):
            groups.append(item)
    assert len(groups) == 2
    assert all(not (g.flags() & Qt.ItemFlag.ItemIsSelectable) for g in groups)
    assert window.tree.select_scope({"report_id": 10 ** 6})
    assert window.model.total() == 0
