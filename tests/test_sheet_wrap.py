"""Cell text broken into lines for the PDF: fits, loses nothing, keeps 禁则 and numbers whole."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from tracker.sheet.font import register_cjk_font
from tracker.sheet.wrap import wrap_lines

TEXTS = [
    "全年地区生产总值增长6.5%左右，一般公共预算收入增长5%，城镇调查失业率控制在5.5%以内。",
    "新建改造农村公路1200公里，PM2.5平均浓度下降到30微克/立方米以下（年底前完成）。",
    "实施“十大工程”，推进（一）城市更新、（二）老旧小区改造3000个；新增5G基站1.2万个。",
    "Shenzhen-Hong Kong Innovation Zone and R&D intensity 3.2% by 2025",
]


@pytest.fixture(scope="module")
def font():
    return register_cjk_font(None)


@pytest.mark.parametrize("width", [40, 72, 110, 180])
@pytest.mark.parametrize("text", TEXTS)
def test_lines_fit_and_keep_every_character(font, text, width):
    lines = wrap_lines(text, font, 8.5, width)
    assert all(stringWidth(line, font, 8.5) <= width + 0.01 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize("text", TEXTS[:3])
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(font, text):
    for width in range(40, 200, 7):
        lines = wrap_lines(text, font, 8.5, width)
        assert not any(line[0] in "，。、；：）”" for line in lines[1:]), lines
        assert not any(line[-1] in "（“" for line in lines[:-1]), lines


def test_numbers_and_latin_words_stay_whole(font):
    text = "PM2.5平均浓度下降到30微克以下，地区生产总值增长6.5%左右"
    for width in range(30, 160, 5):
        joined = "|".join(wrap_lines(text, font, 8.5, width))
        for token in ("PM2.5", "6.5%"):
            assert token in joined.replace("|", "") and (token in joined), (width, joined)


def test_explicit_newlines_are_kept(font):
    assert wrap_lines("12月底前\n已逾期", font, 8.5, 200) == ["12月底前", "已逾期"]
