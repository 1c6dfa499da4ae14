"""名词解释 terms as tooltips: which glossary terms a text mentions, as safe rich text.

Reports often end with a 名词解释 section ("1.“四上”企业：指规模以上工业…"). Where a
commitment's text uses such a term, its tooltip carries the explanation. Everything
that comes from a document is HTML-escaped: a report may contain "<" or "&", and
nothing in a document may inject markup.
"""

from __future__ import annotations

import html

# A tooltip is read at a glance: a long explanation is cut here.
_MAX_DEFINITION = 240
_MAX_TERMS = 8


def find_terms(text: str, glossary: dict[str, str]) -> list[tuple[str, str]]:
    """(term, definition) for each glossary term found in text, in order of appearance."""
    if not text or not glossary:
        return []
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str, str]] = []
    # Longest first, so "高标准农田" wins over "农田" at the same place.
    for term in sorted(glossary, key=len, reverse=True):
        bare = term.strip("“”\"' ")
        if len(bare) < 2:
            continue
        pos = text.find(bare)
        while pos >= 0:
            end = pos + len(bare)
            if not any(pos < e and s < end for s, e in taken):
                taken.append((pos, end))
                found.append((pos, term, glossary[term]))
                break
            pos = text.find(bare, pos + 1)
    found.sort()
    return [(term, definition) for _, term, definition in found[:_MAX_TERMS]]


def _definition(text: str) -> str:
    text = " ".join((text or "").split())
    if len(text) > _MAX_DEFINITION:
        text = text[:_MAX_DEFINITION - 1] + "…"
    return text


def text_tooltip(text: str, glossary: dict[str, str] | None = None, width: int = 420) -> str:
    """Rich-text tooltip with the full text, then any glossary explanations under a rule."""
    body = html.escape(text or "")
    terms = find_terms(text, glossary or {})
    if terms:
        body += "<hr>" + "<br>".join(
            f"<b>{html.escape(term)}</b>：{html.escape(_definition(d))}" for term, d in terms)
    # A fixed-width table makes Qt wrap long Chinese lines instead of one wide strip.
    return f"<qt><table width={width}><tr><td>{body}</td></tr></table></qt>"
