"""Progress forms sent to units, what units reported back (单位自报), and the office's
decisions on those reports.

A form sent is recorded with its items and the newest event at that moment; a filled row
collected back is a `unit_reports` row of that unit, kept apart from the office's status
(nothing a unit sends changes it). A row for a commitment the office marked after the form
went out (later in the store's order of events, not a later day), or that was dropped,
split or merged since, is recorded all the same and flagged as a conflict, both sides
shown. The same form collected twice adds nothing (a row is recorded once per form and
content). Accepting a report is a user change: a decision row and a user mark carrying the
unit's status and words; rejecting one a decision row; each undone by voiding its id.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date

from tracker.errors import UserError
from tracker.labels import status_label
from tracker.store import changes, marks
from tracker.store.clock import now
from tracker.store.curate import hidden_why
from tracker.store.guard import guarded
from tracker.store.unit_cache import Names

_STANDING_DECISION = ("voids IS NULL AND NOT EXISTS (SELECT 1 FROM unit_report_decisions v "
                      "WHERE v.voids = unit_report_decisions.id)")
# Office events that count as its own word: a person's marks, not verification's.
_OFFICE_EVENTS = ("commitment_id = ? AND id > ? AND source = 'user' AND voids IS NULL AND NOT EXISTS "
                  "(SELECT 1 FROM events v WHERE v.voids = events.id)")


@dataclass
class Collected:
    """What collecting one form did, for its line of the import report."""

    path: str
    unit: str = ""
    recorded: int = 0
    again: int = 0                     # rows this form gave before (collected twice)
    conflicts: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    blank: int = 0
    refused_form: str = ""             # the whole form did not count, and why

    def line(self) -> str:
        """One line of the collect report."""
        if self.refused_form:
            return f"{self.path}: {self.refused_form}"
        parts = [f"{self.unit}：记录 {self.recorded} 行"]
        if self.again:
            parts.append(f"已导入过 {self.again} 行")
        parts.append(f"冲突 {len(self.conflicts)} 行")
        parts.append(f"空白 {self.blank} 行")
        parts.append(f"拒收 {len(self.refused)} 行" + (f"（{'；'.join(self.refused)}）" if self.refused else ""))
        return f"{self.path}: " + "，".join(parts)


def _refresh_state(conn: sqlite3.Connection, report_id: int) -> None:
    conn.execute(f"UPDATE unit_reports SET state = IFNULL((SELECT decision FROM unit_report_decisions "
                 f"WHERE unit_report_id = :r AND {_STANDING_DECISION} ORDER BY id DESC LIMIT 1), 'pending') "
                 "WHERE id = :r", {"r": report_id})


def _report(conn: sqlite3.Connection, report_id: int) -> dict:
    cur = conn.execute("SELECT r.*, u.name AS unit FROM unit_reports r JOIN units u ON u.id = r.unit_id "
                       "WHERE r.id = ?", (int(report_id),))
    row = cur.fetchone()
    if row is None:
        raise UserError(f"unit report {report_id}: 没有这条单位自报 / no such unit report")
    return dict(zip([d[0] for d in cur.description], row))


def _accept(conn: sqlite3.Connection, r: dict) -> int:
    """Inside a write transaction: the office takes a unit's report as its own mark; the decision id."""
    if r["status"] is None:
        raise UserError(f"unit report {r['id']}: 单位未选择完成状态，不能采纳 / the unit chose no status")
    day = r["filled_on"] if r["filled_on"] and r["filled_on"] <= date.today().isoformat() else None
    words = "；".join(p for p in (r["progress"], f"完成值 {r['value']}" if r["value"] else "") if p)
    event = marks.append(conn, r["commitment_id"], r["status"], note=f"单位自报（{r['unit']}）" + (
        f"：{words}" if words else ""), evidence_text=r["evidence"] or None, evidence_document_id=None,
        evidence_line=None, actual_value=None, progress=None, source="user", suggestion_id=None, date=day)
    did = changes.insert(conn, "unit_report_decisions", {"unit_report_id": r["id"], "decision": "accepted",
                                                         "event_id": event, "created_at": now()})
    _refresh_state(conn, r["id"])
    return did


def _reject(conn: sqlite3.Connection, r: dict) -> int:
    did = changes.insert(conn, "unit_report_decisions", {"unit_report_id": r["id"], "decision": "rejected",
                                                         "created_at": now()})
    _refresh_state(conn, r["id"])
    return did


def _derive(conn: sqlite3.Connection, row: dict) -> list[int]:
    """A decision voided: an acceptance's mark is voided with it."""
    if row["decision"] == "accepted" and row.get("event_id") is not None:
        changes.void_if_standing(conn, marks.KIND, row["event_id"])
    _refresh_state(conn, row["unit_report_id"])
    return [_report(conn, row["unit_report_id"])["commitment_id"]]


def _redo(conn: sqlite3.Connection, did: int) -> tuple[int, list[int]]:
    row = changes.undone_row(conn, KIND, did)
    r = _report(conn, row["unit_report_id"])
    return (_accept if row["decision"] == "accepted" else _reject)(conn, r), [r["commitment_id"]]


def _describe(conn: sqlite3.Connection, row: dict) -> str:
    r = _report(conn, row["unit_report_id"])
    return f"#{r['commitment_id']} {'采纳' if row['decision'] == 'accepted' else '驳回'}单位自报（{r['unit']}）"


KIND = changes.register(changes.Kind(
    name="unit_report", table="unit_report_decisions", word="单位自报", derive=_derive,
    void_values=lambda row: {k: row[k] for k in ("unit_report_id", "decision", "event_id")},
    redo=_redo, describe=_describe,
    user_rows=changes.user_rows("unit_report_decisions",
                                "(SELECT r.commitment_id FROM unit_reports r WHERE r.id = t.unit_report_id)")))


def _conflict(conn: sqlite3.Connection, cid: int, events_seen: int) -> str | None:
    """Why the office's side and the unit's may disagree: marked since the form went out,
    hidden (dropped, split, merged) or no longer found in the text."""
    stale = conn.execute("SELECT stale FROM commitments WHERE id = ?", (cid,)).fetchone()[0]
    if stale & 2:
        return f"办公室已处理：{hidden_why(conn, cid).split(' / ')[0]}"
    later = conn.execute(f"SELECT status, IFNULL(date, substr(created_at, 1, 10)) FROM events WHERE {_OFFICE_EVENTS} "
                         "ORDER BY id DESC LIMIT 1", (cid, events_seen)).fetchone()
    if later:
        return f"报送表发出后办公室已标记为“{status_label(later[0])}”（{later[1]}）"
    if stale & 1:
        return "原文已变，规则不再提取此条"
    return None


class Forms(changes.Part):
    """store.forms: forms sent, unit reports collected, and decisions on them."""

    kind = KIND

    @guarded
    def record_sent(self, forms: list[dict]) -> list[int]:
        """Record forms that went out (one transaction): each {form_id, unit, sent, due,
        file_name, items: [(commitment id, digest)]}; their row ids."""
        with self.store.write() as conn:
            names = Names(conn)
            seen = conn.execute("SELECT IFNULL(max(id), 0) FROM events").fetchone()[0]
            out = []
            for f in forms:
                fid = changes.insert(conn, "forms", {
                    "form_id": f["form_id"], "unit_id": names.get(f["unit"]), "sent": f["sent"].isoformat(),
                    "due": f["due"].isoformat() if f.get("due") else None, "file_name": f.get("file_name"),
                    "events_seen": seen, "created_at": now()})
                conn.executemany("INSERT INTO form_items (form_id, commitment_id, digest) VALUES (?, ?, ?)",
                                 [(fid, cid, digest) for cid, digest in f["items"]])
                out.append(fid)
            return out

    @guarded
    def collect(self, form) -> Collected:
        """Record the filled rows of a tracker.supervise.form_read.FilledForm (one transaction)."""
        out = Collected(form.path, unit=form.meta.unit, blank=form.blank)
        if form.meta.store_id != self.store.store_id:
            out.refused_form = "是另一个台账发出的报送表，未导入 / a form of another store"
            return out
        with self.store.write() as conn:
            found = conn.execute("SELECT f.id, f.events_seen, u.name FROM forms f JOIN units u ON u.id = f.unit_id "
                                 "WHERE f.form_id = ?", (form.meta.form_id,)).fetchone()
            if found is None:
                out.refused_form = "本台账没有发出过这张报送表（表单编号未知），未导入"
                return out
            fid, events_seen, unit = found
            out.unit = unit
            unit_id = conn.execute("SELECT unit_id FROM forms WHERE id = ?", (fid,)).fetchone()[0]
            sent = dict(conn.execute("SELECT commitment_id, digest FROM form_items WHERE form_id = ?", (fid,)))
            for r in form.refused:
                other = conn.execute("SELECT u.name FROM form_items i JOIN forms f ON f.id = i.form_id JOIN units u "
                                     "ON u.id = f.unit_id WHERE i.commitment_id = ? AND f.unit_id != ? LIMIT 1",
                                     (int(r.number), unit_id)).fetchone() if r.number.isdigit() else None
                if other and int(r.number) not in sent:
                    out.refused.append(f"第{r.line}行：编号 {r.number} 是{other[0]}报送表中的条目，不属于本单位")
                else:
                    out.refused.append(r.reason)
            for row in form.rows:
                if row.cid not in sent:
                    out.refused.append(f"第{row.line}行：编号 {row.cid} 不在本台账记录的这张表中")
                    continue
                conflict = _conflict(conn, row.cid, events_seen)
                cur = conn.execute(
                    "INSERT OR IGNORE INTO unit_reports (commitment_id, unit_id, form_id, status, progress, value, "
                    "evidence, reporter, phone, filled_on, digest, conflict, collected_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (row.cid, unit_id, fid, row.status, row.progress, row.value, row.evidence, row.reporter,
                     row.phone, row.filled_on.isoformat() if row.filled_on else None, row.digest, conflict, now()))
                if not cur.rowcount:
                    out.again += 1
                    continue
                out.recorded += 1
                if conflict:
                    out.conflicts.append(f"#{row.cid} {conflict}")
        return out

    @guarded
    def reports(self, cid: int) -> list[dict]:
        """The unit reports on a commitment, newest first: id, unit, status, progress, value,
        evidence, reporter, phone, date (填报日期, else the day collected), state, conflict,
        sent (the form's day)."""
        cur = self.store.conn.execute(
            "SELECT r.id, u.name AS unit, r.status, r.progress, r.value, r.evidence, r.reporter, r.phone, "
            "IFNULL(r.filled_on, substr(r.collected_at, 1, 10)) AS date, r.state, r.conflict, f.sent "
            "FROM unit_reports r JOIN units u ON u.id = r.unit_id JOIN forms f ON f.id = r.form_id "
            "WHERE r.commitment_id = ? ORDER BY r.id DESC", (int(cid),))
        return [dict(zip([d[0] for d in cur.description], row)) for row in cur.fetchall()]

    @guarded
    def latest(self, ids) -> dict[int, dict]:
        """The newest unit report of each id that has one: {unit, status, progress, date}."""
        return {cid: {"unit": unit, **r} for (cid, unit), r in self._newest(ids, "commitment_id").items()}

    def _newest(self, ids, group: str) -> dict[tuple[int, str], dict]:
        """{(commitment id, unit name): {status, progress, date}} of the newest report per group."""
        out: dict[tuple[int, str], dict] = {}
        ids = [int(i) for i in ids]
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            for cid, unit, status, progress, day in self.store.conn.execute(
                    "SELECT r.commitment_id, u.name, r.status, r.progress, IFNULL(r.filled_on, substr(r.collected_at, 1, 10)) "
                    "FROM unit_reports r JOIN units u ON u.id = r.unit_id WHERE r.id IN (SELECT max(id) FROM unit_reports "
                    f"WHERE commitment_id IN ({','.join('?' * len(part))}) GROUP BY {group})", part):
                out[(cid, unit)] = {"status": status, "progress": progress, "date": day}
        return out

    @guarded
    def accept(self, report_id: int) -> int:
        """Take a unit's report as the office's status (a user mark; one transaction); the decision's id."""
        with self.store.write() as conn:
            r = _report(conn, report_id)
            if r["state"] == "accepted":
                raise UserError(f"unit report {report_id}: 已采纳 / already accepted")
            return _accept(conn, r)

    @guarded
    def reject(self, report_id: int) -> int:
        """Set a unit's report aside (one transaction); the decision's id."""
        with self.store.write() as conn:
            r = _report(conn, report_id)
            if r["state"] == "rejected":
                raise UserError(f"unit report {report_id}: 已驳回 / already rejected")
            return _reject(conn, r)

    @guarded
    def decide_all(self, decision: str, ids=None) -> list[int]:
        """Accept (or reject) every pending report at once (of ids, else all), one transaction;
        reports with no status are left for the office when accepting. The decision ids."""
        if decision not in ("accepted", "rejected"):
            raise UserError(f"{decision}: 应为 accepted 或 rejected")
        with self.store.write() as conn:
            sql = ("SELECT r.id FROM unit_reports r WHERE r.state = 'pending' AND r.id IN "
                   "(SELECT max(id) FROM unit_reports GROUP BY commitment_id, unit_id)")
            params: list = []
            if ids is not None:
                ids = [int(i) for i in ids]
                sql += f" AND r.commitment_id IN ({','.join('?' * len(ids)) or 'NULL'})"
                params = ids
            out = []
            for (rid,) in conn.execute(sql + " ORDER BY r.id", params).fetchall():
                r = _report(conn, rid)
                if decision == "accepted" and r["status"] is None:
                    continue
                out.append((_accept if decision == "accepted" else _reject)(conn, r))
            return out

    @guarded
    def open_items(self, unit_id: int, plan_year: int | None = None) -> list[int]:
        """Open commitments of a unit (not confirmed done, shown): the rows it leads first,
        then those it assists, each in document order."""
        year = "AND c.report_plan_year = ?" if plan_year is not None else ""
        return [cid for (cid,) in self.store.conn.execute(
            "SELECT c.id FROM commitment_units u JOIN commitments c ON c.id = u.commitment_id "
            f"WHERE u.unit_id = ? AND c.stale = 0 AND IFNULL(c.current_status, '') != 'done' {year} "
            "ORDER BY u.role = 'partner', c.report_id, c.line, c.id",
            [unit_id] + ([plan_year] if plan_year is not None else []))]

    @guarded
    def units_with_open_items(self, plan_year: int | None = None) -> list[tuple[int, str]]:
        """(unit id, name) of every unit with open commitments, in the order first named."""
        year = "AND c.report_plan_year = ?" if plan_year is not None else ""
        return [(uid, name) for uid, name in self.store.conn.execute(
            "SELECT DISTINCT n.id, n.name FROM commitment_units u JOIN commitments c ON c.id = u.commitment_id "
            f"JOIN units n ON n.id = u.unit_id WHERE c.stale = 0 AND IFNULL(c.current_status, '') != 'done' {year} "
            "ORDER BY n.id", [plan_year] if plan_year is not None else [])]

    @guarded
    def reported_ids(self) -> list[int]:
        """Commitments with at least one unit report, by id."""
        return [c for (c,) in self.store.conn.execute(
            "SELECT DISTINCT commitment_id FROM unit_reports ORDER BY commitment_id")]

    @guarded
    def last_sent(self) -> dict[str, dict]:
        """Each unit's last form: {unit name: {sent, due, form row id, items}}."""
        out: dict[str, dict] = {}
        for fid, unit, sent, due in self.store.conn.execute(
                "SELECT f.id, u.name, f.sent, f.due FROM forms f JOIN units u ON u.id = f.unit_id "
                "WHERE f.id IN (SELECT max(id) FROM forms GROUP BY unit_id)"):
            out[unit] = {"id": fid, "sent": date.fromisoformat(sent),
                         "due": date.fromisoformat(due) if due else None}
        return out

    @guarded
    def awaiting(self) -> dict[str, set[int]]:
        """{unit name: ids of its last form's items it leads, with no report from it since}."""
        out: dict[str, set[int]] = {}
        for unit, cid in self.store.conn.execute(
                "SELECT u.name, i.commitment_id FROM forms f JOIN units u ON u.id = f.unit_id "
                "JOIN form_items i ON i.form_id = f.id WHERE f.id IN (SELECT max(id) FROM forms GROUP BY unit_id) "
                "AND EXISTS (SELECT 1 FROM commitment_units l WHERE l.commitment_id = i.commitment_id "
                "AND l.unit_id = f.unit_id AND l.role = 'lead') "
                "AND NOT EXISTS (SELECT 1 FROM unit_reports r WHERE r.commitment_id = i.commitment_id "
                "AND r.unit_id = f.unit_id AND r.collected_at >= f.created_at)"):
            out.setdefault(unit, set()).add(cid)
        return out

    @guarded
    def contacts(self) -> dict[str, tuple[str, str]]:
        """{unit name: (填报人, 联系电话)} from its latest report giving one."""
        out: dict[str, tuple[str, str]] = {}
        for unit, reporter, phone in self.store.conn.execute(
                "SELECT u.name, r.reporter, r.phone FROM unit_reports r JOIN units u ON u.id = r.unit_id "
                "WHERE r.reporter != '' OR r.phone != '' ORDER BY r.id"):
            out[unit] = (reporter, phone)
        return out

    @guarded
    def latest_of_units(self, ids) -> dict[tuple[int, str], dict]:
        """{(commitment id, unit name): its newest report}: the 通报 lists each unit's own."""
        return self._newest(ids, "commitment_id, unit_id")
