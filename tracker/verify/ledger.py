"""The review's figures of the plan year, by indicator: every known indicator named in a
passage the period classifier reads as the plan year's outcome, with the figures the
quantity reader links to it.

Search ranks passages by words, and a long line holding a whole year's figures
("全市地区生产总值5.2万亿元、增长5.4%…城镇调查失业率4.1%…") ranks low for each of them.
The ledger reads every year passage once, so a target whose indicator has a figure there
is always compared with it.
"""

from __future__ import annotations

from tracker.verify.actuals import Figure, figures_for
from tracker.verify.lexicon import indicators, mentions, pairs
from tracker.verify.passages import Passage
from tracker.verify.period import classify


def year_figures(passages: list[Passage], plan_year: int | None, review) -> dict[str, list[tuple[Passage, Figure]]]:
    """Indicator name -> (passage, figure) of the plan year, in review order."""
    by_alias: dict[str, list[str]] = {}
    for ind in indicators():
        for alias in ind.aliases:
            by_alias.setdefault(alias.upper(), []).append(ind.name)
    for alias, members in pairs().items():
        by_alias.setdefault(alias.upper(), []).extend(members)
    known = {ind.name: ind for ind in indicators()}
    out: dict[str, list[tuple[Passage, Figure]]] = {}
    for p in passages:
        found = mentions(p.folded)
        if not found or classify(p, plan_year, review) != "year":
            continue
        names = dict.fromkeys(n for _, _, alias in found for n in by_alias.get(alias.upper(), ()))
        for name in names:
            for fig in figures_for(known[name], p.text, plan_year):
                out.setdefault(name, []).append((p, fig))
    return out
