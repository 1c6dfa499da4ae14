"""The look every workbook the app writes shares (the status sheet, the 通报, the 分工方案):
one font, thin grey borders, a dark header row, text cells that are never formulas, and a
print setup that fits the width of an A4 page."""

from __future__ import annotations

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, TYPE_STRING
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

FONT = "Microsoft YaHei"                      # Excel falls back to a CJK face if missing
_THIN = Side(style="thin", color="8C99A6")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEAD_FILL = PatternFill("solid", fgColor="3C4F66")
WRAP = Alignment(wrap_text=True, vertical="top")
LATE_INK = "A8231A"                           # a deadline passed or behind 序时进度


def text_cell(ws, row: int, col: int, value):
    """A cell holding value as text: a document line starting with "=" is not a formula, and
    control characters (which XLSX cannot hold) are dropped."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)    # a control character in a note
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = TYPE_STRING
    return cell


def hex_colour(colour: str) -> str:
    """'#a8231a' as openpyxl takes it: 'A8231A'."""
    return colour.lstrip("#").upper()


def header_row(ws, row: int, names, widths=(), wrap: bool = False) -> None:
    """A header row (white bold on the dark fill, centred); widths in characters, if given."""
    for c, name in enumerate(names, 1):
        cell = ws.cell(row=row, column=c, value=name)
        cell.font = Font(name=FONT, bold=True, color="FFFFFF")
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=wrap)
        cell.border = BORDER
    for c, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = width


def body_row(ws, row: int, values, size: int = 10) -> list:
    """One row of text cells (wrapped, bordered, the body font); the cells."""
    cells = []
    for c, value in enumerate(values, 1):
        cell = text_cell(ws, row, c, value)
        cell.font, cell.alignment, cell.border = Font(name=FONT, size=size), WRAP, BORDER
        cells.append(cell)
    return cells


def fit_to_width(ws, landscape: bool, header: str | None = None) -> None:
    """Printed from Excel it still looks like the PDF: A4, fit to the page width, the title
    (if given) at the top of each page and 第 N 页 共 M 页 at the foot."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if header is not None:
        ws.oddHeader.center.text = header.replace("&", "&&")
        ws.oddFooter.center.text = "第 &P 页 共 &N 页"
