"""The carry-over rules: one region's plan of year N against its plan of year N+1.

- A target of N and a target of N+1 for the same indicator (names normalised by
  tracker.vocabulary, so 居民消费价格涨幅 and 居民消费价格指数 are one) and the same
  measure: 上调 / 下调 when the N+1 value is higher / lower, else 延续.
- An indicator targeted in N with no target in N+1: 不再提及 (targets only: a one-off
  pledge ends by nature).
- A project or livelihood item of N restated in N+1 (near wording once the figures are
  masked: "新改建农村公路2600公里" / "新改建农村公路1500公里"): 延续, one-to-one.

Pure functions over rows; the store applies them inside each write that changes a plan
(tracker.store.links.relink), so the links are never a transaction behind.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tracker.vocabulary import indicators as lexicon_indicators, resolve

# Wording: character bigrams of the text with figures masked and punctuation dropped.
_FIGURE = re.compile(r"[\d.．%％]+")
_NOT_WORD = re.compile(r"[^\u4e00-\u9fff#A-Za-z]")
MIN_DICE = 0.6          # bigram Dice of the masked wording
MIN_SHARED_RUN = 4      # and a common run of this many characters: the same subject
_TOLERANCE = 1e-9


def indicator_name(row: dict) -> str | None:
    """The normalised indicator name of a target row ("全省地区生产总值" -> "地区生产总值")."""
    # The name alone when there is one: the clause may name other indicators first
    # ("粮食产量和粮食播种面积…完成国家下达目标任务" holds four targets).
    name = (row.get("indicator") or "").strip()
    ind = resolve(name) if name else resolve(None, row.get("text") or "")
    return ind.name if ind else None


def _known(name: str) -> bool:
    """True for a name of the indicator data file (or one of its aliases)."""
    return name in _known_names()


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    return frozenset(a for ind in lexicon_indicators() for a in (ind.name, *ind.aliases))


def _is_rate(row: dict) -> bool:
    """True for an indicator whose growth and level are one figure (涨幅2% = 上涨2%)."""
    name = (row.get("indicator") or "").strip()
    ind = resolve(name) if name else None
    return bool(ind and ind.rate)


def links_between(plan: list[dict], next_plan: list[dict]) -> list[dict]:
    """Links from year N's commitments (plan) to year N+1's (next_plan): dicts from_id, to_id, flag, score."""
    links = _target_links([c for c in plan if c["kind"] == "target"],
                          [c for c in next_plan if c["kind"] == "target"])
    links += _pledge_links([c for c in plan if c["kind"] != "target"],
                           [c for c in next_plan if c["kind"] != "target"])
    return links


def _target_links(plan: list[dict], next_plan: list[dict]) -> list[dict]:
    later: dict[str, list[dict]] = {}
    for c in next_plan:
        name = indicator_name(c)
        if name:
            later.setdefault(name, []).append(c)
    links, used = [], set()
    for c in plan:
        name = indicator_name(c)
        if not name:
            continue
        if name not in later:
            # 国际收支状况 / 国际收支: names the lexicon does not know, one the other's start
            # (never 单位地区生产总值能耗 read as 地区生产总值, a known name).
            name = next((k for k in later if not _known(k) and not _known(name)
                         and min(len(k), len(name)) >= 3 and (k.startswith(name) or name.startswith(k))), name)
        if name not in later:
            links.append({"from_id": c["id"], "to_id": None, "flag": "dropped", "score": None})
            continue
        # The same measure (growth with growth, level with level) when there is one.
        same = [n for n in later[name] if n["id"] not in used and n.get("measure") == c.get("measure")]
        other = same or [n for n in later[name] if n["id"] not in used] or later[name]
        n = other[0]
        used.add(n["id"])
        links.append({"from_id": c["id"], "to_id": n["id"], "flag": revision(c, n), "score": 1.0})
    return links


def revision(old: dict, new: dict) -> str:
    """raised / lowered when both state a comparable figure that differs, else carried."""
    same_measure = old.get("measure") == new.get("measure") or (_is_rate(old) and _is_rate(new)
                                                                  and "qualitative" not in (old.get("measure"), new.get("measure")))
    if not same_measure or (old.get("unit") or "") != (new.get("unit") or ""):
        return "carried"
    a, b = _comparable(old), _comparable(new)
    if a is None or b is None or abs(a - b) < _TOLERANCE:
        return "carried"
    return "raised" if b > a else "lowered"


def _comparable(row: dict) -> float | None:
    """The figure a target commits to, signed by direction; a range counts by its low end."""
    value = row.get("value")
    if value is None:
        return None
    return -value if row.get("direction") == "decrease" else value


def _pledge_links(plan: list[dict], next_plan: list[dict]) -> list[dict]:
    grams_next = [(c, _bigrams(c["text"]), _masked(c["text"])) for c in next_plan]
    index: dict[str, list[int]] = {}
    for i, (_, grams, _) in enumerate(grams_next):
        for g in grams:
            index.setdefault(g, []).append(i)
    scored = []
    for c in plan:
        grams, masked = _bigrams(c["text"]), _masked(c["text"])
        if not grams:
            continue
        candidates = {i for g in grams for i in index.get(g, ())}
        for i in candidates:
            other, other_grams, other_masked = grams_next[i]
            dice = 2 * len(grams & other_grams) / (len(grams) + len(other_grams))
            if dice >= MIN_DICE and _shared_run(masked, other_masked) >= MIN_SHARED_RUN:
                scored.append((dice, c["id"], other["id"]))
    # Best pairs first, each commitment in at most one link.
    links, taken_from, taken_to = [], set(), set()
    for dice, a, b in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if a in taken_from or b in taken_to:
            continue
        taken_from.add(a)
        taken_to.add(b)
        links.append({"from_id": a, "to_id": b, "flag": "carried", "score": round(dice, 3)})
    return sorted(links, key=lambda k: k["from_id"])


def _masked(text: str) -> str:
    return _NOT_WORD.sub("", _FIGURE.sub("#", text or ""))


def _bigrams(text: str) -> set[str]:
    m = _masked(text)
    return {m[i:i + 2] for i in range(len(m) - 1)}


def _shared_run(a: str, b: str) -> int:
    """Length of the longest common run of Han characters of a and b."""
    best = 0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j, cb in enumerate(b, 1):
            if ca == cb and ca != "#":
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best
