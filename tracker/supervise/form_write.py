"""Writing one unit's progress form (XLSX, openpyxl), whole.

Sheets: 填报说明 (two lines saying what to do, then whom the form is for and until when),
进展情况 (a title row, the header row, one row per commitment: the office's columns grey and
locked, the unit's white and open, 完成状态 a dropdown), and the hidden metadata sheet.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, TYPE_STRING
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from tracker.supervise.form_layout import (DATA_SHEET, FIRST_FILLED, FORM_HEADER, FORM_STATUSES,
                                           FORMAT, GUIDE_SHEET, META_SHEET, ROWS_MARK, FormSpec,
                                           text_digest)
from tracker.sheet.xlsx_style import BORDER, FONT, header_row, text_cell
from tracker.supervise.office_files import write_whole

_WIDTHS = (7, 40, 11, 9, 11, 11, 9, 10, 32, 10, 18, 8, 13, 11)
_OFFICE_FILL = PatternFill("solid", fgColor="EEF1F4")     # grey: filled by the office, locked
HEADER_ROW = 2                  # row 1 is the form's title
FIRST_ROW = HEADER_ROW + 1


def _text(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", value or "")


def instructions(spec: FormSpec) -> tuple[str, str]:
    """The two lines on the first sheet saying what to do."""
    due = f"，于 {spec.due.isoformat()} 前" if spec.due else ""
    return (f"请在“{DATA_SHEET}”表逐行填写白色各列：完成状态从下拉列表选择，进展情况写明进度和存在问题，"
            "完成值、佐证材料、填报人、联系电话、填报日期据实填写；没有进展的行留空。",
            f"灰色各列（编号、承诺内容等）已锁定，请勿修改，不要增删行或改名；填好后保存为 .xlsx{due}"
            "原样发回（Excel、WPS、LibreOffice 均可）。")


def _display_width(text: str) -> int:
    """Width of text in the spreadsheet's column units: a Chinese character takes two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _height(values, widths, least: int = 1) -> float:
    """A row height (points) fitting each wrapped cell: programs differ in fitting rows
    themselves (LibreOffice keeps the default height of a row openpyxl wrote)."""
    lines = least
    for value, width in zip(values, widths):
        if isinstance(value, str) and value:
            lines = max(lines, sum(-(-_display_width(part) // max(1, int(width) - 1)) or 1
                                   for part in value.split("\n")))
    return 14.5 * lines + 3


def _guide(wb: Workbook, spec: FormSpec) -> None:
    ws = wb.active
    ws.title = GUIDE_SHEET
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 76
    ws["A1"] = _text(f"{spec.unit} · {spec.title}进展情况报送表")
    ws["A1"].font = Font(name=FONT, size=14, bold=True)
    ws.merge_cells("A1:B1")
    ws.row_dimensions[1].height = 24
    for r, line in enumerate(instructions(spec), 3):
        number = ws.cell(row=r, column=1, value=f"{r - 2}.")
        number.font, number.alignment = Font(name=FONT, bold=True), Alignment(vertical="top")
        cell = ws.cell(row=r, column=2, value=line)
        cell.font = Font(name=FONT, size=11)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[r].height = _height([line], [76])
    info = [("填报单位", spec.unit), ("发出日期", spec.sent.isoformat()),
            ("报送截止日期", spec.due.isoformat() if spec.due else "（未设）"),
            ("条目数", f"{len(spec.rows)} 项")]
    for r, (label, value) in enumerate(info, 6):
        ws.cell(row=r, column=1, value=label).font = Font(name=FONT, bold=True)
        cell = ws.cell(row=r, column=2, value=_text(value))
        cell.data_type = TYPE_STRING
        cell.font = Font(name=FONT)
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.protection.sheet = True


def _cell_style(wb: Workbook, column: int) -> str:
    """The named style of a data column: the office's grey and locked, the unit's open (the
    phone as text, the date as a date)."""
    name = FORM_HEADER[column]
    office = column <= FIRST_FILLED - 1
    style = NamedStyle(name=f"form_{column}", font=Font(name=FONT, size=10),
                       alignment=Alignment(wrap_text=True, vertical="top"), border=BORDER,
                       fill=_OFFICE_FILL if office else PatternFill(),
                       protection=Protection(locked=office),
                       number_format={"联系电话": "@", "填报日期": "yyyy-mm-dd"}.get(name, "General"))
    wb.add_named_style(style)
    return style.name


def _data(wb: Workbook, spec: FormSpec) -> None:
    ws = wb.create_sheet(DATA_SHEET)
    last_col = get_column_letter(len(FORM_HEADER))
    due = f"，请于 {spec.due.isoformat()} 前报送" if spec.due else ""
    ws["A1"] = _text(f"{spec.unit} · {spec.title}进展情况报送表（{spec.sent.isoformat()} 发出{due}）")
    ws["A1"].font = Font(name=FONT, size=13, bold=True)
    ws.merge_cells(f"A1:{last_col}1")
    ws.row_dimensions[1].height = 24
    header_row(ws, HEADER_ROW, FORM_HEADER, _WIDTHS, wrap=True)
    styles = [_cell_style(wb, c) for c in range(len(FORM_HEADER))]
    for r, row in enumerate(spec.rows, FIRST_ROW):
        values = (row.cid, row.text, row.target, row.deadline, row.leads, row.partners, row.status)
        for c, style in enumerate(styles, 1):
            value = values[c - 1] if c <= len(values) else None
            cell = text_cell(ws, r, c, value)
            # A named style per column: setting font, fill, border… one by one per cell
            # made 2,000 rows take 15 s (openpyxl hashes each style object to file it).
            cell.style = style
        ws.row_dimensions[r].height = _height(values, _WIDTHS, least=2)   # room to write in
    last_row = FIRST_ROW + max(len(spec.rows), 1) - 1
    status_col = get_column_letter(FIRST_FILLED + 1)
    choice = DataValidation(type="list", formula1='"' + ",".join(FORM_STATUSES) + '"',
                            allow_blank=True, showErrorMessage=True, showInputMessage=True,
                            errorTitle="完成状态", error="请从下拉列表选择：" + "、".join(FORM_STATUSES),
                            promptTitle="完成状态", prompt="从下拉列表选择")
    choice.add(f"{status_col}{FIRST_ROW}:{status_col}{last_row}")
    ws.add_data_validation(choice)
    ws.freeze_panes = f"C{FIRST_ROW}"
    ws.protection.sheet = True
    # Units may widen columns and rows to read and write; nothing else of the office's.
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddHeader.center.text = _text(f"{spec.unit} 进展情况报送表{due}").replace("&", "&&")
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"


def _meta(wb: Workbook, spec: FormSpec) -> None:
    ws = wb.create_sheet(META_SHEET)
    pairs = (("format", FORMAT), ("store_id", spec.store_id), ("form_id", spec.form_id),
             ("unit", spec.unit), ("sent", spec.sent.isoformat()),
             ("due", spec.due.isoformat() if spec.due else ""))
    for r, (key, value) in enumerate(pairs, 1):
        ws.cell(row=r, column=1, value=key)
        ws.cell(row=r, column=2, value=_text(value)).data_type = TYPE_STRING
    mark = len(pairs) + 1
    ws.cell(row=mark, column=1, value=ROWS_MARK)
    for r, row in enumerate(spec.rows, mark + 1):
        ws.cell(row=r, column=1, value=row.cid)
        ws.cell(row=r, column=2, value=text_digest(row.text))
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def form_workbook(spec: FormSpec) -> Workbook:
    """The form as an openpyxl Workbook (not yet saved)."""
    wb = Workbook()
    _guide(wb, spec)
    _data(wb, spec)
    _meta(wb, spec)
    wb.active = 0
    wb.properties.title = f"{spec.unit} 进展情况报送表"
    wb.properties.creator = "承诺台账"
    return wb


def write_form(spec: FormSpec, out: str | Path) -> Path:
    """Write spec's form to out whole (temporary file, then replace); returns out."""
    wb = form_workbook(spec)
    return write_whole(out, wb.save)
