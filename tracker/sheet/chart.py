"""The small bar chart of statuses in the sheet's summary block (reportlab graphics)."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from tracker.sheet.data import STATUS_INKS, STATUS_LABELS, STATUS_ORDER


def status_chart(by_status: dict[str, int], font: str, width: float, height: float) -> Drawing:
    """Horizontal bars, one per status, each labelled with its word and count."""
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 10, "完成情况分布", fontName=font, fontSize=9))
    # Top-to-bottom in status order: the chart's category axis runs bottom-up.
    order = list(reversed(STATUS_ORDER))
    counts = [by_status.get(s, 0) for s in order]
    chart = HorizontalBarChart()
    chart.x, chart.y = 62, 4
    chart.width, chart.height = max(40.0, width - 90), height - 22
    chart.data = [counts]
    chart.barWidth = 8
    chart.groupSpacing = 5
    chart.categoryAxis.categoryNames = [STATUS_LABELS[s] for s in order]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = colors.HexColor("#777777")
    top = max(counts) if any(counts) else 1
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top * 1.15 + 0.5
    chart.valueAxis.visible = False
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 8
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.bars.strokeColor = None
    for i, status in enumerate(order):
        chart.bars[(0, i)].fillColor = colors.HexColor(STATUS_INKS[status])
    drawing.add(chart)
    return drawing
