"""The local store (SQLite via sqlite-utils): the only module family that writes SQL.

Opening creates or migrates the file (timestamped backup first) and refuses files
that are not a store or are damaged, without touching them. tracker.importer extracts
first; the store then writes in one transaction, so a bad file, a cancel or a killed process leaves
the store as it was. Status changes are append-only events.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from tracker.store import migrations
from tracker.errors import UserError
from tracker.model import FileExtraction
from tracker.store.curate import CurateMixin
from tracker.store.edit import EditMixin
from tracker.store.links import LinksMixin
from tracker.store.guard import guarded, one_line
from tracker.store.sync import (ImportResult, fragment_of, insert_document, stale_unclaimed,
                                write_extraction)
from tracker.store.query import ROW_FIELDS, Filter  # noqa: F401  (re-exported API)
from tracker.store.read import ReadMixin
from tracker.store.undo import UndoMixin

__all__ = ["Store", "Filter", "ImportResult", "ROW_FIELDS", "default_store_path"]

APP_NAME = "commitment-tracker"
# PRAGMA user_version of the store format this program reads and writes; a newer
# program raises it only for a change older programs must not write over.
STORE_FORMAT = 1
_QUICK_CHECK_MAX = 32_000_000   # bytes
Progress = Callable[[int, int], None] | None
Cancel = Callable[[], bool] | None


def default_store_path() -> Path:
    """tracker.db in the per-user data folder (platformdirs)."""
    from platformdirs import user_data_dir
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "tracker.db"


class Store(EditMixin, CurateMixin, UndoMixin, ReadMixin, LinksMixin):
    """An open store; use Store.open(path) (or as a context manager)."""

    def __init__(self, db: Database, path: Path):
        self.read_only: str | None = None      # why writing is refused, if it is
        self.db = db
        self.conn: sqlite3.Connection = db.conn
        self.path = path
        self.backup_path: Path | None = None   # set when opening migrated an older store

    # ---- opening -------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None, timeout: float = 5.0, create: bool = True,
             read_only: bool = False) -> "Store":
        """Open (creating or migrating) the store at path; UserError if it is not a usable store.

        create=False (read commands): a missing or empty file is an error, never a new store,
        and a store made by a newer program opens read-only (create=True refuses it).
        read_only=True, a read-only file or folder, or a store made by a newer program:
        opened for reading; every write raises a UserError saying why.
        """
        p = Path(path) if path is not None else default_store_path()
        if path is None and create:
            p.parent.mkdir(parents=True, exist_ok=True)
        _check_file(p, create)
        reason = "opened read-only" if read_only else _read_only_reason(p)
        try:
            if reason:
                conn = _connect_read_only(p, timeout)
            else:
                conn = sqlite3.connect(str(p), timeout=timeout, isolation_level=None,
                                       check_same_thread=False)
        except sqlite3.Error as exc:
            raise UserError(f"{p}: 无法打开台账 / cannot open the store ({one_line(exc)})") from None
        store = cls(Database(conn, execute_plugins=False), p)
        store.read_only = reason
        try:
            store._prepare(timeout, create and not read_only)
        except BaseException:
            store.conn.close()        # the read-only one, if preparing swapped it
            raise
        return store

    @guarded
    def _prepare(self, timeout: float, create: bool = True) -> None:
        conn = self.conn
        try:
            # m014 turned `lines` into a view, so a store's core names are tables or views.
            tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
            # quick_check reads every page (~0.4 s at 80 MB): on big files damage is left
            # to surface on use, where guarded() still reports it in one line.
            small = self.path.exists() and self.path.stat().st_size <= _QUICK_CHECK_MAX
            ok = conn.execute("PRAGMA quick_check(1)").fetchone()[0] if tables and small else "ok"
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
                raise UserError(f"{self.path}: 不是台账文件 / not a tracker store (not an SQLite database)") from None
            raise UserError(f"{self.path}: 不是台账文件或已损坏 / not a store or damaged ({one_line(exc)})") from None
        if ok != "ok":
            raise UserError(f"{self.path}: 台账文件已损坏 / the store is damaged ({one_line(ok)})")
        is_store = set(migrations.CORE_TABLES) <= tables
        if tables and not is_store:
            raise UserError(f"{self.path}: 不是台账文件（另一个 SQLite 数据库） / "
                            f"not a tracker store (another SQLite database)")
        if is_store:
            applied = {m.name for m in migrations.MIGRATIONS.applied(self.db)}
            unknown = applied - {m.name for m in migrations.MIGRATIONS._migrations}
            if (unknown or version > STORE_FORMAT) and create:
                raise UserError(f"{self.path}: 由更新版本的程序创建，请升级，不能写入 / made by a newer version "
                                f"of the program, not written ({sorted(unknown)[0] if unknown else version})")
            if unknown or version > STORE_FORMAT:
                self._reopen_read_only(timeout, "由更新版本的程序创建，请升级 / made by a newer version "
                                       f"of the program ({sorted(unknown)[0] if unknown else version})")
                conn = self.conn
        if not tables and self.read_only:
            raise UserError(f"{self.path}: 不是台账（空文件，且不能写入） / not a store yet, and it "
                            f"cannot be written ({self.read_only})")
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        # Reads of a 100k-commitment store: map the file, keep the hot pages cached.
        conn.execute("PRAGMA mmap_size = 268435456")
        conn.execute("PRAGMA cache_size = -65536")
        if self.read_only:
            if migrations.pending(self.db):
                raise UserError(f"{self.path}: 旧版台账需要升级，但不能写入 / an older store that needs "
                                f"upgrading cannot be written ({self.read_only}); copy it to a writable folder")
            return
        if self._needs_setup():
            # Programs opening a new or old store at once: switching to WAL and the
            # pre-migration backup give SQLITE_IOERR when they race, so one goes first.
            with _setup_lock(self.path):
                if not tables and conn.execute("PRAGMA page_count").fetchone()[0] == 0:
                    # A new store gives pages back at each commit (full-text merges and
                    # re-imports free them); this can only be chosen before any table.
                    conn.execute("PRAGMA auto_vacuum = FULL")
                if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    conn.execute("PRAGMA journal_mode = WAL")
                if migrations.pending(self.db):
                    if is_store:
                        self.backup_path = self._backup_before_migration()
                    with self._write():
                        migrations.apply(self.db)
                        conn.execute(f"PRAGMA user_version = {STORE_FORMAT}")
                    self._compact()
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
            try:
                self._analyze()
            except sqlite3.OperationalError:   # busy or read-only: the statistics can wait
                pass

    def _reopen_read_only(self, timeout: float, reason: str) -> None:
        """Swap the connection for a read-only one (a store this program must not write)."""
        if not self.read_only:
            self.conn.close()
            self.conn = _connect_read_only(self.path, timeout)
            self.db = Database(self.conn, execute_plugins=False)
        self.read_only = reason

    def _needs_setup(self) -> bool:
        wal = self.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
        return not wal or bool(migrations.pending(self.db))

    def _analyze(self) -> None:
        """Refresh the planner's statistics (without them it scans 100k rows for a 500-row filter)."""
        self.conn.execute("ANALYZE")
        self._stat_empty_indexes()

    def _stat_empty_indexes(self) -> None:
        """Give each index that ANALYZE left without statistics (it writes none for an empty
        one, e.g. commitments_progress until progress is recorded) a one-row estimate:
        `PRAGMA optimize` re-runs ANALYZE on every close while any index lacks them
        (140–220 ms at 100k). Growth past 25× still triggers a fresh ANALYZE."""
        missing = self.conn.execute(
            "SELECT m.name, m.tbl_name FROM sqlite_master m WHERE m.type = 'index' AND NOT EXISTS"
            " (SELECT 1 FROM sqlite_stat1 s WHERE s.idx = m.name)").fetchall()
        if not missing:
            return
        rows = [(table, name, " ".join(["1"] * (1 + len(
                    self.conn.execute("SELECT * FROM pragma_index_info(?)", (name,)).fetchall()))))
                for name, table in missing]
        with self._write():
            self.conn.executemany("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", rows)

    def _compact(self) -> None:
        """VACUUM when a migration left over a quarter of the file free (m010 drops the
        lines index's copy of the text): the file shrinks once instead of staying large."""
        free = self.conn.execute("PRAGMA freelist_count").fetchone()[0]
        if free * 4 > self.conn.execute("PRAGMA page_count").fetchone()[0]:
            self.conn.execute("VACUUM")

    def _backup_before_migration(self) -> Path:
        """A copy of the store before its first pending migration; an interrupted migration
        rolled back, so a retry writes over the same copy instead of adding another."""
        first = migrations.pending(self.db)[0]
        dest = self.path.with_name(f"{self.path.stem}.backup-before-{first}{self.path.suffix or '.db'}")
        self.backup(dest, force=True)
        return dest

    def close(self) -> None:
        """Close the connection (after letting SQLite refresh its planner statistics)."""
        try:
            # Never wait for another program's write here: the statistics can wait.
            self.conn.execute("PRAGMA busy_timeout = 0")
            self.conn.execute("PRAGMA optimize")
            if self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
                self._stat_empty_indexes()   # optimize's own ANALYZE may have dropped them
        except sqlite3.Error:
            pass
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _write(self):
        """One write transaction (BEGIN IMMEDIATE: wait for the lock up front, not mid-way)."""
        if self.read_only:
            raise UserError(f"{self.path}: 台账只读，不能写入 / the store is read-only ({self.read_only})")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # ---- writing extractions (tracker.importer extracts, then calls these) ------------
    def known_hashes(self) -> set[str]:
        """sha256 of every imported file (an identical file is never imported twice)."""
        return {s for (s,) in self.conn.execute("SELECT sha256 FROM documents")}

    def current_documents(self) -> list[tuple[int, str, int | None]]:
        """(id, path or name, plan-year hint) of every document not superseded, for re-extraction."""
        return [(d, path or name, hint) for d, path, name, hint in self.conn.execute(
            "SELECT id, path, name, plan_year_hint FROM documents WHERE superseded_by IS NULL ORDER BY id")]

    @guarded
    def add_extractions(self, extractions: list[FileExtraction], plan_year: int | None = None,
                        cancel: Cancel = None, result: ImportResult | None = None) -> ImportResult:
        """Store new documents with their extractions, all in one transaction."""
        result = result or ImportResult()
        if cancel and cancel():
            return ImportResult(cancelled=True)
        try:
            claimed: set[int] = set()
            with self._write() as conn:
                for fx in extractions:
                    if cancel and cancel():
                        raise _Cancelled
                    whole = fragment_of(conn, fx)
                    if whole:
                        raise UserError(f"{fx.source.path}: 只是已导入的 {whole} 的一部分（不完整的副本），未导入 / "
                                        f"only a part of {whole}, already imported (a cut copy); not imported")
                    doc_id = insert_document(conn, fx.source, plan_year)
                    write_extraction(conn, fx, doc_id, result, claimed)
                    result.documents_added += 1
        except _Cancelled:
            return ImportResult(cancelled=True)
        if extractions:
            self._analyze()
        return result

    @guarded
    def replace_extractions(self, extractions: list[tuple[int, FileExtraction]],
                            cancel: Cancel = None) -> ImportResult:
        """Sync stored documents with new extractions of their text (one transaction);
        commitments not found again become stale, never deleted."""
        result = ImportResult()
        claimed: set[int] = set()
        try:
            with self._write() as conn:
                for doc_id, fx in extractions:
                    if cancel and cancel():
                        raise _Cancelled
                    write_extraction(conn, fx, doc_id, result, claimed)
                    result.stale += stale_unclaimed(conn, doc_id, claimed, result)
        except _Cancelled:
            return ImportResult(cancelled=True)
        self._analyze()
        return result


class _Cancelled(Exception):
    """Raised inside the write transaction to roll it back on cancel."""


@contextmanager
def _setup_lock(store_path: Path):
    """An exclusive lock on a file beside the store (not the store itself: closing any
    descriptor of the store would drop SQLite's own POSIX locks), removed when done.

    The holder deletes the file before unlocking; a program that was waiting then holds
    a lock on a deleted file, sees that, and locks the path again.
    """
    try:
        import fcntl
    except ImportError:         # not POSIX: SQLite's busy timeout is all there is
        yield
        return
    path = store_path.with_name(store_path.name + ".setup-lock")
    while True:
        try:
            lock = open(path, "a")
        except OSError:         # read-only folder: nothing to set up there anyway
            yield
            return
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            same = os.fstat(lock.fileno()).st_ino == os.stat(path).st_ino
        except OSError:
            same = False
        if same:
            break
        lock.close()
    try:
        yield
    finally:
        try:
            path.unlink()
        except OSError:
            pass
        lock.close()


def _read_only_reason(p: Path) -> str | None:
    """Why the store at p cannot be written (read-only file or folder, read-only file system)."""
    where = p if p.exists() else p.parent
    if not os.access(where, os.W_OK):
        return "只读文件或文件夹 / read-only file or folder"
    if p.exists() and not os.access(p.parent, os.W_OK):   # SQLite writes its -wal and -shm beside it
        return "只读文件夹 / read-only folder"
    return None


def _connect_read_only(p: Path, timeout: float) -> sqlite3.Connection:
    """A read-only connection; immutable when not even SQLite's -shm can be made (read-only media)."""
    uri = "file:" + quote(str(p.resolve()))
    for query in ("?mode=ro", "?mode=ro&immutable=1"):
        conn = sqlite3.connect(uri + query, uri=True, timeout=timeout, isolation_level=None,
                               check_same_thread=False)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            conn.close()
    return sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, timeout=timeout,
                           isolation_level=None, check_same_thread=False)


def _check_file(p: Path, create: bool) -> None:
    """Refuse, without opening it (only SQLite may: see _setup_lock), a path that cannot be a store."""
    if p.is_dir():
        raise UserError(f"{p}: 是文件夹，不是台账文件 / is a directory, not a store")
    if not create:
        if not p.exists():
            raise UserError(f"{p}: 还没有台账，请先导入文件 / no store yet: import files first")
        if p.stat().st_size == 0:
            raise UserError(f"{p}: 是空文件，不是台账 / an empty file, not a store")
    if not p.parent.is_dir():
        raise UserError(f"{p}: 文件夹不存在 / folder does not exist")
    if p.exists() and not os.access(p, os.R_OK):
        raise UserError(f"{p}: 无法读取台账 / cannot read the store (permission denied)")
