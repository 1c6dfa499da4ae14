"""Writing the status sheet to a file: the renderer is chosen by the file's suffix."""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path
from urllib.parse import quote

from tracker.errors import UserError
from tracker.sheet.build import sheet_data
from tracker.sheet.data import SheetData


# Renderers by suffix, imported when used: reportlab alone costs ~0.14 s at start-up.
_WRITERS = {".pdf": "pdf", ".csv": "csv_file", ".xlsx": "xlsx_file",
            ".html": "html_file", ".htm": "html_file"}


def write_data(data: SheetData, out_path: str | Path, landscape: bool = False) -> Path:
    """Render data to out_path in the format its suffix names; returns the path."""
    out = Path(out_path)
    name = _WRITERS.get(out.suffix.lower())
    if name is None:
        raise UserError(f"{out}: 不支持的格式 {out.suffix or '(无后缀)'}，"
                        "请用 .pdf .csv .xlsx 或 .html")
    if not out.parent.exists():
        raise UserError(f"{out}: 目录不存在 {out.parent}")
    if is_sqlite_file(out):
        raise UserError(f"{out}: 是 SQLite 数据库（台账？），不能覆盖 / an SQLite database (a store?), "
                        "not overwritten by an export")
    module = importlib.import_module(f"tracker.sheet.{name}")
    try:
        module.write(data, out, landscape=landscape)
    except PermissionError as exc:
        raise UserError(f"{out}: 无法写入（{exc.strerror}），文件是否正被其他程序打开？") from exc
    except IsADirectoryError as exc:
        raise UserError(f"{out}: 是一个目录，不是文件") from exc
    return out


def is_sqlite_file(path: Path) -> bool:
    """Whether path is an existing SQLite database (a store, its backup): asked through SQLite
    itself, read-only, because a Python open()/close() of an open store drops SQLite's locks."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False
    except OSError:
        return False
    uri = "file:" + quote(str(path.resolve())) + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        return False
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        return True
    except sqlite3.DatabaseError as exc:
        # Busy or locked is still a database; "file is not a database" is not.
        return getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
    finally:
        conn.close()


def write_sheet(store, f, out_path: str | Path, landscape: bool = False) -> Path:
    """Write the status sheet of the commitments f selects; format by suffix."""
    return write_data(sheet_data(store, f), out_path, landscape=landscape)
