"""Undo helpers for store edits that have no natural inverse among the Store methods.

store.correct appends correction rows and store.reject_suggestion flips a state;
undoing them must remove what was added, not append more (a correction row left
behind would pin the old value over every later re-extraction). A mixin of Store,
writing through the store's own transaction like every other edit.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from tracker.store import fts
from tracker.errors import UserError
from tracker.store.edit import coerce_field
from tracker.store.guard import guarded
from tracker.store.sync import apply_corrections


class UndoMixin:
    """Inverses of correct() and reject_suggestion()."""

    @guarded
    def uncorrect(self, cid: int, previous: Mapping[str, Any]) -> None:
        """Undo of store.correct: drop its newest correction per field, restore previous values."""
        cid = int(cid)
        values = {f: coerce_field(f, v) if v is not None else None for f, v in previous.items()}
        if not values:
            return
        if not self.conn.execute("SELECT 1 FROM commitments WHERE id = ?", (cid,)).fetchone():
            raise UserError(f"{cid}: 没有这条承诺 / no such commitment")
        with self._write() as conn:
            for field, value in values.items():
                newest = conn.execute(
                    "SELECT max(id) FROM corrections WHERE commitment_id = ? AND field = ?",
                    (cid, field)).fetchone()[0]
                if newest is not None:
                    conn.execute("DELETE FROM corrections WHERE id = ?", (newest,))
                if isinstance(value, bool):
                    value = int(value)
                conn.execute(f'UPDATE commitments SET "{field}" = ? WHERE id = ?', (value, cid))
            # Older corrections of the same fields still stand (they gave the previous values).
            apply_corrections(conn, cid)
            if "text" in values:
                text = conn.execute("SELECT text FROM commitments WHERE id = ?", (cid,)).fetchone()[0]
                fts.index_commitment(conn, cid, text or "")


    @guarded
    def reopen_suggestion(self, sid: int) -> None:
        """Undo of store.reject_suggestion: the suggestion is pending again."""
        sid = int(sid)
        if not self.conn.execute("SELECT 1 FROM suggestions WHERE id = ?", (sid,)).fetchone():
            raise UserError(f"suggestion {sid}: 没有这条建议 / no such suggestion")
        with self._write() as conn:
            conn.execute("UPDATE suggestions SET state = 'pending' WHERE id = ? AND state = 'rejected'",
                         (sid,))


    def corrections(self, cid: int) -> list[dict]:
        """Correction rows of a commitment, oldest first: field, value (decoded), created_at."""
        rows = self.conn.execute(
            "SELECT field, value, created_at FROM corrections WHERE commitment_id = ? ORDER BY id",
            (int(cid),)).fetchall()
        return [{"field": f, "value": json.loads(v) if v is not None else None, "created_at": t}
                for f, v, t in rows]
