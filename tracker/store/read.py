"""Store methods that only read: browsing, one commitment in full, its source, history."""

from __future__ import annotations

import json
from datetime import date

from tracker.store import fts

from tracker.store import query as sql_of
from tracker.errors import UserError
from tracker.model import SourceText
from tracker.ingest.paragraphs import paragraphs
from tracker.schedule import is_behind, is_overdue
from tracker.store.guard import guarded
from tracker.store.query import Filter

_SOURCE_CONTEXT = 6   # lines of context either side when a paragraph has no blank-line bounds


class ReadMixin:
    """Queries over an open store (self.conn; self.db, the sqlite-utils Database, for rows as dicts)."""

    @guarded
    def query(self, f: Filter | None = None, order: str = "id", descending: bool = False) -> list[int]:
        """Ids of the commitments matching f, ordered in SQL."""
        sql, params = sql_of.query_sql(self.conn, f or Filter(), order, descending)
        return [i for (i,) in self.conn.execute(sql, params)]

    @guarded
    def count(self, f: Filter | None = None) -> int:
        """Number of commitments matching f."""
        sql, params = sql_of.count_sql(self.conn, f or Filter())
        return self.conn.execute(sql, params).fetchone()[0]

    @guarded
    def rows(self, ids: list[int], as_of: date | str | None = None) -> dict[int, dict]:
        """Table row dict (ROW_FIELDS) per id; unknown ids are left out."""
        return sql_of.rows(self.conn, list(ids), sql_of.as_of_date(Filter(as_of=as_of)))

    @guarded
    def stats(self, f: Filter | None = None) -> dict:
        """total, by_status (incl. "unmarked"), by_kind, overdue, behind for f."""
        return sql_of.stats(self.conn, f or Filter())

    @guarded
    def facets(self) -> dict:
        """Years, regions, categories and kinds present."""
        return sql_of.facets(self.conn)

    @guarded
    def tree(self) -> list[dict]:
        """Reports grouped for a tree: region, plan_year, report_id, title, count."""
        return sql_of.tree(self.conn)

    @guarded
    def reports(self) -> list[dict]:
        """Every report with its document name and commitment counts."""
        return list(self.db.query("""
            SELECT r.*, d.name AS document, d.path AS document_path,
                   (SELECT count(*) FROM commitments c WHERE c.report_id = r.id AND c.stale = 0) AS count,
                   (SELECT count(*) FROM commitments c WHERE c.report_id = r.id AND c.stale = 1) AS stale,
                   (SELECT count(*) FROM commitments c WHERE c.report_id = r.id AND c.stale >= 2) AS dropped
            FROM reports r JOIN documents d ON d.id = r.document_id ORDER BY r.id"""))

    @guarded
    def documents(self) -> list[dict]:
        """Every stored document (without its text), oldest first."""
        return list(self.db.query(
            "SELECT id, path, name, sha256, encoding, imported_at, plan_year_hint, superseded_by, "
            "(SELECT count(*) FROM lines WHERE document_id = documents.id) AS line_count "
            "FROM documents ORDER BY id"))

    @guarded
    def document_source(self, doc_id: int) -> SourceText:
        """The stored document as a SourceText (for re-extraction and verification)."""
        row = self.conn.execute("SELECT path, name, sha256, encoding, text FROM documents WHERE id = ?",
                                (doc_id,)).fetchone()
        if row is None:
            raise UserError(f"document {doc_id}: 没有这个文档 / no such document")
        path, name, sha, enc, text = row
        lines = tuple(t for (t,) in self.conn.execute(
            "SELECT text FROM lines WHERE document_id = ? ORDER BY no", (doc_id,)))
        return SourceText(path=path or name, text=text, sha256=sha, encoding=enc or "", lines=lines)

    @guarded
    def document_lines(self, doc_id: int, first: int = 1, last: int | None = None) -> list[tuple[int, str]]:
        """Lines first..last (1-based, inclusive) of a stored document."""
        return list(self.conn.execute(
            "SELECT no, text FROM lines WHERE document_id = ? AND no BETWEEN ? AND ? ORDER BY no",
            (doc_id, first, last if last is not None else 1 << 62)))

    @guarded
    def search_lines(self, text: str, document_id: int | None = None, limit: int = 500) -> list[dict]:
        """Document lines containing text (FTS + LIKE): document_id, name, no, text."""
        cond, params = fts.lines_clause(text)
        if document_id is not None:
            cond += " AND l.document_id = ?"
            params.append(document_id)
        return list(self.db.query(
            f"SELECT l.document_id, d.name, l.no, l.text FROM lines l JOIN documents d ON d.id = l.document_id "
            f"WHERE {cond} ORDER BY l.document_id, l.no LIMIT ?", [*params, limit]))

    @guarded
    def glossary(self, report_id: int) -> dict[str, str]:
        """名词解释 terms of a report."""
        return dict(self.conn.execute(
            "SELECT term, definition FROM glossary WHERE report_id = ? ORDER BY id", (report_id,)))

    def _commitment_row(self, cid: int) -> dict:
        found = list(self.db.query("SELECT * FROM commitments WHERE id = ?", (int(cid),)))
        if not found:
            raise UserError(f"{cid}: 没有这条承诺 / no such commitment")
        return found[0]

    @guarded
    def commitment(self, cid: int, as_of: date | str | None = None) -> dict:
        """Every field of a commitment plus its report, document, corrections and flags."""
        c = self._commitment_row(cid)
        report = list(self.db.query("SELECT * FROM reports WHERE id = ?", (c["report_id"],)))[0]
        doc = list(self.db.query("SELECT id, name, path, sha256 FROM documents WHERE id = ?",
                                 (c["document_id"],)))[0]
        corrected = [f for (f,) in self.conn.execute(
            "SELECT DISTINCT field FROM corrections WHERE commitment_id = ?", (cid,))]
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

    @guarded
    def source(self, cid: int) -> dict:
        """The paragraph around a commitment: lines, its line, offsets and per-line highlight spans."""
        c = self._commitment_row(cid)
        doc, line = c["document_id"], c["line"]
        total = self.conn.execute("SELECT max(no) FROM lines WHERE document_id = ?", (doc,)).fetchone()[0] or 0
        lo, hi = _paragraph_bounds(self.document_lines(doc, max(1, line - _SOURCE_CONTEXT),
                                                       line + _SOURCE_CONTEXT), line)
        lines = self.document_lines(doc, lo, hi)
        first_offset = self.conn.execute(
            "SELECT IFNULL(sum(length(text) + 1), 0) FROM lines WHERE document_id = ? AND no < ?",
            (doc, lo)).fetchone()[0]
        marks = _highlights(lines, first_offset, c["start"], c["end"], c["text"], line)
        return {"document_id": doc, "lines": lines, "line": line, "start": c["start"], "end": c["end"],
                "first_offset": first_offset, "marks": marks, "total_lines": total}

    @guarded
    def history(self, cid: int) -> list[dict]:
        """Events of a commitment, newest first, with the evidence document's name and the
        title of the report holding the evidence line (evidence_report); an undo is an event
        whose `voids` names the one it undid, which has `undone_by` set; the current status
        is the newest event with `standing` true."""
        self._commitment_row(cid)
        events = list(self.db.query(
            "SELECT e.*, d.name AS evidence_document, "
            "(SELECT v.id FROM events v WHERE v.voids = e.id) AS undone_by FROM events e "
            "LEFT JOIN documents d ON d.id = e.evidence_document_id "
            "WHERE e.commitment_id = ? ORDER BY e.id DESC", (cid,)))
        for e in events:
            e["standing"] = e["voids"] is None and e["undone_by"] is None
            if e.get("evidence_document_id") is not None and e.get("evidence_line") is not None:
                e["evidence_report"] = self._report_at(int(e["evidence_document_id"]),
                                                       int(e["evidence_line"])).get("report_title")
        return events

    @guarded
    def data_version(self) -> int:
        """SQLite's data_version: changes when another connection (the CLI, a second
        window) commits to the store file, never for this connection's own writes."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    @guarded
    def suggestions(self, cid: int) -> list[dict]:
        """Suggestions for a commitment: pending first, best score first; evidence decoded."""
        out = list(self.db.query(
            "SELECT * FROM suggestions WHERE commitment_id = ? "
            "ORDER BY state != 'pending', score IS NULL, score DESC, id", (cid,)))
        for s in out:
            s["evidence"] = json.loads(s["evidence"] or "[]")
            for item in s["evidence"]:
                doc = item.get("document_id", s.get("review_document_id"))
                if doc is not None and item.get("line") is not None:
                    item.update(self._report_at(int(doc), int(item["line"])))
        return out

    def _report_at(self, doc_id: int, line: int) -> dict:
        """report_title, report_region, report_year of the report holding a document line."""
        row = self.conn.execute(
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
