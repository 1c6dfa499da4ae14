"""The 状态 and 目标 columns of the 对照表 hold their usual words on one line: "⊙ 部分完成"
(not "未标\n记") and a typical target ("≥300亿元", "全省前十"), in the DOCX (its column
widths) and the PDF (its text as pdftotext reads it)."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO

import pytest
from docx import Document
from docx.shared import Cm
from reportlab.pdfbase.pdfmetrics import stringWidth

from test_sheet_pdf import _data, _layout_column, _row
from tracker.sheet import docx_file
from tracker.sheet.data import COLUMNS
from tracker.sheet.font import register_cjk_font
from tracker.sheet.pdf import column_edges, write

TARGETS = ("≥300亿元", "全省前十")
STATUSES = ("partial", "unmarked", "done")


def _sheet():
    rows = [replace(_row(i + 1, f"第{i + 1}项承诺的内容，写得长一些以便占满承诺内容一栏", status=s),
                    target=t)
            for i, (s, t) in enumerate(zip(STATUSES, TARGETS + ("增长7.2%以上",)))]
    return _data(rows)


@pytest.mark.parametrize("landscape", [False, True])
def test_docx_status_and_target_columns_have_room(landscape):
    doc = Document(BytesIO(docx_file.docx_bytes(_sheet(), landscape=landscape)))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == COLUMNS[0])
    widths = [col.w for col in table._tbl.tblGrid.gridCol_lst]
    font = register_cjk_font()
    padding = 2 * Cm(0.19).pt                       # Word's default cell margins

    def room(column: str) -> float:
        return widths[COLUMNS.index(column)] / 12700 - padding      # EMU -> points

    assert room("状态") >= stringWidth("⊙ 部分完成", font, 9)      # four characters and the symbol
    for target in TARGETS:
        assert room("目标") >= stringWidth(target, font, 9), target


@pytest.mark.parametrize("landscape", [False, True])
def test_pdf_prints_status_and_target_whole_inside_their_columns(tmp_path, landscape):
    out = tmp_path / "s.pdf"
    write(_sheet(), out, landscape=landscape)
    edges = column_edges(landscape)
    height = 595 if landscape else 842

    def column(name: str) -> list[str]:
        i = COLUMNS.index(name)
        return [line.strip() for line in
                _layout_column(out, 1, edges[i], edges[i + 1], height).splitlines()]

    status, target = column("状态"), column("目标")
    for word in ("⊙ 部分完成", "－ 未标记", "✔ 已完成"):
        assert word in status, (word, status)
    for word in TARGETS + ("增长7.2%以上",):
        assert word in target, (word, target)
    # and inside the cell's padding (a plain status string would not wrap, it would overrun)
    font = register_cjk_font()
    width = edges[COLUMNS.index("状态") + 1] - edges[COLUMNS.index("状态")] - 6
    assert stringWidth("⊙ 部分完成", font, 8.5) <= width
