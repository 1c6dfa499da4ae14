"""Backups that cannot hurt: what a backup (or an export) may write over, and the copy itself.

A backup written over another store open in the app left that program reporting marks as
saved into a malformed file; written over a store's -wal or -shm it damaged the store for
every other program. So a backup refuses the open store, SQLite's files beside any store,
and any other store except an earlier backup of this one; another existing file needs
force. The copy is made by SQLite's backup API into a temporary file renamed into place.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from tracker.errors import UserError
from tracker.store.guard import is_sqlite_file, peek
from tracker.whole_file import replacing

# SQLite's own files beside a database: writing one damages that database.
SIDE_FILES = ("-wal", "-shm", "-journal")
_DESTINATION_ERRORS = ("SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM")


def is_side_file(path: Path) -> bool:
    """Whether path is named as SQLite's write-ahead log, shared memory or rollback journal."""
    return path.name.endswith(SIDE_FILES)


def refuse_store_target(dest: Path) -> None:
    """UserError if writing a file at dest could damage a store: dest is an SQLite database
    (a store, a backup) or SQLite's own file beside one."""
    if is_side_file(dest):
        raise UserError(f"{dest}: 是 SQLite 的日志文件（-wal/-shm/-journal），不能覆盖 / "
                        "an SQLite log file of a store, never written over")
    if is_sqlite_file(dest):
        raise UserError(f"{dest}: 是 SQLite 数据库（台账？），不能覆盖 / an SQLite database (a store?), "
                        "not overwritten by an export")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def _store_id(path: Path) -> str | None:
    """The store id an SQLite file carries (None: not a store, or one older than ids)."""
    try:
        row = peek(path, "SELECT value FROM meta WHERE key = 'store_id'")
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _earlier_backup(store, dest: Path, force: bool) -> bool:
    """Whether the SQLite file dest is an earlier backup of store (the same store id). A store
    not yet given an id (before its first upgrade) can only replace an id-less copy with force:
    its own backup before the upgrade, retried after an interrupted one."""
    try:
        ours = store.store_id
    except sqlite3.OperationalError:          # no meta table yet: a store before its upgrade
        ours = None
    theirs = _store_id(dest)
    if ours is None:
        return force and theirs is None
    return theirs == ours


def _check_destination(store, dest: Path, force: bool) -> None:
    """UserError unless a backup of store may be written at dest."""
    if _same_file(dest, Path(store.path)):
        raise UserError(f"{dest}: 不能备份到台账本身 / cannot back up onto the store itself")
    if is_side_file(dest):
        raise UserError(f"{dest}: 是 SQLite 的日志文件（-wal/-shm/-journal），不能覆盖 / "
                        "an SQLite log file of a store, never written over")
    if dest.is_dir():
        raise UserError(f"{dest}: 是文件夹 / is a directory")
    if not dest.parent.is_dir():
        raise UserError(f"{dest}: 文件夹不存在 / folder does not exist")
    if not os.path.lexists(dest):
        return
    if is_sqlite_file(dest):
        if not _earlier_backup(store, dest, force):
            raise UserError(f"{dest}: 是另一个台账（或其他 SQLite 数据库），不能覆盖 / another store "
                            "(or SQLite database), never written over by a backup")
        if any(os.path.lexists(f"{dest}{s}") for s in SIDE_FILES):
            raise UserError(f"{dest}: 正被另一个程序打开（旁边有 -wal/-shm 文件），不能覆盖 / "
                            "open in another program, not written over")
        return
    if not force:
        raise UserError(f"{dest}: 文件已存在；确要替换请加 --force / exists; add --force to replace it")


def backup_store(store, dest: str | os.PathLike, force: bool = False) -> Path:
    """A consistent copy of the open store at dest, written whole (safe while others use
    the store); UserError naming dest for a destination that could hurt or a full disk."""
    dest = Path(dest)
    _check_destination(store, dest, force)
    with replacing(dest) as tmp:
        try:
            target = sqlite3.connect(str(tmp))
            try:
                store.conn.backup(target)
            finally:
                target.close()
        except sqlite3.Error as exc:
            # The copy's failures are the destination's (named by replacing); others,
            # such as a damaged store, stay the store's.
            name = getattr(exc, "sqlite_errorname", "")
            if name == "SQLITE_FULL":
                raise OSError(errno.ENOSPC, "No space left on device") from None
            if name.startswith(_DESTINATION_ERRORS):
                raise OSError(errno.EIO, " ".join(str(exc).split())) from None
            raise
        finally:
            for side in SIDE_FILES:
                Path(f"{tmp}{side}").unlink(missing_ok=True)
    return dest
