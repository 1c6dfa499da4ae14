"""Document lines kept as offsets into the document text (one copy of the text).

A document's lines are its text split at "\\n" (tracker.model.SourceText). The store
keeps the text once, in documents.text; `line_spans` holds each line's character
offset (what commitment offsets count) and its UTF-8 byte range, and the view `lines`
(id, document_id, no, text) shows them as text for ad-hoc SQL. The store's own reads
never go through that view row by row (each row would load the whole document): they
read just the bytes of the lines they need (SQLite's incremental blob reading) and cut
them here. A search takes candidate lines from the full-text index and keeps those
whose text holds the query as SQLite's LIKE would (ASCII case folded, nothing else).
"""

from __future__ import annotations

import re
import sqlite3
from itertools import groupby

from tracker.store import fts

TABLE = "line_spans"
_NO_BITS = 32   # a line's id (the full-text index's rowid) is document_id << 32 | no

# Keyed by (document_id, no) without a rowid: no second index, and a line's id is
# computed from its key rather than stored.
CREATE_STATEMENTS = (
    f"""CREATE TABLE {TABLE} (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        no INTEGER NOT NULL,
        start INTEGER NOT NULL,
        byte_start INTEGER NOT NULL,
        byte_length INTEGER NOT NULL,
        PRIMARY KEY (document_id, no)) WITHOUT ROWID""",
    f"""CREATE VIEW lines AS
        SELECT (s.document_id << {_NO_BITS}) | s.no AS id, s.document_id AS document_id, s.no AS no,
               CAST(substr(CAST(d.text AS BLOB), s.byte_start + 1, s.byte_length) AS TEXT) AS text
        FROM {TABLE} s JOIN documents d ON d.id = s.document_id""",
)


def line_id(doc_id: int, no: int) -> int:
    """The id of a document line (its rowid in the full-text index)."""
    return (doc_id << _NO_BITS) | no


def spans(lines) -> list[tuple[int, int, int, int]]:
    """(no, start, byte start, byte length) of each line of a text joined by "\n"."""
    out, pos, byte = [], 0, 0
    for no, t in enumerate(lines, 1):
        n = len(t.encode("utf-8"))
        out.append((no, pos, byte, n))
        pos += len(t) + 1
        byte += n + 1
    return out


def insert(conn: sqlite3.Connection, doc_id: int, lines) -> list[int]:
    """Store the spans of a document's lines; return their ids in line order."""
    rows = spans(lines)
    conn.executemany(f"INSERT INTO {TABLE} (document_id, no, start, byte_start, byte_length) "
                     "VALUES (?, ?, ?, ?, ?)", ((doc_id, *r) for r in rows))
    return [line_id(doc_id, r[0]) for r in rows]


def _bytes(conn: sqlite3.Connection, doc_id: int, start: int, length: int) -> bytes:
    """length bytes of a document's UTF-8 text from start, read without loading the rest."""
    with conn.blobopen("documents", "text", doc_id, readonly=True) as blob:
        blob.seek(start)
        return blob.read(length)


def _cut(conn: sqlite3.Connection, doc_id: int, rows: list) -> list[str]:
    """Texts of a document's lines, rows of (byte start, byte length), in one read."""
    first = min(a for a, _ in rows)
    data = _bytes(conn, doc_id, first, max(a + n for a, n in rows) - first)
    return [data[a - first:a - first + n].decode("utf-8") for a, n in rows]


def window(conn: sqlite3.Connection, doc_id: int, first: int, last: int) -> tuple[int, list[tuple[int, str]]]:
    """(offset of line first in the text, [(no, text)] of lines first..last) of a document."""
    row = conn.execute(f"SELECT min(no), max(no), min(start), min(byte_start), max(byte_start + byte_length) "
                       f"FROM {TABLE} WHERE document_id = ? AND no BETWEEN ? AND ?",
                       (doc_id, first, last)).fetchone()
    if row[0] is None:
        return 0, []
    lo, hi, offset_, a, b = row
    text = _bytes(conn, doc_id, a, b - a).decode("utf-8")
    return offset_, list(zip(range(lo, hi + 1), text.split("\n")))


def offset(conn: sqlite3.Connection, doc_id: int, no: int) -> int:
    """Character offset of line no in the document text (its length + 1 when past the end)."""
    row = conn.execute(f"SELECT start FROM {TABLE} WHERE document_id = ? AND no >= ? ORDER BY no LIMIT 1",
                       (doc_id, no)).fetchone()
    if row is not None:
        return row[0]
    end = conn.execute("SELECT length(text) + 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return end[0] if end and conn.execute(f"SELECT 1 FROM {TABLE} WHERE document_id = ?",
                                          (doc_id,)).fetchone() else 0


def count(conn: sqlite3.Connection, doc_id: int) -> int:
    """Number of lines of a document (its last line number)."""
    return conn.execute(f"SELECT IFNULL(max(no), 0) FROM {TABLE} WHERE document_id = ?",
                        (doc_id,)).fetchone()[0]


def _contains(query: str):
    """A test of a line holding query as LIKE '%query%' decides (ASCII letters fold)."""
    if any("a" <= ch.lower() <= "z" for ch in query if ch.isascii()):
        pattern = re.compile(re.escape(query), re.IGNORECASE | re.ASCII)
        return lambda line: pattern.search(line) is not None
    return lambda line: query in line


def search(conn: sqlite3.Connection, query: str, document_id: int | None, limit: int) -> list[dict]:
    """Lines containing query, as LIKE finds them: document_id, name, no, text (document order)."""
    names = dict(conn.execute("SELECT id, name FROM documents"))
    holds = _contains(query)
    match = fts.chars_match(query)
    if match is None:   # nothing indexable (punctuation): every line is a candidate
        sql = f"SELECT document_id, no, byte_start, byte_length FROM {TABLE}"
        params: list = []
        if document_id is not None:
            sql += " WHERE document_id = ?"
            params.append(document_id)
        sql += " ORDER BY document_id, no"
    else:   # candidates: lines holding every character of the query
        sql = (f"SELECT s.document_id, s.no, s.byte_start, s.byte_length FROM {fts.LINES_FTS} f "
               f"JOIN {TABLE} s ON s.document_id = f.rowid >> {_NO_BITS} AND s.no = f.rowid & ? "
               f"WHERE {fts.LINES_FTS} MATCH ?")
        params = [(1 << _NO_BITS) - 1, match]
        if document_id is not None:
            sql += " AND f.rowid BETWEEN ? AND ?"
            params += [line_id(document_id, 0), line_id(document_id, (1 << _NO_BITS) - 1)]
        sql += " ORDER BY f.rowid"
    out: list[dict] = []
    for d, group in groupby(conn.execute(sql, params), key=lambda r: r[0]):   # lazily: a limit stops early
        group = list(group)
        texts = _cut(conn, d, [(a, n) for _, _, a, n in group])
        for (_, no, _, _), line in zip(group, texts):
            if holds(line):
                out.append({"document_id": d, "name": names[d], "no": no, "text": line})
                if len(out) >= limit:
                    return out
    return out


def migrate(conn: sqlite3.Connection) -> None:
    """Turn the `lines` table into spans over documents.text, and refill the full-text
    index (rowids only) under the lines' new ids.

    A document whose stored text is not its lines joined by "\n" (never written so, but
    checked) gets that join as its text: every offset in the store is counted that way.
    """
    conn.execute(f"CREATE TABLE {TABLE}_new (document_id INTEGER NOT NULL, no INTEGER NOT NULL, "
                 "start INTEGER NOT NULL, byte_start INTEGER NOT NULL, byte_length INTEGER NOT NULL, "
                 "PRIMARY KEY (document_id, no)) WITHOUT ROWID")
    for (doc_id,) in conn.execute("SELECT id FROM documents ORDER BY id").fetchall():
        nos, texts = [], []
        for no, t in conn.execute("SELECT no, text FROM lines WHERE document_id = ? ORDER BY no", (doc_id,)):
            nos.append(no)
            texts.append(t)
        joined = "\n".join(texts)
        if conn.execute("SELECT text = ? FROM documents WHERE id = ?", (joined, doc_id)).fetchone()[0] != 1:
            conn.execute("UPDATE documents SET text = ? WHERE id = ?", (joined, doc_id))
        conn.executemany(f"INSERT INTO {TABLE}_new VALUES (?, ?, ?, ?, ?)",
                         ((doc_id, no, *rest) for no, (_, *rest) in zip(nos, spans(texts))))
    fts.make_lines_rowids_only(conn)
    fts.index_lines(conn, ((line_id(d, no), t) for d, no, t in conn.execute(
        "SELECT document_id, no, text FROM lines")))
    # One statement at a time: executescript would commit the migration's transaction.
    for sql in ["DROP TABLE lines", *CREATE_STATEMENTS, f"INSERT INTO {TABLE} SELECT * FROM {TABLE}_new",
                f"DROP TABLE {TABLE}_new"]:
        conn.execute(sql)
