"""Verification on real report text: bands, ranges, declines, five-year distractors, list claims."""

from __future__ import annotations


import pytest

from tracker.ingest import read_source
from tracker.model import Commitment
from tracker.verify import build_review
from tracker.verify.actuals import figures_for, progress_share
from tracker.verify.core import verify_one
from tracker.verify.lexicon import resolve

from conftest import DEV, seed



@pytest.fixture(scope="module")
def review_2013():
    """The 2013 national report: reviews 2012 and, mostly, the five years 2008-2012."""
    return build_review(read_source(DEV / "national_2013.txt"))


@pytest.fixture(scope="module")
def review_2014():
    """The 2014 national report: '一、2013年工作回顾'."""
    return build_review(read_source(DEV / "national_2014.txt"))


@pytest.fixture(scope="module")
def review_2025():
    """Seed 001, the 2025 肃州区 report reviewing 2024."""
    return build_review(read_source(seed("001")))


def target(text, indicator, value, unit="%", comparator=">=", measure="growth", direction="increase",
           value_high=None, period="year", kind="target"):
    """A commitment as the extractor states it."""
    return Commitment(kind, text, 1, indicator=indicator, measure=measure, value=value, value_high=value_high,
                      unit=unit, comparator=comparator, direction=direction, period=period)


@pytest.mark.parametrize("value, status", [
    (7.5, "done"),        # 7.7% within 7.5%左右 ±0.5
    (8.0, "partial"),     # 7.7% within 8%左右 ±0.5, but short of it
    (8.5, "not_done"),    # 7.7% below the band, growth is better higher
    (6.0, "done"),        # above the band on the good side
])
def test_about_band_for_growth(review_2014, value, status):
    r = verify_one(target(f"国内生产总值增长{value}%左右", "国内生产总值", value, comparator="≈"), 2013, review_2014)
    assert (r.status, r.actual_value) == (status, 7.7)
    assert r.reason.startswith("实际增长7.7%，") and f"目标{value:g}%左右" in r.reason
    assert "国内生产总值达到56.9万亿元，比上年增长7.7%" in r.evidence[0].text


def test_about_band_for_prices_counts_lower_as_met(review_2014):
    c = target("居民消费价格涨幅3.5%左右", "居民消费价格", 3.5, comparator="≈", measure="level")
    r = verify_one(c, 2013, review_2014)
    assert (r.status, r.actual_value) == ("done", 2.6)
    assert r.reason == "实际为2.6%，低于目标3.5%左右（允许±0.5个百分点），优于目标"


@pytest.mark.parametrize("low, high, status, reason", [
    (7.0, 8.0, "done", "实际增长7.7%，在目标区间7%–8%之内"),
    (8.0, 9.0, "not_done", "实际增长7.7%，低于目标区间8%–9%"),
    (6.5, 7.0, "done", "实际增长7.7%，高于目标区间6.5%–7%，优于目标"),
])
def test_range(review_2014, low, high, status, reason):
    c = target(f"国内生产总值增长{low}%-{high}%", "国内生产总值", low, comparator="range", value_high=high)
    r = verify_one(c, 2013, review_2014)
    assert (r.status, r.reason) == (status, reason)


def test_ceiling_and_floor(review_2014):
    jobless = verify_one(target("城镇登记失业率低于4.6%", "城镇登记失业率", 4.6, comparator="<=", measure="level"),
                         2013, review_2014)
    assert (jobless.status, jobless.actual_value) == ("done", 4.1)
    assert jobless.reason == "实际为4.1%，未超过目标上限4.6%"
    jobs = verify_one(target("城镇新增就业1400万人以上", "城镇新增就业", 1400, unit="万人", measure="level"),
                      2013, review_2014)
    assert (jobs.status, jobs.actual_value) == ("not_done", 1310)
    assert jobs.reason == "实际为1310万人，低于目标1400万人"


@pytest.mark.parametrize("value, status", [(5, "done"), (7.3, "done"), (10, "not_done")])
def test_decrease_target(review_2025, value, status):
    # "地下水售水量同比下降7.3%" in the 2024 review of seed 001
    c = target(f"地下水售水量下降{value}%", "地下水售水量", value, direction="decrease")
    r = verify_one(c, 2024, review_2025)
    assert (r.status, r.actual_value) == (status, 7.3)
    assert r.reason == f"实际下降7.3%，{'达到' if status == 'done' else '低于'}目标{value:g}%"


def test_five_year_figures_are_not_evidence(review_2013):
    trade = verify_one(target("进出口总额增长10%左右", "进出口总额", 10, comparator="≈"), 2012, review_2013)
    assert trade.status == "unknown" and trade.actual_value is None
    gdp = verify_one(target("国内生产总值增长7．5%", "国内生产总值", 7.5), 2012, review_2013)
    assert (gdp.status, gdp.actual_value) == ("done", 7.8)     # not the 年均增长9.3%


@pytest.mark.parametrize("sentence", [
    "进出口总额年均增长12.2%，从世界第三位提升到第二位",
    "这五年，国内生产总值年均增长9.3%",
    "非金融类对外直接投资从2007年的248亿美元上升到2012年的772亿美元",
])
def test_other_period_figures_are_skipped(sentence):
    for name in ("进出口总额", "国内生产总值"):
        assert [f for f in figures_for(resolve(name), sentence, 2012) if f.unit == "%"] == []


def test_respectively_maps_names_to_figures():
    text = "城镇居民人均可支配收入和农村居民人均纯收入分别增长7%和9.3%"
    assert [f.value for f in figures_for(resolve("城镇居民人均可支配收入"), text, 2013)] == [7]
    assert [f.value for f in figures_for(resolve("农村居民人均可支配收入"), text, 2013)] == [9.3]


def test_next_years_plan_is_not_evidence(review_2013):
    # 2013's "今年拟安排财政赤字1.2万亿元" says nothing about the 2012 deficit
    c = Commitment("project", "今年拟安排财政赤字8000亿元", 1, value=8000, unit="亿元", measure="level")
    assert verify_one(c, 2012, review_2013).status == "unknown"


def test_list_claim_applies_to_each_livelihood_item(review_2025):
    item = Commitment("livelihood", "（7）加快改善农民居住条件，完成危旧房改造5000户", 1, number=7)
    r = verify_one(item, 2024, review_2025)
    assert r.status == "done"
    assert "全部完成" in r.evidence[0].text
    quote = r.reason.removeprefix("后续报告所称“").removesuffix("”（清单整体表述，请逐项核对）")
    assert "全部完成" in quote and quote in r.evidence[0].text and len(quote) <= 60


def test_list_claim_does_not_settle_a_target(review_2013):
    # "全面实现年初确定的主要目标" gives no figure for the balance of payments
    c = target("国际收支状况继续改善", "国际收支", None, unit=None, comparator=None, measure="qualitative")
    assert verify_one(c, 2012, review_2013).status == "unknown"


def test_wrong_year_gives_unknown(review_2025):
    # the 2025 report reviews 2024: its figures say nothing about 2022
    c = target("地区生产总值增长8%以上", "地区生产总值", 8)
    r = verify_one(c, 2022, review_2025)
    assert (r.status, r.reason) == ("unknown", "后续文件未提及可比数据")


def test_multi_year_target_is_not_settled_by_one_year(review_2025):
    c = target("固定资产投资年均增长20%以上", "固定资产投资", 20, period="five-year")
    r = verify_one(c, 2024, review_2025)
    assert (r.status, r.reason) == ("unknown", "多年目标，一年的数据不能判定")


@pytest.mark.parametrize("text, value, unit, share", [
    ("招商引资2.728亿元，完成目标任务的209.8%", None, None, 1.0),
    ("完成全年任务的60.42%", None, None, 0.6042),
    ("项目已完成投资4.5亿元", 9, "亿元", 0.5),
    ("已完成投资4500万元", 1.5, "亿元", 0.3),
    ("完成年度计划投资的85%", None, None, 0.85),
    ("主体工程形象进度达到70%", None, None, 0.7),
])
def test_progress_share(text, value, unit, share):
    assert progress_share(text, value, unit) == pytest.approx(share)


def test_evidence_is_verbatim_with_line(review_2014):
    lines = read_source(DEV / "national_2014.txt").lines
    r = verify_one(target("城镇新增就业900万人以上", "城镇新增就业", 900, unit="万人", measure="level"), 2013, review_2014)
    for e in r.evidence:
        assert e.text in lines[e.line - 1] or e.text[:20] in lines[e.line - 1]
    assert 0 <= r.evidence[0].score <= 1


def test_urban_rural_pair_read_with_respectively(review_2025):
    # "城乡居民人均可支配收入分别增长6%和8%" in seed 001's review of 2024
    urban = verify_one(target("城乡居民人均可支配收入分别增长7%和8%", "城镇居民人均可支配收入", 7), 2024, review_2025)
    rural = verify_one(target("城乡居民人均可支配收入分别增长7%和8%", "农村居民人均可支配收入", 8), 2024, review_2025)
    assert (urban.status, urban.actual_value) == ("not_done", 6)
    assert (rural.status, rural.actual_value) == ("done", 8)


def test_goal_restated_in_a_review_is_not_a_result():
    text = "积极落实就业政策，多渠道开发就业岗位，城镇登记失业率控制在4%以内"
    assert figures_for(resolve("城镇登记失业率"), text, 2024) == []
    got = figures_for(resolve("城镇登记失业率"), "城镇登记失业率3.29%，减少0.5个百分点", 2024)
    assert [f.value for f in got if f.unit == "%"] == [3.29]


@pytest.mark.parametrize("text, value, unit, actual", [
    ("今年城镇保障性住房基本建成470万套、新开工630万套", 470, "万套", 544),   # "基本建成544万套"
    ("新开工630万套", 630, "万套", 666),                                    # "新开工保障性安居工程666万套"
])
def test_project_count_found_by_its_verb_is_a_candidate(review_2014, text, value, unit, actual):
    # Found by the same verb, but the review's sentence does not name what the pledge counts
    # (保障性住房; nothing at all for a bare 新开工): a candidate to confirm, never a verdict.
    c = Commitment("project", text, 1, value=value, unit=unit, measure="level", comparator=">=")
    r = verify_one(c, 2013, review_2014)
    assert r.status == "unknown" and "候选证据" in r.reason and f"{actual}万套" in r.reason
    assert f"{actual}万套" in r.evidence[0].text


def test_project_count_naming_what_it_counts_is_a_verdict(review_2014):
    c = Commitment("project", "新开工保障性安居工程600万套", 1, value=600, unit="万套", measure="level", comparator=">=")
    r = verify_one(c, 2013, review_2014)
    assert (r.status, r.actual_value) == ("done", 666)


def test_income_keeping_pace_with_growth(review_2014):
    # urban 7% and rural 9.3% against GDP 7.7%: one lags, one leads
    c = target("城乡居民人均收入实际增长与经济增长同步", "城乡居民人均收入", None, unit=None, comparator=None,
               measure="qualitative")
    r = verify_one(c, 2013, review_2014)
    assert r.status == "partial"
    assert "经济增长7.7%" in r.reason and "增长7%" in r.reason and "增长9.3%" in r.reason


def test_income_keeping_pace_needs_plan_year_figures(review_2013):
    # the 2013 report gives only 年均 income growth over five years
    c = target("城乡居民收入实际增长和经济增长保持同步", "城乡居民收入", None, unit=None, comparator=None,
               measure="qualitative")
    assert verify_one(c, 2012, review_2013).status == "unknown"


# Sentences of the 2016 national report (review of 2015), quoted verbatim.
REVIEW_2016 = """2016年国务院政府工作报告
一、2015年工作回顾
——经济运行保持在合理区间。国内生产总值达到67.7万亿元，增长6.9%，在世界主要经济体中位居前列。粮食产量实现“十二连增”，居民消费价格涨幅保持较低水平。特别是就业形势总体稳定，城镇新增就业1312万人，超过全年预期目标，成为经济运行的一大亮点。
——结构调整取得积极进展。单位国内生产总值能耗下降5.6%。
在充分肯定去年成绩的同时，我们也清醒看到，我国发展中还存在不少困难和问题。受全球贸易萎缩等因素影响，去年我国进出口总额出现下降，预期增长目标未能实现。
2015年是“十二五”收官之年。过去五年，我国发展成就举世瞩目。一是经济持续较快发展。国内生产总值年均增长7.8%。二是结构调整取得标志性进展。单位国内生产总值能耗下降18.2%，主要污染物排放量减少12%以上。五是人民生活水平显著提高。城镇新增就业人数超过6400万人。
"""


@pytest.fixture(scope="module")
def review_2016(tmp_path_factory):
    path = tmp_path_factory.mktemp("r") / "national_2016_excerpt.txt"
    path.write_text(REVIEW_2016, encoding="utf-8")
    return build_review(read_source(path), None)


def test_five_year_paragraph_after_its_opening(review_2016):
    energy = verify_one(target("能耗强度下降3.1%以上", "能耗强度", 3.1, direction="decrease"), 2015, review_2016)
    assert (energy.status, energy.actual_value) == ("done", 5.6)     # not the five-year 18.2%
    jobs = verify_one(target("城镇新增就业1000万人以上", "城镇新增就业", 1000, unit="万人", measure="level"),
                      2015, review_2016)
    assert (jobs.status, jobs.actual_value) == ("done", 1312)        # not 6400 over five years


def test_missed_target_stated_in_words(review_2016):
    trade = verify_one(target("进出口增长6%左右", "进出口", 6, comparator="≈"), 2015, review_2016)
    assert trade.status == "not_done"
    assert "未能实现" in trade.evidence[0].text
    assert trade.reason == "报告称“去年我国进出口总额出现下降，预期增长目标未能实现”"


def test_low_prices_without_a_figure_stay_unknown(review_2016):
    cpi = verify_one(target("居民消费价格涨幅3%左右", "居民消费价格", 3, comparator="≈", measure="level"), 2015, review_2016)
    assert cpi.status == "unknown"


@pytest.mark.parametrize("name, level, growth", [
    ("城镇居民人均可支配收入", 43560, 6), ("农村居民人均可支配收入", 21580, 8)])
def test_respectively_with_levels_and_growth(name, level, growth):
    text = "城镇、农村居民人均可支配收入分别达到43560元、21580元，分别增长6%、8%"
    got = {(f.measure, f.value) for f in figures_for(resolve(name), text, 2024)}
    assert got == {("level", level), ("growth", growth)}


@pytest.mark.parametrize("size, number, status", [(9, 7, "done"), (10, 7, "unknown"), (None, 10, "unknown")])
def test_list_claim_needs_a_list_of_its_length(review_2025, size, number, status):
    # seed 001 says "9件省列为民实事全部完成"
    item = Commitment("livelihood", "（7）加快改善农民居住条件，完成危旧房改造5000户", 1, number=number)
    assert verify_one(item, 2024, review_2025, list_size=size).status == status


@pytest.mark.parametrize("text, n", [("10件惠民实事全部完成", 10), ("十件民生实事全面完成", 10),
                                     ("9件省列为民实事全部完成", 9), ("十二件为民实事如期完成", 12)])
def test_list_claim_count(text, n):
    from tracker.verify.claims import list_claim_count
    assert list_claim_count(text) == n


def test_direction_only_target_against_a_stated_change():
    text = "强化大气污染治理，二氧化硫、氮氧化物排放量分别下降5.6%和4%"
    from tracker.model import SourceText
    src = SourceText("r.txt", "一、2016年工作回顾\n" + text, "x", "utf-8", ("一、2016年工作回顾", text))
    rv = build_review(src, None)
    c = target("主要污染物排放继续减少", "主要污染物排放", None, unit=None, comparator=None, measure="qualitative")
    r = verify_one(c, 2016, rv)
    assert (r.status, r.actual_value) == ("done", -5.6)
    assert r.reason == "实际下降5.6%，目标要求减少"


def test_half_year_summary_gives_in_progress():
    # seed 004: "XX经济开发区2024年上半年工作总结…GDP增长率达到5.2%"
    source = read_source(seed("004"))
    from tracker.extract.segment import split_reports
    report = next(r for r in split_reports(source) if "2024年上半年" in r.title)
    rv = build_review(source, report)
    r = verify_one(target("地区生产总值增长6%", "地区生产总值", 6), 2024, rv)
    assert r.status == "in_progress" and r.actual_value is None
    assert r.reason == "目前只有年内部分时段的数据（5.2%）"


def test_figure_describing_something_else_is_skipped():
    text = "所有乡（镇）、街道财政收入均保持以2位数增长，其中财政收入过500万元的乡(镇)、街道有5个"
    assert [f for f in figures_for(resolve("一般公共预算收入"), text, 2024) if f.unit == "万元"] == []


def test_masked_target_is_not_a_direction_only_target(review_2025):
    c = target("全区生产总值增长×%", "全区生产总值", None, unit="%", measure="growth")
    c = Commitment(c.kind, c.text, 1, indicator=c.indicator, measure="growth", unit="%", masked=True)
    assert verify_one(c, 2024, review_2025).status == "unknown"
