"""Indicator synonyms (tracker/data/indicators.json) and finding indicator mentions in text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tracker.data import indicator_table
from tracker.ingest.normalize import fold as fold_text

# Prefixes that only name the place: 全区地区生产总值 is 地区生产总值.
_PLACE_PREFIX = re.compile(r"^(?:全[省市区县州旗镇]|本[省市区县]|我[省市区县]|全国)")


@dataclass(frozen=True)
class Indicator:
    """One indicator: canonical name, the names reports use for it, which way is good."""

    name: str
    aliases: tuple[str, ...]
    better: str = "higher"      # "higher" | "lower"
    rate: bool = False          # 涨幅/失业率: a growth verb and a level give the same figure


@lru_cache(maxsize=1)
def indicators() -> tuple[Indicator, ...]:
    """All indicators of the data file."""
    raw = indicator_table()
    return tuple(Indicator(d["name"], tuple(d["aliases"]), d.get("better", "higher"), bool(d.get("rate")))
                 for d in raw["indicators"])


@lru_cache(maxsize=1)
def pairs() -> dict[str, tuple[str, ...]]:
    """Names of two indicators at once (城乡居民人均可支配收入) -> the member indicators, in order."""
    raw = indicator_table()
    out = {a: tuple(p["members"]) for p in raw.get("pairs", []) for a in p["aliases"]}
    by_name = {ind.name: ind for ind in indicators()}
    for p in raw.get("pairs", []):
        members = [by_name[m] for m in p["members"] if m in by_name]
        if len(members) == 2:
            for alias in coordinated(members[0].aliases, members[1].aliases):
                out.setdefault(alias, tuple(p["members"]))
    return out


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
def all_aliases() -> tuple[str, ...]:
    """Every alias of every indicator (and pair names), longest first."""
    names = {a for ind in indicators() for a in ind.aliases} | set(pairs())
    return tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern:
    return re.compile("|".join(re.escape(a) for a in all_aliases()), re.IGNORECASE)


@lru_cache(maxsize=4096)
def resolve(name: str | None, text: str = "") -> Indicator | None:
    """The known indicator named by name (an extracted indicator), else the first one text names."""
    for probe in (name or "", text or ""):
        probe = _PLACE_PREFIX.sub("", probe.strip())
        if not probe:
            continue
        m = _alias_pattern().search(probe)
        if m:
            alias = m.group(0)
            for ind in indicators():
                if alias in ind.aliases or alias.upper() in ind.aliases:
                    return ind
    if name and name.strip():
        clean = _PLACE_PREFIX.sub("", name.strip())
        return Indicator(clean, (clean,))
    return None


# Measure nouns a report may detach from the name they close: "规模以上工业企业达7.6万家、
# 增加值增长3%" is 规模以上工业增加值.
_TAILS = ("增加值", "总额", "总产量", "产量")


@lru_cache(maxsize=1)
def _elliptic_pattern() -> re.Pattern | None:
    """Name heads whose measure noun follows later in the clause group, after 、 or ，."""
    heads = {a[:-len(t)]: t for a in all_aliases() for t in _TAILS
             if a.endswith(t) and len(a) - len(t) >= 3 and a not in pairs()}
    if not heads:
        return None
    alts = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    tails = "|".join(_TAILS)
    return re.compile(rf"({alts})[^。；;，,、]{{0,14}}[、，,]\s*({tails})")


@lru_cache(maxsize=8192)
def mentions(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, alias) of every indicator name in text, longest match at each place;
    a name split by a figure ("规模以上工业企业达7.6万家、增加值…") spans its head to its tail."""
    found = [(m.start(), m.end(), m.group(0)) for m in _alias_pattern().finditer(text)]
    pattern = _elliptic_pattern()
    if pattern is not None:
        known = set(all_aliases())
        for m in pattern.finditer(text):
            alias = m.group(1) + m.group(2)
            if alias in known and not any(a < m.end() and m.start() < b for a, b, _ in found):
                found.append((m.start(), m.end(), alias))
        found.sort()
    return tuple(found)


def known_in(text: str) -> Indicator | None:
    """The data file's indicator that text names, if any."""
    m = _alias_pattern().search(fold_text(text))
    if not m:
        return None
    alias = m.group(0).upper()
    return next((ind for ind in indicators() if alias in _upper(ind.aliases)), None)


def pair_mentions(ind: Indicator, text: str) -> list[tuple[int, int, int]]:
    """(start, end, position of ind in the pair) where a pair name covering ind is used."""
    return [(start, end, pairs()[alias].index(ind.name)) for start, end, alias in mentions(text)
            if alias in pairs() and ind.name in pairs()[alias]]


def mentions_of(ind: Indicator, text: str) -> list[tuple[int, int]]:
    """Spans in text where ind is named; a longer name of another indicator does not count."""
    aliases = _upper(ind.aliases)
    spans = [(start, end) for start, end, alias in mentions(text) if alias.upper() in aliases]
    if not _known(ind.aliases):
        # An indicator the data does not know: plain search for its name.
        for alias in ind.aliases:
            spans.extend((m.start(), m.end()) for m in re.finditer(re.escape(alias), text))
    return sorted(set(spans))


@lru_cache(maxsize=1024)
def _upper(aliases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(a.upper() for a in aliases)


@lru_cache(maxsize=1024)
def _known(aliases: tuple[str, ...]) -> bool:
    """True when the data file lists one of aliases."""
    known = set(all_aliases())
    return any(a in known for a in aliases)
