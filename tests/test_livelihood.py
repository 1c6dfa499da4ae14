"""tracker.extract.livelihood: numbered 惠民实事 / 为民实事 lists of the plan year."""

from __future__ import annotations

import json

import pytest
from conftest import KEYS, SEEDS
from test_targets import source_of

from tracker.ingest import read_source
from tracker.extract.livelihood import extract_livelihood
from tracker.model import Report
from tracker.ingest.paragraphs import paragraphs
from tracker.extract.segment import split_reports

GOLD = KEYS / "gold_seeds.json"


def items_of(text: str, plan_year: int | None = 2025):
    src = source_of(text)
    report = Report("t", 1, len(src.lines), plan_year=plan_year)
    paras = paragraphs(src, 1, len(src.lines))
    return extract_livelihood(src, report, paras, [None] * len(paras))


def test_numbered_lines():
    found = items_of("切实办好3件惠民实事：\n（1）新建幼儿园5所，改善办学条件；\n"
                     "（2）改造老旧小区20个。\n（3）新增停车位1000个。\n（4）这已不是实事。")
    assert [(c.number, c.text, c.line) for c in found] == [
        (1, "（1）新建幼儿园5所，改善办学条件", 2), (2, "（2）改造老旧小区20个", 3),
        (3, "（3）新增停车位1000个", 4)]
    assert all(c.kind == "livelihood" for c in found)


def test_two_items_on_one_line():
    found = items_of("全力抓好2件惠民实事。\n1.筹资3500万元，新建校舍。2.筹资340万元，新建村卫生室24个。")
    assert [(c.number, c.text, c.line) for c in found] == [
        (1, "1.筹资3500万元，新建校舍", 2), (2, "2.筹资340万元，新建村卫生室24个", 2)]


def test_items_marked_inside_prose():
    found = items_of("倾力办好“三件为民实事”：\n民以食为天。政府今年要把食品安全作为第一件为民实事。要加大投入。\n"
                     "充分就业区创建是今年的第二件为民实事，开发公益岗位；年内完成。\n"
                     "今年的第三件为民实事就是小游园建设。")
    assert [(c.number, c.text) for c in found] == [
        (1, "政府今年要把食品安全作为第一件为民实事"),
        (2, "充分就业区创建是今年的第二件为民实事，开发公益岗位"),
        (3, "今年的第三件为民实事就是小游园建设")]


def test_chinese_numbered_items_after_a_colon():
    found = items_of("今年重点办好以下为民实事：一是新建幼儿园5所；二是改造老旧小区20个；三是新增停车位1000个。")
    assert [c.number for c in found] == [1, 2, 3]
    assert found[1].text == "二是改造老旧小区20个"


def test_unnumbered_items_counted_by_the_header():
    found = items_of("这三件民生实事分别是：完成道路拓宽3.4公里；改造棚户区500套；改造农村危旧房2000户。")
    assert [(c.number, c.text) for c in found] == [
        (1, "完成道路拓宽3.4公里"), (2, "改造棚户区500套"), (3, "改造农村危旧房2000户")]


@pytest.mark.parametrize("text", [
    "去年承诺的10件惠民实事全部完成：\n1.新建学校。\n2.新建医院。",
    "圆满完成了为民办10件实事：1.新建学校；2.新建医院。",
    "这里，我再通报一下去年政府承诺的“为民办10件实事”的进展情况：北门所已建成；提供就业岗位已完成。",
    "坚持每年向社会公开承诺办理十件惠民实事，民生领域投入资金150多亿元。",
    "2023年十件惠民实事：\n1.新建学校。\n2.新建医院。",
    "切实办好民生实事。\n（一）加快产业发展\n1.推进工业。",
    "突出抓好十一件大事：\n1.推进工业。\n2.推进农业。",
    "形成了说了算、定了干的风气，营造了讲团结、干实事的氛围。\n1.推进工业。",
])
def test_not_a_list_of_the_plan_year(text):
    assert items_of(text) == []


def test_year_in_the_item_gives_a_deadline():
    found = items_of("办好1件惠民实事：\n（1）加大投入，年内投资800万元，改造公厕10座。", plan_year=2024)
    assert (found[0].deadline, found[0].deadline_text) == ("2024-12-31", "年内")


def _gold_items(name: str) -> list[dict]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    f = next(f for f in gold["files"] if f["file"] == name)
    return [item for r in f["reports"] for item in r.get("livelihood", [])]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_lists_match_the_answer_key(prefix):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    src = read_source(path)
    found = []
    for report in split_reports(src):
        paras = paragraphs(src, report.line_start, report.line_end)
        found += extract_livelihood(src, report, paras, [None] * len(paras))
    gold = _gold_items(path.name)
    assert [(c.number, c.line) for c in found] == [(g["number"], g["line"]) for g in gold]
    for c, g in zip(found, gold):
        assert c.text.replace(" ", "") == g["plan_quote"].replace(" ", "")
        assert src.text[c.start:c.end] == c.text


def test_numbered_sections_after_a_mention_are_not_items():
    section = "加快发展现代农业。" + "推进高标准农田建设，完善农田水利设施，提高农业综合生产能力。" * 20
    text = f"全力办好十件民生实事。\n1.{section}\n2.{section}"
    assert items_of(text) == []


def test_为民办实事_header_with_a_colon():
    found = items_of("今年继续为民办实事：\n1.新建幼儿园5所。\n2.改造道路10公里。")
    assert [c.number for c in found] == [1, 2]


def test_为民办实事_as_a_slogan_is_no_header():
    assert items_of("我们坚持为民办实事，取得成效。\n1.新建学校。") == []


def test_promised_list_of_the_plan_year():
    found = items_of("今年政府向社会承诺的民生实事分别是：\n1.新建幼儿园5所。\n2.改造道路10公里。")
    assert [c.number for c in found] == [1, 2]
