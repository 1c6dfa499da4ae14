"""Opening: old schema versions migrate after a backup; foreign or damaged files are refused untouched."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from tracker.store import migrations
from tracker.errors import UserError
from tracker.store import Filter, Store
from tracker.importer import import_files, reextract

from conftest import seed

V1 = Path(__file__).parent / "data" / "store_v1.db"


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_v1_store_is_backed_up_then_migrated(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(V1, path)
    with Store.open(path) as store:
        backups = list(tmp_path.glob("old.backup-*.db"))
        assert len(backups) == 1 and store.backup_path == backups[0]
        assert migrations.pending(store.db) == []
        # What version 1 recorded is all there.
        h = store.history(1)
        assert [e["note"] for e in h] == ["年报确认完成", "一季度进展顺利"]
        assert store.commitment(2)["indicator"] == "v1 corrected indicator"
        assert store.count(Filter(status="done")) == 1
        # New features work on the migrated data: full text, suggestions.
        text = store.commitment(1)["text"]
        assert 1 in store.query(Filter(text=text[:4]))
        assert store.evidence.add(1, [{"status": "done", "score": 1.0}]) == 1
        ids = store.query(Filter(), order="plan_year")
        assert [store.rows(ids)[i]["plan_year"] for i in ids] == [store.commitment(i)["report"]["plan_year"]
                                                                  for i in ids]
        assert store.count(Filter(year=store.commitment(1)["plan_year"])) == store.count(Filter())
        # The same seed again is recognised by its sha256; re-extraction keeps marks and fixes.
        assert import_files(store, [seed("001")]).documents_skipped == 1
        reextract(store)
        assert [e["note"] for e in store.history(1)] == ["年报确认完成", "一季度进展顺利"]
        assert store.commitment(2)["indicator"] == "v1 corrected indicator"
    # The backup is the untouched version-1 store.
    b = sqlite3.connect(backups[0])
    assert [n for (n,) in b.execute("SELECT name FROM _sqlite_migrations")] == ["m001_initial"]
    assert b.execute("SELECT count(*) FROM events").fetchone()[0] == 3
    b.close()
    # A second open has nothing to migrate and makes no new backup.
    Store.open(path).close()
    assert len(list(tmp_path.glob("old.backup-*.db"))) == 1


def test_new_store_gets_no_backup(tmp_path):
    Store.open(tmp_path / "new.db").close()
    assert [p.name for p in tmp_path.iterdir() if "backup" in p.name] == []


def test_store_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "future.db"
    Store.open(path).close()
    c = sqlite3.connect(path)
    c.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
              "VALUES ('commitment-tracker', 'm999_future', 'x')")
    c.commit()
    c.close()
    before = _sha(path)
    with pytest.raises(UserError, match="newer version"):
        Store.open(path)
    assert _sha(path) == before
    # A read command may look at it; every write says why it is refused.
    with Store.open(path, create=False) as s:
        assert s.documents() == []
        with pytest.raises(UserError, match="read-only .*newer version"):
            import_files(s, [seed("004")])
    assert _sha(path) == before


@pytest.mark.parametrize("content", [
    b"\xff\xd8\xff\xe0 a JPEG, not a store" * 100,
    "这是一份文本文件，不是台账".encode(),
])
def test_non_sqlite_file_is_refused_untouched(tmp_path, content):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(UserError, match="notes.db"):
        Store.open(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_other_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    c = sqlite3.connect(path)
    c.execute("CREATE TABLE places (name TEXT)")
    c.execute("INSERT INTO places VALUES ('x')")
    c.commit()
    c.close()
    before = _sha(path)
    with pytest.raises(UserError, match="not a tracker store"):
        Store.open(path)
    assert _sha(path) == before


def test_damaged_store_is_refused_untouched(tmp_path):
    path = tmp_path / "damaged.db"
    with Store.open(path) as s:
        import_files(s, [seed("001")])
    c = sqlite3.connect(path)
    c.execute("PRAGMA journal_mode = DELETE")   # fold the WAL in, so the damage is in the file
    c.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for p in range(2, min(len(data) // page, 12)):
        data[p * page:p * page + 200] = b"\x13" * 200
    path.write_bytes(bytes(data))
    before = _sha(path)
    with pytest.raises(UserError, match="damaged"):
        Store.open(path)
    assert _sha(path) == before


def test_directory_and_missing_folder(tmp_path):
    with pytest.raises(UserError, match="directory"):
        Store.open(tmp_path)
    with pytest.raises(UserError, match="folder does not exist"):
        Store.open(tmp_path / "no" / "such" / "t.db")


def test_default_path_is_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    from tracker.store import default_store_path
    assert default_store_path() == tmp_path / "data" / "commitment-tracker" / "tracker.db"
    with Store.open() as store:
        assert store.path == default_store_path() and store.count(Filter()) == 0
    assert default_store_path().exists()
