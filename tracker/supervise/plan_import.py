"""A 分工方案 into the store: its tasks matched to the stored commitments by text, the matches
assigned as one change (with the 完成时限 as the deadline where the report gave none), the
unmatched listed for the user to match by hand, or added as 督办事项 (kind `task`); and the
office's own 分工方案 exported from the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tracker.display import commitment_line
from tracker.errors import UserError
from tracker.extract.dates import parse_deadline
from tracker.model import TASK
from tracker.store.query import Filter
from tracker.store.units import PLAN_ROW_FIELDS
from tracker.supervise.plan_export import PlanLine, write_plan
from tracker.supervise.plan_match import match_tasks
from tracker.supervise.plan_read import PlanRow, PlanTable, read_plan


@dataclass(frozen=True)
class PlanMatch:
    """A 分工方案 read and matched: each task's commitments, and the tasks none went to."""

    plan: PlanTable
    matched: dict[str, tuple[int, ...]]      # PlanRow.where -> commitment ids
    unmatched: tuple[PlanRow, ...]
    plan_year: int | None
    region: str | None

    def line(self) -> str:
        """"32 项任务：30 项已对应 41 条承诺，2 项未对应"."""
        n = sum(len(v) for v in self.matched.values())
        return (f"{len(self.plan.rows)} 项任务：{len(self.matched)} 项已对应 {n} 条承诺，"
                f"{len(self.unmatched)} 项未对应")


def _region(store, title: str, year: int | None) -> str | None:
    """The stored region the plan's title names (江西省… -> 江西省), None when it names none."""
    regions = {r["region"] for r in store.reports() if r.get("region") and (year is None or r.get("plan_year") == year)}
    named = [r for r in regions if r in (title or "")]
    return max(named, key=len) if named else None


def match_plan(store, path: str | Path, plan_year: int | None = None, region: str | None = None) -> PlanMatch:
    """Read the 分工方案 at path and match its tasks to the stored commitments of its plan
    year (its title's, unless given) and region (the one its title names, unless given)."""
    plan = read_plan(path)
    year = plan_year if plan_year is not None else plan.plan_year
    region = region or _region(store, plan.title, year)
    ids = store.query(Filter(year=year, region=region), order="position")
    rows = store.rows(ids)
    found = match_tasks([(r.where, r.task) for r in plan.rows], [(i, rows[i]["text"]) for i in ids if i in rows])
    return PlanMatch(plan, dict(found.matched), tuple(r for r in plan.rows if r.where in found.unmatched),
                     year, region)


def _item(row: PlanRow, cid: int, year: int | None) -> dict:
    deadline = parse_deadline(row.deadline_text, year) if row.deadline_text else None
    return {"commitment_id": cid, "leads": row.leads, "partners": row.partners,
            "deadline": deadline[0] if deadline else None, "deadline_text": row.deadline_text or None}


def assign_matched(store, match: PlanMatch, extra: dict[str, list[int]] | None = None) -> int:
    """Assign the matched tasks' units (and those the user matched by hand: extra, task ->
    ids) as one change; its id."""
    by_where = {r.where: r for r in match.plan.rows}
    items: dict[int, dict] = {}
    for where, ids in [*match.matched.items(), *(extra or {}).items()]:
        for cid in ids:
            items[cid] = _item(by_where[where], cid, match.plan_year)
    return store.units.assign_plan(list(items.values()), Path(match.plan.path).name)


def add_tasks(store, match: PlanMatch, rows: list[PlanRow], report_id: int) -> tuple[int, int, list[int]]:
    """Unmatched tasks as 督办事项 of report_id with their units (curation id, assignment id, new ids)."""
    if not rows:
        raise UserError("没有要添加的督办事项 / no task to add")
    tasks = [{"text": r.task, "kind": TASK, "category": r.category or "督办事项",
              "plan_row": {k: getattr(r, k) for k in PLAN_ROW_FIELDS},
              **{k: v for k, v in _item(r, 0, match.plan_year).items() if k in ("deadline", "deadline_text") and v}}
             for r in rows]
    kid, ids = store.units.add_tasks(report_id, tasks, Path(match.plan.path).name)
    aid = store.units.assign_plan([{**_item(r, cid, match.plan_year), "deadline": None, "deadline_text": None}
                                   for r, cid in zip(rows, ids)], Path(match.plan.path).name)
    return kid, aid, ids


def export_plan(store, f: Filter, out: str | Path, title: str | None = None) -> Path:
    """The office's 分工方案 of the commitments f selects (XLSX or DOCX by suffix), grouped by
    kind and heading as the report has them."""
    from tracker.labels import kind_label

    ids = store.query(f, order="position")
    rows = store.rows(ids)
    lines = []
    for cid in ids:
        r = rows.get(cid)
        if r is None:
            continue
        heading = kind_label(r["kind"]) + (f" · {r['category']}" if r.get("category") else "")
        lines.append(PlanLine(heading, commitment_line(r), r.get("lead_unit") or "",
                              "、".join(r.get("partner_units") or []), r.get("deadline_text") or r.get("deadline") or ""))
    if not lines:
        raise UserError("所选范围内没有承诺事项 / no commitments selected")
    years = sorted({r["plan_year"] for r in rows.values() if r.get("plan_year")})
    regions = sorted({r["region"] for r in rows.values() if r.get("region")})
    title = title or (f"{'、'.join(regions[:2])}{years[0] if len(years) == 1 else ''}"
                      f"{'年' if len(years) == 1 else ''}政府工作报告重点工作任务分工方案")
    return write_plan(title, lines, out)
