"""Finding indicator names in review text (the names themselves: tracker/vocabulary.py)."""

from __future__ import annotations

import re
from functools import lru_cache

from tracker.ingest.normalize import fold as fold_text
from tracker.vocabulary import Indicator, alias_pattern as _alias_pattern, all_aliases, indicators, owner, resolve
from tracker.vocabulary import pair_names as pairs

__all__ = ["Indicator", "indicators", "resolve", "pairs", "all_aliases", "mentions", "mentions_of",
           "pair_mentions", "known_in"]


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
    return owner(m.group(0))


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
