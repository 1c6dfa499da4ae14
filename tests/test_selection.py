"""Prefill of a hand-picked text (添加为承诺): the extractor's clause rules read its fields."""

from __future__ import annotations

import pytest

from tracker.extract.selection import prefill


@pytest.mark.parametrize("text, kind, indicator, value, unit, comparator", [
    ("地区生产总值增长6%左右", "target", "地区生产总值", 6.0, "%", "≈"),
    ("城镇新增就业1.2万人以上", "target", "城镇新增就业", 1.2, "万人", ">="),
    ("居民消费价格涨幅控制在3%以内", "target", "居民消费价格涨幅", 3.0, "%", "<="),
    ("居民消费价格涨幅控制在省市规定目标以内", "target", "居民消费价格涨幅", None, None, None),
    ("新建5G基站1200个", "project", None, 1200.0, "个", ">="),
    ("推进老旧小区改造", "project", None, None, None, None),
    ("全面建成中水管线、进厂主线道路、110KV启备电源等配套基础设施工程", "project", None, None, None, None),
])
def test_kind_and_figures(text, kind, indicator, value, unit, comparator):
    f = prefill(text, 2025)
    assert (f["kind"], f["indicator"], f["value"], f["unit"], f["comparator"]) == \
        (kind, indicator, value, unit, comparator)


@pytest.mark.parametrize("text, deadline, words", [
    ("年底前建成城市书房10处", "2025-12-31", "年底前"),
    ("确保世纪大桥7月份建成通车", "2025-07-31", "7月份"),
    ("力争三季度完工", "2025-09-30", "三季度"),
])
def test_deadline_is_read_in_the_plan_year(text, deadline, words):
    f = prefill(text, 2025)
    assert (f["kind"], f["deadline"], f["deadline_text"]) == ("project", deadline, words)


def test_a_numbered_item_is_livelihood_and_a_given_kind_wins():
    f = prefill("（3）新建城市书房10处，6月底前投入使用", 2025)
    assert (f["kind"], f["number"], f["value"], f["deadline"]) == ("livelihood", 3, 10.0, "2025-06-30")
    assert prefill("地区生产总值增长6%左右", 2025, "project")["kind"] == "project"
    assert prefill("确保世纪大桥7月份建成通车", None)["deadline"] is None
