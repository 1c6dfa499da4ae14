"""Verification quality in CI: every answer key the project carries, scored with eval/score.py's
functions against thresholds at the level reached, so a regression fails.

Two views of each provincial key:
- end to end (`tracker verify PLAN REVIEW`, as `score.py verify` scores it): a target the
  extractor misses counts as wrong, so these floors rise as extraction improves;
- the verifier alone (eval/keyed_targets.py): the key's own targets as commitments, so the
  figures move only with tracker/verify.

eval/provinces/*.json were annotated before any tuning and never tuned to; their floors are
what the rules reached on them when first measured.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tracker.extract.pipeline import extract_file
from tracker.ingest import read_source
from tracker.verify import review_year, verify_texts

from conftest import DEV, KEYS, ROOT

EVAL = ROOT / "eval"
PROVINCES = DEV / "provinces"


def _module(name: str):
    """A script of eval/ as a module (eval/ is not a package)."""
    if str(EVAL) not in sys.path:
        sys.path.insert(0, str(EVAL))
    spec = importlib.util.spec_from_file_location(name, EVAL / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod      # dataclasses look their module up by name
    spec.loader.exec_module(mod)
    return mod


score = _module("score")
keyed_targets = _module("keyed_targets")


def _verify(plan: Path, review: Path) -> dict:
    """What `tracker verify PLAN REVIEW --json` prints."""
    extraction = extract_file(str(plan))
    source = read_source(review)
    results = verify_texts(extraction, source)
    plan_year = next((r.report.plan_year for r in extraction.reports if r.report.plan_year), None)
    return {"plan": {"path": str(plan), "plan_year": plan_year},
            "review": {"path": str(review), "report_year": review_year(source)},
            "results": [r.to_json() for r in results]}


def _end_to_end(key: Path) -> dict:
    gold = score.load_gold(str(key))
    preds = []
    for pair in gold.pairs:
        folder = PROVINCES if (PROVINCES / Path(pair["plan_file"]).name).exists() else DEV
        plan, review = folder / Path(pair["plan_file"]).name, folder / Path(pair["review_file"]).name
        preds.append((plan.name, _verify(plan, review)))
    return score.score_verify(gold, preds)


def _check(summary: dict, floors: dict[str, float]) -> None:
    got = {k: summary[k]["acc"] for k in floors}
    low = {k: (got[k], floors[k]) for k in floors if got[k] is None or got[k] < floors[k] - 1e-9}
    wrong = [f"{w['plan_quote']}: want {w['expected']}, got {w['status']} ({w['reason']})" for w in summary["wrong"]]
    assert not low, f"below the floor: {low}\n" + "\n".join(wrong)


HELD_OUT = sorted((EVAL / "provinces").glob("*.json"))
BLIND = KEYS / "blind_provinces.json"      # issue 22: six more provinces keyed blind, then worked on

# (key, floors): end to end. The national pairs must stay perfect.
END_TO_END = [
    (KEYS / "dev_pairs.json", {"verdict": 1.0, "abstain": 1.0, "missed": 1.0, "actual": 1.0, "evidence@3": 1.0,
                               "sound": 1.0}),
    (KEYS / "gold_provinces.json", {"verdict": 0.93, "abstain": 1.0, "missed": 1.0, "actual": 1.0, "evidence@3": 1.0,
                                    "sound": 1.0}),
    # untuned (before any issue-22 change): verdict 0.88 abstain 0.76 evidence@3 0.91 missed 0.94 actual 0.89 sound 0.95
    (BLIND, {"verdict": 1.0, "abstain": 1.0, "missed": 1.0, "actual": 1.0, "evidence@3": 1.0, "sound": 1.0}),
]

# The verifier alone on the keys' own targets: the level reached.
KEYED = [
    (KEYS / "gold_provinces.json", {"verdict": 0.93, "abstain": 1.0, "missed": 1.0, "actual": 1.0, "evidence@3": 1.0,
                                    "sound": 1.0}),
    (BLIND, {"verdict": 1.0, "abstain": 1.0, "missed": 1.0, "actual": 1.0, "evidence@3": 1.0, "sound": 1.0}),
]

# Issue 22's bar on every development key at once, end to end (as `eval/score.py verify` scores it).
MUST_SHOW = {"verdict": 0.90, "abstain": 0.85, "evidence@3": 0.95, "missed": 0.85, "actual": 0.90, "sound": 1.0}


@pytest.mark.parametrize("key, floors", END_TO_END, ids=lambda x: x.name if isinstance(x, Path) else "")
def test_end_to_end(key, floors):
    _check(_end_to_end(key), floors)


@pytest.mark.parametrize("key, floors", KEYED, ids=lambda x: x.name if isinstance(x, Path) else "")
def test_verifier_alone(key, floors):
    _check(keyed_targets.keyed_score(key), floors)


# Measured once, after the rules were set (before: end to end verdict 0.55, abstain 0.71,
# evidence@3 0.76, missed 0.67, actual 0.69); raised with issue 22's rules.
HELD_OUT_END = {"verdict": 0.85, "abstain": 1.0, "missed": 1.0, "actual": 1.0, "evidence@3": 0.92, "sound": 1.0}
HELD_OUT_ALONE = {"verdict": 0.85, "abstain": 1.0, "missed": 1.0, "actual": 1.0, "evidence@3": 0.92, "sound": 1.0}


def test_every_development_key_at_once_meets_the_bar():
    keys = [KEYS / "dev_pairs.json", KEYS / "gold_provinces.json", BLIND, *HELD_OUT]
    parts = [_end_to_end(k) for k in keys]
    for metric, floor in MUST_SHOW.items():
        ok = sum(s[metric]["correct"] for s in parts)
        n = sum(s[metric]["n"] for s in parts)
        assert n and ok / n >= floor - 1e-9, f"{metric}: {ok}/{n} below {floor}"


def test_held_out_provinces():
    """The four keys nobody tuned to, end to end and verifier alone, pooled."""
    gold_pairs = []
    for key in HELD_OUT:
        gold_pairs.extend(score.load_gold(str(key)).pairs)
    assert len(gold_pairs) == 4
    end = [_end_to_end(k) for k in HELD_OUT]
    alone = [keyed_targets.keyed_score(k) for k in HELD_OUT]
    for name, floors, parts in (("end to end", HELD_OUT_END, end), ("verifier alone", HELD_OUT_ALONE, alone)):
        for metric, floor in floors.items():
            ok = sum(s[metric]["correct"] for s in parts)
            n = sum(s[metric]["n"] for s in parts)
            assert n and ok / n >= floor - 1e-9, f"{name} {metric}: {ok}/{n} below {floor}"
