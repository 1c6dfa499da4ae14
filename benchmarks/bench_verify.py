"""Benchmark: evidence for 1,000 commitments against a 1 MB review (target < 1 s, tokenizer loaded).

Commitments are those extracted from the seeds (repeated to 1,000); the review is the
1 MB yearbook seed 003. Prints the time to index the review and to verify them all.
"""

from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.verify import tokens  # noqa: E402
from tracker.extract import extract_file  # noqa: E402
from tracker.ingest import read_source  # noqa: E402
from tracker.verify.review import build_review, query_vocabulary  # noqa: E402
from tracker.verify.core import verify_one  # noqa: E402

N = 1000


def main() -> None:
    """Print load, index and verification times."""
    t0 = time.perf_counter()
    tokens.load()
    t_load = time.perf_counter() - t0
    pool = [(c, rep.report.plan_year or 2021) for path in sorted((ROOT / "seeds").glob("*.txt"))
            for rep in extract_file(path).reports for c in rep.commitments]
    commitments = list(itertools.islice(itertools.cycle(pool), N))
    review_path = next((ROOT / "seeds").glob("003_*.txt"))
    source = read_source(review_path)
    size = review_path.stat().st_size
    t1, c1 = time.perf_counter(), time.process_time()
    review = build_review(source, None, None, query_vocabulary(c for c, _ in commitments))
    t_index, c_index = time.perf_counter() - t1, time.process_time() - c1
    t2, c2 = time.perf_counter(), time.process_time()
    results = [verify_one(c, year, review) for c, year in commitments]
    t_verify, c_verify = time.perf_counter() - t2, time.process_time() - c2
    found = sum(r.status != "unknown" for r in results)
    print(f"dictionary open {t_load:.3f} s (not counted; was jieba's full load, 1.0–1.3 s)")
    print(f"review {size / 1e6:.2f} MB, {len(review.passages)} passages: "
          f"index {t_index:.3f} s wall / {c_index:.3f} s CPU")
    print(f"{N} commitments ({len(pool)} distinct) verified in {t_verify:.3f} s wall / {c_verify:.3f} s CPU "
          f"({found} with a verdict)")
    total, cpu = t_index + t_verify, c_index + c_verify
    # CPU time is the figure to compare on a shared machine; wall time is shown too.
    print(f"total {total:.3f} s wall, {cpu:.3f} s CPU: {'OK' if cpu < 1.0 else 'SLOW'} (target < 1 s)")


if __name__ == "__main__":
    main()
