"""`tracker verify PLAN REVIEW` against `tracker extract PLAN REVIEW` of the same files, whole process.

Goal (issue 22): verify within 2× an extract of the same files: verifying reads both files and
extracts the plan, so what it adds (passages, ledger, candidates, verdicts, and the plan's own
figures of the year before) must cost no more than one more extraction.
Medians over runs (benchmarks/process.py); CPU time beside wall time (a shared machine).
Usage: .venv/bin/python benchmarks/bench_verify_ratio.py [--runs 5]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from process import ROOT, compile_bytecode, median_run, tracker_cmd  # noqa: E402

PAIRS = [("eval/dev/provinces/beijing_2025.docx", "eval/dev/provinces/beijing_2026.txt"),
         ("eval/dev/provinces/fujian_2025.docx", "eval/dev/provinces/fujian_2026.txt"),
         ("eval/dev/national_2013.txt", "eval/dev/national_2014.txt"),
         ("tests/data/lanjiang_minsheng_2025.html", "tests/data/lanjiang_minsheng_done_2026.html")]
GOAL = 2.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    compile_bytecode()
    ok = True
    for plan, review in PAIRS:
        size = (ROOT / plan).stat().st_size + (ROOT / review).stat().st_size
        extract = median_run(tracker_cmd("extract", plan, review, "--json"), args.runs)
        verify = median_run(tracker_cmd("verify", plan, review, "--json"), args.runs)
        ratio, cpu = verify["wall"] / extract["wall"], verify["cpu"] / extract["cpu"]
        ok &= ratio < GOAL
        print(f"{Path(plan).name} + {Path(review).name} ({size / 1000:.0f} kB): extract {extract['wall']:.2f} s wall "
              f"({extract['cpu']:.2f} s CPU), verify {verify['wall']:.2f} s wall ({verify['cpu']:.2f} s CPU); "
              f"ratio {ratio:.2f} wall, {cpu:.2f} CPU; goal < {GOAL:g}× {'OK' if ratio < GOAL else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
