"""The filter bar above the table: search box (full-text, debounced), kind, status, year,
category and the 逾期/滞后 flags. It only says what the user asked for (Filter fields);
the store does the filtering in SQL.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit,
                               QToolButton, QVBoxLayout, QWidget)

from tracker.store import Filter
from tracker.store.links import FLAG_WORDS
from ui import i18n

# Matches nothing: the tree's year and the year box disagree (no report has two plan years).
NOTHING = Filter(report_id=-1)

# Typing "地区生产" fires one query after the last key, not one per key.
DEBOUNCE_MS = 150


class FilterBar(QWidget):
    """Search and filter controls; filterChanged() after any change (search debounced)."""

    filterChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Two rows (search, then filters) so the bar never forces the window wider.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(4, 4, 4, 2)
        rows.setSpacing(3)
        top, layout = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(top)
        rows.addLayout(layout)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索承诺内容（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        top.addWidget(self.search, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.filterChanged)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._search_now)

        self.kind = self._combo(self.tr("全部类型"), i18n.kinds())
        self.status = self._combo(self.tr("全部状态"), i18n.statuses())
        self.year = self._combo(self.tr("全部年度"), [])
        self.category = self._combo(self.tr("全部分类"), [])
        self.category.setToolTip(self.tr("按章节标题归纳的分类"))
        self.category.setMinimumContentsLength(8)
        self.category.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        # 延续 / 上调 / 下调 / 不再提及 against the next or previous year's plan.
        self.carry = self._combo(self.tr("全部跨年"), [(f, self.tr(w)) for f, w in FLAG_WORDS.items()])
        self.carry.setToolTip(self.tr("与上一年或下一年计划的关系"))
        # 责任单位 (牵头或配合): beside the search box, with the rarer switches.
        self.unit = self._combo(self.tr("全部单位"), [])
        self.unit.setToolTip(self.tr("只看该单位牵头或配合的承诺"))
        self.unit.setMinimumContentsLength(5)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit.setVisible(False)
        top.addWidget(self.unit)
        for combo in (self.kind, self.status, self.year, self.category, self.carry):
            if combo is not self.category:
                combo.setMinimumContentsLength(4)   # 全部类型 whole at 1024 px
                combo.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            layout.addWidget(combo)
        self.overdue = QCheckBox(self.tr("逾期"))
        self.overdue.setToolTip(self.tr("时限已过仍未完成"))
        self.behind = QCheckBox(self.tr("滞后"))
        self.behind.setToolTip(self.tr("报告的进度低于序时进度"))
        self.pending = QCheckBox(self.tr("待核实"))
        self.pending.setToolTip(self.tr("只看有待处理核验建议的承诺（F8 下一条，Alt+A 采纳，Alt+R 驳回）"))
        self.stale = QCheckBox(self.tr("含失效"))
        self.stale.setToolTip(self.tr("也显示重新提取后已找不到的承诺"))
        # Items marked 不是承诺 (or replaced by a split/merge) are hidden unless asked for.
        self.dropped = QCheckBox(self.tr("不是承诺"))
        self.dropped.setToolTip(self.tr("只看标为“不是承诺”或因拆分、合并而隐藏的条目（可恢复）"))
        for box in (self.overdue, self.behind, self.pending, self.stale, self.dropped):
            box.toggled.connect(self.filterChanged)
            # The rarer switches beside the search box, so the combos keep their words at 1024 px.
            (top if box in (self.pending, self.stale, self.dropped) else layout).addWidget(box)
        layout.addStretch(1)
        self.reset_button = QToolButton()
        self.reset_button.setText(self.tr("重置"))
        self.reset_button.setToolTip(self.tr("清除搜索和所有筛选条件"))
        self.reset_button.clicked.connect(self.reset)
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(90)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.count_label)
        top.addWidget(self.reset_button)

    def _combo(self, all_label: str, items: list[tuple[object, str]]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(all_label, None)
        for value, label in items:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(self.filterChanged)
        return combo

    def _search_now(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.filterChanged.emit()

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def set_facets(self, facets: dict) -> None:
        """Offer the years and categories present in the store, keeping current choices."""
        years = sorted((int(y) for y in facets.get("years") or [] if y), reverse=True)
        self._refill(self.year, [(y, self.tr("%1年").replace("%1", str(y))) for y in years])
        # A short list of themes (tracker/themes.py), not every report's raw headings.
        self._refill(self.category, [(name, self.tr("%1（%2）").replace("%1", name)
                                      .replace("%2", str(n)))
                                     for name, n in facets.get("themes") or []])
        units = facets.get("units") or []
        self._refill(self.unit, [(u, u) for u in units])
        self.unit.setVisible(bool(units) or self.unit.currentData() is not None)

    def _refill(self, combo: QComboBox, items: list[tuple[object, str]]) -> None:
        current = combo.currentData()
        with QSignalBlocker(combo):
            while combo.count() > 1:
                combo.removeItem(1)
            for value, label in items:
                combo.addItem(label, value)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(index, 0))
        if current is not None and combo.currentData() != current:
            self.filterChanged.emit()   # the chosen value is gone from this store

    def fields(self) -> dict:
        """Filter fields chosen in the bar (search text stripped; empty ones left out)."""
        fields = {"kind": self.kind.currentData(), "status": self.status.currentData(),
                  "year": self.year.currentData(), "theme": self.category.currentData(),
                  "carry": self.carry.currentData(), "unit": self.unit.currentData(),
                  "text": self.search.text().strip() or None,
                  "overdue": True if self.overdue.isChecked() else None,
                  "behind": True if self.behind.isChecked() else None,
                  "pending": True if self.pending.isChecked() else None,
                  "include_stale": True if self.stale.isChecked() else None,
                  "dropped": True if self.dropped.isChecked() else None}
        return {k: v for k, v in fields.items() if v is not None}

    def set_fields(self, **fields: object) -> None:
        """Choose values in the bar (kind=, status=, year=, theme=, text=, overdue=, pending=, …)."""
        with QSignalBlocker(self):
            for name, combo in (("kind", self.kind), ("status", self.status),
                                ("year", self.year), ("theme", self.category),
                                ("carry", self.carry), ("unit", self.unit)):
                if name in fields:
                    if name == "unit" and fields[name] is not None and combo.findData(fields[name]) < 0:
                        combo.addItem(str(fields[name]), fields[name])   # a name the facets lack yet
                    combo.setCurrentIndex(max(combo.findData(fields[name]), 0))
            if "text" in fields:
                self.search.setText(str(fields["text"] or ""))
                self._timer.stop()
            for name, box in (("overdue", self.overdue), ("behind", self.behind),
                              ("pending", self.pending), ("include_stale", self.stale),
                              ("dropped", self.dropped)):
                if name in fields:
                    box.setChecked(bool(fields[name]))
        self.filterChanged.emit()

    def set_year(self, year: int | None) -> None:
        """Show year in the year box without filterChanged (the caller re-queries once)."""
        with QSignalBlocker(self.year):
            self.year.setCurrentIndex(max(self.year.findData(year), 0) if year else 0)

    def reset(self) -> None:
        """Clear the search and every filter."""
        self.set_fields(kind=None, status=None, year=None, theme=None, carry=None, unit=None, text="",
                        overdue=False, behind=False, pending=False, include_stale=False,
                        dropped=False)

    def show_count(self, shown: int, total: int | None = None) -> None:
        """Show how many commitments match (and of how many)."""
        text = self.tr("%1 条").replace("%1", f"{shown:,}")
        if total is not None and total != shown:
            text = self.tr("%1 / %2 条").replace("%1", f"{shown:,}").replace("%2", f"{total:,}")
        self.count_label.setText(text)


def combine(scope: dict, fields: dict) -> Filter:
    """The tree's scope AND the bar's fields; NOTHING when their years disagree.

    Neither replaces the other, so the table never shows a set the controls do not say.
    """
    tree_year, bar_year = scope.get("year"), fields.get("year")
    if tree_year is not None and bar_year is not None and tree_year != bar_year:
        return NOTHING
    return Filter(**{**scope, **fields})
