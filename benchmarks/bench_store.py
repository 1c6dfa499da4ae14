"""Store speed at 100,000 commitments: query + count per filter/order, rows, stats, open.

Builds a big store by importing the seeds and copying their reports and commitments
(each copy a different region and plan year, a third of them marked), then prints
median milliseconds. Target: query + count < 50 ms.

    .venv/bin/python benchmarks/bench_store.py [--n 100000] [--db PATH]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.store import fts  # noqa: E402
from tracker.store import Filter, Store  # noqa: E402
from tracker.importer import import_files

COLUMNS = ("kind, text, line, start, \"end\", indicator, measure, value, value_high, unit, comparator, "
           "direction, deadline, deadline_text, number, category, period, annual_average, masked, "
           "level_value, level_unit, level_comparator, factor")


def build(path: Path, n: int) -> None:
    """Import the seeds, then copy reports until the store holds about n commitments."""
    with Store.open(path) as store:
        import_files(store, sorted((ROOT / "seeds").glob("*.txt")))
        conn = store.conn
        base = conn.execute("SELECT count(*) FROM commitments").fetchone()[0]
        reports = conn.execute("SELECT id FROM reports WHERE id IN (SELECT report_id FROM commitments)").fetchall()
        rng = random.Random(1)
        conn.execute("BEGIN")
        copy = 0
        while conn.execute("SELECT count(*) FROM commitments").fetchone()[0] < n:
            copy += 1
            for (rid,) in reports:
                new = conn.execute(
                    "INSERT INTO reports (document_id, title, region, report_year, plan_year, extracted_plan_year,"
                    " line_start, line_end, doc_type) SELECT document_id, title, ?, report_year, ?, ?, line_start,"
                    " line_end, doc_type FROM reports WHERE id = ?",
                    (f"测试区{copy % 60}", 2015 + copy % 11, 2015 + copy % 11, rid)).lastrowid
                conn.execute(
                    f"INSERT INTO commitments (report_id, document_id, key, {COLUMNS}) "
                    f"SELECT ?, document_id, key, {COLUMNS} FROM commitments WHERE report_id = ?", (new, rid))
        ids = [i for (i,) in conn.execute("SELECT id FROM commitments")]
        statuses = ("done", "partial", "in_progress", "not_done", "unknown")
        events = [(cid, rng.choice(statuses), rng.choice((None, 0.2, 0.5, 0.9)), "测试",
                   rng.choice((None, "统计公报"))) for cid in rng.sample(ids, len(ids) // 3)]
        conn.executemany("INSERT INTO events (commitment_id, status, progress, note, evidence_text, source, "
                         "created_at) VALUES (?, ?, ?, ?, ?, 'user', '2025-01-01')", events)
        conn.execute("""UPDATE commitments SET current_status = e.status, current_progress = e.progress,
                        evidence_count = (e.evidence_text IS NOT NULL)
                        FROM events e WHERE e.commitment_id = commitments.id""")
        conn.execute("""UPDATE commitments SET
                        report_region = (SELECT region FROM reports WHERE id = report_id),
                        report_plan_year = (SELECT plan_year FROM reports WHERE id = report_id)""")
        fts.rebuild(store.db)
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
        total = conn.execute("SELECT count(*) FROM commitments").fetchone()[0]
    print(f"built {total} commitments from {base} seed commitments ({copy} copies) in {path}")


def timed(fn, repeat: int = 7) -> float:
    """Median milliseconds of fn()."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    """Build (or reuse) the big store and print the figures."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--db", type=Path)
    args = ap.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench.db"
    if not path.exists():
        t = time.perf_counter()
        build(path, args.n)
        print(f"build: {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    store = Store.open(path)
    print(f"open (incl. quick_check): {(time.perf_counter() - t) * 1000:.0f} ms, "
          f"{path.stat().st_size / 1e6:.0f} MB")
    year = store.facets()["years"][3]
    cases = {
        "all, by id": (Filter(), "id", False),
        "all, document order": (Filter(), "position", False),
        "all, by kind desc": (Filter(), "kind", True),
        "report, document order": (Filter(report_id=7), "position", False),
        "kind=project, document order": (Filter(kind="project"), "position", False),
        "status=unmarked, document order": (Filter(status="unmarked"), "position", False),
        "all, by text": (Filter(), "text", False),
        "all, by deadline desc": (Filter(), "deadline", True),
        "all, by status": (Filter(), "status", False),
        "all, by evidence count": (Filter(), "evidence_count", True),
        "all, by region": (Filter(), "region", False),
        "kind=target, by value": (Filter(kind="target"), "value", False),
        "status=unmarked": (Filter(status="unmarked"), "id", False),
        "status=done, by text": (Filter(status="done"), "text", False),
        f"year={year}, region": (Filter(year=year, region="测试区3"), "id", False),
        "text 就业": (Filter(text="就业"), "id", False),
        "text 生产总值 by text": (Filter(text="生产总值"), "text", False),
        "overdue (2026-01-01)": (Filter(overdue=True, as_of="2026-01-01"), "deadline", False),
        "behind (11-30)": (Filter(behind=True, as_of=f"{year}-11-30"), "id", False),
        "category 主要预期目标": (Filter(category="主要预期目标"), "id", False),
    }
    print(f"{'case':34} {'rows':>7} {'query+count ms':>15}")
    worst = 0.0
    for label, (f, order, desc) in cases.items():
        n = store.count(f)
        ms = timed(lambda: (store.query(f, order=order, descending=desc), store.count(f)))
        worst = max(worst, ms)
        print(f"{label:34} {n:>7} {ms:>15.1f}")
    ids = store.query(Filter(), order="text")
    print(f"rows(200 ids): {timed(lambda: store.rows(ids[5000:5200])):.1f} ms")
    print(f"stats(all): {timed(lambda: store.stats(Filter())):.1f} ms")
    print(f"facets(): {timed(lambda: store.facets()):.1f} ms")
    print(f"tree(): {timed(lambda: store.tree()):.1f} ms")
    print(f"mark(1 id): {timed(lambda: store.marks.mark([ids[0]], 'done'), 5):.1f} ms")
    print(f"worst query+count: {worst:.1f} ms (target < 50 ms); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    store.close()


if __name__ == "__main__":
    main()
