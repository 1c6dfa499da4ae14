"""Targets without a number of their own.

Direction only ("主要污染物排放继续减少"): done when the review states a change of the
indicator in that direction for the plan year, not_done when it states the opposite.

Keeping pace ("城乡居民收入实际增长和经济增长保持同步"): the target has no number; the review settles it when it gives, for the plan
year, the growth of GDP and of residents' income (all residents, or both urban and rural):
income growth at least GDP growth is done (for "基本同步" at least GDP growth - 0.5), below
it not_done, urban and rural on either side partial. Anything less is unknown.
"""

from __future__ import annotations

import re

from tracker.model import Commitment
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


def is_sync_target(c: Commitment) -> bool:
    """True for "居民收入增长和经济发展同步"-style targets."""
    t = c.text or ""
    return c.value is None and bool(_SYNC.search(t) and _INCOME.search(t) and _ECONOMY.search(t))


def indicators() -> list[Indicator]:
    """GDP and the income indicators the rule reads."""
    return [resolve(GDP)] + [resolve(n) for n in INCOMES]


def sync_verdict(c: Commitment, plan_year: int | None, review, search) -> tuple[str, str, list] | None:
    """(status, reason, passages) when the review gives GDP and income growth of the plan year."""
    found: dict[str, tuple[float, object]] = {}
    ledger = review.ledger(plan_year) if hasattr(review, "ledger") else {}
    for ind in indicators():
        # The review's year figures first (however search ranks their line), then search.
        for p, f in ledger.get(ind.name, ()):
            if f.measure == "growth" and f.unit == "%" and not f.sub_year:
                found[ind.name] = (f.value, p)
                break
        if ind.name in found:
            continue
        for p in search(ind):
            if not period_ok(p, plan_year, review):
                continue
            growth = [f.value for f in figures_for(ind, p.text, plan_year)
                      if f.measure == "growth" and f.unit == "%" and not f.sub_year]
            if growth:
                found[ind.name] = (growth[0], p)
                break
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
    status = "done" if all(ok) else "not_done" if not any(ok) else "partial"
    shown = "、".join(f"{n}增长{found[n][0]:g}%" for n in parts)
    said = {"done": "收入增长不慢于经济增长", "not_done": "收入增长慢于经济增长",
            "partial": "城乡只有一方不慢于经济增长"}[status]
    reason = (f"{shown}，经济增长{gdp:g}%，{said}"
              + (f"（基本同步：允许相差{slack:g}个百分点）" if slack else ""))
    return status, reason, [found[n][1] for n in parts] + [gdp_p]


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
