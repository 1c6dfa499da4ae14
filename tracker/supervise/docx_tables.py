"""Word documents of tables (python-docx), for the documents an office edits before issuing
them: the 通报 and its own 分工方案.

Chinese text needs its East Asian font named explicitly (w:eastAsia), or Word sets it in a
Latin face's fallback; header rows repeat on every page; cells are plain text.
"""

from __future__ import annotations

from collections import defaultdict
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FONT = "仿宋"              # the face official documents are set in; Word substitutes where missing
HEAD_FONT = "黑体"


def _plain(text: str) -> str:
    """Text Word can hold: the control characters XML 1.0 forbids dropped."""
    return ILLEGAL_CHARACTERS_RE.sub("", text or "")


def _east_asian(run, face: str) -> None:
    run.font.name = face
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), face)


def new_document(landscape: bool = False):
    """An A4 document, portrait or landscape, with the body face set for Chinese."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8))
    section.top_margin = section.bottom_margin = Cm(2)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    return doc


def usable_width(doc) -> int:
    """The width between the margins (EMU)."""
    s = doc.sections[0]
    return s.page_width - s.left_margin - s.right_margin


def paragraph(doc, text: str, size: float = 11, bold: bool = False, centre: bool = False,
              face: str = FONT, colour: str | None = None):
    """A paragraph of plain text."""
    p = doc.add_paragraph()
    run = p.add_run(_plain(text))
    _east_asian(run, face)
    run.font.size = Pt(size)
    run.bold = bold
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour.lstrip("#").upper())
    if centre:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def _run_xml(text: str, size: float, bold: bool, colour: str | None, face: str) -> str:
    """One run of plain text as WordprocessingML (line breaks as w:br)."""
    props = (f'<w:rFonts w:ascii="{face}" w:hAnsi="{face}" w:eastAsia="{face}"/>'
             + ("<w:b/>" if bold else "")
             + (f'<w:color w:val="{colour.lstrip("#").upper()}"/>' if colour else "")
             + f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/>')
    pieces = [f'<w:t xml:space="preserve">{escape(part)}</w:t>'
              for part in _plain(text).split("\n")]
    return f"<w:r><w:rPr>{props}</w:rPr>{'<w:br/>'.join(pieces)}</w:r>"


def _row_xml(values: tuple[str, ...], widths: list[int], size: float, bold: bool = False,
             colours: dict[int, str] | None = None, fills: dict[int, str] | None = None,
             face: str = FONT, header: bool = False) -> str:
    """A table row as WordprocessingML: built as text and parsed once, because python-docx
    takes half a millisecond per cell (a 2,000-row 分工方案 took over 10 s)."""
    colours, fills = colours or {}, fills or {}
    cells = []
    for c, value in enumerate(values):
        shade = (f'<w:shd w:val="clear" w:color="auto" w:fill="{fills[c].lstrip("#").upper()}"/>'
                 if c in fills else "")
        cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{widths[c]}" w:type="dxa"/>{shade}</w:tcPr>'
                     f"<w:p>{_run_xml(value, size, bold, colours.get(c), face)}</w:p></w:tc>")
    head = '<w:trPr><w:tblHeader w:val="true"/></w:trPr>' if header else ""
    return f"<w:tr {nsdecls('w')}>{head}{''.join(cells)}</w:tr>"


def table(doc, header: tuple[str, ...], rows: list[tuple[str, ...]], shares: tuple[float, ...],
          size: float = 9.5, fills: dict[tuple[int, int], str] | None = None,
          inks: dict[tuple[int, int], str] | None = None):
    """A grid table: a header row repeated on every page, then rows of plain text; fills and
    inks colour cells by (row, column) of rows (0-based)."""
    widths = [int(usable_width(doc) * share / 635) for share in shares]   # EMU -> twentieths of a point
    t = doc.add_table(rows=0, cols=len(header))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for col, width in zip(t._tbl.tblGrid.gridCol_lst, widths):
        col.w = width * 635
    tbl = t._tbl
    tbl.append(parse_xml(_row_xml(header, widths, size, bold=True, face=HEAD_FONT, header=True,
                                  colours={c: "#FFFFFF" for c in range(len(header))},
                                  fills={c: "#3C4F66" for c in range(len(header))})))
    by_row: dict[int, tuple[dict, dict]] = defaultdict(lambda: ({}, {}))
    for (r, c), ink in (inks or {}).items():
        by_row[r][0][c] = ink
    for (r, c), fill in (fills or {}).items():
        by_row[r][1][c] = fill
    for r, values in enumerate(rows):
        colours, shades = by_row.get(r, ({}, {}))
        tbl.append(parse_xml(_row_xml(values, widths, size, colours=colours, fills=shades)))
    return t
