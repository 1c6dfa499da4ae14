"""The office's own 任务分工方案 (序号 / 工作任务 / 牵头单位 / 配合单位 / 完成时限) as XLSX and
DOCX: the first document an office issues once the report is adopted. Rows are grouped under
their headings (一、主要预期目标 …); the file is written whole."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tracker.errors import UserError
from tracker.supervise.office_files import write_whole

PLAN_COLUMNS = ("序号", "工作任务", "牵头单位", "配合单位", "完成时限")
_SHARES = (0.06, 0.54, 0.15, 0.15, 0.10)
_WIDTHS = (6, 70, 20, 20, 14)


@dataclass(frozen=True)
class PlanLine:
    """One task of the exported 分工方案."""

    heading: str          # the group it is printed under ("" for none)
    task: str
    leads: str            # 、-joined
    partners: str
    deadline: str


def _groups(lines: list[PlanLine]) -> list[tuple[str, list[PlanLine]]]:
    out: list[tuple[str, list[PlanLine]]] = []
    for line in lines:
        if not out or out[-1][0] != line.heading:
            out.append((line.heading, []))
        out[-1][1].append(line)
    return out


def _xlsx(title: str, lines: list[PlanLine], out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    from tracker.sheet.xlsx_style import FONT, body_row, fit_to_width, header_row, text_cell

    wb = Workbook()
    ws = wb.active
    ws.title = "分工方案"
    text_cell(ws, 1, 1, title).font = Font(name=FONT, size=14, bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(PLAN_COLUMNS))
    header_row(ws, 2, PLAN_COLUMNS, _WIDTHS)
    r, n = 3, 0
    for heading, group in _groups(lines):
        if heading:
            text_cell(ws, r, 1, heading).font = Font(name=FONT, bold=True)
            ws.cell(row=r, column=1).fill = PatternFill("solid", fgColor="E4E9EF")
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(PLAN_COLUMNS))
            r += 1
        for line in group:
            n += 1
            body_row(ws, r, (n, line.task, line.leads, line.partners, line.deadline))
            r += 1
    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    fit_to_width(ws, landscape=True)
    wb.properties.title = title
    wb.properties.creator = "承诺台账"
    wb.save(out)


def _docx(title: str, lines: list[PlanLine], out: Path) -> None:
    from tracker.supervise.docx_tables import HEAD_FONT, new_document, paragraph, table

    doc = new_document(landscape=True)
    doc.core_properties.title = title
    paragraph(doc, title, size=18, bold=True, centre=True, face=HEAD_FONT)
    n = 0
    for heading, group in _groups(lines):
        if heading:
            paragraph(doc, heading, size=13, bold=True, face=HEAD_FONT)
        rows = []
        for line in group:
            n += 1
            rows.append((str(n), line.task, line.leads, line.partners, line.deadline))
        table(doc, PLAN_COLUMNS, rows, _SHARES)
    doc.save(out)


def write_plan(title: str, lines: list[PlanLine], out_path: str | Path) -> Path:
    """Write the 分工方案 to out_path (.xlsx or .docx), whole; returns the path."""
    out = Path(out_path)
    writer = {".xlsx": _xlsx, ".docx": _docx}.get(out.suffix.lower())
    if writer is None:
        raise UserError(f"{out}: 分工方案请导出为 .xlsx 或 .docx（不支持 {out.suffix or '无后缀'}）")
    return write_whole(out, lambda stream: writer(title, lines, stream))
