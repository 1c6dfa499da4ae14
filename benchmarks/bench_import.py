"""Import growth at 1×, 4× and 16× input: time, peak memory and store size per input.

Input: distinct copies of the five seed files (regions renamed, non-year digits shifted;
benchmarks/process.py), imported by one `tracker --db STORE import FILES…` process.
Goal (issue 15): store ≤ 2× its input. Import time should grow linearly; import memory
should stay bounded (by the largest single report: issue 11).
Usage: .venv/bin/python benchmarks/bench_import.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from process import compile_bytecode, distinct_copies, run, seeds_size, tracker_cmd  # noqa: E402


def store_bytes(db: Path) -> int:
    """Bytes of the store file and any WAL left beside it."""
    return sum(p.stat().st_size for p in (db, db.with_name(db.name + "-wal")) if p.exists())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", metavar="DIR")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench_import_"))
    folder.mkdir(parents=True, exist_ok=True)
    compile_bytecode()
    ok = True
    base = None
    print(f"{'input':>7} {'bytes in':>10} {'commitments':>11} {'import s':>9} {'CPU s':>7} "
          f"{'peak MB':>8} {'store MB':>9} {'store/input':>11}")
    for scale in (1, 4, 16):
        files = folder / f"in{scale}"
        files.mkdir(exist_ok=True)
        paths = distinct_copies(files, scale)
        size = sum(p.stat().st_size for p in paths)
        db = folder / f"import{scale}.db"
        for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            p.unlink(missing_ok=True)
        wall, cpu, peak = run(tracker_cmd("--db", db, "import", *paths))
        conn = sqlite3.connect(db)
        count = conn.execute("SELECT count(*) FROM commitments").fetchone()[0]
        conn.close()
        ratio = store_bytes(db) / size
        ok &= ratio <= 2
        base = base or (wall, peak, store_bytes(db))
        print(f"{scale:>6}× {size:>10,} {count:>11,} {wall:>9.2f} {cpu:>7.2f} {peak:>8} "
              f"{store_bytes(db) / 1e6:>9.1f} {ratio:>10.2f}× "
              f"(vs 1×: time {wall / base[0]:.1f}×, memory {peak / base[1]:.1f}×, "
              f"store {store_bytes(db) / base[2]:.1f}×)")
    print(f"goal: store ≤ 2× input — {'OK' if ok else 'MISSED'}; seeds (1×) = {seeds_size():,} bytes; "
          f"command: tracker --db STORE import FILES…")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
