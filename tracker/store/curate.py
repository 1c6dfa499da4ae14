"""Completing and correcting the extraction by hand: add, drop, restore, split, merge, edit.

Each is a row in the append-only curations log, linked to the commitments it created,
hid or edited; undoing one appends an 'undo' row and sets its voided flag, redoing it
a 'redo' row. Whether a commitment is hidden (stale bit 2) is derived from the log:
hidden by a live drop/split/merge, or created by a voided add/split/merge. Added
items have origin 'user', so re-extraction neither matches nor stales them; a drop
is keyed to the row, whose id survives re-import through commitment identity.
The store never runs the extractor: callers pass the fields (tracker.extract.selection).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from tracker.errors import UserError
from tracker.model import KINDS, PROJECT
from tracker.store import fts
from tracker.store.edit import CORRECTABLE, coerce_field
from tracker.store.guard import guarded
from tracker.store.locate import locate, report_span
from tracker.store.sync import apply_corrections, copy_report_columns, now

HIDDEN, CREATED, EDITED = "hidden", "created", "edited"
# Actions that hide or create commitments, and the words the history shows.
ACTION_WORDS = {"add": "添加为承诺", "drop": "不是承诺", "split": "拆分", "merge": "合并",
                "edit": "修改文字", "undo": "撤销", "redo": "重做"}
_LOCATED = ("line", "start", "end")


def _refresh_hidden(conn: sqlite3.Connection, ids: Iterable[int]) -> None:
    """Recompute stale bit 2 of commitments from the curation log."""
    for cid in set(ids):
        conn.execute("""
            UPDATE commitments SET stale = (stale & 1) | (2 * EXISTS (
                SELECT 1 FROM curation_links l JOIN curations k ON k.id = l.curation_id
                WHERE l.commitment_id = :c AND k.action NOT IN ('undo', 'redo')
                  AND ((l.role = 'hidden' AND k.voided = 0)
                                                OR (l.role = 'created' AND k.voided = 1))))
            WHERE id = :c""", {"c": cid})


def _log(conn: sqlite3.Connection, action: str, report_id: int | None, detail: Mapping,
         links: Iterable[tuple[int, str]] = (), target: int | None = None) -> int:
    kid = conn.execute("INSERT INTO curations (action, report_id, target_id, detail, created_at) "
                       "VALUES (?, ?, ?, ?, ?)",
                       (action, report_id, target, json.dumps(dict(detail), ensure_ascii=False),
                        now())).lastrowid
    conn.executemany("INSERT INTO curation_links (curation_id, commitment_id, role) VALUES (?, ?, ?)",
                     [(kid, cid, role) for cid, role in links])
    return kid


class CurateMixin:
    """Hand edits of what counts as a commitment (self.conn, self._write(), self._require)."""

    def _rows(self, ids: Iterable[int]) -> list[dict]:
        out = []
        for cid in self._require(list(ids)):
            cur = self.conn.execute("SELECT * FROM commitments WHERE id = ?", (cid,))
            out.append(dict(zip([d[0] for d in cur.description], cur.fetchone())))
        return out

    def _insert_user_item(self, conn, report_id: int, kid: int, n: int, text: str,
                          fields: Mapping[str, Any], near: int | None) -> int:
        """One origin='user' commitment of a report, placed at its text in the document."""
        text = (text or "").strip()
        if not text:
            raise UserError("text: 承诺内容不能为空 / the text cannot be empty")
        values = {f: coerce_field(f, v) for f, v in fields.items()
                  if f in CORRECTABLE and f not in ("text", *_LOCATED) and v is not None}
        values.setdefault("kind", PROJECT)
        doc_id, first, last = report_span(conn, report_id)
        line = fields.get("line")
        place = locate(conn, doc_id, text, first, last, near=int(line) if line else near)
        if place is not None and (not line or place.line == int(line)):
            values.update(line=place.line, start=place.start, end=place.end)
        elif line:
            values.update(line=coerce_field("line", line), start=-1, end=-1)
        elif near is not None:
            # A part of a split not found as typed (its item was added with --line, or the
            # user re-worded it) sits on the line of the item it came from.
            values.update(line=near, start=-1, end=-1)
        else:
            raise UserError(f"{text[:20]}: 报告原文中找不到这段文字，请用 --line 指定行号 / "
                            f"text not found in report {report_id}; give its line (--line)")
        if "category" not in values:
            # The section it sits in: that of the nearest item at or above it (same report).
            near_row = conn.execute(
                "SELECT category FROM commitments WHERE report_id = ? AND line <= ? AND category IS NOT NULL "
                "ORDER BY line DESC, id LIMIT 1", (report_id, values["line"])).fetchone()
            if near_row:
                values["category"] = near_row[0]
        cols = {"report_id": report_id, "document_id": doc_id, "key": f"user|{kid}|{n}",
                "origin": "user", "text": text, **values}
        cid = conn.execute(
            f"INSERT INTO commitments ({', '.join(chr(34) + c + chr(34) for c in cols)}) "
            f"VALUES ({', '.join('?' * len(cols))})", [int(v) if isinstance(v, bool) else v
                                                      for v in cols.values()]).lastrowid
        fts.index_commitment(conn, cid, text)
        copy_report_columns(conn, report_id)
        return cid

    @guarded
    def add_commitment(self, report_id: int, text: str, **fields) -> int:
        """A commitment the extractor missed (kept across re-extraction); its id."""
        if not self.conn.execute("SELECT 1 FROM reports WHERE id = ?", (int(report_id),)).fetchone():
            raise UserError(f"report {report_id}: 没有这个报告 / no such report")
        if fields.get("kind") is not None and fields["kind"] not in KINDS:
            raise UserError(f"kind={fields['kind']}: 类型应为 / kind must be one of {', '.join(KINDS)}")
        with self._write() as conn:
            kid = _log(conn, "add", int(report_id), {"text": text})
            cid = self._insert_user_item(conn, int(report_id), kid, 1, text, fields, None)
            conn.execute("INSERT INTO curation_links VALUES (?, ?, ?)", (kid, cid, CREATED))
        return cid

    @guarded
    def drop(self, ids, note: str = "") -> int:
        """Mark commitments 不是承诺: hidden from lists and the sheet (undoable); the curation id."""
        rows = self._rows(ids if isinstance(ids, (list, tuple, set)) else [ids])
        if not rows:
            raise UserError("drop: 没有指定承诺 / no commitment given")
        for r in rows:
            if r["stale"] & 2:
                raise UserError(f"{r['id']}: 已标为不是承诺 / already dropped (tracker restore {r['id']})")
        with self._write() as conn:
            kid = _log(conn, "drop", rows[0]["report_id"], {"note": note},
                       [(r["id"], HIDDEN) for r in rows])
            _refresh_hidden(conn, [r["id"] for r in rows])
        return kid

    @guarded
    def split(self, cid: int, parts: list[Mapping[str, Any]]) -> tuple[int, list[int]]:
        """Replace one commitment by several (each {"text": …, fields…}); (curation id, new ids)."""
        (row,) = self._rows([cid])
        if len(parts) < 2:
            raise UserError(f"{cid}: 拆分至少需要两段文字 / a split needs at least two texts")
        if row["stale"] & 2:
            raise UserError(f"{cid}: 已隐藏，不能拆分 / hidden, cannot be split")
        with self._write() as conn:
            kid = _log(conn, "split", row["report_id"], {"from": row["text"],
                                                         "into": [p["text"] for p in parts]},
                       [(row["id"], HIDDEN)])
            new = [self._insert_user_item(conn, row["report_id"], kid, n,
                                          p["text"], {"kind": row["kind"], "category": row["category"],
                                                      **{k: v for k, v in p.items() if k != "text"}},
                                          row["line"])
                   for n, p in enumerate(parts, 1)]
            conn.executemany("INSERT INTO curation_links VALUES (?, ?, ?)", [(kid, c, CREATED) for c in new])
            _refresh_hidden(conn, [row["id"]])
        return kid, new

    @guarded
    def merge(self, ids, text: str | None = None, **fields) -> tuple[int, int]:
        """Replace several commitments of one report by one; (curation id, new id).
        The text defaults to theirs joined in document order."""
        rows = sorted(self._rows(ids), key=lambda r: (r["line"], r["start"] or 0, r["id"]))
        if len({r["id"] for r in rows}) < 2:
            raise UserError("merge: 合并至少需要两条承诺 / a merge needs at least two commitments")
        if len({r["report_id"] for r in rows}) > 1:
            raise UserError("merge: 只能合并同一报告中的承诺 / commitments of different reports")
        hidden = [r["id"] for r in rows if r["stale"] & 2]
        if hidden:
            raise UserError(f"{hidden[0]}: 已隐藏，不能合并 / hidden, cannot be merged")
        if not text:
            text = ""
            for r in rows:
                sep = "" if not text or text[-1] in "，。；;,、：:" else "；"
                text += sep + r["text"]
        first = rows[0]
        keep = {f: first[f] for f in CORRECTABLE if f not in ("text", *_LOCATED) and first[f] is not None}
        with self._write() as conn:
            kid = _log(conn, "merge", first["report_id"], {"from": [r["text"] for r in rows], "into": text},
                       [(r["id"], HIDDEN) for r in rows])
            place_fields = {**keep, **fields}
            doc_id, lo, hi = report_span(conn, first["report_id"])
            if locate(conn, doc_id, text, lo, hi, near=first["line"]) is None:
                place_fields.setdefault("line", first["line"])   # joined texts need not be contiguous
            new = self._insert_user_item(conn, first["report_id"], kid, 1, text, place_fields, first["line"])
            conn.execute("INSERT INTO curation_links VALUES (?, ?, ?)", (kid, new, CREATED))
            _refresh_hidden(conn, [r["id"] for r in rows])
        return kid, new

    @guarded
    def edit_text(self, cid: int, text: str) -> int:
        """Re-word a commitment (a correction kept across re-extraction, logged); the curation id."""
        (row,) = self._rows([cid])
        text = coerce_field("text", (text or "").strip())
        with self._write() as conn:
            kid = _log(conn, "edit", row["report_id"], {"old": row["text"], "new": text},
                       [(row["id"], EDITED)])
            conn.execute("INSERT INTO corrections (commitment_id, commitment_key, field, value, created_at) "
                         "VALUES (?, ?, 'text', ?, ?)", (row["id"], row["key"], json.dumps(text, ensure_ascii=False),
                                                          now()))
            apply_corrections(conn, row["id"])
        return kid

    @guarded
    def undo_curation(self, kid: int, redo: bool = False) -> list[int]:
        """Void a curation (redo=True: revive it), logged as an undo/redo row; ids it touched."""
        found = self.conn.execute("SELECT action, voided, report_id, detail FROM curations WHERE id = ?",
                                  (int(kid),)).fetchone()
        if found is None or found[0] in ("undo", "redo"):
            raise UserError(f"curation {kid}: 没有这项修改 / no such edit")
        action, voided, report_id, detail = found
        if bool(voided) != redo:
            raise UserError(f"curation {kid}: 已{'撤销' if voided else '生效'} / already "
                            f"{'undone' if voided else 'in effect'}")
        links = self.conn.execute("SELECT commitment_id, role FROM curation_links WHERE curation_id = ?",
                                  (int(kid),)).fetchall()
        with self._write() as conn:
            _log(conn, "redo" if redo else "undo", report_id, {"action": action},
                 [(c, role) for c, role in links], target=int(kid))
            conn.execute("UPDATE curations SET voided = ? WHERE id = ?", (0 if redo else 1, int(kid)))
            if action == "edit":
                self._undo_edit(conn, links[0][0], json.loads(detail), redo)
            _refresh_hidden(conn, [c for c, _ in links])
        return [c for c, _ in links]

    def _undo_edit(self, conn, cid: int, detail: dict, redo: bool) -> None:
        if redo:
            key = conn.execute("SELECT key FROM commitments WHERE id = ?", (cid,)).fetchone()[0]
            conn.execute("INSERT INTO corrections (commitment_id, commitment_key, field, value, created_at) "
                         "VALUES (?, ?, 'text', ?, ?)", (cid, key, json.dumps(detail["new"], ensure_ascii=False),
                                                         now()))
        else:
            newest = conn.execute("SELECT max(id) FROM corrections WHERE commitment_id = ? AND field = 'text'",
                                  (cid,)).fetchone()[0]
            if newest is not None:
                conn.execute("DELETE FROM corrections WHERE id = ?", (newest,))
            conn.execute("UPDATE commitments SET text = ? WHERE id = ?", (detail["old"], cid))
            fts.index_commitment(conn, cid, detail["old"])
        apply_corrections(conn, cid)

    def hiding_curations(self, cid: int) -> list[tuple[int, bool]]:
        """What hides a commitment: (curation id, True when it is a voided add/split/merge
        that made it, False when it is a live drop/split/merge that hid it)."""
        return [(kid, role == CREATED) for kid, role in self.conn.execute(
            "SELECT k.id, l.role FROM curation_links l JOIN curations k ON k.id = l.curation_id "
            "WHERE l.commitment_id = ? AND k.action NOT IN ('undo', 'redo') AND "
            "((l.role = 'hidden' AND k.voided = 0) OR (l.role = 'created' AND k.voided = 1)) "
            "ORDER BY k.id", (int(cid),))]

    @guarded
    def restore(self, cid: int) -> list[int]:
        """Show a hidden commitment again: undo the drop/split/merge that hid it, or redo the
        add/split/merge that made it; ids whose visibility changed."""
        (row,) = self._rows([cid])
        if not row["stale"] & 2:
            raise UserError(f"{cid}: 没有被隐藏，无需恢复 / not dropped, nothing to restore")
        touched: list[int] = []
        for kid, creator in self.hiding_curations(row["id"]):
            touched += self.undo_curation(kid, redo=creator)
        return sorted(set(touched))

    def curation_commitments(self, kid: int) -> list[int]:
        """Ids of the commitments a curation created, hid or edited."""
        return [c for (c,) in self.conn.execute(
            "SELECT commitment_id FROM curation_links WHERE curation_id = ? ORDER BY commitment_id", (int(kid),))]

    @guarded
    def curation_history(self, cid: int) -> list[dict]:
        """The hand edits touching a commitment, newest first: id, action, words, detail,
        voided, target_id, created_at, related (the other commitments of the same edit)."""
        self._require([cid])
        cur = self.conn.execute(
            "SELECT k.*, l.role FROM curations k JOIN curation_links l ON l.curation_id = k.id "
            "WHERE l.commitment_id = ? ORDER BY k.id DESC", (int(cid),))
        names = [d[0] for d in cur.description]
        out = []
        for values in cur.fetchall():
            k = dict(zip(names, values))
            k["detail"] = json.loads(k["detail"] or "{}")
            k["related"] = self.conn.execute(
                "SELECT commitment_id, role FROM curation_links WHERE curation_id = ? AND commitment_id != ? "
                "ORDER BY commitment_id", (k["target_id"] or k["id"], int(cid))).fetchall()
            k["words"] = curation_words(k)
            out.append(k)
        return out


def curation_words(k: Mapping[str, Any]) -> str:
    """One line for the history: "不是承诺", "拆分为 #12 #13", "与 #7 合并为 #20", "撤销：合并"."""
    action, detail = k["action"], k.get("detail") or {}
    related = k.get("related") or []

    def ids(role: str) -> str:
        return " ".join(f"#{c}" for c, r in related if r == role)
    if action in ("undo", "redo"):
        return f"{ACTION_WORDS[action]}：{ACTION_WORDS.get(detail.get('action'), detail.get('action'))}"
    if action == "split":
        return f"拆分为 {ids(CREATED)}" if k.get("role") == HIDDEN else f"由 {ids(HIDDEN)} 拆分而来"
    if action == "merge":
        if k.get("role") == HIDDEN:
            others = ids(HIDDEN)
            return f"与 {others} 合并为 {ids(CREATED)}" if others else f"合并为 {ids(CREATED)}"
        return f"由 {ids(HIDDEN)} 合并而来"
    if action == "edit":
        return f"修改文字：{detail.get('old', '')} → {detail.get('new', '')}"
    if action == "drop" and detail.get("note"):
        return f"不是承诺：{detail['note']}"
    return ACTION_WORDS.get(action, action)
