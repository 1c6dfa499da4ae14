"""Document lines kept as offsets into the document text (one copy of the text).

A document's lines are its text split at "\\n" (tracker.model.SourceText). The store
keeps the text once, in documents.text; `line_spans` holds each line's character
offset and length, and the view `lines` (id, document_id, no, text) shows them as text
for ad-hoc SQL. The store's own reads never go through that view row by row (each row
would re-read the whole document): they read a document's text once and slice it here.
A search takes candidate lines from the full-text index and keeps those whose text
holds the query as SQLite's LIKE would (ASCII case folded, nothing else).
"""

from __future__ import annotations

import sqlite3

from tracker.store import fts

TABLE = "line_spans"
_NO_BITS = 32   # a line's id (the full-text index's rowid) is document_id << 32 | no
# SQLite's LIKE folds ASCII letters only (unicode case folding needs the ICU extension).
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

# Keyed by (document_id, no) without a rowid: no second index, and a line's id is
# computed from its key rather than stored.
CREATE_STATEMENTS = (
    f"""CREATE TABLE {TABLE} (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        no INTEGER NOT NULL,
        start INTEGER NOT NULL,
        length INTEGER NOT NULL,
        PRIMARY KEY (document_id, no)) WITHOUT ROWID""",
    f"""CREATE VIEW lines AS
        SELECT (s.document_id << {_NO_BITS}) | s.no AS id, s.document_id AS document_id, s.no AS no,
               substr(d.text, s.start + 1, s.length) AS text
        FROM {TABLE} s JOIN documents d ON d.id = s.document_id""",
)


def line_id(doc_id: int, no: int) -> int:
    """The id of a document line (its rowid in the full-text index)."""
    return (doc_id << _NO_BITS) | no


def spans(lines) -> list[tuple[int, int, int]]:
    """(no, start, length) of each line of a text joined by "\\n"."""
    out, pos = [], 0
    for no, t in enumerate(lines, 1):
        out.append((no, pos, len(t)))
        pos += len(t) + 1
    return out


def insert(conn: sqlite3.Connection, doc_id: int, lines) -> list[int]:
    """Store the spans of a document's lines; return their ids in line order."""
    rows = spans(lines)
    conn.executemany(f"INSERT INTO {TABLE} (document_id, no, start, length) VALUES (?, ?, ?, ?)",
                     ((doc_id, no, a, n) for no, a, n in rows))
    return [line_id(doc_id, no) for no, _, _ in rows]


def window(conn: sqlite3.Connection, doc_id: int, first: int, last: int) -> tuple[int, list[tuple[int, str]]]:
    """(offset of line first in the text, [(no, text)] of lines first..last) of a document."""
    row = conn.execute(f"SELECT min(no), max(no), min(start), max(start + length) FROM {TABLE} "
                       "WHERE document_id = ? AND no BETWEEN ? AND ?", (doc_id, first, last)).fetchone()
    if row[0] is None:
        return 0, []
    lo, hi, a, b = row
    text = conn.execute("SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
                        (a + 1, b - a, doc_id)).fetchone()[0]
    return a, list(zip(range(lo, hi + 1), text.split("\n")))


def offset(conn: sqlite3.Connection, doc_id: int, no: int) -> int:
    """Character offset of line no in the document text (its length when past the end)."""
    row = conn.execute(f"SELECT start FROM {TABLE} WHERE document_id = ? AND no >= ? ORDER BY no LIMIT 1",
                       (doc_id, no)).fetchone()
    if row is not None:
        return row[0]
    end = conn.execute(f"SELECT max(start + length) + 1 FROM {TABLE} WHERE document_id = ?",
                       (doc_id,)).fetchone()[0]
    return end or 0


def count(conn: sqlite3.Connection, doc_id: int) -> int:
    """Number of lines of a document (its last line number)."""
    return conn.execute(f"SELECT IFNULL(max(no), 0) FROM {TABLE} WHERE document_id = ?",
                        (doc_id,)).fetchone()[0]


def search(conn: sqlite3.Connection, query: str, document_id: int | None, limit: int) -> list[dict]:
    """Lines containing query, as LIKE finds them: document_id, name, no, text (document order)."""
    match = fts.chars_match(query)
    if match is not None:   # candidates: lines holding every character of the query
        sql = (f"SELECT s.document_id, s.no, s.start, s.length FROM {fts.LINES_FTS} f "
               f"JOIN {TABLE} s ON s.document_id = f.rowid >> {_NO_BITS} AND s.no = f.rowid & ? "
               f"WHERE {fts.LINES_FTS} MATCH ?")
        params: list = [(1 << _NO_BITS) - 1, match]
        if document_id is not None:
            sql += " AND f.rowid BETWEEN ? AND ?"
            params += [line_id(document_id, 0), line_id(document_id, (1 << _NO_BITS) - 1)]
        sql += " ORDER BY f.rowid"
    else:
        sql = f"SELECT document_id, no, start, length FROM {TABLE}"
        params = []
        if document_id is not None:
            sql += " WHERE document_id = ?"
            params.append(document_id)
        sql += " ORDER BY document_id, no"
    needle = query.translate(_ASCII_LOWER)
    out: list[dict] = []
    doc, text, name = None, "", ""
    for d, no, a, n in conn.execute(sql, params):
        if d != doc:   # each document's text is read once, however many lines it has
            doc = d
            name, text = conn.execute("SELECT name, text FROM documents WHERE id = ?", (d,)).fetchone()
        line = text[a:a + n]
        if needle in line.translate(_ASCII_LOWER):
            out.append({"document_id": d, "name": name, "no": no, "text": line})
            if len(out) >= limit:
                break
    return out


def migrate(conn: sqlite3.Connection) -> None:
    """Turn the `lines` table into spans over documents.text, and refill the full-text
    index (rowids only) under the lines' new ids.

    A document whose stored text is not its lines joined by "\n" (never written so, but
    checked) gets that join as its text: every offset in the store is counted that way.
    """
    conn.execute(f"CREATE TABLE {TABLE}_new (document_id INTEGER NOT NULL, no INTEGER NOT NULL, "
                 "start INTEGER NOT NULL, length INTEGER NOT NULL, PRIMARY KEY (document_id, no)) WITHOUT ROWID")
    for (doc_id,) in conn.execute("SELECT id FROM documents ORDER BY id").fetchall():
        nos, texts = [], []
        for no, t in conn.execute("SELECT no, text FROM lines WHERE document_id = ? ORDER BY no", (doc_id,)):
            nos.append(no)
            texts.append(t)
        joined = "\n".join(texts)
        if conn.execute("SELECT text = ? FROM documents WHERE id = ?", (joined, doc_id)).fetchone()[0] != 1:
            conn.execute("UPDATE documents SET text = ? WHERE id = ?", (joined, doc_id))
        conn.executemany(f"INSERT INTO {TABLE}_new VALUES (?, ?, ?, ?)",
                         ((doc_id, no, a, n) for no, (_, a, n) in zip(nos, spans(texts))))
    fts.make_lines_rowids_only(conn)
    fts.index_lines(conn, ((line_id(d, no), t) for d, no, t in conn.execute(
        "SELECT document_id, no, text FROM lines")))
    # One statement at a time: executescript would commit the migration's transaction.
    for sql in ["DROP TABLE lines", *CREATE_STATEMENTS, f"INSERT INTO {TABLE} SELECT * FROM {TABLE}_new",
                f"DROP TABLE {TABLE}_new"]:
        conn.execute(sql)
