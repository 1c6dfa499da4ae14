"""Issue 20 part 2: backups that cannot hurt, and exports that refuse the same targets.

`tracker backup` wrote over anything: another store open in the app (which then reported a
mark as saved into a malformed file), the store's own -wal/-shm (other programs saw a
damaged store; a later mark was lost), any file silently.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, seed
from tracker.cli.main import main
from tracker.errors import UserError
from tracker.importer import import_files
from tracker.store import Filter, Store


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def backup(db: Path, dest: Path, *more: str, capsys) -> tuple[int, str]:
    code = main(["--db", str(db), "backup", str(dest), *more])
    return code, capsys.readouterr().err.strip()


# A second program holding a store open, as the app does: marks on request, says so.
_HOLDER = """
import sys
from tracker.store import Filter, Store
s = Store.open(sys.argv[1])
print("open", flush=True)
for line in sys.stdin:
    s.marks.mark(s.query(Filter())[:1], "done", note=line.strip())
    print("saved", flush=True)
"""


def holder(path: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path)], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdout.readline().strip() == "open"
    return proc


def mark_in(proc: subprocess.Popen, note: str) -> None:
    proc.stdin.write(note + "\n")
    proc.stdin.flush()
    assert proc.stdout.readline().strip() == "saved"


@pytest.mark.parametrize("side", ["-wal", "-shm"])
def test_a_backup_never_writes_over_the_stores_own_wal_or_shm(db, capsys, side):
    app = holder(db)                        # the store open in the app: its -wal and -shm exist
    try:
        target = Path(f"{db}{side}")
        before = target.read_bytes()
        code, err = backup(db, target, "--force", capsys=capsys)
        assert code == 1 and str(target) in err and "-wal/-shm/-journal" in err
        assert target.read_bytes() == before
        mark_in(app, "备份之后的标记")
    finally:
        app.stdin.close()
        app.wait(timeout=30)
    assert integrity(db) == "ok"
    with Store.open(db) as s:
        assert s.history(s.query(Filter())[0])[0]["note"] == "备份之后的标记"


def test_a_backup_never_writes_a_journal_name(db, tmp_path, capsys):
    code, err = backup(db, tmp_path / "other.db-journal", capsys=capsys)
    assert code == 1 and "-wal/-shm/-journal" in err
    assert not (tmp_path / "other.db-journal").exists()


def test_another_store_open_in_the_app_is_never_written_over(db, tmp_path, capsys):
    other = tmp_path / "其他台账.db"
    with Store.open(other) as s:
        import_files(s, [seed("002")])
    app = holder(other)
    try:
        before = other.read_bytes()
        for more in ((), ("--force",)):
            code, err = backup(db, other, *more, capsys=capsys)
            assert code == 1 and str(other) in err and "另一个台账" in err
        assert other.read_bytes() == before
        mark_in(app, "仍然保存")             # the app's mark lands in a sound file
    finally:
        app.stdin.close()
        app.wait(timeout=30)
    assert integrity(other) == "ok"
    with Store.open(other) as s:
        assert s.history(s.query(Filter())[0])[0]["note"] == "仍然保存"
        assert s.reports()[0]["document"].startswith("002")


def test_another_closed_store_is_refused_even_with_force(db, tmp_path, capsys):
    other = tmp_path / "b.db"
    Store.open(other).close()
    before = other.read_bytes()
    code, err = backup(db, other, "--force", capsys=capsys)
    assert code == 1 and "另一个台账" in err and other.read_bytes() == before


def test_an_earlier_backup_of_this_store_is_replaced(db, tmp_path, capsys):
    dest = tmp_path / "每周备份.db"
    assert backup(db, dest, capsys=capsys)[0] == 0
    with Store.open(db) as s:
        s.marks.mark(s.query(Filter())[:1], "done", note="第二周")
    assert backup(db, dest, capsys=capsys)[0] == 0           # no --force needed: the same store
    with Store.open(dest) as b:
        assert b.history(b.query(Filter())[0])[0]["note"] == "第二周"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("每周")) == ["每周备份.db"]


def test_an_earlier_backup_open_in_another_program_is_refused(db, tmp_path, capsys):
    dest = tmp_path / "备份.db"
    assert backup(db, dest, capsys=capsys)[0] == 0
    app = holder(dest)                       # someone opened the backup to look at it
    try:
        code, err = backup(db, dest, capsys=capsys)
        assert code == 1 and "正被另一个程序打开" in err
        mark_in(app, "在备份里")
    finally:
        app.stdin.close()
        app.wait(timeout=30)
    assert integrity(dest) == "ok"


def test_any_other_existing_file_needs_force(db, tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("上周的笔记", encoding="utf-8")
    code, err = backup(db, notes, capsys=capsys)
    assert code == 1 and "--force" in err and notes.read_text(encoding="utf-8") == "上周的笔记"
    assert backup(db, notes, "--force", capsys=capsys)[0] == 0
    with Store.open(notes) as b:
        assert b.count(Filter()) > 0


def test_the_open_store_itself_is_refused_by_any_name(db, tmp_path, capsys):
    link = tmp_path / "link.db"
    link.symlink_to(db)
    for target in (db, link):
        code, err = backup(db, target, "--force", capsys=capsys)
        assert code == 1 and "台账本身" in err
    assert integrity(db) == "ok"


# ---- exports refuse the same targets -------------------------------------------------------
def test_an_office_file_export_never_writes_onto_a_store(db, tmp_path):
    from tracker.supervise.office_files import write_whole

    disguised = tmp_path / "进展表.xlsx"
    with Store.open(db) as s:
        s.backup(disguised)
    before = disguised.read_bytes()
    with pytest.raises(UserError, match="SQLite"):
        write_whole(disguised, lambda stream: stream.write(b"PK"))
    assert disguised.read_bytes() == before


def test_a_sheet_export_never_writes_onto_a_store_open_elsewhere(db, tmp_path, capsys):
    disguised = tmp_path / "对照表.csv"
    with Store.open(db) as s:
        s.backup(disguised)
    app = holder(disguised)
    try:
        assert main(["--db", str(db), "sheet", "--out", str(disguised)]) == 1
        assert "SQLite" in capsys.readouterr().err
        mark_in(app, "导出之后")
    finally:
        app.stdin.close()
        app.wait(timeout=30)
    assert integrity(disguised) == "ok"
