"""A second program on the same store, for tests/test_two_programs.py: every round opens
the store afresh (as each `tracker` command does), imports a new version of a report,
marks a commitment, undoes that mark and closes. Prints the ids of the marks it kept."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tracker.importer import import_files
from tracker.store import Filter, Store


def main(db: str, seed: str, work: str, rounds: int) -> None:
    base = Path(seed).read_text(encoding="utf-8")
    kept = []
    for r in range(rounds):
        version = Path(work) / f"version-{r}.txt"
        version.write_text(f"{base}\n（第{r}次修订）\n", encoding="utf-8")
        with Store.open(db) as store:
            import_files(store, [version])
            cid = store.query(Filter())[r % 10]
            kept.append(store.marks.mark([cid], "in_progress", note=f"B{r}")[0])
            undone = store.marks.mark([cid], "not_done", note=f"B{r} undo me")[0]
            store.marks.void(undone)
    print(json.dumps(kept))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
