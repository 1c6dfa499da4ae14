"""The verification rules of issue 22 on report text written as county and city offices publish it:
the same subject before a verdict, growth from levels, comparisons, claims about the binding
targets, rankings, honest reasons, one vocabulary."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tracker.model import Commitment, SourceText
from tracker.verify import build_review
from tracker.verify.core import verify_one
from tracker.verify.heads import read, similarity
from tracker.verify.ledger import head_indicator

from conftest import ROOT


def review_of(text: str, name: str = "r.txt") -> object:
    lines = tuple(text.split("\n"))
    return build_review(SourceText(name, text, name, "utf-8", lines), None)


def target(text, indicator, value=None, unit=None, comparator=">=", measure="growth", **kw):
    if value is None and measure == "growth":
        measure, comparator = "qualitative", None
    return Commitment("target", text, 1, indicator=indicator, measure=measure, value=value, unit=unit,
                      comparator=comparator, period="year", **kw)


REVIEW_2026 = """2026年澜江县人民政府工作报告
——2026年1月9日在澜江县第十八届人民代表大会第五次会议上
各位代表：
一、2025年工作回顾
2025年，全县地区生产总值完成186.4亿元、增长5.8%，一般公共预算收入13.6亿元、增长2.1%，社会消费品零售总额实现56.1亿元，城镇、农村常住居民人均可支配收入分别增长4.6%、6.9%，城镇居民人均可支配收入增速高于全国平均水平。
省下达的节能减排约束性指标全面完成，空气质量优良天数比例达到93.2%。
建成省级乡村振兴示范村50个，新增省级农业产业化龙头企业6家。
县域经济综合实力跃居全省第8位，营商环境评价位居全市前列，外贸进出口总额增长12.6%、增速居全市第2位。
跨境电商进出口增长16.3%。
物价总体平稳。
二、2026年工作安排
今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右，社会消费品零售总额增长6.5%，居民收入增长与经济增长同步。
"""


@pytest.fixture(scope="module")
def review():
    return review_of(REVIEW_2026)


def test_a_count_of_another_thing_is_a_candidate_not_a_verdict(review):
    # 示范县 pledged, 示范村 reported: the same verb and unit, not the same thing
    c = Commitment("project", "创建省级乡村振兴示范县2个", 1, value=2, unit="个", measure="level", comparator=">=")
    r = verify_one(c, 2025, review)
    assert r.status == "unknown" and "候选证据" in r.reason and "示范村50个" in r.reason
    assert "示范村50个" in r.evidence[0].text
    same = Commitment("project", "建成省级乡村振兴示范村40个", 1, value=40, unit="个", measure="level", comparator=">=")
    assert verify_one(same, 2025, review).status == "done"


def test_growth_from_two_levels_says_it_was_computed(tmp_path):
    plan = tmp_path / "plan_2025.txt"
    plan.write_text("2025年澜江县人民政府工作报告\n——2025年1月8日在澜江县第十八届人民代表大会第四次会议上\n"
                    "一、2024年工作回顾\n2024年，全县社会消费品零售总额达到52.3亿元，增长4.1%。\n"
                    "二、2025年工作安排\n今年全县经济社会发展的主要预期目标是：社会消费品零售总额增长8%。\n", encoding="utf-8")
    rev = tmp_path / "review_2026.txt"
    rev.write_text(REVIEW_2026, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "tracker", "verify", str(plan), str(rev), "--json"],
                         capture_output=True, cwd=ROOT, check=True)
    (r,) = [x for x in json.loads(out.stdout)["results"] if "社会消费品" in x["commitment"]["text"]]
    # 56.1 / 52.3 - 1 = 7.3%, under the 8% pledged
    assert (r["status"], r["actual_value"]) == ("not_done", 7.3)
    assert r["reason"].startswith("由总量推算：当年56.1亿元，上年52.3亿元") and "报告未直接给出增速" in r["reason"]
    assert all(e["period"] != "plan" for e in r["evidence"]) and "56.1亿元" in r["evidence"][0]["text"]


def test_a_comparison_of_two_rates_is_decided_by_both(review):
    c = target("农村常住居民人均可支配收入增速高于城镇居民", "农村常住居民人均可支配收入")
    r = verify_one(c, 2025, review)
    assert r.status == "done" and "6.9%" in r.reason and "4.6%" in r.reason
    national = target("城镇常住居民人均可支配收入增速高于全国平均水平", "城镇常住居民人均可支配收入")
    r = verify_one(national, 2025, review)
    assert r.status == "unknown" and "全国平均水平" in r.reason


def test_a_claim_about_the_binding_targets_settles_a_binding_class_target(review):
    c = target("单位地区生产总值能耗完成省下达任务", "单位地区生产总值能耗")
    r = verify_one(c, 2025, review)
    assert r.status == "done" and "节能减排约束性指标全面完成" in r.reason and "约束性指标的整体表述" in r.reason
    # not a target of another class
    other = target("固定资产投资稳中有进", "固定资产投资")
    assert verify_one(other, 2025, review).status == "unknown"


@pytest.mark.parametrize("text, value, status", [
    ("县域经济综合实力进入全省前10", 10, "done"),        # 居全省第8位
    ("县域经济综合实力进入全省前5", 5, "not_done"),
    ("营商环境评价保持全市前列", None, "done"),           # 位居全市前列
    ("县域经济综合实力进入全国百强", None, "unknown"),     # only a province-wide rank is stated
])
def test_a_stated_rank_decides_a_ranking_target(review, text, value, status):
    c = Commitment("target", text, 1, indicator=text[:text.find("进入") if "进入" in text else text.find("保持")],
                   measure="rank", value=value, unit="位" if value else None, comparator="<=" if value else None)
    r = verify_one(c, 2025, review)
    assert r.status == status, r.reason


def test_a_part_is_not_the_whole(review):
    # 跨境电商进出口 is a part of 进出口: never the figure of a trade target
    c = target("进出口总额增长5%", "进出口总额", 5, "%")
    r = verify_one(c, 2025, review)
    assert (r.status, r.actual_value) == ("done", 12.6)
    assert not head_indicator("跨境电商进出口") and head_indicator("外贸进出口总额").name == "进出口总额"


def test_a_mention_without_a_figure_is_said_so(review):
    r = verify_one(target("居民消费价格涨幅3%左右", "居民消费价格", 3, "%", "≈"), 2025, review)
    assert r.status == "unknown" and "物价总体平稳" in r.reason and "没有可比的数值" in r.reason
    assert r.evidence[0].text == "物价总体平稳。"


def test_only_a_level_is_said_so():
    rv = review_of("2026年政府工作报告\n一、2025年工作回顾\n2025年，全县社会消费品零售总额实现56.1亿元。\n")
    r = verify_one(target("社会消费品零售总额增长8%", "社会消费品零售总额", 8, "%"), 2025, rv)
    assert r.status == "unknown" and "只给出当年总量" in r.reason and "56.1亿元" in r.reason


def test_only_a_five_year_figure_is_said_so():
    rv = review_of("2026年政府工作报告\n一、“十四五”时期工作回顾\n五年来，全县地区生产总值年均增长6.1%。\n")
    r = verify_one(target("地区生产总值增长6%", "地区生产总值", 6, "%"), 2025, rv)
    assert r.status == "unknown" and "只有多年数据" in r.reason and "年均增长6.1%" in r.reason


def test_heads_of_an_open_vocabulary():
    q = read("全年改造老旧小区682个、老旧管网7912公里，城镇和农村居民人均可支配收入分别增长4.3%、5.3%")
    assert [(x.heads[0], x.value, x.unit) for x in q] == [
        ("改造老旧小区", 682, "个"), ("老旧管网", 7912, "公里"),
        ("城镇居民人均可支配收入", 4.3, "%"), ("农村居民人均可支配收入", 5.3, "%")]
    assert similarity(("进出口贸易总额",), ("外贸进出口总额",)) >= 0.6
    assert similarity(("出口",), ("拉美市场出口",)) < 0.6


def test_tonnes_and_jin_are_one_dimension():
    rv = review_of("2026年政府工作报告\n一、2025年工作回顾\n2025年，全县粮食产量达到31.2亿斤。\n")
    r = verify_one(target("粮食产量150万吨以上", "粮食产量", 150, "万吨", measure="level"), 2025, rv)
    assert (r.status, r.actual_value) == ("done", 156)      # 31.2亿斤 = 156万吨


def test_one_vocabulary_for_search_verification_and_series():
    from tracker.search_terms import search_terms
    from tracker.history.carried import indicator_name
    from tracker.verify.core import indicator_of
    assert "生产总值增长" in search_terms("GDP增长")     # finds 地区生产总值增长 and 国内生产总值增长
    c = target("GDP增长6%", "GDP", 6, "%")
    assert indicator_of(c).name == "地区生产总值" == indicator_name({"indicator": "全省国内生产总值"})
