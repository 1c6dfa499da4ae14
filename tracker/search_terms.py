"""What a search also means: GDP finds 地区生产总值 and 国内生产总值, CPI finds 居民消费价格.

The alternatives come from the indicator aliases of tracker/data/indicators.json (the
same table the verify engine reads), so a name added there is searchable at once. The
store turns the terms into one FTS query (tracker/store/fts.py); nothing is filtered
in Python.
"""

from __future__ import annotations

from functools import lru_cache

from tracker.data import indicator_table
from tracker.ingest.normalize import fold

MAX_TERMS = 8   # a search stays one short FTS expression


@lru_cache(maxsize=1)
def _groups() -> tuple[tuple[str, ...], ...]:
    """Alias groups (each indicator's names, each pair's names), longest name first."""
    raw = indicator_table()
    groups = [ind["aliases"] for ind in raw["indicators"]] + [p["aliases"] for p in raw.get("pairs", [])]
    return tuple(tuple(sorted(set(g), key=len, reverse=True)) for g in groups)


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
    best: tuple[str, tuple[str, ...]] | None = None
    for group in _groups():
        for alias in group:
            if alias.upper() in upper and (best is None or len(alias) > len(best[0])):
                best = (alias, group)
    if best is None:
        return (q,)
    alias, group = best
    at = upper.index(alias.upper())
    variants = [q] + [q[:at] + other + q[at + len(alias):] for other in group]
    kept: list[str] = []
    for term in sorted(dict.fromkeys(variants), key=len):
        if not any(k.upper() in term.upper() for k in kept):
            kept.append(term)
    kept.sort(key=lambda t: t != q)    # the query as typed first
    return tuple(kept[:MAX_TERMS])
