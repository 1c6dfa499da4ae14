"""ui-shell start-up: tracker-app as a process (first run, last store, --screenshot, bad --db)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from conftest import ROOT, seed
from tracker.store import Filter, Store
from tracker.importer import import_files


def run_app(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """tracker-app offscreen with its settings and data folders inside tmp_path."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CACHE_HOME=str(tmp_path / "cache"))
    return subprocess.run([sys.executable, "-m", "ui.app", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def image_ok(path: Path) -> QImage:
    image = QImage(str(path))
    assert not image.isNull()
    # Not a blank frame: a window with text has many distinct colours.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 20
    return image


def test_screenshot_of_a_store(tmp_path):
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        import_files(store, [seed("001")])
    out = tmp_path / "shot.png"
    proc = run_app(tmp_path, "--db", str(db), "--screenshot", str(out), "--size", "1300x800")
    assert proc.returncode == 0, proc.stderr
    image = image_ok(out)
    assert (image.width(), image.height()) == (1300, 800)


def test_first_run_is_an_empty_store_the_cli_shares(tmp_path):
    out = tmp_path / "first.png"
    proc = run_app(tmp_path, "--screenshot", str(out))
    assert proc.returncode == 0, proc.stderr
    image_ok(out)                                   # the welcome panel, not a blank window
    default = tmp_path / "data" / "commitment-tracker" / "tracker.db"
    with Store.open(default) as store:
        assert store.count(Filter()) == 0 and not store.documents()   # no samples mixed in
    # `tracker` without --db writes to the same store, and the app opens it again.
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    cli = subprocess.run([sys.executable, "-m", "tracker", "import", str(seed("001"))], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=300)
    assert cli.returncode == 0, cli.stderr
    with Store.open(default) as store:
        first = store.count(Filter())
    assert first > 20
    proc = run_app(tmp_path, "--screenshot", str(tmp_path / "second.png"))
    assert proc.returncode == 0, proc.stderr
    with Store.open(default) as store:
        assert store.count(Filter()) == first and len(store.documents()) == 1


def test_samples_option_shows_the_sample_store_and_leaves_the_users_empty(tmp_path):
    """The README's first command (`tracker-app --samples`) shows the samples on a fresh machine."""
    out = tmp_path / "samples.png"
    proc = run_app(tmp_path, "--samples", "--screenshot", str(out))
    assert proc.returncode == 0, proc.stderr          # exit 1 when the samples did not open
    image_ok(out)
    built = list((tmp_path / "cache" / "commitment-tracker").glob("*.db"))
    assert len(built) == 1
    with Store.open(built[0], read_only=True) as sample:
        assert sample.count(Filter()) > 100
    with Store.open(tmp_path / "data" / "commitment-tracker" / "tracker.db") as mine:
        assert not mine.documents()                    # never mixed into the user's store


def test_files_on_the_command_line_are_imported(tmp_path):
    db = tmp_path / "s.db"
    proc = run_app(tmp_path, "--db", str(db), str(seed("001")), "--screenshot", str(tmp_path / "x.png"))
    assert proc.returncode == 0, proc.stderr
    with Store.open(db) as store:
        assert [d["name"] for d in store.documents()] == [seed("001").name]


def test_db_that_is_not_a_store_is_one_line(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("这不是数据库\n", encoding="utf-8")
    proc = run_app(tmp_path, "--db", str(bad), "--screenshot", str(tmp_path / "x.png"))
    assert proc.returncode == 1
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("tracker-app:")]
    assert len(lines) == 1 and "notes.db" in lines[0]
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "x.png").exists()


def test_other_sqlite_database_is_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    proc = run_app(tmp_path, "--db", str(other), "--screenshot", str(tmp_path / "x.png"))
    assert proc.returncode == 1 and "other.sqlite" in proc.stderr
    assert "Traceback" not in proc.stderr
