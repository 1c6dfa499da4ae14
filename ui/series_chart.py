"""The 指标历年 chart (QtCharts): the target line, the outcome line, and outcome dots
coloured 已完成 / 未完成 / 未核实 / 未标记, one category per plan year."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QChart, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QPen

from tracker.history.series import VERDICT_WORDS, Series

VERDICT_COLOURS = {"met": "#2e7d32", "missed": "#c62828", "unknown": "#9e9e9e", "unmarked": "#cfcfcf"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("series", text)


def series_chart(s: Series) -> QChart:
    """Target line, outcome line, and dots coloured by verdict, one category per year."""
    chart = QChart()
    chart.setTitle(_tr("%1 历年目标与实际").replace("%1", s.title))
    target = QLineSeries()
    target.setName(_tr("目标"))
    target.setPen(QPen(QColor("#1565c0"), 2, Qt.PenStyle.DashLine))
    actual = QLineSeries()
    actual.setName(_tr("实际"))
    actual.setPen(QPen(QColor("#455a64"), 2))
    # Figures beside the points: the target line's own, and the outcome dots' (a scatter
    # series lifts its labels clear of its marker; a line's would sit under the dot).
    target.setPointLabelsVisible(True)
    target.setPointLabelsFormat("@yPoint")
    target.setPointLabelsClipping(False)
    dots = {v: QScatterSeries() for v in VERDICT_COLOURS}
    for verdict, dot in dots.items():
        dot.setName(_tr(VERDICT_WORDS[verdict]))
        dot.setColor(QColor(VERDICT_COLOURS[verdict]))
        dot.setBorderColor(QColor(VERDICT_COLOURS[verdict]))
        dot.setMarkerSize(12 if verdict in ("met", "missed") else 8)
        if verdict in ("met", "missed"):   # a point without an outcome sits on its target, labelled already
            dot.setPointLabelsVisible(True)
            dot.setPointLabelsFormat("@yPoint")
            dot.setPointLabelsClipping(False)
            dot.setPointLabelsColor(QColor(VERDICT_COLOURS[verdict]))
    # A range target (增长5%–5.5%) also draws its upper end, thin and dotted.
    upper = QLineSeries()
    upper.setName(_tr("目标上限"))
    upper.setPen(QPen(QColor("#64b5f6"), 1, Qt.PenStyle.DotLine))
    ranged = any(p.value_high is not None for p in s.points)
    values = []
    for x, p in enumerate(s.points):
        if ranged and p.value is not None:
            high = p.value_high if p.value_high is not None else p.value
            upper.append(QPointF(x, high))
            values.append(high)
        if p.value is not None:
            target.append(QPointF(x, p.value))
            values.append(p.value)
        if p.actual_value is not None:
            actual.append(QPointF(x, p.actual_value))
            values.append(p.actual_value)
        # A point without an outcome sits on its target, grey.
        y = p.actual_value if p.actual_value is not None else p.value
        if y is not None:
            dots[p.bucket].append(QPointF(x, y))
    axis_x = QBarCategoryAxis()
    axis_x.append([f"{p.year}" for p in s.points])
    axis_y = QValueAxis()
    if values:
        low, high = min(values), max(values)
        pad = max((high - low) * 0.25, abs(high) * 0.05, 0.5)
        axis_y.setRange(low - pad, high + pad)
    unit = next((p.unit for p in s.points if p.unit), "")
    axis_y.setTitleText(unit)
    axis_y.setLabelFormat("%.1f")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for one in (target, upper, actual, *dots.values()):
        if one.count() == 0 and one not in (target, actual):
            continue
        chart.addSeries(one)
        one.attachAxis(axis_x)
        one.attachAxis(axis_y)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart
