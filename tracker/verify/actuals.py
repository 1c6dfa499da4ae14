"""Reading the actual figure of an indicator from a review passage.

The figure must follow the indicator within its clause group ("国内生产总值达到56.9万亿元，
比上年增长7.7%"), keep its measure (增长 = growth, 达到/为/控制在 = level) and belong to the
plan year: "年均增长12.2%", "五年累计", "上半年", "从2007年的1.4%提高到2012年的1.97%" (the
2007 figure) are figures of another period and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.ingest.normalize import fold
from tracker.verify.lexicon import Indicator, mentions, mentions_of, pair_mentions
from tracker.verify import rules
# The measure words before a figure, read alike by both readers.
from tracker.verify.heads import DOWN as _DOWN, RATE_LEAD as _RATE_LEAD, UP as _UP, YEAR_BEFORE as _YEAR_BEFORE
from tracker.verify.heads import own_period_text, qualified
from tracker.verify.quantities import OTHER_PERIOD, SUB_YEAR as _SUB_YEAR, UNIT_RE as _UNIT_RE, UNITS, numbers as _numbers

_RESULTS = re.compile(r"已经|已|完成了|实现了|达到了|同比|比上年|较上年|全年|去年|上年")
_TARGET_WORDS = re.compile(r"把|力争|预期|目标|确保|争取|计划|拟")
_JOIN = re.compile(r"^\s*(?:和|与|及|以及|、|，)\s*$")
_MAX_SCOPE = 48


@dataclass(frozen=True)
class Figure:
    """One figure read from a passage."""

    value: float          # as written (signed: negative for 下降)
    unit: str | None
    measure: str          # growth | level
    start: int            # offset in the passage
    end: int
    sub_year: bool = False


def figures_for(ind: Indicator, text: str, plan_year: int | None) -> list[Figure]:
    """Figures that text gives for ind, nearest first, other periods and other years dropped."""
    folded = fold(text)
    all_mentions = mentions(folded)
    own = mentions_of(ind, folded)
    out: list[Figure] = []
    for start, end in own:
        if rules.on("part_not_whole") and qualified(folded, start):
            continue    # 跨境电商进出口, 南疆五地州地区生产总值: a part, not the whole
        group_index, stop = _group(folded, all_mentions, start, end)
        scope_start = stop[0]
        scope = folded[scope_start:stop[1]]
        figs = [f for f in _read(scope, scope_start, folded, plan_year)]
        if group_index is not None and "分别" in scope:
            # "城镇居民人均可支配收入和农村居民人均纯收入分别增长7%和9.3%": i-th name, i-th figure
            figs = _respectively(figs, group_index)
        out.extend(figs)
    for start, end, position in pair_mentions(ind, folded):
        # "城乡居民人均可支配收入分别增长6%和8%": urban is the first figure, rural the second
        _, (scope_start, scope_end) = _group(folded, all_mentions, start, end)
        scope = folded[scope_start:scope_end]
        if "分别" in scope:
            out.extend(_respectively(list(_read(scope, scope_start, folded, plan_year)), position))
    return out


def _group(folded: str, all_mentions: list[tuple[int, int, str]], start: int, end: int) -> tuple[int | None, tuple[int, int]]:
    """Position of a mention in a joined list of names, and the (start, end) of its figure scope."""
    seq = [m for m in all_mentions if not (m[0] < end and start < m[1])]
    seq.append((start, end, ""))     # an indicator the data does not know is found by its name
    seq.sort()
    idx = seq.index((start, end, ""))
    first = idx
    while first > 0 and _JOIN.match(folded[seq[first - 1][1]:seq[first][0]]):
        first -= 1
    last = idx
    while last + 1 < len(seq) and _JOIN.match(folded[seq[last][1]:seq[last + 1][0]]):
        last += 1
    scope_start = seq[last][1]
    scope_end = seq[last + 1][0] if last + 1 < len(seq) else len(folded)
    stop = re.search(r"[。；;]", folded[scope_start:scope_end])
    if stop:
        scope_end = scope_start + stop.start()
    scope_end = min(scope_end, scope_start + _MAX_SCOPE)
    grouped = idx - first if last > first else None
    return grouped, (scope_start, scope_end)


def _read(scope: str, offset: int, folded: str, plan_year: int | None):
    """Figures in scope with their measure; figures of another period are left out."""
    for m_start, m_end, value, unit in _numbers(scope):
        a, b = offset + m_start, offset + m_end
        clause = _clause(folded, a)
        before = own_period_text(folded[max(0, clause[0]):a])
        if OTHER_PERIOD.search(before) and not _SUB_YEAR.search(before):
            continue
        year = _YEAR_BEFORE.search(folded[max(0, a - 10):a])
        if year and plan_year and int(year.group(1)) != plan_year:
            continue
        if re.search(r"从[^，；。]{0,16}$", before) and re.match(r"[^，；。]{0,20}(?:到|至)", folded[b:]):
            continue    # "从26.6万亿元增加到51.9万亿元": the starting value
        after = folded[b:b + 4]
        if re.match(r"(?:以上|以下)?的", after):
            continue    # "财政收入过500万元的乡镇": the figure describes something else
        if re.match(r"\s*(?:左右|以上|以内|以下)", after) and _TARGET_WORDS.search(folded[clause[0]:clause[1]]):
            continue    # "把居民消费价格涨幅控制在3.5%左右": a target restated, not a result
        if re.match(r"\s*(?:以内|以下)", after) and not _RESULTS.search(folded):
            continue    # "城镇登记失业率控制在4%以内" with no word of a result is a goal
        lead = folded[max(clause[0], a - 8):a].rstrip()
        lead = re.sub(r"(?:比上年|同比|较上年|比去年)$", "", lead)
        if _RATE_LEAD.search(lead):
            measure = "growth"      # "GDP增长率达到5.2%": a growth rate stated as a level
        elif _DOWN.search(lead):
            measure, value = "growth", -value
        elif _UP.search(lead):
            measure = "growth"
        else:
            measure = "level"
        yield Figure(value, unit, measure, a, b, bool(_SUB_YEAR.search(before)))


def _respectively(figs: list[Figure], position: int) -> list[Figure]:
    """The position-th figure of each kind in a 分别 list.

    "分别达到43560元、21580元，分别增长6%、8%": the first of the 元 figures and the first of
    the % figures belong to the first name. A figure after 和/、 without its own verb takes
    the measure and sign of the one before ("分别增长6%和8%").
    """
    shaped: list[Figure] = []
    for f in figs:
        prev = shaped[-1] if shaped else None
        if prev is not None and f.measure == "level" and prev.measure == "growth" and f.unit == prev.unit:
            sign = -1 if prev.value < 0 else 1
            f = Figure(sign * abs(f.value), f.unit, "growth", f.start, f.end, f.sub_year)
        shaped.append(f)
    groups: dict[tuple[str, str], list[Figure]] = {}
    for f in shaped:
        groups.setdefault((f.measure, UNITS.get(f.unit or "", (f.unit, 1))[0]), []).append(f)
    return [g[position] for g in groups.values() if len(g) > position]


def _clause(folded: str, pos: int) -> tuple[int, int]:
    """(start, end) of the comma clause around pos."""
    start = max(folded.rfind(c, 0, pos) for c in "，,；;。：:") + 1
    ends = [i for i in (folded.find(c, pos) for c in "，,；;。") if i >= 0]
    return start, min(ends) if ends else len(folded)


def progress_share(text: str, target_value: float | None, target_unit: str | None) -> float | None:
    """Share of the task done a passage states: 完成全年任务的60.42%, 完成年度计划投资的85%,
    工程形象进度达到70%, or 完成投资X亿元 of a Y亿元 target."""
    folded = fold(text)
    m = (re.search(r"完成(?:了)?(?:全年|年度)?(?:目标|计划)?(?:任务|计划|投资)(?:的)?\s*(\d+(?:\.\d+)?)\s*%", folded)
         or re.search(r"(?:形象进度|工程进度|建设进度|完成进度)(?:达到|为|已达)?\s*(\d+(?:\.\d+)?)\s*%", folded))
    if m:
        return min(float(m.group(1)) / 100, 1.0)
    if target_value and target_unit in UNITS:
        fam, factor = UNITS[target_unit]
        for m in re.finditer(rf"(?:已?完成|累计完成)(?:投资|建设)?\s*(\d+(?:\.\d+)?)\s*({_UNIT_RE})", folded):
            u = UNITS.get(m.group(2))
            if u and u[0] == fam:
                return min(float(m.group(1)) * u[1] / (target_value * factor), 1.0)
    return None
