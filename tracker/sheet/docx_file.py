"""The status sheet as a Word document, for offices that edit the 对照表 before issuing it.

The PDF's words and layout in real Word tables (tracker/supervise/docx_tables.py: header
rows repeated on every page, the East Asian face named, rows built as XML): title, source
line, the summary, one table per kind with a shaded row per category and the 状态 cell in
its status colours, the 指标历年 tables when asked, 第 X 页 共 Y 页 as Word fields.
Made in memory and written whole.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from tracker.sheet.data import (COLUMNS, KIND_LABELS, SERIES_COLUMNS, STATUS_FILLS, STATUS_INKS,
                                STATUS_ORDER, SheetData, kind_heading, status_word, summary_lines)
from tracker.supervise.docx_tables import HEAD_FONT, new_document, paragraph, table
from tracker.whole_file import write_whole

# Shares of the text width: 序号 承诺内容 目标 完成情况 状态 证据 时限 责任单位. 状态 holds
# "⊙ 部分完成" on one line (four characters after the symbol, with Word's cell margins) and
# 目标 a typical value ("≥300亿元", "增长7.2%以上") on one line, on a portrait page.
_SHARES = (0.055, 0.23, 0.14, 0.14, 0.125, 0.11, 0.08, 0.12)
_SERIES_SHARES = (0.08, 0.16, 0.10, 0.12, 0.08, 0.46)
_CATEGORY_FILL = "#E4E9EF"
_LATE_INK = "#A8231A"


def _page_footer(doc, title: str) -> None:
    """"标题　第 X 页 共 Y 页" with Word's own page fields."""
    p = doc.sections[0].footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, field in ((f"{title}　第 ", "PAGE"), (" 页 共 ", "NUMPAGES"), (" 页", None)):
        p.add_run(text)
        if field:
            simple = OxmlElement("w:fldSimple")
            simple.set(qn("w:instr"), f" {field} ")
            simple.append(p.add_run("1")._element)     # shown until Word updates the field
            p._p.append(simple)


def _summary(doc, data: SheetData) -> None:
    lines = summary_lines(data)
    fills = {status_word(s): STATUS_FILLS[s] for s in STATUS_ORDER}
    table(doc, ("项目", "数量"), lines, (0.24, 0.12),
          fills={(r, 0): fills[label] for r, (label, _v) in enumerate(lines) if label in fills})


def _kind_table(doc, data: SheetData, kind: str, index: int) -> None:
    groups = [g for g in data.groups if g.kind == kind]
    paragraph(doc, kind_heading(kind, index, sum(len(g.rows) for g in groups)), size=13, bold=True,
              face=HEAD_FONT)
    rows, fills, inks, categories = [], {}, {}, []
    status, deadline = COLUMNS.index("状态"), COLUMNS.index("时限")
    for group in groups:
        label = group.category if group.category != KIND_LABELS.get(kind) else ""
        if label or len(groups) > 1:
            categories.append(len(rows))
            fills.update({(len(rows), c): _CATEGORY_FILL for c in range(len(COLUMNS))})
            rows.append((f"【{label or '其他'}】",) + ("",) * (len(COLUMNS) - 1))
        for row in group.rows:
            r = len(rows)
            fills[(r, status)], inks[(r, status)] = STATUS_FILLS[row.status], STATUS_INKS[row.status]
            if row.flags:
                inks[(r, deadline)] = _LATE_INK
            rows.append((row.number, row.text + ("（原文已变）" if row.stale else ""), row.target_cell,
                         row.progress, row.status_text, row.evidence, row.deadline_cell, row.units))
    t = table(doc, COLUMNS, rows, _SHARES, size=9, fills=fills, inks=inks)
    for r in categories:                 # a category row is one cell across the table
        cells = t.rows[r + 1].cells
        cells[0].merge(cells[-1])
        for extra in cells[0].paragraphs[1:]:      # merging keeps each cell's empty paragraph
            extra._p.getparent().remove(extra._p)


def _series(doc, data: SheetData) -> None:
    doc.add_page_break()
    paragraph(doc, "指标历年", size=14, bold=True, face=HEAD_FONT)
    for series in data.series:
        paragraph(doc, f"{series.region} · {series.indicator}", bold=True)
        table(doc, SERIES_COLUMNS, list(series.rows), _SERIES_SHARES, size=9)


def docx_bytes(data: SheetData, landscape: bool = False) -> bytes:
    """The sheet as the bytes of a .docx file."""
    doc = new_document(landscape)
    doc.core_properties.title = data.title
    doc.core_properties.author = "承诺台账"
    _page_footer(doc, data.title)
    paragraph(doc, data.title, size=17, bold=True, centre=True, face=HEAD_FONT)
    paragraph(doc, f"报告：{data.source or '—'}　打印日期：{data.printed.isoformat()}"
              + ("　含未经确认的系统建议（标“待确认”）" if data.with_suggestions else ""),
              size=9.5, centre=True, colour="#444444")
    if data.scope:
        paragraph(doc, f"范围：{data.scope}", size=9.5, centre=True, colour="#444444")
    _summary(doc, data)
    for index, kind in enumerate(data.kinds()):
        _kind_table(doc, data, kind, index)
    if not data.groups:
        paragraph(doc, "（所选范围内没有承诺事项）", size=13, bold=True)
    if data.series:
        _series(doc, data)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def write(data: SheetData, out: Path, landscape: bool = False) -> None:
    """Write the .docx whole: to a temporary file beside out, renamed onto it when complete."""
    write_whole(out, docx_bytes(data, landscape))
