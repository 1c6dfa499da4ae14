"""Property tests: any text gives no exception, only valid ISO dates, and quotes cut from the input."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract.dates import find_deadline, parse_deadline
from tracker.model import Report, SourceText
from tracker.ingest.paragraphs import paragraphs
from tracker.extract.projects import extract_projects
from tracker.extract.sections import categories

# Pieces of real report wording, so random texts hit the rules and not only plain noise.
_PIECES = [
    "年内", "年底前", "上半年", "三季度", "7月份", "8月底", "12月31日前", "6月30日", "春节前",
    "国庆节前", "2025年", "2026年底", "前三季度", "十月", "3至5月", "1-11月", "全年", "按期",
    "新建", "完成投资", "25亿元以上", "5个", "1.2万", "×万元", "增长20%以上", "、", "，", ",",
    "；", "。", "\n", " ", "力争", "确保", "开工建设", "建成通车", "了", "累计", "预计",
    "“", "”", "5G", "G213线", "110KV", "第3", "100强", "700多亿元", "2829眼", "让", "共",
    "其中", "由", "提高到", "每", "2025年工作安排\n", "2024年工作回顾\n", "（一）", "一、",
]
_TEXT = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=4)), max_size=40).map("".join)


def _valid_iso(iso: str | None) -> bool:
    if iso is None:
        return True
    return date.fromisoformat(iso).isoformat() == iso


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.one_of(st.none(), st.integers(min_value=1950, max_value=2100)))
def test_parse_deadline_never_fails(text, plan_year):
    found = parse_deadline(text, plan_year)
    if found is None:
        return
    iso, words = found
    assert _valid_iso(iso)
    assert words and words in text
    _, _, start, end = find_deadline(text, plan_year)
    assert text[start:end] == words


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_projects_quote_the_input(body):
    raw = "2025年工作安排\n" + body + "\n"
    lines = tuple(raw.split("\n"))
    source = SourceText("fuzz.txt", raw, "0", "utf-8", lines)
    report = Report("fuzz", 1, len(lines), plan_year=2025, doc_type="government_work_report")
    paras = paragraphs(source, report.line_start, report.line_end)
    found = extract_projects(source, report, paras, categories(paras), [])
    joined = "".join(p.text for p in paras)
    for c in found:
        assert c.text and c.text in joined
        assert source.text[c.start] == c.text[0]
        assert source.text[c.end - 1] == c.text[-1]
        assert 1 <= c.line <= len(lines)
        assert _valid_iso(c.deadline)
        assert c.kind == "project"
