"""Every answer key at once: verification figures end to end and for the verifier alone.

    .venv/bin/python eval/measure.py [--keys NAME,...] [--json]

End to end is what `tracker verify PLAN REVIEW --json` prints, scored by score.py (a target
the extractor misses counts as wrong); "alone" scores the verifier on the key's own targets
(keyed_targets.py). Keys (by NAME): national (keys/dev_pairs.json), provinces6
(keys/gold_provinces.json), provinces4 (provinces/*.json), blind6 (keys/blind_provinces.json);
"dev" pools them all. The last lines are the pooled headlines.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import score                                              # noqa: E402
import keyed_targets                                      # noqa: E402

KEYS = {
    "national": [HERE / "keys" / "dev_pairs.json"],
    "provinces6": [HERE / "keys" / "gold_provinces.json"],
    "provinces4": sorted((HERE / "provinces").glob("*.json")),
    "blind6": [HERE / "keys" / "blind_provinces.json"],
}
METRICS = ("verdict", "abstain", "evidence@3", "missed", "actual", "sound")


def verify_pair(plan: Path, review: Path) -> dict:
    """What `tracker verify PLAN REVIEW --json` prints."""
    from tracker.extract.pipeline import extract_file
    from tracker.ingest.read import read_source
    from tracker.verify import review_year, verify_texts

    extraction = extract_file(str(plan))
    source = read_source(str(review))
    results = verify_texts(extraction, source)
    plan_year = next((r.report.plan_year for r in extraction.reports if r.report.plan_year), None)
    return {"plan": {"path": str(plan), "plan_year": plan_year},
            "review": {"path": str(review), "report_year": review_year(source)},
            "results": [r.to_json() for r in results]}


def end_to_end(key: Path) -> dict:
    """score.py's verify summary of the whole chain on one key."""
    gold = score.load_gold(str(key))
    preds = [(Path(p["plan_file"]).name,
              verify_pair(keyed_targets.find(p["plan_file"]), keyed_targets.find(p["review_file"])))
             for p in gold.pairs]
    return score.score_verify(gold, preds)


def pooled(summaries: list[dict]) -> dict[str, tuple[int, int]]:
    """(correct, n) per metric over several summaries."""
    return {m: (sum(s[m]["correct"] for s in summaries), sum(s[m]["n"] for s in summaries)) for m in METRICS}


def headline(figures: dict[str, tuple[int, int]]) -> str:
    return "  ".join(f"{m} {c / n:.2f} ({c}/{n})" if n else f"{m} n/a" for m, (c, n) in figures.items())


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--keys", default=",".join(KEYS), help="comma-separated key names (default: all)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    names = [n for n in args.keys.split(",") if n]
    table = {}
    for name in names:
        paths = KEYS[name]
        table[name] = {"end": pooled([end_to_end(k) for k in paths]),
                       "alone": pooled([keyed_targets.keyed_score(k) for k in paths])}
    dev = {view: {m: (sum(table[n][view][m][0] for n in names), sum(table[n][view][m][1] for n in names))
                  for m in METRICS} for view in ("end", "alone")}
    if args.json:
        print(json.dumps({"keys": table, "dev": dev}, ensure_ascii=False))
        return 0
    for name in names:
        for view in ("end", "alone"):
            print(f"{name:<11} {view:<6} {headline(table[name][view])}")
    for view in ("end", "alone"):
        print(f"{'dev':<11} {view:<6} {headline(dev[view])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
