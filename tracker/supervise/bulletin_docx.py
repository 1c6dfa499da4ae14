"""The 通报 as DOCX: offices edit a 通报 before issuing it, so it goes out as a Word document
laid out like the PDF (title, summary, rule, the units' table, the late items by unit)."""

from __future__ import annotations

from pathlib import Path

from tracker.supervise.bulletin_data import (ITEM_COLUMNS, MARK_FILLS, MARK_INKS, UNIT_COLUMNS,
                                             BulletinData)
from tracker.supervise.docx_tables import HEAD_FONT, new_document, paragraph, table

_UNIT_SHARES = (0.05, 0.22, 0.07, 0.07, 0.07, 0.06, 0.06, 0.07, 0.06, 0.12, 0.15)
_ITEM_SHARES = (0.05, 0.38, 0.09, 0.08, 0.28, 0.12)


def write(data: BulletinData, out: Path, landscape: bool = False) -> None:
    """Write the 通报 to out (the caller writes it whole)."""
    doc = new_document(landscape)
    doc.core_properties.title = data.title
    doc.core_properties.author = "承诺台账"
    paragraph(doc, data.title, size=18, bold=True, centre=True, face=HEAD_FONT)
    paragraph(doc, f"截至 {data.as_of.isoformat()}" + (f"　范围：{data.scope}" if data.scope else ""),
              size=10.5, centre=True, colour="#444444")
    paragraph(doc, data.summary())
    paragraph(doc, data.rule.words())
    paragraph(doc, "一、各单位推进情况", size=13, bold=True, face=HEAD_FONT)
    mark = UNIT_COLUMNS.index("评价")
    rows = [line.cells(n) for n, line in enumerate(data.lines, 1)]
    if rows:
        table(doc, UNIT_COLUMNS, rows, _UNIT_SHARES,
              fills={(r, mark): MARK_FILLS[line.mark] for r, line in enumerate(data.lines)},
              inks={(r, mark): MARK_INKS[line.mark] for r, line in enumerate(data.lines)})
    else:
        paragraph(doc, "（尚无指派了牵头单位的承诺事项）")
    paragraph(doc, "二、滞后和逾期事项（按单位）", size=13, bold=True, face=HEAD_FONT)
    if not data.items:
        paragraph(doc, "（没有滞后或逾期的事项）")
    for block in data.items:
        paragraph(doc, f"{block.unit}（{len(block.rows)} 项）", bold=True)
        table(doc, ITEM_COLUMNS, list(block.rows), _ITEM_SHARES,
              inks={(r, 3): "#A8231A" for r, late in enumerate(block.overdue) if late})
    doc.save(out)
