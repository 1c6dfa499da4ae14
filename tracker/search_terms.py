"""What a search also means: GDP finds 地区生产总值 and 国内生产总值, CPI finds 居民消费价格.

The alternatives are the names of the one indicator vocabulary (tracker/vocabulary.py, which
verification, 指标历年 and carry-over read too), so a name added there is searchable at once.
The store turns the terms into one FTS query (tracker/store/fts.py); nothing is filtered in
Python.
"""

from __future__ import annotations

from functools import lru_cache

from tracker.ingest.normalize import fold
from tracker.vocabulary import indicators, names_it, pair_groups

MAX_TERMS = 8   # a search stays one short FTS expression


@lru_cache(maxsize=1)
def _groups() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Alias groups (each indicator's names, each pair's names), longest name first.

    The vocabulary's aliases, all of them: which ones a search may substitute is decided by
    `names_it` (an abbreviation or a name of the indicator itself, not 经济增长 for
    地区生产总值: such a word would flood a search with every commitment that mentions growth).
    """
    groups = [(ind.name, ind.aliases) for ind in indicators()] + list(pair_groups())
    return tuple((name, tuple(sorted(set(aliases), key=len, reverse=True))) for name, aliases in groups)


@lru_cache(maxsize=256)
def search_terms(query: str) -> tuple[str, ...]:
    """The query first, then the query with its indicator name replaced by each other alias.

    Only the longest alias the query holds is replaced ("GDP增长" → "地区生产总值增长").
    A term containing another term is dropped: the shorter one already finds it.
    """
    q = fold(query.strip())
    if not q:
        return (query,)
    upper = q.upper()
    best: tuple[str, str, tuple[str, ...]] | None = None
    for name, group in _groups():
        for alias in group:
            if alias.upper() in upper and (best is None or len(alias) > len(best[0])):
                best = (alias, name, group)
    if best is None or not names_it(best[0], best[1]):
        return (q,)     # no indicator named, or only a loose word for one ("经济增长")
    alias, name, group = best
    at = upper.index(alias.upper())
    variants = [q] + [q[:at] + other + q[at + len(alias):] for other in group
                      if names_it(other, name)]
    kept: list[str] = []
    for term in sorted(dict.fromkeys(variants), key=len):
        if not any(k.upper() in term.upper() for k in kept):
            kept.append(term)
    kept.sort(key=lambda t: t != q)    # the query as typed first
    return tuple(kept[:MAX_TERMS])
