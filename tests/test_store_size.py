"""The lines' full-text index keeps no copy of the document text; search is unchanged."""

from __future__ import annotations

import shutil
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
