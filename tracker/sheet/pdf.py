"""The status sheet as PDF (reportlab platypus), A4 portrait or landscape.

The CJK font is chosen explicitly: WenQuanYi Micro Hei embeds as TrueType with a
correct ToUnicode map, so the Chinese survives copy, search and pdftotext. Without a
usable font we refuse (UserError) rather than print a sheet with the Chinese missing.
"""

from __future__ import annotations

import math
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape as to_landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (CondPageBreak, Flowable, PageBreak, Paragraph,
                                Spacer, Table, TableStyle)

from tracker.errors import UserError
from tracker.sheet.data import (SERIES_COLUMNS, COLUMNS, KIND_LABELS, KIND_ORDER, STATUS_FILLS, STATUS_INKS, STATUS_LABELS,
                    STATUS_ORDER, STATUS_SYMBOLS, SheetData, SheetGroup, SheetRow, kind_heading,
                    status_word)
from tracker.sheet.chart import status_chart
from tracker.sheet.font import register_cjk_font
from tracker.sheet.pdf_page import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, numbered_pdf
from tracker.sheet.wrap import wrap_lines
from tracker.whole_file import write_whole

# Column shares of the usable width: 承诺内容 gets the most; 状态 holds "⊙ 部分完成" and 目标 a
# typical value ("≥300亿元", "增长7.2%以上") on one line.
_SHARES = {False: (0.045, 0.27, 0.12, 0.145, 0.11, 0.11, 0.08, 0.12),
           True: (0.04, 0.30, 0.10, 0.17, 0.08, 0.14, 0.07, 0.10)}
_BODY_SIZE, _LEADING = 8.5, 11.5


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("cell", fontName=font, fontSize=_BODY_SIZE, leading=_LEADING,
                          wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=22,
                                alignment=TA_CENTER, spaceAfter=2 * mm),
        "meta": ParagraphStyle("meta", parent=base, fontSize=9, leading=13,
                               alignment=TA_CENTER, textColor=colors.HexColor("#444444")),
        "h2": ParagraphStyle("h2", parent=base, fontSize=12, leading=16,
                             spaceBefore=5 * mm, spaceAfter=2 * mm),
        "cell": base,
        "centre": ParagraphStyle("centre", parent=base, alignment=TA_CENTER),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=10,
                                textColor=colors.HexColor("#333333")),
        "category": ParagraphStyle("category", parent=base, fontSize=9, leading=12),
    }


class _Cell(Paragraph):
    """A Paragraph that remembers its last wrap: a long table re-measures every row each
    time it is split at a page end, and line-breaking CJK text is the costly part."""

    _wrapped: tuple | None = None

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab API)
        if self._wrapped is not None and self._wrapped[0] == availWidth:
            return self._wrapped[1]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph showing text literally: document text is text, never markup."""
    return _Cell(escape(text).replace("\n", "<br/>"), style)


def _chunks(text: str, size: int) -> list[str]:
    """text cut into pieces of at most size characters, ending after 。 else ；, else ，."""
    pieces = []
    while len(text) > size:
        cut = -1
        for marks in ("。！？!?", "；;", "，,、"):
            cut = max(text.rfind(p, size // 2, size) for p in marks)
            if cut > 0:
                break
        cut = cut + 1 if cut > 0 else size
        pieces.append(text[:cut])
        text = text[cut:]
    return pieces + [text] if text else pieces or [""]


def _lines(text: str, style: ParagraphStyle, width: float) -> list[str]:
    return wrap_lines(text, style.fontName, style.fontSize, width)


def _fit(text: str, style: ParagraphStyle, width: float, max_height: float) -> list[str]:
    """text in pieces that each fit in a cell of width and max_height (most texts: one)."""
    # Cheap test first: a text this short cannot fill a page at this width.
    per_line = max(1, int(width / style.fontSize))
    if len(text) <= per_line * int(max_height / style.leading) // 2:
        return [text]
    height = len(_lines(text, style, width)) * style.leading
    if height <= max_height:
        return [text]
    # Half-page pieces: one still fits on a page that is already half full.
    n = math.ceil(2 * height / max_height)
    while True:
        pieces = _chunks(text, math.ceil(len(text) / n))
        if all(len(_lines(p, style, width)) * style.leading <= max_height for p in pieces):
            return pieces
        n += 1


def _clip(text: str, style: ParagraphStyle, width: float, lines: int) -> str:
    """text cut to its first lines at width, ending in "…" when cut: for the cells a table
    cannot continue on the next page (a category row, the 指标历年 tables)."""
    wrapped = _lines(text, style, width)
    if len(wrapped) <= lines:
        return text
    return "".join(wrapped[:lines])[:-1] + "…"


def _cell(text: str, style: ParagraphStyle, width: float) -> str:
    """A cell as plain lines: the Table draws them as they are (see tracker/sheet/wrap.py)."""
    if not text:
        return ""
    if "\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= width:
        return text
    return "\n".join(_lines(text, style, width))


def _row_cells(row: SheetRow, st: dict, widths: list[float], max_height: float) -> list[list]:
    """One table row per row, or several when a cell is taller than a page would hold."""
    # A cell may not outgrow a page (a livelihood item quoted in full can run long).
    deadline = "\n".join([row.deadline] + row.flags).strip("\n")
    cells = [(row.text, 1, st["cell"]), (row.target_cell, 2, st["cell"]),
             (row.progress, 3, st["cell"]), (row.evidence, 5, st["small"]),
             (deadline, 6, st["centre"])]
    parts = [_fit(t, style, widths[c] - 6, max_height) for t, c, style in cells]
    n = max(len(p) for p in parts)
    out = []
    for i in range(n):
        piece = [p[i] if i < len(p) else "" for p in parts]
        first = i == 0
        text_cell = _cell(piece[0], st["cell"], widths[1] - 6)
        if first and row.stale:
            text_cell = Paragraph(escape(piece[0]) + '<font color="#777777">（原文已变）</font>',
                                  st["cell"])
        out.append([
            row.number if first else "续",
            text_cell,
            _cell(piece[1], st["cell"], widths[2] - 6),
            _cell(piece[2], st["cell"], widths[3] - 6),
            _status_cell(row, st) if first else "",
            _cell(piece[3], st["small"], widths[5] - 6),
            _cell(piece[4], st["centre"], widths[6] - 6),
            _cell(row.units, st["cell"], widths[7] - 6) if first else "",
        ])
    return out


def _status_cell(row: SheetRow, st: dict):
    """The 状态 cell; an unconfirmed suggestion gets 待确认 on a line of its own (narrow column)."""
    word = f"{STATUS_SYMBOLS[row.status]} {STATUS_LABELS[row.status]}"
    if not row.pending:
        return word
    return Paragraph(f'{escape(word)}<br/><font color="#a8231a">（待确认）</font>', st["small"])


_TABLE_STYLE = [
    ("FONTSIZE", (0, 0), (-1, -1), _BODY_SIZE),
    ("LEADING", (0, 0), (-1, -1), _LEADING),
    ("ALIGN", (0, 0), (0, -1), "CENTER"),
    ("ALIGN", (4, 0), (-1, 0), "CENTER"),
    ("ALIGN", (1, 0), (3, 0), "CENTER"),
    ("ALIGN", (4, 1), (4, -1), "CENTER"),
    ("ALIGN", (6, 1), (6, -1), "CENTER"),
    ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#3c4f66")),
    ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#7f8c99")),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
]


def _group_rows(groups: list[SheetGroup], st: dict, widths: list[float],
                max_height: float) -> tuple[list[list], list[list]]:
    """One kind's table rows (no header) and, per row, the style commands starting there
    with row numbers relative to that row: a spanning row per category, status fills."""
    data: list[list] = []
    cmds: list[list] = []
    for group in groups:
        # A category row only where it tells something: not "主要预期目标" under its own heading.
        label = group.category if group.category != KIND_LABELS.get(group.kind) else ""
        if label or len(groups) > 1:
            label = _clip(label or "其他", st["category"], sum(widths) - 20, 6)
            data.append([_p(f"【{label}】", st["category"])] + [""] * (len(COLUMNS) - 1))
            cmds.append([("SPAN", (0, 0), (-1, 0)),
                         ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4e9ef")),
                         ("NOSPLIT", (0, 0), (-1, 1 if group.rows else 0))])
        for row in group.rows:
            pieces = _row_cells(row, st, widths, max_height)
            last = len(pieces) - 1
            fill, ink = STATUS_FILLS[row.status], STATUS_INKS[row.status]
            first_cmds = [("BACKGROUND", (4, 0), (4, last), colors.HexColor(fill)),
                          ("TEXTCOLOR", (4, 0), (4, 0), colors.HexColor(ink))]
            if row.flags:
                first_cmds.append(("TEXTCOLOR", (6, 0), (6, 0), colors.HexColor("#a8231a")))
            data += pieces
            cmds += [first_cmds] + [[] for _ in range(last)]
    return data, cmds


_PADDING_Y = 2.5 + 3   # TOPPADDING + BOTTOMPADDING of every cell


def _row_height(cells: list, widths: list[float]) -> float:
    """A table row's height as reportlab's Table computes it: strings are one leading per
    line; a Paragraph is its wrapped height; a category row's Paragraph spans the row."""
    if isinstance(cells[0], Paragraph) and all(c == "" for c in cells[1:]):
        return cells[0].wrap(sum(widths) - 6, 1e9)[1] + _PADDING_Y
    height = 0.0
    for col, cell in enumerate(cells):
        if isinstance(cell, Flowable):
            h = cell.wrap(widths[col] - 6, 1e9)[1]
        else:
            h = (10 if col == 5 else _LEADING) * (str(cell).count("\n") + 1)
        height = max(height, h)
    return height + _PADDING_Y


class _PagedTable(Flowable):
    """One kind's table, handed to each page as a Table of just the rows that fit there.

    A single reportlab Table re-measures and re-styles all remaining rows at every page
    break, so a sheet's time grew with the square of its rows (3,876 rows: 33 s). Here
    each row is measured once, and each page gets one Table built from the rows that fit,
    so the sheet is linear in its rows.
    """

    def __init__(self, data: list[list], cmds: list[list], heights: list[float],
                 keep_next: list[bool], widths: list[float], base_style: list,
                 start: int = 0) -> None:
        super().__init__()
        self._data, self._cmds, self._heights = data, cmds, heights
        self._keep_next, self._widths, self._base, self._start = keep_next, widths, base_style, start
        self._header = _row_height(list(COLUMNS), widths)
        self._whole: Table | None = None

    def _table(self, end: int) -> Table:
        """The header and rows start..end as one Table (style rows shifted)."""
        start = self._start
        style = list(self._base)
        for r in range(start, end):
            at = r - start + 1  # +1: the header row
            for name, (c0, r0), (c1, r1), *rest in self._cmds[r]:
                style.append((name, (c0, at + r0), (c1, min(at + r1, end - start)), *rest))
        return Table([list(COLUMNS)] + self._data[start:end], colWidths=self._widths,
                     repeatRows=1, style=TableStyle(style))

    def _fitting(self, avail: float) -> int:
        """The end of the rows from start that fit in avail points (header included)."""
        used, end, n = self._header, self._start, len(self._data)
        while end < n and used + self._heights[end] <= avail:
            used += self._heights[end]
            end += 1
        # A category row never stays alone at the foot of a page (nor under the header
        # alone: then nothing goes here and it starts the next page).
        while end < n and end > self._start and self._keep_next[end - 1]:
            end -= 1
        return end

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab API)
        if self._fitting(availHeight) == len(self._data):
            self._whole = self._table(len(self._data))
            return self._whole.wrap(availWidth, availHeight)
        self._whole = None
        return availWidth, availHeight + 1e6   # taller than the frame: it will be split

    def split(self, availWidth, availHeight):  # noqa: N803 (reportlab API)
        end = self._fitting(availHeight)
        while end > self._start:
            table = self._table(end)
            if table.wrap(availWidth, availHeight)[1] <= availHeight:
                break
            end -= 1   # measured a little short: one row fewer
        if end == self._start:
            return []  # not even one row here: the next page
        if end == len(self._data):
            return [table]
        return [table, _PagedTable(self._data, self._cmds, self._heights, self._keep_next,
                                   self._widths, self._base, end)]

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 (reportlab API)
        self._whole.drawOn(canvas, x, y, _sW)


def _group_table(groups: list[SheetGroup], st: dict, widths: list[float],
                 max_height: float) -> Flowable:
    """One kind's table: repeated header, a spanning row per category, status fills."""
    base = [("FONTNAME", (0, 0), (-1, -1), st["cell"].fontName)] + _TABLE_STYLE + [
        ("FONTSIZE", (5, 1), (5, -1), st["small"].fontSize),
        ("LEADING", (5, 1), (5, -1), st["small"].leading),
        ("TEXTCOLOR", (5, 1), (5, -1), st["small"].textColor)]
    data, cmds = _group_rows(groups, st, widths, max_height)
    heights = [_row_height(row, widths) for row in data]
    keep_next = [any(c[0] == "NOSPLIT" for c in row_cmds) for row_cmds in cmds]
    return _PagedTable(data, cmds, heights, keep_next, widths, base)


def _summary(data: SheetData, st: dict, width: float, font: str) -> Table:
    """Counts by kind and status beside a bar chart of the statuses."""
    rows = [[_p("承诺事项合计", st["cell"]), _p(f"{data.total} 项", st["cell"])]]
    rows += [[_p(KIND_LABELS[k], st["cell"]), _p(f"{data.by_kind.get(k, 0)} 项", st["cell"])]
             for k in KIND_ORDER if data.by_kind.get(k)]
    first_status = len(rows)
    rows += [[_p(status_word(s), st["cell"]),
              _p(f"{data.by_status.get(s, 0)} 项", st["cell"])] for s in STATUS_ORDER]
    rows.append([_p("已逾期未完成", st["cell"]), _p(f"{data.overdue} 项", st["cell"])])
    rows.append([_p("落后序时进度", st["cell"]), _p(f"{data.behind} 项", st["cell"])])
    counts = Table(rows, colWidths=[32 * mm, 18 * mm], style=TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#7f8c99")),
        ("BACKGROUND", (0, 0), (-1, first_status - 1), colors.HexColor("#e4e9ef")),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ] + [("BACKGROUND", (0, first_status + i), (0, first_status + i),
          colors.HexColor(STATUS_FILLS[s])) for i, s in enumerate(STATUS_ORDER)]))
    chart = status_chart(data.by_status, font, min(width - 56 * mm, 125 * mm), 52 * mm)
    return Table([[counts, chart]], colWidths=[54 * mm, width - 54 * mm],
                  style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                    ("LEFTPADDING", (0, 0), (-1, -1), 0)]))


def _series_story(data: SheetData, st: dict, width: float) -> list:
    """The 指标历年 page: a heading, then one small table per indicator."""
    story = [PageBreak(), _p("指标历年", st["h2"])]
    shares = (0.08, 0.16, 0.11, 0.08, 0.07, 0.50)
    for table in data.series:
        # A row cannot continue on the next page: a cell longer than 12 lines is cut.
        rows = [list(SERIES_COLUMNS)] + [
            [_p(_clip(v, st["small" if i == 5 else "cell"], shares[i] * width - 6, 12),
                st["small" if i == 5 else "cell"]) for i, v in enumerate(values)]
            for values in table.rows]
        story += [CondPageBreak(30 * mm), _p(_clip(f"{table.region} · {table.indicator}", st["cell"], width, 3), st["cell"]),
                  Table(rows, colWidths=[s * width for s in shares], repeatRows=1, style=TableStyle([
                      ("FONTNAME", (0, 0), (-1, -1), st["cell"].fontName),
                      ("FONTSIZE", (0, 0), (-1, -1), _BODY_SIZE),
                      ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                      ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#3c4f66")),
                      ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#7f8c99")),
                      ("VALIGN", (0, 0), (-1, -1), "TOP")])),
                  Spacer(1, 3 * mm)]
    return story


def column_edges(landscape: bool = False) -> list[float]:
    """x positions (points from the page's left edge) of the table's column borders."""
    pagesize = to_landscape(A4) if landscape else A4
    width = pagesize[0] - 2 * MARGIN_X
    edges = [MARGIN_X]
    for share in _SHARES[landscape]:
        edges.append(edges[-1] + share * width)
    return edges


def pdf_bytes(data: SheetData, landscape: bool = False,
              font_dirs: list[Path] | None = None) -> bytes:
    """The sheet as PDF bytes; UserError when no CJK font can be found."""
    font = register_cjk_font(font_dirs)
    st = _styles(font)
    pagesize = to_landscape(A4) if landscape else A4
    width = pagesize[0] - 2 * MARGIN_X
    frame_h = pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM
    widths = [s * width for s in _SHARES[landscape]]
    max_height = frame_h - 60   # leave room for the repeated header row and padding

    # Lines about the whole sheet are cut to a few lines (a filter on a 4,000-character
    # 分类 is still a filter): a _Cell paragraph is never split across pages.
    story = [_p(_clip(data.title, st["title"], width, 3), st["title"])]
    meta = f"报告：{data.source or '—'}　　打印日期：{data.printed.isoformat()}"
    if data.with_suggestions:
        meta += "　　含未经确认的系统建议（标“待确认”）"
    story.append(_p(_clip(meta, st["meta"], width, 4), st["meta"]))
    if data.scope:
        story.append(_p(_clip(f"范围：{data.scope}", st["meta"], width, 4), st["meta"]))
    story += [Spacer(1, 4 * mm), _summary(data, st, width, font)]
    for index, kind in enumerate(data.kinds()):
        groups = [g for g in data.groups if g.kind == kind]
        count = sum(len(g.rows) for g in groups)
        table = _group_table(groups, st, widths, max_height)
        # The heading stays with the table's first rows, never alone at a page foot.
        story += [CondPageBreak(35 * mm), _p(kind_heading(kind, index, count), st["h2"]),
                  table]
    if not data.groups:
        story.append(_p("（所选范围内没有承诺事项）", st["h2"]))
    if data.series:
        story += _series_story(data, st, width)

    # Header and footer name the region and report (an official document, not a file).
    footer = data.title + ("（含待确认的系统建议）" if data.with_suggestions else "")
    return numbered_pdf(story, pagesize, font, footer_left=footer,
                        header=f"{data.source or data.title}（打印日期 {data.printed.isoformat()}）",
                        title=data.title, subject=data.scope or data.title, creator="承诺台账 tracker sheet")


def write(data: SheetData, out: Path, landscape: bool = False,
          font_dirs: list[Path] | None = None) -> None:
    """Write the sheet as a PDF file (the font is checked before anything is written)."""
    try:
        content = pdf_bytes(data, landscape=landscape, font_dirs=font_dirs)
    except UserError as exc:
        raise UserError(f"{out}: {exc}") from None
    write_whole(out, content)
