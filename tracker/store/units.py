"""Responsible units on commitments: who leads (牵头单位, co-leads each count) and who assists
(配合单位), as the text says or as the user assigns them.

A unit keeps the first name it was given (by a report's text, `assign`, a 分工方案) exactly
as written; `units.key` (tracker.extract.units.unit_key) recognises other writings of it,
and the user's aliases (人社部门 → 人社厅) map a name onto it, so counts never split. There
is no built-in alias table.

Assignments and aliases are user changes: an appended row, undone by a row voiding it;
what they imply for each commitment is derived in tracker/store/unit_cache.py.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable

from tracker.errors import UserError
from tracker.model import TASK
from tracker.unit_names import split_units, unit_key
from tracker.store import changes, corrections, curate, query
from tracker.store.clock import now
from tracker.store.guard import guarded
from tracker.store.marks import require
from tracker.store.unit_cache import STANDING_ALIAS, Names, derive

_STANDING_ALIAS = STANDING_ALIAS


def _with_units(conn: sqlite3.Connection) -> list[int]:
    """Commitments whose units an alias can change: any named by a text or an assignment."""
    return [c for (c,) in conn.execute(
        "SELECT id FROM commitments WHERE extracted_lead_unit IS NOT NULL OR extracted_partner_units IS NOT NULL "
        "UNION SELECT commitment_id FROM assignment_items")]


def _items(conn: sqlite3.Connection, aid: int) -> list[dict]:
    cur = conn.execute("SELECT * FROM assignment_items WHERE assignment_id = ? ORDER BY commitment_id", (aid,))
    return [dict(zip([d[0] for d in cur.description], r)) for r in cur.fetchall()]


def _deadline_fixes(conn: sqlite3.Connection, cid: int, deadline: str | None, text: str | None) -> list[int]:
    """The 分工方案's 完成时限 as the deadline, where the report gave none: correction rows."""
    if not deadline and not text:
        return []
    if conn.execute("SELECT deadline IS NOT NULL OR deadline_text IS NOT NULL FROM commitments WHERE id = ?",
                    (cid,)).fetchone()[0]:
        return []
    return corrections.append(conn, cid, {k: v for k, v in (("deadline", deadline), ("deadline_text", text)) if v})


def _append(conn: sqlite3.Connection, source: str, detail: dict, items: list[dict]) -> int:
    aid = changes.insert(conn, "assignments", {"source": source, "detail": json.dumps(detail, ensure_ascii=False),
                                               "created_at": now()})
    for it in items:
        fixes = _deadline_fixes(conn, it["commitment_id"], it.get("deadline"), it.get("deadline_text"))
        changes.insert(conn, "assignment_items", {
            "assignment_id": aid, "commitment_id": it["commitment_id"],
            "leads": json.dumps(list(it["leads"]), ensure_ascii=False),
            "partners": json.dumps(list(it["partners"]), ensure_ascii=False),
            "deadline": it.get("deadline"), "deadline_text": it.get("deadline_text"),
            "corrections": json.dumps(fixes) if fixes else None})
    derive(conn, [it["commitment_id"] for it in items])
    return aid


def _void(conn: sqlite3.Connection, aid: int) -> tuple[int, list[int]]:
    row = changes.standing_row(conn, KIND, aid)
    new = changes.insert(conn, "assignments", {"source": row["source"], "detail": row["detail"], "voids": aid,
                                               "created_at": now()})
    items = _items(conn, aid)
    for it in items:    # its deadline fixes go with it, unless undone already
        for fix in json.loads(it["corrections"] or "[]"):
            changes.void_if_standing(conn, corrections.KIND, fix)
    ids = [it["commitment_id"] for it in items]
    derive(conn, ids)
    return new, ids


def _redo(conn: sqlite3.Connection, aid: int) -> tuple[int, list[int]]:
    row = changes.undone_row(conn, KIND, aid)
    items = [{**it, "leads": json.loads(it["leads"]), "partners": json.loads(it["partners"])}
             for it in _items(conn, aid)]
    return _append(conn, row["source"], json.loads(row["detail"] or "{}"), items), [
        it["commitment_id"] for it in items]


def _describe(conn: sqlite3.Connection, row: dict) -> str:
    detail = json.loads(row["detail"] or "{}")
    n = conn.execute("SELECT count(*) FROM assignment_items WHERE assignment_id = ?", (row["id"],)).fetchone()[0]
    if row["source"] == "plan":
        return f"导入分工方案《{detail.get('file', '')}》（{n} 项）"
    leads = "、".join(detail.get("leads") or []) or "（清除）"
    return f"指派 {n} 项 牵头：{leads}"


KIND = changes.register(changes.Kind(
    name="assign", table="assignments", word="指派", derive=lambda conn, row: [],
    void_values=dict, void=_void, redo=_redo, describe=_describe,
    user_rows=changes.user_rows("assignments")))


def _alias_derive(conn: sqlite3.Connection, row: dict) -> list[int]:
    ids = _with_units(conn)
    derive(conn, ids)
    return ids


ALIAS = changes.register(changes.Kind(
    name="alias", table="unit_aliases", word="单位别名", derive=_alias_derive,
    void_values=lambda row: {k: row[k] for k in ("alias", "alias_key", "unit_id")},
    describe=lambda conn, row: f"单位别名 {row['alias']} → {Names(conn).name(row['unit_id'])}",
    user_rows=changes.user_rows("unit_aliases")))


# A 分工方案 row as a 督办事项 keeps it: where it stood in the file and its cells as read.
PLAN_ROW_FIELDS = ("where", "number", "task", "leads", "partners", "deadline_text", "category")
_PLAN_FILE = re.compile(r"^分工方案《(.+)》")


def task_source(conn: sqlite3.Connection, cid: int) -> dict | None:
    """Where a 督办事项 came from, None for a commitment of a report's text: {file, row} with
    row the 分工方案's row (PLAN_ROW_FIELDS; None for a task added before rows were kept)."""
    found = conn.execute(
        "SELECT k.detail FROM curation_links l JOIN curations k ON k.id = l.curation_id "
        "JOIN commitments c ON c.id = l.commitment_id WHERE l.commitment_id = ? AND l.role = ? "
        "AND k.action = 'add' AND c.kind = ? ORDER BY k.id LIMIT 1", (int(cid), curate.CREATED, TASK)).fetchone()
    if found is None:
        return None
    detail = json.loads(found[0] or "{}")
    named = detail.get("plan") or (_PLAN_FILE.match(detail.get("text") or "") or [None, None])[1]
    if not named:
        return None
    return {"file": named, "row": (detail.get("rows") or {}).get(str(int(cid)))}


def _clean(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    for n in names:
        out += split_units(n)
    return list(dict.fromkeys(out))


class Units(changes.Part):
    """store.units: assignments of lead and partner units, aliases, and the units known."""

    kind = KIND

    @guarded
    def assign(self, ids, leads: Iterable[str], partners: Iterable[str] = (), clear: bool = False) -> int:
        """Assign lead units (each co-lead counts) and partner units to commitments (one
        transaction, one change); clear=True assigns none, over what the text says. The id."""
        leads, partners = _clean(leads), _clean(partners)
        if not leads and not partners and not clear:
            raise UserError("请指定牵头单位 / give a lead unit (--lead)")
        ids = ids if isinstance(ids, (list, tuple, set)) else [ids]
        with self.store.write() as conn:
            ids = list(dict.fromkeys(require(conn, ids)))
            return _append(conn, "assign", {"leads": leads, "partners": partners},
                           [{"commitment_id": c, "leads": leads, "partners": partners} for c in ids])

    @guarded
    def assign_plan(self, items: list[dict], file_name: str) -> int:
        """A 分工方案's rows as one change: items of {commitment_id, leads, partners, deadline,
        deadline_text}; a deadline becomes a correction where the report gave none. The id."""
        if not items:
            raise UserError(f"{file_name}: 没有可指派的条目 / nothing matched to assign")
        with self.store.write() as conn:
            require(conn, [it["commitment_id"] for it in items])
            clean = [{**it, "leads": _clean(it.get("leads", ())), "partners": _clean(it.get("partners", ()))}
                     for it in items]
            return _append(conn, "plan", {"file": file_name}, clean)

    @guarded
    def add_tasks(self, report_id: int, tasks: list[dict], file_name: str) -> tuple[int, list[int]]:
        """督办事项: tasks of a 分工方案 no report sentence states, added to report_id as one
        curation (its undo hides them all); each {text, kind, category, deadline…, and
        `plan_row`: the 分工方案's row as read (PLAN_ROW_FIELDS)}. Their source is that row,
        kept in the curation (task_source), not the report's text: the line they are filed
        at (the report's first) is only where they sort. (curation id, new ids)."""
        with self.store.write() as conn:
            row = conn.execute("SELECT line_start FROM reports WHERE id = ?", (int(report_id),)).fetchone()
            if row is None:
                raise UserError(f"report {report_id}: 没有这个报告 / no such report")
            detail = {"text": f"分工方案《{file_name}》{len(tasks)} 项", "plan": file_name, "rows": {}}
            kid = curate.log_curation(conn, "add", int(report_id), detail)
            ids = []
            for n, task in enumerate(tasks, 1):
                fields = {k: v for k, v in task.items() if k not in ("text", "plan_row")}
                fields["line"] = row[0]
                cid = curate.insert_user_item(conn, int(report_id), kid, n, task["text"], fields)
                conn.execute("INSERT INTO curation_links VALUES (?, ?, ?)", (kid, cid, curate.CREATED))
                detail["rows"][str(cid)] = {k: task.get("plan_row", {}).get(k) for k in PLAN_ROW_FIELDS}
                ids.append(cid)
            # The rows are known by the ids just made: written into the log row in its own transaction.
            conn.execute("UPDATE curations SET detail = ? WHERE id = ?", (json.dumps(detail, ensure_ascii=False), kid))
            return kid, ids

    @guarded
    def alias(self, alias: str, unit: str) -> int:
        """Make `alias` another name of the unit `unit` is (one change); the change's id."""
        alias, unit = alias.strip(), unit.strip()
        if not alias or not unit:
            raise UserError("别名格式为 别名=单位 / an alias is ALIAS=UNIT")
        with self.store.write() as conn:
            names = Names(conn)
            target = names.find(unit)
            if target is None:
                raise UserError(f"{unit}: 没有这个单位 / no such unit (see tracker units)")
            if names.find(alias) == target:
                raise UserError(f"{alias}: 已经是“{names.name(target)}” / already that unit")
            row = {"alias": alias, "alias_key": unit_key(alias), "unit_id": target, "created_at": now()}
            row["id"] = changes.insert(conn, "unit_aliases", row)
            _alias_derive(conn, row)
            return row["id"]

    @guarded
    def aliases(self) -> list[dict]:
        """The standing aliases, oldest first: id (for undo), alias, unit (the name it maps
        onto, through any chain of aliases), created_at."""
        conn = self.store.conn
        names = Names(conn)
        out = []
        for aid, alias, created in conn.execute(f"SELECT id, alias, created_at FROM unit_aliases "
                                                f"WHERE {_STANDING_ALIAS} ORDER BY id"):
            uid = names.find(alias)
            out.append({"id": aid, "alias": alias, "unit": names.name(uid) if uid is not None else "",
                        "created_at": created})
        return out

    @guarded
    def known(self) -> list[dict]:
        """Every unit that leads or assists a shown commitment, in the order first named:
        id, name, aliases, lead, partner (counts of shown commitments), open (led, not done)."""
        conn = self.store.conn
        names = Names(conn)
        aliases: dict[int, list[str]] = {}
        for alias, key in conn.execute(f"SELECT alias, alias_key FROM unit_aliases WHERE {_STANDING_ALIAS} "
                                       "ORDER BY id"):
            uid = names.find(alias)
            if uid is not None and unit_key(names.name(uid)) != key and alias not in aliases.get(uid, []):
                aliases.setdefault(uid, []).append(alias)
        out = []
        for uid, lead, partner, open_ in conn.execute(
                "SELECT u.unit_id, sum(u.role = 'lead'), sum(u.role = 'partner'), "
                "sum(u.role = 'lead' AND IFNULL(c.current_status, '') != 'done') "
                "FROM commitment_units u JOIN commitments c ON c.id = u.commitment_id WHERE c.stale = 0 "
                "GROUP BY u.unit_id ORDER BY u.unit_id"):
            out.append({"id": uid, "name": names.name(uid), "aliases": aliases.get(uid, []),
                        "lead": lead, "partner": partner, "open": open_})
        return out

    @guarded
    def history(self, cid: int) -> list[dict]:
        """The assignments of a commitment, newest first: id, created_at, words ("指派：牵头 人社厅；
        配合 财政厅"), voided; for its history beside marks and hand edits."""
        out = []
        for aid, source, created, leads, partners, voided in self.store.conn.execute(
                "SELECT a.id, a.source, a.created_at, i.leads, i.partners, "
                "EXISTS (SELECT 1 FROM assignments v WHERE v.voids = a.id) FROM assignment_items i "
                "JOIN assignments a ON a.id = i.assignment_id WHERE i.commitment_id = ? AND a.voids IS NULL "
                "ORDER BY a.id DESC", (int(cid),)):
            leads, partners = json.loads(leads), json.loads(partners)
            words = f"牵头 {'、'.join(leads) or '（无）'}" + (f"；配合 {'、'.join(partners)}" if partners else "")
            out.append({"id": aid, "created_at": created, "voided": bool(voided), "source": source,
                        "words": f"{'分工方案' if source == 'plan' else '指派'}：{words}"})
        return out

    @guarded
    def by_unit(self, f) -> list[dict]:
        """Per lead unit over the commitments Filter f selects (tracker.store.query.by_unit)."""
        return query.by_unit(self.store.conn, f)

    def find(self, name: str) -> int | None:
        """The unit id a name stands for (aliases followed), None for an unknown name."""
        return Names(self.store.conn).find(name)

    def name(self, uid: int) -> str:
        """A unit's name (its first name, as written)."""
        return Names(self.store.conn).name(uid)

    def in_order(self) -> list[str]:
        """Every unit's name, in the order units were first named."""
        return [n for (n,) in self.store.conn.execute("SELECT name FROM units ORDER BY id")]
