"""Comparing an actual figure with a commitment, and reading verdict words when there is none
(claims about many commitments at once: claims.py).

Tolerance of 左右 (comparator "≈"): ±0.5 for rates (%, ‰, 个百分点), ±5 % relative for
levels; inside the band on the bad side (5.6% against 增长6%左右) is partial. Outside the band the side decides: over-achievement in the good direction is
done (居民消费价格涨幅3.5%左右 met by 2.6%, prices being better lower), the other side
not_done. `>=`/`<=` are exact; a range is met inside its bounds or beyond on the good side.
"""

from __future__ import annotations

import re

from tracker.model import Commitment
from tracker.verify.quantities import UNITS
from tracker.verify.lexicon import Indicator

RATE_BAND = 0.5
LEVEL_BAND = 0.05
EPS = 1e-9
_RATE_FAMILIES = ("%", "‰", "pp")

DONE_WORDS = re.compile(r"超额完成|全面完成|全部完成|圆满完成|顺利完成|如期完成|提前完成|按期完成|均已完成|已完成|已全部"
                        r"|已建成|全部建成|建成通车|建成投用|建成投运|投入使用|投入运营|交付使用|竣工验收|已竣工|已开通|已实现")
NOT_DONE_WORDS = re.compile(r"未能实现|未能完成|未完成|未达到|未达标|未实现|没有完成|没有实现|未按期|低于预期|差距较大"
                            r"|未达(?:年初|全年)?(?:预期|目标)")
PROGRESS_WORDS = re.compile(r"开工建设|已开工|开工|推进中|正在|在建|加快推进|有序推进|稳步推进|主体完工|主体工程|已启动|启动实施|前期工作|完成投资|形象进度|工程进度|建设进度")
# The words that decided a status, quoted in its reason.
STATUS_WORDS = {"not_done": NOT_DONE_WORDS, "done": DONE_WORDS, "in_progress": PROGRESS_WORDS}


def compatible(c: Commitment, ind: Indicator, fig, level: bool = False) -> float | None:
    """fig converted to the commitment's unit when it measures the same thing, else None."""
    unit = c.level_unit if level else c.unit
    measure = "level" if level else (c.measure or "level")
    if not unit or not fig.unit:
        return None
    tu, fu = UNITS.get(unit), UNITS.get(fig.unit)
    if tu is None or fu is None:
        return fig.value if unit == fig.unit and measure == fig.measure else None
    if tu[0] != fu[0]:
        return None
    if ind.rate and tu[0] in _RATE_FAMILIES:
        return fig.value       # 上涨2.6% is the 涨幅 2.6%
    if measure != fig.measure:
        return None
    return fig.value * fu[1] / tu[1]


def in_target_sense(c: Commitment, actual: float, level: bool = False) -> float:
    """actual as the commitment states its value: a decline target counts the size of the decline."""
    if c.direction == "decrease" and not level and c.measure == "growth":
        return -actual        # 下降3.7% was read as -3.7: a decline of 3.7
    return actual


def good_side(c: Commitment, ind: Indicator) -> str:
    """'higher' or 'lower': which way of the target is over-achievement."""
    if c.direction == "decrease":
        return "higher"       # the value is the size of a decline: more decline is better
    if "控制在" in (c.text or "") or c.comparator == "<=":
        return "lower"
    return ind.better


def judge(c: Commitment, ind: Indicator, actual: float, level: bool = False) -> tuple[str, str]:
    """(status, reason) of a numeric target against the actual in its unit and sense; reason in Chinese."""
    unit = (c.level_unit if level else c.unit) or ""
    value = c.level_value if level else c.value
    comp = (c.level_comparator or c.comparator) if level else c.comparator
    hi = None if level else c.value_high
    if value is None:
        return "unknown", "承诺没有可比较的数值"
    v = in_target_sense(c, actual, level)
    side = good_side(c, ind)
    shown = actual_phrase(c, v, unit, level)
    goal = f"{_n(value)}{unit}"
    if comp == "range" and hi is not None:
        lo, up = min(value, hi), max(value, hi)
        span = f"目标区间{_n(lo)}{unit}–{_n(up)}{unit}"
        if lo - EPS <= v <= up + EPS:
            return "done", f"{shown}，在{span}之内"
        better = v > up if side == "higher" else v < lo
        return ("done" if better else "not_done"), (f"{shown}，{'高于' if v > up else '低于'}{span}"
                                                    + ("，优于目标" if better else ""))
    if comp == "≈":
        family = UNITS.get(unit, (unit, 1))[0]
        band = RATE_BAND if family in _RATE_FAMILIES else abs(value) * LEVEL_BAND
        allowed = f"±{_n(band)}{'个百分点' if unit == '%' else unit}"
        short = v < value - EPS if side == "higher" else v > value + EPS
        if abs(v - value) <= band + EPS and short:
            # "社会消费品零售总额增长6%左右" against 5.6%: near, but on the wrong side; the
            # reader decides whether 左右 covers it.
            return "partial", f"{shown}，略{'低' if v < value else '高'}于目标{goal}左右（允许{allowed}），基本实现"
        if abs(v - value) <= band + EPS:
            return "done", f"{shown}，在目标{goal}左右的允许范围内（{allowed}）"
        better = v > value if side == "higher" else v < value
        return ("done" if better else "not_done"), (f"{shown}，{'高于' if v > value else '低于'}目标{goal}左右"
                                                    f"（允许{allowed}）" + ("，优于目标" if better else ""))
    if comp == "<=" or (comp is None and side == "lower"):
        ok = v <= value + EPS
        return ("done" if ok else "not_done"), f"{shown}，{'未超过' if ok else '超过'}目标上限{goal}"
    ok = v >= value - EPS
    return ("done" if ok else "not_done"), f"{shown}，{'达到' if ok else '低于'}目标{goal}"


def actual_phrase(c: Commitment, v: float, unit: str, level: bool = False) -> str:
    """The actual in words ("实际增长6.7%", "实际下降3.7%", "实际为4.1%"), v in the target's sense."""
    if level or c.measure != "growth":
        return f"实际为{_n(v)}{unit}"
    up, down = ("提高", "下降") if unit == "个百分点" else ("增长", "下降")
    if c.direction == "decrease":
        v = -v          # back from the size of a decline to the signed change
    return f"实际{up if v >= 0 else down}{_n(abs(v))}{unit}"


def words_status(text: str) -> str | None:
    """Status stated in words by a passage (超额完成, 未完成, 开工), or None."""
    if NOT_DONE_WORDS.search(text):
        return "not_done"
    if DONE_WORDS.search(text):
        return "done"
    if PROGRESS_WORDS.search(text):
        return "in_progress"
    return None


def _n(x: float) -> str:
    """A number without a needless .0."""
    return f"{x:g}" if abs(x) < 1e15 else str(x)
