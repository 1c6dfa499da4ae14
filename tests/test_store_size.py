"""The lines' full-text index keeps no copy of the document text; search is unchanged."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tracker.importer import import_files
from tracker.store import Store

DATA = Path(__file__).resolve().parent / "data"
QUERIES = ("生产总值", "农村公路", "就业", "5G", "％", "PM2.5", "（一）")


def _like(store: Store, text: str) -> list[tuple]:
    """The lines holding text, found by scanning every line (no index)."""
    return [tuple(r) for r in store.conn.execute(
        "SELECT document_id, no FROM lines WHERE instr(text, ?) > 0 ORDER BY document_id, no", (text,))]


def _tables(store: Store) -> set[str]:
    return {n for (n,) in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


@pytest.mark.parametrize("query", QUERIES)
def test_line_search_finds_exactly_the_lines_holding_the_text(tmp_path, seed_paths, query):
    with Store.open(tmp_path / "s.db") as store:
        import_files(store, seed_paths)
        assert "lines_fts_content" not in _tables(store)
        found = [(r["document_id"], r["no"]) for r in store.search_lines(query, limit=100_000)]
        assert found == _like(store, query)


def test_an_old_store_loses_the_copy_on_migration_and_still_searches(tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(DATA / "store_v1.db", db)
    with Store.open(db) as store:
        assert "lines_fts_content" not in _tables(store)
        for query in QUERIES:
            found = [(r["document_id"], r["no"]) for r in store.search_lines(query, limit=100_000)]
            assert found == _like(store, query)
        # New lines are indexed too after the change.
        import_files(store, sorted((Path(__file__).resolve().parent.parent / "seeds").glob("001_*.txt")))
        found = [(r["document_id"], r["no"]) for r in store.search_lines("生产总值", limit=100_000)]
        assert found and found == _like(store, "生产总值")


def _like_folding(store: Store, text: str, document_id: int | None = None) -> list[tuple]:
    """The lines LIKE '%text%' finds (ASCII letters fold), scanning every line."""
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    sql = "SELECT document_id, no FROM lines WHERE text LIKE ? ESCAPE '\\'"
    params: list = [pattern]
    if document_id is not None:
        sql += " AND document_id = ?"
        params.append(document_id)
    return [tuple(r) for r in store.conn.execute(sql + " ORDER BY document_id, no", params)]


def test_document_text_is_stored_once_and_lines_are_cut_from_it(tmp_path, seed_paths):
    with Store.open(tmp_path / "s.db") as store:
        import_files(store, seed_paths)
        assert "lines" not in _tables(store)   # a view over line_spans and documents.text
        columns = {r[1] for r in store.conn.execute("PRAGMA table_info(line_spans)")}
        assert "text" not in columns
        for doc_id, text in store.conn.execute("SELECT id, text FROM documents").fetchall():
            viewed = [t for (t,) in store.conn.execute(
                "SELECT text FROM lines WHERE document_id = ? ORDER BY no", (doc_id,))]
            assert viewed == text.split("\n")
            assert store.document_source(doc_id).lines == tuple(viewed)
            assert store.document_lines(doc_id, 3, 9) == list(zip(range(3, 10), viewed[2:9]))
        # The paragraph's offset is where its first line starts in the document text.
        cid = store.query()[len(store.query()) // 2]
        src = store.source(cid)
        text = store.conn.execute("SELECT text FROM documents WHERE id = ?", (src["document_id"],)).fetchone()[0]
        first_no, first_text = src["lines"][0]
        assert text[src["first_offset"]:].startswith(first_text)
        assert src["first_offset"] == sum(len(t) + 1 for t in text.split("\n")[:first_no - 1])


@pytest.mark.parametrize("query", ["gdp", "Gdp", "；", "。\n", "pm2.5", "%", "5_"])
def test_line_search_folds_case_and_escapes_as_like_does(tmp_path, seed_paths, query):
    with Store.open(tmp_path / "s.db") as store:
        import_files(store, seed_paths)
        found = [(r["document_id"], r["no"]) for r in store.search_lines(query, limit=100_000)]
        assert found == _like_folding(store, query)
        doc = found[0][0] if found else 1
        found = [(r["document_id"], r["no"]) for r in store.search_lines(query, document_id=doc, limit=100_000)]
        assert found == _like_folding(store, query, doc)
        assert len(store.search_lines(query, limit=3)) == min(3, len(_like_folding(store, query)))


def test_an_old_stores_lines_read_the_same_after_migration(tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(DATA / "store_v1.db", db)
    conn = sqlite3.connect(db)
    before = conn.execute("SELECT document_id, no, text FROM lines ORDER BY document_id, no").fetchall()
    conn.close()
    with Store.open(db) as store:
        assert "line_spans" in _tables(store) and "lines" not in _tables(store)
        after = store.conn.execute("SELECT document_id, no, text FROM lines ORDER BY document_id, no").fetchall()
        assert after == before and before
        doc = before[0][0]
        assert store.document_lines(doc) == [(no, t) for d, no, t in before if d == doc]
