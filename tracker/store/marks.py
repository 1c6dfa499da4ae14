"""Marks: a status change is an appended `events` row; undo appends one voiding it.

A commitment's current status, progress and evidence count are cached columns derived
from its standing events (not an undo, not undone) in the same transaction.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from tracker.errors import UserError
from tracker.labels import STATUS_WORDS, status_choices, status_label
from tracker.model import STATUSES
from tracker.store import acceptance, changes
from tracker.store.clock import now
from tracker.store.guard import guarded

# 已完成 etc. as typed by users (tracker.labels); English names are the stored ones.
STATUS_ALIASES = STATUS_WORDS

# Events that stand: not an undo, and not undone by a later one.
STANDING = ("commitment_id = :c AND voids IS NULL AND NOT EXISTS "
            "(SELECT 1 FROM events v WHERE v.voids = events.id)")


def parse_status(status: str) -> str:
    """A stored status name from an English or Chinese one; UserError if unknown."""
    s = STATUS_ALIASES.get(status.strip(), status.strip()) if status else ""
    s = STATUS_ALIASES.get(s.lower(), s.lower())
    if s not in STATUSES:
        raise UserError(f"{status}: 未知状态 / unknown status (use {status_choices()})")
    return s


def event_date(value) -> str | None:
    """ISO text of the day a status holds from (a date or "2025-03-01"); None when not
    given (the day it was recorded then counts, in the user's time zone: read.history's `day`)."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise UserError(f"{value}: 日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD") from None


def parse_progress(value) -> float | None:
    """Progress as a share 0..1 ("60" typed as a percentage); UserError when out of range."""
    if value is None:
        return None
    p = float(value)
    if p > 1:
        p /= 100
    if not 0 <= p <= 1:
        raise UserError(f"{value}: 进度应在 0–100% 之间 / progress must be between 0 and 100%")
    return p


def refresh_current(conn: sqlite3.Connection, cid: int) -> None:
    """Recompute the current_* columns of a commitment from its standing events (newest wins)."""
    conn.execute(f"""
        UPDATE commitments SET
          current_status = (SELECT status FROM events WHERE {STANDING} ORDER BY id DESC LIMIT 1),
          current_progress = (SELECT progress FROM events WHERE {STANDING}
                              AND progress IS NOT NULL ORDER BY id DESC LIMIT 1),
          evidence_count = (SELECT count(*) FROM events WHERE {STANDING}
                            AND (evidence_text IS NOT NULL OR evidence_document_id IS NOT NULL))
        WHERE id = :c""", {"c": cid})


def require(conn: sqlite3.Connection, cids) -> list[int]:
    """The ids as ints; UserError naming the first that is no commitment."""
    ids = [int(c) for c in cids]
    for cid in ids:
        if not conn.execute("SELECT 1 FROM commitments WHERE id = ?", (cid,)).fetchone():
            raise UserError(f"{cid}: 没有这条承诺 / no such commitment")
    return ids


def _derive(conn: sqlite3.Connection, row: dict) -> list[int]:
    cid = row["commitment_id"]
    refresh_current(conn, cid)
    if row.get("suggestion_id") is not None:
        # The suggestion it accepted is open again when the mark is undone, and decided
        # again when it is redone.
        acceptance.follow_event(conn, row)
    return [cid]


def _void_values(row: dict) -> dict:
    return {"commitment_id": row["commitment_id"], "status": row["status"], "note": "", "source": "user"}


def _redo_values(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in ("id", "voids", "created_at")}


def _describe(conn: sqlite3.Connection, row: dict) -> str:
    return f"#{row['commitment_id']} 标记为“{status_label(row['status'])}”"


# An accepted suggestion's mark is listed as its decision (tracker.store.decisions), not twice.
KIND = changes.register(changes.Kind(
    name="mark", table="events", word="标记", derive=_derive, void_values=_void_values,
    redo_values=_redo_values, describe=_describe,
    user_rows=changes.user_rows("events", "commitment_id", "source = 'user' AND suggestion_id IS NULL")))


class Marks(changes.Part):
    """store.marks: status events."""

    kind = KIND

    @guarded
    def mark(self, ids, status: str, note: str = "", evidence_text: str | None = None,
             evidence_document_id: int | None = None, evidence_line: int | None = None,
             actual_value: float | None = None, progress: float | None = None,
             source: str = "user", suggestion_id: int | None = None,
             date: str | None = None) -> list[int]:
        """Append one status event per id (one transaction); return the event ids.

        date: the day the status holds from (ISO text or a date; the CLI and the mark
        dialog read what the user typed with tracker.user_dates)."""
        status = parse_status(status)
        day = event_date(date)
        prog = parse_progress(progress)
        if source not in ("user", "auto"):
            raise UserError(f"{source}: 来源应为 user 或 auto / source must be user or auto")
        ids = ids if isinstance(ids, (list, tuple, set)) else [ids]
        with self.store.write() as conn:
            return [append(conn, cid, status, note=note or "", evidence_text=evidence_text,
                           evidence_document_id=evidence_document_id, evidence_line=evidence_line,
                           actual_value=None if actual_value is None else float(actual_value),
                           progress=prog, source=source, suggestion_id=suggestion_id, date=day)
                    for cid in require(conn, ids)]

    @guarded
    def undo_newest(self, cid: int) -> dict:
        """Void the newest standing event of a commitment (one transaction); the event undone."""
        with self.store.write() as conn:
            cid = require(conn, [cid])[0]
            cur = conn.execute(f"SELECT * FROM events WHERE {STANDING} ORDER BY id DESC LIMIT 1", {"c": cid})
            row = cur.fetchone()
            if row is None:
                raise UserError(f"{cid}: 没有可撤销的标记 / nothing to undo")
            event = dict(zip([d[0] for d in cur.description], row))
            event["undone_by"] = changes.void_row(conn, KIND, event["id"])[0]
        return event


def append(conn: sqlite3.Connection, cid: int, status: str, **values) -> int:
    """Inside a write transaction: one status event, with the cached columns it derives; its id."""
    row = {"commitment_id": cid, "status": status, **values, "created_at": now()}
    row["id"] = changes.insert(conn, "events", row)
    _derive(conn, row)
    return row["id"]
