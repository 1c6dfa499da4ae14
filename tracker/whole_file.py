"""Files written whole: into a temporary file beside the target, renamed onto it only when
complete (os.replace is atomic on one file system). A full disk, a kill or an error midway
leaves last week's sheet or backup as it was, never half of a new one under its name.
"""

from __future__ import annotations

import errno
import os
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from tracker.errors import UserError

_STALE_SECONDS = 3600      # a temporary file this old was left by a killed program
_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


def write_error(target: Path, exc: OSError, existed: bool) -> UserError:
    """The one line for a failed write of target (the disk-full case says the old file stays)."""
    kept = "；原文件未改动 / the previous file is unchanged" if existed else ""
    if exc.errno in _FULL:
        return UserError(f"{target}: 磁盘空间不足，未写入 / disk full, nothing written{kept}")
    if isinstance(exc, IsADirectoryError) or target.is_dir():
        return UserError(f"{target}: 是一个目录，不是文件 / is a directory")
    reason = exc.strerror or type(exc).__name__
    if isinstance(exc, PermissionError):
        return UserError(f"{target}: 无法写入（{reason}），文件是否正被其他程序打开？/ cannot write{kept}")
    return UserError(f"{target}: 无法写入（{reason}）/ cannot write{kept}")


def _temp_path(target: Path) -> Path:
    """A new hidden name in target's folder (short enough for any file name)."""
    return target.with_name(f".{target.name[:40]}.{secrets.token_hex(4)}.partial")


def _remove_stale(target: Path) -> None:
    """Temporary files of target left by a killed program (older than an hour)."""
    cutoff = time.time() - _STALE_SECONDS
    for old in target.parent.glob(f".{target.name[:40]}.*.partial"):
        with suppress(OSError):
            if old.stat().st_mtime < cutoff:
                old.unlink()


@contextmanager
def replacing(target: str | os.PathLike) -> Iterator[Path]:
    """A fresh path beside target for the block to write; renamed onto target when the
    block ends without error, deleted otherwise. OSError becomes one UserError naming target."""
    target = Path(target)
    if target.is_dir():
        raise UserError(f"{target}: 是一个目录，不是文件 / is a directory")
    existed = target.exists()
    _remove_stale(target)
    tmp = _temp_path(target)
    try:
        yield tmp
        os.replace(tmp, target)
    except OSError as exc:
        raise write_error(target, exc, existed) from None
    finally:
        with suppress(OSError):
            tmp.unlink()          # gone already after the rename


def write_whole(target: str | os.PathLike, content: bytes) -> Path:
    """Write content to target whole (flushed to disk before the rename); returns target."""
    target = Path(target)
    with replacing(target) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
        try:
            view = memoryview(content)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)      # delayed allocation: a full disk may only show here
        finally:
            os.close(fd)
    return target
