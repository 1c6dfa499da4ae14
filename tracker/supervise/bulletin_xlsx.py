"""The 通报 as XLSX: one sheet with the units' table (marks filled in their colours) and one
with the late items, a unit per block; frozen headers and print setup as the status sheet."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from tracker.sheet.xlsx_style import FONT, LATE_INK, body_row, fit_to_width, header_row, hex_colour, text_cell
from tracker.supervise.bulletin_data import (ITEM_COLUMNS, MARK_FILLS, MARK_INKS, UNIT_COLUMNS,
                                             BulletinData)

_UNIT_WIDTHS = (6, 22, 9, 9, 9, 8, 8, 9, 7, 12, 16)
_ITEM_WIDTHS = (6, 60, 14, 10, 44, 12)
_COUNTS = range(2, 8)          # 牵头事项 … 未报送: numbers in the sheet, not text


def _row(ws, row: int, values: tuple[str, ...]) -> None:
    body_row(ws, row, [int(v) if i in _COUNTS and v.isdigit() else v for i, v in enumerate(values)])


def write(data: BulletinData, out: Path, landscape: bool = False) -> None:
    """Write the 通报 workbook to out (the caller writes it whole)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "各单位"
    text_cell(ws, 1, 1, data.title).font = Font(name=FONT, size=14, bold=True)
    text_cell(ws, 2, 1, f"截至 {data.as_of.isoformat()}" + (f"　范围：{data.scope}" if data.scope else ""))
    text_cell(ws, 3, 1, data.summary())
    text_cell(ws, 4, 1, data.rule.words())
    header_row(ws, 6, UNIT_COLUMNS, _UNIT_WIDTHS, wrap=True)
    mark = UNIT_COLUMNS.index("评价") + 1
    for r, line in enumerate(data.lines, 7):
        _row(ws, r, line.cells(r - 6))
        cell = ws.cell(row=r, column=mark)
        cell.fill = PatternFill("solid", fgColor=hex_colour(MARK_FILLS[line.mark]))
        cell.font = Font(name=FONT, size=10, bold=True, color=hex_colour(MARK_INKS[line.mark]))
        cell.alignment = Alignment(horizontal="center", vertical="top")
    ws.freeze_panes = "A7"
    ws.print_title_rows = "6:6"
    fit_to_width(ws, landscape, data.title)

    items = wb.create_sheet("滞后和逾期事项")
    r = 1
    for block in data.items:
        text_cell(items, r, 1, f"{block.unit}（{len(block.rows)} 项）").font = Font(name=FONT, bold=True)
        header_row(items, r + 1, ITEM_COLUMNS, wrap=True)
        r += 2
        for values, late in zip(block.rows, block.overdue):
            _row(items, r, values)
            if late:
                items.cell(row=r, column=4).font = Font(name=FONT, size=10, color=LATE_INK)
            r += 1
        r += 1
    if not data.items:
        text_cell(items, 1, 1, "（没有滞后或逾期的事项）")
    for c, width in enumerate(_ITEM_WIDTHS, 1):
        items.column_dimensions[get_column_letter(c)].width = width
    fit_to_width(items, landscape, f"{data.title} · 滞后和逾期事项")
    wb.properties.title = data.title
    wb.properties.creator = "承诺台账"
    wb.save(out)
