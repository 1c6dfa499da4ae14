#!/usr/bin/env python3
"""Check the quotes of the province pair keys (eval/provinces/*.json, eval/keys/gold_provinces.json).

Every plan_quote must be a substring of ONE paragraph of the plan .docx (python-docx paragraphs;
table cells are checked too, and reported as such), every actual_quote / evidence_quote a substring
of ONE line of the review .txt (UTF-8, newline=''). Also checks livelihood numbering and field sanity.

Usage: .venv/bin/python eval/check_quotes.py [KEY.json ...]   (default: every key of eval/provinces)
"""
import glob
import json
import os
import sys

import docx

EVAL = os.path.dirname(os.path.abspath(__file__))
HERE = os.path.join(EVAL, "provinces")
SRC = os.path.join(EVAL, "dev", "provinces")
DECLINE = ("下降", "降低", "减少")   # a decline target; an increase target's negative actual
TARGET_FIELDS = ("indicator", "plan_quote", "value", "value_high", "unit", "comparator", "measure",
                 "direction", "actual_quote", "actual_value", "met", "confidence")


def plan_units(path):
    d = docx.Document(path)
    paras = [p.text for p in d.paragraphs]
    cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
    return paras, cells


def review_lines(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read().split("\n")


def where(quote, units):
    return [i for i, u in enumerate(units) if quote in u]


def check_pair(pair, errors, report):
    gid = pair["government_id"]
    paras, cells = plan_units(os.path.join(SRC, pair["plan_file"]))
    lines = review_lines(os.path.join(SRC, pair["review_file"]))
    assert "\n".join(paras).count("\r") == 0

    def plan_ok(q, label):
        assert isinstance(q, str) and q, f"{gid} {label}: empty plan_quote"
        hits = where(q, paras)
        if not hits:
            if where(q, cells):
                report.append(f"{gid} {label}: plan_quote only in a table cell: {q}")
            else:
                errors.append(f"{gid} {label}: plan_quote not in any paragraph: {q}")
        return hits

    def review_ok(q, label):
        if q is None:
            return []
        hits = where(q, lines)
        if not hits:
            errors.append(f"{gid} {label}: quote not in any review line: {q}")
        return [h + 1 for h in hits]

    for i, t in enumerate(pair["targets"]):
        label = f"target[{i}] {t.get('indicator')}"
        for f in TARGET_FIELDS:
            if f not in t:
                errors.append(f"{gid} {label}: missing field {f}")
        t = {f: None for f in TARGET_FIELDS} | t
        ph = plan_ok(t["plan_quote"], label)
        rh = review_ok(t["actual_quote"], label)
        if t["met"] not in (True, False, None):
            errors.append(f"{gid} {label}: bad met {t['met']!r}")
        if t["measure"] == "qualitative" and t["value"] is not None:
            errors.append(f"{gid} {label}: qualitative with a value")
        if t["measure"] != "qualitative" and t["value"] is None:
            errors.append(f"{gid} {label}: numeric measure without value")
        if t["actual_value"] is not None and t["actual_quote"] is None:
            errors.append(f"{gid} {label}: actual_value without actual_quote")
        if t["actual_value"] is not None and str(abs(t["actual_value"])).rstrip("0").rstrip(".") not in t["actual_quote"]:
            errors.append(f"{gid} {label}: actual_value {t['actual_value']} not in actual_quote")
        if t["value"] is not None and str(t["value"]).rstrip("0").rstrip(".") not in t["plan_quote"]:
            errors.append(f"{gid} {label}: value {t['value']} not in plan_quote")
        if t["direction"] == "decrease" and t["plan_quote"] and not any(w in t["plan_quote"] for w in DECLINE):
            errors.append(f"{gid} {label}: decrease without 下降/降低/减少")
        if (t["actual_value"] or 0) < 0 and not any(w in t["actual_quote"] for w in DECLINE):
            errors.append(f"{gid} {label}: negative actual_value without a decline word")
        if t["confidence"] not in ("high", "medium", "low"):
            errors.append(f"{gid} {label}: bad confidence")
        report.append(f"{gid} T{i:<2} met={str(t['met']):<5} plan¶{ph} review L{rh}  {t['plan_quote']}")

    for i, it in enumerate(pair.get("livelihood") or []):
        label = f"livelihood[{i}]"
        if it["number"] != i + 1:
            errors.append(f"{gid} {label}: number {it['number']} != position {i + 1}")
        if it["status"] not in ("done", "partial", "not_done", "unknown"):
            errors.append(f"{gid} {label}: bad status")
        plan_ok(it["plan_quote"], label)
        review_ok(it.get("evidence_quote"), label)
    if bool(pair.get("livelihood")) != bool(pair.get("livelihood_list_present")):
        errors.append(f"{gid}: livelihood_list_present disagrees with the livelihood list")

    for i, p in enumerate(pair.get("other_pledges") or []):
        label = f"pledge[{i}]"
        if p["status"] not in ("done", "partial", "not_done", "unknown"):
            errors.append(f"{gid} {label}: bad status")
        ph = plan_ok(p["plan_quote"], label)
        rh = review_ok(p.get("evidence_quote"), label)
        if p["status"] in ("done", "partial", "not_done") and p.get("evidence_quote") is None:
            errors.append(f"{gid} {label}: verdict without evidence")
        report.append(f"{gid} P{i:<2} {p['status']:<8} plan¶{ph} review L{rh}  {p['plan_quote']}")


def main(paths):
    errors, report = [], []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            key = json.load(fh)
        assert set(key) >= {"description", "conventions", "pairs"}, path
        for pair in key["pairs"]:
            check_pair(pair, errors, report)
    print("\n".join(report))
    if errors:
        print("\nERRORS:\n" + "\n".join(errors))
        return 1
    print(f"\nall quotes verified in {len(paths)} file(s)")
    return 0


if __name__ == "__main__":
    args = sys.argv[1:] or sorted(glob.glob(os.path.join(HERE, "*.json")))
    sys.exit(main(args))
