"""Benchmark: carry-over links and indicator series on the 25 provinces' 2025 plans and
2026 reports (eval/dev/provinces/, ~2,600 commitments) plus the national reports 2012-2014.

Prints the time to import with and without the link rebuild the importer now runs,
the rebuild of every region's links, one region's `carried` report and one series.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.history.carried import carried_report, refresh  # noqa: E402
from tracker.history.series import series  # noqa: E402
from tracker.importer import import_files  # noqa: E402
from tracker.store import Store  # noqa: E402

DEV = ROOT / "eval" / "dev"


def main() -> None:
    """Print the figures."""
    files = sorted((DEV / "provinces").glob("*_2025.docx")) + sorted((DEV / "provinces").glob("*_2026.txt")) \
        + sorted(DEV.glob("national_*.txt"))
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "h.db") as store:
        t0 = time.perf_counter()
        import_files(store, files)
        t_import = time.perf_counter() - t0
        n_commitments = store.count()
        t1 = time.perf_counter()
        links = refresh(store)
        t_refresh = time.perf_counter() - t1
        t2 = time.perf_counter()
        report = carried_report(store, "安徽省", 2025)
        t_carried = time.perf_counter() - t2
        t3 = time.perf_counter()
        s = series(store, "国务院", "国内生产总值")
        t_series = time.perf_counter() - t3
    print(f"files {len(files)}, commitments {n_commitments}, links {links}")
    print(f"import (extraction + store + links): {t_import:.2f} s")
    print(f"rebuild all links: {t_refresh:.3f} s ({t_refresh / t_import:.1%} of the import)")
    print(f"carried 安徽省 2025: {t_carried * 1000:.0f} ms "
          f"({sum(len(report[k]) for k in ('carried', 'raised', 'lowered', 'dropped'))} items)")
    print(f"series 国务院 GDP: {t_series * 1000:.0f} ms ({len(s.points)} points)")


if __name__ == "__main__":
    main()
