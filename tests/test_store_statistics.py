"""Planner statistics: closing a store does not re-run ANALYZE every time."""

from __future__ import annotations

from tracker.importer import import_files
from tracker.store import Filter, Store


def _use(store: Store) -> None:
    """Queries that make the planner read the commitments' statistics."""
    store.query(Filter(status="done"))
    store.count(Filter(kind="target"))
    store.query(Filter(), order="deadline")


def test_every_index_has_statistics_after_close_even_an_empty_one(tmp_path, seed_paths):
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        import_files(store, seed_paths[:2])
        store.conn.execute("ANALYZE")
    with Store.open(path) as store:
        # No progress recorded: the partial index commitments_progress is empty.
        assert store.conn.execute("SELECT count(*) FROM commitments WHERE current_progress IS NOT NULL"
                                  ).fetchone()[0] == 0
        _use(store)
    with Store.open(path) as store:
        indexes = {n for (n,) in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        stats = {n for (n,) in store.conn.execute("SELECT idx FROM sqlite_stat1")}
        assert "commitments_progress" in indexes and indexes <= stats
        _use(store)
        # optimize(3): list the ANALYZE statements close would run, without running them.
        assert store.conn.execute("PRAGMA optimize(3)").fetchall() == []


def test_recorded_progress_still_gets_real_statistics(tmp_path, seed_paths):
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        import_files(store, seed_paths[:1])
        ids = store.query(Filter())
        store.marks.mark(ids, "in_progress", progress=0.5)
        store.conn.execute("ANALYZE")
        store._stat_empty_indexes()
        stat = store.conn.execute("SELECT stat FROM sqlite_stat1 WHERE idx = 'commitments_progress'"
                                  ).fetchone()[0]
    assert int(stat.split()[0]) == len(ids)
