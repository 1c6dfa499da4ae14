"""Which paragraphs of a report belong to its plan for the plan year.

A government work report reviews last year ("2024年工作回顾", "一年来…") and then
sets out the plan ("2025年工作安排", "今年政府工作的总体要求"); pledges live only in
the plan part. Section headings and the opening words of paragraphs switch between
review, plan and other parts (名词解释, "今后五年" goals).
"""

from __future__ import annotations

import re

from tracker.ingest.paragraphs import Paragraph
from tracker.extract.sections import heading_of
from tracker import words

REVIEW, PLAN, OTHER = "review", "plan", "other"
_LIST = "list"   # a list of tasks: plan, unless it follows a multi-year part

# "（四）", "一、", "1.", "第二部分" in front of a heading or run-in paragraph.
_MARKER = re.compile(rf"^\s*{words.HEADING_MARKER}[：:、\s]*")
# Heading words of a review part: "2024年工作回顾", "上半年工作情况", "取得的成效", "存在的问题".
_HEAD_REVIEW = re.compile(r"回顾|总结|成效|成绩|成就|做法|工作情况|进展情况|执行情况|完成情况|落实情况|存在的?(?:主要)?问题|不足|以来|去年|过去")
# Heading words of a multi-year part: "今后五年目标任务", "大干五年，实干五年…", "“十二五”…重点任务".
_HEAD_SPAN = re.compile(rf"五年|{words.CN}+五(?:”|\")?.{{0,12}}(?:目标|任务)")
# Heading words of a plan part: "2025年工作安排", "今年政府工作的总体要求", "下一步打算".
_STRICT_REVIEW = re.compile(r"回顾|总结|执行情况|完成情况|以来|去年|过去")
_STRICT_SPAN = re.compile(r"今后五年|未来五年|五年的?(?:主要)?(?:目标|任务)")
_HEAD_PLAN = re.compile(r"安排|任务|打算|计划|要点|部署|展望|下一步|预期目标|总体要求|重点工作|主要工作|工作思路")
_HEAD_OTHER = re.compile(r"^(?:名词解释|附件|附表|附录|说明)")
# Opening words of a review paragraph: "一年来", "在即将过去的一年中，政府主要做了…".
_OPEN_REVIEW = re.compile(r"一年来|五年来|(?:今年|去年|一年|近年|五年|年初|\d{4}\s*年)以来|过去的?(?:一|五)年|即将过去|刚刚过去"
                          r"|已经过去|主要做了|回顾|工作总结")


def _year_words(plan_year: int | None) -> str:
    years = "今年|新的一年|明年"
    return f"{years}|{plan_year}\\s*年" if plan_year else years


def _opening(text: str, limit: int = 150) -> str:
    """The first two sentences (at most limit characters) after a heading marker."""
    body = _MARKER.sub("", text, count=1)
    parts = re.split(r"(?<=[。！？])", body[:limit], maxsplit=2)
    return "".join(parts[:2])


def _past_year(text: str, plan_year: int | None) -> bool:
    """Whether text names years and all of them come before the plan year."""
    years = [int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", text)]
    return bool(plan_year and years and max(years) < plan_year)


def classify_heading(text: str, plan_year: int | None, strict: bool = False) -> str | None:
    """REVIEW, PLAN or OTHER for a section heading, None when it says nothing of the part.

    strict: only unambiguous words count, for a sub-heading inside a plan, where
    "…推动乡村振兴取得新成效" or "实施…五年行动" are tasks, not a review or a span.
    """
    head = _MARKER.sub("", text.strip(), count=1)
    if _HEAD_OTHER.match(head):
        return OTHER
    review = _STRICT_REVIEW if strict else _HEAD_REVIEW
    if review.search(head) or _past_year(head, plan_year):
        return REVIEW   # "2023年主要工作" in a report for 2024 is last year's work
    if (_STRICT_SPAN if strict else _HEAD_SPAN).search(head):
        return OTHER
    if _HEAD_PLAN.search(head) or re.search(rf"(?:{_year_words(plan_year)})的?(?:政府)?工作", head):
        return PLAN
    return None


def classify_opening(text: str, plan_year: int | None) -> str | None:
    """REVIEW, PLAN or "list" (a task list) when a paragraph's opening words start a part."""
    opening = _opening(text)
    if _OPEN_REVIEW.search(opening):
        return REVIEW
    if re.match(r"今后五年|未来五年|今后一个时期", opening):
        return OTHER
    years = _year_words(plan_year)
    if re.match(rf"(?:{years})(?:\s*[，,]?\s*(?:是|我们|政府|全区|要|将)|的?(?:政府)?工作)", opening):
        return PLAN
    # Weak cues open the tasks of a plan, or of a five-year part they follow:
    # "预期目标是：…", "主要做好以下五个方面的工作：".
    if re.match(r".{0,24}(?:预期目标|总体要求|工作安排|工作任务|主要任务|工作要点)", opening) \
            or re.search(r"(?:重点|全力|着力|扎实)?(?:抓好|做好)(?:以下|.{1,4}方面的?)工作", opening):
        return _LIST
    return None


def plan_flags(paras: list[Paragraph], plan_year: int | None) -> list[bool]:
    """For each paragraph, whether (some of) it lies in the plan part of its report."""
    return [start is not None for start in plan_starts(paras, plan_year)]


def plan_starts(paras: list[Paragraph], plan_year: int | None) -> list[int | None]:
    """For each paragraph, the offset where its plan part starts (0: all of it), None if none."""
    state: str | None = None
    starts: list[int | None] = []
    for para in paras:
        found = heading_of(para.text)
        verdict = None
        if found and found[0] <= 2:
            verdict = classify_heading(found[1], plan_year, strict=state == PLAN and found[0] == 2)
        if verdict is None and not found:
            verdict = classify_opening(para.text, plan_year)
        if verdict == _LIST:
            verdict = None if state == OTHER else PLAN
        if verdict is not None:
            state = verdict
        if state == PLAN:
            starts.append(0)
            continue
        # "…让人民群众共享改革发展成果。2024年的政府工作2024年是…": the plan opens mid-paragraph.
        head_end = para.text.find(found[1]) + len(found[1]) if found else 0
        inside = re.compile(rf"(?:^|[。！？\s])((?:{_year_words(plan_year)})(?:\s*[，,]?\s*是|的?政府工作))").search(
            para.text, max(head_end, 0))
        if inside:
            state = PLAN
        starts.append(inside.start(1) if inside and state == PLAN else None)
    return starts
