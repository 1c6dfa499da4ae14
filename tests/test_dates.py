"""Deadline phrases: the last day of the period named, in the plan year."""

import pytest

from tracker.extract.dates import find_deadline, parse_deadline


@pytest.mark.parametrize("text, iso, words", [
    ("力争3月份开工建设", "2025-03-31", "3月份"),
    ("确保世纪大桥7月份建成通车", "2025-07-31", "7月份"),
    ("力争市一中分校、正大路小学8月底建成招生", "2025-08-31", "8月底"),
    ("2月底前完成", "2025-02-28", "2月底前"),
    ("十月底前建成", "2025-10-31", "十月底前"),
    ("三月份开工", "2025-03-31", "三月份"),
    ("7月建成通车", "2025-07-31", "7月"),
    ("6月上旬开工", "2025-06-10", "6月上旬"),
    ("6月中旬开工", "2025-06-20", "6月中旬"),
    ("6月下旬开工", "2025-06-30", "6月下旬"),
    ("3至5月份集中整治", "2025-05-31", "3至5月份"),
    ("肃州博物馆年底前向公众开放", "2025-12-31", "年底前"),
    ("年内签约重点项目300个以上", "2025-12-31", "年内"),
    ("今年内全部完工", "2025-12-31", "今年内"),
    ("年底完成改造", "2025-12-31", "年底"),
    ("年末建成", "2025-12-31", "年末"),
    ("市磷肥厂上半年实现宣告破产", "2025-06-30", "上半年"),
    ("下半年开工", "2025-12-31", "下半年"),
    ("三季度投用", "2025-09-30", "三季度"),
    ("第三季度完成", "2025-09-30", "第三季度"),
    ("一季度末完成", "2025-03-31", "一季度末"),
    ("第4季度", "2025-12-31", "第4季度"),
    ("前三季度完成", "2025-09-30", "前三季度"),
    ("6月30日前完成", "2025-06-30", "6月30日前"),
    ("12月31日前完成", "2025-12-31", "12月31日前"),
    ("10月1日开园", "2025-10-01", "10月1日"),
    ("国庆节前建成", "2025-10-01", "国庆节前"),
    ("五一前开放", "2025-05-01", "五一前"),
    ("２０２６年６月", "2026-06-30", "２０２６年６月"),
    ("2026年底建成", "2026-12-31", "2026年底"),
    ("2027年前完成", "2027-12-31", "2027年前"),
    ("2026.3.15前", "2026-03-15", "2026.3.15"),
    ("计划2月开工", "2025-02-28", "2月"),
])
def test_deadline_phrases(text, iso, words):
    found = parse_deadline(text, 2025)
    assert found is not None
    assert found == (iso, words)


@pytest.mark.parametrize("text", [
    "全年接待游客120万人次",          # 全年 = over the year, not a deadline
    "确保恒信路等4所幼儿园按期建成招生",
    "确保2025年428户地灾搬迁对象如期搬进新家园",   # a bare year names no date
    "力争五年内主要经济指标翻一番",
    "1-11月,全区完成固定资产投资",    # a review period, not a deadline
    "二〇二五年",
    "6个月内完成",
    "坚持一月一调度、一季一通报",
    "截至去年底",                      # last year's end is not a deadline
    "在2024年的基础上增加20%",
    "",
])
def test_not_deadlines(text):
    assert parse_deadline(text, 2025) is None


def test_leap_year_month_end():
    assert parse_deadline("2月底", 2024) == ("2024-02-29", "2月底")


def test_no_plan_year_keeps_words_without_date():
    assert parse_deadline("力争3月份开工建设", None) == (None, "3月份")
    assert parse_deadline("年底前完成", None) == (None, "年底前")


def test_own_year_needs_no_plan_year():
    assert parse_deadline("到2026年底前建成", None) == ("2026-12-31", "2026年底前")


def test_spring_festival_has_words_but_no_date():
    assert parse_deadline("春节前发放到位", 2025) == (None, "春节前")


def test_impossible_date_gives_no_iso():
    assert parse_deadline("2月30日前", 2025) == (None, "2月30日前")


def test_first_phrase_wins_and_offsets_point_into_text():
    text = "力争3月份开工建设，年底前建成"
    iso, words, start, end = find_deadline(text, 2025)
    assert (iso, words) == ("2025-03-31", "3月份")
    assert text[start:end] == words


def test_full_width_digits():
    assert parse_deadline("力争８月底建成", 2025) == ("2025-08-31", "８月底")
