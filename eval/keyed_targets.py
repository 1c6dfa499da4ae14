"""Verification alone: verdicts for the targets an answer key lists, as if extraction were perfect.

`score.py verify` scores the whole chain (a target the extractor misses counts as wrong);
this scores the verifier on the key's own targets, so its figures move only with tracker/verify.

    python3 eval/keyed_targets.py KEY [OUT_DIR]    # writes one verify JSON per pair, prints the score
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from tracker.ingest.read import read_source              # noqa: E402
from tracker.model import TARGET, Commitment             # noqa: E402
from tracker.verify.review import build_review, prior_ledger, query_vocabulary  # noqa: E402
from tracker.extract.pipeline import extract_file         # noqa: E402
from tracker.extract.segment import split_reports        # noqa: E402
from tracker.verify.core import verify_one               # noqa: E402
import score                                             # noqa: E402

DIRS = (HERE / "dev" / "provinces", HERE / "dev")


def find(name: str) -> Path:
    """A key's file name in the development folders."""
    base = Path(name).name
    for d in DIRS:
        if (d / base).exists():
            return d / base
    raise FileNotFoundError(base)


def commitment(t: dict) -> Commitment:
    """A key's target as the extractor would state it."""
    measure = t.get("measure") or ("qualitative" if t.get("value") is None else "level")
    return Commitment(TARGET, t["plan_quote"], 1, indicator=t.get("indicator"), measure=measure,
                      value=t.get("value"), value_high=t.get("value_high"), unit=t.get("unit"),
                      comparator=t.get("comparator"), direction=t.get("direction") or "increase",
                      period="year", level_value=t.get("level_value"), level_unit=t.get("level_unit"),
                      level_comparator=t.get("level_comparator"))


def predictions(key_path: str | Path, only: set[str] | None = None) -> list[tuple[str, dict]]:
    """(name, verify JSON) for each pair of the key (or the pairs whose plan file is in only)."""
    raw = json.loads(Path(key_path).read_text("utf-8"))
    out = []
    for pair in raw["pairs"]:
        if only is not None and Path(pair["plan_file"]).name not in only:
            continue
        commitments = [commitment(t) for t in pair.get("targets") or []]
        source = read_source(str(find(pair["review_file"])))
        reports = split_reports(source) or [None]
        vocab = query_vocabulary(commitments)
        reviews = [build_review(source, r, None, vocab) for r in reports]
        plan = extract_file(str(find(pair["plan_file"])))
        prior = prior_ledger(plan.source, plan.reports[0].report, pair["plan_year"]) if plan.reports else None
        results = []
        for c in commitments:
            found = [verify_one(c, pair["plan_year"], rv, None, prior) for rv in reviews]
            results.append(max(found, key=lambda r: (r.status != "unknown", r.score)).to_json())
        out.append((pair["plan_file"], {"plan": {"path": pair["plan_file"], "plan_year": pair["plan_year"]},
                                         "review": {"path": pair["review_file"]}, "results": results}))
    return out


def keyed_score(key_path: str | Path, only: set[str] | None = None) -> dict:
    """score.py's verify summary over the key's own targets."""
    gold = score.load_gold(str(key_path))
    return score.score_verify(gold, predictions(key_path, only))


def main(argv: list[str]) -> int:
    s = keyed_score(argv[0])
    score.print_verify(s, argv[0], sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
