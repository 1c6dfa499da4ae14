"""Issue 11, data safety: one test per part (two programs on one store: test_two_programs.py)."""

from __future__ import annotations

import csv
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, seed
from tracker.cli.main import main
from tracker.errors import UserError
from tracker.importer import import_files
from tracker.ingest.limits import MAX_FILE_BYTES, MAX_ZIP_BYTES
from tracker.ingest.read import read_source
from tracker.sheet import write_sheet
from tracker.store import Filter, Store

V1 = ROOT / "tests" / "data" / "store_v1.db"


def tracker(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tracker", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


# ---- 1. only SQLite opens the store -------------------------------------------------
@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_importing_the_store_itself_is_refused_and_keeps_its_wal(db, suffix):
    with Store.open(db) as first, Store.open(db) as second:
        first.marks.mark([1], "done")
        with pytest.raises(UserError, match="the store itself"):
            import_files(second, [Path(str(db) + suffix)])
        assert Path(str(db) + "-wal").exists() and Path(str(db) + "-shm").exists()
        assert second.history(1)[0]["status"] == "done"


def test_the_store_is_not_hashed_as_a_review(db):
    proc = tracker("--db", db, "suggest", "--review", db)
    assert proc.returncode == 1 and "the store itself" in proc.stderr


def test_an_sqlite_file_is_not_read_as_a_report(db, tmp_path):
    other = tmp_path / "copy.txt"
    shutil.copy(db, other)
    with pytest.raises(UserError, match="SQLite"):
        read_source(other)


# ---- 2. a cut copy never hides marks ----------------------------------------------
def test_a_cut_copy_is_refused_and_the_mark_stays(db, tmp_path):
    part = tmp_path / "part.txt"
    part.write_bytes(seed("001").read_bytes()[:30000])
    with Store.open(db) as s:
        last = s.query(Filter())[-1]
        s.marks.mark([last], "done")
        with pytest.raises(UserError, match="only a part of"):
            import_files(s, [part])
        assert last in s.query(Filter(status="done"))
        assert len(s.documents()) == 1


def test_a_new_version_without_a_marked_commitment_keeps_it_visible_and_says_so(db, tmp_path):
    with Store.open(db) as s:
        rows = s.rows(s.query(Filter()))
        by_line = {}
        for r in rows.values():
            by_line.setdefault(r["line"], []).append(r["id"])
        line, (marked, *unmarked) = next((n, ids) for n, ids in sorted(by_line.items()) if len(ids) > 1)
        s.marks.mark([marked], "partial", note="查过")
    lines = seed("001").read_text(encoding="utf-8").split("\n")
    del lines[line - 1]
    new = tmp_path / seed("001").name
    new.write_text("\n".join(lines), encoding="utf-8")
    proc = tracker("--db", db, "import", new)
    assert proc.returncode == 0, proc.stderr
    assert "kept visible" in proc.stdout and str(marked) in proc.stdout
    with Store.open(db) as s:
        assert marked in s.query(Filter(status="partial"))
        assert not s.commitment(marked)["stale"]
        assert all(s.commitment(u)["stale"] for u in unmarked)     # unmarked ones go stale as before


# ---- 3. exports are safe to open ----------------------------------------------------
def test_csv_cells_are_never_formulas(db, tmp_path):
    evil = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)"]
    with Store.open(db) as s:
        ids = s.query(Filter())[:4]
        for cid, note in zip(ids, evil):
            s.marks.mark([cid], "done", note=note)
        out = write_sheet(s, Filter(), tmp_path / "v.csv")
    cells = [c for row in csv.reader(out.open(encoding="utf-8-sig")) for c in row]
    for note in evil:
        assert any(c.startswith("'" + note) for c in cells)
        assert not any(c.startswith(note) for c in cells)


def test_a_control_character_in_a_note_does_not_block_the_xlsx(db, tmp_path):
    from openpyxl import load_workbook
    with Store.open(db) as s:
        cid = s.query(Filter())[0]
        s.marks.mark([cid], "done", note="说明\x01\x1b在此", evidence_text="证据\x02")
        out = write_sheet(s, Filter(), tmp_path / "v.xlsx")
    values = " ".join(str(c.value) for ws in load_workbook(out) for row in ws.iter_rows() for c in row if c.value)
    assert "说明在此" in values and "证据" in values


def test_an_export_never_writes_onto_the_store(db, tmp_path):
    store_csv = tmp_path / "v.csv"
    shutil.copy(db, store_csv)
    before = store_csv.read_bytes()
    proc = tracker("--db", store_csv, "sheet", "--out", store_csv)
    assert proc.returncode == 1 and "SQLite" in proc.stderr and len(proc.stderr.splitlines()) == 1
    assert store_csv.read_bytes()[:16] == before[:16] == b"SQLite format 3\x00"
    with Store.open(store_csv) as s:        # nor onto the open store, nor another SQLite file
        other = s.backup(tmp_path / "backup.html")
        for target in (store_csv, other):
            with pytest.raises(UserError, match="SQLite"):
                write_sheet(s, Filter(), target)
        assert s.count(Filter()) > 0 and (tmp_path / "v.csv-wal").exists()


# ---- 4. bounded input ---------------------------------------------------------------
def test_a_docx_that_expands_too_far_is_refused(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>" + " " * (MAX_ZIP_BYTES + 1) + "</w:document>")
    assert bomb.stat().st_size < 1_000_000
    with pytest.raises(UserError, match="inflates to too much"):
        read_source(bomb)


def test_an_over_large_text_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)     # sparse: nothing is written, nothing read
    with pytest.raises(UserError, match="too large"):
        read_source(big)


# ---- 5. opening honestly --------------------------------------------------------------
@pytest.mark.parametrize("command", [["list"], ["reports"], ["history", "1"], ["sheet", "--out", "x.csv"]])
def test_read_commands_never_create_a_store(tmp_path, command):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for path in (empty, tmp_path / "missing.db"):
        proc = tracker("--db", path, *command)
        assert proc.returncode == 1 and len(proc.stderr.splitlines()) == 1, proc.stderr
        assert not path.exists() or path.stat().st_size == 0
        assert not Path(str(path) + "-wal").exists()


def test_a_newer_store_format_is_refused_for_writing(db):
    c = sqlite3.connect(db)
    c.execute("PRAGMA user_version = 99")
    c.close()
    with pytest.raises(UserError, match="newer version"):
        Store.open(db)
    with Store.open(db, create=False) as s:
        assert s.count(Filter()) > 0
        with pytest.raises(UserError, match="read-only"):
            s.marks.mark([1], "done")


@pytest.fixture
def read_only_dir(tmp_path):
    """tmp_path/ro: a read-only bind mount of tmp_path/rw (needs mount rights)."""
    rw, ro = tmp_path / "rw", tmp_path / "ro"
    rw.mkdir()
    ro.mkdir()
    if subprocess.run(["mount", "--bind", rw, ro], capture_output=True).returncode != 0:
        pytest.skip("cannot mount a read-only file system here")
    subprocess.run(["mount", "-o", "remount,ro,bind", ro], check=True)
    yield rw, ro
    subprocess.run(["umount", ro], check=True)


def test_a_store_on_a_read_only_file_system_opens_for_reading(db, read_only_dir):
    rw, ro = read_only_dir
    with Store.open(db) as s:
        s.backup(rw / "t.db")
    with Store.open(ro / "t.db") as s:
        assert s.count(Filter()) > 0 and s.read_only
        with pytest.raises(UserError, match="read-only"):
            s.marks.mark([1], "done")
    proc = tracker("--db", ro / "t.db", "mark", "1", "done")
    assert proc.returncode == 1 and "read-only" in proc.stderr


# ---- 6. one line, always ----------------------------------------------------------------
def test_a_corrupt_pdf_is_one_line_even_with_a_newline_in_its_name(db, tmp_path):
    bad = tmp_path / "坏\n文件.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer << /Root 1 0 R >>\n")
    proc = tracker("--db", db, "import", bad)
    assert proc.returncode == 1 and len(proc.stderr.splitlines()) == 1, proc.stderr
    assert "\\n" in proc.stderr


def test_a_note_starting_with_a_minus_is_a_note(db, capsys):
    assert main(["--db", str(db), "mark", "1", "done", "--note", "-2+3"]) == 0
    with Store.open(db) as s:
        assert s.history(1)[0]["note"] == "-2+3"


def test_two_undos_of_one_mark_do_not_both_succeed(db):
    with Store.open(db) as a, Store.open(db) as b:
        event = a.marks.mark([1], "done")[0]
        a.marks.void(event)        # the name the app's undo commands have always called
        with pytest.raises(UserError, match="already undone"):
            b.marks.void(event)


# ---- 7. markup stays text -------------------------------------------------------------
def test_tooltips_show_document_markup_as_text(qtbot):
    from PySide6.QtGui import QTextDocument
    from ui.compact import ElidedLabel
    from ui.tree import ReportTree
    title = '<b>x</b><img src="file:///etc/hostname">'
    label = ElidedLabel(title)
    qtbot.addWidget(label)
    tree = ReportTree()
    qtbot.addWidget(tree)
    tree.set_reports([{"id": 1, "region": "某区", "plan_year": 2025, "title": title, "count": 3,
                       "report_id": 1, "document": "a.txt", "stale": 0}])
    leaves = []
    it = tree.invisibleRootItem()
    stack = [it]
    while stack:
        node = stack.pop()
        leaves += [node.child(i) for i in range(node.childCount()) if node.child(i).childCount() == 0]
        stack += [node.child(i) for i in range(node.childCount())]
    tips = [label.toolTip()] + [leaf.toolTip(0) for leaf in leaves if leaf.toolTip(0)]
    assert len(tips) == 2
    for tip in tips:
        doc = QTextDocument()
        doc.setHtml(tip)
        assert doc.toPlainText().strip().startswith(title)     # shown literally: no bold, no image


# ---- 8. history is an audit trail ---------------------------------------------------------
def test_undo_is_an_event_that_voids_the_mark(db, capsys):
    with Store.open(db) as s:
        s.marks.mark([1], "partial")
        s.marks.mark([1], "done")
        undone = s.marks.undo_newest(1)
        assert undone["status"] == "done"
        h = s.history(1)
        assert [e["voids"] for e in h] == [undone["id"], None, None]
        assert h[1]["undone_by"] == h[0]["id"] and h[2]["standing"]
        assert s.rows([1])[1]["status"] == "partial"
        assert s.conn.execute("SELECT count(*) FROM events WHERE commitment_id = 1").fetchone()[0] == 3
    assert main(["--db", str(db), "history", "1"]) == 0
    assert "undo #" in capsys.readouterr().out


# ---- 9. no litter ---------------------------------------------------------------------
_INTERRUPTED = """
import os, sys
import tracker.store.migrations as m
m.apply = lambda db: os._exit(9)       # killed half-way through the migration
from tracker.store import Store
Store.open(sys.argv[1])
"""


def test_no_setup_lock_and_one_backup_however_often_a_migration_is_interrupted(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(V1, path)
    for _ in range(3):
        proc = subprocess.run([sys.executable, "-c", _INTERRUPTED, str(path)], cwd=ROOT)
        assert proc.returncode == 9
    with Store.open(path) as s:
        assert s.history(1)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len([n for n in names if ".backup-" in n]) == 1
    assert not [n for n in names if n.endswith((".setup-lock", ".partial"))]
