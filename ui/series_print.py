"""Printing the 指标历年 view: its summary line, the chart as drawn, and the table as text
rows that wrap, onto a QPrinter (paper or PDF)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtPrintSupport import QPrinter

# Shares of the page width: 年份 目标 实际 判断 调整 来源 依据原文.
WIDTHS = (0.07, 0.14, 0.09, 0.08, 0.06, 0.09, 0.47)


def paint_series(view, printer: QPrinter) -> None:
    """Paint view's summary line, chart and table onto printer's page(s), a new page when full."""
    painter = QPainter(printer)
    try:
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        rect = QRectF(0, 0, page.width(), page.height())
        scale = printer.resolution() / 96
        font = QFont(view.font())
        font.setPointSizeF(10)
        painter.setFont(font)
        line = painter.fontMetrics().height() * 1.3
        painter.drawText(QRectF(0, 0, rect.width(), line * 2), Qt.TextFlag.TextWordWrap, view.message.text())
        chart_h = rect.height() * 0.45
        view.chart_view.render(painter, QRectF(0, line * 2, rect.width(), chart_h))
        y = line * 2 + chart_h + line
        table = view.table
        columns = range(table.columnCount())
        for row in [[table.horizontalHeaderItem(c).text() for c in columns]] + \
                [[table.item(r, c).text() for c in columns] for r in range(table.rowCount())]:
            heights = []
            x = 0.0
            for col, text in enumerate(row):
                w = rect.width() * WIDTHS[col]
                box = painter.boundingRect(QRectF(x, y, w - 4 * scale, 10_000),
                                           Qt.TextFlag.TextWordWrap, text)
                heights.append(box.height())
                x += w
            h = max(heights) + 4 * scale
            if y + h > rect.height():
                printer.newPage()
                y = 0.0
            x = 0.0
            for col, text in enumerate(row):
                w = rect.width() * WIDTHS[col]
                painter.drawText(QRectF(x, y, w - 4 * scale, h), Qt.TextFlag.TextWordWrap, text)
                x += w
            painter.drawLine(QPointF(0, y + h - 1), QPointF(rect.width(), y + h - 1))
            y += h
    finally:
        painter.end()
