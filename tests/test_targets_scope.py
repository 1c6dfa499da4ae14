"""Targets beyond the plain clause: stretch values, qualitative trends and compliance,
headline rates stated in the work sections; what a project is about; how rows read."""

from __future__ import annotations

import json

import pytest
from conftest import DEV, KEYS, SEEDS

from tracker.display import commitment_label
from tracker.extract import extract_file
from tracker.extract.pipeline import extract_source
from tracker.model import SourceText
from tracker.store.query import format_target

SEED_001 = next(SEEDS.glob("001_*.txt"))


def extract_text(text: str, plan_year: int = 2025):
    """Commitments of an inline government report (through the whole pipeline)."""
    src = SourceText("inline.txt", text, "0", "utf-8", tuple(text.split("\n")))
    fx = extract_source(src, plan_year=plan_year)
    return [c for rx in fx.reports for c in rx.commitments]


def targets_in(paragraph: str):
    body = "2025年政府工作报告\n\n今年经济社会发展的主要预期目标是：" + paragraph + "。\n"
    return [c for c in extract_text(body) if c.kind == "target"]


@pytest.mark.parametrize("clause, value, stretch", [
    ("地区生产总值增长6%以上、力争达到7%", 6, 7),
    ("地区生产总值增长6%以上，力争7%", 6, 7),
    ("地区生产总值增长5%左右、努力争取更好结果", 5, None),
])
def test_stretch_is_one_target_with_the_floor_as_value(clause, value, stretch):
    found = targets_in(clause + "，城镇新增就业1万人以上")
    gdp = [t for t in found if t.indicator == "地区生产总值"]
    assert len(gdp) == 1 and len(found) == 2, [t.text for t in found]
    assert (gdp[0].value, gdp[0].stretch, gdp[0].measure) == (value, stretch, "growth")
    assert gdp[0].text == clause


@pytest.mark.parametrize("clause, indicator", [
    ("固定资产投资提质提效", "固定资产投资"),
    ("进出口总额稳量提质", "进出口总额"),
    ("进出口稳中提质", "进出口"),
    ("投资保稳提质", "投资"),
    ("单位生产总值能耗完成“十四五”考核目标", "单位生产总值能耗"),
    ("居民收入增速高于经济增速", "居民收入"),
    ("居民收入增长与经济增长基本同步", "居民收入"),
    ("按照国家要求坚决完成节能减排降碳任务", "节能减排降碳"),
])
def test_qualitative_targets(clause, indicator):
    found = targets_in("地区生产总值增长5%左右；" + clause)
    assert [(t.text, t.indicator, t.measure) for t in found[1:]] == [(clause, indicator, "qualitative")]


@pytest.mark.parametrize("clause, indicators", [
    ("空气质量优良天数比率和地表水水质优良率均完成国家下达任务", ["空气质量优良天数比率", "地表水水质优良率"]),
    ("完成国家下达的节能减排和环境保护等任务", ["节能减排", "环境保护"]),
    ("单位生产总值能耗、主要污染物排放控制在省市规定目标以内", ["单位生产总值能耗", "主要污染物排放"]),
])
def test_a_qualitative_clause_over_a_list_gives_one_target_per_indicator(clause, indicators):
    found = targets_in("地区生产总值增长5%左右；" + clause)
    assert [t.indicator for t in found if t.text == clause] == indicators


@pytest.mark.parametrize("prose", ["保持社会和谐稳定高质量完成“十四五”规划目标任务",
                                   "我们将聚力实施产业能级跃升、科创能力攀登、内需扩容增效"])
def test_prose_before_a_qualitative_predicate_is_no_target(prose):
    assert targets_in(prose + "；地区生产总值增长5%左右")[0].indicator == "地区生产总值"
    assert len(targets_in(prose + "；地区生产总值增长5%左右")) == 1


HEADLINE_REPORT = """2025年政府工作报告

今年经济社会发展的主要预期目标是：经济增长6%左右；城镇调查失业率5.5%左右。

（一）扩大内需。扎实开展投资提质年活动，全年实施亿元以上项目1.6万个，投资增长7%左右。积极培育新的消费增长点，社会消费品零售总额增长7%左右。力争进出口总额增长8%以上。
（二）发展产业。确保规上工业增加值增长7.5%左右，经济增长6%左右。
"""


def test_headline_rates_in_the_work_sections_are_targets():
    found = extract_text(HEADLINE_REPORT)
    targets = {c.text: c for c in found if c.kind == "target"}
    assert {"投资增长7%左右", "社会消费品零售总额增长7%左右"} <= set(targets)
    assert targets["投资增长7%左右"].value == 7 and targets["投资增长7%左右"].comparator == "≈"
    # an aimed-at rate stays a work pledge; a rate the target paragraph gives is not repeated
    assert "力争进出口总额增长8%以上" not in targets
    assert "确保规上工业增加值增长7.5%左右" not in targets
    assert sum(1 for c in found if c.kind == "target" and "经济增长" in c.text) == 1
    projects = {c.text for c in found if c.kind == "project"}
    assert "投资增长7%左右" not in projects


def test_a_trigger_broken_over_two_lines():
    text = ("2026年政府工作报告\n\n今年经济社会发展的\n主要预期目标\n"
            "是：地区生产总值增长4.5%—5%；地方一般公共预算收入增长3%左右。\n")
    found = [c for c in extract_text(text, 2026) if c.kind == "target"]
    assert [c.indicator for c in found] == ["地区生产总值", "地方一般公共预算收入"]


def test_province_targets_match_the_answer_key():
    """Recall and precision of targets over the six keyed 2025 provincial plans."""
    key = json.loads((KEYS / "gold_provinces.json").read_text("utf-8"))
    gold = pred = hit = 0
    for pair in key["pairs"]:
        fx = extract_file(DEV / "provinces" / pair["plan_file"])
        found = [c for rx in fx.reports for c in rx.commitments
                 if c.kind == "target" and c.period in (None, "year")]
        quotes = [t["plan_quote"].replace("％", "%") for t in pair["targets"]]
        texts = [c.text.replace("％", "%") for c in found]
        gold += len(quotes)
        pred += len(texts)
        hit += sum(1 for q in quotes if any(q in t or t in q for t in texts))
    assert hit / gold >= 0.95 and hit / pred >= 0.90, (hit, gold, pred)


@pytest.fixture(scope="module")
def seed_001_projects():
    fx = extract_file(SEED_001)
    return [c for rx in fx.reports for c in rx.commitments if c.kind == "project"]


@pytest.mark.parametrize("quote", ["力争3月份开工建设", "完成投资25亿元以上"])
def test_a_clause_naming_nothing_carries_the_project_of_its_sentence(seed_001_projects, quote):
    c = next(c for c in seed_001_projects if c.text == quote)
    assert c.subject == "国能煤电项目"


def test_a_clause_naming_its_project_has_no_subject(seed_001_projects):
    named = [c for c in seed_001_projects if "分布式光伏发电项目建成并网" in c.text or "园区产值突破10亿元" in c.text]
    assert named and all(c.subject is None for c in named)


SUBJECT_REPORT = """2025年政府工作报告

今年要重点抓好以下工作。加快推进市第一人民医院新院区建设，确保6月底前建成投用。开工建设城南污水处理厂二期工程，年底前完成主体工程。推动世纪大道改造，力争10月份通车。新建幼儿园3所。
在高新区建设上求突破。年内完成投资50亿元以上，新引进企业20家。
"""


@pytest.mark.parametrize("quote, subject", [
    ("确保6月底前建成投用", "市第一人民医院新院区"),
    ("年底前完成主体工程", "城南污水处理厂二期工程"),
    ("力争10月份通车", "世纪大道"),
    ("年内完成投资50亿元以上", "高新区"),        # from the run-in heading
    ("新建幼儿园3所", None),
    ("新引进企业20家", None),
])
def test_subjects_from_the_sentence_or_a_run_in_heading(quote, subject):
    found = {c.text: c for c in extract_text(SUBJECT_REPORT) if c.kind == "project"}
    assert found[quote].subject == subject


def test_no_subject_is_guessed_without_a_named_project():
    text = "2025年政府工作报告\n\n今年要抓好以下工作。全力推进各项工作，力争3月份开工建设。\n"
    found = [c for c in extract_text(text) if c.kind == "project"]
    assert found and all(c.subject is None for c in found)


@pytest.mark.parametrize("row, shown", [
    ({"kind": "project", "text": "力争3月份开工建设", "subject": "国能煤电项目"}, "国能煤电项目：力争3月份开工建设"),
    ({"kind": "project", "text": "确保世纪大桥7月份建成通车", "subject": None}, "确保世纪大桥7月份建成通车"),
    ({"kind": "target", "text": "地区生产总值增长7.2%以上", "indicator": "地区生产总值"}, "地区生产总值增长7.2%以上"),
    ({"kind": "target", "text": "城乡居民人均可支配收入分别增长7%和8%", "indicator": "农村居民人均可支配收入"},
     "农村居民人均可支配收入：城乡居民人均可支配收入分别增长7%和8%"),
    ({"kind": "target", "text": "实现全区GDP、工业增加值五个翻番", "indicator": "GDP"}, "GDP：实现全区GDP、工业增加值五个翻番"),
    ({"kind": "target", "text": "全面完成节能减排任务", "indicator": "节能减排"}, "全面完成节能减排任务"),
    ({"kind": "livelihood", "text": "（1）新建公厕10座", "indicator": None}, "（1）新建公厕10座"),
])
def test_commitment_label(row, shown):
    assert commitment_label(row) == shown


def test_contract_json_carries_stretch_and_subject():
    fx = extract_file(SEED_001)
    items = [c.to_json() for rx in fx.reports for c in rx.commitments]
    assert all("stretch" in d and "subject" in d for d in items)
    assert any(d["subject"] == "国能煤电项目" for d in items)


def test_the_target_column_shows_the_stretch():
    row = {"measure": "growth", "value": 6, "unit": "%", "comparator": ">=", "stretch": 7}
    assert format_target(row) == "增长6%以上（力争7%）"


TOPIC_REPORT = """2025年政府工作报告

推进城市更新。实施老城区有机更新行动。滚动推进46个项目，新建口袋公园12个。实施城西片区改造工程。完成投资18亿元。
筹措资金6.5亿元以上，实施八大惠民工程。
开展国土绿化。全年植树50万棵。高标准建设北山生态廊道。植树20万棵。大力度扩建南湖湿地公园。植树12万棵。
"""


@pytest.mark.parametrize("quote, subject", [
    ("滚动推进46个项目", "老城区有机更新行动"),   # a general object: the topic sentence before it names it
    ("新建口袋公园12个", None),                  # names itself
    ("完成投资18亿元", "城西片区改造工程"),
    ("筹措资金6.5亿元以上", "八大惠民工程"),      # named later in its own sentence
])
def test_subjects_from_a_topic_sentence_or_later_in_the_sentence(quote, subject):
    found = {c.text: c for c in extract_text(TOPIC_REPORT) if c.kind == "project"}
    assert found[quote].subject == subject


def test_alike_rows_each_take_the_topic_they_stand_under():
    found = [c for c in extract_text(TOPIC_REPORT) if c.kind == "project" and c.text.startswith("植树")]
    assert [(c.text, c.subject) for c in found] == [
        ("植树20万棵", "北山生态廊道"), ("植树12万棵", "南湖湿地公园")]
    assert [c.subject for c in extract_text(TOPIC_REPORT) if c.text == "全年植树50万棵"] == [None]


RANK_REPORT = """2025年青石县人民政府工作报告

二、2025年工作安排
今年全县经济社会发展的主要预期目标是：地区生产总值增长6.5%左右，规模以上工业增加值增长8%，县域经济综合实力进入全省前十，主要经济指标增速保持全市前列，营商环境评价位居全省第一方阵，高质量发展综合考核力争进入全市前三名，城镇登记失业率控制在4%以内。
"""


def test_ranks_among_peer_governments_are_targets():
    found = [c for c in extract_text(RANK_REPORT) if c.kind == "target"]
    ranks = [(c.indicator, c.measure, c.value, c.comparator) for c in found if c.measure == "rank"]
    assert ranks == [
        ("县域经济综合实力全省排名", "rank", 10, "<="),
        ("主要经济指标增速全市排名", "rank", None, None),
        ("营商环境评价全省排名", "rank", None, None),
        ("高质量发展综合考核全市排名", "rank", 3, "<="),
    ]
    assert [c.text for c in found if c.measure == "rank"][0] == "县域经济综合实力进入全省前十"
    assert [c.indicator for c in found if c.measure != "rank"] == ["地区生产总值", "规模以上工业增加值", "城镇登记失业率"]


@pytest.mark.parametrize("row, shown", [
    ({"text": "地区生产总值增长2%", "measure": "growth", "value": 2, "unit": "%", "comparator": ">="}, "增长2%"),
    ({"text": "地区生产总值增长2%以上", "measure": "growth", "value": 2, "unit": "%", "comparator": ">="}, "增长2%以上"),
    ({"text": "新建口袋公园12个以上", "measure": "level", "value": 12, "unit": "个", "comparator": ">="}, "≥12个"),
    ({"text": "城镇登记失业率控制在4%以内", "measure": "level", "value": 4, "unit": "%", "comparator": "<="}, "≤4%"),
    # the noun a count counts, and never another unit in its place
    ({"text": "开展30个县设施农业提升行动", "measure": "level", "value": 30, "unit": "个", "comparator": ">="}, "30个县"),
    ({"text": "建好30家人才效能提升平台", "measure": "level", "value": 30, "unit": "家", "comparator": ">="}, "30家"),
    ({"text": "县域经济综合实力进入全省前十", "measure": "rank", "value": 10, "comparator": "<="}, "全省前十"),
    ({"text": "营商环境评价位居全省第一方阵", "measure": "rank"}, "全省第一方阵"),
    # a 以上 of another number says who, not how many: the figure stays bare
    ({"text": "为65岁以上老年人免费健康体检15万人次", "measure": "level", "value": 15, "unit": "万人次",
      "comparator": ">="}, "15万人次"),
    ({"text": "城乡居民收入增长不低于6%", "measure": "growth", "value": 6, "unit": "%", "comparator": ">="}, "增长6%以上"),
    ({"text": "粮肉奶产量分别稳定在800亿斤、60亿斤、160亿斤以上", "measure": "level", "value": 800, "unit": "亿斤",
      "comparator": ">="}, "≥800亿斤"),
    ({"text": "每个乡镇至少办好1所优质初中", "measure": "level", "value": 1, "unit": "所", "comparator": ">="}, "≥1所"),
    ({"text": "全年实施亿元以上项目1.6万个", "measure": "level", "value": 1.6, "unit": "万个", "comparator": ">="}, "1.6万个"),
    # a form being filled in has no text: the parsed comparator shows
    ({"measure": "level", "value": 5, "unit": "所", "comparator": ">="}, "≥5所"),
])
def test_the_target_column_says_the_figure_as_written(row, shown):
    assert format_target(row) == shown


@pytest.mark.parametrize("sentence, fragment", [
    ("新建日光温室小区10个，大棚蔬菜小区35个。", "大棚蔬菜小区35个"),
    ("新培育省级智能工厂2家，“专精特新”企业5家以上。", "“专精特新”企业5家以上"),
    ("建成千头肉牛示范村12个，万头肉牛大乡8个。", "万头肉牛大乡8个"),
    ("创建省级森林乡镇6个，森林人家示范户30户。", "森林人家示范户30户"),
])
def test_a_fragment_takes_no_bare_verb_for_subject(sentence, fragment):
    """A subject names what a pledge is about; the verb a fragment shares with the clause
    before it ("建成：万头肉牛大乡8个") is none, so the row reads as its own noun and count."""
    found = {c.text: c for c in extract_text("2025年政府工作报告\n\n今年要重点抓好以下工作。" + sentence + "\n")}
    assert found[fragment].subject is None
    assert commitment_label({"kind": "project", "text": fragment, "subject": None}) == fragment


@pytest.mark.parametrize("sentence, clause", [
    ("新建高标准农田5万亩，粮食播种面积稳定在120万亩以上。", "粮食播种面积稳定在120万亩以上"),   # a measure, not a count
    ("新建文化驿站10个，植树20万棵。", "植树20万棵"),                                               # a verb of its own
])
def test_a_clause_of_its_own_shares_no_verb(sentence, clause):
    found = {c.text: c for c in extract_text("2025年政府工作报告\n\n今年要重点抓好以下工作。" + sentence + "\n")}
    assert found[clause].subject is None


def test_a_phase_names_no_project_the_sentence_does():
    text = ("2025年政府工作报告\n\n今年要重点抓好以下工作。高效推进北山村地质灾害避险搬迁工程，"
            "确保一期今年7月底完成、二期接续推进。\n")
    (c,) = [c for c in extract_text(text) if c.kind == "project"]
    assert (c.text, c.subject, c.deadline) == ("确保一期今年7月底完成、二期接续推进", "北山村地质灾害避险搬迁工程", "2025-07-31")


RANK_OF_PREVIOUS = """2025年青石县人民政府工作报告

二、2025年工作安排
今年全县经济社会发展的主要预期目标是：地区生产总值增长6.5%左右、增速保持在全国第一方阵，规模以上工业增加值增长7%，稳居全省前列；民营经济增加值增速稳居全市前列，保持全国第一方阵，城镇登记失业率控制在4%以内。
"""


def test_a_rank_said_of_the_indicator_just_named_is_its_rank():
    """A rank with no number after a figure target ("…增长6.5%左右、增速保持在全国第一方阵",
    "…增长7%，稳居全省前列") is a rank target of that indicator, and the figure stays its own
    target; a rank naming nothing with no indicator before it is none."""
    found = [(c.indicator, c.measure, c.value) for c in extract_text(RANK_OF_PREVIOUS) if c.kind == "target"]
    assert found == [
        ("地区生产总值", "growth", 6.5),
        ("地区生产总值增速全国排名", "rank", None),
        ("规模以上工业增加值", "growth", 7),
        ("规模以上工业增加值全省排名", "rank", None),
        ("民营经济增加值增速全市排名", "rank", None),
        ("城镇登记失业率", "level", 4),
    ]
