"""The cache of who is responsible for each commitment, and how a name finds its unit.

A commitment's `lead_unit`, `partner_units` and its `commitment_units` rows are derived: the
newest standing assignment (tracker/store/units.py), else what the text said
(`extracted_*`), with every name resolved through the user's aliases to the unit's first
name. Re-derived in each change's transaction, and after the rules write a commitment again
(re-import, reextract), so assignments survive both.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from tracker.store import changes
from tracker.store.clock import now
from tracker.unit_names import split_units, unit_key

STANDING_ASSIGNMENT = ("a.voids IS NULL AND NOT EXISTS (SELECT 1 FROM assignments v WHERE v.voids = a.id)")
STANDING_ALIAS = ("voids IS NULL AND NOT EXISTS (SELECT 1 FROM unit_aliases v WHERE v.voids = unit_aliases.id)")
LEAD, PARTNER = "lead", "partner"


class Names:
    """The units and aliases of a store, read once per transaction: a name -> its unit."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.by_key: dict[str, int] = {}
        self.unit: dict[int, tuple[str, str]] = {}           # id -> (key, name)
        for uid, key, name in conn.execute("SELECT id, key, name FROM units"):
            self.by_key[key] = uid
            self.unit[uid] = (key, name)
        self.alias: dict[str, int] = {}                       # alias key -> unit id (newest wins)
        for key, uid in conn.execute(f"SELECT alias_key, unit_id FROM unit_aliases WHERE {STANDING_ALIAS} "
                                     "ORDER BY id"):
            self.alias[key] = uid

    def find(self, name: str) -> int | None:
        """The unit a name stands for (following aliases), None when no unit has it."""
        key = unit_key(name)
        uid = self.alias.get(key, self.by_key.get(key))
        seen: set[int] = set()
        while uid is not None and uid not in seen:
            seen.add(uid)
            nxt = self.alias.get(self.unit[uid][0])
            if nxt is None or nxt == uid:
                break
            uid = nxt
        return uid

    def get(self, name: str) -> int:
        """The unit a name stands for, a new unit named as written when none has it yet."""
        uid = self.find(name)
        if uid is None:
            key, name = unit_key(name), name.strip()
            uid = changes.insert(self.conn, "units", {"key": key, "name": name, "created_at": now()})
            self.by_key[key] = uid
            self.unit[uid] = (key, name)
        return uid

    def name(self, uid: int) -> str:
        return self.unit[uid][1]


def _assigned(conn: sqlite3.Connection, cid: int) -> tuple[list[str], list[str]] | None:
    """(leads, partners) of the newest standing assignment of cid, None when it has none."""
    row = conn.execute(f"SELECT i.leads, i.partners FROM assignment_items i JOIN assignments a "
                       f"ON a.id = i.assignment_id WHERE i.commitment_id = ? AND {STANDING_ASSIGNMENT} "
                       "ORDER BY a.id DESC LIMIT 1", (cid,)).fetchone()
    return (json.loads(row[0]), json.loads(row[1])) if row else None


def derive(conn: sqlite3.Connection, ids: Iterable[int], names: Names | None = None) -> None:
    """Recompute lead_unit, partner_units and commitment_units of ids from the standing
    assignment, else the text's units, every name through the aliases."""
    for cid in ids:
        found = _assigned(conn, cid)
        if found is None:
            lead, partners = conn.execute("SELECT extracted_lead_unit, extracted_partner_units FROM commitments "
                                          "WHERE id = ?", (cid,)).fetchone()
            if not lead and not partners:
                # Most commitments: no units at all (kept cheap on import).
                conn.execute("UPDATE commitments SET lead_unit = NULL, partner_units = NULL WHERE id = ? "
                             "AND (lead_unit IS NOT NULL OR partner_units IS NOT NULL)", (cid,))
                conn.execute("DELETE FROM commitment_units WHERE commitment_id = ?", (cid,))
                continue
            found = (split_units(lead or ""), json.loads(partners or "[]"))
        names = names or Names(conn)
        leads = list(dict.fromkeys(names.get(n) for n in found[0] if n.strip()))
        partners = [u for u in dict.fromkeys(names.get(n) for n in found[1] if n.strip()) if u not in leads]
        conn.execute("UPDATE commitments SET lead_unit = ?, partner_units = ? WHERE id = ?",
                     ("、".join(names.name(u) for u in leads) or None,
                      json.dumps([names.name(u) for u in partners], ensure_ascii=False) if partners else None,
                      cid))
        conn.execute("DELETE FROM commitment_units WHERE commitment_id = ?", (cid,))
        conn.executemany("INSERT INTO commitment_units (commitment_id, role, position, unit_id) VALUES (?, ?, ?, ?)",
                         [(cid, LEAD, i, u) for i, u in enumerate(leads)]
                         + [(cid, PARTNER, i, u) for i, u in enumerate(partners)])
