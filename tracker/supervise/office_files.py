"""Opening the Office files of the 督办 loop (a 分工方案, a filled form) within bounds, and
writing ours whole.

XLSX and DOCX are zip files: a few kilobytes on disk can expand to gigabytes, so the zip
directory is read first and a file expanding past MAX_EXPANDED_BYTES is refused with one
line. Every file we write goes to a temporary file beside the target, then os.replace: a
full disk or a kill never leaves half a form where the last one was.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from typing import BinaryIO, Callable

from tracker.errors import UserError
from tracker.store.backup import refuse_store_target
from tracker.whole_file import write_whole as write_bytes_whole

MAX_FILE_BYTES = 32_000_000          # a 分工方案 or a filled form on disk
MAX_EXPANDED_BYTES = 200_000_000     # what its zip members expand to
_KINDS = {".xlsx": "Excel", ".xlsm": "Excel", ".docx": "Word"}


def _checked(path: Path, allowed: tuple[str, ...]) -> str:
    """The kind word ("Excel"/"Word") of path after its bounds are checked; UserError otherwise."""
    suffix = path.suffix.lower()
    if suffix not in allowed:
        raise UserError(f"{path}: 不支持的格式 {suffix or '(无后缀)'}，请用 {' '.join(allowed)}")
    kind = _KINDS[suffix]
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UserError(f"{path}: 文件不存在 / no such file") from None
    except OSError as exc:
        raise UserError(f"{path}: 无法读取（{exc.strerror}）") from None
    if path.is_dir():
        raise UserError(f"{path}: 是一个目录，不是文件")
    if size == 0:
        raise UserError(f"{path}: 空文件 / empty file")
    if size > MAX_FILE_BYTES:
        raise UserError(f"{path}: 文件太大（{size // 1_000_000} MB，上限 {MAX_FILE_BYTES // 1_000_000} MB）")
    try:
        with zipfile.ZipFile(path) as z:
            expanded = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UserError(f"{path}: 不是有效的 {kind} 文件（已损坏，或是旧版 .xls/.doc）") from None
    if expanded > MAX_EXPANDED_BYTES:
        raise UserError(f"{path}: {kind} 文件解压后太大（{expanded // 1_000_000} MB，上限 "
                        f"{MAX_EXPANDED_BYTES // 1_000_000} MB）")
    return kind


def load_workbook(path: str | os.PathLike, read_only: bool = False):
    """An openpyxl workbook (values, not formulas) of path; UserError naming the file when it
    is missing, too big, or not a workbook. read_only streams the cells (several times
    faster, no merged ranges; close it after use)."""
    from openpyxl import load_workbook as _load

    p = Path(path)
    kind = _checked(p, (".xlsx", ".xlsm"))
    try:
        return _load(p, data_only=True, read_only=read_only)
    except Exception as exc:   # openpyxl raises many types for a damaged workbook: all the user's file
        raise UserError(f"{p}: {kind} 文件无法读取（{type(exc).__name__}）") from None


def load_docx(path: str | os.PathLike):
    """A python-docx Document of path; UserError naming the file when it cannot be read."""
    from docx import Document

    p = Path(path)
    kind = _checked(p, (".docx",))
    try:
        return Document(str(p))
    except Exception as exc:   # zip, lxml and python-docx errors: all the user's file
        raise UserError(f"{p}: {kind} 文件无法读取（{type(exc).__name__}）") from None


def write_whole(out: str | os.PathLike, write: Callable[[BinaryIO], None]) -> Path:
    """Call write(stream) on a stream in memory, then write its bytes to out whole
    (tracker.whole_file: a temporary file beside out, renamed onto it). A full disk is one
    line and leaves the previous file; no half-written zip is left for ZipFile.__del__ to
    retry and report as "Exception ignored"."""
    out = Path(out)
    if not out.parent.exists():
        raise UserError(f"{out}: 目录不存在 {out.parent}")
    refuse_store_target(out)           # never a store, a backup or SQLite's files beside one
    stream = io.BytesIO()
    write(stream)
    return write_bytes_whole(out, stream.getvalue())
