"""Consistency of verification on pairs nobody keyed.

For each plan target whose indicator has a comparable figure (same measure and unit family)
in the review's passages of the plan year (the ledger), the verdict must not be `unknown`:
the review gives a figure, so the tool must say what it makes of it.

    python3 eval/consistency.py [PROVINCE ...]    # default: the pairs of eval/dev/provinces/ without a key
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tracker.extract.pipeline import extract_file          # noqa: E402
from tracker.ingest.read import read_source                # noqa: E402
from tracker.model import TARGET                           # noqa: E402
from tracker.extract.segment import split_reports          # noqa: E402
from tracker.verify.candidates import gather, subject_of  # noqa: E402
from tracker.verify.core import verify_one                 # noqa: E402
from tracker.verify.review import build_review, prior_ledger, query_vocabulary  # noqa: E402

PROVINCES = HERE / "dev" / "provinces"
KEYS = (HERE / "keys" / "gold_provinces.json", HERE / "keys" / "blind_provinces.json",
        *sorted((HERE / "provinces").glob("*.json")))


def keyed() -> set[str]:
    """Province names that have an answer key."""
    out = set()
    for k in KEYS:
        for pair in json.loads(k.read_text("utf-8"))["pairs"]:
            out.add(Path(pair["plan_file"]).name.split("_")[0])
    return out


def unkeyed() -> list[str]:
    """Provinces of eval/dev/provinces/ with no key."""
    names = sorted({p.name.split("_")[0] for p in PROVINCES.glob("*_2025.docx")})
    return [n for n in names if n not in keyed()]


def check(name: str) -> list[dict]:
    """One row per plan target whose indicator has a comparable year figure in the review."""
    plan = extract_file(str(PROVINCES / f"{name}_2025.docx"))
    source = read_source(str(PROVINCES / f"{name}_2026.txt"))
    commitments = [c for rep in plan.reports for c in rep.commitments if c.kind == TARGET]
    reports = split_reports(source) or [None]
    vocab = query_vocabulary(commitments)
    reviews = [build_review(source, r, None, vocab) for r in reports]
    rows = []
    for rep in plan.reports:
        year = rep.report.plan_year
        prior = prior_ledger(plan.source, rep.report, year)
        for c in rep.commitments:
            if c.kind != TARGET or c.value is None or (c.period not in (None, "", "year")) or c.annual_average:
                continue
            subject = subject_of(c)
            figure = next((r for rv in reviews for r in gather(subject, rv, rv.ledger(year), year, prior).year
                           if r.same), None)
            best = max((verify_one(c, year, rv, None, prior) for rv in reviews),
                       key=lambda r: (r.status != "unknown", r.score))
            rows.append({"pair": name, "target": c.text,
                         "indicator": subject.indicator.name if subject.indicator else None,
                         "status": best.status, "actual": best.actual_value,
                         "figure": f"{figure.entry.q.value:g}{figure.entry.q.unit}" if figure else None,
                         "line": figure.entry.passage.line if figure else None, "reason": best.reason})
    return rows


def main(argv: list[str]) -> int:
    names = [a for a in argv if not a.startswith('-')] or unkeyed()
    every = [r for n in names for r in check(n)]
    rows = [r for r in every if r["figure"]]
    bad = [r for r in rows if r["status"] == "unknown"]
    for r in bad:
        print(f"  unknown: {r['pair']}  {r['target']}  (year figure {r['figure']} line {r['line']})  {r['reason']}")
    if "-v" in sys.argv:
        for r in every:
            if not r["figure"]:
                print(f"  no year figure: {r['pair']}  {r['target']}  [{r['indicator']}] -> {r['status']}  {r['reason']}")
    n = len(rows)
    verdicts = sum(r["status"] != "unknown" for r in every)
    print(f"pairs={len(names)} numeric year targets={len(every)} with a verdict={verdicts} | "
          f"with a comparable year figure in the review={n}, given a verdict={n - len(bad)} "
          f"consistency={(n - len(bad)) / n if n else 1:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
