"""Across the years, on the real national reports 2012-2014 and the provinces' 2025 plans with
their 2026 reports: indicator series, carry-over flags (延续 上调 下调 不再提及), the CLI."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import DEV, NATIONAL
from tracker.cli.main import main
from tracker.extract import extract_file
from tracker.history.carried import carried_report, links_between
from tracker.history.series import indicators, series
from tracker.importer import import_files, reextract
from tracker.store import Filter, Store

PROVINCES = DEV / "provinces"


@pytest.fixture
def national(national_db, tmp_path):
    """A private copy of the national store (tests may mark)."""
    path = tmp_path / "n.db"
    shutil.copy(national_db, path)
    with Store.open(path) as s:
        yield s


@pytest.fixture(scope="module")
def anhui_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("anhui") / "a.db"
    with Store.open(path) as s:
        import_files(s, [PROVINCES / "anhui_2025.docx", PROVINCES / "anhui_2026.txt"])
    return path


@pytest.fixture
def anhui(anhui_db):
    with Store.open(anhui_db) as s:
        yield s


@pytest.mark.parametrize("path", NATIONAL, ids=lambda p: p.stem)
def test_a_national_report_is_the_state_councils(path):
    reports = extract_file(path).reports
    assert [r.report.region for r in reports] == ["国务院"]


@pytest.mark.parametrize("name, region", [("anhui_2026.txt", "安徽省"),
                                          # "——2025年1月21日在宁夏回族自治区第十三届…": not "日在宁夏…"
                                          ("ningxia_2025.docx", "宁夏回族自治区"),
                                          ("guangxi_2025.docx", "广西壮族自治区")])
def test_a_provincial_report_keeps_its_province(name, region):
    assert extract_file(PROVINCES / name).reports[0].report.region == region


def test_gdp_series_targets_and_actuals_from_the_next_reports(national):
    s = series(national, "国务院", "国内生产总值")
    assert s.indicator == "地区生产总值"
    assert [p.year for p in s.points] == [2012, 2013, 2014]
    assert [p.value for p in s.points] == [7.5, 7.5, 7.5]
    assert [p.actual_value for p in s.points] == [7.8, 7.7, None]
    assert [p.verdict for p in s.points] == ["met", "met", "unknown"]
    assert [p.evidence_document for p in s.points[:2]] == ["national_2013.txt", "national_2014.txt"]
    assert "7.7%" in s.points[1].evidence_text
    assert [p.source for p in s.points] == ["auto", "auto", None]


def test_an_alias_names_the_same_series(national):
    assert [p.commitment_id for p in series(national, "国务院", "GDP").points] == \
           [p.commitment_id for p in series(national, "国务院", "国内生产总值").points]


def test_the_users_mark_wins_over_a_suggestion(national):
    point = series(national, "国务院", "国内生产总值").points[0]
    national.marks.mark([point.commitment_id], "not_done", note="按可比价格复核", actual_value=7.4,
                  evidence_text="复核数据")
    after = series(national, "国务院", "国内生产总值").points[0]
    assert (after.verdict, after.actual_value, after.source, after.evidence_text) == \
           ("missed", 7.4, "user", "复核数据")


def test_a_rejected_suggestion_leaves_the_point_unknown(national):
    cid = series(national, "国务院", "国内生产总值").points[1].commitment_id
    for s in national.suggestions(cid):
        national.evidence.reject(s["id"])
    assert series(national, "国务院", "国内生产总值").points[1].verdict == "unknown"


def test_indicators_of_a_region_most_years_first(national):
    names = dict(indicators(national, "国务院"))
    assert names["地区生产总值"] == 3 and names["城镇新增就业"] == 3 and names["居民消费价格"] == 3


def test_national_employment_target_raised_in_2014(national):
    data = carried_report(national, "国务院", 2013)
    raised = [(i["text"], i["next_text"]) for i in data["raised"]]
    assert ("城镇新增就业900万人以上", "城镇新增就业1000万人以上") in raised
    kept = [i["text"] for i in data["carried"]]
    assert "国内生产总值增长7.5%左右" in kept


def test_province_growth_target_lowered_and_trade_raised(anhui):
    data = carried_report(anhui, "安徽省", 2025)
    lowered = {i["indicator"]: (i["target"], i["next_target"]) for i in data["lowered"]}
    assert lowered["地区生产总值"] == ("增长5.5%以上", "增长5%–5.5%")
    assert lowered["社会消费品零售总额"] == ("增长5.5%左右", "增长4%左右")
    assert {i["indicator"] for i in data["raised"]} == {"进出口总额"}


def test_targets_not_restated_are_dropped(anhui):
    dropped = {i["indicator"] for i in carried_report(anhui, "安徽省", 2025)["dropped"]}
    assert {"固定资产投资", "规模以上工业增加值", "全员劳动生产率", "粮食产量"} <= dropped
    # 粮食播种面积 is targeted again in 2026 (same clause kind, another sentence).
    assert "粮食播种面积" not in dropped
    assert "地区生产总值" not in dropped


def test_same_target_with_another_index_name_is_carried(anhui):
    carried = {i["indicator"]: i["next_text"] for i in carried_report(anhui, "安徽省", 2025)["carried"]
               if i["kind"] == "target"}
    assert carried["居民消费价格"] == "居民消费价格指数上涨2%左右"   # 涨幅2% and 上涨2%: one figure
    assert carried["城镇新增就业"] == "城镇新增就业68万人左右"


def test_pledges_restated_word_for_word_or_with_new_figures_are_carried_both_ways(anhui):
    data = carried_report(anhui, "安徽省", 2025)
    pairs = {i["text"]: i["next_text"] for i in data["carried"] if i["kind"] != "target"}
    assert pairs["新培育科技型中小企业3000家以上"] == "新培育科技型中小企业3000家以上"
    assert pairs["新改建农村公路2600公里"] == "新改建农村公路1500公里"
    assert pairs["更新改造城市地下管网4500公里"] == "更新改造城市地下管网3600公里"
    item = next(i for i in data["carried"] if i["text"] == "新改建农村公路2600公里")
    back = anhui.carry_links(item["next_id"])
    assert [(b["side"], b["flag"], b["other_id"]) for b in back] == [("previous", "carried", item["id"])]
    assert anhui.carry_labels([item["id"], item["next_id"]]) == {item["id"]: "延续至2026",
                                                                 item["next_id"]: "延续自2025"}


def test_a_one_off_pledge_is_never_dropped_and_unrelated_ones_never_pair(anhui):
    data = carried_report(anhui, "安徽省", 2025)
    assert all(i["kind"] == "target" for i in data["dropped"])
    texts = {i["text"] for i in data["carried"]}
    assert "完成湿地保护修复工程12处" not in texts     # not in the 2026 plan


def test_pairing_is_one_to_one():
    plan = [{"id": 1, "kind": "project", "text": "新建农村公路100公里"},
            {"id": 2, "kind": "project", "text": "新建农村公路200公里"}]
    later = [{"id": 9, "kind": "project", "text": "新建农村公路300公里"}]
    assert [(k["from_id"], k["to_id"]) for k in links_between(plan, later)] == [(1, 9)]


def test_carry_filter_in_sql(anhui):
    lowered = anhui.query(Filter(region="安徽省", carry="lowered"))
    texts = {anhui.commitment(i)["text"] for i in lowered}
    assert "全省地区生产总值增长5.5%以上" in texts and "全省地区生产总值增长5%—5.5%" in texts
    assert anhui.count(Filter(carry="dropped", year=2026)) == 0


def test_links_come_with_the_import_and_survive_reextraction(tmp_path):
    with Store.open(tmp_path / "r.db") as s:
        import_files(s, [PROVINCES / "anhui_2025.docx"])
        assert s.count(Filter(carry="carried")) == 0
        import_files(s, [PROVINCES / "anhui_2026.txt"])
        before = s.count(Filter(carry="carried"))
        assert before > 10
        reextract(s)
        assert s.count(Filter(carry="carried")) == before


def test_cli_series_json(national_db, capsys):
    assert main(["--db", str(national_db), "series", "--region", "国务院", "--indicator", "国内生产总值",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(p["year"], p["value"], p["actual_value"], p["verdict"]) for p in data["points"]] == \
           [(2012, 7.5, 7.8, "met"), (2013, 7.5, 7.7, "met"), (2014, 7.5, None, "unknown")]


def test_cli_series_text_in_the_apps_words(national_db, capsys):
    assert main(["--db", str(national_db), "series", "--region", "国务院", "--indicator", "GDP"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("全国 · 国内生产总值") and "已完成" in out and "未标记" in out
    assert "2013年国务院政府工作报告" in out and " 第" in out and ".txt" not in out


def test_cli_carried_json_and_text(national_db, capsys):
    assert main(["--db", str(national_db), "carried", "--region", "国务院", "--year", "2012", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["year"], data["next_year"]) == (2012, 2013)
    assert any(i["indicator"] == "居民消费价格" for i in data["lowered"])   # 4% -> 3.5%
    assert main(["--db", str(national_db), "carried", "--region", "国务院", "--year", "2012"]) == 0
    assert "下调（1）" in capsys.readouterr().out


@pytest.mark.parametrize("args, fragment", [
    (["series", "--region", "火星", "--indicator", "GDP"], "火星"),
    (["series", "--region", "国务院", "--indicator", "粮食产量"], "粮食产量"),
])
def test_cli_series_errors_are_one_line(national_db, capsys, args, fragment):
    assert main(["--db", str(national_db), *args]) == 1
    err = capsys.readouterr().err.strip()
    assert fragment in err and "\n" not in err


def test_cli_list_carry_filter(national_db, capsys):
    assert main(["--db", str(national_db), "list", "--carry", "上调", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["text"] for r in rows} >= {"城镇新增就业900万人以上", "城镇新增就业1000万人以上"}


def test_sheet_carries_the_flags_and_the_series_page(national_db, tmp_path):
    from tracker.sheet import sheet_data, write_data

    with Store.open(national_db) as s:
        data = sheet_data(s, Filter(), series=True, with_suggestions=True)
        confirmed_only = sheet_data(s, Filter(), series=True)
        plain = sheet_data(s, Filter())
    assert plain.series == ()
    # The national series as a reader names it; the sheet's own status words; 2012's text says
    # "国内生产总值增长7．5%": the target reads as written, with no 以上.
    gdp = next(t for t in data.series if t.indicator == "国内生产总值")
    assert gdp.region == "全国"
    assert [r[:5] for r in gdp.rows] == [("2012", "增长7.5%", "7.8%", "已完成（待确认）", ""),
                                         ("2013", "增长7.5%左右", "7.7%", "已完成（待确认）", "延续"),
                                         ("2014", "增长7.5%左右", "", "未标记", "延续")]
    assert "2014国务院政府工作报告" in gdp.rows[1][5] and ".txt" not in gdp.rows[1][5]
    # The official sheet prints no outcome a person did not confirm.
    gdp = next(t for t in confirmed_only.series if t.indicator == "国内生产总值")
    assert [r[2:4] for r in gdp.rows] == [("", "未标记"), ("", "未标记"), ("", "未标记")]
    rows = {r.text: r for r in data.rows}
    assert rows["城镇新增就业1000万人以上"].carry == "较2013年上调"
    assert rows["居民消费价格涨幅控制在4%左右"].carry == "2013年下调"
    out = write_data(data, tmp_path / "s.csv")
    header, *lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert header.split(",")[-2:] == ["跨年", "编号"]
    for suffix in (".pdf", ".html", ".xlsx"):
        assert write_data(data, tmp_path / f"s{suffix}").stat().st_size > 1000
    assert "指标历年" in (tmp_path / "s.html").read_text(encoding="utf-8")


def test_an_energy_intensity_target_is_not_the_growth_target():
    """单位地区生产总值能耗 names 地区生产总值 inside it; it is another indicator."""
    plan = [{"id": 1, "kind": "target", "indicator": "单位地区生产总值能耗", "measure": "growth",
             "value": 2.0, "unit": "%", "direction": "decrease", "text": "单位地区生产总值能耗下降2%左右"},
            {"id": 2, "kind": "target", "indicator": "国际收支状况", "measure": "qualitative",
             "text": "国际收支状况进一步改善"}]
    later = [{"id": 9, "kind": "target", "indicator": "地区生产总值", "measure": "growth", "value": 5.0,
              "unit": "%", "text": "地区生产总值增长5%以上"},
             {"id": 8, "kind": "target", "indicator": "国际收支", "measure": "qualitative",
              "text": "国际收支基本平衡"}]
    links = {k["from_id"]: (k["to_id"], k["flag"]) for k in links_between(plan, later)}
    assert links == {1: (None, "dropped"), 2: (8, "carried")}


def test_a_plan_year_set_by_hand_moves_the_links(tmp_path, capsys):
    path = tmp_path / "y.db"
    with Store.open(path) as s:
        import_files(s, NATIONAL[:2])
        assert s.count(Filter(carry="raised")) == 0 and s.count(Filter(carry="lowered")) == 2
        later = next(r["id"] for r in s.reports() if r["plan_year"] == 2013)
    # 2013's report said to be for 2015: 2012 and 2015 are no consecutive plans.
    assert main(["--db", str(path), "set-year", str(later), "2015"]) == 0
    with Store.open(path) as s:
        assert s.count(Filter(carry="lowered")) == 0 and s.count(Filter(carry="carried")) == 0
    assert main(["--db", str(path), "set-year", str(later), "none"]) == 0
    with Store.open(path) as s:
        assert s.count(Filter(carry="lowered")) == 2


@pytest.mark.parametrize("name, year", [
    ("guizhou_2025.docx", 2025),   # "一、2024年工作回顾 … 今年是…" in a report dated 2025
    ("hainan_2026.txt", 2026),     # "一、2025年和“十四五”时期工作回顾 刚刚过去的2025年，是…"
])
def test_plan_year_after_a_review_of_the_year_before(name, year):
    assert extract_file(PROVINCES / name).reports[0].report.plan_year == year


def test_livelihood_items_restated_next_year_are_carried(tmp_path):
    """贵州's numbered 民生实事: 2025's (7), (8), (10) are 2026's (6), (8), (10), some with new figures."""
    with Store.open(tmp_path / "g.db") as s:
        import_files(s, [PROVINCES / "guizhou_2025.docx", PROVINCES / "guizhou_2026.txt"])
        data = carried_report(s, "贵州省", 2025)
    pairs = {(i["text"][:3], (i["next_text"] or "")[:3]) for i in data["carried"] if i["kind"] == "livelihood"}
    assert {("（7）", "（6）"), ("（8）", "（8）"), ("（10", "（10")} <= pairs
    # (5) 农村消防 of 2025 has no counterpart: (5) of 2026 is 地质灾害避险搬迁.
    assert not any(i["text"].startswith("（5）") for i in data["carried"])


@pytest.mark.parametrize("args, fragment", [
    (["carried", "--region", "火星", "--year", "2013"], "火星"),
    (["carried", "--region", "国务院", "--year", "2014"], "2015"),    # no 2015 plan to compare with
    (["carried", "--region", "国务院", "--year", "2010"], "2012, 2013, 2014"),
])
def test_cli_carried_errors_are_one_line(national_db, capsys, args, fragment):
    assert main(["--db", str(national_db), *args]) == 1
    err = capsys.readouterr().err.strip()
    assert fragment in err and "\n" not in err


def test_a_users_mark_wins_over_a_later_automatic_event(national):
    cid = series(national, "国务院", "国内生产总值").points[1].commitment_id
    national.marks.mark([cid], "not_done", actual_value=7.0)
    national.marks.mark([cid], "done", actual_value=7.7, source="auto")
    assert series(national, "国务院", "国内生产总值").points[1].actual_value == 7.0


def _cpi(store, year):
    return next(i for i in store.query(Filter(kind="target", year=year))
                if store.commitment(i)["indicator"] == "居民消费价格涨幅")


def test_a_corrected_target_value_moves_its_flags(national_db, tmp_path):
    path = tmp_path / "c.db"
    shutil.copy(national_db, path)
    with Store.open(path) as s:
        cid = _cpi(s, 2013)            # 3.5% after 4% in 2012, before 3.5% in 2014
        assert {k["flag"] for k in s.carry_links(cid)} == {"lowered", "carried"}
    assert main(["--db", str(path), "correct", str(cid), "value=5"]) == 0
    with Store.open(path) as s:
        assert {(k["side"], k["flag"]) for k in s.carry_links(cid)} == {("previous", "raised"),
                                                                        ("next", "lowered")}


def test_an_item_marked_not_a_commitment_leaves_its_links(national_db, tmp_path):
    path = tmp_path / "d.db"
    shutil.copy(national_db, path)
    with Store.open(path) as s:
        cid = _cpi(s, 2013)
    assert main(["--db", str(path), "drop", str(cid)]) == 0
    with Store.open(path) as s:
        assert s.carry_links(cid) == []
        # 2012's 4% now has no 2013 CPI target to pair with.
        assert [k["flag"] for k in s.carry_links(_cpi(s, 2012))] == ["dropped"]
