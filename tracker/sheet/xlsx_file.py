"""The status sheet as XLSX (openpyxl): a summary sheet, then one sheet per kind."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from tracker.sheet.data import (SERIES_COLUMNS, KIND_LABELS, STATUS_FILLS, STATUS_INKS, STATUS_ORDER, SheetData,
                    kind_heading, status_word, summary_lines)
from tracker.sheet.xlsx_style import (BORDER, FONT, LATE_INK, body_row, fit_to_width, header_row,
                                      hex_colour, text_cell)
from tracker.whole_file import write_whole

KIND_COLUMNS = ("序号", "分类", "承诺内容", "目标", "完成情况", "状态", "证据", "时限", "责任单位", "跨年")
_WIDTHS = (6, 18, 48, 16, 28, 11, 30, 12, 16, 16)     # in characters of the default font


def _summary_sheet(wb: Workbook, data: SheetData) -> None:
    ws = wb.active
    ws.title = "汇总"
    text_cell(ws, 1, 1, data.title)
    ws["A1"].font = Font(name=FONT, size=14, bold=True)
    ws["A2"] = f"报告：{data.source or '—'}　打印日期：{data.printed.isoformat()}" + (
        "　含未经确认的系统建议（标“待确认”）" if data.with_suggestions else "")
    if data.scope:
        ws["A3"] = f"范围：{data.scope}"
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 12
    first = 5
    for i, (label, value) in enumerate(summary_lines(data)):
        r = first + i
        text_cell(ws, r, 1, label).border = BORDER
        count = int(value.split()[0])
        ws.cell(row=r, column=2, value=count).border = BORDER
        for status in STATUS_ORDER:
            if label == status_word(status):
                ws.cell(row=r, column=1).fill = PatternFill("solid", fgColor=hex_colour(
                    STATUS_FILLS[status]))
    # A bar chart of the five status rows (they follow the kind rows in summary_lines).
    labels = [label for label, _ in summary_lines(data)]
    start = first + labels.index(status_word(STATUS_ORDER[0]))
    chart = BarChart()
    chart.type = "bar"
    chart.title = "完成情况分布"
    chart.legend = None
    chart.add_data(Reference(ws, min_col=2, min_row=start, max_row=start + len(STATUS_ORDER) - 1))
    chart.set_categories(Reference(ws, min_col=1, min_row=start,
                                   max_row=start + len(STATUS_ORDER) - 1))
    chart.height, chart.width = 7, 14
    ws.add_chart(chart, "D5")
    fit_to_width(ws, landscape=False)   # title, counts and chart on one page (the chart spilled onto a second)


def _kind_sheet(wb: Workbook, data: SheetData, kind: str, index: int, landscape: bool) -> None:
    groups = [g for g in data.groups if g.kind == kind]
    rows = [r for g in groups for r in g.rows]
    ws = wb.create_sheet(KIND_LABELS.get(kind, kind)[:31])
    header_row(ws, 1, KIND_COLUMNS, _WIDTHS)
    for r, row in enumerate(rows, 2):
        body_row(ws, r, (row.number, row.category, row.text, row.target, row.progress,
                         row.status_text, row.evidence, row.deadline_cell, row.units, row.carry))
        status_cell = ws.cell(row=r, column=6)
        status_cell.fill = PatternFill("solid", fgColor=hex_colour(STATUS_FILLS[row.status]))
        status_cell.font = Font(name=FONT, size=10, color=hex_colour(STATUS_INKS[row.status]))
        status_cell.alignment = Alignment(horizontal="center", vertical="top")
        if row.flags:
            ws.cell(row=r, column=8).font = Font(name=FONT, size=10, color=LATE_INK)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(KIND_COLUMNS))}{len(rows) + 1}"
    ws.print_title_rows = "1:1"
    fit_to_width(ws, landscape, f"{data.title} · {kind_heading(kind, index, len(rows))}")


def _series_sheet(wb: Workbook, data: SheetData) -> None:
    """指标历年: one block per indicator, a row per year."""
    ws = wb.create_sheet("指标历年")
    for c, width in enumerate((8, 18, 12, 8, 8, 70), 1):
        ws.column_dimensions[get_column_letter(c)].width = width
    r = 1
    for table in data.series:
        ws.cell(row=r, column=1, value=f"{table.region} · {table.indicator}").font = Font(name=FONT, bold=True)
        r += 1
        header_row(ws, r, SERIES_COLUMNS)
        for values in table.rows:
            r += 1
            body_row(ws, r, values, size=11)
        r += 2


def write(data: SheetData, out: Path, landscape: bool = False) -> None:
    """Write the workbook: 汇总 first, then one sheet per kind present."""
    wb = Workbook()
    _summary_sheet(wb, data)
    for index, kind in enumerate(data.kinds()):
        _kind_sheet(wb, data, kind, index, landscape)
    if data.series:
        _series_sheet(wb, data)
    wb.properties.title = data.title
    wb.properties.creator = "承诺台账"
    # Made in memory, then written whole: openpyxl writing a file itself leaves a broken
    # zip (and ZipFile.__del__ noise) when the disk fills.
    buf = io.BytesIO()
    wb.save(buf)
    write_whole(out, buf.getvalue())
