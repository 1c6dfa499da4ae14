"""A report's shown fields: what the rules read, under the user's standing changes.

reports.region, plan_year, title, kind and removed are a cache. Each is the newest
standing `report_changes` row of that field, else what the rules read (extracted_*);
the region then goes through its spelling (tracker.regions.canonical) and the user's
standing region merges (云南 filed under 云南省). identity_uncertain caches whether a field
the text left uncertain (reports.uncertain) has no standing change yet: setting it, or
confirming the guess (a row with the same value), settles it. The report's commitments
carry copies: report_region, report_plan_year, and stale bit 4 while the report is removed.
Recomputed from all standing rows, never patched, so an undo needs nothing else.
"""

from __future__ import annotations

import json
import sqlite3

from tracker.regions import canonical

FIELDS = ("region", "plan_year", "title", "kind", "removed")
STANDING = ("voids IS NULL AND NOT EXISTS (SELECT 1 FROM {t} v WHERE v.voids = {t}.id)")
REMOVED_BIT = 4      # commitments.stale: 1 not found again, 2 hidden by the user, 4 its report removed


def standing(conn: sqlite3.Connection, report_id: int) -> dict[str, object]:
    """The user's standing value of each field of a report (a None value means: as the text says)."""
    out: dict[str, object] = {}
    for field, value in conn.execute(
            f"SELECT field, value FROM report_changes WHERE report_id = ? AND "
            f"{STANDING.format(t='report_changes')} ORDER BY id", (report_id,)):
        if value is None:
            out.pop(field, None)
        else:
            out[field] = json.loads(value)
    return out


def merged_region(conn: sqlite3.Connection, name: str | None) -> str | None:
    """A region's spelling after the user's standing merges (云南 -> 云南省), in one spelling."""
    name = canonical(name)
    seen: set[str] = set()
    while name and name not in seen:
        seen.add(name)
        row = conn.execute(f"SELECT region FROM region_merges WHERE alias = ? AND "
                           f"{STANDING.format(t='region_merges')} ORDER BY id DESC LIMIT 1", (name,)).fetchone()
        if row is None:
            break
        name = canonical(row[0])
    return name


def apply(conn: sqlite3.Connection, report_id: int) -> None:
    """Recompute a report's shown fields and its commitments' copies from the standing rows."""
    row = conn.execute("SELECT extracted_region, extracted_plan_year, extracted_title, extracted_kind, uncertain "
                       "FROM reports WHERE id = ?", (report_id,)).fetchone()
    if row is None:
        return
    region, year, title, kind, uncertain = row
    user = standing(conn, report_id)
    unsure = [f for f in json.loads(uncertain or "[]") if f not in user]
    conn.execute(
        "UPDATE reports SET region = ?, plan_year = ?, plan_year_set_by_user = ?, title = ?, kind = ?, "
        "removed = ?, identity_uncertain = ? WHERE id = ?",
        (merged_region(conn, user.get("region", region)), user.get("plan_year", year), int("plan_year" in user),
         user.get("title") or title, user.get("kind") or kind, int(bool(user.get("removed"))), int(bool(unsure)),
         report_id))
    copy_report_columns(conn, report_id)


def copy_report_columns(conn: sqlite3.Connection, rid: int) -> None:
    """Copy the report's region and plan year onto its commitments (sorted by in SQL), and hide
    them (stale bit 4) while the report is removed."""
    conn.execute(f"""UPDATE commitments SET
                       report_region = (SELECT region FROM reports WHERE id = :r),
                       report_plan_year = (SELECT plan_year FROM reports WHERE id = :r),
                       stale = CASE WHEN (SELECT removed FROM reports WHERE id = :r)
                                    THEN stale | {REMOVED_BIT} ELSE stale & {~REMOVED_BIT & 7} END
                     WHERE report_id = :r""", {"r": rid})
