"""Forms of a 主要预期目标 clause the development keys showed missed (issue 22): every target of
the clause is a row, so verification can say what became of it."""

from __future__ import annotations

import pytest

from tracker.extract.target_clauses import parse_clause


@pytest.mark.parametrize("clause, want", [
    # two targets joined by 、 in one clause
    ("城镇新增就业47万人左右、城镇调查失业率5.5%左右",
     [("城镇新增就业", 47, "万人", "城镇新增就业47万人左右"), ("城镇调查失业率", 5.5, "%", "城镇调查失业率5.5%左右")]),
    # short coordinated names share the last one's tail
    ("一、二、三产增加值分别增长3.5%以上、7%左右、5%以上",
     [("一产增加值", 3.5, "%", None), ("二产增加值", 7, "%", None), ("三产增加值", 5, "%", None)]),
    ("一产、二产、三产增加值分别增长5.5%左右、6%左右、5%左右",
     [("一产增加值", 5.5, "%", None), ("二产增加值", 6, "%", None), ("三产增加值", 5, "%", None)]),
    # qualitative: held steady, kept falling, kept reasonable, a comparison, the binding class
    ("粮食产量保持稳定", [("粮食产量", None, None, None)]),
    ("单位地区生产总值能耗保持下降", [("单位地区生产总值能耗", None, None, None)]),
    ("居民消费价格保持合理水平", [("居民消费价格", None, None, None)]),
    ("城镇常住居民人均可支配收入增速高于全国平均水平", [("城镇常住居民人均可支配收入增速", None, None, None)]),
    ("全面完成节能减排降碳和环境质量改善约束性指标", [("节能减排降碳和环境质量改善约束性指标", None, None, None)]),
])
def test_every_target_of_the_clause(clause, want):
    got = parse_clause(clause)
    assert [(t.indicator, t.value, t.unit) for t in got] == [w[:3] for w in want]
    for t, w in zip(got, want):
        if w[3]:
            assert clause[t.start:t.end] == w[3]
