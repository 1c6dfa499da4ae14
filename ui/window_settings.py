"""The main window's layout: QSettings (geometry, splitter, columns, tab) and first-run sizes.

Only the look of the window lives here; data lives in the store.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTimer

from ui.compact import fit_screen
from ui.models import COLUMNS

# The pane wraps its buttons and elides its header, so on a 1366-px screen the table
# gets ~800 px by default; below DETAIL_MIN the pane's text would be unreadable.
# At 1024 px the three panes yield in turn: the tree to its names (ui/tree.TREE_MIN), the
# pane to DETAIL_MIN, so the table keeps room for 承诺内容 to have its share of it with every
# column shown (ui/columns.py); TABLE_MIN holds it with the usual columns.
TREE_WIDTH, DETAIL_WIDTH, DETAIL_MIN = 210, 360, 250
TABLE_MIN = 450


class SettingsMixin:
    """MainWindow methods that save and restore its layout."""

    def restore_settings(self) -> None:
        """Geometry, splitter, column widths and current tab from QSettings."""
        s = QSettings()
        geometry = s.value("window/geometry")
        if geometry is not None and self.restoreGeometry(geometry):
            if not self.isMaximized():
                # Saved on a larger screen (a monitor; now a 1024×700 laptop): no bigger than
                # this one, and on it.
                fit_screen(self, self.width(), self.height(), frame=False)
                area = self.screen().availableGeometry()
                if not area.contains(self.frameGeometry()):
                    self.move(area.topLeft())
        else:
            fit_screen(self, 1600, 1000)
        for key, restore in (("window/state", self.restoreState),
                             ("table/header", self.table.horizontalHeader().restoreState)):
            value = s.value(key)
            if value is not None:
                restore(value)
        self._sync_column_actions()
        value = s.value("window/splitter")
        self._splitter_restored = value is not None and self.splitter.restoreState(value)
        self.tree.restore_state(s)
        self.tabs.setCurrentIndex(s.value("window/tab", 0, type=int))

    def save_settings(self) -> None:
        """Store geometry, splitter, column widths and current tab in QSettings."""
        s = QSettings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("table/header", self.table.horizontalHeader().saveState())
        s.setValue("window/tab", self.tabs.currentIndex())
        self.tree.save_state(s)

    def _sync_column_actions(self) -> None:
        """Tick the header menu's column entries to match a restored header state."""
        header = self.table.horizontalHeader()
        shown = [c for c, (key, _t, _o) in enumerate(COLUMNS) if key != "text"]
        for column, action in zip(shown, header.actions()):
            action.setChecked(not header.isSectionHidden(column))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._splitter_restored:
            # After the window manager has settled the size, not before.
            QTimer.singleShot(0, self.initial_sizes)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        # After the splitter has shared out the new width, not before.
        QTimer.singleShot(0, self.yield_panes)

    def yield_panes(self) -> None:
        """When the table is too narrow for 承诺内容's share (a smaller window, a column shown),
        the detail pane and then the tree give it width, down to their minimums."""
        if not self.splitter.isVisible():
            return
        tree, middle, detail = self.splitter.sizes()
        short = self.columns.needed_width() + (self.tabs.width() - self.table.width()) - middle
        if short <= 0:
            return
        give_detail = max(0, min(short, detail - DETAIL_MIN))
        give_tree = max(0, min(short - give_detail, tree - self.tree.minimumWidth()))
        if give_detail or give_tree:
            self.splitter.setSizes([tree - give_tree, middle + give_detail + give_tree, detail - give_detail])

    def initial_sizes(self) -> None:
        """First run: tree and pane at their natural width, the table gets the rest — once the
        panes are on screen (behind the welcome panel they have no width yet)."""
        if self._splitter_restored or not self.splitter.isVisible():
            return
        self._splitter_restored = True
        self.fit_panes()

    def fit_panes(self) -> None:
        """Tree and pane at their natural width for the splitter's width, the table the rest."""
        total = self.splitter.width()
        tree = TREE_WIDTH if total >= 1300 else self.tree.minimumWidth()
        detail = DETAIL_WIDTH if total >= 1300 else DETAIL_MIN
        middle = max(total - tree - detail, self.tabs.minimumWidth())
        self.splitter.setSizes([tree, middle, detail])
