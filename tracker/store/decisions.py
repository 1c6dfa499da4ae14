"""Evidence suggestions and the user's decisions on them.

Verification adds suggestions (derived data, source "auto"); accepting or rejecting one is
a user change: an appended `decisions` row keyed by the commitment and the evidence's
content (`identity.evidence_key`), not by the suggestion's row, its line or its document,
so a re-import, a re-extraction, regenerated suggestions or an upgrade keep the decision.
`suggestions.state` is a cache of the standing decisions, kept in the same transaction.
Accepting also appends a mark (a user event carrying the evidence); undoing either undoes both.
"""

from __future__ import annotations

import json
import sqlite3

from tracker.errors import UserError
from tracker.store import acceptance, changes, marks
from tracker.store.clock import now
from tracker.store.guard import guarded
from tracker.store.identity import evidence_key
from tracker.store.marks import parse_progress, parse_status, require

_STANDING = acceptance.STANDING
refresh_states = acceptance.refresh_states


def _suggestion(conn: sqlite3.Connection, sid: int) -> dict:
    cur = conn.execute("SELECT * FROM suggestions WHERE id = ?", (int(sid),))
    row = cur.fetchone()
    if row is None:
        raise UserError(f"suggestion {sid}: 没有这条建议 / no such suggestion")
    return dict(zip([d[0] for d in cur.description], row))


def _void_values(row: dict) -> dict:
    return {k: row[k] for k in ("commitment_id", "evidence_key", "decision", "suggestion_id", "event_id")}


def _decide(conn: sqlite3.Connection, s: dict, decision: str) -> int:
    return acceptance.decide(conn, s["id"], decision)


def _derive(conn: sqlite3.Connection, row: dict) -> list[int]:
    """A decision voided: an acceptance's mark is voided with it."""
    if row["decision"] == "accepted" and row.get("event_id") is not None:
        changes.void_if_standing(conn, marks.KIND, row["event_id"])
    refresh_states(conn, row["commitment_id"])
    return [row["commitment_id"]]


def _redo(conn: sqlite3.Connection, did: int) -> tuple[int, list[int]]:
    """Make an undone decision again: an acceptance marks again (and the new mark appends
    the new decision, follow_event), a rejection is appended again."""
    row = changes.undone_row(conn, KIND, did)
    if row["decision"] == "accepted" and row["event_id"] is not None:
        event = changes.redo_row(conn, marks.KIND, row["event_id"])[0]
        new = conn.execute(f"SELECT id FROM decisions WHERE event_id = ? AND {_STANDING}", (event,)).fetchone()[0]
    else:
        new = changes.insert(conn, "decisions", {**_void_values(row), "created_at": now()})
        refresh_states(conn, row["commitment_id"])
    return new, [row["commitment_id"]]


def _describe(conn: sqlite3.Connection, row: dict) -> str:
    return f"#{row['commitment_id']} {'采纳' if row['decision'] == 'accepted' else '驳回'}核实建议"


KIND = changes.register(changes.Kind(
    name="decide", table="decisions", word="核实建议", derive=_derive, void_values=_void_values,
    redo=_redo, describe=_describe,
    user_rows=changes.user_rows("decisions", "commitment_id")))


class Evidence(changes.Part):
    """store.evidence: suggestions from verification and the user's decisions on them."""

    kind = KIND

    @guarded
    def add(self, cid: int, items: list[dict]) -> int:
        """Store verification suggestions (one transaction); how many are new. The same
        evidence again (by content) refreshes a pending suggestion instead of adding one,
        and one the user decided on keeps that decision (a rejected one never comes back)."""
        added = 0
        with self.store.write() as conn:
            cid = require(conn, [cid])[0]
            for it in items:
                evidence = it.get("evidence") or []
                status = parse_status(it.get("status") or "unknown")
                key = evidence_key(status, evidence)
                values = (it.get("review_document_id"), status, it.get("actual_value"),
                          parse_progress(it.get("progress")), it.get("reason") or "", it.get("score"),
                          json.dumps(evidence, ensure_ascii=False))
                same = conn.execute("SELECT id, state FROM suggestions WHERE commitment_id = ? AND evidence_key = ? "
                                    "ORDER BY id DESC LIMIT 1", (cid, key)).fetchone()
                if same is not None:
                    if same[1] == "pending":
                        conn.execute("UPDATE suggestions SET review_document_id = ?, status = ?, actual_value = ?, "
                                     "progress = ?, reason = ?, score = ?, evidence = ? WHERE id = ?",
                                     (*values, same[0]))
                    continue
                conn.execute(
                    "INSERT INTO suggestions (commitment_id, review_document_id, status, actual_value, progress, "
                    "reason, score, evidence, state, fingerprint, evidence_key, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
                    (cid, *values, f"{cid}|{key}", key, now()))
                added += 1
            refresh_states(conn, cid)
        return added

    @guarded
    def accept(self, sid: int) -> int:
        """Append a user mark carrying the suggestion's status and evidence, and the decision
        (one transaction); the decision's id (store.changes.void('decide', id) undoes both)."""
        with self.store.write() as conn:
            s = _suggestion(conn, sid)
            if s["state"] == "accepted":
                raise UserError(f"suggestion {sid}: 已采纳 / already accepted")
            evidence = json.loads(s["evidence"] or "[]")
            first = evidence[0] if evidence else {}
            event = marks.append(conn, s["commitment_id"], s["status"], note=s["reason"] or "",
                                 evidence_text=first.get("text"), evidence_document_id=s["review_document_id"],
                                 evidence_line=first.get("line"), actual_value=s["actual_value"],
                                 progress=s["progress"], source="user", suggestion_id=s["id"], date=None)
            return conn.execute(f"SELECT id FROM decisions WHERE event_id = ? AND {_STANDING}",
                                (event,)).fetchone()[0]

    @guarded
    def reject(self, sid: int) -> int:
        """Reject a suggestion: the same evidence is never offered as pending again; the decision's id."""
        with self.store.write() as conn:
            s = _suggestion(conn, sid)
            if s["state"] == "rejected":
                raise UserError(f"suggestion {sid}: 已驳回 / already rejected")
            if s["state"] == "accepted":
                raise UserError(f"suggestion {sid}: 已采纳，请先撤销 / accepted; undo that first")
            return _decide(conn, s, "rejected")

    @guarded
    def event_of(self, decision_id: int) -> int | None:
        """The mark an acceptance appended (None for a rejection)."""
        row = self.store.conn.execute("SELECT event_id FROM decisions WHERE id = ?", (int(decision_id),)).fetchone()
        return row[0] if row else None
