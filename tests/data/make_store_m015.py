"""Rebuild tests/data/store_m015.db: a store as the program wrote it up to migration m015
(before issue 19's write model), with the user's data every upgrade must keep: marks with
notes, a field correction, a re-worded text, a dropped item, and decisions on suggestions
(rejected and accepted ones).

It needs the program as of m015 (commit 62e25d1 of main), e.g.
    git clone REPO /tmp/old && git -C /tmp/old checkout 62e25d1
    PYTHONPATH=/tmp/old python tests/data/make_store_m015.py
The committed file must keep opening with every later version (tests/test_write_model.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "seeds"
OUT = HERE / "store_m015.db"


def main() -> None:
    """Write store_m015.db from seeds 000 (2024 plan) and 001 (2025 report reviewing it)."""
    from tracker.importer import import_files
    from tracker.store import Filter, Store
    from tracker.verify import suggest

    OUT.unlink(missing_ok=True)
    with Store.open(OUT) as s:
        import_files(s, [next(SEEDS.glob("000_*.txt")), next(SEEDS.glob("001_*.txt"))])
        suggest(s, plan_year=2024)
        decided = {"rejected": [], "accepted": []}
        with_pending = [c for c in s.query(Filter(year=2024, pending=True))]
        for cid in with_pending[:8]:
            sid = s.suggestions(cid)[0]["id"]
            s.reject_suggestion(sid)
            decided["rejected"].append([cid, sid])
        for cid in with_pending[8:10]:
            sid = s.suggestions(cid)[0]["id"]
            s.accept_suggestion(sid)
            decided["accepted"].append([cid, sid])
        plain = [c for c in s.query(Filter(year=2024)) if c not in with_pending[:10]]
        s.mark([plain[0]], "partial", note="升级前的备注", progress=0.4)
        s.correct(plain[1], indicator="升级前更正的指标")
        s.edit_text(plain[2], "升级前改写的文字")
        s.drop([plain[3]], note="升级前标为不是承诺")
        s.conn.execute("VACUUM")
    (HERE / "store_m015.json").write_text(json.dumps(
        {**decided, "marked": plain[0], "corrected": plain[1], "edited": plain[2], "dropped": plain[3]},
        indent=1), encoding="utf-8")
    print(OUT, OUT.stat().st_size)


if __name__ == "__main__":
    sys.path.insert(0, ".")
    main()
