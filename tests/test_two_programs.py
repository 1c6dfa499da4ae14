"""Two programs on one store: the app (two connections in one process) and `tracker`
commands in another. Only SQLite may open the store file; a Python open()/close() of it
drops SQLite's POSIX locks and the other program deletes the -wal/-shm under the app."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time

from conftest import ROOT, seed
from tracker.importer import import_files
from tracker.store import Filter, Store

ROUNDS = 100


def test_second_open_keeps_the_wal_of_the_first(tmp_path):
    db = tmp_path / "t.db"
    first = Store.open(db)
    import_files(first, [seed("001")])
    second = Store.open(db)
    first.marks.mark([first.query(Filter())[0]], "done")
    subprocess.run([sys.executable, "-m", "tracker", "--db", str(db), "import", str(seed("004"))],
                   check=True, capture_output=True, cwd=ROOT)
    assert (tmp_path / "t.db-wal").exists() and (tmp_path / "t.db-shm").exists()
    first.close()
    second.close()


def test_app_and_commands_on_one_store_for_100_rounds(tmp_path):
    db = tmp_path / "t.db"
    app, app_worker = Store.open(db), None
    import_files(app, [seed("001")])
    app_worker = Store.open(db)            # the app opens one connection per worker
    ids = app.query(Filter())
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests") + os.pathsep + str(ROOT)}
    other = subprocess.Popen([sys.executable, str(ROOT / "tests" / "store_worker.py"), str(db),
                              str(seed("001")), str(tmp_path), str(ROUNDS)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    mine = []
    n = 0
    while other.poll() is None:
        store = (app, app_worker)[n % 2]
        mine.append(store.marks.mark([ids[10 + n % 50]], "partial", note=f"A{n}")[0])
        n += 1
        time.sleep(0.01)
    out, err = other.communicate()
    assert other.returncode == 0, err
    theirs = json.loads(out)
    assert len(theirs) == ROUNDS and len(mine) > 20
    # Both programs still work, and nothing was lost.
    mine.append(app.marks.mark([ids[0]], "done", note="after")[0])
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {i for (i,) in check.execute("SELECT id FROM events")}
    check.close()
    assert set(mine) <= stored and set(theirs) <= stored
    assert app_worker.history(ids[0])[0]["note"] == "after"
    app.close()
    app_worker.close()
    with Store.open(db) as again:
        assert again.history(ids[0])[0]["note"] == "after"
