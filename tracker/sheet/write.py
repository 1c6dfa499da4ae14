"""Writing the status sheet to a file: the renderer is chosen by the file's suffix."""

from __future__ import annotations

import importlib
from pathlib import Path

from tracker.errors import UserError
from tracker.sheet.build import sheet_data
from tracker.sheet.data import SheetData
from tracker.store.backup import refuse_store_target


# Renderers by suffix, imported when used: reportlab alone costs ~0.14 s at start-up.
_WRITERS = {".pdf": "pdf", ".csv": "csv_file", ".xlsx": "xlsx_file", ".docx": "docx_file",
            ".html": "html_file", ".htm": "html_file"}


def write_data(data: SheetData, out_path: str | Path, landscape: bool = False) -> Path:
    """Render data to out_path in the format its suffix names; returns the path."""
    out = Path(out_path)
    name = _WRITERS.get(out.suffix.lower())
    if name is None:
        raise UserError(f"{out}: 不支持的格式 {out.suffix or '(无后缀)'}，"
                        "请用 .pdf .csv .xlsx .docx 或 .html")
    if not out.parent.exists():
        raise UserError(f"{out}: 目录不存在 {out.parent}")
    refuse_store_target(out)
    # Each renderer writes its file whole (tracker.whole_file): a full disk or a kill
    # leaves the previous file as it was.
    importlib.import_module(f"tracker.sheet.{name}").write(data, out, landscape=landscape)
    return out


def pdf_bytes(data: SheetData, landscape: bool = False) -> bytes:
    """The sheet as PDF bytes (the app's preview and print); reportlab loaded on first use."""
    return importlib.import_module("tracker.sheet.pdf").pdf_bytes(data, landscape=landscape)


def write_sheet(store, f, out_path: str | Path, landscape: bool = False,
                with_suggestions: bool = False) -> Path:
    """Write the status sheet of the commitments f selects; format by suffix (confirmed
    statuses only unless with_suggestions)."""
    return write_data(sheet_data(store, f, with_suggestions=with_suggestions), out_path,
                      landscape=landscape)
