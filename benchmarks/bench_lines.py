"""Reading document lines from a store: line search, a commitment's source, line windows.

Issue 15 stores each line as an offset into the document text (one copy of the text);
this checks that reading lines stays as fast as when lines had their own text.
Input: a store made by bench_import.py (--keep DIR, then DIR/import16.db), opened
read-only. Prints the median milliseconds of each read and, for the line searches,
how many lines each found (the same store must give the same counts before and after).
Usage: .venv/bin/python benchmarks/bench_lines.py STORE
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tracker.store import Store  # noqa: E402

# Frequent and rare words, a single character, an ASCII word (LIKE folds its case) and
# punctuation only (no indexable character: a scan of every line).
QUERIES = ("发展", "城镇新增就业", "新能源汽车", "就", "gdp", "；", "全面推进乡村振兴")
RUNS = 5


def median_ms(fn) -> float:
    """Median wall milliseconds of RUNS calls of fn."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1])
        return 2
    with Store.open(sys.argv[1], read_only=True) as store:
        docs = [d["id"] for d in store.documents()]
        ids = store.query()[::max(1, len(store.query()) // 200)][:200]
        print(f"store: {sys.argv[1]} — {len(docs)} documents, {store.count()} commitments")
        for q in QUERIES:
            found = len(store.search_lines(q, limit=1_000_000))
            ms = median_ms(lambda: store.search_lines(q, limit=1_000_000))
            first = median_ms(lambda: store.search_lines(q))
            one = median_ms(lambda: store.search_lines(q, document_id=docs[len(docs) // 2]))
            print(f"search_lines {q!r:>12}: {found:>6} lines, all {ms:8.1f} ms, "
                  f"first 500 {first:8.1f} ms, one document {one:6.1f} ms")
        ms = median_ms(lambda: [store.source(c) for c in ids]) / len(ids)
        print(f"source (paragraph of one commitment): {ms:.2f} ms each ({len(ids)} commitments)")
        ms = median_ms(lambda: [store.document_lines(d, 100, 130) for d in docs]) / len(docs)
        print(f"document_lines (31 lines): {ms:.2f} ms each ({len(docs)} documents)")
        ms = median_ms(lambda: [store.document_source(d) for d in docs]) / len(docs)
        print(f"document_source (whole document): {ms:.2f} ms each")
    return 0


if __name__ == "__main__":
    sys.exit(main())
