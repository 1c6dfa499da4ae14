"""Project pledges on the real seeds: pledge vs result vs forecast vs slogan."""

from pathlib import Path

import pytest
from conftest import DEV

from tracker.extract import extract_file
from tracker.model import PROJECT, TARGET, Commitment, Report, SourceText
from tracker.ingest.paragraphs import paragraphs
from tracker.extract.plan_part import plan_flags
from tracker.extract.projects import extract_projects, restates
from tracker.extract.sections import categories
from tracker.extract.segment import split_reports

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_001 = SEEDS / "001_306d7ec0a692e678.txt"


def _projects(path: Path) -> list:
    """Projects of every report of a seed, through the whole pipeline (targets in taken)."""
    fx = extract_file(path)
    return [c for rx in fx.reports for c in rx.commitments if c.kind == "project"]


def _from_lines(lines: list[str], plan_year: int | None = 2025, taken=()) -> list:
    """extract_projects over a small government report built from real sentences."""
    raw = "\n".join(lines) + "\n"
    source = SourceText("t.txt", raw, "0", "utf-8", tuple(raw.split("\n")))
    report = Report("t", 1, len(lines), plan_year=plan_year, doc_type="government_work_report")
    paras = paragraphs(source, 1, len(lines))
    return extract_projects(source, report, paras, categories(paras), list(taken))


@pytest.fixture(scope="module")
def seed_001():
    return _projects(SEED_001)


def _by_text(found, needle):
    hits = [c for c in found if needle in c.text]
    assert hits, f"no project holds {needle!r}"
    return hits[0]


@pytest.mark.parametrize("quote, deadline, words", [
    ("力争3月份开工建设", "2025-03-31", "3月份"),
    ("确保世纪大桥7月份建成通车", "2025-07-31", "7月份"),
    ("力争市一中分校、正大路小学8月底建成招生", "2025-08-31", "8月底"),
    ("年内签约重点项目300个以上", "2025-12-31", "年内"),
    ("确保恒信路等4所幼儿园按期建成招生", None, None),   # 按期 names no date
])
def test_dated_pledges_of_seed_001(seed_001, quote, deadline, words):
    c = _by_text(seed_001, quote)
    assert (c.deadline, c.deadline_text) == (deadline, words)
    assert len(c.text) <= 3 * len(quote) + 30


@pytest.mark.parametrize("quote, value, unit", [
    ("完成投资25亿元以上", 25, "亿元"),
    ("新引进落地强链补链重大项目5个", 5, "个"),
    ("新建充电桩392个", 392, "个"),
    ("完成全区2829眼机井在线计量设施加装", 2829, "眼"),   # a measure word numbers do not list
    ("省级创新型企业、“专精特新”企业5家以上", 5, "家"),   # the line has no full stop
])
def test_quantified_pledges_of_seed_001(seed_001, quote, value, unit):
    c = _by_text(seed_001, quote)
    assert (c.value, c.unit) == (value, unit)
    assert c.category


def test_clauses_joined_by_enumeration_comma_stay_one(seed_001):
    c = _by_text(seed_001, "改造供水管网86公里")
    assert c.text == "改造供水管网86公里、排水管网52.5公里、供热管网18.7公里"


def test_tail_clauses_join_their_pledge(seed_001):
    assert _by_text(seed_001, "完成投资184亿元以上").text == "完成投资184亿元以上,增长5%以上"
    assert _by_text(seed_001, "让3800户").text == "加快城郊乡镇农户土炕取暖改造,让3800户群众乐享绿色暖冬"


def test_review_part_gives_nothing(seed_001):
    # 2024年工作回顾 runs over lines 17-43 and is full of figures ("全年投放贷款250.2亿元").
    assert not [c for c in seed_001 if c.line < 45]


@pytest.mark.parametrize("name", ["“5+4+2”", "100强", "延长30年", "110KV", "G30", "营商环境5.0版"])
def test_names_and_slogans_are_not_pledges(seed_001, name):
    # a named project's finish may hold one ("建成…110KV启备电源等…工程"), never as its figure
    assert not [c for c in seed_001 if name in c.text and (c.value is not None or c.masked)]


def test_targets_are_not_repeated(seed_001):
    assert not [c for c in seed_001 if "地区生产总值增长7.2%" in c.text]


def test_taken_spans_are_skipped():
    line = "新增停车位2000个,新建充电桩392个。"
    found = _from_lines(["2025年工作安排", line])
    assert [c.text for c in found] == ["新增停车位2000个", "新建充电桩392个"]
    taken = [(found[0].start, found[0].end)]
    assert [c.text for c in _from_lines(["2025年工作安排", line], taken=taken)] == ["新建充电桩392个"]


@pytest.mark.parametrize("sentence", [
    "全面完成了区十六届人大四次会议确定的各项任务。",         # result (000)
    "累计流转土地7.65万亩。",                                  # result (000)
    "预计到年底可完成外贸进出口8000万美元,同比增长10;利用外资持续增长。",   # forecast (004)
    "截止目前,全县实际利用外资3830.7万美元,同比增长22.9。",   # progress (004)
    "切实办好10件惠民实事。",                                  # the livelihood list's heading
    "围绕上述要求和目标,重点抓好八个方面的工作:",              # a counted list of tasks
    "坚持“两个毫不动摇”“三个没有变”,常态化抓好“包抓联”“六必访”。",   # slogans
])
def test_results_forecasts_and_slogans_in_a_plan_part(sentence):
    assert _from_lines(["2025年工作安排", sentence]) == []


def test_plan_part_switches_on_headings_and_openings():
    lines = ["2024年工作回顾", "一年来,全年投放贷款250.2亿元。",
             "2025年工作安排", "新增停车位2000个。", "名词解释", "“两新”:指新建100个项目。"]
    raw = "\n".join(lines)
    source = SourceText("t.txt", raw, "0", "utf-8", tuple(lines))
    paras = paragraphs(source, 1, len(lines))
    assert plan_flags(paras, 2025) == [False, False, True, True, False, False]


def test_deadline_heading_a_sentence_scopes_its_semicolon_parts():
    # 002 line 49 (复兴区): "年内确保完成…；确保完成…两条道路建设；"
    found = _projects(SEEDS / "002_872a5794e24126f6.txt")
    c = _by_text(found, "确保完成铁西大街北延、果园路两条道路建设")
    assert (c.deadline, c.deadline_text) == ("2024-12-31", "年内")


def test_comma_clauses_do_not_inherit_a_leading_deadline():
    # 003 line 906-908: "年内培育规上工业企业 10 户以上，实施技改项目 20 个以上，新上云企业…"
    found = _projects(SEEDS / "003_6f03033f4a394e42.txt")
    assert _by_text(found, "年内培育规上工业企业").deadline == "2022-12-31"
    assert _by_text(found, "新上云企业达到 30 户以上").deadline is None


def test_pledge_broken_over_a_pdf_line_break():
    found = _projects(SEEDS / "003_6f03033f4a394e42.txt")
    c = _by_text(found, "实施技改项目 20 个以上")
    assert c.line == 906 and c.value == 20 and c.unit == "个"


def test_yearbook_and_bulletin_give_no_projects():
    source_path = SEEDS / "003_6f03033f4a394e42.txt"
    fx = extract_file(source_path)
    for rx in fx.reports:
        if rx.report.doc_type in ("yearbook_body", "statistical_bulletin", "yearbook_front_matter"):
            assert not [c for c in rx.commitments if c.kind == "project"]


def test_half_year_summaries_give_no_projects():
    # 004: summaries whose 下半年 plans are qualitative; 上半年 figures are progress.
    assert _projects(SEEDS / "004_95c15c7a41ba88be.txt") == []


def test_no_plan_year_keeps_deadline_words_without_date():
    found = _from_lines(["～年工作任务", "力争3月份开工建设,新建充电桩392个。"], plan_year=None)
    assert [(c.text, c.deadline, c.deadline_text) for c in found] == [
        ("力争3月份开工建设", None, "3月份"), ("新建充电桩392个", None, None)]


def test_every_report_of_every_seed_quotes_its_source():
    for path in sorted(SEEDS.glob("*.txt")):
        fx = extract_file(path)
        for report in split_reports(fx.source):
            assert report.line_start >= 1
        for rx in fx.reports:
            for c in rx.commitments:
                if c.kind == "project":
                    assert rx.report.line_start <= c.line <= rx.report.line_end
                    assert fx.source.text[c.start] == c.text[0]


@pytest.mark.parametrize("heading, expected", [
    ("一、2024年工作回顾", False), ("2023年主要工作", False), ("一、过去一年的工作", False),
    ("二、2025年工作安排", True), ("二、2025年工作总体部署", True), ("今后五年目标任务", False),
    ("（三）“十二五”经济社会发展的思路目标和重点任务", False), ("名词解释", False),
])
def test_plan_part_headings(heading, expected):
    lines = [heading, "新增停车位2000个。"]
    assert bool(_from_lines(lines)) is expected


def test_durations_and_anniversaries_are_not_quantities():
    found = _from_lines(["2025年工作安排", "对重点污染源实行24小时在线监控,组织好成立70周年庆祝活动。"])
    assert found == []


def test_a_later_year_heading_a_sentence_is_not_the_plan_year():
    found = _from_lines(["2024年工作安排", "到2025年,全市养老床位达到1.5万张。新增学位5000个。"], plan_year=2024)
    assert [c.text for c in found] == ["新增学位5000个"]


def test_five_year_tasks_are_left_out_and_the_plan_opens_mid_paragraph():
    # 002 第四篇: "今后五年政府工作的目标和任务" (lines 136-145) then, inside line 145-146,
    # "…共享改革发展成果。2024年的政府工作2024年是本届政府任期的开局之年".
    found = [c for c in _projects(SEEDS / "002_872a5794e24126f6.txt") if 134 <= c.line <= 171]
    assert not [c for c in found if c.line < 147]
    assert _by_text(found, "完成固定资产投资25亿元以上").line == 149


@pytest.mark.parametrize("sentence", [
    "要坚持把助推总投资×亿元、占地×.×平方公里的邯钢工业区建设作为紧迫任务。",   # a project's size
    "把党和政府的温暖送到千家万户。",
    "政府系统每年遴选×件实事。",
])
def test_descriptions_are_not_pledges(sentence):
    assert _from_lines(["2024年工作安排", sentence], plan_year=2024) == []


def test_rest_of_a_livelihood_item_is_not_a_project():
    # 000 lines 96-105: "（1）继续实施…培训农村技能型劳动力1万人，…；…" are 惠民实事 items.
    found = _projects(SEEDS / "000_882e719ed2d5835c.txt")
    assert found and not [c for c in found if 96 <= c.line <= 105]


def test_full_width_digits_and_semicolon_scope_of_a_leading_deadline():
    found = _from_lines(["2025年工作安排", "年内建成体育馆；新建充电桩３９２个；开工建设文化中心，加强管理。"])
    got = [(c.text, c.value, c.deadline) for c in found]
    assert got == [("年内建成体育馆", None, "2025-12-31"), ("新建充电桩３９２个", 392, "2025-12-31"),
                   ("开工建设文化中心", None, "2025-12-31")]


def test_chinese_numeral_counts_need_a_building_verb():
    found = _from_lines(["2025年工作安排", "新建两所幼儿园,重点抓好八个方面的工作,实施一批灌区改造项目。"])
    assert [(c.text, c.value, c.unit) for c in found] == [("新建两所幼儿园", 2, "所")]


def test_outlook_heading_and_aspects_are_not_units():
    found = _from_lines(["二、2024年工作展望", "紧盯市环保督察5方面21项问题逐一销项整改,整治中小河道67公里。"],
                        plan_year=2024)
    assert [(c.value, c.unit) for c in found] == [(21, "项"), (67, "公里")]


def test_plan_execution_reports_are_review():
    lines = ["一、2023年上半年国民经济和社会发展计划执行情况",
             "2023年以来,全区新建5G基站300个。", "上半年完成投资50亿元。"]
    assert _from_lines(lines, plan_year=2023) == []


def test_task_sub_headings_inside_a_plan_keep_it_a_plan():
    lines = ["二、2025年工作安排", "（一）聚力乡村振兴，推动农业农村取得新成效", "新增设施蔬菜1万亩。",
             "（二）实施城市更新五年行动", "改造老旧小区30个。"]
    assert [c.text for c in _from_lines(lines)] == ["新增设施蔬菜1万亩", "改造老旧小区30个"]


def test_rest_of_a_prose_marked_livelihood_item_is_not_a_project():
    # 002 lines 58-68: "…作为第N件为民实事。…确保向全市提供保障性住房×套…"
    found = _projects(SEEDS / "002_872a5794e24126f6.txt")
    assert not [c for c in found if 58 <= c.line <= 68]




@pytest.mark.parametrize("year, value", [(2012, 4.0), (2013, 3.5), (2014, 3.5)])
def test_targets_explained_again_are_not_projects(year, value):
    # "提出居民消费价格涨幅控制在4%左右" explains the 2012 target; it pledges nothing new.
    fx = extract_file(DEV / f"national_{year}.txt")
    found = [c for rx in fx.reports for c in rx.commitments]
    assert any(c.kind == "target" and c.indicator == "居民消费价格涨幅" and c.value == value for c in found)
    assert not [c.text for c in found if c.kind == "project" and "居民消费价格涨幅" in c.text]
    assert any(c.kind == "project" and "财政赤字" in c.text for c in found)   # the next clauses stay


def test_restating_needs_the_same_indicator_and_value():
    target = Commitment(TARGET, "居民消费价格涨幅3.5%左右", 1, indicator="居民消费价格涨幅", value=3.5, unit="%")
    same = Commitment(PROJECT, "把居民消费价格涨幅控制在3．5%左右", 2, value=3.5, unit="%")
    other_value = Commitment(PROJECT, "把居民消费价格涨幅控制在3%左右", 2, value=3.0, unit="%")
    other_name = Commitment(PROJECT, "赤字率在3.5%左右", 2, value=3.5, unit="%")
    assert restates(same, target)
    assert not restates(other_value, target) and not restates(other_name, target)
    contained = Commitment(TARGET, "境外资金1500万美元", 1, indicator="境外资金", value=1500, unit="万美元")
    assert restates(Commitment(PROJECT, "力争全年境外资金1500万美元", 2), contained)


def test_a_year_is_not_a_five_year_average():
    target = Commitment(TARGET, "固定资产投资年均增长20%以上", 1, indicator="固定资产投资", value=20, unit="%",
                        annual_average=True, period="2021-2025")
    project = Commitment(PROJECT, "固定资产投资增长20%以上", 2, value=20, unit="%")
    assert not restates(project, target)


def test_an_age_says_who_and_is_no_figure():
    found = _from_lines(["2025年工作安排", "为全市65岁以上老年人免费接种流感疫苗，新增养老床位500张。"])
    assert [(c.text, c.value, c.unit) for c in found] == [("新增养老床位500张", 500, "张")]


@pytest.mark.parametrize("sentence, rows", [
    ("建成青石至白河高速公路，开工建设县人民医院新院区。", ["建成青石至白河高速公路", "开工建设县人民医院新院区"]),
    ("加快轨道交通建设，实现北环高速建成通车。", ["实现北环高速建成通车"]),
    ("开通地铁3号线全线和5号线北延。", ["开通地铁3号线全线和5号线北延"]),
    ("完成青石港作业区二期扩建，推动东岭锂电材料基地建成投产。", ["完成青石港作业区二期扩建", "推动东岭锂电材料基地建成投产"]),
    ("开工建设白河水库等重大水利工程。", ["开工建设白河水库等重大水利工程"]),
    # ongoing work, kinds of things and tasks name no finished project
    ("加快建设青石至白河高速公路，推进北湖枢纽前期工作。", []),
    ("建成一批乡村旅游示范项目，更好统筹重大产业项目开工建设。", []),
])
def test_named_projects_finished_or_begun_are_pledges_without_a_figure(sentence, rows):
    found = _from_lines(["2025年工作安排", sentence])
    assert [c.text for c in found] == rows
    assert all(c.measure == "qualitative" and c.value is None for c in found)


def test_a_named_project_already_finished_is_no_pledge():
    found = _from_lines(["2025年工作安排", "青石大桥已建成通车，今年建成白河大桥。"])
    assert [c.text for c in found] == ["今年建成白河大桥"]


@pytest.mark.parametrize("sentence", [
    "今年要重点做好以下8个方面工作：",
    "重点做好6个方面工作。",
    "开展乡村建设、城市更新、产业升级3项行动。",     # the count restates the work named before it
])
def test_a_sentence_announcing_work_areas_is_no_pledge(sentence):
    assert _from_lines(["2025年工作安排", sentence]) == []


def test_a_count_beyond_the_names_before_it_stays_a_pledge():
    found = _from_lines(["2025年工作安排", "实施城东污水厂、北湖泵站等12个重大专项。建好东区、西区2个产业园。"])
    assert [(c.text, c.value) for c in found] == [("实施城东污水厂、北湖泵站等12个重大专项", 12), ("建好东区、西区2个产业园", 2)]


def test_a_clause_of_several_pledges_respectively_is_one_row_each_with_its_subject():
    found = _from_lines(["2025年工作安排", "全年道路、供水、燃气领域投资分别达120亿元、30亿元、18亿元以上。"])
    assert [(c.subject, c.value, c.unit, c.comparator) for c in found] == [
        ("道路领域投资", 120, "亿元", ">="), ("供水领域投资", 30, "亿元", ">="), ("燃气领域投资", 18, "亿元", ">=")]
    assert {c.text for c in found} == {"全年道路、供水、燃气领域投资分别达120亿元、30亿元、18亿元以上"}
    rise = _from_lines(["2025年工作安排", "高龄津贴、护理补贴分别从每人每月100元、80元提高到120元、90元。"])
    assert [(c.subject, c.value) for c in rise] == [("高龄津贴", 120), ("护理补贴", 90)]


@pytest.mark.parametrize("sentence, rows", [
    ("推动营收1亿元以上企业有研发机构。", []),                                  # a class of firms, no amount
    ("实施500万元以上技改项目1200个。", [("实施500万元以上技改项目1200个", 1200, "个")]),
    ("新增销售收入过5000万元企业10家。", [("新增销售收入过5000万元企业10家", 10, "家")]),
    ("推动超1万家工业企业开展技术改造。", [("推动超1万家工业企业开展技术改造", 1, "万家")]),   # a count stays
    ("90%以上的村配备家庭健康指导员。", [("90%以上的村配备家庭健康指导员", 90, "%")]),          # a share stays
])
def test_a_threshold_before_a_noun_sizes_a_class(sentence, rows):
    found = _from_lines(["2025年工作安排", sentence])
    assert [(c.text, c.value, c.unit) for c in found] == rows


@pytest.mark.parametrize("sentence, value, unit, comparator", [
    ("全市PM2.5平均浓度不超过30微克/立方米。", 30, "微克/立方米", "<="),     # the verb states the ceiling
    ("确保PM2.5平均浓度低于30微克每立方米。", 30, "微克每立方米", "<="),
    ("新建数据中心绿电比例不低于80%。", 80, "%", ">="),
    ("集装箱吞吐量突破900万标准箱。", 900, "万标准箱", ">="),
    ("天然气产量稳定在60亿方以上。", 60, "亿方", ">="),
])
def test_a_pledge_keeps_its_unit_and_comparator_as_written(sentence, value, unit, comparator):
    (c,) = _from_lines(["2025年工作安排", sentence])
    assert (c.value, c.unit, c.comparator) == (value, unit, comparator)


@pytest.mark.parametrize("sentence", ["支持30个开发区集约集聚发展。", "巩固68个经济薄弱村扶持成效。",
                                      "全区有28万农牧民在城镇转移就业。"])
def test_counts_of_what_exists_are_no_pledges(sentence):
    assert _from_lines(["2025年工作安排", sentence]) == []


@pytest.mark.parametrize("sentence", [
    "将25度以上陡坡耕地逐步调出。",                  # a threshold before a noun: which land, not how much
    "围绕乳制品、牛羊肉等8个品类。",                 # a scope, not a pledge
    "全市60岁以上老年人平均每年新增3万。",           # a trend
    "全面推广12345热线督办机制。",                   # a hotline number
])
def test_scopes_trends_and_numbers_that_name_are_no_pledges(sentence):
    assert _from_lines(["2025年工作安排", sentence]) == []


def test_a_voltage_and_a_policy_rate_are_no_figures():
    assert [c.text for c in _from_lines(["2025年工作安排", "用好企业所得税减按15%征收等优惠政策。"])] == []
    found = _from_lines(["2025年工作安排", "全面建成北环500千伏主干网架，新建110千伏变电站3座。"])
    assert [(c.text, c.value) for c in found] == [("新建110千伏变电站3座", 3)]
