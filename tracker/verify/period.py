"""The period a review passage speaks of: the plan year's outcome, or not.

A passage is evidence for a one-year commitment only when it reports on that year:
not the review's own plan for the next year, not a five-year span.
"""

from __future__ import annotations

import re
from tracker.verify.passages import Passage

# Goal-setting words; a sentence holding them and no result word is a plan, not evidence.
_PLAN_SENTENCE = re.compile(r"目标(?:任务)?是|目标为|力争|确保|计划(?:新|完成|实施|投资|建设)|拟|今年要|年内要|要把|^要|[，：；]要|将把|作为第.件")
_RESULT_WORDS = re.compile(r"已经|已|超过全年|高于|未能|年初确定|年初提出|全面实现|完成了|实现了|达到了|超额|圆满|如期|顺利|同比|比上年|较上年")
_PLAN_WORDS = re.compile(r"拟|预期|预计|目标|力争|计划|争取|确保|要|将")

def is_plan_statement(text: str) -> bool:
    """True for a sentence that sets a goal rather than reports one ("今年我区…预期目标是：…增长15%")."""
    return bool(_PLAN_SENTENCE.search(text)) and not _RESULT_WORDS.search(text)


def period_ok(p: Passage, plan_year: int | None, review=None) -> bool:
    """True when a passage may speak about plan_year (not another year, not a five-year span)."""
    if p.in_plan or is_plan_statement(p.folded):
        return False
    if plan_year is None:
        return not p.multi_year
    report_year = review.report_year if review else None
    if report_year and report_year != plan_year and p.first_year == report_year and _PLAN_WORDS.search(p.text):
        return False    # "今年拟安排财政赤字1.2万亿元，比去年预算增加4000亿元": next year's plan
    if report_year and report_year != plan_year and p.context_year == report_year:
        # In the review's own plan section ("二、2014年工作总体部署") only a sentence that
        # opens on the plan year speaks of it: "去年居民消费价格涨幅回落到2.6%".
        return p.first_year == plan_year
    if p.years:
        return plan_year in p.years
    if p.multi_year:
        return False
    if p.context_year is not None:
        return p.context_year == plan_year
    default = review.default_year if review else None
    return default is None or default == plan_year
