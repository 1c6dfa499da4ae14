"""The status sheet as XLSX (openpyxl): a summary sheet, then one sheet per kind."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, TYPE_STRING
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from tracker.sheet.data import (SERIES_COLUMNS, KIND_LABELS, STATUS_FILLS, STATUS_INKS, STATUS_ORDER, SheetData,
                    kind_heading, status_word, summary_lines)
from tracker.whole_file import write_whole

KIND_COLUMNS = ("序号", "分类", "承诺内容", "目标", "完成情况", "状态", "证据", "时限", "责任单位", "跨年")
_WIDTHS = (6, 18, 48, 16, 28, 11, 30, 12, 16, 16)     # in characters of the default font
_FONT = "Microsoft YaHei"                     # Excel falls back to a CJK face if missing
_THIN = Side(style="thin", color="8C99A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="3C4F66")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _text(ws, row: int, col: int, value: str):
    """A cell holding value as text: a document line starting with "=" is not a formula, and
    control characters (which XLSX cannot hold) are dropped."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)    # a control character in a note
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = TYPE_STRING
    return cell


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def _fit_to_width(ws, landscape: bool = False) -> None:
    """Printed from Excel or LibreOffice, the sheet's columns fit one A4 page's width."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _summary_sheet(wb: Workbook, data: SheetData) -> None:
    ws = wb.active
    ws.title = "汇总"
    _text(ws, 1, 1, data.title)
    ws["A1"].font = Font(name=_FONT, size=14, bold=True)
    ws["A2"] = f"报告：{data.source or '—'}　打印日期：{data.printed.isoformat()}" + (
        "　含未经确认的系统建议（标“待确认”）" if data.with_suggestions else "")
    if data.scope:
        ws["A3"] = f"范围：{data.scope}"
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 12
    first = 5
    for i, (label, value) in enumerate(summary_lines(data)):
        r = first + i
        _text(ws, r, 1, label).border = _BORDER
        count = int(value.split()[0])
        ws.cell(row=r, column=2, value=count).border = _BORDER
        for status in STATUS_ORDER:
            if label == status_word(status):
                ws.cell(row=r, column=1).fill = PatternFill("solid", fgColor=_hex(
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
    _fit_to_width(ws)      # title, counts and chart on one page (the chart's half spilled onto a second)


def _kind_sheet(wb: Workbook, data: SheetData, kind: str, index: int, landscape: bool) -> None:
    groups = [g for g in data.groups if g.kind == kind]
    rows = [r for g in groups for r in g.rows]
    ws = wb.create_sheet(KIND_LABELS.get(kind, kind)[:31])
    for c, (name, width) in enumerate(zip(KIND_COLUMNS, _WIDTHS), 1):
        cell = ws.cell(row=1, column=c, value=name)
        cell.font = Font(name=_FONT, bold=True, color="FFFFFF")
        cell.fill = _HEAD_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
        cell.border = _BORDER
        ws.column_dimensions[get_column_letter(c)].width = width
    for r, row in enumerate(rows, 2):
        deadline = row.deadline_cell
        values = (row.number, row.category, row.text, row.target, row.progress,
                  row.status_text, row.evidence, deadline, row.units, row.carry)
        for c, value in enumerate(values, 1):
            cell = _text(ws, r, c, value)
            cell.alignment = _WRAP
            cell.border = _BORDER
            cell.font = Font(name=_FONT, size=10)
        status_cell = ws.cell(row=r, column=6)
        status_cell.fill = PatternFill("solid", fgColor=_hex(STATUS_FILLS[row.status]))
        status_cell.font = Font(name=_FONT, size=10, color=_hex(STATUS_INKS[row.status]))
        status_cell.alignment = Alignment(horizontal="center", vertical="top")
        if row.flags:
            ws.cell(row=r, column=8).font = Font(name=_FONT, size=10, color="A8231A")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(KIND_COLUMNS))}{len(rows) + 1}"
    # Printed from Excel it still looks like the PDF: header repeated, fit to width.
    ws.print_title_rows = "1:1"
    _fit_to_width(ws, landscape)
    ws.oddHeader.center.text = f"{data.title} · {kind_heading(kind, index, len(rows))}"
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"


def _series_sheet(wb: Workbook, data: SheetData) -> None:
    """指标历年: one block per indicator, a row per year."""
    ws = wb.create_sheet("指标历年")
    for c, width in enumerate((8, 18, 12, 8, 8, 70), 1):
        ws.column_dimensions[get_column_letter(c)].width = width
    r = 1
    for table in data.series:
        ws.cell(row=r, column=1, value=f"{table.region} · {table.indicator}").font = Font(name=_FONT, bold=True)
        r += 1
        for c, name in enumerate(SERIES_COLUMNS, 1):
            cell = ws.cell(row=r, column=c, value=name)
            cell.font = Font(name=_FONT, bold=True, color="FFFFFF")
            cell.fill = _HEAD_FILL
            cell.border = _BORDER
        for values in table.rows:
            r += 1
            for c, value in enumerate(values, 1):
                cell = _text(ws, r, c, value)
                cell.alignment = _WRAP
                cell.border = _BORDER
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
