"""The store object: one connection, its write transaction, and the named parts using it.

Opening creates or migrates the file (a backup first) and refuses files that are not a
store or are damaged, without touching them. Every write is one `store.write()`
transaction (BEGIN IMMEDIATE, waiting up to 10 s for another program's write lock), and
its checks run inside it, after the lock is held. The parts (`store.marks`,
`store.corrections`, `store.curation`, `store.evidence`, `store.report_edits`,
`store.extractions`, `store.changes`) each hold a back-reference to the store and write
only through `store.write()`; the reads are plain functions of tracker.store.read,
offered as methods. The connection belongs to the thread that opened it: background
work opens its own (tracker.store.ops).
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from tracker.store import links, migrations, read
from tracker.errors import UserError
from tracker.store.changes import Changes
from tracker.store.corrections import Corrections
from tracker.store.curate import Curation
from tracker.store.decisions import Evidence
from tracker.store.extractions import Extractions
from tracker.store.guard import guarded, one_line
from tracker.store.marks import Marks
from tracker.store.report_edits import ReportEdits
from tracker.store.sync import ImportResult
from tracker.store.forms import Forms
from tracker.store.units import Units, task_source
from tracker.store.query import ROW_FIELDS, Filter  # noqa: F401  (re-exported API)

__all__ = ["Store", "Filter", "ImportResult", "ROW_FIELDS", "default_store_path"]

APP_NAME = "commitment-tracker"
# PRAGMA user_version of the store format this program reads and writes; a newer
# program raises it only for a change older programs must not write over.
STORE_FORMAT = 1
_QUICK_CHECK_MAX = 32_000_000   # bytes
# How long a write waits for another program's write lock before saying the store is busy.
WRITE_WAIT = 10.0   # seconds


def default_store_path() -> Path:
    """tracker.db in the per-user data folder (platformdirs)."""
    from platformdirs import user_data_dir
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "tracker.db"


class Store:
    """An open store; use Store.open(path) (or as a context manager)."""

    def __init__(self, db: Database, path: Path):
        self.read_only: str | None = None      # why writing is refused, if it is
        self.db = db
        self.conn: sqlite3.Connection = db.conn
        self.path = path
        self.backup_path: Path | None = None   # set when opening migrated an older store
        self.marks = Marks(self)
        self.corrections = Corrections(self)
        self.curation = Curation(self)
        self.evidence = Evidence(self)
        self.report_edits = ReportEdits(self)
        self.extractions = Extractions(self)
        self.units = Units(self)
        self.forms = Forms(self)
        self.changes = Changes(self)

    # ---- opening -------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None, timeout: float = WRITE_WAIT, create: bool = True,
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
                conn = sqlite3.connect(str(p), timeout=timeout, isolation_level=None)
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
            unknown = applied - set(migrations.NAMES)
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
                    with self.write():
                        migrations.apply(self.db)
                        conn.execute(f"PRAGMA user_version = {STORE_FORMAT}")
                    self._compact()
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
            try:
                self.analyze()
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

    def analyze(self) -> None:
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
        with self.write():
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
    def write(self):
        """One write transaction: BEGIN IMMEDIATE waits (up to WRITE_WAIT) for the write lock
        up front, so everything checked inside is checked under the lock; rolled back whole
        on any error or cancel."""
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

    @property
    def store_id(self) -> str | None:
        """The store's own id (a uuid set when it was made or first upgraded): a backup of
        this store carries the same id."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'store_id'").fetchone()
        return row[0] if row else None

    @guarded
    def make_single_file(self) -> None:
        """Leave the store one self-contained file (a rollback journal, not WAL), for a copy
        that is only ever read: a read-only reader then needs no -wal or -shm beside it.
        Opening it for writing turns WAL on again."""
        self.conn.execute("PRAGMA journal_mode = DELETE")

    @guarded
    def relink(self, regions=None) -> int:
        """Rebuild the carry links of regions (default all), one transaction; how many."""
        with self.write() as conn:
            return links.relink(conn, regions)

    @guarded
    def backup(self, dest: str | Path, force: bool = False) -> Path:
        """Consistent copy of the store at dest, written whole (tracker.store.backup: never onto
        the store's own files, a store open elsewhere or another store; another file only with
        force); safe while others use the store."""
        from tracker.store.backup import backup_store
        return backup_store(self, dest, force=force)

    # ---- reading: plain functions of tracker.store.read over this connection ----------
    @guarded
    def query(self, f: Filter | None = None, order: str = "id", descending: bool = False) -> list[int]:
        """Ids of the commitments matching f, ordered in SQL."""
        return read.query(self.conn, f, order, descending)

    @guarded
    def count(self, f: Filter | None = None) -> int:
        """Number of commitments matching f."""
        return read.count(self.conn, f)

    @guarded
    def rows(self, ids, as_of=None) -> dict[int, dict]:
        """Table row dict (ROW_FIELDS) per id; unknown ids are left out."""
        return read.rows(self.conn, ids, as_of)

    @guarded
    def stats(self, f: Filter | None = None) -> dict:
        """total, by_status (incl. "unmarked"), by_kind, overdue, behind for f."""
        return read.stats(self.conn, f)

    @guarded
    def facets(self) -> dict:
        """Years, regions, categories and kinds present."""
        return read.facets(self.conn)

    @guarded
    def themes(self, f: Filter | None = None) -> list[tuple[str, int]]:
        """(theme, count) among what f selects (its own theme aside), for the 分类 choices."""
        return read.themes(self.conn, f)

    @guarded
    def tree(self) -> list[dict]:
        """Reports grouped for a tree: region, plan_year, report_id, title, count."""
        return read.tree(self.conn)

    @guarded
    def reports(self) -> list[dict]:
        """Every report with its document name and commitment counts."""
        return read.reports(self.conn)

    @guarded
    def documents(self) -> list[dict]:
        """Every stored document (without its text), oldest first."""
        return read.documents(self.conn)

    @guarded
    def document_source(self, doc_id: int):
        """The stored document as a SourceText (for re-extraction and verification)."""
        return read.document_source(self.conn, doc_id)

    @guarded
    def document_lines(self, doc_id: int, first: int = 1, last: int | None = None) -> list[tuple[int, str]]:
        """Lines first..last (1-based, inclusive) of a stored document."""
        return read.document_lines(self.conn, doc_id, first, last)

    @guarded
    def search_lines(self, text: str, document_id: int | None = None, limit: int = 500) -> list[dict]:
        """Document lines containing text (FTS + LIKE): document_id, name, no, text."""
        return read.search_lines(self.conn, text, document_id, limit)

    @guarded
    def glossary(self, report_id: int) -> dict[str, str]:
        """名词解释 terms of a report."""
        return read.glossary(self.conn, report_id)

    @guarded
    def commitment(self, cid: int, as_of=None) -> dict:
        """Every field of a commitment plus its report, document, corrections and flags."""
        return read.commitment(self.conn, cid, as_of)

    @guarded
    def source(self, cid: int) -> dict:
        """The paragraph around a commitment: lines, its line, offsets and highlight spans.
        A 督办事项 has no place in the report's text: its `plan` (file and row of the 分工方案,
        tracker.store.units.task_source) and no lines."""
        plan = task_source(self.conn, cid)
        if plan is None:
            return read.source(self.conn, cid)
        return {"document_id": None, "lines": [], "line": None, "start": None, "end": None,
                "first_offset": None, "marks": [], "total_lines": 0, "plan": plan}

    @guarded
    def history(self, cid: int) -> list[dict]:
        """Events of a commitment, newest first (see tracker.store.read.history)."""
        return read.history(self.conn, cid)

    @guarded
    def data_version(self) -> int:
        """SQLite's data_version: moves when another connection commits to the store file."""
        return read.data_version(self.conn)

    @guarded
    def suggestions(self, cid: int) -> list[dict]:
        """Suggestions for a commitment: pending first, best score first; evidence decoded."""
        return read.suggestions(self.conn, cid)

    @guarded
    def carry_links(self, cid: int) -> list[dict]:
        """Carry-over links of one commitment, both ways."""
        return links.carry_links(self.conn, cid)

    @guarded
    def carry_labels(self, ids: list[int]) -> dict[int, str]:
        """Short carry-over label per id; ids without links left out."""
        return links.carry_labels(self.conn, ids)

    @guarded
    def plan_rows(self, region: str, year: int) -> list[dict]:
        """Current commitments of region's reports planned for year, in document order."""
        return links.plan_rows(self.conn, region, year)


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
        conn = sqlite3.connect(uri + query, uri=True, timeout=timeout, isolation_level=None)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            conn.close()
    return sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, timeout=timeout, isolation_level=None)


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
