"""Numbered 惠民实事 / 为民实事 / 民生实事 lists of the plan year.

A list opens with a header ("切实办好10件惠民实事：", "倾力办好“十一件为民实事”") and
goes on either as numbered items ("（1）…", "1.…", two on one line) or as items marked
inside prose ("…作为第一件为民实事"). Reports on last year's list ("圆满完成了…10件实事",
"为民办10件实事的进展情况") and work priorities ("十一件大事") are not lists.
"""

from __future__ import annotations

import re

from tracker.extract.dates import parse_deadline
from tracker.model import LIVELIHOOD, Commitment, Report, SourceText
from tracker.extract.numbers import parse_number
from tracker.ingest.paragraphs import Paragraph

_KIND = r"(?:惠民|为民|民生|便民)"
_HEADER = re.compile(
    rf"(?:(?P<count>\d{{1,2}}|[一二两三四五六七八九十]{{1,3}})\s*[件项类]\s*“?)?(?:重点)?"
    rf"(?:(?P<kind>{_KIND})(?:办好?|办理)?(?:以下)?(?:重点)?)?实事(?:工程|项目)?”?"
)
# The header sentence reports on a past list, not this year's.
_PAST = re.compile(r"圆满|完成了|已经|已完成|去年|上年|过去|进展|每年|历年|五年来|兑现了|办结")
# Numbered item markers, at a paragraph start or right after a sentence or clause end.
_MARKER = re.compile(
    r"(?:^|(?<=[。；;！!\s：:]))\s*(?:[（(](?P<a>\d{1,2})[)）]|(?P<b>\d{1,2})\s*[.、．](?!\d)|(?P<c>[①-⑳])"
    r"|(?P<d>[一二三四五六七八九十]{1,3})是|[（(](?P<e>[一二三四五六七八九十]{1,3})[)）])"
)
# "这十件民生实事分别是：完成…；完成…；…" : unnumbered, one item per ；, as many as announced.
_LIST_OPENER = re.compile(r"\s*(?:分别是|分别为|是|为|包括)?\s*[：:]")
_PROSE = re.compile(rf"第(?P<n>[一二三四五六七八九十]{{1,3}}|\d{{1,2}})件{_KIND}?实事")
_SECTION = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+[部分章篇])|^\s*各位代表")
_FIRST_ITEM_WITHIN = 2     # paragraphs after the header where item 1 must appear
_ITEM_MAX = 500           # characters; list items are a sentence or two
_PROSE_WITHIN = 30         # paragraphs after the header searched for 第N件实事


def extract_livelihood(source: SourceText, report: Report, paras: list[Paragraph],
                       cats: list[str | None]) -> list[Commitment]:
    """Items of every numbered livelihood list of the report, in order."""
    out: list[Commitment] = []
    used: set[int] = set()
    for i, para in enumerate(paras):
        if i in used:
            continue
        for m in _HEADER.finditer(para.folded):
            if not _is_header(para.folded, m, report.plan_year):
                continue
            count = _count(m.group("count"))
            category = (m.group("kind") or "惠民") + "实事"
            colon = bool(_LIST_OPENER.match(para.folded, m.end()))
            items = (_numbered(paras, i, m.end(), count, colon) or _prose(paras, i, m.end(), count)
                     or _semicolons(para, i, m.end(), count))
            if items:
                for j, s, e, n in items:
                    used.add(j)
                    out.append(_commitment(paras[j], s, e, n, category, report.plan_year))
                used.update(range(i, max(j for j, *_ in items) + 1))
                break
    return out


def _count(token: str | None) -> int | None:
    value = parse_number(token) if token else None
    return int(value) if value else None


def _is_header(text: str, m: re.Match, plan_year: int | None) -> bool:
    """A list header in the future tense: "办好10件惠民实事：", not "圆满完成了…10件实事"."""
    if not (m.group("count") or m.group("kind")):
        return False                      # "干实事", "办实事" are slogans
    if not (m.group("count") or _LIST_OPENER.match(text, m.end()) or not text[m.end():].strip(" 。")):
        return False                      # "惠民实事" in passing, with no list announced
    start = max(text.rfind(c, 0, m.start()) for c in "。！？；") + 1
    end = min([k for k in (text.find(c, m.end()) for c in "。！？；") if k >= 0] or [len(text)])
    if _PAST.search(text, start, end):
        return False
    years = [int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", text[start:end])]
    return not (plan_year and years and max(years) < plan_year)


def _marker_number(m: re.Match, chinese_ok: bool = True) -> int | None:
    """The number a list marker gives; Chinese 一是/（一） only after a "：" header, since
    elsewhere they number the report's own sections."""
    if m.group("c"):
        return ord(m.group("c")) - ord("①") + 1
    if m.group("d") or m.group("e"):
        return _count(m.group("d") or m.group("e")) if chinese_ok else None
    return int(m.group("a") or m.group("b"))


def _numbered(paras: list[Paragraph], i: int, pos: int, count: int | None, colon: bool):
    """(paragraph, start, end, number) of items 1, 2, 3… following the header."""
    items, expected = [], 1
    for j in range(i, len(paras)):
        text = paras[j].folded
        start = pos if j == i else 0
        found = False
        for m in _MARKER.finditer(text, start):
            if _marker_number(m, colon) != expected:
                if items and m.start() == 0 or not items and j > i:
                    return items
                continue
            s = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            nxt = _MARKER.search(text, m.end())
            if (nxt.start() if nxt else len(text)) - s > _ITEM_MAX:
                return items    # a numbered section of the report ("1.加快发展…" for pages), not an item
            items.append((j, s, _item_end(text, s), expected))
            expected += 1
            found = True
            if count and expected > count:
                return items
        if not items and (j - i >= _FIRST_ITEM_WITHIN or len(text[start:].strip(" 。：:")) > 10):
            return []       # item 1 comes right after the header, not after more prose
        if items and not found:
            return items
    return items


def _item_end(text: str, s: int) -> int:
    """End of an item: the first ；or 。 after its marker (or the paragraph end)."""
    ends = [k for k in (text.find(c, s) for c in "；;。") if k >= 0]
    nxt = _MARKER.search(text, s + 1)
    if nxt and nxt.start() > s:
        ends.append(nxt.start())
    return min(ends) if ends else len(text.rstrip())


def _prose(paras: list[Paragraph], i: int, pos: int, count: int | None):
    """Items marked inside prose: "政府今年要把…作为第一件为民实事" (the sentence holding it)."""
    items, expected = [], 1
    for j in range(i, min(len(paras), i + _PROSE_WITHIN)):
        text = paras[j].folded
        if j > i and _SECTION.match(text):
            break
        for m in _PROSE.finditer(text, pos if j == i else 0):
            n = _count(m.group("n"))
            if n != expected:
                continue
            s = max(text.rfind(c, 0, m.start()) for c in "。！？；;!?") + 1
            while s < m.start() and text[s].isspace():
                s += 1
            ends = [k for k in (text.find(c, m.end()) for c in "；;。") if k >= 0]
            items.append((j, s, min(ends) if ends else len(text.rstrip()), n))
            expected += 1
        if count and expected > count:
            break
    return items


def _semicolons(para: Paragraph, i: int, pos: int, count: int | None):
    """Unnumbered items after "分别是：", one per ；, when there are exactly as many as announced."""
    m = _LIST_OPENER.match(para.folded, pos)
    if not (count and m):
        return []
    text = para.folded
    end = text.find("。", m.end())
    end = len(text.rstrip()) if end < 0 else end
    items, s = [], m.end()
    for k in range(m.end(), end + 1):
        if k == end or text[k] in "；;":
            while s < k and text[s].isspace():
                s += 1
            if k > s:
                items.append((i, s, k, len(items) + 1))
            s = k + 1
    return items if len(items) == count else []


def _commitment(para: Paragraph, s: int, e: int, number: int, category: str,
                plan_year: int | None) -> Commitment:
    """One list item as a Commitment, with a deadline when the item names one (年内…)."""
    while e > s and para.text[e - 1].isspace():
        e -= 1
    text = para.text[s:e]
    deadline = deadline_text = None
    if plan_year:
        found = parse_deadline(text, plan_year)
        if found:
            deadline, deadline_text = found
    return Commitment(
        kind=LIVELIHOOD, text=text, line=para.line_at(s), start=para.file_offset(s),
        end=para.file_offset(e - 1) + 1, number=number, category=category, period="year",
        deadline=deadline, deadline_text=deadline_text,
        masked=bool(re.search(r"×|\*\*", text)))
