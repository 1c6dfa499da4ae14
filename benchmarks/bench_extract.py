"""Time `extract` over all seeds against one plain jieba pass over the same text.

Run: .venv/bin/python benchmarks/bench_extract.py [--big-mb N]
Prints the extraction time, the jieba lcut time (jieba loaded beforehand), and their
ratio (target <= 1.5); with --big-mb, also the time and peak memory for reading and
extracting one N MB text file made by repeating the seeds
(peak resident memory is reported, since the whole text is held at once).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import resource
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.extract import extract_file  # noqa: E402
from tracker.ingest import read_source  # noqa: E402


def _best_of(runs: int, fn) -> float:
    """Fastest wall time of fn over runs calls."""
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--big-mb", type=int, default=0)
    args = parser.parse_args()
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [read_source(p).text for p in seeds]
    chars = sum(len(t) for t in texts)

    extract_file(seeds[0])          # warm up: rule tables compiled, modules imported
    t_extract = _best_of(args.runs, lambda: [extract_file(p) for p in seeds])

    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    t_jieba = _best_of(args.runs, lambda: [jieba.lcut(t) for t in texts])

    print(f"seeds: {len(seeds)} files, {chars:,} characters")
    print(f"extract (read+split+rules): {t_extract:.3f} s")
    print(f"jieba lcut (loaded):        {t_jieba:.3f} s")
    print(f"ratio extract/jieba:        {t_extract / t_jieba:.2f}  (target <= 1.5)")

    if args.big_mb:
        with tempfile.TemporaryDirectory() as tmp:
            big = Path(tmp) / "big.txt"
            data = "\n".join(texts).encode("utf-8")
            with open(big, "wb") as fh:
                written = 0
                while written < args.big_mb * 1_000_000:
                    fh.write(data)
                    written += len(data)
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            t0 = time.perf_counter()
            fx = extract_file(big)
            elapsed = time.perf_counter() - t0
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss   # KiB on Linux
            items = sum(len(r.commitments) for r in fx.reports)
            print(f"big file: {written / 1e6:.1f} MB, {len(fx.reports)} reports, {items} items, "
                  f"{elapsed:.1f} s ({written / 1e6 / elapsed:.2f} MB/s), "
                  f"peak RSS {peak / 1024:.0f} MB (was {before / 1024:.0f} MB before)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
