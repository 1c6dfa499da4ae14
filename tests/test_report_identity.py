"""Every report under the right government and year (issue 21, part 1).

Over every report in eval/dev and seeds/, and over pages made in the forms users bring
(tests/data/pages, tests/portal_pages.py): the region and plan year a reader would give,
one report per file where the file holds one, a title that is a title, the kind, and
whether the text settles the identity.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import DEV, KEYS, ROOT, SEEDS
from portal_pages import national_text, portal_html, portal_text, report_parts
from tracker import regions
from tracker.extract.segment import split_reports
from tracker.ingest import read_source
from tracker.ingest.portal import residue_lines
from tracker.model import SourceText

PAGES = ROOT / "tests" / "data" / "pages"
PROVINCES = dict(anhui="安徽省", beijing="北京市", chongqing="重庆市", fujian="福建省", guangdong="广东省",
                 guangxi="广西壮族自治区", guizhou="贵州省", hainan="海南省", hebei="河北省", henan="河南省",
                 hubei="湖北省", jiangsu="江苏省", jiangxi="江西省", jilin="吉林省", liaoning="辽宁省",
                 neimenggu="内蒙古自治区", ningxia="宁夏回族自治区", qinghai="青海省", shaanxi="陕西省",
                 shandong="山东省", shanghai="上海市", sichuan="四川省", tianjin="天津市",
                 xinjiang="新疆维吾尔自治区", zhejiang="浙江省")
GOLD = json.loads((KEYS / "gold_seeds.json").read_text(encoding="utf-8"))
# What portal residue looks like when it ends up in a title.
RESIDUE_IN_TITLE = re.compile(r"来源|记者|摄|打印|关闭|分享|首页|>|浏览|发布时间|责任编辑|http|新华社|电$")


def _dev_cases() -> list[tuple[Path, list[tuple[str | None, int | None]]]]:
    cases = [(DEV / f"national_{y}.txt", [("国务院", y)]) for y in (2012, 2013, 2014)]
    for path in sorted((DEV / "provinces").glob("*_20*.*")):
        pid, year = path.stem.split("_")
        cases.append((path, [(PROVINCES[pid], int(year))]))
    for f in GOLD["files"]:
        cases.append((SEEDS / f["file"], [(r["region"], r["plan_year"]) for r in f["reports"]]))
    return cases


DEV_CASES = _dev_cases()


@pytest.mark.parametrize("path, want", DEV_CASES, ids=[p.name for p, _ in DEV_CASES])
def test_every_dev_and_seed_report_is_filed_as_a_reader_would(path: Path, want) -> None:
    reports = split_reports(read_source(path))
    assert [(r.region, r.plan_year) for r in reports] == want
    for r in reports:
        assert not RESIDUE_IN_TITLE.search(r.title), r.title


def test_dev_provincial_reports_are_certain_and_plans() -> None:
    for path, _ in DEV_CASES[:53]:
        (report,) = split_reports(read_source(path))
        assert report.uncertain == () and report.kind == "plan", path.name


@pytest.mark.parametrize("pid", ["fujian", "hebei", "guangxi", "beijing", "neimenggu", "sichuan"])
@pytest.mark.parametrize("year", [2025, 2026])
@pytest.mark.parametrize("form", ["html", "txt"])
def test_a_portal_copy_is_one_report_under_its_province(tmp_path: Path, pid: str, year: int, form: str) -> None:
    original = DEV / "provinces" / (f"{pid}_{year}.docx" if year == 2025 else f"{pid}_{year}.txt")
    # the sidebar names other governments' reports; the title (html) names no region at all
    sidebar = ["厦门市2026年政府工作报告", "福州市召开十七届人大五次会议", "泉州市鲤城区2026年政府工作报告（全文）"]
    page = tmp_path / f"page.{form}"
    if form == "html":
        page.write_text(portal_html(original, "政府工作报告", "某某日报", sidebar), encoding="utf-8")
    else:
        page.write_text(portal_text(original, f"{year}年{PROVINCES[pid]}政府工作报告", "某某日报", sidebar),
                        encoding="utf-8")
    (report,) = split_reports(read_source(page))
    assert (report.region, report.plan_year, report.kind, report.uncertain) == (PROVINCES[pid], year, "plan", ())
    assert report.title in ("政府工作报告", f"{year}年{PROVINCES[pid]}政府工作报告")
    last = report_parts(original)[2][-1]       # the article's last sentence, not the links below it
    assert read_source(page).lines[report.line_end - 1].strip() == last


@pytest.mark.parametrize("year", [2012, 2013, 2014])
@pytest.mark.parametrize("speech_line", [True, False])
def test_national_reports_of_any_form_are_the_state_council(tmp_path: Path, year: int, speech_line: bool) -> None:
    page = tmp_path / "n.txt"
    page.write_text(national_text(DEV / f"national_{year}.txt", speech_line), encoding="utf-8")
    (report,) = split_reports(read_source(page))
    assert (report.region, report.plan_year, report.uncertain) == (regions.NATIONAL, year, ())
    assert report.title in ("政府工作报告", f"{year}年政府工作报告")


def test_a_scraped_county_page_is_one_report_of_its_county() -> None:
    (report,) = split_reports(read_source(PAGES / "county_page_2025.txt"))
    assert (report.title, report.region, report.plan_year, report.uncertain) == \
        ("2025年泾县政府工作报告", "泾县", 2025, ())
    assert (report.line_start, report.line_end) == (15, 40)    # title to the last sentence; no sidebar


def test_a_city_notice_is_a_list_of_its_city() -> None:
    (report,) = split_reports(read_source(PAGES / "city_notice_minsheng_2025.txt"))
    assert (report.title, report.region, report.plan_year, report.kind, report.uncertain) == \
        ("关于印发2025年市级民生实事实施方案的通知", "芜湖市", 2025, "list", ())


def test_a_notice_under_a_letterhead_is_a_list_of_its_issuer() -> None:
    (report,) = split_reports(read_source(PAGES / "district_notice_letterhead.txt"))
    assert (report.title, report.region, report.plan_year, report.kind, report.uncertain) == \
        ("关于印发2025年区级民生实事项目清单的通知", "宣州区", 2025, "list", ())
    assert report.line_start == 1      # the letterhead is the document's


def test_a_completion_news_item_is_filed_under_its_city_and_list_year() -> None:
    (report,) = split_reports(read_source(PAGES / "city_minsheng_completed_news.txt"))
    assert (report.title, report.region, report.plan_year, report.report_year, report.kind) == \
        ("芜湖：2025年十项民生实事全部完成", "芜湖市", 2025, 2026, "completion")


def test_a_notice_naming_no_government_is_uncertain() -> None:
    (report,) = split_reports(read_source(ROOT / "tests" / "data" / "notice_minsheng_2025.html"))
    assert (report.region, report.plan_year, report.kind) == (None, 2025, "list")
    assert report.uncertain == ("region",) and report.identity_uncertain


def test_a_news_item_naming_no_government_gets_its_portal_region_as_a_guess() -> None:
    """"我省…民生实事全面完成" on 安徽新闻网 (来源：安徽日报): the site's province, marked uncertain."""
    (report,) = split_reports(read_source(PAGES / "province_minsheng_completed_news.txt"))
    assert (report.title, report.region, report.plan_year, report.kind) == \
        ("我省2025年十项民生实事全面完成", "安徽省", 2025, "completion")
    assert report.uncertain == ("region",) and report.identity_uncertain


def test_the_portal_never_overrides_what_the_text_says() -> None:
    (report,) = split_reports(read_source(PAGES / "city_news_on_provincial_portal.txt"))
    assert (report.region, report.uncertain) == ("宣城市", ())


def test_the_cli_files_the_portal_guess_and_shows_it_uncertain(tmp_path: Path, capsys) -> None:
    from tracker.cli.main import main

    db = str(tmp_path / "c.db")
    assert main(["--db", db, "import", str(PAGES / "province_minsheng_completed_news.txt")]) == 0
    notes = [line for line in capsys.readouterr().err.splitlines() if line.startswith("提示")]
    assert len(notes) == 1 and "安徽省" in notes[0]
    assert main(["--db", db, "reports", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["region"], row["plan_year"], row["kind"], row["identity_uncertain"]) == \
        ("安徽省", 2025, "completion", True)


def _news_page(site: str, source: str) -> str:
    """A news portal's page whose text says only 市 / 我市: the site names the government, if any."""
    return "\n".join([site, "首页 > 本地 > 民生", "市十项民生实事全部完成", "2026-01-10 08:00:00", f"来源：{source}",
                      "分享到：", "记者从市政府获悉，我市2025年十项民生实事已全部完成年度目标任务，累计完成投资12.5亿元。",
                      "全年改造城镇老旧小区40个，新增公办幼儿园学位2100个，新增公共停车泊位6000个。",
                      "【纠错】", "责任编辑：王珊", f"主办：{source}社 版权所有"]) + "\n"


@pytest.mark.parametrize("site, source, want", [
    ("芜湖新闻网", "芜湖日报", "芜湖市"),
    ("泾县融媒体中心", "泾县融媒体中心", "泾县"),
    ("中安在线", "安徽日报", "安徽省"),
    ("光明日报", "光明日报", None),           # a district's short name that is a word: no guess
    ("安徽新闻网", "芜湖日报", None),          # sites that disagree: no guess
    ("某某新闻网", "某某日报", None),
])
def test_a_site_name_is_a_region_guess_only(tmp_path: Path, site: str, source: str, want) -> None:
    page = tmp_path / "news.txt"
    page.write_text(_news_page(site, source), encoding="utf-8")
    (report,) = split_reports(read_source(page))
    assert (report.region, report.plan_year, report.kind, report.uncertain) == (want, 2025, "completion", ("region",))


def _text(body: str) -> SourceText:
    return SourceText(path="t.txt", text=body, sha256="", encoding="utf-8", lines=tuple(body.split("\n")))


def test_residue_is_recognised_wherever_it_stands() -> None:
    lines = ["某某县2025年政府工作报告", "各位代表：", "现在，我代表县人民政府向大会报告工作。",
             "县长张三作政府工作报告。（记者 李四 摄）",              # a caption inside the body
             "全县地区生产总值增长6%。", "来源：某某日报", "浏览次数：", "1024", "【打印】【关闭】",
             "相关阅读", "某某区2025年政府工作报告", "下一篇：某某县召开人代会", "主办单位：某某县人民政府办公室"]
    assert sorted(residue_lines(lines)) == [3, 5, 6, 7, 8, 9, 10, 11, 12]


def test_a_sidebar_above_the_article_keeps_the_article_title() -> None:
    lines = ["相关阅读", "某某区2025年政府工作报告", "某某市召开人代会", "政府工作报告", "来源：某某日报",
             "——2025年1月10日在某某县第十八届人民代表大会第五次会议上", "各位代表："]
    assert sorted(residue_lines(lines)) == [0, 1, 2, 4]


def test_a_title_repeated_under_the_page_is_no_second_report() -> None:
    body = "经济平稳增长，全年新增就业1000人，地区生产总值增长6%。" * 12
    text = ("某某县2025年政府工作报告\n各位代表：\n" + body + "\n打印本页\n关闭窗口\n"
            "某某县2025年政府工作报告\n各位代表：现在，我代表县人民政府向大会报告工作，请予审议。\n")
    (report,) = split_reports(_text(text))
    assert report.line_end == 3


@pytest.mark.parametrize("name, want", [
    ("云南", "云南省"), ("云南省", "云南省"), ("广西", "广西壮族自治区"), ("芜湖", "芜湖市"),
    ("安徽省芜湖市", "芜湖市"), ("酒泉市肃州区", "肃州区"), ("国务院", "国务院"), ("全国", "国务院"),
    (" 泾县 ", "泾县"), ("某某县", "某某县"),
])
def test_region_spellings_are_one_name(name: str, want: str) -> None:
    assert regions.canonical(name) == want


def test_a_one_character_county_needs_a_boundary() -> None:
    assert [n for _, _, n in regions.places_in("在泾县第十八届人民代表大会")] == ["泾县"]
    assert regions.places_in("贯彻会议精神和县委部署") == []


@pytest.mark.parametrize("form", ["html", "txt"])
def test_a_portal_copy_and_its_plan_give_suggestions_with_no_manual_step(tmp_path: Path, form: str) -> None:
    from tracker.importer import import_files
    from tracker.store import Store
    from tracker.verify import find_evidence

    plan = DEV / "provinces" / "fujian_2025.docx"
    page = tmp_path / f"福建日报网.{form}"
    sidebar = ["厦门市2026年政府工作报告", "泉州市鲤城区2026年政府工作报告（全文）"]
    maker = portal_html if form == "html" else portal_text
    page.write_text(maker(DEV / "provinces" / "fujian_2026.txt", "政府工作报告" if form == "html" else
                          "2026年福建省政府工作报告", "福建日报", sidebar), encoding="utf-8")
    with Store.open(tmp_path / "t.db") as store:
        import_files(store, [plan, page])
        assert sorted((r["region"], r["plan_year"]) for r in store.reports()) == [("福建省", 2025), ("福建省", 2026)]
        outcome = find_evidence(store, plan_year=2025)
        assert outcome.added > 0 and outcome.reviewable == outcome.checked
        assert outcome.message().startswith("找到 ")
