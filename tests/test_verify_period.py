"""Reading a review by period, and reading its figures as reports write them.

Real 2026 provincial reports review 2025 and the whole 14th five-year plan under one heading
(一、2025年和“十四五”时期工作回顾); the year's figures must survive, the five-year ones must not.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest

from tracker.ingest import read_source
from tracker.model import SourceText
from tracker.model import Commitment
from tracker.verify import build_review
from tracker.verify.actuals import figures_for
from tracker.verify.core import verify_one
from tracker.verify.lexicon import mentions, resolve
from tracker.verify.period import classify

from conftest import DEV, ROOT

PROVINCES = DEV / "provinces"


def _source(text: str, name: str) -> SourceText:
    """A review written in the test, decoded as read_source would."""
    return SourceText(name, text, hashlib.sha256(text.encode()).hexdigest(), "utf-8", tuple(text.split("\n")))


@pytest.fixture(scope="module")
def guangdong():
    return build_review(read_source(PROVINCES / "guangdong_2026.txt"))


@pytest.fixture(scope="module")
def henan():
    return build_review(read_source(PROVINCES / "henan_2026.txt"))


@pytest.fixture(scope="module")
def hubei():
    return build_review(read_source(PROVINCES / "hubei_2026.txt"))


def target(text, indicator, value, unit="%", comparator=">=", measure="growth", kind="target"):
    return Commitment(kind, text, 1, indicator=indicator, measure=measure, value=value, unit=unit,
                      comparator=comparator, period="year")


def test_heading_naming_the_year_and_a_five_year_plan_keeps_the_years_figures(guangdong):
    # 一、2025年和“十四五”时期工作回顾 … 地区生产总值增长3.9%
    p = next(p for p in guangdong.passages if p.text.startswith("地区生产总值增长3.9%"))
    assert classify(p, 2025, guangdong) == "year"
    r = verify_one(target("地区生产总值增长5%左右", "地区生产总值", 5, comparator="≈"), 2025, guangdong)
    assert (r.status, r.actual_value) == ("not_done", 3.9)
    assert r.evidence[0].period == "year"


def test_five_year_paragraphs_then_the_just_past_year(henan):
    # "过去的五年极不寻常…" is multi-year; "刚刚过去的2025年很不平凡" turns back to the year
    five = next(p for p in henan.passages if p.text.startswith("过去的五年"))
    year = next(p for p in henan.passages if p.text.startswith("刚刚过去的2025年"))
    assert classify(five, 2025, henan) == "multi-year"
    assert classify(year, 2025, henan) == "year"


def test_dash_lines_inherit_the_span_they_follow(hubei):
    # "——经济实力实现整体跃升" follows the five-year opener; "——扎实抓好…" follows 刚刚过去的2025年
    first = next(p for p in hubei.passages if p.text.startswith("——经济实力实现整体跃升"))
    later = next(p for p in hubei.passages if "地区生产总值增长5.5%、居经济大省" in p.text)
    assert classify(first, 2025, hubei) == "multi-year"
    assert classify(later, 2025, hubei) == "year"


def test_the_reviews_own_plan_part_is_never_evidence(hubei):
    # "经济社会发展主要预期目标是：经济增长5.5%左右" is the 2026 target, not the 2025 outcome
    goal = next(p for p in hubei.passages if "主要预期目标是：经济增长5.5%左右" in p.text)
    assert classify(goal, 2025, hubei) == "plan"
    r = verify_one(target("经济增长6%左右", "经济增长", 6, comparator="≈"), 2025, hubei)
    assert r.actual_value == 5.5 and "居经济大省" in r.evidence[0].text


@pytest.mark.parametrize("text, period", [
    ("一、2025年工作回顾\n过去一年，地区生产总值增长5.2%。\n", "year"),
    ("一、2025年工作回顾\n五年来，地区生产总值年均增长5.8%。\n", "multi-year"),
    ("一、过去五年工作回顾\n地区生产总值年均增长5.8%。\n", "multi-year"),
    ("一、2025年工作回顾\n城镇化率从2020年的60%提高到2025年的65%。\n", "multi-year"),
    ("二、2026年工作安排\n今年地区生产总值增长5%左右。\n", "plan"),
    ("二、“十五五”时期主要目标任务\n地区生产总值年均增长5%左右。\n", "plan"),
    ("一、2025年工作回顾\n2024年地区生产总值增长5%。\n", "other"),
    ("一、2025年主要任务完成情况\n地区生产总值增长5.2%。\n", "year"),
])
def test_period_of_a_passage(text, period):
    source = _source("2026年政府工作报告\n" + text, "r.txt")
    review = build_review(source)
    last = review.passages[-1]
    assert classify(last, 2025, review) == period


@pytest.mark.parametrize("text, name, want", [
    # k-to-k 分别, level before rate, 、-coordinated names sharing a head
    ("城镇、农村常住居民人均可支配收入分别增长4.4%、5.9%", "城镇居民人均可支配收入", [(4.4, "%", "growth")]),
    ("城镇、农村常住居民人均可支配收入分别增长4.4%、5.9%", "农村居民人均可支配收入", [(5.9, "%", "growth")]),
    ("城镇和农村居民人均可支配收入分别达到5万元、2万元，分别增长4.4%、5.9%", "农村居民人均可支配收入",
     [(2.0, "万元", "level"), (5.9, "%", "growth")]),
    ("农村牧区常住居民人均可支配收入增长6.1%", "农村居民人均可支配收入", [(6.1, "%", "growth")]),
    ("全市地区生产总值5.2万亿元、增长5.4%、高于全国0.4个百分点", "地区生产总值",
     [(5.2, "万亿元", "level"), (5.4, "%", "growth"), (0.4, "个百分点", "level")]),
    ("地区生产总值增长百分之八点五", "地区生产总值", [(8.5, "%", "growth")]),
    ("规模以上工业企业达7.6万家、增加值增长3%", "规模以上工业增加值", [(3.0, "%", "growth")]),
    ("人均地区生产总值增长6%", "地区生产总值", []),      # another indicator
    ("进出口总值增长14.1%", "进出口总额", [(14.1, "%", "growth")]),
    ("居民消费价格涨幅为－0.1%", "居民消费价格", [(-0.1, "%", "level")]),
    ("居民消费价格涨幅为-0.1％", "居民消费价格", [(-0.1, "%", "level")]),
])
def test_quantity_reader(text, name, want):
    got = [(f.value, f.unit, f.measure) for f in figures_for(resolve(name), text, 2025)]
    assert got == want


def test_a_split_name_spans_head_to_tail():
    spans = mentions("规模以上工业企业达7.6万家、增加值增长3%")
    assert spans and spans[0][0] == 0 and spans[0][2].endswith("增加值")


def _review(body: str):
    return build_review(_source("2026年政府工作报告\n一、2025年工作回顾\n" + body, "r.txt"))


def test_relative_only_is_unknown_with_that_reason():
    review = _review("规上工业增加值、固定资产投资等主要指标增速均高于全国平均水平。\n")
    r = verify_one(target("固定资产投资增长7%左右", "固定资产投资", 7, comparator="≈"), 2025, review)
    assert r.status == "unknown" and "只与全国比较" in r.reason and "高于全国平均水平" in r.reason


def test_same_basis_is_noted():
    review = _review("一般公共预算收入同口径增长4.2%。\n")
    r = verify_one(target("一般公共预算收入增长4%", "一般公共预算收入", 4), 2025, review)
    assert (r.status, r.actual_value) == ("done", 4.2) and "同口径" in r.reason


def test_short_of_an_about_target_is_partial():
    review = _review("社会消费品零售总额增长5.6%。\n")
    r = verify_one(target("社会消费品零售总额增长6%左右", "社会消费品零售总额", 6, comparator="≈"), 2025, review)
    assert (r.status, r.actual_value) == ("partial", 5.6)


def test_blanket_claim_never_outranks_a_figure():
    review = _review("主要目标顺利实现。地区生产总值增长5.5%。\n")
    r = verify_one(target("经济增长6%左右", "经济增长", 6, comparator="≈"), 2025, review)
    assert r.status == "partial" and r.actual_value == 5.5


def test_keeping_pace_needs_both_rates():
    review = _review("地区生产总值增长5.4%。居民人均可支配收入实际增长4.4%。\n")
    c = Commitment("target", "居民收入增长与经济增长同步", 1, indicator="居民收入", measure="qualitative")
    assert verify_one(c, 2025, review).status == "not_done"
    alone = _review("居民人均可支配收入实际增长4.4%。\n")
    r = verify_one(c, 2025, alone)
    assert r.status == "unknown" and "经济增速" in r.reason


def test_steady_target_is_met_by_growth():
    review = _review("进出口总值增长14.1%。\n")
    c = Commitment("target", "进出口稳中提质", 1, indicator="进出口", measure="qualitative")
    r = verify_one(c, 2025, review)
    assert r.status == "done" and "稳定" in r.reason


def test_a_five_year_plan_target_is_not_settled_by_one_year():
    review = _review("单位地区生产总值能耗下降3%。\n")
    c = Commitment("target", "单位地区生产总值能耗完成“十四五”国家考核目标", 1, indicator="单位地区生产总值能耗",
                   measure="qualitative")
    assert verify_one(c, 2025, review).status == "unknown"


def test_a_pledge_restated_as_next_years_task_is_noted():
    text = ("2026年政府工作报告\n一、2025年工作回顾\n过去一年，城市更新有序推进。\n"
            "二、2026年重点工作\n确保世纪大桥7月份建成通车。\n")
    review = build_review(_source(text, "r.txt"))
    c = Commitment("project", "确保世纪大桥10月份建成通车", 1, deadline="2025-10-31")
    r = verify_one(c, 2025, review)
    # quoted in the reason, never evidence: a passage of the review's own plan proves nothing
    assert r.status == "unknown" and "下一年任务" in r.reason and "世纪大桥7月份建成通车" in r.reason
    assert all(e.period != "plan" for e in r.evidence)


LIST = "2025年省十件民生实事\n" + "".join(
    f"{n}、{t}\n" for n, t in zip("一二三四五", ["新增城镇就业岗位10万个", "新建公办幼儿园50所", "改造城镇老旧小区300个",
                                           "新建城乡养老服务综合体40个", "为10万名适龄妇女提供免费“两癌”筛查"]))
DONE = ("关于2025年省五件民生实事完成情况的报告\n2025年，全省五件民生实事全部完成。\n"
        "一、新增城镇就业岗位12.3万个。\n二、新建公办幼儿园52所。\n三、改造城镇老旧小区312个。\n")


def test_completion_report_checks_each_item_and_the_list_claim():
    review = build_review(_source(DONE, "done.txt"))
    items = [Commitment("livelihood", "新增城镇就业岗位10万个", 2, number=1, value=10, unit="万个", measure="level"),
             Commitment("livelihood", "为10万名适龄妇女提供免费“两癌”筛查", 6, number=5)]
    first, last = (verify_one(c, 2025, review, 5) for c in items)
    assert (first.status, first.actual_value) == ("done", 12.3)
    assert last.status == "done" and last.reason.startswith("后续报告所称") and "请逐项核对" in last.reason
    # a claim about a list of another size says nothing about this one
    assert verify_one(items[1], 2025, review, 10).status == "unknown"


def test_cli_evidence_carries_its_period(tmp_path):
    out = subprocess.run([sys.executable, "-m", "tracker", "verify", str(DEV / "national_2013.txt"),
                          str(DEV / "national_2014.txt"), "--json"], capture_output=True, cwd=ROOT, check=True)
    results = json.loads(out.stdout)["results"]
    periods = {e["period"] for r in results for e in r["evidence"]}
    assert periods <= {"year", "multi-year", "plan", "other"} and "year" in periods
    decided = [r for r in results if r["status"] in ("done", "not_done") and r["actual_value"] is not None]
    assert decided and all(r["evidence"][0]["period"] == "year" for r in decided)
