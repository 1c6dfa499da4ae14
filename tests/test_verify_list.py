"""`tracker verify LIST COMPLETION_REPORT`: a standalone 实事 list against its completion report."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

DATA = ROOT / "tests" / "data"

LIST = "2025年市政府为民办实事项目\n\n1.新增城镇就业岗位10万个。\n2.新建公办幼儿园50所。\n3.改造城镇老旧小区300个。\n"
# Item 1 only by the claim about the whole list, item 2 by words, item 3 by its figure.
DONE = ("关于2025年市政府为民办实事项目完成情况的报告\n2025年，市政府3件为民实事全部完成。\n"
        "2.新建公办幼儿园的任务，已全部投入使用。\n3.改造城镇老旧小区312个。\n")
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
    by_item = items[1]
    assert "已全部投入使用" in by_item["reason"] and by_item["evidence"][0]["period"] == "year"
    by_list = items[0]
    assert by_list["reason"].startswith("后续报告所称") and "3件为民实事全部完成" in by_list["reason"]
    assert items[2]["actual_value"] == 312      # the item carries its figure: 300个


def test_next_years_list_is_not_evidence(tmp_path):
    # The claim sits in the review's own plan part (二、2026年工作安排): nothing is settled by it.
    results = _verify(tmp_path, LIST, NEXT)["results"]
    assert results and all(r["status"] == "unknown" for r in results)


# A city's standalone notice of its ten 民生实事 (a portal page, numbered "1.…" paragraphs with
# their 牵头单位) and the news item reporting their completion the next January: per-item
# sentences, most with the item's figures, one item only in words, one short of its target,
# one not named at all (the list-level claim covers it).
NOTICE = DATA / "lanjiang_minsheng_2025.html"
COMPLETION = DATA / "lanjiang_minsheng_done_2026.html"
WANT = {1: "done", 2: "done", 3: "done", 4: "done", 5: "done", 6: "partial", 7: "done", 8: "done",
        9: "done", 10: "done"}


def test_standalone_list_item_by_item_against_its_completion_news(tmp_path):
    out = subprocess.run([sys.executable, "-m", "tracker", "verify", str(NOTICE), str(COMPLETION), "--json"],
                         capture_output=True, cwd=ROOT, check=True)
    items = {r["commitment"]["number"]: r for r in json.loads(out.stdout)["results"]
             if r["commitment"]["kind"] == "livelihood"}
    assert {n: r["status"] for n, r in items.items()} == WANT
    # each item by its own figures, quoted against what was pledged
    assert "改造城镇老旧小区91个（承诺86个）" in items[1]["reason"] and items[1]["actual_value"] == 91
    assert "新增养老床位936张（承诺900张）" in items[3]["reason"]
    assert "城镇新增就业2.95万人（承诺2.8万人）" in items[7]["reason"]
    # short of one quantity: partial, with the share done
    assert items[6]["progress"] == 0.8 and "完成承诺的80%" in items[6]["reason"]
    # words about the item itself, then the list-level claim for the item the news does not name
    assert "“两癌”筛查工作全面完成" in items[8]["reason"]
    assert "整治提升背街小巷126条" in items[9]["reason"]
    for r in items.values():
        assert r["evidence"] and all(e["period"] == "year" for e in r["evidence"])


def test_standalone_list_in_the_store_gets_a_suggestion_per_item(tmp_path):
    from tracker.importer import import_files
    from tracker.store import Filter, Store
    from tracker.verify import find_evidence

    store = Store.open(tmp_path / "s.db")
    import_files(store, [NOTICE, COMPLETION])
    outcome = find_evidence(store)
    items = {store.commitment(i)["number"]: i for i in store.query(Filter(kind="livelihood"))}
    assert sorted(items) == list(range(1, 11))
    got = {n: store.suggestions(cid)[0]["status"] for n, cid in items.items()}
    assert got == WANT and outcome.commitments == 10
    store.close()
