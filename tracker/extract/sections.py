"""Section headings: which heading each paragraph falls under.

Targets, livelihood lists and projects are read differently depending on the
section (a 主要预期目标 paragraph, a 2025年工作安排 part, a review of last year),
so each paragraph gets the text of the nearest heading above it.
"""

from __future__ import annotations

import re

from tracker.ingest.paragraphs import Paragraph
from tracker import words

TARGETS = "主要预期目标"

# 一、… （一）… 1.… 第一部分… : numbered headings, level by marker style.
_NUMBERED = (
    (1, re.compile(rf"^\s*(?:{words.PART}|{words.CN_DUN})\s*(.+)")),
    (2, re.compile(rf"^\s*{words.CN_PAREN}\s*(.+)")),
    (3, re.compile(rf"^\s*{words.ARABIC_DOT}\s*(.+)")),
)
# A short unnumbered paragraph naming a part of the report: "2025年工作安排", "名词解释".
_PLAIN_HEADING = re.compile(
    rf"^\s*(?:(?:\d{{4}}|[{words.CN_COUNT}○]{{4}})\s*年)?[^，。；,;]{{0,16}}"
    r"(?:工作安排|工作回顾|工作任务|主要任务|总体要求|目标任务|工作打算|工作计划|名词解释|预期目标)\s*[：:]?\s*$"
)
_HEADING_MAX = 40   # a longer line that starts with 一、 is a run-in heading: keep its head


def heading_of(text: str) -> tuple[int, str] | None:
    """(level, heading text) when a paragraph is a section heading, else None."""
    stripped = text.strip()
    for level, pattern in _NUMBERED:
        m = pattern.match(stripped)
        if not m:
            continue
        body = m.group(1)
        # "（一）加快产业转型。围绕…" : the heading is the run-in sentence before 。
        parts = re.split(r"[。；;！]", body, maxsplit=1)
        head = parts[0]
        run_in = len(parts) > 1 and bool(parts[1].strip())
        # "1.新建幼儿园3所；" and "1.“四强”行动:指…。" are list items, not headings.
        if not run_in and (re.search(r"[；;]\s*$", body)
                           or level == 3 and re.search(r"[。！]\s*$", body)):
            return None
        # "7.筹资2400万元，改造农村危旧房4000户；8.…" is a list of pledges.
        if level == 3 and re.search(r"\d", head):
            return None
        if len(head) <= _HEADING_MAX:
            return level, head.strip().rstrip("：:")
        return None
    if _PLAIN_HEADING.match(stripped):
        return 0, stripped.rstrip("：:")
    return None


def categories(paras: list[Paragraph]) -> list[str | None]:
    """The section heading each paragraph falls under; 主要预期目标 for target paragraphs."""
    out: list[str | None] = []
    stack: dict[int, str] = {}
    for para in paras:
        found = heading_of(para.text)
        if found:
            level, head = found
            for deeper in [k for k in stack if k >= level]:
                del stack[deeper]
            stack[level] = head
        if TARGETS in para.text and not found:
            out.append(TARGETS)
            continue
        out.append(stack[max(stack)] if stack else None)
    return out
