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
            self.drawString(MARGIN_X, h - 11 * mm, self._fit(self._header, w - 2 * MARGIN_X))
            self.line(MARGIN_X, h - 12.5 * mm, w - MARGIN_X, h - 12.5 * mm)
        page = f"第 {number} 页 共 {total} 页"
        # The title ends before the centred page number (a long one ran over it).
        room = w / 2 - stringWidth(page, self._font, 8) / 2 - 4 * mm - MARGIN_X
        self.drawString(MARGIN_X, 9 * mm, self._fit(self._footer_left, room))
        self.drawCentredString(w / 2, 9 * mm, page)
        self.restoreState()

    def _fit(self, text: str, width: float) -> str:
        """text, ending in "…" where it is wider than width at the 8-pt footer size."""
        while len(text) > 8 and stringWidth(text, self._font, 8) > width:
            text = text[:-2] + "…"
        return text


def numbered_pdf(story: list, pagesize, font: str, footer_left: str, header: str, **meta) -> bytes:
    """The story laid out on pages of pagesize within the margins, numbered by NumberedCanvas;
    meta: the PDF's title, subject, creator. The PDF's bytes."""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=pagesize, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, author="承诺台账", **meta)
    doc.build(story, canvasmaker=partial(NumberedCanvas, font=font, footer_left=footer_left, header=header))
    return buf.getvalue()
