"""The main window: report tree | commitments table + 概览 tab | detail pane.

It owns the open store, the one QUndoStack and the filter; every view is told about
a new store, a new filter or changed rows from here. Menus, toolbar and their
handlers live in ui/menus.py.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QMainWindow,
                               QProgressBar, QSplitter, QTableView, QTabWidget,
                               QVBoxLayout, QWidget)

from tracker.errors import UserError
from tracker.store import Filter, Store
from ui import commands, menus, workers
from ui.background import BackgroundMixin
from ui.columns import ColumnFitter
from ui.dashboard import Dashboard
from ui.detail import DetailPane
from ui.empty_note import EmptyNote, conditions, explain
from ui.filters import NOTHING, FilterBar, combine
from ui.icons import icon
from ui.importing import DropImporter, Importer
from ui.models import COLUMN, COLUMNS, CommitmentTableModel
from ui.store_watch import StoreWatch
from ui.series_window import SeriesMixin
from ui.report_actions import ReportActions
from ui.supervise_actions import SuperviseMixin
from ui.tree import ReportTree
from ui.welcome import WelcomeMixin
from ui.window_settings import DETAIL_MIN, TABLE_MIN, SettingsMixin
from ui.compact import plain_tip

log = logging.getLogger(__name__)

# Shown on demand (header context menu): 指标 repeats the text, 地区·年度 the tree.
_HIDDEN = ("indicator", "report")


def open_store_file(path: Path | None) -> Store:
    """The store at path as the app opens it: a new or empty file becomes a store; an existing
    one made by a newer program opens for reading only (as the CLI's read commands) instead of
    being refused, and the window says so in its status bar."""
    existing = path is not None and path.is_file() and path.stat().st_size > 0
    return Store.open(path, create=not existing)


class MainWindow(SettingsMixin, WelcomeMixin, BackgroundMixin, SeriesMixin, SuperviseMixin, QMainWindow):
    """承诺台账's main window on one store (None until a store is opened)."""

    def __init__(self, store: Store | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.undo_stack = QUndoStack(self)
        self.setWindowIcon(icon("app"))
        self.setAcceptDrops(True)
        self.model = CommitmentTableModel(None, self)
        self.tree = ReportTree()
        self.filter_bar = FilterBar()
        self.table = self._make_table()
        self.columns = ColumnFitter(self.table)
        self.empty_note = EmptyNote(self.table)
        self._search_shown = False   # 地区·年度 shown by a search, hidden again after it
        self.dashboard = Dashboard()
        self.detail = DetailPane(None, self.undo_stack)
        self.detail.setMinimumWidth(DETAIL_MIN)
        self.importer = Importer(self, None)
        self.importer.imported.connect(self._imported)
        # A cancelled import keeps the files stored before the cancel: show them.
        self.importer.cancelled.connect(self.refresh_all)
        self.drop = DropImporter(self, self.dropped_paths)   # forms collect, reports import
        self.background_task: workers.Task | None = None
        self.watch = StoreWatch(self)
        self.watch.changed.connect(self._changed_elsewhere)

        table_page = QWidget()
        page_layout = QVBoxLayout(table_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        page_layout.addWidget(self.filter_bar)
        page_layout.addWidget(self.table, 1)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(table_page, self.tr("承诺"))
        self.tabs.addTab(self.dashboard, self.tr("概览"))
        # The 承诺内容 column must stay readable (ui/columns.py fits the others around it).
        self.tabs.setMinimumWidth(TABLE_MIN)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self._splitter_restored = False
        self.setCentralWidget(self.build_central(self.splitter))

        self.status_count = QLabel()
        self.status_store = QLabel()
        self.status_store.setTextFormat(Qt.TextFormat.PlainText)
        # 只读：原因 for as long as the store is open for reading only, not first on a write.
        self.status_read_only = QLabel()
        self.status_read_only.setTextFormat(Qt.TextFormat.PlainText)
        self.status_read_only.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.status_read_only.hide()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.hide()
        self.statusBar().addWidget(self.status_count)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.status_read_only)
        self.statusBar().addPermanentWidget(self.status_store)

        self.tree.scopeChanged.connect(self._scope_changed)
        self._year_from_tree = False
        self.filter_bar.filterChanged.connect(self._bar_changed)
        self.filter_bar.themesWanted.connect(self._theme_counts)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._model_reset)
        self.detail.changed.connect(self.rows_changed)
        self.dashboard.segmentClicked.connect(self.show_segment)
        self.detail.curated.connect(self.after_curation)
        self.connect_series()

        self.actions_ = menus.install(self)
        self.install_supervise()
        self.report_actions = ReportActions(self)
        # After the window's own refresh: the reports whose region or year the text left a guess.
        self.importer.imported.connect(self.report_actions.ask_uncertain)
        menus.update_enabled(self)
        self.resize(1360, 820)
        self.restore_settings()
        if store is not None:
            self.set_store(store)
        else:
            self._update_title()

    # -- layout --------------------------------------------------------------------
    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setAlternatingRowColors(True)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        vertical = table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for column, (key, title, _order) in enumerate(COLUMNS):
            if key == "text":
                continue
            header.setSectionHidden(column, key in _HIDDEN)
            action = QAction(self.tr(title), header)
            action.setCheckable(True)
            action.setChecked(key not in _HIDDEN)
            action.toggled.connect(lambda on, c=column: self._show_column(c, on))
            header.addAction(action)
        return table

    # -- store ---------------------------------------------------------------------
    def set_store(self, store: Store | None) -> None:
        """Show another store (closing the previous one); None shows nothing."""
        old = self.store
        self.store = store
        self.undo_stack.clear()
        self.review.decided.clear()
        self.importer.set_store(store)
        self.detail.set_store(store)
        self.dashboard.set_store(store)
        self.watch.set_store(store)
        self.model.set_store(None)
        if old is not None and old is not store:
            old.close()
        self.note_user_store(store)
        self.refresh_all()
        if store is not None and not store.read_only:
            # Ctrl+Z reaches the changes made before a restart: they are rows in the store.
            commands.rebuild_stack(self.undo_stack, store, notify=self.after_curation)
        self._update_title()

    def open_store(self, path: str | Path | None) -> bool:
        """Open (or create) the store at path and show it; False with a message on failure."""
        if self.busy():
            self.show_error(self.tr("请等待当前任务完成后再切换台账。"))
            return False
        try:
            store = open_store_file(Path(path) if path else None)
        except UserError as exc:
            self.show_error(str(exc))
            return False
        self.set_store(store)
        return True

    def _update_title(self) -> None:
        path = getattr(self.store, "path", None)
        self.setWindowTitle(self.tr("承诺台账") + (f" — {Path(path).name}" if path else ""))
        self.status_store.setText(str(path) if path else self.tr("未打开台账"))
        self.status_store.setToolTip(plain_tip(str(path)) if path else "")
        reason = getattr(self.store, "read_only", None)
        self.status_read_only.setVisible(bool(reason))
        # The store's reasons read "中文 / English": the Chinese half on the bar, both in the tip.
        self.status_read_only.setText(self.tr("只读：%1").replace("%1", (reason or "").split(" / ")[0]))
        self.status_read_only.setToolTip(plain_tip(self.tr("此台账只能查看，不能标记、更正或导入（%1）")
                                                   .replace("%1", reason or "")) if reason else "")

    # -- browsing ------------------------------------------------------------------
    def current_filter(self) -> Filter:
        """The Filter of the tree selection combined with the filter bar."""
        return combine(self.tree.scope(), self.filter_bar.fields())

    def _scope_changed(self, _scope: dict) -> None:
        """A year or report picked in the tree shows its year in the year box too."""
        year = self.tree.scope_year()
        if year is not None:
            self.filter_bar.set_year(year)
            self._year_from_tree = True
        elif self._year_from_tree:    # back to 全部/a region: drop the year the tree put there
            self.filter_bar.set_year(None)
            self._year_from_tree = False
        self.apply_filter()

    def apply_filter(self, *_args: object) -> None:
        """Query the table (and dashboard) again for the current filter."""
        f = self.current_filter()
        current = self.current_id()
        try:
            self.model.set_filter(f)
        except UserError as exc:
            self.statusBar().showMessage(str(exc), 5000)
            return
        self.dashboard.set_filter(f, self._scope_title())
        if f.theme:     # the chosen 分类 shows its count for this selection: the table's
            self.filter_bar.show_theme_counts({f.theme: self.model.total()})
        self._search_columns(bool(f.text))
        self.empty_note.show_text(None if self.model.total() or self.store is None else
                                  explain(f, self._scope_title(),
                                          not self.store.count(Filter(include_stale=True))))
        if f is NOTHING:
            self.statusBar().showMessage(self.tr("左侧所选年度与“年度”筛选不同，没有同时符合的承诺"))
        if current is not None:
            self.select_id(current, clear=True, scroll=False)

    def _show_column(self, column: int, on: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(column, not on)
        self.columns.fit()
        self.yield_panes()

    def _search_columns(self, searching: bool) -> None:
        """While searching, show 地区·年度 (where each hit comes from, as the tree does not);
        the columns are fitted again, so 承诺内容 keeps its share."""
        header = self.table.horizontalHeader()
        column = COLUMN["report"]
        if searching and not self._search_shown and header.isSectionHidden(column):
            header.setSectionHidden(column, False)
            self._search_shown = True
        elif not searching and self._search_shown:
            header.setSectionHidden(column, True)
            self._search_shown = False
        else:
            return
        self.columns.fit()
        self.yield_panes()

    def _theme_counts(self) -> None:
        """The 分类 list opens: each with its count among the current selection (not the store's)."""
        f = self.current_filter()
        if self.store is not None and f is not NOTHING:
            self.filter_bar.show_theme_counts(dict.fromkeys(self._all_themes(), 0) | dict(self.store.themes(f)))

    def _all_themes(self) -> list[str]:
        combo = self.filter_bar.category
        return [combo.itemData(i) for i in range(1, combo.count())]

    def _bar_changed(self) -> None:
        if self.filter_bar.fields().get("year") != self.tree.scope_year():
            self._year_from_tree = False    # the user chose this year: it stays
        self.apply_filter()

    def _scope_title(self) -> str:
        item = self.tree.currentItem()
        parts = []
        while item is not None:
            parts.insert(0, item.text(0))
            item = item.parent()
        return " ▸ ".join(parts[1:] if len(parts) > 1 else parts)

    def refresh_all(self) -> None:
        """Re-read tree, facets, table and dashboard from the store (after an import)."""
        self.show_start_panels()
        if self.store is None:
            self.tree.set_reports([])
            self.filter_bar.set_facets({})
            self.model.set_store(None)
            return
        self.watch.sync()       # what is read below is what the window knows
        if self.model.store() is not self.store:
            self.model.set_store(self.store)
        self.filter_bar.set_facets(self.store.facets())
        self.tree.set_reports(self.store.tree())
        self.apply_filter()
        if self.current_id() is None and self.model.rowCount():
            self.select_id(self.model.id_at(0))   # the pane shows something at once

    def show_segment(self, fields: dict) -> None:
        """A dashboard segment was clicked: the table, filtered to it."""
        self.filter_bar.set_fields(**fields)
        self.tabs.setCurrentIndex(0)

    def _changed_elsewhere(self) -> None:
        """Another program wrote to the store: show what is there now (not mid-task)."""
        if self.busy():
            return
        self.refresh_all()
        self.detail.reload()
        self.statusBar().showMessage(self.tr("台账已被其他程序更改，已刷新"), 5000)

    def rows_changed(self, ids: list[int]) -> None:
        """Commitments ids changed (the pane's changed signal): repaint rows and counts."""
        self.model.refresh(ids)
        self.dashboard.invalidate()

    def after_curation(self, ids: list[int]) -> None:
        """Rows were added or hidden by hand: re-query tree and table, select the first of ids
        still listed (else the row now where the current one was)."""
        index = self.table.currentIndex()
        row = index.row() if index.isValid() else 0
        self.tree.set_reports(self.store.tree())
        self.filter_bar.set_facets(self.store.facets())
        self.apply_filter()
        self.dashboard.invalidate()
        if not any(self.select_id(i) for i in ids) and self.model.rowCount():
            fallback = self.model.id_at(min(row, self.model.rowCount() - 1))
            if fallback is not None and fallback != self.current_id():
                self.select_id(fallback)
            else:
                self.detail.refresh(None)
        self._say_unlisted(ids)

    def _say_unlisted(self, ids: list[int]) -> None:
        """Rows an edit made or put back that the filter does not list (split parts under
        仅待核实): say so, or the user looks for them in vain."""
        unlisted = [i for i in ids if self.model.row_of(i) < 0
                    and not self.store.commitment(i).get("dropped")]
        if unlisted:
            self.statusBar().showMessage(
                self.tr("%1 条不符合当前筛选（%2），表中未列出；重置筛选（Ctrl+Shift+R）可看到。")
                .replace("%1", str(len(unlisted)))
                .replace("%2", "；".join(conditions(self.current_filter(), self._scope_title()))), 15000)

    def _model_reset(self) -> None:
        total = self.model.total()
        self.filter_bar.show_count(total)
        self.status_count.setText(self.tr("共 %1 条承诺").replace("%1", f"{total:,}"))
        self._current_row_changed(self.table.currentIndex(), QModelIndex())

    def current_id(self) -> int | None:
        """Id of the table's current row, None when there is none."""
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows in display order (the current row if none selected)."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        ids = [self.model.id_at(r) for r in rows]
        if not ids and self.current_id() is not None:
            ids = [self.current_id()]
        return [i for i in ids if i is not None]

    def select_id(self, cid: int, clear: bool = True, scroll: bool = True) -> bool:
        """Make commitment cid the current row; False if the filter hides it."""
        row = self.model.row_of(cid)
        if row < 0:
            return False
        self.model.ensure_shown(row)
        index = self.model.index(row, COLUMN["text"])
        flags = QItemSelectionModel.SelectionFlag.Rows | (
            QItemSelectionModel.SelectionFlag.ClearAndSelect if clear
            else QItemSelectionModel.SelectionFlag.Select)
        self.table.selectionModel().setCurrentIndex(index, flags)
        if scroll:
            self.table.scrollTo(index)
        return True

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        cid = self.model.id_at(current.row()) if current.isValid() else None
        self.detail.show_commitment(cid)
        menus.update_enabled(self)

    def _selection_changed(self, *_args: object) -> None:
        menus.update_enabled(self)
        n = len(self.table.selectionModel().selectedRows())
        if n > 1:
            self.statusBar().showMessage(self.tr("已选 %1 条").replace("%1", str(n)))
        else:
            self.statusBar().clearMessage()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        for task in (self.importer.task, self.background_task):
            if task is not None and not task.is_done():
                task.cancel()
        workers.wait_idle(30000)
        self.save_settings()
        if self.store is not None:
            self.store.close()
            self.store = None
        super().closeEvent(event)

    def show_when_ready(self) -> None:
        """Show and let the first paint happen before any slow work is queued."""
        self.show()
        QTimer.singleShot(0, self.table.setFocus)
