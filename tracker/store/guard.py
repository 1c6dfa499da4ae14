"""SQLite's busy and damage errors as one-line UserErrors naming the store file; whether a
file is an SQLite database (asked through SQLite, never by opening it in Python)."""

from __future__ import annotations

import functools
import sqlite3
from pathlib import Path
from urllib.parse import quote

from tracker.errors import UserError


# Disk full, read-only file or folder, I/O failure: the user's to fix, not a bug.
_USER_FIXABLE = ("SQLITE_READONLY", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_PERM")


def one_line(exc: object) -> str:
    """str(exc) with line breaks and runs of spaces collapsed (SQLite reports span lines)."""
    return " ".join(str(exc).split())


def guarded(method):
    """Decorate a method of the Store or of one of its parts (which hold `store`):
    'database is locked' and damage become UserErrors naming the store file."""
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        path = getattr(self, "path", None) or getattr(getattr(self, "store", None), "path", "")
        try:
            return method(self, *args, **kwargs)
        except sqlite3.OperationalError as exc:
            name = getattr(exc, "sqlite_errorname", "")
            if "locked" in str(exc) or "busy" in str(exc) or name.startswith("SQLITE_BUSY"):
                raise UserError(f"{path}: 台账正被另一个程序写入，请稍后再试 / "
                                f"the store is busy (another program is writing); try again") from None
            if name.startswith(_USER_FIXABLE):
                raise UserError(f"{path}: 无法写入台账 / cannot write the store ({one_line(exc)})") from None
            raise
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.IntegrityError):
                raise
            raise UserError(f"{path}: 台账文件已损坏 / the store is damaged ({one_line(exc)})") from None
    return wrapper


def peek(path: Path, sql: str) -> tuple | None:
    """The first row sql reads from an SQLite file, asked through SQLite itself, read-only,
    because a Python open()/close() of an open store drops SQLite's locks; immutable, so no
    -wal/-shm is left beside a WAL store (they would read as "open in another program" to
    tracker.store.backup). sqlite3.Error when it cannot be read so."""
    conn = sqlite3.connect("file:" + quote(str(path.resolve())) + "?mode=ro&immutable=1", uri=True)
    try:
        return conn.execute(sql).fetchone()
    finally:
        conn.close()


def is_sqlite_file(path: Path) -> bool:
    """Whether path is an existing SQLite database (a store, its backup)."""
    try:
        if not path.is_file() or path.stat().st_size < 512:    # a database has a page at least
            return False
    except OSError:
        return False
    try:
        peek(path, "PRAGMA schema_version")
        return True
    except sqlite3.Error as exc:
        # Busy, locked or a page read mid-write is still a database; "not a database" (or
        # a file SQLite cannot open at all) is not.
        return getattr(exc, "sqlite_errorname", "") not in ("SQLITE_NOTADB", "SQLITE_CANTOPEN", "")
