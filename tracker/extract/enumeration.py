"""Runs of consecutive ordinals of one style: the one detector behind every numbered list.

A list is written many ways: "（1）…" lines, "1.…" paragraphs, "1 实施…；" lines of a web
notice, "①…⑩", "一是…十是" inside one paragraph, "一、" headings of an appendix, "第一项："
headings of a notice, "第一件…" in prose. Each is a run of markers of ONE style numbered
1, 2, 3… in document order; headings without a number, each over its labelled lines
("年度目标：…"), are a run too. This module finds the runs and the span of each item; what
a run is a list *of* is decided by its context (livelihood.py), never by the marker style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extract.numbers import parse_number
from tracker.ingest.paragraphs import Paragraph
from tracker import words

_CN = words.CN_ORDINAL
# A marker inside a paragraph follows a sentence or clause end ("…更有成色。一是…；二是…").
_B = r"(?:^|(?<=[。；;！!？?：:\s]))"
STYLES: dict[str, re.Pattern] = {
    "paren_arabic": re.compile(rf"{_B}\s*[（(](?P<n>\d{{1,2}})[)）]"),
    "arabic": re.compile(rf"{_B}\s*(?P<n>\d{{1,2}})\s*[.、．](?!\d)"),
    # "1 实施城市更新工程；": a number and a space, only where a line starts (web notices).
    "arabic_space": re.compile(r"^(?P<n>\d{1,2})[ \u3000\t]+(?=[^\d\s.、．%％])"),
    "circled": re.compile(rf"{_B}\s*(?P<n>[①-⑳])"),
    "chinese_shi": re.compile(rf"{_B}\s*(?P<n>[{_CN}]{{1,3}})是"),
    "paren_chinese": re.compile(rf"{_B}\s*[（(](?P<n>[{_CN}]{{1,3}})[)）]"),
    # "一、为老年人提供…": a heading of an appendix, only where a paragraph starts.
    "chinese_dun": re.compile(rf"^(?P<n>[{_CN}]{{1,3}})[、.．]"),
    # "第一项：城镇老旧小区改造", "第二件 新建幼儿园…": an item heading of a notice, where a paragraph starts.
    "ordinal_head": re.compile(rf"^第(?P<n>[{_CN}]{{1,3}}|\d{{1,2}})[项件](?:[\u4e00-\u9fff]{{0,6}}实事)?\s*[：:、，,.．\s]"),
    # "政府今年要把…作为第一件为民实事": an ordinal inside prose; the item is its sentence.
    "ordinal": re.compile(rf"第(?P<n>[{_CN}]{{1,3}}|\d{{1,2}})[件项]"),
}
PROSE = "ordinal"
HEADED = "headed"   # unnumbered: a short heading line over its labelled lines ("年度目标：…")
# A label opening a paragraph: "年度目标：", "主要内容：", "（牵头单位：".
LABEL = re.compile(r"^\s*[（(]?([\u4e00-\u9fff]{2,6})\s*[：:]")
HEADING_MAX = 20    # characters of an unnumbered item heading ("城镇老旧小区改造")
HEADED_MIN = 3      # headings in a run: fewer is no list
MAX_GAP = 12        # paragraphs between two items of one run (an appendix item has a few)
ITEM_MAX = 800      # characters: a longer item paragraph gives only its first sentence
TITLE_MAX = 12      # characters of a title sentence ("医疗卫生方面。") that opens an item
_ENDS = "；;。"


@dataclass(frozen=True)
class Marker:
    """One ordinal: paragraph index, span of the marker in its folded text, style, number."""

    para: int
    start: int
    end: int
    style: str
    number: int


@dataclass(frozen=True)
class Run:
    """Markers of one style numbered 1, 2, 3… in document order."""

    style: str
    markers: tuple[Marker, ...]

    def __len__(self) -> int:
        return len(self.markers)

    def first(self, n: int) -> "Run":
        """The run cut to its first n markers."""
        return Run(self.style, self.markers[:n])


def _number(token: str) -> int | None:
    if "①" <= token <= "⑳":
        return ord(token) - ord("①") + 1
    value = parse_number(token)
    return int(value) if value and value == int(value) else None


def find_markers(paras: list[Paragraph]) -> list[Marker]:
    """Every ordinal marker of every style, in document order."""
    out = []
    for i, para in enumerate(paras):
        for style, pattern in STYLES.items():
            for m in pattern.finditer(para.folded):
                n = _number(m.group("n"))
                if n:
                    start = m.start("n") - (1 if style.startswith("paren") or style in (PROSE, "ordinal_head") else 0)
                    out.append(Marker(i, max(start, m.start()), m.end(), style, n))
    out.sort(key=lambda m: (m.para, m.start))
    return out


def find_runs(paras: list[Paragraph]) -> list[Run]:
    """Maximal runs 1, 2, 3… of each style; a wrong number or a long gap ends a run."""
    runs: list[Run] = []
    open_: dict[str, list[Marker]] = {}
    for m in find_markers(paras):
        current = open_.get(m.style)
        if current and m.number == current[-1].number + 1 and m.para - current[-1].para <= MAX_GAP:
            current.append(m)
            continue
        if current:
            runs.append(Run(m.style, tuple(current)))
        open_[m.style] = [m] if m.number == 1 else []
    runs += [Run(style, tuple(ms)) for style, ms in open_.items() if ms]
    runs += _headed_runs(paras)
    runs.sort(key=lambda r: (r.markers[0].para, r.markers[0].start))
    return runs


def label_of(para: Paragraph) -> str | None:
    """The label a paragraph opens with ("年度目标" of "年度目标：新增…"), or None."""
    m = LABEL.match(para.folded)
    return m.group(1) if m else None


def _headed_runs(paras: list[Paragraph]) -> list[Run]:
    """Items written as headings without numbers (a Word notice's bold lines): a short line with
    no sentence in it, then lines opening with the same label ("年度目标：…", "牵头单位：…"), then
    the next heading; three or more in a row."""
    runs: list[Run] = []
    current: list[Marker] = []
    label = None
    for i in range(len(paras) - 1):
        text = paras[i].folded.strip()
        heading = (0 < len(text) <= HEADING_MAX and not re.search(r"[。；;，,：:！!？?]", text)
                   and label_of(paras[i + 1]) is not None)
        if current and not heading and label_of(paras[i]) is None:
            current = _close(runs, current)        # prose: the run has ended
        if not heading:
            continue
        if current and label_of(paras[i + 1]) != label:
            current = _close(runs, current)
        label = label_of(paras[i + 1])
        current.append(Marker(i, 0, 0, HEADED, len(current) + 1))
    _close(runs, current)
    return runs


def _close(runs: list[Run], markers: list[Marker]) -> list[Marker]:
    if len(markers) >= HEADED_MIN:
        runs.append(Run(HEADED, tuple(markers)))
    return []


def item_spans(run: Run, paras: list[Paragraph]) -> list[tuple[int, int, int]]:
    """(paragraph, start, end) of each item of run in folded-text offsets.

    An item runs to the next marker in its paragraph ("一是…；二是…"); an item opening with a
    title runs to the paragraph end ("1.医疗卫生方面。为全省…。配置AED…。"); else it ends at
    its first ；or 。 ("9.筹资1580万元，新建公厕10座…；抓好…" is item 9 up to the ；).
    """
    out = []
    for k, m in enumerate(run.markers):
        text = paras[m.para].folded
        nxt = run.markers[k + 1] if k + 1 < len(run.markers) else None
        if run.style == PROSE:
            s, e = _sentence(text, m.start, m.end)
        elif nxt and nxt.para == m.para:
            s, e = m.start, nxt.start
        elif m.start == 0 and _titled(text, m.end):
            s, e = m.start, len(text) if len(text) - m.start <= ITEM_MAX else _clause_end(text, m.end)
        else:
            s, e = m.start, _clause_end(text, m.end)
        while e > s and (text[e - 1].isspace() or text[e - 1] in "；;。，,"):
            e -= 1
        out.append((m.para, s, e))
    return out


def _titled(text: str, pos: int) -> bool:
    """An item that opens with a title sentence and says what it means after it:
    "1.医疗卫生方面。为全省重点人群免费开展结直肠癌筛查。…"."""
    stop = text.find("。", pos)
    return 0 < stop - pos <= TITLE_MAX and not re.search(r"[，,；;]", text[pos:stop]) and stop + 1 < len(text.rstrip())


def _clause_end(text: str, pos: int) -> int:
    ends = [k for k in (text.find(c, pos) for c in _ENDS) if k >= 0]
    return min(ends) if ends else len(text)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end], from the last 。！？；before it to the next ；or 。."""
    s = max(text.rfind(c, 0, start) for c in "。！？；;!?") + 1
    while s < start and text[s].isspace():
        s += 1
    return s, _clause_end(text, end)


def split_items(text: str, start: int, end: int, count: int) -> list[tuple[int, int]]:
    """Unnumbered items of text[start:end]: split at ；, else 、, else ，, whichever separator
    gives exactly `count` items (the count the header states); [] when none does."""
    for sep in ("；;", "、", "，,"):
        out, s = [], start
        for k in range(start, end + 1):
            if k == end or text[k] in sep:
                while s < k and text[s].isspace():
                    s += 1
                if k > s:
                    out.append((s, k))
                s = k + 1
        if len(out) == count:
            return out
    return []
