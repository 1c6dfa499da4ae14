"""The store's one write model: what a user change is, and undoing one by its own id.

A user change is one appended row of its kind's table (a mark in `events`, a field fix in
`corrections`, a hand edit in `curations`, a suggestion decision in `decisions`, a report
field in `report_changes`), written in one transaction together with everything derived
from it (cached columns, full-text rows, carry links) and with its checks made after the
write lock is held. Undo appends a row voiding the change by its id; nothing is deleted or
overwritten; redo appends the change again. Each kind says here how a row of it is voided
and redone and what it derives; `store.changes` does the rest the same way for every kind.

Adding a kind of change: a table (id, voids, created_at + what it says), a `Kind` below
registered with `register`, and a store part method that appends the row and calls
`kind.derive` in `store.write()`. See docs/ARCHITECTURE.md, "How to add a kind of change".
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from tracker.errors import UserError
from tracker.store.clock import now
from tracker.store.guard import guarded
from tracker.store import links


@dataclass(frozen=True)
class Kind:
    """One kind of user change.

    table: where its rows are appended; rows have `id`, `voids` and `created_at`.
    derive(conn, row): re-derive what the rows of row's subject imply (cached columns,
      full-text rows, other kinds' rows it implies); returns the commitment ids touched.
    relinks: whether carry links of the touched commitments' regions are rebuilt too.
    void_values(row): the columns (other than voids, created_at) of the row voiding row.
    redo_values(row): the columns of the row doing row again (None: a copy of row).
    describe(conn, row): one line for an undo menu or the history ("标记为已完成").
    """

    name: str
    table: str
    word: str
    derive: Callable[[sqlite3.Connection, dict], list[int]]
    void_values: Callable[[dict], dict]
    relinks: bool = False
    redo_values: Callable[[dict], dict] | None = None
    describe: Callable[[sqlite3.Connection, dict], str] | None = None
    # The standing changes a user made, newest first (for recent()): SQL over the table
    # selecting id, created_at, commitment_id; None for kinds that are not user changes.
    user_rows: str | None = None
    # A kind whose undo is a row of its own words (curations: 'undo'/'redo' rows).
    void: Callable[[sqlite3.Connection, int], int] | None = None
    redo: Callable[[sqlite3.Connection, int], int] | None = None


class Ref(NamedTuple):
    """One appended row of a kind of change: what store.changes.void_all takes back."""

    kind: str
    id: int

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}"        # as `tracker undo --change` takes it


# Every kind, registered by its part's module (tracker.store.core imports them all).
KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    """Make kind voidable and redoable through store.changes."""
    KINDS[kind.name] = kind
    return kind


def user_rows(table: str, subject: str = "NULL", where: str = "") -> str:
    """Kind.user_rows of a kind whose undo is a row naming the undone one in `voids`: its
    changes (not the undos), whether each is undone; subject is the SQL of the commitment
    id a row `t` is about, where a condition narrowing them."""
    return (f"SELECT id, created_at, {subject}, EXISTS (SELECT 1 FROM {table} v WHERE v.voids = t.id) "
            f"FROM {table} t WHERE voids IS NULL" + (f" AND {where}" if where else ""))


def kind_of(name: str) -> Kind:
    """The registered kind called name; UserError for an unknown one."""
    if name not in KINDS:
        raise UserError(f"{name}: 没有这种修改 / no such kind of change ({', '.join(sorted(KINDS))})")
    return KINDS[name]


def row_of(conn: sqlite3.Connection, kind: Kind, row_id: int) -> dict:
    """The row row_id of kind's table as a dict; UserError if there is none."""
    cur = conn.execute(f"SELECT * FROM {kind.table} WHERE id = ?", (int(row_id),))
    found = cur.fetchone()
    if found is None:
        raise UserError(f"{kind.name} {row_id}: 没有这项修改 / no such change")
    return dict(zip([d[0] for d in cur.description], found))


def insert(conn: sqlite3.Connection, table: str, values: dict) -> int:
    """Append one row to table; its id."""
    cols = list(values)
    return conn.execute(f"INSERT INTO {table} ({', '.join(chr(34) + c + chr(34) for c in cols)}) "
                        f"VALUES ({', '.join('?' * len(cols))})", [values[c] for c in cols]).lastrowid


def void_row(conn: sqlite3.Connection, kind: Kind, row_id: int) -> tuple[int, list[int]]:
    """Inside a write transaction: append the row voiding kind's row row_id and re-derive;
    (the new row's id, commitment ids touched). Checked here, under the lock: a change
    voided meanwhile by another program is an error, not a second success."""
    if kind.void is not None:
        return kind.void(conn, int(row_id))
    row = standing_row(conn, kind, row_id)
    new = insert(conn, kind.table, {**kind.void_values(row), "voids": int(row_id), "created_at": now()})
    return new, _derive(conn, kind, row)


def redo_row(conn: sqlite3.Connection, kind: Kind, row_id: int) -> tuple[int, list[int]]:
    """Inside a write transaction: append kind's row row_id again (it must be undone);
    (the new row's id, commitment ids touched)."""
    if kind.redo is not None:
        return kind.redo(conn, int(row_id))
    row = undone_row(conn, kind, row_id)
    values = kind.redo_values(row) if kind.redo_values else {
        k: v for k, v in row.items() if k not in ("id", "voids", "created_at")}
    new = insert(conn, kind.table, {**values, "created_at": now()})
    return new, _derive(conn, kind, row_of(conn, kind, new))


def _undone(conn: sqlite3.Connection, kind: Kind, row_id: int) -> bool:
    return conn.execute(f"SELECT 1 FROM {kind.table} WHERE voids = ?", (int(row_id),)).fetchone() is not None


def standing_row(conn: sqlite3.Connection, kind: Kind, row_id: int) -> dict:
    """kind's row row_id, which an undo may void: a change (not an undo) not undone yet;
    UserError otherwise."""
    row = row_of(conn, kind, row_id)
    if row.get("voids") is not None:
        raise UserError(f"{kind.name} {row_id}: 是一次撤销，不能再撤销 / is an undo itself")
    if _undone(conn, kind, row_id):
        raise UserError(f"{kind.name} {row_id}: 已经撤销过了 / already undone")
    return row


def undone_row(conn: sqlite3.Connection, kind: Kind, row_id: int) -> dict:
    """kind's row row_id, which a redo may append again: a change that is undone; UserError otherwise."""
    row = row_of(conn, kind, row_id)
    if row.get("voids") is not None:
        raise UserError(f"{kind.name} {row_id}: 是一次撤销，不能重做 / is an undo, not a change")
    if not _undone(conn, kind, row_id):
        raise UserError(f"{kind.name} {row_id}: 没有撤销，无需重做 / not undone, nothing to redo")
    return row


def void_if_standing(conn: sqlite3.Connection, kind: Kind, row_id: int) -> None:
    """Inside a write transaction: void kind's row row_id unless it is undone already (a change
    undone takes the rows it appended of other kinds with it)."""
    if not _undone(conn, kind, row_id):
        void_row(conn, kind, row_id)


def _derive(conn: sqlite3.Connection, kind: Kind, row: dict) -> list[int]:
    touched = kind.derive(conn, row)
    if kind.relinks:
        links.relink_commitments(conn, touched)
    return touched


class Part:
    """A named part of the store (store.marks, store.corrections …): a back-reference to the
    store, and undo / redo of its own kind of change by id."""

    kind: Kind | None = None

    def __init__(self, store):
        self.store = store

    @guarded
    def void(self, row_id: int) -> int:
        """Undo the change row_id of this part's kind: append the row voiding it (one
        transaction, with what it derives); its id. UserError if it is undone already."""
        with self.store.write() as conn:
            return void_row(conn, self.kind, row_id)[0]

    @guarded
    def redo(self, row_id: int) -> int:
        """Apply an undone change again: a new row (one transaction); its id."""
        with self.store.write() as conn:
            return redo_row(conn, self.kind, row_id)[0]


class Changes:
    """store.changes: undo and redo of any kind of user change by its id, and the recent ones."""

    def __init__(self, store):
        self.store = store

    @guarded
    def void(self, kind: str, row_id: int) -> int:
        """Undo change row_id of kind: append the row voiding it (one transaction); its id."""
        k = kind_of(kind)
        with self.store.write() as conn:
            return void_row(conn, k, row_id)[0]

    @guarded
    def redo(self, kind: str, row_id: int) -> int:
        """Do an undone change again: append it anew (one transaction); the new row's id."""
        k = kind_of(kind)
        with self.store.write() as conn:
            return redo_row(conn, k, row_id)[0]

    @guarded
    def void_all(self, refs: Iterable[Ref]) -> list[Ref]:
        """Undo the rows of one user change (several fields, several kinds) as one: each voided,
        the last appended first, in one transaction; the voiding rows. Nothing is voided if
        one cannot be."""
        with self.store.write() as conn:
            return [Ref(r.kind, void_row(conn, kind_of(r.kind), r.id)[0]) for r in reversed(list(refs))]

    @guarded
    def redo_all(self, refs: Iterable[Ref]) -> list[Ref]:
        """Do the undone rows of one user change again, in their order, in one transaction;
        the new rows."""
        with self.store.write() as conn:
            return [Ref(r.kind, redo_row(conn, kind_of(r.kind), r.id)[0]) for r in refs]

    @guarded
    def recent(self, limit: int = 50) -> list[dict]:
        """The user's recent changes of every kind, newest first, for an undo stack rebuilt
        after a restart: kind, id (what void()/redo() take), commitment_id, words,
        created_at, undone (True when voided; redo() applies it again)."""
        conn = self.store.conn
        out = []
        for k in KINDS.values():
            if k.user_rows is None:
                continue
            for row_id, created, cid, undone in conn.execute(
                    f"SELECT * FROM ({k.user_rows}) ORDER BY id DESC LIMIT ?", (int(limit),)):
                out.append({"kind": k.name, "id": row_id, "created_at": created, "commitment_id": cid,
                            "undone": bool(undone),
                            "words": k.describe(conn, row_of(conn, k, row_id)) if k.describe else k.word})
        out.sort(key=lambda c: (c["created_at"], c["id"]), reverse=True)
        return out[:limit]
