"""Leave-one-out: does each rule that came from one document help on the documents it did not come from?

    .venv/bin/python eval/leave_one_out.py [RULE ...] [--changes]

For each rule of tracker/verify/rules.py: every key's pairs except the rule's source pair,
scored end to end with the rule on and off (verdict, abstain, evidence@3, sound: correct/n);
the verdicts it changes on the development pairs nobody keyed (eval/dev/provinces without a
key; its source left out), listed with --changes for a person to read; and on how many of the
27 development pairs other than its source it changes anything at all (a status, a figure, a
reason or an evidence passage): where it fires.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import score                                              # noqa: E402
import keyed_targets                                      # noqa: E402
import measure                                            # noqa: E402
import consistency                                        # noqa: E402
from tracker.verify import rules                          # noqa: E402
from tracker.verify import candidates                     # noqa: E402
from tracker import vocabulary                            # noqa: E402

METRICS = ("verdict", "abstain", "evidence@3", "sound")


def _clear() -> None:
    """Caches that hold a rule's effect."""
    vocabulary.resolve.cache_clear()
    candidates._query.cache_clear()


def keyed(excluded: str) -> dict[str, tuple[int, int]]:
    """Pooled figures over every key's pairs but those of plan file stem `excluded`."""
    _clear()
    parts = []
    for paths in measure.KEYS.values():
        for key in paths:
            gold = score.load_gold(str(key))
            preds = [(Path(p["plan_file"]).name,
                      measure.verify_pair(keyed_targets.find(p["plan_file"]), keyed_targets.find(p["review_file"])))
                     for p in gold.pairs if Path(p["plan_file"]).name.split("_")[0] != excluded]
            if preds:
                parts.append(score.score_verify(gold, preds))
    return {m: (sum(s[m]["correct"] for s in parts), sum(s[m]["n"] for s in parts)) for m in METRICS}


PAIRS = [(HERE / "dev" / f"national_{a}.txt", HERE / "dev" / f"national_{a + 1}.txt") for a in (2012, 2013)] + [
    (p, p.with_name(p.name.replace("_2025.docx", "_2026.txt"))) for p in sorted((HERE / "dev" / "provinces").glob("*_2025.docx"))]


def every_pair() -> dict[str, list]:
    """Plan stem -> the verify results of every development pair."""
    _clear()
    return {plan.name.split("_")[0] + ("" if "provinces" in str(plan) else plan.stem[-4:]):
            measure.verify_pair(plan, review)["results"] for plan, review in PAIRS}


def unkeyed_verdicts() -> dict[tuple[str, str], tuple[str, str]]:
    """(pair, target) -> (status, reason) on the pairs nobody keyed."""
    _clear()
    return {(r["pair"], r["target"] + f"#{i}"): (r["status"], r["reason"])
            for name in consistency.unkeyed() for i, r in enumerate(consistency.check(name))}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rules", nargs="*", default=list(rules.RULES))
    ap.add_argument("--changes", action="store_true", help="list the verdicts changed on unkeyed pairs")
    args = ap.parse_args(argv)
    base_unkeyed = unkeyed_verdicts()
    base_all = every_pair()
    print(f"{'rule':<22} {'source':<10} " + "  ".join(f"{m:>18}" for m in METRICS) + "  unkeyed changed  fires on")
    for name in args.rules:
        source, _ = rules.RULES[name]
        on = keyed(source)
        rules.OFF.add(name)
        try:
            off = keyed(source)
            off_unkeyed = unkeyed_verdicts()
            off_all = every_pair()
        finally:
            rules.OFF.discard(name)
        changed = {k: (off_unkeyed[k], v) for k, v in base_unkeyed.items()
                   if off_unkeyed.get(k) != v and k[0] != source}
        fires = sorted(k for k in base_all if k != source and base_all[k] != off_all[k])
        cells = "  ".join(f"{off[m][0]:>3}/{off[m][1]:<3}->{on[m][0]:>3}/{on[m][1]:<3}" for m in METRICS)
        print(f"{name:<22} {source:<10} {cells}  {len(changed):>15}  {len(fires)} ({' '.join(fires)})")
        if args.changes:
            for (pair, target), ((s0, r0), (s1, r1)) in sorted(changed.items()):
                print(f"    {pair}: {target.split('#')[0][:30]}  {s0} -> {s1}  ({r1[:70]})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
