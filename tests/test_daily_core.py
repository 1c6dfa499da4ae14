"""Issue 14 in the core: one vocabulary, search aliases, themes, the evidence outcome, CLI."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import DEV, ROOT, seed
from tracker.importer import import_files
from tracker.labels import (KIND_LABELS, STATUS_LABELS, UNMARKED_LABEL, kind_label, parse_kind,
                            status_label)
from tracker.model import KINDS, STATUSES
from tracker.search_terms import search_terms
from tracker.sheet import sheet_data
from tracker.store import Filter, Store
from tracker.store.marks import parse_status
from tracker.themes import OTHER, theme_of
from tracker.verify import find_evidence


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tracker", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)


# -- one vocabulary ----------------------------------------------------------------------
def test_every_kind_and_status_has_one_word():
    assert set(KIND_LABELS) == set(KINDS) and set(STATUS_LABELS) == set(STATUSES)
    words = list(KIND_LABELS.values()) + list(STATUS_LABELS.values()) + [UNMARKED_LABEL]
    assert len(set(words)) == len(words)
    assert status_label(None) == status_label("unmarked") == UNMARKED_LABEL


@pytest.mark.parametrize("word, status", [("未核实", "unknown"), ("未知", "unknown"),
                                          ("已完成", "done"), ("in-progress", "in_progress")])
def test_status_words_users_type(word, status):
    assert parse_status(word) == status


@pytest.mark.parametrize("word, kind", [("预期目标", "target"), ("主要预期目标", "target"),
                                        ("惠民实事", "livelihood"), ("project", "project")])
def test_kind_words_users_type(word, kind):
    assert parse_kind(word) == kind


def test_cli_and_sheet_say_the_app_words(tmp_path):
    db = tmp_path / "v.db"
    with Store.open(db) as store:
        import_files(store, [seed("001")])
        cid = store.query(Filter(kind="target"))[0]
        store.marks.mark([cid], "unknown")
        data = sheet_data(store, Filter())
    out = cli("list", "--db", str(db), "--kind", "预期目标", "--limit", "3").stdout
    assert kind_label("target") in out and "主要目标" not in out
    assert status_label("unknown") in cli("list", "--db", str(db), "--status", "未核实").stdout
    assert "未知" not in cli("mark", "--help").stdout
    assert any(g.kind == "target" for g in data.groups)
    assert status_label("unknown") == "未核实"


# -- search aliases ---------------------------------------------------------------------
@pytest.mark.parametrize("query, also", [("GDP", "生产总值"), ("国内生产总值", "GDP"),
                                         ("CPI", "居民消费价格"), ("居民消费价格", "CPI"),
                                         ("gdp增长", "生产总值增长")])
def test_search_terms_come_from_the_indicator_aliases(query, also):
    assert also in search_terms(query)


@pytest.mark.parametrize("word", ["农村公路", "经济增长"])
def test_search_terms_of_a_plain_or_loose_word_are_the_word(word):
    # 经济增长 is an alias the verify engine reads as GDP, too loose to widen a search.
    assert search_terms(word) == (word,)


def test_an_abbreviation_widens_to_the_full_name():
    assert "社会消费品零售额" in search_terms("社消零")


def test_search_by_abbreviation_finds_the_full_name(tmp_path):
    with Store.open(tmp_path / "s.db") as store:
        import_files(store, [DEV / "national_2013.txt"])
        literal = store.conn.execute("SELECT count(*) FROM commitments WHERE stale = 0 "
                                     "AND text LIKE '%国内生产总值%'").fetchone()[0]
        assert literal > 0
        assert store.count(Filter(text="GDP")) >= literal
        assert store.count(Filter(text="GDP", kind="target")) > 0


# -- themes -----------------------------------------------------------------------------
@pytest.mark.parametrize("heading, theme", [
    ("持续增加农民收入，建设富裕和谐新农村", "民生实事"),
    ("聚焦乡村振兴，推动农业农村现代化", "农业农村"),
    ("以森林复兴建设为重点，着力改善生态环境", "生态环境"),
    ("推动重要领域改革取得新突破", "改革开放"),
    ("今年经济社会发展的总体要求、主要预期目标", "主要预期目标"),
    ("迸发激情，埋头苦干，奋力夺取今年工作新胜利", OTHER),
])
def test_theme_of_a_heading(heading, theme):
    assert theme_of(heading) == theme


def test_themes_are_few_and_filter_in_sql(tmp_path):
    with Store.open(tmp_path / "t.db") as store:
        import_files(store, [seed(p) for p in ("000", "001", "002")])
        facets = store.facets()
        themes = dict(facets["themes"])
        assert len(themes) < len(facets["categories"])
        assert sum(themes.values()) == store.count(Filter()) - store.conn.execute(
            "SELECT count(*) FROM commitments WHERE stale = 0 AND category IS NULL").fetchone()[0]
        for name, n in themes.items():
            assert store.count(Filter(theme=name)) == n


# -- finding evidence -------------------------------------------------------------------
def test_outcome_counts_suggestions_and_commitments(tmp_path):
    with Store.open(tmp_path / "e.db") as store:
        import_files(store, [seed("000"), seed("001")])
        outcome = find_evidence(store)
        assert outcome.added > 0 and outcome.commitments == store.count(Filter(pending=True))
        assert outcome.message() == f"找到 {outcome.added} 条建议，涉及 {outcome.commitments} 条承诺"
        again = find_evidence(store)
        assert again.added == 0 and again.message().startswith("没有找到新的建议")
        assert store.stats(Filter())["pending"] == outcome.commitments


def test_outcome_without_a_later_report_names_region_and_year(tmp_path):
    db = tmp_path / "n.db"
    with Store.open(db) as store:
        import_files(store, [seed("001")])     # 肃州区's 2025 plan, nothing later
        outcome = find_evidence(store)
    assert outcome.added == 0 and outcome.reviewable == 0
    assert outcome.message() == ("没有找到建议：肃州区2025年的承诺还没有同一地区更晚年份的报告；"
                                 "请先导入下一年的政府工作报告")
    result = cli("suggest", "--db", str(db))
    assert result.returncode == 0 and outcome.message() in result.stdout


def test_suggestion_evidence_names_its_report(tmp_path):
    with Store.open(tmp_path / "r.db") as store:
        import_files(store, [seed("000"), seed("001")])
        find_evidence(store)
        cid = store.query(Filter(pending=True))[0]
        item = store.suggestions(cid)[0]["evidence"][0]
        titles = {r["title"] for r in store.reports()}
        assert item["report_title"] in titles and item["report_year"] == 2025
        store.evidence.accept(store.suggestions(cid)[0]["id"])
        assert store.history(cid)[0]["evidence_report"] == item["report_title"]
