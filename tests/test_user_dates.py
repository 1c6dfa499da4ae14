"""Dates a user types for a mark (tracker mark --date, the mark dialog) and where they end up."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from tracker.cli.main import main
from tracker.errors import UserError
from tracker.importer import import_files
from tracker.sheet.build import sheet_data
from tracker.store import Filter, Store
from tracker.user_dates import parse_user_date

from conftest import seed

TODAY = date(2026, 1, 15)     # a Thursday


@pytest.mark.parametrize("text, want", [
    ("昨天", "2026-01-14"), ("今天", "2026-01-15"), ("前天", "2026-01-13"), ("大前天", "2026-01-12"),
    ("2025-03-01", "2025-03-01"), ("２０２５－０３－０１", "2025-03-01"), ("2025/3/1", "2025-03-01"),
    ("2025.3.1", "2025-03-01"), ("2025年3月1日", "2025-03-01"), ("2025年3月1号", "2025-03-01"),
    ("二〇二五年三月一日", "2025-03-01"), ("1 March 2025", "2025-03-01"),
    # month and day without a year: the latest such day not after today
    ("1月2日", "2026-01-02"), ("3月1日", "2025-03-01"), ("十二月三十一日", "2025-12-31"),
    ("三天前", "2026-01-12"), ("10日以前", "2026-01-05"),
    ("上周五", "2026-01-09"), ("本周一", "2026-01-12"), ("上星期日", "2026-01-11"),
])
def test_dates_people_type(text, want):
    assert parse_user_date(text, TODAY).isoformat() == want


@pytest.mark.parametrize("text, reason", [
    ("", "empty"), ("明天", "future"), ("2026-02-01", "future"), ("本周六", "future"),
    ("2025年13月1日", "not a date"), ("2025-02-29", "not a date"), ("2月30日", "not a date"),
    ("2025年3月", "not a date"), ("下次再说", "not a date"),
])
def test_what_is_not_a_usable_date_is_refused_with_the_reason(text, reason):
    with pytest.raises(UserError, match=reason):
        parse_user_date(text, TODAY)


def test_mark_records_the_date_and_history_shows_it(tmp_path, capsys):
    db = tmp_path / "d.db"
    assert main(["--db", str(db), "import", str(seed("001"))]) == 0
    with Store.open(db) as s:
        cid = s.query(Filter())[0]
    assert main(["--db", str(db), "mark", str(cid), "done", "--date", "2025-03-01"]) == 0
    assert main(["--db", str(db), "mark", str(cid), "partial"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "history", str(cid), "--json"]) == 0
    events = json.loads(capsys.readouterr().out)
    assert [(e["status"], e["date"]) for e in events] == [("partial", None), ("done", "2025-03-01")]
    assert main(["--db", str(db), "history", str(cid)]) == 0
    assert "date=2025-03-01" in capsys.readouterr().out


def test_a_bad_date_is_one_line_and_records_nothing(tmp_path, capsys):
    db = tmp_path / "d.db"
    assert main(["--db", str(db), "import", str(seed("001"))]) == 0
    with Store.open(db) as s:
        cid = s.query(Filter())[0]
    capsys.readouterr()
    assert main(["--db", str(db), "mark", str(cid), "done", "--date", "2025年13月1日"]) == 1
    err = capsys.readouterr().err
    assert "2025年13月1日" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    with Store.open(db) as s:
        assert s.history(cid) == []
        with pytest.raises(UserError):
            s.marks.mark([cid], "done", date="3月1日")      # the store takes ISO days only
        s.marks.mark([cid], "done", date=date(2025, 3, 1))
        assert s.history(cid)[0]["date"] == "2025-03-01"
    con = sqlite3.connect(db)
    assert "m013_event_date" in {n for (n,) in con.execute("SELECT name FROM _sqlite_migrations")}
    con.close()


def test_the_sheet_prints_the_given_day_not_the_recording_day(tmp_path):
    with Store.open(tmp_path / "s.db") as s:
        import_files(s, [seed("001")])
        a, b = s.query(Filter())[:2]
        s.marks.mark([a], "partial", note="过半", date="2025-03-01")
        s.marks.mark([b], "partial", note="过半")
        rows = {r.cid: r for r in sheet_data(s, Filter()).rows}
        recorded = s.history(b)[0]["created_at"][:10]
    assert rows[a].progress.endswith("（2025-03-01）")
    assert rows[b].progress.endswith(f"（{recorded}）")
