"""Read side of the store: the Filter, SQL for filtering/sorting/counting, row dicts.

Everything a table, tree or sheet shows is selected, ordered and grouped in SQL so
100,000 commitments stay fast; Python only formats the rows asked for.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date

from tracker.display import target_label as format_target   # the 目标值 words, one definition
from tracker.store import fts
from tracker.errors import UserError
from tracker.schedule import elapsed_share
from tracker.search_terms import search_terms
from tracker.themes import theme_names, theme_of
from tracker.store.links import carry_clause
from tracker.store.unit_cache import Names

# What store.rows() returns for each id (the columns a table row shows).
ROW_FIELDS = ("id", "kind", "text", "indicator", "subject", "stretch", "target", "deadline", "status", "claim",
              "overdue", "behind", "evidence_count", "region", "plan_year", "category", "stale",
              "progress", "report_id", "title", "line", "pending", "dropped", "origin",
              "lead_unit", "partner_units", "deadline_text")

# Sort keys accepted by query(order=...) and the SQL they sort by.
ORDERS = {
    "id": "c.id", "kind": "c.kind", "text": "c.text", "indicator": "c.indicator",
    "value": "c.value", "target": "c.value", "unit": "c.unit", "deadline": "c.deadline",
    "status": "c.current_status", "current_status": "c.current_status",
    "progress": "c.current_progress", "current_progress": "c.current_progress",
    "evidence_count": "c.evidence_count", "evidence": "c.evidence_count", "line": "c.line",
    "number": "c.number", "category": "c.category", "stale": "c.stale",
    "report_id": "c.report_id", "region": "c.report_region", "plan_year": "c.report_plan_year",
    "year": "c.report_plan_year", "title": "r.title", "measure": "c.measure",
    "position": "c.report_id", "lead_unit": "c.lead_unit",
}
# Document order (report, then line): the table's default and every sort's tie-break.
POSITION = ("c.report_id", "c.line", "c.id")


@dataclass(frozen=True)
class Filter:
    """Which commitments to show; None/False means no restriction."""

    kind: str | None = None
    status: str | None = None          # a status, or "unmarked"
    year: int | None = None            # plan year
    region: str | None = None
    report_id: int | None = None
    category: str | None = None
    overdue: bool = False
    behind: bool = False
    text: str | None = None            # substring of the commitment text (FTS + LIKE)
    as_of: date | str | None = None    # default today
    include_stale: bool = False
    dropped: bool = False              # only items hidden by the user (不是承诺, split, merged)
    carry: str | None = None           # a carry-over flag: carried, raised, lowered, dropped
    pending: bool = False              # only those with suggestions waiting for review
    theme: str | None = None           # a tracker.themes name: the headings of that theme
    unit: str | None = None            # a responsible unit (lead or partner), any of its names

# Commitments with at least one suggestion nobody has accepted or rejected yet.
PENDING_SQL = "c.id IN (SELECT commitment_id FROM suggestions WHERE state = 'pending')"


def as_of_date(f: Filter) -> date:
    """The Filter's reference date (today when unset)."""
    if f.as_of is None:
        return date.today()
    if isinstance(f.as_of, date):
        return f.as_of
    try:
        return date.fromisoformat(str(f.as_of)[:10])
    except ValueError:
        raise UserError(f"{f.as_of}: 日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD") from None


def overdue_sql(as_of: date) -> tuple[str, list]:
    """Condition: deadline passed at as_of and not done."""
    return ("(c.deadline IS NOT NULL AND c.deadline < ? AND IFNULL(c.current_status, '') != 'done')",
            [as_of.isoformat()])


def behind_sql(conn, as_of: date) -> str:
    """Condition: recorded progress below the 序时进度 of the plan year and not done.

    The share is the same for every report of a plan year, so the condition is one
    "report in (…) and progress < share" term per share value (at most a handful).
    """
    by_share: dict[float, list[int]] = {}
    for rid, year in conn.execute("SELECT id, plan_year FROM reports WHERE plan_year IS NOT NULL"):
        share = elapsed_share(int(year), as_of)
        if share > 0:
            by_share.setdefault(share, []).append(rid)
    if not by_share:
        return "0"
    terms = " OR ".join(f"(c.current_progress + 1e-9 < {share!r} AND c.report_id IN ({','.join(map(str, ids))}))"
                        for share, ids in sorted(by_share.items()))
    return (f"(c.current_progress IS NOT NULL AND IFNULL(c.current_status, '') != 'done' "
            f"AND ({terms}))")


def where(conn, f: Filter) -> tuple[str, list]:
    """The WHERE clause (over commitments c, reports r) for f, and its params."""
    conds: list[str] = []
    params: list = []
    # stale bit 1: not found again by the rules; bit 2: hidden by the user (store/curate.py);
    # bit 4: its report removed by the user (store/report_fields.py): out of every view.
    if f.dropped:
        conds.append("c.stale IN (2, 3)" if f.include_stale else "c.stale = 2")
    elif f.include_stale:
        conds.append("c.stale < 2")
    else:
        conds.append("c.stale = 0")
    for column, value in (("c.kind", f.kind), ("c.report_id", f.report_id), ("c.category", f.category)):
        if value is not None and value != "":
            conds.append(f"{column} = ?")
            params.append(value)
    # Report filters as a sub-select: the few matching reports drive the (report_id, stale) index.
    rconds, rparams = [], []
    for column, value in (("plan_year", f.year), ("region", f.region)):
        if value is not None and value != "":
            rconds.append(f"{column} = ?")
            rparams.append(value)
    if rconds:
        rids = [i for (i,) in conn.execute(f"SELECT id FROM reports WHERE {' AND '.join(rconds)}", rparams)]
        conds.append(f"c.report_id IN ({','.join(map(str, rids))})" if rids else "0")
    if f.status == "unmarked":
        conds.append("c.current_status IS NULL")
    elif f.status:
        conds.append("c.current_status = ?")
        params.append(f.status)
    if f.overdue:
        sql, p = overdue_sql(as_of_date(f))
        conds.append(sql)
        params += p
    if f.behind:
        conds.append(behind_sql(conn, as_of_date(f)))
    if f.carry:
        sql, p = carry_clause(f.carry)
        conds.append(sql)
        params += p
    if f.theme:
        headings = [h for (h,) in conn.execute("SELECT DISTINCT category FROM commitments")
                    if theme_of(h) == f.theme]
        conds.append(f"c.category IN ({','.join('?' * len(headings))})" if headings else "0")
        params += headings
    if f.pending:
        conds.append(PENDING_SQL)
    if f.unit:
        conds.append(unit_clause(conn, f.unit))
    if f.text:
        sql, p = fts.commitment_clause(f.text, search_terms(f.text))
        conds.append(sql)
        params += p
    return (" AND ".join(conds) or "1"), params


def unit_clause(conn, name: str) -> str:
    """Condition: the unit a name stands for (aliases followed) leads or assists c."""
    uid = Names(conn).find(name)
    if uid is None:
        return "0"
    return f"c.id IN (SELECT commitment_id FROM commitment_units WHERE unit_id = {int(uid)})"


FROM = "FROM commitments c JOIN reports r ON r.id = c.report_id"


def from_for(*sql: str) -> str:
    """FROM clause: join reports only when the SQL refers to r (100k joins cost ~100 ms)."""
    return FROM if any(re.search(r"\br\.", s) for s in sql) else "FROM commitments c"


def query_sql(conn, f: Filter, order: str, descending: bool) -> tuple[str, list]:
    """SELECT c.id ... ORDER BY for f."""
    column = ORDERS.get(order)
    if column is None:
        raise UserError(f"{order}: 不能按此排序 / unknown sort column")
    w, params = where(conn, f)
    direction = "DESC" if descending else "ASC"
    unfiltered = w in ("c.stale = 0", "c.stale < 2", "1")
    if order == "position":
        # All rows, or one kind or one status (the big sets): walk a (stale, [kind|status,]
        # report_id, line) index. Narrower filters: "+" keeps the filter's index and sorts
        # the smaller result.
        walk = unfiltered or (w.count(" AND ") == 1 and w.startswith("c.stale = 0 AND ")
                              and (f.kind is not None) != (f.status is not None))
        first = POSITION[0] if walk else f"+{POSITION[0]}"
        keys = ", ".join(f"{k} {direction}" for k in (first, *POSITION[1:]))
        return f"SELECT c.id {from_for(w)} WHERE {w} ORDER BY {keys}", params
    # Unfiltered: walk the (stale, column) index in order; ties come out in id order, which
    # is document order as imported ("ASC" even for a descending sort, so "类型 ▼" does not
    # list a report's targets backwards). Filtered: let the planner use the filter's index
    # and sort the smaller result by column, then document position.
    if unfiltered or (column == "c.id" and not (f.overdue or f.behind)):
        tie = "c.id ASC" if column != "c.id" else ""
        sort = f"{column} {direction}"
    else:
        tie = ", ".join(f"{k} ASC" for k in POSITION)
        sort = f"+{column} {direction}"
    return (f"SELECT c.id {from_for(w, column)} WHERE {w} ORDER BY {sort}{', ' + tie if tie else ''}",
            params)


def count_sql(conn, f: Filter) -> tuple[str, list]:
    """SELECT count(*) for f."""
    w, params = where(conn, f)
    return f"SELECT count(*) {from_for(w)} WHERE {w}", params


def rows(conn, ids: list[int], as_of: date | None = None) -> dict[int, dict]:
    """Table row dicts (ROW_FIELDS) for ids, computed in one query."""
    if not ids:
        return {}
    as_of = as_of or date.today()
    out: dict[int, dict] = {}
    for chunk_start in range(0, len(ids), 500):
        chunk = list(ids[chunk_start:chunk_start + 500])
        marks = ",".join("?" * len(chunk))
        overdue, op = overdue_sql(as_of)
        sql = f"""
            SELECT c.*, r.region, r.plan_year, r.title, {overdue} AS overdue,
                   {behind_sql(conn, as_of)} AS behind,
                   (SELECT s.status FROM suggestions s WHERE s.commitment_id = c.id
                      AND s.state != 'rejected' ORDER BY s.score DESC, s.id DESC LIMIT 1) AS claim,
                   (SELECT count(*) FROM suggestions s WHERE s.commitment_id = c.id
                      AND s.state = 'pending') AS pending
            {FROM} WHERE c.id IN ({marks})"""
        cur = conn.execute(sql, op + chunk)
        names = [d[0] for d in cur.description]
        for values in cur:
            row = dict(zip(names, values))
            out[row["id"]] = {
                **{k: row.get(k) for k in ROW_FIELDS if k in row},
                "target": format_target(row),
                "status": row["current_status"],
                "progress": row["current_progress"],
                "overdue": bool(row["overdue"]),
                "behind": bool(row["behind"]),
                "stale": bool(row["stale"] & 1),
                "dropped": bool(row["stale"] & 2),
                "partner_units": json.loads(row["partner_units"]) if row.get("partner_units") else [],
            }
    return out


def stats(conn, f: Filter) -> dict:
    """Counts by status and kind, total, overdue and behind, for f.

    One pass over the matching rows (grouped by status and kind, the other counts as
    sums of their conditions): five separate counts read 100,000 rows five times.
    """
    w, params = where(conn, f)
    src = from_for(w)
    o_sql, o_params = overdue_sql(as_of_date(f))
    b_sql = behind_sql(conn, as_of_date(f))
    rows = conn.execute(
        f"SELECT c.current_status, c.kind, count(*), "
        f"sum(CASE WHEN {o_sql} THEN 1 ELSE 0 END), sum(CASE WHEN {b_sql} THEN 1 ELSE 0 END), "
        f"sum(CASE WHEN {PENDING_SQL} THEN 1 ELSE 0 END) {src} WHERE {w} GROUP BY 1, 2",
        o_params + params).fetchall()
    by_status: dict[str, int] = {}
    by_kind: dict[str, int] = {}
    overdue = behind = pending = 0
    for status, kind, n, o, b, p in sorted(rows, key=lambda r: (r[0] is not None, r[0] or "", r[1])):
        by_status[status or "unmarked"] = by_status.get(status or "unmarked", 0) + n
        overdue, behind, pending = overdue + o, behind + b, pending + p
    for _status, kind, n, *_ in sorted(rows, key=lambda r: r[1]):
        by_kind[kind] = by_kind.get(kind, 0) + n
    return {"total": sum(by_status.values()), "by_status": by_status, "by_kind": by_kind,
            "overdue": overdue, "behind": behind, "pending": pending}


def by_unit(conn, f: Filter) -> list[dict]:
    """Per lead unit, over the commitments f selects, in the order units were first named:
    unit, assigned, done, in_progress (推进中 or 部分完成), behind, overdue. In SQL: the 概览's
    按单位 view redraws on every filter change."""
    w, params = where(conn, f)
    o_sql, o_params = overdue_sql(as_of_date(f))
    b_sql = behind_sql(conn, as_of_date(f))
    reports = "JOIN reports r ON r.id = c.report_id" if from_for(w) == FROM else ""
    rows = conn.execute(
        f"SELECT n.name, count(*), sum(IFNULL(c.current_status, '') = 'done'), "
        f"sum(IFNULL(c.current_status, '') IN ('in_progress', 'partial')), "
        f"sum(CASE WHEN {b_sql} THEN 1 ELSE 0 END), sum(CASE WHEN {o_sql} THEN 1 ELSE 0 END) "
        f"FROM commitment_units u JOIN units n ON n.id = u.unit_id JOIN commitments c ON c.id = u.commitment_id "
        f"{reports} "
        f"WHERE u.role = 'lead' AND {w} GROUP BY n.id ORDER BY n.id", o_params + params).fetchall()
    return [{"unit": name, "assigned": n, "done": d, "in_progress": p, "behind": b, "overdue": o}
            for name, n, d, p, b, o in rows]


def facets(conn) -> dict:
    """Values present among current commitments: years, regions, categories, kinds."""
    live = "FROM reports r WHERE EXISTS (SELECT 1 FROM commitments c WHERE c.report_id = r.id AND c.stale = 0)"

    def col(sql: str) -> list:
        return [v for (v,) in conn.execute(sql)]
    return {"years": col(f"SELECT DISTINCT r.plan_year {live} AND r.plan_year IS NOT NULL ORDER BY 1"),
            "regions": col(f"SELECT DISTINCT r.region {live} AND r.region IS NOT NULL ORDER BY 1"),
            "categories": col("SELECT DISTINCT category FROM commitments WHERE stale = 0 "
                              "AND category IS NOT NULL ORDER BY 1"),
            "kinds": col("SELECT DISTINCT kind FROM commitments WHERE stale = 0 ORDER BY 1"),
            "themes": themes(conn),
            "units": col("SELECT n.name FROM units n WHERE EXISTS (SELECT 1 FROM commitment_units u JOIN "
                         "commitments c ON c.id = u.commitment_id WHERE u.unit_id = n.id AND c.stale = 0) "
                         "ORDER BY n.id")}


def themes(conn, f: Filter | None = None) -> list[tuple[str, int]]:
    """(theme, count of current commitments) for the themes present, in display order; with
    f, counted among what f selects whatever its own theme (what choosing each would show)."""
    counts: dict[str, int] = {}
    if f is None:
        sql, params = ("SELECT category, count(*) FROM commitments WHERE stale = 0 "
                       "AND category IS NOT NULL GROUP BY 1"), []
    else:
        w, params = where(conn, replace(f, theme=None))
        sql = f"SELECT c.category, count(*) {from_for(w)} WHERE {w} AND c.category IS NOT NULL GROUP BY 1"
    for heading, n in conn.execute(sql, params):
        name = theme_of(heading)
        counts[name] = counts.get(name, 0) + n
    return [(name, counts[name]) for name in theme_names() if name in counts]


def tree(conn) -> list[dict]:
    """One entry per report: region, plan_year, report_id, title, count (of current commitments),
    kind, identity_uncertain, dropped (removed by the user)."""
    cur = conn.execute("""
        SELECT r.region, r.plan_year, r.id AS report_id, r.title, r.document_id, r.kind,
               r.identity_uncertain, r.removed AS dropped,
               (SELECT count(*) FROM commitments c WHERE c.report_id = r.id AND c.stale & 3 = 0) AS count
        FROM reports r ORDER BY r.region IS NULL, r.region, r.plan_year IS NULL, r.plan_year DESC, r.id""")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, v)) for v in cur]
