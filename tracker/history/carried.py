"""Carried over, revised, dropped: one region's plan of year N against its plan of year N+1.

The rules are tracker/history/carry_rules.py; the store applies them in the transaction of
every write that changes a plan (import, re-extraction, a hand edit, a plan year), so
nothing here needs calling after an edit. `refresh` rebuilds links explicitly (a store
made before the links existed); `carried_report` lists them.
"""

from __future__ import annotations

from collections.abc import Iterable

from tracker.errors import UserError
from tracker.history.carry_rules import indicator_name, links_between, revision  # noqa: F401  (the rules' API)
from tracker.store import Filter


def refresh(store, regions: Iterable[str] | None = None) -> int:
    """Rebuild carry links for regions (default: every region with reports), one
    transaction; returns how many."""
    return store.relink(regions)


def carried_report(store, region: str, year: int) -> dict:
    """What year's plan of region carries into year+1: lists per flag, each item with both texts.

    UserError when region has no reports, or no plan for year or for year+1."""
    years = sorted({r["plan_year"] for r in store.reports()
                    if r.get("region") == region and r.get("plan_year") is not None})
    if not years:
        raise UserError(f"{region}: 没有这个地区的报告 / no reports of this region")
    for y in (year, year + 1):
        if y not in years:
            raise UserError(f"{region}: 没有{y}年的计划 / no plan for {y} "
                            f"(有 has: {', '.join(map(str, years))})")
    out: dict[str, list[dict]] = {"carried": [], "raised": [], "lowered": [], "dropped": []}
    for cid in store.query(Filter(region=region, year=year), order="position"):
        for link in store.carry_links(cid):
            if link["side"] != "next":
                continue
            c = store.commitment(cid)
            out[link["flag"]].append({
                "id": cid, "kind": c["kind"], "text": c["text"], "indicator": indicator_name(c)
                if c["kind"] == "target" else None, "target": c.get("target") or None,
                "next_id": link["other_id"], "next_text": link["other_text"],
                "next_target": store.commitment(link["other_id"]).get("target") or None
                if link["other_id"] else None, "score": link["score"]})
    return {"region": region, "year": year, "next_year": year + 1, **out}
