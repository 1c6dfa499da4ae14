"""Report splitting, report metadata, section categories and the glossary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DEV, KEYS, SEEDS, seed
from tracker.extract.glossary import parse_glossary
from tracker.ingest import read_source
from tracker.model import SourceText
from tracker.ingest.paragraphs import paragraphs
from tracker.extract.sections import TARGETS, categories
from tracker.extract.segment import split_reports

GOLD = json.loads((KEYS / "gold_seeds.json").read_text(encoding="utf-8"))
GOLD_FILES = {f["file"]: f["reports"] for f in GOLD["files"]}


def _text(body: str) -> SourceText:
    return SourceText(path="t.txt", text=body, sha256="", encoding="utf-8",
                      lines=tuple(body.split("\n")))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]) + 1)


@pytest.mark.parametrize("name", sorted(GOLD_FILES))
def test_seed_report_count_and_years_match_the_answer_key(name: str) -> None:
    reports = split_reports(read_source(SEEDS / name))
    gold = GOLD_FILES[name]
    assert len(reports) == len(gold)
    for g in gold:
        best = max(reports, key=lambda r: _overlap((r.line_start, r.line_end),
                                                   (g["line_start"], g["line_end"])))
        assert (best.plan_year, best.report_year) == (g["plan_year"], g["report_year"]), g["title"]
        assert _overlap((best.line_start, best.line_end), (g["line_start"], g["line_end"])) \
            >= 0.9 * (g["line_end"] - g["line_start"] + 1)


def test_single_web_page_report_drops_site_cruft() -> None:
    (report,) = split_reports(read_source(seed("001")))
    assert (report.line_start, report.line_end) == (8, 207)
    assert report.title.startswith("2025年酒泉市肃州区政府工作报告")
    assert (report.region, report.doc_type) == ("肃州区", "government_work_report")


@pytest.mark.parametrize("year", [2012, 2013, 2014])
def test_national_reports_stay_single(year: int) -> None:
    (report,) = split_reports(read_source(DEV / f"national_{year}.txt"))
    assert (report.report_year, report.plan_year) == (year, year)


def test_article_markers_split_and_titles_follow_the_marker() -> None:
    reports = split_reports(read_source(seed("000")))
    assert [r.line_start for r in reports] == [1, 39, 111, 147, 172]
    assert reports[1].title == "2024肃州区政府工作报告"
    assert reports[4].region is None    # a company's summary names no district


def test_yearbook_parts() -> None:
    reports = split_reports(read_source(seed("003")))
    types = [r.doc_type for r in reports]
    assert types == ["yearbook_front_matter", "party_congress_report", "peoples_congress_report",
                     "government_work_report", "cppcc_report", "yearbook_body",
                     "statistical_bulletin"]


GOV = ("{title}\n——在某某县第三届人民代表大会第二次会议上\n{date}\n各位代表：\n"
       "现在，我代表县人民政府向大会报告工作，请予审议。\n{body}\n")


@pytest.mark.parametrize("body, plan_year", [
    ("一、2024年工作回顾\n过去一年，全县经济平稳增长。\n二、2025年工作安排\n做好各项工作。", 2025),
    ("2024年是极不平凡的一年。全县经济平稳增长。\n新的一年，我们将继续努力。", 2025),
    ("过去一年，全县经济平稳增长。\n2025 年是实施“十四五”规划的收官之年。", 2025),
    ("过去一年，全县经济平稳增长。\n做好2024年工作，意义重大。", 2024),
    ("过去一年，全县经济平稳增长。\n～年工作任务是：地区生产总值增长8%。", None),
    ("过去一年，全县经济平稳增长。今年将继续努力。", None),
])
def test_plan_year_is_read_from_the_text(body: str, plan_year: int | None) -> None:
    text = GOV.format(title="某某县政府工作报告", date="（2025年1月6日）", body=body)
    (report,) = split_reports(_text(text))
    assert report.plan_year == plan_year
    assert report.report_year == 2025
    assert report.region == "某某县"


@pytest.mark.parametrize("date, year", [
    ("（2024年12月26日）", 2024), ("(2024.8.6)", 2024), ("（2023.12）", 2023),
    ("2022-04-18", 2022), ("区长 张三", None),
])
def test_report_year_from_date_line(date: str, year: int | None) -> None:
    text = GOV.format(title="某某县政府工作报告", date=date, body="全县经济平稳增长。")
    (report,) = split_reports(_text(text))
    assert report.report_year == year


def test_report_year_is_never_taken_from_a_sentence() -> None:
    text = ("某某县试点工作总结\n2019年5月，某某县被确定为全省首批试点县，一年来取得了明显成效，"
            "现将有关情况总结如下。\n一、主要做法\n规范干部选任程序。")
    (report,) = split_reports(_text(text))
    assert report.report_year is None


def test_two_documents_run_together_are_two_reports() -> None:
    first = "甲县2023年上半年工作总结及下半年工作计划一、上半年工作总结。全县经济平稳增长。\n" * 3
    second = "乙区委区府办年度总结前言经过一年来的努力工作，我们取得了成绩。\n" * 3
    reports = split_reports(_text(first + second))
    assert [r.line_start for r in reports] == [1, 4]
    assert (reports[0].report_year, reports[0].plan_year) == (2023, 2023)


def test_closing_line_repeating_the_title_does_not_start_a_report() -> None:
    text = ("某开发区2024年上半年工作总结暨下半年工作安排一、上半年工作总结。经济平稳增长。\n"
            "二、下半年工作安排。继续努力。\n某开发区2024年上半年工作总结暨下半年工作安排到此结束。\n")
    assert len(split_reports(_text(text))) == 1


def test_categories_follow_headings() -> None:
    src = read_source(seed("001"))
    (report,) = split_reports(src)
    paras = paragraphs(src, report.line_start, report.line_end)
    cats = categories(paras)
    by_line = {p.first_line: c for p, c in zip(paras, cats)}
    assert by_line[51] == TARGETS
    assert by_line[55] == "2025年工作安排" or by_line[55].startswith("(一)") or "2025" in (by_line[53] or "")
    assert cats[0] is None


def test_categories_numbered_levels() -> None:
    body = ("一、2025年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长6%。\n"
            "（一）加快产业转型。围绕主导产业，新建厂房10万平方米。\n建成道路5公里。\n"
            "（二）改善民生\n新增就业1000人。\n")
    paras = paragraphs(_text(body))
    assert categories(paras) == ["2025年工作安排", TARGETS, "加快产业转型", "加快产业转型",
                                 "改善民生", "改善民生"]


def test_glossary_of_seed_001() -> None:
    src = read_source(seed("001"))
    (report,) = split_reports(src)
    terms = parse_glossary(src, report)
    assert len(terms) == 38
    assert terms["“四强”行动"] == "指实施强科技、强工业、强省会、强县域行动。"
    assert "包抓联" in terms
    assert parse_glossary(src, split_reports(read_source(seed("000")))[1]) == {}


def test_glossary_definition_broken_over_lines(tmp_path: Path) -> None:
    body = "某县政府工作报告\n正文。\n名词解释\n1.“两个确保”:指确保安全，\n确保稳定。\n2.三清：是指清垃圾。\n"
    src = _text(body)
    (report,) = split_reports(src)
    assert parse_glossary(src, report) == {"两个确保": "指确保安全，确保稳定。", "三清": "是指清垃圾。"}


SINGLE = ("某某市2025年政府工作报告\n——2025年1月8日在某某市第十届人民代表大会第三次会议上\n"
          "各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n"
          "{middle}\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n")


@pytest.mark.parametrize("middle", [
    "2024年政府工作报告确定的10件民生实事全部完成，群众满意度明显提升。",
    "某某市2025年政府工作报告\n全年新建道路20公里，改造老旧小区30个。",      # a page header
    "第一篇章已经写就，我们将奋力续写新的篇章。",
    "附录\n名词解释\n1.“两个确保”:指确保安全、确保稳定。",
])
def test_single_report_stays_single(middle: str) -> None:
    reports = split_reports(_text(SINGLE.format(middle=middle)))
    assert len(reports) == 1
    assert (reports[0].report_year, reports[0].plan_year, reports[0].region) == (2025, 2025, "某某市")


def test_plan_outline_parts_are_not_articles() -> None:
    body = "".join(f"第{n}篇 总体要求\n第{n}章 发展环境\n到2025年，地区生产总值年均增长6%。\n"
                   for n in "一二三")
    assert len(split_reports(_text("某某县国民经济和社会发展第十四个五年规划纲要\n" + body))) == 1


@pytest.mark.parametrize("sentence, plan_year", [
    ("二、2017年工作总体部署", 2017),
    ("2017年政府工作的总体要求是：稳中求进。", 2017),
    ("2024年预期目标全面完成，经济运行稳中有进。", None),
    ("2024年主要预期目标执行情况良好。", None),
])
def test_plan_statements(sentence: str, plan_year: int | None) -> None:
    text = f"国务院政府工作报告\n各位代表：\n过去一年，经济平稳增长。\n{sentence}\n全年新增就业1000万人。"
    (report,) = split_reports(_text(text))
    assert report.plan_year == plan_year


def test_site_navigation_above_an_undetected_title_is_skipped() -> None:
    text = ("首页 > 政务公开 > 规划计划\n字号：大 中 小 | 打印\n某某县2025年工作要点\n"
            "2025年是“十四五”规划收官之年，全县上下要奋发有为。\n全年新建道路20公里。\n")
    (report,) = split_reports(_text(text))
    assert report.line_start == 3
    assert report.plan_year == 2025


def test_congress_documents_without_speech_lines_are_separate() -> None:
    text = ("某某县2025年政府工作报告\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n"
            "今年经济社会发展的主要预期目标是：地区生产总值增长6%。2025年是“十四五”收官之年。\n"
            "关于某某县2024年国民经济和社会发展计划执行情况与2025年计划草案的报告\n"
            "各位代表：\n受县人民政府委托，现将计划执行情况报告如下，请予审议。\n"
            "2025年全县地区生产总值增长6%左右。\n")
    reports = split_reports(_text(text))
    assert [r.line_start for r in reports] == [1, 5]
    assert reports[1].doc_type == "plan_report"
    assert reports[1].plan_year == 2025


def test_page_numbers_inside_a_broken_sentence_are_skipped() -> None:
    body = ("今年经济社会发展的主要预期目标是：地区生产总值增长7%以上，一般公共\n\n— 3 —\n\n"
            "预算收入增长6%。\n第 4 页\n二、重点工作")
    paras = paragraphs(_text(body))
    assert [p.text for p in paras] == [
        "今年经济社会发展的主要预期目标是：地区生产总值增长7%以上，一般公共预算收入增长6%。", "二、重点工作"]
    assert paras[0].line_at(paras[0].text.index("预算")) == 5


@pytest.mark.parametrize("plan_part, plan_year", [
    ("二、下半年工作安排\n继续抓好项目建设。", 2024),
    ("上半年工作总结及下半年工作计划1上半年，我局认真贯彻落实。", None),
])
def test_half_year_summary_plans_its_own_year(plan_part: str, plan_year: int | None) -> None:
    text = f"某某局上半年工作总结及下半年工作计划\n（2024.7.5）\n一、上半年工作完成情况\n完成投资5亿元。\n{plan_part}"
    (report,) = split_reports(_text(text))
    assert (report.report_year, report.plan_year) == (2024, plan_year)


def test_short_editor_note_above_the_title_is_not_a_report() -> None:
    text = ("编者按：本报今日全文刊发某某县政府工作报告，敬请关注。\n"
            + SINGLE.format(middle="全年新建道路20公里。"))
    (report,) = split_reports(_text(text))
    assert report.line_start == 2


def test_far_future_years_are_not_the_plan_year() -> None:
    body = "过去一年，经济平稳增长。\n2035年的主要目标是基本实现现代化。\n2025年重点工作任务：新建道路20公里。"
    text = GOV.format(title="某某县政府工作报告", date="（2025年1月6日）", body=body)
    (report,) = split_reports(_text(text))
    assert report.plan_year == 2025


def test_heading_broken_after_a_function_word_is_joined() -> None:
    body = "（八）坚定不移实施民生优先战略，为\n\n县域经济追赶超越提供奋进力量。\n促进就业创业。"
    paras = paragraphs(_text(body))
    assert paras[0].text == "（八）坚定不移实施民生优先战略，为县域经济追赶超越提供奋进力量。"
    assert categories(paras) == ["坚定不移实施民生优先战略，为县域经济追赶超越提供奋进力量"] * 2


@pytest.mark.parametrize("title, region", [
    ("2025年甘肃省政府工作报告", "甘肃省"), ("2025年酒泉市政府工作报告", "酒泉市"),
    ("2025年酒泉市肃州区政府工作报告", "肃州区"), ("政府工作报告", None),
])
def test_region_from_title(title: str, region: str | None) -> None:
    text = f"{title}\n各位代表：\n过去一年，经济平稳增长。\n2025年重点工作任务：新建道路20公里。"
    (report,) = split_reports(_text(text))
    assert report.region == region


def test_government_report_citing_the_party_congress_keeps_its_plan_year() -> None:
    body = ("高举中国特色社会主义伟大旗帜，全面贯彻党的第二十次全国代表大会精神。\n"
            "2025年重点工作任务：新建道路20公里。")
    text = GOV.format(title="某某县政府工作报告", date="（2025年1月6日）", body=body)
    (report,) = split_reports(_text(text))
    assert (report.doc_type, report.plan_year) == ("government_work_report", 2025)


def test_table_of_contents_entries_are_not_articles() -> None:
    toc = "目录\n第一篇：甲县政府工作报告\t1\n第二篇：乙县政府工作报告\t9\n"
    art = "第{n}篇：{r}政府工作报告\n各位代表：\n现在，我代表{r}人民政府向大会报告工作，请予审议。\n"
    text = toc + art.format(n="一", r="甲县") + art.format(n="二", r="乙县")
    reports = split_reports(_text(text))
    assert [r.line_start for r in reports] == [4, 7]
