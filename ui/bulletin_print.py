"""The 通报 by unit in the print preview (the same PDF the file gets: one layout) and saved as
PDF, DOCX (offices edit a 通报 before issuing it) or XLSX."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QWidget

from tracker.errors import UserError
from ui.compact import fit_screen, warn_plain
from ui.printing import open_pdf, paint_pdf


def _tr(text: str) -> str:
    return QCoreApplication.translate("bulletin_print", text)


def _data(store, f):
    from tracker.supervise.bulletin_build import bulletin_from_store
    return bulletin_from_store(store, f)


def bulletin_preview_dialog(parent: QWidget | None, store, f) -> QPrintPreviewDialog:
    """The print preview of the 通报 for f, not yet shown."""
    from tracker.supervise.bulletin_write import bulletin_pdf

    data = _data(store, f)
    doc = open_pdf(bulletin_pdf(data))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)           # the PDF carries its own margins
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(_tr("打印预览 — %1").replace("%1", data.title))
    dialog._doc, dialog._printer = doc, printer      # alive with the dialog
    dialog.paintRequested.connect(lambda p: paint_pdf(p, doc))
    fit_screen(dialog, 900, 1000)
    return dialog


def bulletin_preview(parent: QWidget | None, store, f) -> None:
    """Show the 通报 of f in the print preview; printing from it prints that 通报."""
    try:
        dialog = bulletin_preview_dialog(parent, store, f)
    except UserError as exc:
        warn_plain(parent, _tr("通报"), str(exc))
        return
    dialog.exec()


def saved_path(path: str, chosen_filter: str, suffixes: tuple[str, ...]) -> Path:
    """The file a save dialog's answer names: typed without one of suffixes ("通报"), it gets
    the suffix of the file type chosen ("Word (*.docx)" -> 通报.docx)."""
    out = Path(path)
    if out.suffix.lower() in suffixes:
        return out
    m = re.search(r"\*(\.\w+)", chosen_filter or "")
    return out.with_name(out.name + (m.group(1) if m else suffixes[0]))


def export_bulletin(parent: QWidget | None, store, f) -> Path | None:
    """Ask where, then write the 通报 of f (format by the file's suffix); the file written."""
    from tracker.supervise.bulletin_write import write_bulletin

    path, chosen = QFileDialog.getSaveFileName(parent, _tr("导出通报"), str(Path.home() / "通报.docx"),
                                               _tr("Word (*.docx);;PDF (*.pdf);;Excel (*.xlsx)"))
    if not path:
        return None
    try:
        return write_bulletin(_data(store, f), saved_path(path, chosen, (".docx", ".pdf", ".xlsx")))
    except UserError as exc:
        warn_plain(parent, _tr("通报"), str(exc))
        return None
