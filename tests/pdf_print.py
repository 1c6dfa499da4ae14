"""A report printed to PDF the way a district office does it: narrow column, every paragraph
wrapped at the page width, a running header and footer, page numbers ("— 3 —")."""

from __future__ import annotations

from pathlib import Path
from unicodedata import east_asian_width

from reportlab.lib.pagesizes import A5
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tracker.sheet.font import find_cjk_font

FONT = "PrintCJK"


def _width(ch: str) -> int:
    return 2 if east_asian_width(ch) in "WF" else 1


def wrap(paragraph: str, columns: int) -> list[str]:
    """paragraph cut into lines of at most `columns` display columns (CJK = 2), indented 2 CJK."""
    lines, line, used = [], "　　", 4
    for ch in paragraph:
        if used + _width(ch) > columns:
            lines.append(line)
            line, used = "", 0
        line += ch
        used += _width(ch)
    if line.strip():
        lines.append(line)
    return lines


def print_pdf(text: str, path: Path, header: str, columns: int = 40, rows: int = 30) -> Path:
    """Write text (one paragraph per line) as a wrapped, paginated PDF at path."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(find_cjk_font())))
    lines = [ln for para in text.split("\n") if para.strip() for ln in wrap(para.strip(), columns)]
    pages = [lines[k:k + rows] for k in range(0, len(lines), rows)]
    pdf = canvas.Canvas(str(path), pagesize=A5)
    width, height = A5
    for no, page in enumerate(pages, 1):
        pdf.setFont(FONT, 8)
        pdf.drawCentredString(width / 2, height - 28, header)
        pdf.setFont(FONT, 9)
        for k, line in enumerate(page):
            pdf.drawString(36, height - 56 - k * 15, line)
        pdf.setFont(FONT, 8)
        pdf.drawCentredString(width / 2, 24, f"— {no} —")
        pdf.showPage()
    pdf.save()
    return path
