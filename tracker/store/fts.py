"""Full-text search over Chinese text with SQLite FTS5.

FTS5's unicode61 tokenizer treats a run of Han characters as one token, so "就业"
would never match inside "城镇新增就业1万人". Every character is therefore indexed
as its own token (stored with spaces between characters) and a search is a phrase
of the query's characters. The phrase finds a superset of the LIKE matches (the
tokenizer drops punctuation and folds case); confirming with LIKE makes the result
exactly what LIKE finds.
"""

from __future__ import annotations

from sqlite_utils import Database

COMMITMENTS_FTS = "commitments_fts"
LINES_FTS = "lines_fts"


def spaced(text: str) -> str:
    """text with a space between every character, as stored in the index."""
    return " ".join(ch for ch in text if not ch.isspace())


def phrase(query: str) -> str | None:
    """The FTS5 MATCH expression for query, or None when it holds no indexable character."""
    chars = [ch for ch in query if not ch.isspace()]
    if not any(ch.isalnum() for ch in chars):
        return None
    return '"' + " ".join(chars).replace('"', '""') + '"'


def like_pattern(query: str) -> str:
    """A LIKE pattern (ESCAPE '\\') matching query anywhere."""
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def create(db: Database) -> None:
    """Create both FTS5 tables (rowid = commitments.id / lines.id)."""
    db.executescript(f"""
    CREATE VIRTUAL TABLE {COMMITMENTS_FTS} USING fts5(body, tokenize='unicode61');
    CREATE VIRTUAL TABLE {LINES_FTS} USING fts5(body, tokenize='unicode61');
    """)


def _clear(conn, table: str) -> None:
    """Empty an index, whether it keeps its own copy of the text or not."""
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    if "content=''" in sql.replace(" ", ""):
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
    else:
        conn.execute(f"DELETE FROM {table}")


def make_lines_contentless(db: Database) -> None:
    """Recreate the lines index without its own copy of the text (content='').

    The text is in `lines` already; a search takes only rowids from the index and then
    confirms with LIKE on lines.text, so the spaced copy FTS5 kept (the largest table,
    1.6× the documents) was never read. Lines are only ever inserted, which a contentless
    table supports. (columnsize=0 would save 5% more but makes the table unscannable, so
    iterdump and `.dump` fail.)
    """
    db.executescript(f"""
    DROP TABLE {LINES_FTS};
    CREATE VIRTUAL TABLE {LINES_FTS} USING fts5(body, tokenize='unicode61', content='');
    """)
    db.conn.executemany(f"INSERT INTO {LINES_FTS}(rowid, body) VALUES (?, ?)",
                        ((i, spaced(t)) for i, t in db.conn.execute("SELECT id, text FROM lines")))


def rebuild(db: Database) -> None:
    """Refill both indexes from the tables (used by the migration that adds them)."""
    conn = db.conn
    _clear(conn, COMMITMENTS_FTS)
    _clear(conn, LINES_FTS)
    conn.executemany(f"INSERT INTO {COMMITMENTS_FTS}(rowid, body) VALUES (?, ?)",
                     ((i, spaced(t)) for i, t in conn.execute("SELECT id, text FROM commitments")))
    conn.executemany(f"INSERT INTO {LINES_FTS}(rowid, body) VALUES (?, ?)",
                     ((i, spaced(t)) for i, t in conn.execute("SELECT id, text FROM lines")))


def index_commitment(conn, cid: int, text: str) -> None:
    """Insert or replace the index entry of one commitment."""
    conn.execute(f"DELETE FROM {COMMITMENTS_FTS} WHERE rowid = ?", (cid,))
    conn.execute(f"INSERT INTO {COMMITMENTS_FTS}(rowid, body) VALUES (?, ?)", (cid, spaced(text)))


def index_lines(conn, rows: list[tuple[int, str]]) -> None:
    """Add index entries for newly inserted lines (id, text)."""
    conn.executemany(f"INSERT INTO {LINES_FTS}(rowid, body) VALUES (?, ?)",
                     ((i, spaced(t)) for i, t in rows))


def commitment_clause(query: str, terms: tuple[str, ...] | list[str] = ()) -> tuple[str, list]:
    """SQL condition on alias c: commitments whose text contains query or any of terms.

    Terms are alternatives (GDP, 生产总值): one FTS MATCH with OR between their phrases
    narrows the rows, LIKE confirms; a term without an indexable character is LIKE only.
    """
    terms = list(dict.fromkeys(terms or [query]))
    likes = " OR ".join(["c.text LIKE ? ESCAPE '\\'"] * len(terms))
    like = f"({likes})" if len(terms) > 1 else likes
    patterns = [like_pattern(t) for t in terms]
    matches = [phrase(t) for t in terms]
    if any(m is None for m in matches):
        return like, patterns
    return (f"c.id IN (SELECT rowid FROM {COMMITMENTS_FTS} WHERE {COMMITMENTS_FTS} MATCH ?) AND {like}",
            [" OR ".join(matches)] + patterns)


def lines_clause(query: str) -> tuple[str, list]:
    """SQL condition on alias l selecting document lines containing query, and its params."""
    match = phrase(query)
    like = "l.text LIKE ? ESCAPE '\\'"
    if match is None:
        return like, [like_pattern(query)]
    return (f"l.id IN (SELECT rowid FROM {LINES_FTS} WHERE {LINES_FTS} MATCH ?) AND {like}",
            [match, like_pattern(query)])
