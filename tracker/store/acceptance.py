"""An accepted suggestion is a mark carrying the suggestion's id plus a `decisions` row naming
that mark: the two follow each other in one transaction (undo the mark, and the suggestion
is open again; undo the acceptance, and the mark goes), and `suggestions.state` is a cache
of the standing decisions for the same commitment and evidence content."""

from __future__ import annotations

import sqlite3

from tracker.store import changes
from tracker.store.clock import now

# Standing decisions: not an undo, not undone.
STANDING = "voids IS NULL AND NOT EXISTS (SELECT 1 FROM decisions v WHERE v.voids = decisions.id)"
_DECIDED = ("commitment_id", "evidence_key", "decision", "suggestion_id", "event_id")


def refresh_states(conn: sqlite3.Connection, cid: int) -> None:
    """suggestions.state of a commitment from its standing decisions (the newest per evidence)."""
    conn.execute(f"""
        UPDATE suggestions SET state = IFNULL((
            SELECT decision FROM decisions WHERE decisions.commitment_id = suggestions.commitment_id
              AND decisions.evidence_key = suggestions.evidence_key AND {STANDING}
            ORDER BY id DESC LIMIT 1), 'pending')
        WHERE commitment_id = ?""", (cid,))


def decide(conn: sqlite3.Connection, suggestion_id: int, decision: str, event_id: int | None = None) -> int:
    """Inside a write transaction: append a decision on a suggestion's evidence; its id."""
    cid, key = conn.execute("SELECT commitment_id, evidence_key FROM suggestions WHERE id = ?",
                            (suggestion_id,)).fetchone()
    did = changes.insert(conn, "decisions", {
        "commitment_id": cid, "evidence_key": key, "decision": decision,
        "suggestion_id": suggestion_id, "event_id": event_id, "created_at": now()})
    refresh_states(conn, cid)
    return did


def void_decision(conn: sqlite3.Connection, did: int) -> int:
    """Inside a write transaction: append the row voiding decision did (no other effect); its id."""
    cur = conn.execute(f"SELECT {', '.join(_DECIDED)} FROM decisions WHERE id = ?", (did,))
    values = dict(zip(_DECIDED, cur.fetchone()))
    return changes.insert(conn, "decisions", {**values, "voids": did, "created_at": now()})


def follow_event(conn: sqlite3.Connection, event: dict) -> None:
    """A mark carrying a suggestion was appended, voided or redone: its acceptance follows it."""
    standing = conn.execute("SELECT voids IS NULL AND NOT EXISTS (SELECT 1 FROM events v WHERE v.voids = ?) "
                            "FROM events WHERE id = ?", (event["id"], event["id"])).fetchone()[0]
    own = [d for (d,) in conn.execute(f"SELECT id FROM decisions WHERE event_id = ? AND {STANDING}",
                                      (event["id"],))]
    if standing and not own:
        if conn.execute("SELECT 1 FROM suggestions WHERE id = ?", (event["suggestion_id"],)).fetchone():
            decide(conn, event["suggestion_id"], "accepted", event["id"])
    elif not standing and own:
        for did in own:
            void_decision(conn, did)
        refresh_states(conn, event["commitment_id"])
