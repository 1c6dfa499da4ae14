"""The 通报 as PDF (reportlab): the units' table with their marks, the rule, then the items
behind and overdue, a table per unit. Set in the status sheet's CJK font, its cells broken
into lines by the sheet's wrap (禁则), its pages numbered by the sheet's canvas."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape as to_landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Spacer, Table, TableStyle

from tracker.sheet.font import register_cjk_font
from tracker.sheet.pdf_page import MARGIN_X, numbered_pdf
from tracker.sheet.wrap import wrap_lines
from tracker.supervise.bulletin_data import (ITEM_COLUMNS, MARK_FILLS, MARK_INKS, UNIT_COLUMNS,
                                             BulletinData)

_SIZE, _LEADING = 9, 12
# Shares of the usable width: the unit's name and the items' text get the most.
_UNIT_SHARES = (0.05, 0.20, 0.09, 0.07, 0.07, 0.06, 0.06, 0.07, 0.06, 0.12, 0.15)   # 牵头事项 on one line
_ITEM_SHARES = (0.05, 0.38, 0.09, 0.08, 0.28, 0.12)
_HEAD = colors.HexColor("#3c4f66")
_GRID = colors.HexColor("#7f8c99")


def _lines(text: str, font: str, width: float) -> str:
    return "\n".join(wrap_lines(text, font, _SIZE, width - 6)) if text else ""


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]], widths: list[float],
           font: str, extra: list) -> Table:
    data = [[_lines(h, font, w) for h, w in zip(header, widths)]]
    data += [[_lines(c, font, w) for c, w in zip(row, widths)] for row in rows]
    return Table(data, colWidths=widths, repeatRows=1, style=TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), _SIZE),
        ("LEADING", (0, 0), (-1, -1), _LEADING), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white), ("BACKGROUND", (0, 0), (-1, 0), _HEAD),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"), ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("GRID", (0, 0), (-1, -1), 0.4, _GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)] + extra))


def pdf_bytes(data: BulletinData, landscape: bool = False) -> bytes:
    """The 通报 as PDF bytes; UserError when no CJK font can be found."""
    font = register_cjk_font()
    pagesize = to_landscape(A4) if landscape else A4
    width = pagesize[0] - 2 * MARGIN_X
    base = ParagraphStyle("b", fontName=font, fontSize=_SIZE + 1, leading=_LEADING + 3, wordWrap="CJK")
    title = ParagraphStyle("t", parent=base, fontSize=16, leading=22, alignment=TA_CENTER)
    meta = ParagraphStyle("m", parent=base, fontSize=9.5, alignment=TA_CENTER,
                          textColor=colors.HexColor("#444444"))
    h2 = ParagraphStyle("h", parent=base, fontSize=12, leading=16, spaceBefore=5 * mm, spaceAfter=2 * mm)

    story = [Paragraph(escape(data.title), title),
             Paragraph(escape(f"截至 {data.as_of.isoformat()}" + (f"　　范围：{data.scope}" if data.scope else "")), meta),
             Spacer(1, 4 * mm), Paragraph(escape(data.summary()), base),
             Paragraph(escape(data.rule.words()), base),
             Paragraph("一、各单位推进情况", h2)]
    unit_widths = [s * width for s in _UNIT_SHARES]
    mark_col = UNIT_COLUMNS.index("评价")
    fills = []
    for r, line in enumerate(data.lines, 1):
        fills += [("BACKGROUND", (mark_col, r), (mark_col, r), colors.HexColor(MARK_FILLS[line.mark])),
                  ("TEXTCOLOR", (mark_col, r), (mark_col, r), colors.HexColor(MARK_INKS[line.mark]))]
    fills += [("ALIGN", (2, 1), (mark_col, -1), "CENTER")]
    rows = [line.cells(n) for n, line in enumerate(data.lines, 1)]
    story.append(_table(UNIT_COLUMNS, rows, unit_widths, font, fills) if rows
                 else Paragraph("（尚无指派了牵头单位的承诺事项）", base))
    story.append(Paragraph("二、滞后和逾期事项（按单位）", h2))
    if not data.items:
        story.append(Paragraph("（没有滞后或逾期的事项）", base))
    item_widths = [s * width for s in _ITEM_SHARES]
    for block in data.items:
        red = [("TEXTCOLOR", (3, r), (3, r), colors.HexColor("#a8231a"))
               for r, late in enumerate(block.overdue, 1) if late]
        story += [CondPageBreak(30 * mm), Paragraph(escape(f"{block.unit}（{len(block.rows)} 项）"), base),
                  _table(ITEM_COLUMNS, list(block.rows), item_widths, font, red), Spacer(1, 3 * mm)]

    return numbered_pdf(story, pagesize, font, footer_left=data.title,     # cut short of the page number
                        header=f"{data.title}（截至 {data.as_of.isoformat()}）",
                        title=data.title, creator="承诺台账 tracker sheet --by-unit")
