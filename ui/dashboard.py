"""概览 (dashboard): counts by status and kind for the current scope, with QtCharts.

The scope is whatever the tree and filter bar select (one report, a year, a region,
everything); the numbers come from store.stats(f), which counts in SQL. The view is
only recomputed when it is visible, so browsing the table never waits for it.
"""

from __future__ import annotations

from PySide6.QtCharts import (QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView,
                              QPieSeries, QValueAxis)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from tracker.store import Filter
from tracker.supervise.bulletin_build import unit_lines
from ui import i18n
from ui.unit_overview import UnitOverview


def _share(part: int, total: int) -> str:
    return f"{100 * part / total:.1f}%" if total else "—"


def _count(mapping: dict, key: str) -> int:
    """A count from by_status/by_kind, where 'unmarked' may be stored as None or ''."""
    if key == i18n.UNMARKED:
        return sum(int(mapping.get(k) or 0) for k in (i18n.UNMARKED, None, ""))
    return int(mapping.get(key) or 0)


class Dashboard(QWidget):
    """Figures and charts for one Filter; refreshed lazily when shown.

    Clicking a ring segment or a bar emits segmentClicked with the filter fields it
    stands for ({"status": "done"}, {"kind": "livelihood"}); the window filters the table.
    """

    segmentClicked = Signal(dict)

    def __init__(self, store=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._filter = Filter()
        self._dirty = True
        self.stats: dict = {}
        layout = QVBoxLayout(self)
        self.scope_label = QLabel()
        font = self.scope_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.scope_label.setFont(font)
        self.scope_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.scope_label)
        figures = QGridLayout()
        (self.total_label, self.overdue_label, self.behind_label, self.done_label,
         self.pending_label) = (
            self._figure(figures, i, title) for i, title in enumerate(
                (self.tr("承诺总数"), self.tr("逾期未完成"), self.tr("滞后于序时进度"),
                 i18n.status_label("done"), self.tr("待核实建议"))))
        self.pending_label.setToolTip(self.tr("有待处理核验建议的承诺（点“待核实”筛选查看）"))
        layout.addLayout(figures)
        charts = QHBoxLayout()
        self.status_chart = self._chart_view(self.tr("按状态"))
        self.status_chart.chart().legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.kind_chart = self._chart_view(self.tr("按类型"))
        charts.addWidget(self.status_chart, 1)
        charts.addWidget(self.kind_chart, 1)
        layout.addLayout(charts, 1)
        # 按单位: the 通报's counts per lead unit; a click filters the table to that unit.
        self.units = UnitOverview()
        self.units.unitClicked.connect(lambda name: self.segmentClicked.emit({"unit": name}))
        self.units.hide()
        layout.addWidget(self.units, 1)

    def _figure(self, grid: QGridLayout, column: int, title: str) -> QLabel:
        caption = QLabel(title)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        value = QLabel("—")
        value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(value.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        value.setFont(font)
        grid.addWidget(value, 0, column)
        grid.addWidget(caption, 1, column)
        return value

    def _chart_view(self, title: str) -> QChartView:
        chart = QChart()
        chart.setTitle(title)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        view = QChartView(chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumSize(260, 220)
        return view

    def set_store(self, store) -> None:
        """Count in another store."""
        self._store = store
        self.invalidate()

    def set_filter(self, f: Filter, scope_title: str = "") -> None:
        """Count the commitments matching f; scope_title names the selection."""
        self._filter = f
        self.scope_label.setText(scope_title or self.tr("全部报告"))
        self.invalidate()

    def invalidate(self) -> None:
        """Recount now if visible, else when next shown."""
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Read store.stats for the filter and redraw figures and charts."""
        self._dirty = False
        stats = self._store.stats(self._filter) if self._store is not None else {}
        self.stats = stats
        total = int(stats.get("total") or 0)
        by_status = stats.get("by_status") or {}
        by_kind = stats.get("by_kind") or {}
        overdue, behind = int(stats.get("overdue") or 0), int(stats.get("behind") or 0)
        done = _count(by_status, "done")
        self.total_label.setText(f"{total:,}")
        self.overdue_label.setText(f"{overdue:,}（{_share(overdue, total)}）")
        self.behind_label.setText(f"{behind:,}（{_share(behind, total)}）")
        self.done_label.setText(f"{done:,}（{_share(done, total)}）")
        self.pending_label.setText(f"{int(stats.get('pending') or 0):,}")
        self.overdue_label.setStyleSheet("color: #c62828;" if overdue else "")
        self.behind_label.setStyleSheet("color: #b7791f;" if behind else "")
        self._draw_status(by_status, total)
        self._draw_kinds(by_kind)
        lines = unit_lines(self._store, self._filter) if self._store is not None else []
        self.units.set_lines(lines)
        self.units.setVisible(bool(lines))

    def _draw_status(self, by_status: dict, total: int) -> None:
        chart = self.status_chart.chart()
        chart.removeAllSeries()
        series = QPieSeries()
        series.setHoleSize(0.35)
        for key, label in i18n.statuses():
            count = _count(by_status, key)
            if not count:
                continue
            # Short legend entries ("未标记 87") fit under the ring; the figures row
            # above gives the shares that matter (done, overdue, behind).
            piece = series.append(f"{label} {count}", count)
            piece.setColor(i18n.status_colour(key))
            piece.setBorderColor(Qt.GlobalColor.white)
            # The number on the segment itself, and a click filters the table to it.
            piece.setLabel(f"{label} {count}")
            piece.setLabelVisible(True)
            piece.setLabelPosition(piece.LabelPosition.LabelOutside)
            piece.clicked.connect(lambda k=key: self.segmentClicked.emit({"status": k}))
            piece.hovered.connect(lambda on, p=piece: p.setExploded(on))
        chart.addSeries(series)
        chart.legend().setVisible(bool(series.count()))

    def _draw_kinds(self, by_kind: dict) -> None:
        chart = self.kind_chart.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        labels, counts = [], []
        for key, label in i18n.kinds():
            labels.append(label)
            counts.append(_count(by_kind, key))
        bar = QBarSet(self.tr("承诺数"))
        bar.append([float(c) for c in counts])
        bar.setColor(i18n.kind_colour("target"))
        keys = [key for key, _label in i18n.kinds()]
        bar.clicked.connect(lambda i: self.segmentClicked.emit({"kind": keys[i]})
                            if 0 <= i < len(keys) else None)
        series = QBarSeries()
        series.append(bar)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        bar.setLabelColor(Qt.GlobalColor.black)
        chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append(labels)
        y_axis = QValueAxis()
        y_axis.setRange(0, max(counts + [1]) * 1.15)
        y_axis.setLabelFormat("%d")
        y_axis.applyNiceNumbers()
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        chart.legend().setVisible(False)
