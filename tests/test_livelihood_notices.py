"""Standalone 民生实事 notices whose items are numbered in Chinese (issues 21 and 23).

A city's list published on its own (tests/data/lists: 一、 headings under a letterhead, （一） items
inside an 实施方案's sections, 第一项 headings, headings with no number, items under group headings; the same notices as Word
files with bold headings and as web pages with <strong> headings) gives one row per item carrying its own 年度目标 and figures;
section headings (一、总体要求), measures (（一）加强组织领导) and the 年度目标 lines themselves are
never rows of their own.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from tracker.extract.pipeline import extract_file
from tracker.model import LIVELIHOOD

DATA = Path(__file__).parent / "data"
LISTS = DATA / "lists"
CN = "一二三四五六七八九十"


def _only_report(path: Path):
    (rx,) = extract_file(path).reports
    return rx


def _items(rx):
    return [c for c in rx.commitments if c.kind == LIVELIHOOD]


def _paragraphs(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("name, count, marker", [
    ("notice_dun_headings_2025.txt", 8, lambda k: f"{CN[k]}、"),
    ("notice_ordinal_items_2025.txt", 6, lambda k: f"第{CN[k]}项："),
    ("notice_unnumbered_headings_2025.txt", 5, lambda k: ""),
])
def test_item_headings_carry_their_own_annual_target(name: str, count: int, marker) -> None:
    rx = _only_report(LISTS / name)
    assert (rx.report.kind, rx.report.plan_year) == ("list", 2025)
    items = _items(rx)
    assert [c.number for c in items] == list(range(1, count + 1))
    lines = _paragraphs(LISTS / name)
    for k, c in enumerate(items):
        assert c.text.startswith(marker(k))
        # the heading, then its 年度目标 line: the row holds the target and its figure
        target = lines[lines.index(c.text.split("\n")[0]) + 1].rstrip("。")
        assert target.startswith("年度目标：") and target in c.text
        first_figure = re.search(r"\d+(?:\.\d+)?", target.split("：", 1)[1]).group(0)
        assert c.value == float(first_figure), c.text
    # no 年度目标 line is a row of its own
    assert not [c.text for c in rx.commitments if c.kind != LIVELIHOOD and "年度目标" in c.text]


def test_deadlines_and_lead_units_come_from_the_item_body() -> None:
    items = _items(_only_report(LISTS / "notice_dun_headings_2025.txt"))
    assert (items[0].deadline, items[0].lead_unit) == ("2025-10-31", "市住房城乡建设局")
    assert (items[5].deadline, items[5].unit) == ("2025-09-30", "家")
    assert items[1].deadline is None      # the preamble's 年底前 is not item 2's


def test_items_inside_an_implementation_plan_are_its_list_not_its_sections() -> None:
    rx = _only_report(LISTS / "notice_paren_in_sections_2025.txt")
    items = _items(rx)
    assert [c.text[:3] for c in items] == [f"（{CN[k]}）" for k in range(10)]
    assert items[0].text.startswith("（一）学前教育扩容。新建、改扩建公办幼儿园9所")
    assert (items[0].value, items[0].lead_unit) == (9.0, "市教育局")
    assert rx.lists[0].stated == rx.lists[0].found == 10
    texts = "\n".join(c.text for c in rx.commitments)
    for words in ("总体要求", "项目内容", "保障措施", "加强组织领导", "强化资金保障", "严格督查考核"):
        assert words not in texts


def test_group_headings_over_lists_of_their_own_give_every_item() -> None:
    """"一、教育文化类（3项）" over "1.…2.…3.…", and so on: the items of every group, numbered on."""
    rx = _only_report(LISTS / "notice_grouped_items_2025.txt")
    items = _items(rx)
    assert [c.number for c in items] == list(range(1, 13))
    assert [c.text[:2] for c in items] == ["1.", "2.", "3.", "1.", "2.", "3.", "1.", "2.", "1.", "2.", "3.", "4."]
    assert [c.value for c in items][:4] == [6.0, 25.0, 10.0, 3.0]
    assert (items[11].deadline, items[11].lead_unit) == ("2025-12-31", "市住房城乡建设局")
    assert not [c for c in rx.commitments if "类（" in c.text]


def test_a_letterhead_notice_of_one_line_items() -> None:
    items = _items(_only_report(DATA / "pages" / "district_notice_letterhead.txt"))
    assert [c.text[:2] for c in items] == [f"{CN[k]}、" for k in range(6)]
    assert (items[0].value, items[0].unit, items[0].deadline) == (3.0, "所", "2025-09-30")
    assert items[5].text == "六、为全区适龄妇女免费开展“两癌”筛查1.2万人次"


def _headings(path: Path) -> list[tuple[str, bool]]:
    """The notice's paragraphs, each with whether it is an item heading (the line over a 年度目标)."""
    lines = _paragraphs(path)
    return [(t, k + 1 < len(lines) and lines[k + 1].startswith("年度目标")) for k, t in enumerate(lines)]


def _word_notice(path: Path, out: Path) -> Path:
    """The notice as a Word file: its item headings are bold runs, each paragraph its own."""
    document = docx.Document()
    for line, heading in _headings(path):
        document.add_paragraph().add_run(line).bold = heading
    document.save(out)
    return out


def _web_notice(path: Path, out: Path) -> Path:
    """The notice as a portal page: the title in <h1>, item headings in <strong>."""
    paras = _headings(path)
    title = next(t for t, _ in paras if "关于" in t)
    body = "".join(f"<p><strong>{t}</strong></p>" if heading else f"<p>{t}</p>"
                   for t, heading in paras[[t for t, _ in paras].index(title) + 1:])
    out.write_text(f"<html><head><meta charset='utf-8'></head><body><div class='crumb'>首页 &gt; 政务公开 &gt; "
                   f"通知公告</div><h1>{title}</h1><p>发布时间：2025-02-21 来源：市政府办公室</p>{body}"
                   "<div>【打印本页】【关闭窗口】</div></body></html>", encoding="utf-8")
    return out


@pytest.mark.parametrize("name", ["notice_dun_headings_2025.txt", "notice_unnumbered_headings_2025.txt"])
@pytest.mark.parametrize("make, suffix", [(_word_notice, ".docx"), (_web_notice, ".html")])
def test_bold_item_headings_in_word_and_on_the_web(tmp_path: Path, make, suffix: str, name: str) -> None:
    original = LISTS / name
    want = [(c.number, c.text, c.value, c.deadline) for c in _items(_only_report(original))]
    rx = _only_report(make(original, tmp_path / f"notice{suffix}"))
    assert rx.report.kind == "list"
    assert [(c.number, c.text, c.value, c.deadline) for c in _items(rx)] == want


def test_a_work_report_sections_are_never_items(tmp_path: Path) -> None:
    """A report of one-line sections 一、…五、 announcing its 民生实事 by count: one count pledge,
    no section heading as an item."""
    report = tmp_path / "report.txt"
    report.write_text("\n".join([
        "2025年澜江市人民政府工作报告",
        "——2025年1月10日在澜江市第十六届人民代表大会第四次会议上",
        "各位代表：现在，我代表市人民政府向大会报告工作，请予审议。",
        "一、2024年工作回顾",
        "过去一年，全市地区生产总值增长5.5%，十件民生实事全面完成。",
        "二、2025年民生实事",
        "今年继续办好十件民生实事，新建幼儿园6所，改造老旧小区40个。",
        "三、扩大有效投资",
        "实施重点项目150个，完成投资300亿元。",
        "四、加强政府自身建设",
        "深入推进依法行政，年底前完成政务服务一网通办。",
        "各位代表，让我们团结奋斗！",
    ]) + "\n", encoding="utf-8")
    rx = _only_report(report)
    assert _items(rx) == []
    assert not [c for c in rx.commitments if re.match(rf"[{CN}]+、", c.text)]
