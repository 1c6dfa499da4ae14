"""tracker.extract.targets: 主要预期目标 paragraphs cut into indicator targets."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from conftest import DEV, KEYS, SEEDS

from tracker.ingest import read_source
from tracker.model import Report, SourceText
from tracker.ingest.paragraphs import paragraphs
from tracker.extract.segment import split_reports
from tracker.extract.targets import extract_targets

GOLD = KEYS / "gold_seeds.json"


def source_of(text: str) -> SourceText:
    """A SourceText for an inline text, as ingest would build it."""
    return SourceText("inline.txt", text, hashlib.sha256(text.encode()).hexdigest(), "utf-8",
                      tuple(text.split("\n")))


def targets_of(text: str, plan_year: int | None = 2025):
    src = source_of(text)
    report = Report("t", 1, len(src.lines), plan_year=plan_year)
    paras = paragraphs(src, 1, len(src.lines))
    return extract_targets(src, report, paras, [None] * len(paras))


def one(text: str):
    found = targets_of("今年经济社会发展的主要预期目标是：" + text + "。")
    assert len(found) == 1, [t.text for t in found]
    return found[0]


@pytest.mark.parametrize("clause, value, high, unit, comparator, measure, direction", [
    ("地区生产总值增长7.2%以上", 7.2, None, "%", ">=", "growth", "increase"),
    ("地区生产总值增长7.2%", 7.2, None, "%", ">=", "growth", "increase"),
    ("国内生产总值增长7.5%左右", 7.5, None, "%", "≈", "growth", "increase"),
    ("城镇登记失业率控制在4%以内", 4, None, "%", "<=", "level", "increase"),
    ("城镇登记失业率低于4.6%", 4.6, None, "%", "<=", "level", "increase"),
    ("人口自然增长率控制在5‰以下", 5, None, "‰", "<=", "level", "increase"),
    ("一般公共预算收入不低于10亿元", 10, None, "亿元", ">=", "level", "increase"),
    ("地区生产总值力争突破400亿元", 400, None, "亿元", ">=", "level", "increase"),
    ("国内生产总值增长6.5%－7%", 6.5, 7, "%", "range", "growth", "increase"),
    ("国内生产总值增长6.5%-7%", 6.5, 7, "%", "range", "growth", "increase"),
    ("国内生产总值增长6.5%~7%", 6.5, 7, "%", "range", "growth", "increase"),
    ("单位生产总值能耗下降3.4%以上", 3.4, None, "%", ">=", "growth", "decrease"),
    ("能源消耗强度降低3.9%", 3.9, None, "%", ">=", "growth", "decrease"),
    ("城市化率提高4.5个百分点", 4.5, None, "个百分点", ">=", "growth", "increase"),
    ("城镇新增就业900万人以上", 900, None, "万人", ">=", "level", "increase"),
    ("居民消费价格涨幅控制在3.5%左右", 3.5, None, "%", "≈", "level", "increase"),
    ("国内生产总值增长7．5%", 7.5, None, "%", ">=", "growth", "increase"),
    ("地区生产总值增长 9% 以上", 9, None, "%", ">=", "growth", "increase"),
    ("工业增加值增长14.3  %", 14.3, None, "%", ">=", "growth", "increase"),
])
def test_phrase_variants(clause, value, high, unit, comparator, measure, direction):
    t = one(clause)
    assert (t.value, t.value_high, t.unit, t.comparator, t.measure, t.direction) == \
        (value, high, unit, comparator, measure, direction)
    assert t.text == clause and t.kind == "target" and t.period == "year"


@pytest.mark.parametrize("clause, unit", [
    ("全区生产总值增长×%", "%"), ("人口自然增长率控制在×.×‰以内", "‰"),
    ("实际利用外资达到×万美元", "万美元"), ("财政收入增长**%", "%"),
])
def test_masked_numbers(clause, unit):
    t = one(clause)
    assert t.masked and t.value is None and t.unit == unit


@pytest.mark.parametrize("clause, indicator", [
    ("全面完成节能减排任务", "节能减排"),
    ("单位GDP能耗完成市下达任务", "单位GDP能耗"),
    ("国际收支基本平衡", "国际收支"),
    ("居民收入增长和经济增长同步", "居民收入"),
    ("发展的协调性进一步增强", "发展的协调性"),
    ("国际收支状况继续改善", "国际收支状况"),
])
def test_qualitative(clause, indicator):
    t = one(clause)
    assert (t.measure, t.value, t.comparator, t.indicator) == ("qualitative", None, None, indicator)


def test_doubling_gives_factor_two_for_each_indicator():
    found = targets_of("今后五年的主要目标是：力争五年内生产总值、财政收入实现翻番。")
    assert [(t.indicator, t.factor, t.measure, t.value, t.period) for t in found] == [
        ("生产总值", 2, "growth", None, "five-year"), ("财政收入", 2, "growth", None, "five-year")]


def test_run_together_clauses_are_split():
    found = targets_of("主要预期目标是:地区生产总值增长7.2%以上社会消费品零售总额增长6%以上"
                       "一般公共预算收入同口径增长7%以上。")
    assert [t.text for t in found] == ["地区生产总值增长7.2%以上", "社会消费品零售总额增长6%以上",
                                       "一般公共预算收入同口径增长7%以上"]


def test_shared_clause_gives_one_target_per_indicator():
    found = targets_of("主要预期目标是：城乡居民人均可支配收入分别增长7%和8%。")
    assert [(t.indicator, t.value) for t in found] == [
        ("城镇居民人均可支配收入", 7), ("农村居民人均可支配收入", 8)]
    assert found[0].text == found[1].text == "城乡居民人均可支配收入分别增长7%和8%"


def test_growth_then_level_is_one_target():
    t = one("国内生产总值增长15%，达到150亿元以上")
    assert (t.measure, t.value, t.unit, t.level_value, t.level_unit, t.level_comparator) == \
        ("growth", 15, "%", 150, "亿元", ">=")
    assert t.text == "国内生产总值增长15%，达到150亿元以上"


def test_level_then_growth_is_one_target():
    t = one("实现全区农业总产值2亿元(现价，下同)，增长4%")
    assert (t.measure, t.value, t.level_value, t.level_unit) == ("growth", 4, 2, "亿元")


def test_annual_average_is_five_year():
    found = targets_of("今后五年主要奋斗目标是：地区生产总值年均增长8%以上。", plan_year=2022)
    assert [(t.annual_average, t.period) for t in found] == [(True, "five-year")]


def test_targets_stop_where_the_work_begins():
    found = targets_of("主要预期目标是：城镇登记失业率控制在4.89%以内。为确保实现上述目标任务，"
                       "我们必须着力抓好以下几个方面的工作：力争经济作物面积再提高2个百分点。")
    assert [t.indicator for t in found] == ["城镇登记失业率"]


def test_no_trigger_no_targets():
    assert targets_of("全年地区生产总值增长7.2%，城镇登记失业率控制在4%以内。") == []


def test_clause_broken_across_lines_keeps_its_first_line():
    text = "经济社会发展主要预期目标是：地区生产总值达到\n\n242 亿元，增长 9% 以上；完成固定资产投资 180 亿元，增长 20% 以上。"
    found = targets_of(text, plan_year=2022)
    assert [(t.line, t.value, t.level_value) for t in found] == [(1, 9, 242), (3, 20, 180)]
    src = source_of(text)
    assert src.text[found[1].start:found[1].end] == found[1].text


def _gold_targets() -> dict[str, list[dict]]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    return {f["file"]: [t for r in f["reports"] for t in r.get("targets", [])] for f in gold["files"]}


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s).replace("％", "%").replace("，", ",").replace("（", "(").replace("）", ")")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_targets_match_the_answer_key(prefix):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    src = read_source(path)
    found = []
    for report in split_reports(src):
        paras = paragraphs(src, report.line_start, report.line_end)
        found += extract_targets(src, report, paras, [None] * len(paras))
    gold = [g for g in _gold_targets()[path.name] if not g.get("optional")]
    for g in gold:
        quote = _norm(g["plan_quote"])
        hits = [t for t in found if quote in _norm(t.text) and t.value == g["value"]
                and t.unit == g["unit"] and t.measure == g["measure"]]
        assert hits, f"missed {g['plan_quote']} ({g['indicator']})"
        assert any(t.comparator == g["comparator"] or g.get("value_high") for t in hits)
        assert any(t.level_value == g.get("level_value") for t in hits)
    # nothing invented: every target found matches some gold quote (optional ones included)
    quotes = [_norm(g["plan_quote"]) for g in _gold_targets()[path.name]]
    for t in found:
        assert any(q in _norm(t.text) for q in quotes), f"invented {t.text}"


@pytest.mark.parametrize("year, expected", [
    (2012, [("国内生产总值", 7.5, ">="), ("城镇新增就业", 900, ">="), ("城镇登记失业率", 4.6, "<="),
            ("居民消费价格涨幅", 4, "≈"), ("进出口总额", 10, "≈")]),
    (2013, [("国内生产总值", 7.5, "≈"), ("居民消费价格涨幅", 3.5, "≈"), ("城镇新增就业", 900, ">="),
            ("城镇登记失业率", 4.6, "<=")]),
    (2014, [("国内生产总值", 7.5, "≈"), ("居民消费价格涨幅", 3.5, "≈"), ("城镇新增就业", 1000, ">="),
            ("城镇登记失业率", 4.6, "<=")]),
])
def test_national_reports(year, expected):
    path = DEV / f"national_{year}.txt"
    src = read_source(path)
    found = []
    for report in split_reports(src):
        paras = paragraphs(src, report.line_start, report.line_end)
        found += extract_targets(src, report, paras, [None] * len(paras))
    numeric = [(t.indicator, t.value, t.comparator) for t in found if t.value is not None]
    assert numeric == expected
    assert all(t.period == "year" and src.text[t.start:t.end] == t.text for t in found)


def test_results_reported_against_last_years_targets_are_not_targets():
    assert targets_of("过去一年，我们圆满完成了年初确定的主要预期目标：地区生产总值增长6.5%，"
                      "城镇登记失业率4%。") == []


def test_heading_then_one_target_per_line():
    found = targets_of("二、2018年发展主要预期目标\n1、国内生产总值增长6.5%左右。\n"
                       "2、居民消费价格涨幅3%左右。\n三、对2018年政府工作的建议", plan_year=2018)
    assert [(t.indicator, t.value, t.line, t.period) for t in found] == [
        ("国内生产总值", 6.5, 2, "year"), ("居民消费价格涨幅", 3, 3, "year")]


def test_explanation_of_a_target_adds_nothing():
    found = targets_of("今年发展主要预期目标是：国内生产总值增长7.5%左右。\n"
                       "关于经济增长目标。今年经济增长预期目标定为7.5%左右，主要基于两方面考虑。")
    assert len(found) == 1


def test_a_lone_figure_after_prose_is_not_a_target_list():
    assert targets_of("我区的发展目标是：建设富强美丽新城区。坚持改革创新。全年完成投资100亿元。") == []


def test_last_years_base_does_not_make_a_target_paragraph_past():
    found = targets_of("在去年基础上，今年主要预期目标是：地区生产总值增长6%左右。")
    assert [t.value for t in found] == [6]
    assert targets_of("去年确定的主要预期目标是：地区生产总值增长6%，实际增长5.2%。") == []


def test_level_written_as_总量_pairs_with_the_growth_before_it():
    t = one("地区生产总值增长8%，总量达到300亿元")
    assert (t.value, t.level_value, t.level_unit) == (8, 300, "亿元")


def test_list_after_a_colon_ends_with_the_first_paragraph_without_targets():
    text = ("今年经济社会发展的主要预期目标是：\n地区生产总值增长6%左右；\n城镇登记失业率控制在4.5%以内。\n"
            "实现上述目标，需要付出艰苦努力。\n全年完成固定资产投资100亿元，新建学校5所。")
    assert [t.indicator for t in targets_of(text)] == ["地区生产总值", "城镇登记失业率"]


def test_heading_list_ends_at_the_next_section():
    text = ("二、今年发展主要预期目标\n国内生产总值增长5%左右。\n三、政府工作任务\n"
            "（一）扩大内需\n全年完成固定资产投资100亿元，新建学校5所。")
    assert [t.indicator for t in targets_of(text)] == ["国内生产总值"]


def test_unterminated_last_line_is_not_joined_to_the_next_paragraph():
    text = ("主要预期目标是:城乡居民收入增长高于经济增长\n"
            "全年完成固定资产投资100亿元，新建学校5所，确保完成全年各项工作任务，努力开创新局面")
    assert [t.indicator for t in targets_of(text)] == ["城乡居民收入"]


@pytest.mark.parametrize("clause, value, unit", [
    ("地区生产总值增长百分之八左右", 8, "%"),
    ("粮食产量达到一千万吨", 1000, "万吨"),
    ("城镇新增就业一万二千人", 12000, "人"),
])
def test_chinese_numerals(clause, value, unit):
    t = one(clause)
    assert (t.value, t.unit) == (value, unit)
