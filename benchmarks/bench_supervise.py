"""The 督办 loop, whole process: `tracker forms` for 2,000 commitments spread over 30 units,
and `tracker collect` of the 30 filled forms (the automatic backup included).

Goal (issue 24): under 5 s each. The store is imported from distinct copies of the seeds
(benchmarks/process.py); 2,000 of its commitments get a lead unit (30 units, round robin)
and every fourth a partner too; the forms are filled by openpyxl as departments would
(tests/supervise_support.py). Each collect run works on its own copy of the store, so every
run records every row (none is "collected twice").
Usage: .venv/bin/python benchmarks/bench_supervise.py [--keep DIR] [--runs 3]
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from process import bench_setup, distinct_copies, median_run, run, show, tracker_cmd  # noqa: E402
from supervise_support import fill  # noqa: E402
from tracker.importer import import_files  # noqa: E402
from tracker.store import Filter, Store  # noqa: E402

UNITS = [f"第{n:02d}督办单位" for n in range(1, 31)]
ASSIGNED = 2000


def build(folder: Path) -> Path:
    """A store with ASSIGNED commitments over 30 units."""
    db = folder / "supervise.db"
    if db.exists():
        return db
    files = folder / "files"
    files.mkdir(exist_ok=True)
    with Store.open(db) as store:
        import_files(store, distinct_copies(files, 5), separate=True)
        ids = store.query(Filter(), order="position")[:ASSIGNED]
        if len(ids) < ASSIGNED:
            raise SystemExit(f"only {len(ids)} commitments imported")
        for n, unit in enumerate(UNITS):
            mine = ids[n::len(UNITS)]
            store.units.assign(mine[::4], [unit], [UNITS[(n + 1) % len(UNITS)]])
            store.units.assign([c for i, c in enumerate(mine) if i % 4], [unit])
    return db


def main() -> int:
    args, folder = bench_setup(__doc__, "bench_supervise_")
    db = build(folder)
    out = folder / "forms"
    out.mkdir(exist_ok=True)
    size = f"{ASSIGNED:,} commitments, 30 units"
    forms = median_run(tracker_cmd("--db", db, "forms", "--out", out, "--due", "2099-12-31"), args.runs)
    ok = show("tracker forms", forms, 5.0, size, "tracker --db S forms --out DIR --due 2099-12-31")
    paths = sorted(out.glob("*.xlsx"))
    for p in paths:
        fill(p)
    with Store.open(db) as store:
        copies = [store.backup(folder / f"collect{i}.db") for i in range(args.runs)]
    results = [run(tracker_cmd("--db", c, "collect", *paths)) for c in copies]
    walls = [r[0] for r in results]
    collect = {"wall": statistics.median(walls), "cpu": statistics.median(r[1] for r in results),
               "rss": max(r[2] for r in results), "runs": walls}
    with Store.open(copies[0]) as store:
        rows = store.conn.execute("SELECT count(*) FROM unit_reports").fetchone()[0]
    ok &= show("tracker collect", collect, 5.0, f"{len(paths)} filled forms, {rows:,} rows",
               "tracker --db S collect DIR/*.xlsx")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
