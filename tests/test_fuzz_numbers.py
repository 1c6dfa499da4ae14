"""Property tests: any text in -> no exception, and every quote is a piece of the input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_targets import source_of

from tracker.extract.livelihood import extract_livelihood
from tracker.model import Report
from tracker.extract.numbers import find_quantities, parse_number
from tracker.ingest.paragraphs import paragraphs
from tracker.extract.target_clauses import parse_clause
from tracker.extract.targets import extract_targets

# Pieces of real report wording, so generated texts reach deep into the rules.
TOKENS = [
    "主要预期目标是：", "预期目标为", "主要目标：", "今后五年", "今年", "2025年", "到2030年，",
    "地区生产总值", "城乡居民人均可支配收入", "城镇登记失业率", "二氧化硫、氮氧化物排放量",
    "增长", "年均增长", "达到", "控制在", "下降", "提高", "分别", "力争突破", "实现翻番", "五个翻番",
    "7.2", "7．5", "１２", "一千万", "百分之五", " 242 ", "×", "×.×", "**", "～", "XX",
    "%", "％", "‰", "亿元", "万人", "个百分点", "万吨标准煤", "以上", "以内", "左右", "和", "、",
    "-", "－", "~", "—", "至", "，", "；", "。", "：", "\n", "\n\n", "（", "）", "(现价，下同)",
    "完成市下达任务", "基本平衡", "同步", "“双下降”", "为确保实现上述目标",
    "切实办好10件惠民实事：", "十一件为民实事", "（1）", "1.", "2、", "一是", "第一件为民实事",
    "分别是：", "去年", "圆满完成了", "年内", "8月底",
]
texts = st.one_of(
    st.lists(st.sampled_from(TOKENS), max_size=40).map("".join),
    st.text(max_size=200),
)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_numbers_never_raise(text):
    parse_number(text)
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert q.masked or q.value is not None


@settings(max_examples=400, deadline=None)
@given(texts)
def test_clause_spans_stay_inside(text):
    for t in parse_clause(text, 0):
        assert 0 <= t.start <= t.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from([None, 2012, 2025]))
def test_extracted_texts_are_pieces_of_the_input(text, plan_year):
    src = source_of(text)
    report = Report("t", 1, len(src.lines), plan_year=plan_year)
    paras = paragraphs(src, 1, len(src.lines))
    cats = [None] * len(paras)
    for c in extract_targets(src, report, paras, cats) + extract_livelihood(src, report, paras, cats):
        # Verbatim but for whitespace at a joined line break (the contract lets it drop).
        assert c.text and "".join(c.text.split()) in "".join("".join(src.lines).split())
        assert src.text[c.start] == c.text[0] and src.text[c.end - 1] == c.text[-1]
        assert c.line == src.text.count("\n", 0, c.start) + 1
