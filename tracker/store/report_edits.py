"""A report's identity set by hand: appended `report_changes` rows, undone by voiding one.

The user sets a report's region, plan year, title and kind, confirms a guess the text did
not settle, removes a wrongly imported report and restores it; and files one spelling of
a region under another (`region_merges`). Each is one transaction of appended rows; the
report's columns are a cache (tracker/store/report_fields.py) kept with its commitments'
copies and the regions' carry links in the same transaction. Rows are keyed by the report
id, which re-import and re-extraction keep, so the edits survive both.
"""

from __future__ import annotations

import json
import sqlite3

from tracker.errors import UserError
from tracker.model import REPORT_KINDS
from tracker.regions import canonical
from tracker.store import changes, links, report_fields
from tracker.store.clock import now
from tracker.store.guard import guarded

_UNSET = object()
_WORDS = {"region": "地区", "plan_year": "计划年份", "title": "标题", "kind": "类型", "removed": "移除"}


def apply_report_changes(conn: sqlite3.Connection, report_id: int) -> None:
    """Show a report's standing hand-set fields over what the rules read (cached columns)."""
    report_fields.apply(conn, report_id)


def _regions(conn: sqlite3.Connection, report_ids) -> set[str]:
    marks = ",".join("?" * len(report_ids))
    return {r for (r,) in conn.execute(f"SELECT region FROM reports WHERE id IN ({marks})", list(report_ids)) if r}


def _derive(conn: sqlite3.Connection, row: dict) -> list[int]:
    before = _regions(conn, [row["report_id"]])
    report_fields.apply(conn, row["report_id"])
    links.relink(conn, before | _regions(conn, [row["report_id"]]))
    return [c for (c,) in conn.execute("SELECT id FROM commitments WHERE report_id = ?", (row["report_id"],))]


def _describe(conn: sqlite3.Connection, row: dict) -> str:
    value = json.loads(row["value"]) if row["value"] is not None else None
    if row["field"] == "removed":
        return f"{'移除' if value else '恢复'}报告 {row['report_id']}"
    return f"报告 {row['report_id']} {_WORDS.get(row['field'], row['field'])} {value if value is not None else '按原文'}"


KIND = changes.register(changes.Kind(
    name="report", table="report_changes", word="报告", derive=_derive, relinks=False,
    void_values=lambda row: {"report_id": row["report_id"], "field": row["field"], "value": None},
    describe=_describe,
    user_rows=changes.user_rows("report_changes")))


def _merge_derive(conn: sqlite3.Connection, row: dict) -> list[int]:
    """Re-show every report under the merged spelling (either way), with the regions' links."""
    names = {canonical(row["alias"]), canonical(row.get("region"))} - {None}
    ids = [rid for (rid,) in conn.execute(
        "SELECT id FROM reports WHERE region IN ({0}) OR extracted_region IN ({0})".format(",".join("?" * len(names))),
        [*names, *names])] if names else []
    regions = _regions(conn, ids) if ids else set()
    for rid in ids:
        report_fields.apply(conn, rid)
    links.relink(conn, regions | (_regions(conn, ids) if ids else set()))
    marks = ",".join("?" * len(ids))
    return [c for (c,) in conn.execute(f"SELECT id FROM commitments WHERE report_id IN ({marks})", ids)] if ids else []


MERGE_KIND = changes.register(changes.Kind(
    name="region_merge", table="region_merges", word="地区合并", derive=_merge_derive,
    void_values=lambda row: {"alias": row["alias"], "region": None},
    describe=lambda conn, row: f"地区 {row['alias']} 并入 {row['region']}",
    user_rows=changes.user_rows("region_merges")))


class ReportEdits(changes.Part):
    """store.report_edits: a report's fields set by hand, its removal, and region merges."""

    kind = KIND

    @guarded
    def set_plan_year(self, report_id: int, year: int | None) -> int:
        """Set a report's plan year by hand (None: back to the year read from the text), with
        its commitments' copies and the region's carry links (one transaction); the change's id."""
        return self.set_identity(report_id, plan_year=year)[0]

    @guarded
    def set_identity(self, report_id: int, *, region=_UNSET, plan_year=_UNSET, title=_UNSET, kind=_UNSET,
                     confirm: tuple[str, ...] = ()) -> list[int]:
        """Set some of a report's region, plan year, title and kind (None: as the text says), and
        confirm the guesses named in confirm ("region", "plan_year") as they stand; one
        transaction; the ids of the rows appended (store.changes.void_all takes them back as one)."""
        values = {k: v for k, v in (("region", region), ("plan_year", plan_year), ("title", title),
                                    ("kind", kind)) if v is not _UNSET}
        if "region" in values and values["region"] is not None:
            values["region"] = canonical(str(values["region"]))
            if not values["region"]:
                raise UserError("地区不能为空 / the region is empty (use none for the text's)")
        if values.get("plan_year") is not None:
            try:
                values["plan_year"] = int(values["plan_year"])
            except (TypeError, ValueError):
                raise UserError(f"{values['plan_year']}: 年份应为数字 / year must be a number") from None
            if not 1949 <= values["plan_year"] <= 2100:
                raise UserError(f"{values['plan_year']}: 年份不合理 / not a plausible year")
        if values.get("title") is not None:
            values["title"] = str(values["title"]).strip()
            if not values["title"]:
                raise UserError("标题不能为空 / the title is empty")
        if values.get("kind") is not None and values["kind"] not in REPORT_KINDS:
            raise UserError(f"{values['kind']}: 未知报告类型 / unknown report kind ({' '.join(REPORT_KINDS)})")
        with self.store.write() as conn:
            current = self._report(conn, report_id)
            for field in confirm:
                if field in ("region", "plan_year") and field not in values and current[field] is not None:
                    values[field] = current[field]
            if not values:
                return []
            return self._append(conn, int(report_id), values)

    @guarded
    def remove(self, report_id: int) -> int:
        """Take a report out of the reports, the table, the counts and the sheets (one transaction);
        its commitments, marks and curations stay, hidden, until it is restored."""
        with self.store.write() as conn:
            if self._report(conn, report_id)["removed"]:
                raise UserError(f"报告 {report_id} 已经移除 / report {report_id} is removed already")
            return self._append(conn, int(report_id), {"removed": True})[0]

    @guarded
    def restore(self, report_id: int) -> int:
        """Bring a removed report back, with everything it held (one transaction)."""
        with self.store.write() as conn:
            if not self._report(conn, report_id)["removed"]:
                raise UserError(f"报告 {report_id} 没有被移除 / report {report_id} is not removed")
            return self._append(conn, int(report_id), {"removed": False})[0]

    @guarded
    def user_data(self, report_id: int) -> dict[str, int]:
        """What the user recorded on a report's commitments: standing marks, curations, field fixes."""
        conn = self.store.conn
        self._report(conn, report_id)
        ids = "SELECT id FROM commitments WHERE report_id = :r"
        return {
            "marks": conn.execute(f"SELECT count(*) FROM events e WHERE e.commitment_id IN ({ids}) "
                                  "AND e.voids IS NULL AND NOT EXISTS (SELECT 1 FROM events v WHERE v.voids = e.id)",
                                  {"r": int(report_id)}).fetchone()[0],
            "curations": conn.execute("SELECT count(*) FROM curations WHERE report_id = :r "
                                      "AND action NOT IN ('undo', 'redo') AND voided = 0",
                                      {"r": int(report_id)}).fetchone()[0],
            "corrections": conn.execute(f"SELECT count(*) FROM corrections c WHERE c.commitment_id IN ({ids}) "
                                        "AND c.voids IS NULL AND NOT EXISTS "
                                        "(SELECT 1 FROM corrections v WHERE v.voids = c.id)",
                                        {"r": int(report_id)}).fetchone()[0],
        }

    @guarded
    def merge_region(self, alias: str, region: str) -> int:
        """File every report of one spelling of a region under another (云南 under 云南省), now and
        for reports imported later (one transaction); the merge's id (undo voids it)."""
        alias, region = canonical(alias), canonical(region)
        if not alias or not region:
            raise UserError("地区不能为空 / give both spellings")
        if alias == region:
            raise UserError(f"{alias}: 两个写法相同 / the same spelling")
        with self.store.write() as conn:
            if report_fields.merged_region(conn, region) == alias:
                raise UserError(f"{region} 已并入 {alias} / {region} is filed under {alias} already")
            row = {"alias": alias, "region": region, "created_at": now()}
            row["id"] = changes.insert(conn, "region_merges", row)
            _merge_derive(conn, row)
            return row["id"]

    @staticmethod
    def _report(conn: sqlite3.Connection, report_id: int) -> dict:
        row = conn.execute("SELECT region, plan_year, title, kind, removed FROM reports WHERE id = ?",
                           (int(report_id),)).fetchone()
        if row is None:
            raise UserError(f"report {report_id}: 没有这个报告 / no such report")
        return dict(zip(("region", "plan_year", "title", "kind", "removed"), row))

    @staticmethod
    def _append(conn: sqlite3.Connection, report_id: int, values: dict) -> list[int]:
        before = _regions(conn, [report_id])
        ids = [changes.insert(conn, "report_changes", {
            "report_id": report_id, "field": field,
            "value": None if value is None else json.dumps(value, ensure_ascii=False), "created_at": now()})
            for field, value in values.items()]
        report_fields.apply(conn, report_id)
        links.relink(conn, before | _regions(conn, [report_id]))
        return ids
