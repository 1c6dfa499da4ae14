"""Where a piece of text sits in a stored document: line and file offsets.

A commitment a user adds (or a part of a split) is given as text; like an extracted
one it must lead back to its line and highlight in the source view. Matching folds
full-width characters and ignores whitespace, because a quote may cross a PDF line
break and a typed "7％" must find "7%".
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from tracker.ingest.normalize import fold


@dataclass(frozen=True)
class Place:
    """A text's position: 1-based line of its first character, file offsets [start, end)."""

    line: int
    start: int
    end: int


def locate(conn: sqlite3.Connection, doc_id: int, text: str, first: int, last: int,
           near: int | None = None) -> Place | None:
    """The occurrence of text in lines first..last of a document nearest line near; None if absent."""
    needle = "".join(fold(text).split())
    if not needle:
        return None
    rows = conn.execute("SELECT no, text FROM lines WHERE document_id = ? AND no BETWEEN ? AND ? "
                        "ORDER BY no", (doc_id, first, last)).fetchall()
    if not rows:
        return None
    base = conn.execute("SELECT IFNULL(sum(length(text) + 1), 0) FROM lines WHERE document_id = ? AND no < ?",
                        (doc_id, rows[0][0])).fetchone()[0]
    # Non-space characters with their (line, file offset), so a hit maps back exactly.
    chars, where = [], []
    pos = base
    for no, line_text in rows:
        for i, ch in enumerate(fold(line_text)):
            if not ch.isspace():
                chars.append(ch)
                where.append((no, pos + i))
        pos += len(line_text) + 1
    haystack = "".join(chars)
    hits, at = [], haystack.find(needle)
    while at >= 0:
        hits.append(at)
        at = haystack.find(needle, at + 1)
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(where[h][0] - near) if near is not None else 0)
    line, start = where[best]
    return Place(line=line, start=start, end=where[best + len(needle) - 1][1] + 1)


def report_span(conn: sqlite3.Connection, report_id: int) -> tuple[int, int, int]:
    """(document id, first line, last line) of a report."""
    row = conn.execute("SELECT document_id, line_start, line_end FROM reports WHERE id = ?",
                       (report_id,)).fetchone()
    return row[0], row[1], row[2]


def relocate_user_items(conn: sqlite3.Connection, report_id: int) -> None:
    """After a report moved to a new version of its file: point hand-added items at their
    text in it (left where they were when the text is gone from the new version)."""
    doc_id, first, last = report_span(conn, report_id)
    for cid, text, line in conn.execute(
            "SELECT id, text, line FROM commitments WHERE report_id = ? AND origin = 'user' "
            "AND document_id != ?", (report_id, doc_id)).fetchall():
        place = locate(conn, doc_id, text, first, last, near=line)
        if place is not None:
            conn.execute('UPDATE commitments SET document_id = ?, line = ?, start = ?, "end" = ? WHERE id = ?',
                         (doc_id, place.line, place.start, place.end, cid))
