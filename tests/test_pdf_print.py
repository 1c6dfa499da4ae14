"""A report printed to PDF (narrow page, wrapped lines, running header/footer, page numbers)
gives the same commitments as its text."""

from __future__ import annotations

import pytest
from conftest import seed
from pdf_print import print_pdf
from test_targets import source_of

from tracker.extract.pipeline import extract_file, extract_source
from tracker.ingest import read_source
from tracker.ingest.paragraphs import paragraphs
from tracker.ingest.pdf_pages import strip_furniture


def _commitments(fx, kind):
    return [(c.number, c.indicator, c.value, c.unit, c.comparator, "".join(c.text.split()))
            for rx in fx.reports for c in rx.commitments if c.kind == kind]


@pytest.mark.parametrize("prefix, first, last, columns", [
    ("001", 8, 207, 40), ("001", 8, 207, 28), ("000", 39, 110, 34)])
def test_pdf_print_gives_the_commitments_of_the_text(tmp_path, prefix, first, last, columns):
    lines = read_source(seed(prefix)).lines[first - 1:last]
    text = "\n".join(lines)
    pdf = print_pdf(text, tmp_path / "print.pdf", "肃州区人民政府文件", columns=columns)
    printed, plain = extract_file(pdf), extract_source(source_of(text))
    assert read_source(pdf).text.count("肃州区人民政府文件") == 0       # the running header is gone
    for kind in ("target", "livelihood", "project"):
        assert _commitments(printed, kind) == _commitments(plain, kind), kind
    assert _commitments(plain, "target")


def test_running_header_footer_and_page_numbers_are_dropped():
    body = ["推进工业", "发展农业", "改善民生", "加强治理"]
    pages = [f"XX区政府工作报告\n{word}的第一行。\n中间一行。\n{word}的末一行。\n— {k} —"
             for k, word in enumerate(body, 1)]
    assert strip_furniture(pages) == [f"{word}的第一行。\n中间一行。\n{word}的末一行。" for word in body]


def test_a_single_page_keeps_its_lines_but_not_its_page_number():
    assert strip_furniture(["标题\n正文。\n第 1 页 共 1 页"]) == ["标题\n正文。"]


def test_lines_wrapped_at_the_page_width_join_into_one_paragraph():
    filler = ["　　" + "各项工作有序推进，经济运行总体平稳，发展质量稳步提升" for _ in range(30)]
    text = "\n".join(filler + ["　　城镇调查失业率控制在5.5%以内，居民消费价格涨幅3%左",
                               "右，地区生产总值增长6%左右。"])
    paras = paragraphs(source_of(text))
    assert paras[-1].text == "城镇调查失业率控制在5.5%以内，居民消费价格涨幅3%左右，地区生产总值增长6%左右。"
    assert len(paras) == 31
