"""Which report can review which plan: one region whatever its spelling, later in time.

A plan for year N (a work report's plan part, a 民生实事 list) is reviewed by the reports
of its region written after N (next year's work report, a summary, a bulletin) and by
the completion notice of N's list whatever its date. Regions pair by their canonical
spelling (云南 = 云南省, 酒泉市肃州区 = 肃州区). The user can also pick any other
document; the candidates are offered nearest first: the same region, then the years
closest to the year after the plan's.

Reports are store rows (dicts with id, region, plan_year, report_year, kind, dropped).
"""

from __future__ import annotations

from typing import Iterable

from tracker.model import COMPLETION
from tracker.regions import canonical


def same_region(a: str | None, b: str | None) -> bool:
    """True for one place however written ("云南" and "云南省", "酒泉市肃州区" and "肃州区")."""
    if not a or not b:
        return False
    ca, cb = canonical(a), canonical(b)
    return ca == cb or (min(len(ca), len(cb)) >= 2 and (ca.endswith(cb) or cb.endswith(ca)))


def can_review(plan: dict, other: dict) -> bool:
    """Whether other is found automatically as a review of plan."""
    year = plan.get("plan_year")
    if other.get("id") == plan.get("id") or other.get("dropped") or year is None:
        return False
    if not same_region(plan.get("region"), other.get("region")):
        return False
    if other.get("kind") == COMPLETION:
        return other.get("plan_year") == year
    written = _written(other)
    return written is not None and written > year


def _written(report: dict) -> int | None:
    """The year a report was written: its date, else its plan year (a work report of year N is
    delivered in N, or in the December before, and reviews N-1 either way)."""
    return report.get("report_year") or report.get("plan_year")


def ranked_reviews(plan: dict, reports: Iterable[dict]) -> list[dict]:
    """Every other report, nearest first: same region, then the year after the plan's, then newest."""
    year = plan.get("plan_year")

    def distance(r: dict) -> tuple:
        when = _written(r)
        gap = abs(when - (year + 1)) if when is not None and year is not None else 99
        return (not same_region(plan.get("region"), r.get("region")), not can_review(plan, r), gap,
                -(when or 0), r.get("id") or 0)

    return sorted((r for r in reports if r.get("id") != plan.get("id") and not r.get("dropped")), key=distance)
