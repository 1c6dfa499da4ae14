"""The status sheet as a Word document (python-docx), for offices that edit it before issuing it.

The same words and layout as the PDF: title, source line, the summary block, then one
table per kind (header row repeated on every page, a shaded row per category, the 状态
cell in its status colours), and the 指标历年 tables when asked. Real Word tables and
paragraphs, so every cell can be edited; East Asian text set in 宋体 (SimSun) through
the eastAsia font slot. Made in memory and written whole.
"""

from __future__ import annotations

import io
import os
import secrets
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from tracker.sheet.data import (COLUMNS, KIND_LABELS, SERIES_COLUMNS, STATUS_FILLS, STATUS_INKS,
                                STATUS_ORDER, SheetData, kind_heading, status_word, summary_lines)

_FONT = "宋体"
# Shares of the text width, as in the PDF: 序号 承诺内容 目标 完成情况 状态 证据 时限.
_WIDTHS = (0.06, 0.31, 0.12, 0.19, 0.10, 0.14, 0.08)
_SERIES_WIDTHS = (0.08, 0.16, 0.10, 0.12, 0.08, 0.46)
_HEAD_FILL = "3C4F66"
_CATEGORY_FILL = "E4E9EF"


def _font(run, size: float | None = None, bold: bool = False, colour: str | None = None) -> None:
    run.font.name = _FONT
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), _FONT)
    if size:
        run.font.size = Pt(size)
    run.bold = bold or None
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour.lstrip("#").upper())


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill.lstrip("#").upper())
    cell._tc.get_or_add_tcPr().append(shading)


def _write_cell(cell, text: str, size: float = 9, bold: bool = False, colour: str | None = None,
                centre: bool = False) -> None:
    """text into cell, a paragraph per line (a line break in a note stays one)."""
    lines = (text or "").split("\n")
    paragraph = cell.paragraphs[0]
    for i, line in enumerate(lines):
        if i:
            paragraph = cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        if centre:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(paragraph.add_run(_clean(line)), size, bold, colour)


def _clean(text: str) -> str:
    """Text Word can hold: control characters (a stray one in a note) dropped."""
    return "".join(ch for ch in text if ch in "\t" or ord(ch) >= 32)


def _repeat_header(row) -> None:
    """The row is printed again at the top of every page the table runs onto."""
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _table(doc, columns: tuple[str, ...], shares: tuple[float, ...], width) -> object:
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    head = table.rows[0]
    _repeat_header(head)
    for cell, name in zip(head.cells, columns):
        _shade(cell, _HEAD_FILL)
        _write_cell(cell, name, 9.5, bold=True, colour="FFFFFF", centre=True)
    for column, share in zip(table.columns, shares):
        column.width = int(width * share)
    return table


def _widths(table, shares: tuple[float, ...], width) -> None:
    """Word reads the width of every cell, not the column's."""
    for row in table.rows:
        for cell, share in zip(row.cells, shares):
            cell.width = int(width * share)


def _heading(doc, text: str, size: float = 12.5) -> None:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(12)
    paragraph.paragraph_format.keep_with_next = True
    _font(paragraph.add_run(text), size, bold=True)


def _page_footer(section, title: str) -> None:
    """"标题　第 X 页 共 Y 页" with Word's own page fields."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, field in ((f"{title}　第 ", "PAGE"), (" 页 共 ", "NUMPAGES"), (" 页", None)):
        _font(paragraph.add_run(text), 8)
        if field:
            simple = OxmlElement("w:fldSimple")
            simple.set(qn("w:instr"), f" {field} ")
            run = paragraph.add_run("1")       # shown until Word updates the field
            _font(run, 8)
            simple.append(run._element)        # moves the run inside the field
            paragraph._p.append(simple)


def _summary(doc, data: SheetData) -> None:
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.autofit = False
    fills = {status_word(s): STATUS_FILLS[s] for s in STATUS_ORDER}
    for label, value in summary_lines(data):
        cells = table.add_row().cells
        _write_cell(cells[0], label, 9.5)
        _write_cell(cells[1], value, 9.5)
        if label in fills:
            _shade(cells[0], fills[label])
    for column, width in zip(table.columns, (Cm(4.2), Cm(2.4))):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _kind_table(doc, data: SheetData, kind: str, index: int, width) -> None:
    groups = [g for g in data.groups if g.kind == kind]
    _heading(doc, kind_heading(kind, index, sum(len(g.rows) for g in groups)))
    table = _table(doc, COLUMNS, _WIDTHS, width)
    for group in groups:
        label = group.category if group.category != KIND_LABELS.get(kind) else ""
        if label or len(groups) > 1:
            cells = table.add_row().cells
            merged = cells[0].merge(cells[-1])
            _shade(merged, _CATEGORY_FILL)
            _write_cell(merged, f"【{label or '其他'}】", 9.5, bold=True)
        for row in group.rows:
            cells = table.add_row().cells
            text = row.text + ("（原文已变）" if row.stale else "")
            values = (row.number, text, row.target_cell, row.progress, row.status_text, row.evidence,
                      row.deadline_cell)
            for i, (cell, value) in enumerate(zip(cells, values)):
                _write_cell(cell, value, 8.5 if i == 5 else 9, centre=i in (0, 4, 6),
                            colour="A8231A" if i == 6 and row.flags else None)
            _shade(cells[4], STATUS_FILLS[row.status])
            for run in cells[4].paragraphs[0].runs:
                run.font.color.rgb = RGBColor.from_string(STATUS_INKS[row.status].lstrip("#").upper())
    _widths(table, _WIDTHS, width)


def _series(doc, data: SheetData, width) -> None:
    doc.add_page_break()
    _heading(doc, "指标历年", 14)
    for series in data.series:
        _heading(doc, f"{series.region} · {series.indicator}", 11)
        table = _table(doc, SERIES_COLUMNS, _SERIES_WIDTHS, width)
        for values in series.rows:
            for cell, value in zip(table.add_row().cells, values):
                _write_cell(cell, value, 9)
        _widths(table, _SERIES_WIDTHS, width)


def docx_bytes(data: SheetData, landscape: bool = False) -> bytes:
    """The sheet as the bytes of a .docx file."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = _FONT
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), _FONT)
    normal.font.size = Pt(10.5)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin = section.right_margin = Cm(1.6)
    section.top_margin, section.bottom_margin = Cm(1.6), Cm(1.8)
    width = section.page_width - section.left_margin - section.right_margin
    _page_footer(section, data.title)

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(title.add_run(data.title), 17, bold=True)
    meta = f"报告：{data.source or '—'}　打印日期：{data.printed.isoformat()}" + (
        "　含未经确认的系统建议（标“待确认”）" if data.with_suggestions else "")
    for line in (meta, f"范围：{data.scope}" if data.scope else ""):
        if line:
            paragraph = doc.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(paragraph.add_run(line), 9.5, colour="444444")
    _summary(doc, data)
    for index, kind in enumerate(data.kinds()):
        _kind_table(doc, data, kind, index, width)
    if not data.groups:
        _heading(doc, "（所选范围内没有承诺事项）")
    if data.series:
        _series(doc, data, width)
    doc.core_properties.title = data.title
    doc.core_properties.author = "承诺台账"
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def write(data: SheetData, out: Path, landscape: bool = False) -> None:
    """Write the .docx whole: to a temporary file beside out, renamed onto it when complete."""
    content = docx_bytes(data, landscape)
    tmp = out.with_name(f".{out.name[:40]}.{secrets.token_hex(4)}.partial")
    try:
        with open(tmp, "xb") as f:
            f.write(content)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
