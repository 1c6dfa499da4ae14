"""The page every PDF the app prints shares (the status sheet, the 通报): A4 margins, and a
canvas that numbers the pages 第 N 页 共 M 页 with a running header from the second page."""

from __future__ import annotations

import io
from functools import partial

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import SimpleDocTemplate

MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 14 * mm, 18 * mm, 16 * mm


class NumberedCanvas(rl_canvas.Canvas):
    """Holds pages until the end so each footer can say 第 N 页 共 M 页."""

    def __init__(self, *args, font: str, footer_left: str, header: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._font, self._footer_left, self._header = font, footer_left, header
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab API)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self._decorate(number, total)
            super().showPage()
        super().save()

    def _decorate(self, number: int, total: int) -> None:
        w, h = self._pagesize
        self.saveState()
        self.setFont(self._font, 8)
        self.setFillColor(colors.HexColor("#555555"))
        self.setStrokeColor(colors.HexColor("#999999"))
        if number > 1:  # the first page carries the full title already
            header = self._header
            while len(header) > 8 and stringWidth(header, self._font, 8) > w - 2 * MARGIN_X:
                header = header[:-2] + "…"
            self.drawString(MARGIN_X, h - 11 * mm, header)
            self.line(MARGIN_X, h - 12.5 * mm, w - MARGIN_X, h - 12.5 * mm)
        self.drawString(MARGIN_X, 9 * mm, self._footer_left)
        self.drawCentredString(w / 2, 9 * mm, f"第 {number} 页 共 {total} 页")
        self.restoreState()


def numbered_pdf(story: list, pagesize, font: str, footer_left: str, header: str, **meta) -> bytes:
    """The story laid out on pages of pagesize within the margins, numbered by NumberedCanvas;
    meta: the PDF's title, subject, creator. The PDF's bytes."""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=pagesize, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, author="承诺台账", **meta)
    doc.build(story, canvasmaker=partial(NumberedCanvas, font=font, footer_left=footer_left, header=header))
    return buf.getvalue()
