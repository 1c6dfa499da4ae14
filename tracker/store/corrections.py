"""Field fixes: a correction is an appended `corrections` row per field; undo appends one
voiding it by id. The value shown is the newest standing correction of each field, else
what the rules read (kept in `extracted_values` from the first fix of a field on), so
voiding one program's fix never takes away another's. The plan year shown with a
commitment's fields is its report's: fixed together with them (`apply`), it is a
`report_changes` row appended in the same transaction.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from tracker.errors import UserError
from tracker.model import KINDS
from tracker.store import changes, fts, links
from tracker.store.changes import Ref
from tracker.store.clock import now
from tracker.store.guard import guarded
from tracker.store.marks import require

_FLOAT_FIELDS = {"value", "value_high", "level_value", "factor", "stretch"}
_INT_FIELDS = {"line", "number", "start", "end"}
_BOOL_FIELDS = {"annual_average", "masked"}
_TEXT_FIELDS = {"kind", "text", "indicator", "measure", "unit", "comparator", "direction", "deadline",
                "deadline_text", "category", "period", "level_unit", "level_comparator", "subject"}
CORRECTABLE = _FLOAT_FIELDS | _INT_FIELDS | _BOOL_FIELDS | _TEXT_FIELDS
# The report's plan year, fixed beside a commitment's fields (apply); None: the text's again.
PLAN_YEAR = "plan_year"
_UNSET = object()
# Standing corrections: not an undo, not undone.
_STANDING = ("voids IS NULL AND NOT EXISTS (SELECT 1 FROM corrections v WHERE v.voids = corrections.id)")


def coerce_field(field: str, value):
    """value converted to the column type of field; UserError naming the field if it cannot be."""
    if field not in CORRECTABLE:
        raise UserError(f"{field}: 不能修改此字段 / not a correctable field ({', '.join(sorted(CORRECTABLE))})")
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", "null", "none")):
        if field in ("kind", "text"):
            raise UserError(f"{field}: 不能为空 / cannot be empty")
        return None
    try:
        if field in _FLOAT_FIELDS:
            return float(str(value).rstrip("%"))
        if field in _INT_FIELDS:
            return int(value)
        if field in _BOOL_FIELDS:
            return int(str(value).lower() in ("1", "true", "yes", "是")) if isinstance(value, str) else int(bool(value))
    except ValueError:
        raise UserError(f"{field}={value}: 不是数字 / not a number") from None
    value = str(value)
    if field == "kind" and value not in KINDS:
        raise UserError(f"kind={value}: 类型应为 / kind must be one of {', '.join(KINDS)}")
    if field == "deadline":
        try:
            value = date.fromisoformat(value).isoformat()
        except ValueError:
            raise UserError(f"deadline={value}: 日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD") from None
    return value


def coerce_plan_year(value) -> int | None:
    """A plan year as set by hand (None, "none" or "": the year read from the text again)."""
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", "null", "none")):
        return None
    try:
        year = int(str(value).strip())
    except ValueError:
        raise UserError(f"{PLAN_YEAR}={value}: 年份应为数字 / year must be a number") from None
    if not 1949 <= year <= 2100:
        raise UserError(f"{PLAN_YEAR}={value}: 年份不合理 / not a plausible year")
    return year


def forget_extracted(conn: sqlite3.Connection, cid: int) -> None:
    """The rules just wrote cid's columns afresh: what they read is in the columns again."""
    conn.execute("DELETE FROM extracted_values WHERE commitment_id = ?", (cid,))


def apply_corrections(conn: sqlite3.Connection, cid: int) -> None:
    """Show the newest standing correction of each field over what the rules read, and the
    rules' value of a field whose corrections are all voided (one transaction with the change)."""
    latest: dict[str, object] = {}
    fields: set[str] = set()
    for name, value, standing in conn.execute(
            f"SELECT field, value, {_STANDING} FROM corrections WHERE commitment_id = ? AND voids IS NULL "
            "ORDER BY id", (cid,)):
        fields.add(name)
        if standing:
            latest[name] = json.loads(value) if value is not None else None
    kept = dict(conn.execute("SELECT field, value FROM extracted_values WHERE commitment_id = ?", (cid,)))
    for name in fields:
        if name not in kept:   # the first fix of this field: keep what the rules read
            value = conn.execute(f'SELECT "{name}" FROM commitments WHERE id = ?', (cid,)).fetchone()[0]
            conn.execute("INSERT INTO extracted_values (commitment_id, field, value) VALUES (?, ?, ?)",
                         (cid, name, json.dumps(value, ensure_ascii=False)))
            kept[name] = json.dumps(value, ensure_ascii=False)
    for name in fields:
        value = latest[name] if name in latest else json.loads(kept[name])
        conn.execute(f'UPDATE commitments SET "{name}" = ? WHERE id = ?', (value, cid))
    if "text" in fields:
        fts.index_commitment(conn, cid, conn.execute("SELECT text FROM commitments WHERE id = ?",
                                                     (cid,)).fetchone()[0] or "")


def append(conn: sqlite3.Connection, cid: int, values: dict) -> list[int]:
    """Inside a write transaction: one correction row per field, applied; their ids."""
    key = conn.execute("SELECT key FROM commitments WHERE id = ?", (cid,)).fetchone()[0]
    ids = [changes.insert(conn, "corrections", {
        "commitment_id": cid, "commitment_key": key, "field": f,
        "value": json.dumps(v, ensure_ascii=False), "created_at": now()}) for f, v in values.items()]
    apply_corrections(conn, cid)
    return ids


def set_report_year(conn: sqlite3.Connection, cid: int, year: int | None) -> int:
    """Inside a write transaction: the plan year of cid's report set by hand (a report_changes
    row, as store.report_edits appends it) with what it derives, the region's carry links
    among them; the row's id."""
    report = changes.kind_of("report")      # registered by tracker.store.report_edits
    row = {"report_id": conn.execute("SELECT report_id FROM commitments WHERE id = ?", (cid,)).fetchone()[0],
           "field": PLAN_YEAR, "value": None if year is None else json.dumps(year), "created_at": now()}
    row["id"] = changes.insert(conn, report.table, row)
    report.derive(conn, row)
    return row["id"]


def _derive(conn: sqlite3.Connection, row: dict) -> list[int]:
    apply_corrections(conn, row["commitment_id"])
    return [row["commitment_id"]]


def _describe(conn: sqlite3.Connection, row: dict) -> str:
    return f"#{row['commitment_id']} 更正 {row['field']}"


KIND = changes.register(changes.Kind(
    name="correct", table="corrections", word="更正", derive=_derive, relinks=True,
    void_values=lambda row: {"commitment_id": row["commitment_id"], "commitment_key": row["commitment_key"],
                             "field": row["field"], "value": None},
    describe=_describe,
    user_rows=changes.user_rows("corrections", "commitment_id")))


class Corrections(changes.Part):
    """store.corrections: field fixes over what the rules read."""

    kind = KIND

    @guarded
    def correct(self, cid: int, **fields) -> list[int]:
        """Override extracted fields of a commitment (kept across re-extraction), one transaction
        with the carry links they change; the ids of the corrections rows appended
        (store.corrections.void undoes one). The plan year is the report's: apply()."""
        if PLAN_YEAR in fields:
            raise UserError(f"{PLAN_YEAR}: 计划年份属于报告，请用 apply / the plan year is the report's (apply)")
        return [ref.id for ref in self.apply(cid, fields)]

    @guarded
    def apply(self, cid: int, fields: dict) -> list[Ref]:
        """One user's fix of several fields of a commitment, its report's plan year among them
        (`plan_year`): every row appended and everything derived (the columns, the report's
        copies, the region's carry links) in one transaction; the rows as Refs, which
        store.changes.void_all takes back as one."""
        fields = dict(fields)
        year = fields.pop(PLAN_YEAR, _UNSET)
        if not fields and year is _UNSET:
            raise UserError(f"{cid}: 没有要修改的字段 / no field given")
        values = {f: coerce_field(f, v) for f, v in fields.items()}
        year = year if year is _UNSET else coerce_plan_year(year)
        with self.store.write() as conn:
            cid = require(conn, [cid])[0]
            refs = [Ref(KIND.name, i) for i in append(conn, cid, values)] if values else []
            if year is _UNSET:
                links.relink_commitments(conn, [cid])
            else:   # after the corrections: its derive relinks the region with them in place
                refs.append(Ref("report", set_report_year(conn, cid, year)))
        return refs

    @guarded
    def list(self, cid: int) -> list[dict]:
        """Standing corrections of a commitment, oldest first: id, field, value (decoded), created_at."""
        rows = self.store.conn.execute(
            f"SELECT id, field, value, created_at FROM corrections WHERE commitment_id = ? AND {_STANDING} "
            "ORDER BY id", (int(cid),)).fetchall()
        return [{"id": i, "field": f, "value": json.loads(v) if v is not None else None, "created_at": t}
                for i, f, v, t in rows]
