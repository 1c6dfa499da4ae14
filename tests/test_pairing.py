"""Which report reviews which plan (tracker/pairing.py): one region whatever its spelling."""

from __future__ import annotations

import pytest

from tracker.pairing import can_review, ranked_reviews, same_region


@pytest.mark.parametrize("a, b, same", [
    ("云南", "云南省", True), ("广西", "广西壮族自治区", True), ("酒泉市肃州区", "肃州区", True),
    ("肃州区", "肃州区", True), ("肃州区", "复兴区", False), (None, "肃州区", False), ("区", "复兴区", False),
    ("国务院", "全国", True), ("芜湖", "芜湖市", True),
])
def test_same_region(a, b, same) -> None:
    assert same_region(a, b) is same


PLAN = {"id": 1, "region": "福建省", "plan_year": 2025, "report_year": 2025, "kind": "plan"}


@pytest.mark.parametrize("other, reviews", [
    ({"id": 2, "region": "福建", "plan_year": 2026, "report_year": 2026, "kind": "plan"}, True),
    ({"id": 2, "region": "福建省", "plan_year": 2026, "report_year": None, "kind": "plan"}, True),  # undated
    ({"id": 2, "region": "福建省", "plan_year": 2025, "report_year": 2025, "kind": "plan"}, False),
    ({"id": 2, "region": "福建省", "plan_year": 2025, "report_year": 2025, "kind": "completion"}, True),
    ({"id": 2, "region": "福建省", "plan_year": 2024, "report_year": 2025, "kind": "completion"}, False),
    ({"id": 2, "region": "北京市", "plan_year": 2026, "report_year": 2026, "kind": "plan"}, False),
    ({"id": 2, "region": "福建省", "plan_year": 2026, "report_year": 2026, "kind": "plan", "dropped": True}, False),
    ({"id": 1, "region": "福建省", "plan_year": 2026, "report_year": 2026, "kind": "plan"}, False),
])
def test_can_review(other, reviews) -> None:
    assert can_review(PLAN, other) is reviews


def test_candidates_nearest_region_and_year_first() -> None:
    others = [{"id": 2, "region": "北京市", "plan_year": 2026, "report_year": 2026, "kind": "plan"},
              {"id": 3, "region": "福建省", "plan_year": 2024, "report_year": 2024, "kind": "plan"},
              {"id": 4, "region": None, "plan_year": 2026, "report_year": 2026, "kind": "plan"},
              {"id": 5, "region": "福建", "plan_year": 2026, "report_year": 2026, "kind": "plan"},
              {"id": 6, "region": "福建省", "plan_year": 2026, "report_year": 2026, "kind": "plan", "dropped": True}]
    assert [r["id"] for r in ranked_reviews(PLAN, [PLAN] + others)] == [5, 3, 2, 4]
