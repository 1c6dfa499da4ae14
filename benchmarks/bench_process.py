"""What a user waits for, whole process: `tracker --help`, `tracker verify PLAN REVIEW`,
the app's first evidence search, and closing a 100,000-commitment store.

Goals (issue 15): --help < 0.15 s; verify < 1 s (jieba included); the first evidence
search in a fresh process starts without a visible wait (< 0.1 s); closing a 100k store
< 30 ms. Medians over runs (benchmarks/process.py).
Usage: .venv/bin/python benchmarks/bench_process.py [--runs 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from process import PYTHON, ROOT, compile_bytecode, median_run, show, tracker_cmd  # noqa: E402

PAIRS = [("eval/dev/provinces/beijing_2025.docx", "eval/dev/provinces/beijing_2026.txt"),
         ("eval/dev/national_2013.txt", "eval/dev/national_2014.txt")]
# A fresh process with the app's modules imported (the app imports tracker.verify at start):
# open the dictionary and cut one commitment, as 查找核验证据 does first.
FIRST_SEARCH = ("import time; from tracker.verify import tokens; t = time.perf_counter(); "
                "tokens.query_terms('全年城镇新增就业1.2万人，城镇调查失业率控制在5.5%左右'); "
                "print(time.perf_counter() - t)")


def close_100k(folder: Path, runs: int) -> list[float]:
    """Milliseconds per Store.close() of a 100k store where nobody recorded progress."""
    from bench_store import build
    from tracker.store import Filter, Store
    db = folder / "100k.db"
    if not db.exists():
        build(db, 100_000)
        conn = sqlite3.connect(db)   # no progress recorded: commitments_progress is empty
        conn.execute("UPDATE commitments SET current_progress = NULL")
        conn.commit()
        conn.close()
    times = []
    for _ in range(runs + 1):
        store = Store.open(db)
        store.query(Filter(status="done"))
        store.count(Filter(kind="target"))
        start = time.perf_counter()
        store.close()
        times.append((time.perf_counter() - start) * 1000)
    return times[1:]   # the first close after the build may refresh statistics once


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", metavar="DIR")
    args = parser.parse_args()
    compile_bytecode()
    ok = show("tracker --help", median_run(tracker_cmd("--help"), args.runs), 0.15, "none",
              "tracker --help")
    for plan, review in PAIRS:
        size = (ROOT / plan).stat().st_size + (ROOT / review).stat().st_size
        m = median_run(tracker_cmd("verify", plan, review, "--json"), args.runs)
        ok &= show(f"tracker verify {Path(plan).name} {Path(review).name}", m, 1.0,
                   f"{size / 1000:.0f} kB", f"tracker verify {plan} {review} --json")
    import subprocess
    firsts = [float(subprocess.run([PYTHON, "-c", FIRST_SEARCH], cwd=ROOT, capture_output=True,
                                   text=True, check=True).stdout) for _ in range(args.runs)]
    first = statistics.median(firsts)
    print(f"first evidence search in a fresh process (dictionary open + one query cut): median "
          f"{first * 1000:.0f} ms; goal < 100 ms, ratio {first / 0.1:.2f} "
          f"{'OK' if first < 0.1 else 'MISSED'}; command: python -c \"{FIRST_SEARCH}\"")
    ok &= first < 0.1
    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench_process_"))
    folder.mkdir(parents=True, exist_ok=True)
    closes = close_100k(folder, args.runs)
    close = statistics.median(closes)
    print(f"Store.close() of a 100,320-commitment store, no progress recorded: median {close:.1f} ms "
          f"[{', '.join(f'{c:.1f}' for c in closes)}]; goal < 30 ms, ratio {close / 30:.2f} "
          f"{'OK' if close < 30 else 'MISSED'}; command: benchmarks/bench_process.py")
    ok &= close < 30
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
