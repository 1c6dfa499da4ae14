"""The one indicator vocabulary: names, aliases and which way is good, from tracker/data/indicators.json.

Search (tracker/search_terms.py), verification (tracker/verify/), the indicator series
(指标历年) and carry-over (tracker/history/) all read indicators here, so what one knows the
others know: GDP, 国内生产总值 and 全省地区生产总值 are one indicator everywhere.

An indicator's `aliases` are every name a report may put before its figure, loose words
included (经济增长 for 地区生产总值); its `names` are those that name it strictly (an
abbreviation, or sharing two characters in a row with the canonical name), which is what a
search may substitute without flooding the results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tracker.data import indicator_table

# Prefixes that only name the place: 全区地区生产总值 is 地区生产总值.
PLACE_PREFIX = re.compile(r"^(?:全[省市区县州旗镇]|本[省市区县]|我[省市区县]|全国)")
# Words after a name that say which measure of it a clause states, not another indicator:
# 地区生产总值增长, 居民消费价格涨幅, 城镇常住居民人均可支配收入增速.
MEASURE_TAIL = re.compile(r"(?:实际)?(?:增长率?|增速|增幅|涨幅|上涨|下降|降低|减少|提高|提升|总量|水平|指数)?$")


@dataclass(frozen=True)
class Indicator:
    """One indicator: canonical name, the names reports use for it, which way is good."""

    name: str
    aliases: tuple[str, ...]
    better: str = "higher"      # "higher" | "lower"
    rate: bool = False          # 涨幅/失业率: a growth verb and a level give the same figure
    binding: bool = False       # a binding-class (约束性) indicator: energy, emissions, air, water, land

    @property
    def names(self) -> tuple[str, ...]:
        """The aliases that name this indicator itself (search substitutes only these)."""
        return tuple(a for a in self.aliases if names_it(a, self.name))

    @property
    def known(self) -> bool:
        """True for an indicator of the data file (not one made up from an unknown name)."""
        return self.name in by_name()


def names_it(alias: str, name: str) -> bool:
    """True for an abbreviation (GDP, 社消零) or a name sharing two consecutive characters
    with name (国内生产总值 for 地区生产总值); False for a looser word (经济增长)."""
    return (alias.isascii() or len(alias) * 2 <= len(name)
            or any(alias[i:i + 2] in name for i in range(len(alias) - 1)))


@lru_cache(maxsize=1)
def indicators() -> tuple[Indicator, ...]:
    """All indicators of the data file."""
    return tuple(Indicator(d["name"], tuple(d["aliases"]), d.get("better", "higher"), bool(d.get("rate")),
                           bool(d.get("binding")))
                 for d in indicator_table()["indicators"])


@lru_cache(maxsize=1)
def by_name() -> dict[str, Indicator]:
    """Canonical name -> indicator."""
    return {ind.name: ind for ind in indicators()}


_JOINERS = ("、", "和", "与", "及")


def coordinated(first: tuple[str, ...], second: tuple[str, ...]) -> set[str]:
    """Names of two indicators sharing a head, as reports coordinate them: the aliases
    城镇常住居民人均可支配收入 and 农村常住居民人均可支配收入 give 城镇、农村常住居民人均可支配收入
    and 城镇和农村常住居民人均可支配收入 (the first member's own words, then the shared head)."""
    out = set()
    for a in first:
        for b in second:
            k = 0
            while k < min(len(a), len(b)) and a[-1 - k] == b[-1 - k]:
                k += 1
            head = a[len(a) - k:]
            if len(head) < 4 or not 0 < len(a) - k <= 4 or not 0 < len(b) - k <= 4:
                continue    # a short own part (城镇/农村) before a real shared head
            for j in _JOINERS:
                out.add(f"{a[:len(a) - k]}{j}{b}")
    return out


@lru_cache(maxsize=1)
def pair_names() -> dict[str, tuple[str, ...]]:
    """Names of two indicators at once (城乡居民人均可支配收入) -> the member indicators, in order."""
    raw = indicator_table()
    out = {a: tuple(p["members"]) for p in raw.get("pairs", []) for a in p["aliases"]}
    for p in raw.get("pairs", []):
        members = [by_name()[m] for m in p["members"] if m in by_name()]
        if len(members) == 2:
            for alias in coordinated(members[0].aliases, members[1].aliases):
                out.setdefault(alias, tuple(p["members"]))
    return out


@lru_cache(maxsize=1)
def pair_groups() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(first listed name, its names) of each pair, as search substitutes them."""
    return tuple((p["aliases"][0], tuple(p["aliases"])) for p in indicator_table().get("pairs", []) if p.get("aliases"))


@lru_cache(maxsize=1)
def all_aliases() -> tuple[str, ...]:
    """Every alias of every indicator (and pair names), longest first."""
    names = {a for ind in indicators() for a in ind.aliases} | set(pair_names())
    return tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def alias_pattern() -> re.Pattern:
    """One pattern for every alias, longest first (so the longest name wins at a place)."""
    return re.compile("|".join(re.escape(a) for a in all_aliases()), re.IGNORECASE)


@lru_cache(maxsize=1)
def _owner() -> dict[str, Indicator]:
    out: dict[str, Indicator] = {}
    for ind in indicators():
        for alias in ind.aliases:
            out.setdefault(alias.upper(), ind)
    return out


def owner(alias: str) -> Indicator | None:
    """The indicator an alias names (the first listed, for a word two share)."""
    return _owner().get(alias.upper())


@lru_cache(maxsize=4096)
def resolve(name: str | None, text: str = "") -> Indicator | None:
    """The known indicator named by name (an extracted indicator), else the first one text names;
    an unknown name is an indicator of its own (Indicator(name, (name,))).

    An alias inside a name that goes on to a noun of its own is a modifier, not the indicator
    (a noun phrase ends on its head): 全社会研发经费支出相当于全市生产总值的比例 is a ratio of its own,
    not 生产总值; measure words after a name (地区生产总值增长) are no such noun."""
    for probe in (name or "", text or ""):
        probe = PLACE_PREFIX.sub("", probe.strip())
        head = MEASURE_TAIL.sub("", probe) or probe
        for m in alias_pattern().finditer(head):
            ind = owner(m.group(0))
            if ind is not None and not (_heads_rule() and _closed_after(head, m.end())):
                return ind
    clean = PLACE_PREFIX.sub("", (name or "").strip())
    return Indicator(clean, (clean,)) if clean else None


def _heads_rule() -> bool:
    from tracker.verify import rules     # the switch eval/leave_one_out.py turns (issue 22)
    return rules.on("name_head")


# A name whose alias is followed by a noun of its own is about that noun: 生产总值的比例, 生产总值
# 占比. Anything else after the alias (a figure, a verb) leaves the alias the head.
_OWN_NOUN = re.compile(r"的|占比|比重|比例|比率|强度|密度|人均|总数|个数")


def _closed_after(head: str, end: int) -> bool:
    """True when the words after an alias (up to a figure or a break) hold a noun of their own."""
    return bool(_OWN_NOUN.search(re.split(r"[\d，,。；;、：:]", head[end:], maxsplit=1)[0]))
