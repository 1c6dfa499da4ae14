"""Targets without a number of their own: keeping pace, comparisons, direction only.

Keeping pace ("居民收入增长和经济增长同步"): the review settles it when it gives, for the plan
year, the growth of GDP and of residents' income (all residents, or both urban and rural):
income growth at least GDP growth is done (for "基本同步" at least GDP growth - 0.5), below it
not_done. Urban and rural on either side of GDP with no all-resident figure: a strict 同步 is
partial (one group lagged), a 基本同步 unknown, saying so (all residents together may be in step).

Comparisons ("农村居民收入增速高于城镇居民收入增速", "城镇居民收入增速高于全国平均水平"): both
growth rates of the plan year decide; a side the review gives no figure for (全国平均水平) leaves
it unknown, saying which.

Direction only ("主要污染物排放继续减少"): done when the review states a change of the indicator in
that direction for the plan year, not_done when it states the opposite.
"""

from __future__ import annotations

import re

from tracker.model import Commitment
from tracker.verify import rules
from tracker.verify.actuals import figures_for
from tracker.verify.lexicon import Indicator, mentions_of, resolve
from tracker.verify.period import period_ok
from tracker.verify.verdict import RATE_BAND
from tracker import words

_SYNC = re.compile(r"同步")
_INCOME = re.compile(r"收入")
_ECONOMY = re.compile(r"经济(?:增长|发展)")
GDP = "地区生产总值"
INCOMES = ("居民人均可支配收入", "城镇居民人均可支配收入", "农村居民人均可支配收入")
# "A增速高于B", "A增长快于B增长", "A高于B增速": two sides and the relation.
_COMPARE = re.compile(r"(?P<a>[\u4e00-\u9fff]{2,20}?)(?:增速|增长|增幅)?(?P<rel>高于|快于|不低于|超过|低于|慢于)"
                      r"(?P<b>[\u4e00-\u9fff]{2,20}?)(?:的)?(?:增速|增长|增幅|平均水平|水平)?(?=[，、。；]|$)")
_OUTSIDE = re.compile(r"全国|全省|全市|平均水平|同类")


def is_sync_target(c: Commitment) -> bool:
    """True for "居民收入增长和经济发展同步"-style targets."""
    t = c.text or ""
    return c.value is None and bool(_SYNC.search(t) and _INCOME.search(t) and _ECONOMY.search(t))


def indicators() -> list[Indicator]:
    """GDP and the income indicators the rule reads."""
    return [resolve(GDP)] + [resolve(n) for n in INCOMES]


def year_growth(review, plan_year: int | None, name: str):
    """(rate, passage) of the plan year's growth of an indicator, from the review's ledger."""
    for e in review.ledger(plan_year).of(("year",)):
        if e.indicator == name and e.q.measure == "growth" and e.q.unit == "%" and e.q.bound is None:
            return e.q.value, e.passage
    return None


def sync_verdict(c: Commitment, plan_year: int | None, review) -> tuple[str, str, list] | None:
    """(status, reason, passages) when the review gives GDP and income growth of the plan year."""
    found = {ind.name: year_growth(review, plan_year, ind.name) for ind in indicators()}
    found = {k: v for k, v in found.items() if v is not None}
    if GDP not in found:
        return None
    gdp, gdp_p = found[GDP]
    if INCOMES[0] in found:
        parts = [INCOMES[0]]
    elif INCOMES[1] in found and INCOMES[2] in found:
        parts = [INCOMES[1], INCOMES[2]]
    else:
        return None
    # "基本同步" (roughly in step) allows the 左右 band of rates: 6.3% against 6.7% is in step.
    slack = RATE_BAND if "基本" in (c.text or "") else 0.0
    ok = [found[n][0] >= gdp - slack - 1e-9 for n in parts]
    # Urban and rural on either side: a strict 同步 is not met by the group that lags (partial);
    # 基本同步 may still hold for all residents together, whose rate the review does not give.
    mixed = "unknown" if slack and rules.on("basic_sync_mixed") else "partial"
    status = "done" if all(ok) else "not_done" if not any(ok) else mixed
    shown = "、".join(f"{n}增长{found[n][0]:g}%" for n in parts)
    said = {"done": "收入增长不慢于经济增长", "not_done": "收入增长慢于经济增长",
            "partial": "城乡只有一方不慢于经济增长",
            "unknown": "城乡一方快于、一方慢于经济增长，报告没有全体居民收入增速，不能判定是否基本同步"}[status]
    reason = (f"{shown}，经济增长{gdp:g}%，{said}"
              + (f"（基本同步：允许相差{slack:g}个百分点）" if slack and status != "unknown" else ""))
    return status, reason, [found[n][1] for n in parts] + [gdp_p]


def comparison_verdict(c: Commitment, plan_year: int | None, review) -> tuple[str, str, list] | None:
    """(status, reason, passages) for "A增速高于B增速" targets; None when the text is no comparison."""
    sides = []
    for m in _COMPARE.finditer(c.text or ""):
        a = resolve(m.group("a").strip("、，")) if m.group("a") else None
        sides.append((m, a))
    if not sides:
        return None
    verdicts, passages, lines = [], [], []
    last_a = None
    for m, a in sides:
        a = a if a is not None and a.known else last_a
        if a is None or not a.known:
            return None
        last_a = a
        b_text = (c.text or "")[m.start("b"):m.end()]      # 全国平均水平, 城镇居民
        mine = year_growth(review, plan_year, a.name)
        b = _completed(b_text, m.group("a"))
        if _OUTSIDE.search(b_text) and (b is None or not b.known):
            lines.append(f"需要{b_text}的增速，报告未给出")
            verdicts.append("unknown")
            if mine:
                passages.append(mine[1])
            continue
        theirs = year_growth(review, plan_year, b.name) if b is not None and b.known else None
        if mine is None or theirs is None:
            lines.append(f"报告未同时给出{a.name}和{b_text}的当年增速")
            verdicts.append("unknown")
            continue
        higher = m.group("rel") in ("高于", "快于", "不低于", "超过")
        ok = mine[0] >= theirs[0] - 1e-9 if m.group("rel") == "不低于" else (
            mine[0] > theirs[0] if higher else mine[0] < theirs[0])
        verdicts.append("done" if ok else "not_done")
        lines.append(f"{a.name}增长{mine[0]:g}%，{b.name}增长{theirs[0]:g}%，{'符合' if ok else '不符合'}“{m.group('rel')}”")
        passages += [mine[1], theirs[1]]
    status = ("unknown" if "unknown" in verdicts else "not_done" if "not_done" in verdicts else "done")
    return status, "；".join(lines), list(dict.fromkeys(passages))


def _completed(b_text: str, a_text: str) -> Indicator | None:
    """The indicator the second side names, completed with the first side's words where it only
    names its own part: "农村常住居民人均可支配收入增速高于城镇居民" -> 城镇居民 + 人均可支配收入
    (the words they share, 居民, overlapped)."""
    b = resolve(b_text)
    if b is not None and b.known:
        return b
    for j in range(len(b_text) - 1, 0, -1):
        at = a_text.find(b_text[-j:])
        if at >= 0:
            whole = resolve(b_text + a_text[at + j:])
            if whole is not None and whole.known:
                return whole
    return b


_WANT_DOWN = re.compile(words.DECREASE)
_WANT_UP = re.compile(words.INCREASE)
_WANT_STEADY = re.compile(r"稳[量中定住]|保持稳定|稳步|平稳")


def trend_verdict(c: Commitment, ind: Indicator, plan_year: int | None, review,
                  passages: list) -> tuple[str, float, object, str] | None:
    """(status, change, passage, reason) for a direction-only target, from the first passage stating a change."""
    text = c.text or ""
    if c.masked or re.search(r"[\d×*＊Ｘ]", text):
        return None     # "增长×%": a hidden number, not a target without one
    want = -1 if _WANT_DOWN.search(text) else 1 if _WANT_UP.search(text) else 0
    steady = not want and bool(_WANT_STEADY.search(text))
    if not want and not steady:
        return None
    for p in passages:
        if not period_ok(p, plan_year, review) or not mentions_of(ind, p.folded):
            continue
        changes = [f for f in figures_for(ind, p.text, plan_year)
                   if f.measure == "growth" and not f.sub_year and f.unit in ("%", "‰")]
        if changes:
            v = changes[0].value
            if steady:
                # "进出口稳中提质": holding the level; a fall misses it, growth keeps it.
                status = "done" if v >= 0 else "not_done"
                asked = "稳定（不下降）"
            else:
                status = "done" if v * want > 0 else "not_done"
                asked = "减少" if want < 0 else "增加"
            reason = f"实际{'下降' if v < 0 else '增长'}{abs(v):g}{changes[0].unit or ''}，目标要求{asked}"
            return status, v, p, reason
    return None
