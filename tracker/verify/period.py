"""The period a review passage speaks of: the plan year's outcome, or not.

A passage is evidence for a one-year commitment only when it reports on that year:
not the review's own plan for the next year, not a five-year span.
"""

from __future__ import annotations

import re
from tracker.verify.passages import Passage
from tracker import words

# Goal-setting words; a sentence holding them and no result word is a plan, not evidence.
_PLAN_SENTENCE = re.compile(r"目标(?:任务)?是|目标为|力争|确保|计划(?:新|完成|实施|投资|建设)|拟|今年要|年内要|要把|^要|[，：；]要|将把|作为第.件")
_RESULT_WORDS = re.compile(r"已经|已|超过全年|高于|未能|年初确定|年初提出|全面实现|完成了|实现了|达到了|超额|圆满|如期|顺利|同比|比上年|较上年")
_PLAN_WORDS = re.compile(r"拟|预期|预计|目标|力争|计划|争取|确保|要|将")

def is_plan_statement(text: str) -> bool:
    """True for a sentence that sets a goal rather than reports one ("今年我区…预期目标是：…增长15%")."""
    return bool(_PLAN_SENTENCE.search(text)) and not _RESULT_WORDS.search(text)


# Figures of a span inside one sentence: "年均增长5.2%", "五年累计", "从2020年的…提高到…".
_SPAN_FIGURES = re.compile(f"{words.ANNUAL_AVERAGE}|{words.SPAN_TOTAL}")
_FROM_TO = re.compile(rf"(?:从|由)[^，。；]{{0,20}}(?:19|20)\d\d年[^，。；]{{0,24}}(?:{words.INCREASE}|{words.DECREASE}|缩小)?(?:到|至)")

PERIODS = ("year", "multi-year", "plan", "other")


def classify(p: Passage, plan_year: int | None, review=None) -> str:
    """The period a passage speaks of, for a plan of plan_year: "year" (that year's outcome),
    "multi-year" (五年, 年均, 累计, 从X提高到Y), "plan" (the review's own goals and tasks) or
    "other" (another year, background)."""
    cache = getattr(review, "periods", None)
    if cache is not None:
        key = (p.index, plan_year)
        if key not in cache:
            cache[key] = _classify(p, plan_year, review)
        return cache[key]
    return _classify(p, plan_year, review)


def _classify(p: Passage, plan_year: int | None, review) -> str:
    report_year = review.report_year if review else None
    later = bool(report_year and plan_year and report_year != plan_year)
    if p.in_plan or is_plan_statement(p.folded):
        return "plan"
    if later and p.first_year == report_year and _PLAN_WORDS.search(p.text):
        return "plan"    # "今年拟安排财政赤字1.2万亿元，比去年预算增加4000亿元": next year's plan
    if later and p.context_year == report_year or p.plan_part:
        # In the review's own plan section ("二、2014年工作总体部署") only a sentence that
        # opens on the plan year speaks of it: "去年居民消费价格涨幅回落到2.6%".
        return "year" if plan_year is not None and p.first_year == plan_year else "plan"
    if _SPAN_FIGURES.search(p.folded) or _FROM_TO.search(p.folded) and len(p.years) > 1:
        return "multi-year"
    if p.years:
        if plan_year is None:
            return "other" if p.multi_year else "year"
        return "year" if plan_year in p.years else ("multi-year" if p.multi_year else "other")
    if p.multi_year:
        return "multi-year"
    if plan_year is None:
        return "year"
    if p.context_year is not None:
        return "year" if p.context_year == plan_year else "other"
    default = review.default_year if review else None
    return "year" if default is None or default == plan_year else "other"


def period_ok(p: Passage, plan_year: int | None, review=None) -> bool:
    """True when a passage may speak about plan_year (not another year, not a five-year span)."""
    return classify(p, plan_year, review) == "year"
