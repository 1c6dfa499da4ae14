"""Completing and correcting the extraction by hand: add, drop, restore, split, merge, edit.

Each is a row in the append-only curations log, linked to the commitments it created,
hid or edited; undoing one appends an 'undo' row naming it (target_id), redoing it a
'redo' row. `curations.voided` is a cache of those rows (the newest decides), and whether
a commitment is hidden (stale bit 2) is derived from the log: hidden by a live
drop/split/merge, or created by a voided add/split/merge; both in the change's own
transaction, with the carry links they change. Added items have origin 'user', so
re-extraction neither matches nor stales them; a drop is keyed to the row, whose id
survives re-import through commitment identity. The parts of a split keep the original's
place in the source (any wording); only an added item must be found in the source text.
The store never runs the extractor: callers pass the fields (tracker.extract.selection).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from tracker.errors import UserError
from tracker.model import KINDS, PROJECT
from tracker.store import changes, corrections, fts, links
from tracker.store.clock import now
from tracker.store.corrections import CORRECTABLE, coerce_field
from tracker.store.guard import guarded
from tracker.store.locate import locate, report_span
from tracker.store.marks import require
from tracker.store.report_fields import copy_report_columns

HIDDEN, CREATED, EDITED = "hidden", "created", "edited"
# Actions that hide or create commitments, and the words the history shows.
ACTION_WORDS = {"add": "添加为承诺", "drop": "不是承诺", "split": "拆分", "merge": "合并",
                "edit": "修改文字", "undo": "撤销", "redo": "重做"}
# What an item hidden by each action is, said when it is asked to be hidden again.
_HIDDEN_BY = {"drop": "已标为不是承诺 / already dropped", "split": "已拆分 / already split",
              "merge": "已合并 / already merged"}
_LOCATED = ("line", "start", "end")


class TextNotFound(UserError):
    """An added item's text is not in its report and no line was given (the caller may say
    how to give one: the CLI's --line, the dialog's line field)."""


def _refresh_hidden(conn: sqlite3.Connection, ids: Iterable[int]) -> None:
    """Recompute stale bit 2 of commitments from the curation log."""
    for cid in set(ids):
        conn.execute("""
            UPDATE commitments SET stale = (stale & 5) | (2 * EXISTS (
                SELECT 1 FROM curation_links l JOIN curations k ON k.id = l.curation_id
                WHERE l.commitment_id = :c AND k.action NOT IN ('undo', 'redo')
                  AND ((l.role = 'hidden' AND k.voided = 0)
                                                OR (l.role = 'created' AND k.voided = 1))))
            WHERE id = :c""", {"c": cid})


def log_curation(conn: sqlite3.Connection, action: str, report_id: int | None, detail: Mapping,
                 links_: Iterable[tuple[int, str]] = (), target: int | None = None) -> int:
    kid = conn.execute("INSERT INTO curations (action, report_id, target_id, detail, created_at) "
                       "VALUES (?, ?, ?, ?, ?)",
                       (action, report_id, target, json.dumps(dict(detail), ensure_ascii=False),
                        now())).lastrowid
    conn.executemany("INSERT INTO curation_links (curation_id, commitment_id, role) VALUES (?, ?, ?)",
                     [(kid, cid, role) for cid, role in links_])
    return kid


def _rows(conn: sqlite3.Connection, ids: Iterable[int]) -> list[dict]:
    out = []
    for cid in require(conn, list(ids)):
        cur = conn.execute("SELECT * FROM commitments WHERE id = ?", (cid,))
        out.append(dict(zip([d[0] for d in cur.description], cur.fetchone())))
    return out


def hidden_why(conn: sqlite3.Connection, cid: int) -> str:
    """Why a hidden commitment is hidden, in the words of the edit that hid it."""
    row = conn.execute(
        "SELECT k.action, l.role FROM curation_links l JOIN curations k ON k.id = l.curation_id "
        "WHERE l.commitment_id = ? AND k.action NOT IN ('undo', 'redo') AND ((l.role = 'hidden' AND "
        "k.voided = 0) OR (l.role = 'created' AND k.voided = 1)) ORDER BY k.id DESC LIMIT 1", (cid,)).fetchone()
    if row and row[1] == HIDDEN:
        return _HIDDEN_BY.get(row[0], "已隐藏 / hidden")
    return "已隐藏 / hidden"


def _refuse_hidden(conn: sqlite3.Connection, rows: list[dict]) -> None:
    """UserError for the first row already hidden (checked under the write lock)."""
    for r in rows:
        if r["stale"] & 2:
            raise UserError(f"{r['id']}: {hidden_why(conn, r['id'])}")


def insert_user_item(conn: sqlite3.Connection, report_id: int, kid: int, n: int, text: str,
                     fields: Mapping[str, Any], span: Mapping[str, Any] | None = None) -> int:
    """One origin='user' commitment of a report. span: the source place it keeps (a part of
    a split, a merge); without one the text must be found in the report (an added item)."""
    text = (text or "").strip()
    if not text:
        raise UserError("text: 承诺内容不能为空 / the text cannot be empty")
    values = {f: coerce_field(f, v) for f, v in fields.items()
              if f in CORRECTABLE and f not in ("text", *_LOCATED) and v is not None}
    values.setdefault("kind", PROJECT)
    doc_id, first, last = report_span(conn, report_id)
    line = fields.get("line")
    if span is not None:
        values.update(line=span["line"], start=span["start"], end=span["end"])
    else:
        place = locate(conn, doc_id, text, first, last, near=int(line) if line else None)
        if place is not None and (not line or place.line == int(line)):
            values.update(line=place.line, start=place.start, end=place.end)
        elif line:
            values.update(line=coerce_field("line", line), start=-1, end=-1)
        else:
            raise TextNotFound(f"{text[:20]}: 报告原文中找不到这段文字，请指定行号 / "
                            f"text not found in report {report_id}; give its line")
    if "category" not in values:
        # The section it sits in: that of the nearest item at or above it (same report).
        near_row = conn.execute(
            "SELECT category FROM commitments WHERE report_id = ? AND line <= ? AND category IS NOT NULL "
            "ORDER BY line DESC, id LIMIT 1", (report_id, values["line"])).fetchone()
        if near_row:
            values["category"] = near_row[0]
    cols = {"report_id": report_id, "document_id": doc_id, "key": f"user|{kid}|{n}",
            "origin": "user", "text": text, **values}
    cid = changes.insert(conn, "commitments", {k: int(v) if isinstance(v, bool) else v for k, v in cols.items()})
    fts.index_commitment(conn, cid, text)
    copy_report_columns(conn, report_id)
    return cid


def _span(rows: list[dict]) -> dict:
    """The source place covering rows (document order): first line, first start, last end."""
    starts = [r["start"] for r in rows if r["start"] is not None and r["start"] >= 0]
    ends = [r["end"] for r in rows if r["end"] is not None and r["end"] >= 0]
    return {"line": rows[0]["line"], "start": min(starts) if starts else -1, "end": max(ends) if ends else -1}


def _set_voided(conn: sqlite3.Connection, kid: int) -> None:
    """curations.voided from the newest undo/redo row naming kid (a cache of the log)."""
    conn.execute("UPDATE curations SET voided = IFNULL((SELECT action = 'undo' FROM curations u "
                 "WHERE u.target_id = :k AND u.action IN ('undo', 'redo') ORDER BY u.id DESC LIMIT 1), 0) "
                 "WHERE id = :k", {"k": kid})


def _turn(conn: sqlite3.Connection, kid: int, redo: bool) -> tuple[int, list[int]]:
    """Inside a write transaction: append the undo (or redo) row of curation kid and derive
    what it changes; (the new row's id, ids touched)."""
    found = conn.execute("SELECT action, voided, report_id, detail FROM curations WHERE id = ?",
                         (int(kid),)).fetchone()
    if found is None or found[0] in ("undo", "redo"):
        raise UserError(f"curation {kid}: 没有这项修改 / no such edit")
    action, voided, report_id, detail = found
    if bool(voided) != redo:
        raise UserError(f"curation {kid}: 已{'撤销' if voided else '生效'} / already "
                        f"{'undone' if voided else 'in effect'}")
    touched = [c for (c, _) in conn.execute(
        "SELECT commitment_id, role FROM curation_links WHERE curation_id = ?", (int(kid),)).fetchall()]
    extra = {}
    if action == "edit":
        extra = _turn_edit(conn, touched[0], json.loads(detail), int(kid), redo)
    new = log_curation(conn, "redo" if redo else "undo", report_id, {"action": action, **extra},
               [(c, role) for c, role in conn.execute(
                   "SELECT commitment_id, role FROM curation_links WHERE curation_id = ?", (int(kid),))],
               target=int(kid))
    _set_voided(conn, int(kid))
    _refresh_hidden(conn, touched)
    links.relink_commitments(conn, touched)
    return new, touched


def _turn_edit(conn: sqlite3.Connection, cid: int, detail: dict, kid: int, redo: bool) -> dict:
    """Undo or redo of a 修改文字: void the text correction it (or its last redo) appended,
    by id, or append it again; the detail for the undo/redo row."""
    if redo:
        return {"correction": corrections.append(conn, cid, {"text": detail["new"]})[0]}
    last = conn.execute("SELECT detail FROM curations WHERE target_id = ? AND action = 'redo' "
                        "ORDER BY id DESC LIMIT 1", (kid,)).fetchone()
    own = json.loads(last[0]).get("correction") if last else detail.get("correction")
    if own is None:   # an edit made before corrections were voided by id: its own text fix
        own = next((i for i, v in conn.execute(
            "SELECT id, value FROM corrections c WHERE commitment_id = ? AND field = 'text' AND voids IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM corrections v WHERE v.voids = c.id) ORDER BY id DESC", (cid,))
            if json.loads(v) == detail.get("new")), None)
    if own is not None and not conn.execute("SELECT 1 FROM corrections WHERE voids = ?", (own,)).fetchone():
        changes.void_row(conn, corrections.KIND, own)
    return {}


def _describe(conn: sqlite3.Connection, row: dict) -> str:
    ids = " ".join(f"#{c}" for (c,) in conn.execute(
        "SELECT commitment_id FROM curation_links WHERE curation_id = ? ORDER BY commitment_id", (row["id"],)))
    return f"{ACTION_WORDS.get(row['action'], row['action'])} {ids}".strip()


KIND = changes.register(changes.Kind(
    name="curate", table="curations", word="编辑", derive=lambda conn, row: [], void_values=dict,
    void=lambda conn, kid: _turn(conn, kid, redo=False), redo=lambda conn, kid: _turn(conn, kid, redo=True),
    describe=_describe,
    user_rows="SELECT id, created_at, (SELECT min(commitment_id) FROM curation_links WHERE curation_id = k.id), "
              "voided FROM curations k WHERE action NOT IN ('undo', 'redo')"))


class Curation(changes.Part):
    """store.curation: hand edits of what counts as a commitment (void / redo: undo(kid, redo))."""

    kind = KIND

    @guarded
    def add(self, report_id: int, text: str, **fields) -> int:
        """A commitment the extractor missed (kept across re-extraction); its id."""
        if fields.get("kind") is not None and fields["kind"] not in KINDS:
            raise UserError(f"kind={fields['kind']}: 类型应为 / kind must be one of {', '.join(KINDS)}")
        with self.store.write() as conn:
            if not conn.execute("SELECT 1 FROM reports WHERE id = ?", (int(report_id),)).fetchone():
                raise UserError(f"report {report_id}: 没有这个报告 / no such report")
            kid = log_curation(conn, "add", int(report_id), {"text": text})
            cid = insert_user_item(conn, int(report_id), kid, 1, text, fields)
            conn.execute("INSERT INTO curation_links VALUES (?, ?, ?)", (kid, cid, CREATED))
            links.relink_commitments(conn, [cid])
        return cid

    @guarded
    def drop(self, ids, note: str = "") -> int:
        """Mark commitments 不是承诺: hidden from lists and the sheet (undoable); the curation id."""
        ids = list(ids) if isinstance(ids, (list, tuple, set)) else [ids]
        if not ids:
            raise UserError("drop: 没有指定承诺 / no commitment given")
        with self.store.write() as conn:
            rows = _rows(conn, ids)
            _refuse_hidden(conn, rows)
            kid = log_curation(conn, "drop", rows[0]["report_id"], {"note": note},
                               [(r["id"], HIDDEN) for r in rows])
            _refresh_hidden(conn, [r["id"] for r in rows])
            links.relink_commitments(conn, [r["id"] for r in rows])
        return kid

    @guarded
    def split(self, cid: int, parts: list[Mapping[str, Any]]) -> tuple[int, list[int]]:
        """Replace one commitment by several (each {"text": …, fields…}, in any wording: each
        keeps the original's place in the source); (curation id, new ids)."""
        if len(parts) < 2:
            raise UserError(f"{cid}: 拆分至少需要两段文字 / a split needs at least two texts")
        with self.store.write() as conn:
            (row,) = _rows(conn, [cid])
            _refuse_hidden(conn, [row])
            kid = log_curation(conn, "split", row["report_id"],
                               {"from": row["text"], "into": [p["text"] for p in parts]}, [(row["id"], HIDDEN)])
            new = [insert_user_item(conn, row["report_id"], kid, n, p["text"],
                                    {"kind": row["kind"], "category": row["category"],
                                     **{k: v for k, v in p.items() if k != "text"}}, _span([row]))
                   for n, p in enumerate(parts, 1)]
            conn.executemany("INSERT INTO curation_links VALUES (?, ?, ?)", [(kid, c, CREATED) for c in new])
            _refresh_hidden(conn, [row["id"]])
            links.relink_commitments(conn, [row["id"], *new])
        return kid, new

    @guarded
    def merge(self, ids, text: str | None = None, **fields) -> tuple[int, int]:
        """Replace several commitments of one report by one (spanning their places in the
        source); (curation id, new id). The text defaults to theirs joined in document order."""
        with self.store.write() as conn:
            rows = sorted(_rows(conn, ids), key=lambda r: (r["line"], r["start"] or 0, r["id"]))
            if len({r["id"] for r in rows}) < 2:
                raise UserError("merge: 合并至少需要两条承诺 / a merge needs at least two commitments")
            if len({r["report_id"] for r in rows}) > 1:
                raise UserError("merge: 只能合并同一报告中的承诺 / commitments of different reports")
            _refuse_hidden(conn, rows)
            if not text:
                text = ""
                for r in rows:
                    sep = "" if not text or text[-1] in "，。；;,、：:" else "；"
                    text += sep + r["text"]
            first = rows[0]
            keep = {f: first[f] for f in CORRECTABLE if f not in ("text", *_LOCATED) and first[f] is not None}
            kid = log_curation(conn, "merge", first["report_id"], {"from": [r["text"] for r in rows], "into": text},
                               [(r["id"], HIDDEN) for r in rows])
            new = insert_user_item(conn, first["report_id"], kid, 1, text, {**keep, **fields}, _span(rows))
            conn.execute("INSERT INTO curation_links VALUES (?, ?, ?)", (kid, new, CREATED))
            _refresh_hidden(conn, [r["id"] for r in rows])
            links.relink_commitments(conn, [new, *(r["id"] for r in rows)])
        return kid, new

    @guarded
    def edit_text(self, cid: int, text: str) -> int:
        """Re-word a commitment (a text correction kept across re-extraction, logged); the curation id."""
        text = coerce_field("text", (text or "").strip())
        with self.store.write() as conn:
            (row,) = _rows(conn, [cid])
            fix = corrections.append(conn, row["id"], {"text": text})[0]
            kid = log_curation(conn, "edit", row["report_id"], {"old": row["text"], "new": text, "correction": fix},
                               [(row["id"], EDITED)])
            links.relink_commitments(conn, [row["id"]])
        return kid

    @guarded
    def undo(self, kid: int, redo: bool = False) -> list[int]:
        """Void a curation by its id (redo=True: revive it), logged as an undo/redo row; ids it touched."""
        return self.turn([(kid, redo)])

    @guarded
    def turn(self, plan: list[tuple[int, bool]]) -> list[int]:
        """Undo (False) or redo (True) each curation of plan, in order, in one transaction
        (a restore that undoes a split and redoes an add is one change); ids touched."""
        touched: list[int] = []
        with self.store.write() as conn:
            for kid, redo in plan:
                touched += _turn(conn, int(kid), redo)[1]
        return sorted(set(touched))

    def hiding(self, cid: int) -> list[tuple[int, bool]]:
        """What hides a commitment: (curation id, True when it is a voided add/split/merge
        that made it, False when it is a live drop/split/merge that hid it)."""
        return _hiding(self.store.conn, cid)

    @guarded
    def restore(self, cid: int) -> list[int]:
        """Show a hidden commitment again: undo the drop/split/merge that hid it, or redo the
        add/split/merge that made it (one transaction); ids whose visibility changed."""
        touched: list[int] = []
        with self.store.write() as conn:
            (row,) = _rows(conn, [cid])
            if not row["stale"] & 2:
                raise UserError(f"{cid}: 没有被隐藏，无需恢复 / not dropped, nothing to restore")
            for kid, creator in _hiding(conn, row["id"]):
                touched += _turn(conn, kid, redo=creator)[1]
        return sorted(set(touched))

    def commitments_of(self, kid: int) -> list[int]:
        """Ids of the commitments a curation created, hid or edited."""
        return [c for (c,) in self.store.conn.execute(
            "SELECT commitment_id FROM curation_links WHERE curation_id = ? ORDER BY commitment_id", (int(kid),))]

    @guarded
    def history(self, cid: int) -> list[dict]:
        """The hand edits touching a commitment, newest first: id, action, words, detail,
        voided, target_id, created_at, related (the other commitments of the same edit)."""
        conn = self.store.conn
        require(conn, [cid])
        cur = conn.execute(
            "SELECT k.*, l.role FROM curations k JOIN curation_links l ON l.curation_id = k.id "
            "WHERE l.commitment_id = ? ORDER BY k.id DESC", (int(cid),))
        names = [d[0] for d in cur.description]
        out = []
        for values in cur.fetchall():
            k = dict(zip(names, values))
            k["detail"] = json.loads(k["detail"] or "{}")
            k["related"] = conn.execute(
                "SELECT commitment_id, role FROM curation_links WHERE curation_id = ? AND commitment_id != ? "
                "ORDER BY commitment_id", (k["target_id"] or k["id"], int(cid))).fetchall()
            k["words"] = curation_words(k)
            out.append(k)
        return out


def _hiding(conn: sqlite3.Connection, cid: int) -> list[tuple[int, bool]]:
    return [(kid, role == CREATED) for kid, role in conn.execute(
        "SELECT k.id, l.role FROM curation_links l JOIN curations k ON k.id = l.curation_id "
        "WHERE l.commitment_id = ? AND k.action NOT IN ('undo', 'redo') AND "
        "((l.role = 'hidden' AND k.voided = 0) OR (l.role = 'created' AND k.voided = 1)) "
        "ORDER BY k.id", (int(cid),))]


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
