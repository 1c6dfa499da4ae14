#!/usr/bin/env python3
"""Draw N random project rows of `tracker extract --json` output for reading against the documents.

Usage: python3 eval/precision/sample_rows.py OUT.json SEED [N] > rows.txt
Prints one block per row: file, line, subject, value/unit/comparator, the row text, and the source
line it sits on (so a reader can judge it without opening the document). The draw depends only on
the seed and the rows' order, so a later extraction drawn with the same seed is a fresh sample.
"""
import json
import random
import sys


def main() -> None:
    out, seed = sys.argv[1], int(sys.argv[2])
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    data = json.load(open(out, encoding="utf-8"))
    rows = [(d["path"], c) for d in data["documents"] for c in d["commitments"] if c["kind"] == "project"]
    lines = {}
    for k, i in enumerate(sorted(random.Random(seed).sample(range(len(rows)), n))):
        path, c = rows[i]
        if path not in lines:
            sys.path.insert(0, ".")
            from tracker.ingest.read import read_source
            lines[path] = read_source(path).lines
        src = lines[path][c["line"] - 1].strip()
        figure = f"{c['comparator'] or ''}{c['value'] if c['value'] is not None else ''}{c['unit'] or ''}"
        print(f"## {k + 1}. {path.split('/')[-1]}:{c['line']}  [{figure}] subject={c.get('subject')}")
        print(f"ROW : {c['text']}")
        print(f"LINE: {src[:400]}")
        print()


if __name__ == "__main__":
    main()
