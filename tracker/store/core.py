"""The local store (SQLite via sqlite-utils): the only module family that writes SQL.

Opening creates or migrates the file (timestamped backup first) and refuses files
that are not a store or are damaged, without touching them. tracker.importer extracts
first; the store then writes in one transaction, so a bad file, a cancel or a killed process leaves
the store as it was. Status changes are append-only events.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from tracker.store import migrations
from tracker.errors import UserError
from tracker.model import FileExtraction
from tracker.store.curate import CurateMixin
from tracker.store.edit import EditMixin
from tracker.store.links import LinksMixin
from tracker.store.guard import guarded, one_line
from tracker.store.sync import ImportResult, insert_document, stale_unclaimed, write_extraction
from tracker.store.query import ROW_FIELDS, Filter  # noqa: F401  (re-exported API)
from tracker.store.read import ReadMixin
from tracker.store.undo import UndoMixin

__all__ = ["Store", "Filter", "ImportResult", "ROW_FIELDS", "default_store_path"]

APP_NAME = "commitment-tracker"
_SQLITE_HEADER = b"SQLite format 3\x00"
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
        self.db = db
        self.conn: sqlite3.Connection = db.conn
        self.path = path
        self.backup_path: Path | None = None   # set when opening migrated an older store

    # ---- opening -------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None, timeout: float = 5.0) -> "Store":
        """Open (creating or migrating) the store at path; UserError if it is not a usable store."""
        p = Path(path) if path is not None else default_store_path()
        if path is None:
            p.parent.mkdir(parents=True, exist_ok=True)
        _check_file(p)
        try:
            conn = sqlite3.connect(str(p), timeout=timeout, isolation_level=None,
                                   check_same_thread=False)
        except sqlite3.Error as exc:
            raise UserError(f"{p}: 无法打开台账 / cannot open the store ({one_line(exc)})") from None
        store = cls(Database(conn, execute_plugins=False), p)
        try:
            store._prepare(timeout)
        except BaseException:
            conn.close()
            raise
        return store

    @guarded
    def _prepare(self, timeout: float) -> None:
        conn = self.conn
        try:
            tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            # quick_check reads every page (~0.4 s at 80 MB): on big files damage is left
            # to surface on use, where guarded() still reports it in one line.
            small = self.path.exists() and self.path.stat().st_size <= _QUICK_CHECK_MAX
            ok = conn.execute("PRAGMA quick_check(1)").fetchone()[0] if tables and small else "ok"
        except sqlite3.DatabaseError as exc:
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
            if unknown:
                raise UserError(f"{self.path}: 由更新版本的程序创建，请升级 / "
                                f"made by a newer version of the program ({sorted(unknown)[0]})")
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        # Reads of a 100k-commitment store: map the file, keep the hot pages cached.
        conn.execute("PRAGMA mmap_size = 268435456")
        conn.execute("PRAGMA cache_size = -65536")
        if self._needs_setup():
            # Programs opening a new or old store at once: switching to WAL and the
            # pre-migration backup give SQLITE_IOERR when they race, so one goes first.
            with _setup_lock(self.path):
                if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    conn.execute("PRAGMA journal_mode = WAL")
                if migrations.pending(self.db):
                    if is_store:
                        self.backup_path = self._backup_before_migration()
                    with self._write():
                        migrations.apply(self.db)
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
            try:
                self._analyze()
            except sqlite3.OperationalError:   # busy or read-only: the statistics can wait
                pass

    def _needs_setup(self) -> bool:
        wal = self.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
        return not wal or bool(migrations.pending(self.db))

    def _analyze(self) -> None:
        """Refresh the planner's statistics (without them it scans 100k rows for a 500-row filter)."""
        self.conn.execute("ANALYZE")

    def _backup_before_migration(self) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        dest = self.path.with_name(f"{self.path.stem}.backup-{stamp}{self.path.suffix or '.db'}")
        n = 1
        while dest.exists():
            n += 1
            dest = self.path.with_name(f"{self.path.stem}.backup-{stamp}-{n}{self.path.suffix or '.db'}")
        self.backup(dest)
        return dest

    def close(self) -> None:
        """Close the connection (after letting SQLite refresh its planner statistics)."""
        try:
            self.conn.execute("PRAGMA optimize")
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
                    result.stale += stale_unclaimed(conn, doc_id, claimed)
        except _Cancelled:
            return ImportResult(cancelled=True)
        self._analyze()
        return result


class _Cancelled(Exception):
    """Raised inside the write transaction to roll it back on cancel."""


@contextmanager
def _setup_lock(store_path: Path):
    """An exclusive lock on a file beside the store (not the store itself: closing any
    descriptor of the store would drop SQLite's own POSIX locks)."""
    try:
        import fcntl
    except ImportError:         # not POSIX: SQLite's busy timeout is all there is
        yield
        return
    try:
        lock = open(store_path.with_name(store_path.name + ".setup-lock"), "a")
    except OSError:             # read-only folder: nothing to set up there anyway
        yield
        return
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _check_file(p: Path) -> None:
    """Refuse, without writing, a path that cannot be a store."""
    if p.is_dir():
        raise UserError(f"{p}: 是文件夹，不是台账文件 / is a directory, not a store")
    if not p.parent.is_dir():
        raise UserError(f"{p}: 文件夹不存在 / folder does not exist")
    if p.exists() and p.stat().st_size > 0:
        try:
            with p.open("rb") as fh:
                head = fh.read(len(_SQLITE_HEADER))
        except OSError as exc:
            raise UserError(f"{p}: 无法读取台账 / cannot read the store ({exc.strerror})") from None
        if head != _SQLITE_HEADER:
            raise UserError(f"{p}: 不是台账文件 / not a tracker store (not an SQLite database)")
