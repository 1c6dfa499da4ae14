"""`tracker verify LIST COMPLETION_REPORT`: a standalone 实事 list against its completion report."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

LIST = "2025年市政府为民办实事项目\n\n1.新增城镇就业岗位10万个。\n2.新建公办幼儿园50所。\n3.改造城镇老旧小区300个。\n"
DONE = ("关于2025年市政府为民办实事项目完成情况的报告\n2025年，市政府3件为民实事全部完成。\n"
        "1.新增城镇就业岗位12.3万个。\n2.新建公办幼儿园52所，已全部投入使用。\n3.改造城镇老旧小区312个。\n")
NEXT = ("2026年政府工作报告\n一、2025年工作回顾\n过去一年，城市更新有序推进。\n二、2026年工作安排\n"
        "今年继续办好为民实事：3件为民实事全部完成后，再新建公办幼儿园50所。\n")


def _verify(tmp_path, plan: str, review: str) -> dict:
    (tmp_path / "list.txt").write_text(plan, encoding="utf-8")
    (tmp_path / "review.txt").write_text(review, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "tracker", "verify", str(tmp_path / "list.txt"),
                          str(tmp_path / "review.txt"), "--json"], capture_output=True, cwd=ROOT, check=True)
    return json.loads(out.stdout)


def test_standalone_list_against_its_completion_report(tmp_path):
    results = _verify(tmp_path, LIST, DONE)["results"]
    items = [r for r in results if r["commitment"]["kind"] == "livelihood"]
    assert [r["commitment"]["number"] for r in items] == [1, 2, 3]
    assert all(r["status"] == "done" for r in items)
    by_item = items[1]      # its own figure decides: 52 of the 50 kindergartens pledged
    assert "新建公办幼儿园52所" in by_item["reason"] and "承诺50所" in by_item["reason"]
    assert by_item["actual_value"] == 52 and by_item["evidence"][0]["period"] == "year"
    assert "新增城镇就业岗位12.3万个" in items[0]["reason"]      # a figure before the list-level claim


def test_next_years_list_is_not_evidence(tmp_path):
    # The claim sits in the review's own plan part (二、2026年工作安排): nothing is settled by it.
    results = _verify(tmp_path, LIST, NEXT)["results"]
    assert results and all(r["status"] == "unknown" for r in results)
