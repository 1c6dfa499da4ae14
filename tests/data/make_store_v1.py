"""Rebuild tests/data/store_v1.db: a store as schema version 1 (migration m001 only) wrote it.

Run once with `python tests/data/make_store_v1.py`; the committed file must keep opening
with every later version (tests/test_store_migrations.py).
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from sqlite_utils import Database  # noqa: E402

from tracker.extract import extract_file  # noqa: E402
from tracker.store.identity import keyed  # noqa: E402
from tracker.store.migrations import MIGRATIONS  # noqa: E402

SEED = HERE.parent.parent / "seeds" / "001_306d7ec0a692e678.txt"
OUT = HERE / "store_v1.db"
STAMP = "2025-03-01T08:00:00+00:00"


def main() -> None:
    """Write store_v1.db from seed 001 with two marks and one correction."""
    OUT.unlink(missing_ok=True)
    db = Database(sqlite3.connect(str(OUT), isolation_level=None), execute_plugins=False)
    MIGRATIONS.apply(db, stop_before="m002_suggestions_glossary")
    fx = extract_file(SEED)
    c = db.conn
    c.execute("BEGIN")
    doc = c.execute("INSERT INTO documents (path, name, sha256, encoding, imported_at, text) "
                    "VALUES (?, ?, ?, ?, ?, ?)", (SEED.name, SEED.name, fx.source.sha256,
                                                   fx.source.encoding, STAMP, fx.source.text)).lastrowid
    c.executemany("INSERT INTO lines (document_id, no, text) VALUES (?, ?, ?)",
                  [(doc, i, t) for i, t in enumerate(fx.source.lines, 1)])
    for rx in fx.reports:
        r = rx.report
        rid = c.execute("INSERT INTO reports (document_id, title, region, report_year, plan_year, "
                        "extracted_plan_year, line_start, line_end, doc_type) VALUES (?,?,?,?,?,?,?,?,?)",
                        (doc, r.title, r.region, r.report_year, r.plan_year, r.plan_year,
                         r.line_start, r.line_end, r.doc_type)).lastrowid
        for key, cm in keyed(rx.commitments):
            c.execute("INSERT INTO commitments (report_id, document_id, key, kind, text, line, start, \"end\", "
                      "indicator, measure, value, value_high, unit, comparator, direction, deadline, "
                      "deadline_text, number, category, period) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                      (rid, doc, key, cm.kind, cm.text, cm.line, cm.start, cm.end, cm.indicator, cm.measure,
                       cm.value, cm.value_high, cm.unit, cm.comparator, cm.direction, cm.deadline,
                       cm.deadline_text, cm.number, cm.category, cm.period))
    first, second = [i for (i,) in c.execute("SELECT id FROM commitments ORDER BY id LIMIT 2")]
    for cid, status, note, progress in ((first, "in_progress", "一季度进展顺利", 0.3),
                                        (first, "done", "年报确认完成", None),
                                        (second, "partial", "v1 note", 0.5)):
        c.execute("INSERT INTO events (commitment_id, status, note, progress, source, created_at) "
                  "VALUES (?, ?, ?, ?, 'user', ?)", (cid, status, note, progress, STAMP))
    c.execute("UPDATE commitments SET current_status = 'done', current_progress = 0.3 WHERE id = ?", (first,))
    c.execute("UPDATE commitments SET current_status = 'partial', current_progress = 0.5 WHERE id = ?", (second,))
    key = c.execute("SELECT key FROM commitments WHERE id = ?", (second,)).fetchone()[0]
    c.execute("INSERT INTO corrections (commitment_id, commitment_key, field, value, created_at) "
              "VALUES (?, ?, 'indicator', '\"v1 corrected indicator\"', ?)", (second, key, STAMP))
    c.execute("UPDATE commitments SET indicator = 'v1 corrected indicator' WHERE id = ?", (second,))
    c.execute("COMMIT")
    c.execute("PRAGMA journal_mode = DELETE")
    c.close()
    print(OUT, OUT.stat().st_size)


if __name__ == "__main__":
    main()
