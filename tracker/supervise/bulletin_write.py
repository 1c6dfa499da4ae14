"""Writing the 通报 to a file, the format by its suffix (PDF, XLSX, DOCX), whole."""

from __future__ import annotations

import importlib
from pathlib import Path

from tracker.errors import UserError
from tracker.supervise.bulletin_data import BulletinData
from tracker.supervise.office_files import write_whole

# Renderers imported when used: reportlab and python-docx are slow to load.
_WRITERS = {".xlsx": "bulletin_xlsx", ".docx": "bulletin_docx"}


def bulletin_pdf(data: BulletinData, landscape: bool = False) -> bytes:
    """The 通报 as PDF bytes (the app's print preview, and the .pdf file)."""
    return importlib.import_module("tracker.supervise.bulletin_pdf").pdf_bytes(data, landscape)


def write_bulletin(data: BulletinData, out_path: str | Path, landscape: bool = False) -> Path:
    """Write the 通报 to out_path in the format its suffix names; returns the path."""
    out = Path(out_path)
    suffix = out.suffix.lower()
    if suffix != ".pdf" and suffix not in _WRITERS:
        raise UserError(f"{out}: 通报不支持 {suffix or '(无后缀)'}，请用 .pdf .xlsx 或 .docx")
    if suffix == ".pdf":
        content = bulletin_pdf(data, landscape)   # the font is checked before anything is written
        return write_whole(out, lambda stream: stream.write(content))
    module = importlib.import_module(f"tracker.supervise.{_WRITERS[suffix]}")
    return write_whole(out, lambda stream: module.write(data, stream, landscape=landscape))
