"""Reading the store: browsing, one commitment in full, its source, history: plain functions
over a connection (the Store offers them as methods)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from tracker.store import line_spans, report_fields
from tracker.store.clock import local_day
from tracker.store import query as sql_of
from tracker.errors import UserError
from tracker.model import SourceText
from tracker.ingest.paragraphs import paragraphs
from tracker.schedule import is_behind, is_overdue
from tracker.store.query import Filter

_SOURCE_CONTEXT = 6   # lines of context either side when a paragraph has no blank-line bounds


def _dicts(conn: sqlite3.Connection, sql: str, params=()):
    """Rows of a query as dicts."""
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return (dict(zip(names, row)) for row in cur)


def query(conn: sqlite3.Connection, f: Filter | None = None, order: str = "id", descending: bool = False) -> list[int]:
    """Ids of the commitments matching f, ordered in SQL."""
    sql, params = sql_of.query_sql(conn, f or Filter(), order, descending)
    return [i for (i,) in conn.execute(sql, params)]

def count(conn: sqlite3.Connection, f: Filter | None = None) -> int:
    """Number of commitments matching f."""
    sql, params = sql_of.count_sql(conn, f or Filter())
    return conn.execute(sql, params).fetchone()[0]

def rows(conn: sqlite3.Connection, ids: list[int], as_of: date | str | None = None) -> dict[int, dict]:
    """Table row dict (ROW_FIELDS) per id; unknown ids are left out."""
    return sql_of.rows(conn, list(ids), sql_of.as_of_date(Filter(as_of=as_of)))

def stats(conn: sqlite3.Connection, f: Filter | None = None) -> dict:
    """total, by_status (incl. "unmarked"), by_kind, overdue, behind for f."""
    return sql_of.stats(conn, f or Filter())

def facets(conn: sqlite3.Connection) -> dict:
    """Years, regions, categories and kinds present."""
    return sql_of.facets(conn)

def tree(conn: sqlite3.Connection) -> list[dict]:
    """Reports grouped for a tree: region, plan_year, report_id, title, count."""
    return sql_of.tree(conn)

def reports(conn: sqlite3.Connection) -> list[dict]:
    """Every report with its document name and commitment counts; `dropped`: removed by the user,
    `identity_uncertain`: region or plan year guessed and not yet confirmed, `uncertain`: which."""
    out = list(_dicts(conn, """
        SELECT r.*, d.name AS document, d.name AS document_name, d.path AS document_path,
               r.removed AS dropped,
               (SELECT count(*) FROM commitments c WHERE c.report_id = r.id AND c.stale & 3 = 0) AS count,
               (SELECT count(*) FROM commitments c WHERE c.report_id = r.id AND c.stale & 3 = 1) AS stale,
               (SELECT count(*) FROM commitments c WHERE c.report_id = r.id AND c.stale & 2) AS hidden
        FROM reports r JOIN documents d ON d.id = r.document_id ORDER BY r.id"""))
    for r in out:
        r["dropped"] = bool(r["dropped"])
        r["identity_uncertain"] = bool(r["identity_uncertain"])
        user = report_fields.standing(conn, r["id"])
        r["uncertain"] = [f for f in json.loads(r["uncertain"] or "[]") if f not in user]
    return out

def documents(conn: sqlite3.Connection) -> list[dict]:
    """Every stored document (without its text), oldest first."""
    return list(_dicts(conn, 
        "SELECT id, path, name, sha256, encoding, imported_at, plan_year_hint, superseded_by, "
        "(SELECT count(*) FROM line_spans WHERE document_id = documents.id) AS line_count "
        "FROM documents ORDER BY id"))

def document_source(conn: sqlite3.Connection, doc_id: int) -> SourceText:
    """The stored document as a SourceText (for re-extraction and verification)."""
    row = conn.execute("SELECT path, name, sha256, encoding, text FROM documents WHERE id = ?",
                            (doc_id,)).fetchone()
    if row is None:
        raise UserError(f"document {doc_id}: 没有这个文档 / no such document")
    path, name, sha, enc, text = row
    lines = tuple(text.split("\n"))   # the stored text is its lines joined (line_spans)
    return SourceText(path=path or name, text=text, sha256=sha, encoding=enc or "", lines=lines)

def document_lines(conn: sqlite3.Connection, doc_id: int, first: int = 1, last: int | None = None) -> list[tuple[int, str]]:
    """Lines first..last (1-based, inclusive) of a stored document."""
    return line_spans.window(conn, doc_id, first, last if last is not None else 1 << 62)[1]

def search_lines(conn: sqlite3.Connection, text: str, document_id: int | None = None, limit: int = 500) -> list[dict]:
    """Document lines containing text (FTS + LIKE): document_id, name, no, text."""
    return line_spans.search(conn, text, document_id, limit)

def glossary(conn: sqlite3.Connection, report_id: int) -> dict[str, str]:
    """名词解释 terms of a report."""
    return dict(conn.execute(
        "SELECT term, definition FROM glossary WHERE report_id = ? ORDER BY id", (report_id,)))

def _commitment_row(conn: sqlite3.Connection, cid: int) -> dict:
    found = list(_dicts(conn, "SELECT * FROM commitments WHERE id = ?", (int(cid),)))
    if not found:
        raise UserError(f"{cid}: 没有这条承诺 / no such commitment")
    return found[0]

def commitment(conn: sqlite3.Connection, cid: int, as_of: date | str | None = None) -> dict:
    """Every field of a commitment plus its report, document, corrections and flags."""
    c = _commitment_row(conn, cid)
    report = list(_dicts(conn, "SELECT * FROM reports WHERE id = ?", (c["report_id"],)))[0]
    doc = list(_dicts(conn, "SELECT id, name, path, sha256 FROM documents WHERE id = ?",
                             (c["document_id"],)))[0]
    corrected = [f for (f,) in conn.execute(
        "SELECT DISTINCT field FROM corrections c WHERE commitment_id = ? AND voids IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM corrections v WHERE v.voids = c.id)", (cid,))]
    day = sql_of.as_of_date(Filter(as_of=as_of))
    c.update(
        status=c["current_status"], progress=c["current_progress"],
        annual_average=bool(c["annual_average"]), masked=bool(c["masked"]), stale=bool(c["stale"] & 1),
        dropped=bool(c["stale"] & 2),
        target=sql_of.format_target(c), report=report, document=doc, corrected_fields=corrected,
        region=report["region"], plan_year=report["plan_year"], title=report["title"],
        overdue=is_overdue(c["deadline"], c["current_status"], day),
        behind=is_behind(c["current_progress"], report["plan_year"], c["current_status"], day),
    )
    return c

def source(conn: sqlite3.Connection, cid: int) -> dict:
    """The paragraph around a commitment: lines, its line, offsets and per-line highlight spans."""
    c = _commitment_row(conn, cid)
    doc, line = c["document_id"], c["line"]
    total = line_spans.count(conn, doc)
    lo, hi = _paragraph_bounds(document_lines(conn, doc, max(1, line - _SOURCE_CONTEXT),
                                                   line + _SOURCE_CONTEXT), line)
    lines = document_lines(conn, doc, lo, hi)
    first_offset = line_spans.offset(conn, doc, lo)
    marks = _highlights(lines, first_offset, c["start"], c["end"], c["text"], line)
    return {"document_id": doc, "lines": lines, "line": line, "start": c["start"], "end": c["end"],
            "first_offset": first_offset, "marks": marks, "total_lines": total}

def history(conn: sqlite3.Connection, cid: int) -> list[dict]:
    """Events of a commitment, newest first, with the evidence document's name and the
    title of the report holding the evidence line (evidence_report); an undo is an event
    whose `voids` names the one it undid, which has `undone_by` set; the current status
    is the newest event with `standing` true; `day` is the day it holds from (the date
    given, else the user's local day it was recorded)."""
    _commitment_row(conn, cid)
    events = list(_dicts(conn,
        "SELECT e.*, d.name AS evidence_document, "
        "(SELECT v.id FROM events v WHERE v.voids = e.id) AS undone_by FROM events e "
        "LEFT JOIN documents d ON d.id = e.evidence_document_id "
        "WHERE e.commitment_id = ? ORDER BY e.id DESC", (cid,)))
    for e in events:
        e["standing"] = e["voids"] is None and e["undone_by"] is None
        e["day"] = e.get("date") or local_day(e["created_at"])   # the day it holds from
        if e.get("evidence_document_id") is not None and e.get("evidence_line") is not None:
            e["evidence_report"] = _report_at(conn, int(e["evidence_document_id"]),
                                                   int(e["evidence_line"])).get("report_title")
    return events

def data_version(conn: sqlite3.Connection) -> int:
    """SQLite's data_version: changes when another connection (the CLI, a second
    window) commits to the store file, never for this connection's own writes."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])

def suggestions(conn: sqlite3.Connection, cid: int) -> list[dict]:
    """Suggestions for a commitment: pending first, best score first; evidence decoded."""
    out = list(_dicts(conn, 
        "SELECT * FROM suggestions WHERE commitment_id = ? "
        "ORDER BY state != 'pending', score IS NULL, score DESC, id", (cid,)))
    for s in out:
        s["evidence"] = json.loads(s["evidence"] or "[]")
        for item in s["evidence"]:
            doc = item.get("document_id", s.get("review_document_id"))
            if doc is not None and item.get("line") is not None:
                item.update(_report_at(conn, int(doc), int(item["line"])))
    return out

def _report_at(conn: sqlite3.Connection, doc_id: int, line: int) -> dict:
    """report_title, report_region, report_year of the report holding a document line."""
    row = conn.execute(
        "SELECT title, region, report_year FROM reports WHERE document_id = ? "
        "AND line_start <= ? AND line_end >= ? ORDER BY line_start DESC LIMIT 1",
        (doc_id, line, line)).fetchone()
    if row is None:
        return {}
    return {"report_title": row[0], "report_region": row[1], "report_year": row[2]}


def _paragraph_bounds(window: list[tuple[int, str]], line: int) -> tuple[int, int]:
    """First and last line of the logical paragraph holding line (a PDF breaks one over many)."""
    if not window:
        return line, line
    first = window[0][0]
    text = "\n".join(t for _, t in window)
    src = SourceText(path="", text=text, sha256="", encoding="", lines=tuple(t for _, t in window))
    for p in paragraphs(src):
        if p.first_line + first - 1 <= line <= p.last_line + first - 1:
            return p.first_line + first - 1, p.last_line + first - 1
    return line, line


def _highlights(lines: list[tuple[int, str]], first_offset: int, start: int | None, end: int | None,
                text: str, line: int) -> list[tuple[int, int, int]]:
    """(line no, from column, to column) spans covering the commitment text."""
    spans = []
    if start is not None and end is not None and start >= 0 and end > start:
        pos = first_offset
        for no, t in lines:
            a, b = max(start, pos), min(end, pos + len(t))
            if a < b:
                spans.append((no, a - pos, b - pos))
            pos += len(t) + 1
        if spans:
            return spans
    for no, t in lines:   # offsets unknown (-1): find the quote on its line
        if no == line and text and text[:8] in t:
            col = t.index(text[:8])
            spans.append((no, col, min(len(t), col + len(text))))
    return spans
