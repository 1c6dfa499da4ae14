"""The 通报 as XLSX: one sheet with the units' table (marks filled in their colours) and one
with the late items, a unit per block; frozen headers and print setup as the status sheet."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from tracker.sheet.xlsx_file import _BORDER, _FONT, _HEAD_FILL, _hex, _text
from tracker.supervise.bulletin_data import (ITEM_COLUMNS, MARK_FILLS, MARK_INKS, UNIT_COLUMNS,
                                             BulletinData)

_UNIT_WIDTHS = (6, 22, 9, 9, 9, 8, 8, 9, 7, 12, 16)
_ITEM_WIDTHS = (6, 60, 14, 10, 44, 12)
_WRAP = Alignment(wrap_text=True, vertical="top")


def _header(ws, row: int, names: tuple[str, ...]) -> None:
    for c, name in enumerate(names, 1):
        cell = ws.cell(row=row, column=c, value=name)
        cell.font = Font(name=_FONT, bold=True, color="FFFFFF")
        cell.fill = _HEAD_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BORDER


def _row(ws, row: int, values: tuple[str, ...]) -> None:
    for c, value in enumerate(values, 1):
        cell = _text(ws, row, c, int(value) if value.isdigit() and c > 2 and c < 9 else value)
        cell.font, cell.alignment, cell.border = Font(name=_FONT, size=10), _WRAP, _BORDER


def _print_setup(ws, title: str, landscape: bool) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddHeader.center.text = title.replace("&", "&&")
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"


def write(data: BulletinData, out: Path, landscape: bool = False) -> None:
    """Write the 通报 workbook to out (the caller writes it whole)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "各单位"
    _text(ws, 1, 1, data.title).font = Font(name=_FONT, size=14, bold=True)
    _text(ws, 2, 1, f"截至 {data.as_of.isoformat()}" + (f"　范围：{data.scope}" if data.scope else ""))
    _text(ws, 3, 1, data.summary())
    _text(ws, 4, 1, data.rule.words())
    _header(ws, 6, UNIT_COLUMNS)
    mark = UNIT_COLUMNS.index("评价") + 1
    for r, line in enumerate(data.lines, 7):
        _row(ws, r, line.cells(r - 6))
        cell = ws.cell(row=r, column=mark)
        cell.fill = PatternFill("solid", fgColor=_hex(MARK_FILLS[line.mark]))
        cell.font = Font(name=_FONT, size=10, bold=True, color=_hex(MARK_INKS[line.mark]))
        cell.alignment = Alignment(horizontal="center", vertical="top")
    for c, width in enumerate(_UNIT_WIDTHS, 1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "A7"
    ws.print_title_rows = "6:6"
    _print_setup(ws, data.title, landscape)

    items = wb.create_sheet("滞后和逾期事项")
    r = 1
    for block in data.items:
        _text(items, r, 1, f"{block.unit}（{len(block.rows)} 项）").font = Font(name=_FONT, bold=True)
        _header(items, r + 1, ITEM_COLUMNS)
        r += 2
        for values, late in zip(block.rows, block.overdue):
            _row(items, r, values)
            if late:
                items.cell(row=r, column=4).font = Font(name=_FONT, size=10, color="A8231A")
            r += 1
        r += 1
    if not data.items:
        _text(items, 1, 1, "（没有滞后或逾期的事项）")
    for c, width in enumerate(_ITEM_WIDTHS, 1):
        items.column_dimensions[get_column_letter(c)].width = width
    _print_setup(items, f"{data.title} · 滞后和逾期事项", landscape)
    wb.properties.title = data.title
    wb.properties.creator = "承诺台账"
    wb.save(out)
