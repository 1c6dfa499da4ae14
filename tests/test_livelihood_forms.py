"""Every livelihood list form goes through the one enumeration detector; the stated count is checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_targets import source_of

from tracker.extract.enumeration import find_runs
from tracker.extract.livelihood import find_livelihood
from tracker.extract.pipeline import contract_json, extract_file, extract_source
from tracker.ingest.paragraphs import paragraphs
from tracker.model import LIVELIHOOD, PROJECT, Report

DATA = Path(__file__).parent / "data"
CN = "一二三四五六七八九十"
WORDS = ["新建幼儿园5所", "改造老旧小区20个", "新增停车位1000个", "新建公厕10座", "改造农村公路80公里",
         "新增养老床位500张", "建设口袋公园12个", "免费接种流感疫苗", "新增就业岗位3000个", "改造农贸市场6个"]


def lists_of(text: str, plan_year: int | None = 2025):
    src = source_of(text)
    report = Report("t", 1, len(src.lines), plan_year=plan_year)
    return find_livelihood(src, report, paragraphs(src, 1, len(src.lines)))


def livelihood_of(text: str, plan_year: int | None = 2025):
    return [c for c in lists_of(text, plan_year)[0] if c.kind == LIVELIHOOD]


def test_chinese_ordinals_inside_one_paragraph_after_prose():
    items = "".join(f"{CN[k] if k < 10 else '十' + CN[k - 10]}是{w}；" for k, w in enumerate(WORDS))
    text = ("办好十件民生实事。今年创新民生实事遴选机制，首次由人大代表票决。" + items[:-1] + "。"
            "我们要全力办好群众关心的大事小事。")
    found = livelihood_of(text)
    assert [c.number for c in found] == list(range(1, 11))
    assert found[0].text == "一是新建幼儿园5所" and found[9].text == "十是改造农贸市场6个"


def test_circled_numbers():
    text = "今年重点办好以下惠民实事：" + "".join(f"{chr(ord('①') + k)}{w}；" for k, w in enumerate(WORDS[:5]))
    assert [c.text for c in livelihood_of(text)] == [f"{chr(ord('①') + k)}{w}" for k, w in enumerate(WORDS[:5])]


def test_numbered_paragraphs_with_a_title_sentence_keep_the_whole_paragraph():
    text = ("继续实施好十方面民生实事。\n"
            + "\n".join(f"{k + 1}.第{k + 1}方面。{w}。再{w}。" for k, w in enumerate(WORDS))
            + "\n以上民生实事，我们将定点定责。")
    found = livelihood_of(text)
    assert len(found) == 10
    assert found[2].text == f"3.第3方面。{WORDS[2]}。再{WORDS[2]}"


def test_appendix_headings_with_target_paragraphs():
    body = "\n".join(f"{CN[k]}、{w}工程\n年度目标：{w}，年底前完成。" for k, w in enumerate(WORDS[:8]))
    text = "各位代表，让我们团结奋斗。\n附件\n2025年8件惠民实事\n" + body
    found = livelihood_of(text)
    assert [(c.number, c.text) for c in found] == [
        (k + 1, f"{CN[k]}、{w}工程\n年度目标：{w}，年底前完成") for k, w in enumerate(WORDS[:8])]
    assert [(c.value, c.unit, c.deadline) for c in found[:2]] == [(5, "所", "2025-12-31"), (20, "个", "2025-12-31")]


def test_headed_items_carry_the_annual_target_of_their_own_paragraph():
    """"1.城镇老旧小区改造" then "年度目标：…（牵头单位：…）": one row per item holding its target,
    and the target lines are no project rows of their own."""
    (rx,) = extract_file(DATA / "plan_headed_items_2025.txt").reports
    items = [c for c in rx.commitments if c.kind == LIVELIHOOD]
    assert [c.number for c in items] == list(range(1, 11))
    first, last = items[0], items[-1]
    assert first.text == "1.城镇老旧小区改造\n年度目标：新开工改造城镇老旧小区24个，惠及居民3100户。（牵头单位：县住建局）"
    assert (first.line, first.value, first.unit, first.comparator) == (12, 24, "个", ">=")
    assert last.text.endswith("完成食品安全抽检2600批次。（牵头单位：县市场监管局）")
    assert items[1].deadline == "2025-12-31"
    projects = [c.text for c in rx.commitments if c.kind == PROJECT]
    assert projects == ["全年实施重点项目120个", "完成投资85亿元以上", "青石大桥6月底前建成通车"]


def test_the_last_item_takes_no_paragraph_unlike_the_bodies_before_it():
    text = ("办好三件民生实事：\n" + "\n".join(f"{k + 1}.{w}工程\n年度目标：{w}。" for k, w in enumerate(WORDS[:3]))
            + "\n各位代表，新增就业岗位3000个是我们的承诺。")
    found = livelihood_of(text)
    assert found[-1].text == f"3.{WORDS[2]}工程\n年度目标：{WORDS[2]}"


def test_an_appendix_repeating_the_list_is_not_counted_twice():
    inline = "；".join(f"{CN[k]}是{w}" for k, w in enumerate(WORDS[:3]))
    text = (f"办好三件民生实事：{inline}。\n附件1\n2025年三件民生实事\n"
            + "\n".join(f"{CN[k]}、{w}。具体内容另见方案，涉及多个部门。" for k, w in enumerate(WORDS[:3])))
    items, lists = lists_of(text)
    assert [c.line for c in items] == [1, 1, 1]
    assert [x.found for x in lists] == [3, 0] and "repeats the list at line 1" in lists[1].note


def test_standalone_notice_page_with_numbered_lines():
    fx = extract_file(DATA / "notice_minsheng_2025.html")
    items = [c for rx in fx.reports for c in rx.commitments if c.kind == LIVELIHOOD]
    assert [c.number for c in items] == list(range(1, 11))
    assert items[0].text == "1 实施城镇老旧小区改造工程，改造老旧小区120个、惠及居民4.2万户"
    assert items[9].text.endswith("年底前全部投入使用")
    (summary,) = [x for rx in fx.reports for x in rx.lists]
    assert (summary.stated, summary.found, summary.note) == (10, 10, None)


def test_a_count_that_disagrees_with_the_list_is_noted_in_the_json():
    text = "切实办好5件惠民实事：\n" + "\n".join(f"（{k + 1}）{w}；" for k, w in enumerate(WORDS[:4]))
    src = source_of("2025年政府工作报告\n" + text)
    doc = contract_json([extract_source(src, plan_year=2025)])["documents"][0]
    assert [c["number"] for c in doc["commitments"] if c["kind"] == LIVELIHOOD] == [1, 2, 3, 4]
    assert doc["lists"][0]["stated"] == 5 and doc["lists"][0]["found"] == 4
    assert doc["notes"] == ["line 3: the header states 5 items, 4 found"]


def test_a_count_without_a_list_is_one_pledge():
    items, lists = lists_of("今年的工作安排\n今年继续实施10大类55项民生实事，涵盖就业、教育、医疗等领域。")
    assert [(c.kind, c.text, c.value) for c in items] == [(PROJECT, "今年继续实施10大类55项民生实事", 55.0)]
    assert lists[0].found == 0 and lists[0].stated == 55


@pytest.mark.parametrize("text", [
    # next year's list in a review of 2025 is no pledge of 2025
    "2026年十件民生实事：\n1.新建学校。\n2.新建医院。\n3.新建公园。",
    # a list of something else sits between the 实事 header and the run
    "提出了群众普遍关注的“三件为民实事”。\n强力推进“三件大事”：\n（一）建园区。\n（二）建新城。\n（三）建港口。",
    # past: 全面完成; a progress report on the list
    "去年的十件民生实事全面完成：\n1.新建学校。\n2.新建医院。",
    "关于2025年三件民生实事完成情况的报告\n1 新建学校已完工；\n2 新建医院已投用；\n3 新建公园已开放。",
])
def test_not_a_list_of_the_plan_year(text):
    assert livelihood_of(text) == []


def test_runs_are_consecutive_ordinals_of_one_style():
    src = source_of("甲：\n（1）一；\n（2）二；\n1.三\n（3）四；\n（5）五；")
    runs = find_runs(paragraphs(src, 1, len(src.lines)))
    assert [(r.style, [m.number for m in r.markers]) for r in runs] == [
        ("paren_arabic", [1, 2, 3]), ("arabic", [1])]


def test_unnumbered_items_split_where_the_count_agrees():
    found = livelihood_of("2025年3件民生实事：加大就业扶持力度，提高救助保障水平，推进托育服务建设。")
    assert [c.text for c in found] == ["加大就业扶持力度", "提高救助保障水平", "推进托育服务建设"]


def test_header_with_a_level_word_and_no_count_from_every():
    found = livelihood_of("接续办好3件市级重点民生实事，包括：完成老旧小区改造600个；治理堵点60处；新建公园10个。")
    assert len(found) == 3
    items, lists = lists_of("我们将用心用情办好每一件民生实事。\n四、全面提升政府治理水平\n"
                            "（一）突出政治引领。\n（二）树牢法治思维。")
    assert items == [] and lists == []


def test_news_page_lines_with_no_heading_around_them():
    lines = [f"{k + 1} 实施{w}工程；" for k, w in enumerate(WORDS)]
    text = "\n".join(["我市公布2025年十大民生实事", "发布时间：2025-02-20 来源：日报",
                      "记者从市政府新闻办获悉，今年项目经人大代表票决产生，总投资约46亿元。"] + lines)
    found = livelihood_of(text, plan_year=None)
    assert [c.text for c in found] == [line.rstrip("；") for line in lines]


def test_items_named_before_the_count():
    found = livelihood_of("用情用力做好民生实事。大力实施好自治区今年确定的大气环境整治、天然气利民管道扩建工程、"
                          "劳动者就业关爱帮扶等三件民生实事。各级政府要多办实事。")
    assert [c.text for c in found] == ["大气环境整治", "天然气利民管道扩建工程", "劳动者就业关爱帮扶"]


def test_unlabelled_bodies_and_the_closing_words_after_the_last_item():
    text = ("办好三件民生实事：\n"
            + "\n".join(f"{k + 1}.{w}工程\n今年要{w}，惠及群众2000户。" for k, w in enumerate(WORDS[:3]))
            + "\n各位代表，民生无小事，我们将一件一件抓落实，确保件件有着落。")
    found = livelihood_of(text)
    assert [c.text.split("\n")[1] for c in found] == [f"今年要{w}，惠及群众2000户" for w in WORDS[:3]]
    assert "各位代表" not in found[-1].text


def test_an_item_with_its_target_lists_on_one_line_each(tmp_path, capsys):
    """`tracker list` prints one line per row, also for an item spanning two paragraphs."""
    from tracker.cli.main import main
    db = tmp_path / "t.db"
    assert main(["--db", str(db), "import", str(DATA / "plan_headed_items_2025.txt")]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "list", "--kind", "livelihood"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 10 and "1.城镇老旧小区改造 年度目标：新开工改造城镇老旧小区24个" in out[0]
