"""A report's fields set by hand: appended `report_changes` rows, undone by voiding one.

So far the plan year (a report whose text names none, or names it wrongly); report
identity edits (region, title, kind, removal) are the next fields of the same kind. The
report's columns are a cache: the newest standing change of a field, else what the rules
read; its commitments' copies and the region's carry links follow in the same transaction.
"""

from __future__ import annotations

import json
import sqlite3

from tracker.errors import UserError
from tracker.store import changes, links
from tracker.store.clock import now
from tracker.store.guard import guarded
from tracker.store.sync import copy_report_columns

_STANDING = "voids IS NULL AND NOT EXISTS (SELECT 1 FROM report_changes v WHERE v.voids = report_changes.id)"


def apply_report_changes(conn: sqlite3.Connection, report_id: int) -> None:
    """Show a report's standing hand-set fields over what the rules read (cached columns)."""
    year = conn.execute(f"SELECT value FROM report_changes WHERE report_id = ? AND field = 'plan_year' "
                        f"AND {_STANDING} ORDER BY id DESC LIMIT 1", (report_id,)).fetchone()
    if year is None or year[0] is None:
        conn.execute("UPDATE reports SET plan_year = extracted_plan_year, plan_year_set_by_user = 0 "
                     "WHERE id = ?", (report_id,))
    else:
        conn.execute("UPDATE reports SET plan_year = ?, plan_year_set_by_user = 1 WHERE id = ?",
                     (json.loads(year[0]) if year[0] is not None else None, report_id))
    copy_report_columns(conn, report_id)


def _regions(conn: sqlite3.Connection, report_id: int) -> set[str]:
    row = conn.execute("SELECT region FROM reports WHERE id = ?", (report_id,)).fetchone()
    return {row[0]} if row and row[0] else set()


def _derive(conn: sqlite3.Connection, row: dict) -> list[int]:
    before = _regions(conn, row["report_id"])
    apply_report_changes(conn, row["report_id"])
    links.relink(conn, before | _regions(conn, row["report_id"]))
    return [c for (c,) in conn.execute("SELECT id FROM commitments WHERE report_id = ?", (row["report_id"],))]


def _describe(conn: sqlite3.Connection, row: dict) -> str:
    value = json.loads(row["value"]) if row["value"] is not None else None
    return f"报告 {row['report_id']} 计划年份 {value if value is not None else '按原文'}"


KIND = changes.register(changes.Kind(
    name="report", table="report_changes", word="报告", derive=_derive,
    void_values=lambda row: {"report_id": row["report_id"], "field": row["field"], "value": None},
    describe=_describe,
    user_rows="SELECT id, created_at, NULL, EXISTS (SELECT 1 FROM report_changes v WHERE v.voids = r.id) "
              "FROM report_changes r WHERE voids IS NULL"))


class ReportEdits(changes.Part):
    """store.report_edits: a report's fields set by hand."""

    kind = KIND

    @guarded
    def set_plan_year(self, report_id: int, year: int | None) -> int:
        """Set a report's plan year by hand (None: back to the year read from the text), with
        its commitments' copies and the region's carry links (one transaction); the change's id."""
        if year is not None and not 1949 <= int(year) <= 2100:
            raise UserError(f"{year}: 年份不合理 / not a plausible year")
        with self.store.write() as conn:
            if not conn.execute("SELECT 1 FROM reports WHERE id = ?", (int(report_id),)).fetchone():
                raise UserError(f"report {report_id}: 没有这个报告 / no such report")
            row = {"report_id": int(report_id), "field": "plan_year",
                   "value": None if year is None else json.dumps(int(year)), "created_at": now()}
            row["id"] = changes.insert(conn, "report_changes", row)
            _derive(conn, row)
            return row["id"]
