"""Status sheet, whole process: `tracker sheet --out X.pdf` vs `.csv` at ~1,000 and ~10,000 rows.

Goals (issue 15): PDF linear in its rows — 1,000 rows < 1.5 s, 10,000 rows < 15 s, the whole
process (store query and font load included) — and PDF ≤ 3× the CSV of the same rows.
Stores are imported from distinct copies of the seeds (benchmarks/process.py), 40% marked.
Usage: .venv/bin/python benchmarks/bench_sheet.py [--keep DIR] [--runs 3]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from process import bench_setup, distinct_copies, median_run, show, tracker_cmd  # noqa: E402
from tracker.importer import import_files  # noqa: E402
from tracker.store import Filter, Store  # noqa: E402

NOTES = ("已完成年度任务", "主体工程完工，正在验收", "受资金影响进度滞后", "完成投资的80%")


def build(folder: Path, copies: int) -> Path:
    """A store of `copies` distinct copies of the seeds, 40% of it marked."""
    db = folder / f"sheet{copies}.db"
    if db.exists():
        return db
    files = folder / f"files{copies}"
    files.mkdir(exist_ok=True)
    with Store.open(db) as store:
        import_files(store, distinct_copies(files, copies))
        rng = random.Random(7)
        ids = store.query(Filter())
        for status in ("done", "partial", "in_progress", "not_done"):
            store.marks.mark(rng.sample(ids, len(ids) // 10), status, note=rng.choice(NOTES),
                       evidence_text="全年地区生产总值增长6.5%，完成年度目标")
    return db


def main() -> int:
    args, folder = bench_setup(__doc__, "bench_sheet_")
    ok = True
    pdf_times = {}
    for copies in (2, 8, 23):   # ~1,000, ~4,000 and ~10,000 rows
        db = build(folder, copies)
        with Store.open(db) as store:
            rows = store.count(Filter())
        goal = 1.5 * rows / 1000
        pdf = median_run(tracker_cmd("--db", db, "sheet", "-o", folder / "s.pdf"), args.runs)
        csv = median_run(tracker_cmd("--db", db, "sheet", "-o", folder / "s.csv"), args.runs)
        ok &= show(f"sheet PDF, {rows:,} rows", pdf, goal, f"{rows:,} commitments ({copies}× seeds)",
                   f"tracker --db STORE sheet -o s.pdf")
        print(f"  CSV of the same rows: median {csv['wall']:.3f} s wall ({csv['cpu']:.3f} s CPU); "
              f"PDF/CSV = {pdf['wall'] / csv['wall']:.2f} wall, {pdf['cpu'] / csv['cpu']:.2f} CPU "
              f"(goal ≤ 3) {'OK' if pdf['wall'] <= 3 * csv['wall'] else 'MISSED'}")
        ok &= pdf["wall"] <= 3 * csv["wall"]
        pdf_times[rows] = pdf["wall"]
    (r0, t0), *_, (r1, t1) = sorted(pdf_times.items())
    print(f"growth: {r1 / r0:.1f}× rows → {t1 / t0:.1f}× PDF time (linear: ≈{r1 / r0:.1f}×)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
