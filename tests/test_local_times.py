"""Issue 20 part 4: times a user sees are local. `history` and `changes` print the time of
each change in the machine's time zone (a mark made at 03:00 in Beijing is of that day, not
of the day before in UTC); `--json` keeps the stored UTC timestamps."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

from conftest import ROOT, seed


def run(db, *args, tz="Asia/Shanghai"):
    return subprocess.run([sys.executable, "-m", "tracker", "--db", str(db), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, env={**os.environ, "TZ": tz}, check=True).stdout


def test_history_and_changes_print_the_local_time_of_a_mark(tmp_path):
    db = tmp_path / "t.db"
    run(db, "import", str(seed("001")))
    run(db, "mark", "1", "done")
    conn = sqlite3.connect(db)
    (stamp,) = conn.execute("SELECT created_at FROM events").fetchone()
    conn.close()
    for tz in ("Asia/Shanghai", "America/New_York"):
        local = datetime.fromisoformat(stamp).astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")
        assert f"#1 {local}  done" in run(db, "history", "1", tz=tz)
        assert f"mark:1  {local}  " in run(db, "changes", tz=tz)
    assert stamp in run(db, "history", "1", "--json")
