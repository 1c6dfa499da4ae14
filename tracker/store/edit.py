"""Store methods that record what the user (or verification) says: events, corrections,
plan years, suggestions, backups. Nothing is overwritten: a status is an appended event,
a field fix is a correction row re-applied after every re-extraction.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date
from pathlib import Path

from tracker.errors import UserError
from tracker.labels import STATUS_WORDS, status_choices
from tracker.model import KINDS, STATUSES
from tracker.store.guard import guarded
from tracker.store.sync import apply_corrections, copy_report_columns, now

# 已完成 etc. as typed by users (tracker.labels); English names are the stored ones.
STATUS_ALIASES = STATUS_WORDS
_FLOAT_FIELDS = {"value", "value_high", "level_value", "factor", "stretch"}
_INT_FIELDS = {"line", "number", "start", "end"}
_BOOL_FIELDS = {"annual_average", "masked"}
_TEXT_FIELDS = {"kind", "text", "indicator", "measure", "unit", "comparator", "direction", "deadline",
                "deadline_text", "category", "period", "level_unit", "level_comparator", "subject"}
CORRECTABLE = _FLOAT_FIELDS | _INT_FIELDS | _BOOL_FIELDS | _TEXT_FIELDS


def parse_status(status: str) -> str:
    """A stored status name from an English or Chinese one; UserError if unknown."""
    s = STATUS_ALIASES.get(status.strip(), status.strip()) if status else ""
    s = STATUS_ALIASES.get(s.lower(), s.lower())
    if s not in STATUSES:
        raise UserError(f"{status}: 未知状态 / unknown status (use {status_choices()})")
    return s


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


def _event_date(value) -> str | None:
    """ISO text of an event's date (a date or "2025-03-01"); None when not given."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise UserError(f"{value}: 日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD") from None


def _progress(value) -> float | None:
    if value is None:
        return None
    p = float(value)
    if p > 1:      # "60" typed as a percentage
        p /= 100
    if not 0 <= p <= 1:
        raise UserError(f"{value}: 进度应在 0–100% 之间 / progress must be between 0 and 100%")
    return p


# Events that stand: not an undo, and not undone by a later one.
STANDING = ("commitment_id = :c AND voids IS NULL AND NOT EXISTS "
            "(SELECT 1 FROM events v WHERE v.voids = events.id)")


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


class EditMixin:
    """Writes on an open store (self.conn, self._write())."""

    def _require(self, cids) -> list[int]:
        ids = [int(c) for c in cids]
        for cid in ids:
            if not self.conn.execute("SELECT 1 FROM commitments WHERE id = ?", (cid,)).fetchone():
                raise UserError(f"{cid}: 没有这条承诺 / no such commitment")
        return ids

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
        day = _event_date(date)
        ids = self._require(ids if isinstance(ids, (list, tuple, set)) else [ids])
        prog = _progress(progress)
        if source not in ("user", "auto"):
            raise UserError(f"{source}: 来源应为 user 或 auto / source must be user or auto")
        out = []
        with self._write() as conn:
            for cid in ids:
                out.append(self.db["events"].insert({
                    "commitment_id": cid, "status": status, "note": note or "",
                    "evidence_text": evidence_text, "evidence_document_id": evidence_document_id,
                    "evidence_line": evidence_line,
                    "actual_value": None if actual_value is None else float(actual_value),
                    "progress": prog, "source": source, "suggestion_id": suggestion_id,
                    "date": day, "created_at": now()}).last_pk)
                refresh_current(conn, cid)
        return out

    @guarded
    def void_event(self, event_id: int) -> int:
        """Undo a mark: append an event voiding it (checked in the same transaction: a mark
        undone meanwhile by another program is an error, not a second success); its id.
        An accepted suggestion goes back to pending."""
        with self._write() as conn:
            return _void(conn, int(event_id))

    # The name older callers use; events are never deleted.
    delete_event = void_event

    @guarded
    def undo_newest(self, cid: int) -> dict:
        """Void the newest standing event of a commitment (one transaction); the event undone."""
        cid = self._require([cid])[0]
        with self._write() as conn:
            cur = conn.execute(f"SELECT * FROM events WHERE {STANDING} ORDER BY id DESC LIMIT 1", {"c": cid})
            row = cur.fetchone()
            if row is None:
                raise UserError(f"{cid}: 没有可撤销的标记 / nothing to undo")
            event = dict(zip([d[0] for d in cur.description], row))
            event["undone_by"] = _void(conn, event["id"])
        return event

    @guarded
    def correct(self, cid: int, **fields) -> dict:
        """Override extracted fields (kept across re-extraction); return the previous values."""
        cid = self._require([cid])[0]
        if not fields:
            raise UserError(f"{cid}: 没有要修改的字段 / no field given")
        values = {f: coerce_field(f, v) for f, v in fields.items()}
        cols = ", ".join(f'"{f}"' for f in values)
        previous = dict(zip(values, self.conn.execute(f"SELECT {cols} FROM commitments WHERE id = ?",
                                                      (cid,)).fetchone()))
        key = self.conn.execute("SELECT key FROM commitments WHERE id = ?", (cid,)).fetchone()[0]
        with self._write() as conn:
            self.db["corrections"].insert_all(
                {"commitment_id": cid, "commitment_key": key, "field": f,
                 "value": json.dumps(v, ensure_ascii=False), "created_at": now()} for f, v in values.items())
            apply_corrections(conn, cid)
        for f in _BOOL_FIELDS & previous.keys():
            previous[f] = bool(previous[f])
        return previous

    @guarded
    def set_plan_year(self, report_id: int, year: int | None) -> None:
        """Set a report's plan year by hand (None: back to the year read from the text)."""
        if not self.conn.execute("SELECT 1 FROM reports WHERE id = ?", (report_id,)).fetchone():
            raise UserError(f"report {report_id}: 没有这个报告 / no such report")
        if year is not None and not 1949 <= int(year) <= 2100:
            raise UserError(f"{year}: 年份不合理 / not a plausible year")
        with self._write() as conn:
            if year is None:
                conn.execute("UPDATE reports SET plan_year = extracted_plan_year, plan_year_set_by_user = 0 "
                             "WHERE id = ?", (report_id,))
            else:
                conn.execute("UPDATE reports SET plan_year = ?, plan_year_set_by_user = 1 WHERE id = ?",
                             (int(year), report_id))
            copy_report_columns(conn, report_id)

    @guarded
    def add_suggestions(self, cid: int, items: list[dict]) -> int:
        """Store verification suggestions; duplicates and previously rejected ones are ignored."""
        cid = self._require([cid])[0]
        added = 0
        with self._write() as conn:
            for it in items:
                evidence = it.get("evidence") or []
                status = parse_status(it.get("status") or "unknown")
                fp = it.get("fingerprint") or _fingerprint(cid, it.get("review_document_id"), status,
                                                           it.get("actual_value"), evidence)
                added += conn.execute(
                    "INSERT OR IGNORE INTO suggestions (commitment_id, review_document_id, status, actual_value, "
                    "progress, reason, score, evidence, state, fingerprint, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
                    (cid, it.get("review_document_id"), status, it.get("actual_value"),
                     _progress(it.get("progress")), it.get("reason") or "", it.get("score"),
                     json.dumps(evidence, ensure_ascii=False), fp, now())).rowcount
        return added

    def _suggestion(self, sid: int) -> dict:
        cur = self.conn.execute("SELECT * FROM suggestions WHERE id = ?", (sid,))
        row = cur.fetchone()
        if row is None:
            raise UserError(f"suggestion {sid}: 没有这条建议 / no such suggestion")
        return dict(zip([d[0] for d in cur.description], row))

    @guarded
    def accept_suggestion(self, sid: int) -> int:
        """Append a user event carrying the suggestion's status and evidence; return its id."""
        s = self._suggestion(sid)
        evidence = json.loads(s["evidence"] or "[]")
        first = evidence[0] if evidence else {}
        event = self.mark([s["commitment_id"]], s["status"], note=s["reason"] or "",
                          evidence_text=first.get("text"), evidence_document_id=s["review_document_id"],
                          evidence_line=first.get("line"), actual_value=s["actual_value"],
                          progress=s["progress"], source="user", suggestion_id=sid)[0]
        with self._write() as conn:
            conn.execute("UPDATE suggestions SET state = 'accepted' WHERE id = ?", (sid,))
        return event

    @guarded
    def reject_suggestion(self, sid: int) -> None:
        """Mark a suggestion rejected; the same suggestion is never added again."""
        self._suggestion(sid)
        with self._write() as conn:
            conn.execute("UPDATE suggestions SET state = 'rejected' WHERE id = ?", (sid,))

    @guarded
    def backup(self, dest: str | Path, force: bool = False) -> Path:
        """Consistent copy of the store at dest, written whole (tracker.store.backup: never onto
        a store's own files or another store; another existing file only with force)."""
        from tracker.store.backup import backup_store
        return backup_store(self, dest, force=force)


def _void(conn: sqlite3.Connection, event_id: int) -> int:
    """Inside a write transaction: append the event voiding event_id; its id."""
    row = conn.execute("SELECT commitment_id, suggestion_id, status, voids FROM events WHERE id = ?",
                       (event_id,)).fetchone()
    if row is None:
        raise UserError(f"event {event_id}: 没有这条记录 / no such event")
    cid, suggestion, status, voids = row
    if voids is not None:
        raise UserError(f"event {event_id}: 是一次撤销，不能再撤销 / is an undo itself")
    if conn.execute("SELECT 1 FROM events WHERE voids = ?", (event_id,)).fetchone():
        raise UserError(f"event {event_id}: 已经撤销过了 / already undone")
    new = conn.execute("INSERT INTO events (commitment_id, status, note, source, voids, created_at) "
                       "VALUES (?, ?, '', 'user', ?, ?)", (cid, status, event_id, now())).lastrowid
    if suggestion is not None:
        conn.execute("UPDATE suggestions SET state = 'pending' WHERE id = ? AND state = 'accepted'",
                     (suggestion,))
    refresh_current(conn, cid)
    return new


def _fingerprint(cid: int, doc_id, status: str, actual, evidence: list) -> str:
    """Identity of a suggestion: same commitment, review document, verdict, value, evidence."""
    texts = [(e.get("text"), e.get("line")) for e in evidence if isinstance(e, dict)]
    blob = json.dumps([cid, doc_id, status, actual, texts], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()
