"""Print preview, print and export of the status sheet (对照表) from the app.

There is one layout: the core's PDF (tracker.sheet.pdf). Preview and print render
its pages with QtPdf into the printer's painter, so paper, preview and exported PDF
look the same. Big sheets are rendered on the worker thread behind a busy dialog.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QEventLoop, QRectF, QSettings, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QHBoxLayout, QLabel, QProgressDialog,
                               QVBoxLayout, QWidget)

from tracker.errors import UserError
from tracker.sheet import SheetData, write_data
from tracker.store.backup import refuse_store_target
from tracker.sheet.build import sheet_data
from tracker.sheet.write import pdf_bytes   # reportlab (0.14 s) loads on the first print
from tracker.store.ops import read_op
from tracker.whole_file import write_whole
from ui.compact import fit_screen, warn_plain

FOLDER_KEY = "sheet/last_folder"
FORMATS = {"pdf": "PDF (*.pdf)", "xlsx": "Excel (*.xlsx)", "docx": "Word (*.docx)",
           "csv": "CSV (*.csv)", "html": "HTML (*.html)"}
BACKGROUND_ROWS = 400   # above this many rows the PDF is made off the GUI thread (~0.5 s)
PREVIEW_DPI, PRINT_DPI = 150, 300


def _tr(text: str) -> str:
    return QCoreApplication.translate("printing", text)


def _warn(parent: QWidget | None, message: str) -> None:
    warn_plain(parent, _tr("对照表"), message)


def _in_background(parent: QWidget | None, fn, *args):
    """fn(*args) on the worker behind a busy dialog; its result, or None if cancelled.

    Raises UserError with the worker's one-line message when fn fails.
    """
    from ui.workers import run_task

    def job(*a, progress=None, cancel=None):
        return fn(*a)

    dialog = QProgressDialog(_tr("正在生成对照表…"), _tr("取消"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    outcome: dict = {}
    loop = QEventLoop()
    task = run_task(job, *args, on_done=lambda r: outcome.setdefault("result", r),
                    on_error=lambda m: outcome.setdefault("error", m))
    task.ended.connect(loop.quit)
    dialog.canceled.connect(loop.quit)
    loop.exec()
    dialog.reset()
    if dialog.wasCanceled() and "result" not in outcome:
        task.cancel()
        return None
    if "error" in outcome:
        raise UserError(outcome["error"])
    return outcome.get("result")


def _read_sheet(store, f, with_suggestions: bool = False, series: bool = False, progress=None,
                cancel=None) -> SheetData:
    # A read operation: its own connection on the worker, the window keeps using its own.
    return sheet_data(store, f, with_suggestions=with_suggestions, series=series)


def load_sheet(parent: QWidget | None, store, f, with_suggestions: bool = False,
               series: bool = False) -> SheetData | None:
    """The SheetData for f (None if the user cancelled); big selections read off the GUI thread.
    Only confirmed statuses unless with_suggestions (then marked 待确认); series: with the
    指标历年 page."""
    path = getattr(store, "path", None)
    if path is None or store.count(f) <= BACKGROUND_ROWS:
        return sheet_data(store, f, with_suggestions=with_suggestions, series=series)
    return _in_background(parent, read_op(store, _read_sheet, f, with_suggestions, series))


def suggestions_box(parent: QWidget | None = None) -> QCheckBox:
    """The explicit option that puts unconfirmed suggestions on the sheet (off by default:
    the printed sheet is an official document)."""
    box = QCheckBox(_tr("加入未确认的系统建议（标“待确认”）"), parent)
    box.setObjectName("with_suggestions")
    box.setToolTip(_tr("对照表默认只列经人确认的状态；勾选后，未确认的核实建议也印上，并标“待确认”"))
    return box


def render_pdf(parent: QWidget | None, data: SheetData, landscape: bool) -> bytes | None:
    """The sheet's PDF bytes (None if the user cancelled a long rendering)."""
    if data.total <= BACKGROUND_ROWS:
        return pdf_bytes(data, landscape=landscape)
    return _in_background(parent, pdf_bytes, data, landscape)


def open_pdf(content: bytes) -> QPdfDocument:
    """A QPdfDocument over content (the buffer is kept alive on the document)."""
    doc = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(content))
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    doc.load(buffer)
    doc._buffer = buffer   # QPdfDocument reads from it lazily
    if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() < 1:
        raise UserError(_tr("对照表 PDF 无法读取（%1）").replace("%1", str(doc.error())))
    return doc


def _preview_dpi(pages: int) -> int:
    """Preview resolution: sharp for short sheets, lower for long ones.

    The preview keeps every page as an uncompressed image (A4 at 150 dpi: 8.7 MB), so
    a 40-page sheet would hold 350 MB; this keeps the whole preview near 160 MB.
    """
    return min(PREVIEW_DPI, max(72, int(PREVIEW_DPI * math.sqrt(18 / max(1, pages)))))


def paint_pdf(printer: QPrinter, doc: QPdfDocument, dpi: int | None = None) -> int:
    """Draw every page of doc onto printer, one sheet of paper each; returns pages drawn."""
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(_tr("打印机无法开始打印"))
    try:
        if dpi is None:
            # The preview records pages as pictures held in memory: screen resolution will do.
            preview = painter.paintEngine().type() == QPaintEngine.Type.Picture
            dpi = _preview_dpi(doc.pageCount()) if preview else PRINT_DPI
        dpi = min(dpi, printer.resolution())
        for page in range(doc.pageCount()):
            if page:
                printer.newPage()
            size_pt = doc.pagePointSize(page)
            image = doc.render(page, (size_pt * dpi / 72.0).toSize())
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            # Keep the page's proportions; centre it if the paper differs from A4.
            scale = min(target.width() / image.width(), target.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            painter.drawImage(QRectF(target.x() + (target.width() - w) / 2,
                                     target.y() + (target.height() - h) / 2, w, h), image)
    finally:
        painter.end()
    return doc.pageCount()


def _printer(landscape: bool, mode=QPrinter.PrinterMode.HighResolution) -> QPrinter:
    printer = QPrinter(mode)
    printer.setFullPage(True)   # the PDF carries its own margins
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                               else QPageLayout.Orientation.Portrait)
    return printer


class _Sheet:
    """The sheet's data and its PDF per orientation, made on demand."""

    def __init__(self, parent: QWidget | None, data: SheetData):
        self.parent, self.data = parent, data
        self.docs: dict[bool, QPdfDocument] = {}

    def document(self, landscape: bool) -> QPdfDocument | None:
        if landscape not in self.docs:
            content = render_pdf(self.parent, self.data, landscape)
            if content is None:
                return None
            self.docs[landscape] = open_pdf(content)
        return self.docs[landscape]

    def paint(self, printer: QPrinter, dpi: int | None = None) -> None:
        # The preview's orientation buttons re-lay the sheet out, not just rotate it.
        landscape = printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
        doc = self.document(landscape)
        if doc is not None:
            paint_pdf(printer, doc, dpi)


def preview_dialog(parent: QWidget | None, store, f, landscape: bool = False
                   ) -> QPrintPreviewDialog | None:
    """A print preview of the sheet for f, not yet shown (None if the user cancelled)."""
    data = load_sheet(parent, store, f)
    if data is None:
        return None
    sheet = _Sheet(parent, data)
    if sheet.document(landscape) is None:
        return None
    printer = _printer(landscape)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(_tr("打印预览 — %1").replace("%1", sheet.data.title))
    dialog._sheet, dialog._printer = sheet, printer   # keep both alive with the dialog
    # Its own strip under the pages: at the end of the toolbar it hid behind "»" at the
    # dialog's default width.
    box = suggestions_box(dialog)
    strip = QWidget(dialog)
    row = QHBoxLayout(strip)
    row.setContentsMargins(8, 2, 8, 2)
    row.addWidget(box)
    hint = QLabel(_tr("对照表默认只列经人确认的状态"))
    hint.setStyleSheet("color: palette(placeholder-text);")
    row.addWidget(hint)
    row.addStretch(1)
    dialog.layout().addWidget(strip)

    def with_suggestions(on: bool) -> None:
        try:
            new = load_sheet(dialog, store, f, on)
        except UserError as exc:
            _warn(dialog, str(exc))
            new = None
        if new is None:      # cancelled: the box says what the preview shows
            box.blockSignals(True)
            box.setChecked(not on)
            box.blockSignals(False)
            return
        sheet.data, sheet.docs = new, {}
        dialog.findChild(QPrintPreviewWidget).updatePreview()

    box.toggled.connect(with_suggestions)

    def paint(p: QPrinter) -> None:
        try:
            sheet.paint(p)
        except UserError as exc:
            _warn(dialog, str(exc))

    dialog.paintRequested.connect(paint)
    fit_screen(dialog, 900, 1000)
    return dialog


def print_preview(parent: QWidget | None, store, f, landscape: bool = False) -> None:
    """Show the print preview of the sheet for f; printing from it prints that sheet."""
    try:
        dialog = preview_dialog(parent, store, f, landscape)
    except UserError as exc:
        _warn(parent, str(exc))
        return
    if dialog is not None:
        dialog.exec()


def print_dialog(parent: QWidget | None, landscape: bool = False) -> QPrintDialog:
    """The print dialog with a 对照表 tab holding the with-suggestions option
    (dialog.with_suggestions) and its printer (dialog._printer)."""
    printer = _printer(landscape)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_tr("打印对照表"))
    options = QWidget()
    options.setWindowTitle(_tr("对照表"))
    layout = QVBoxLayout(options)
    dialog.with_suggestions = suggestions_box(options)
    layout.addWidget(dialog.with_suggestions)
    layout.addStretch(1)
    dialog.setOptionTabs([options])
    dialog._printer, dialog._options = printer, options     # alive with the dialog
    return dialog


def print_sheet(parent: QWidget | None, store, f, landscape: bool = False) -> bool:
    """Ask for a printer (and whether to add suggestions) and print the sheet for f;
    True if it was sent."""
    try:
        dialog = print_dialog(parent, landscape)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        printer = dialog._printer
        data = load_sheet(parent, store, f, dialog.with_suggestions.isChecked())
        if data is None:
            return False
        sheet = _Sheet(parent, data)
        doc = sheet.document(
            printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape)
        if doc is None:
            return False
        paint_pdf(printer, doc, PRINT_DPI)
        return True
    except UserError as exc:
        _warn(parent, str(exc))
        return False


def default_export_path(data: SheetData, fmt: str) -> Path:
    """Last export folder (or home) / the sheet's title + suffix."""
    folder = QSettings().value(FOLDER_KEY, str(Path.home()), type=str)
    name = "".join(ch for ch in data.title if ch not in '\\/:*?"<>|') or "对照表"
    return Path(folder) / f"{name}.{fmt}"


def write_export(parent: QWidget | None, data: SheetData, path: Path,
                 landscape: bool = False) -> Path | None:
    """Write data to path (PDF of a big sheet made on the worker); None if cancelled."""
    if path.suffix.lower() != ".pdf" or data.total <= BACKGROUND_ROWS:
        return write_data(data, path, landscape=landscape)
    if not path.parent.is_dir():
        raise UserError(f"{path}: 目录不存在 {path.parent}")
    refuse_store_target(path)
    # Made in memory and written here, so a cancelled export leaves no file behind.
    content = _in_background(parent, pdf_bytes, data, landscape)
    if content is None:
        return None
    return write_whole(path, content)


def export_sheet(parent: QWidget | None, store, f, fmt: str = "pdf",
                 landscape: bool = False, series: bool = False,
                 with_suggestions: bool = False) -> Path | None:
    """Ask where to save, then export the sheet for f as fmt (series: with the 指标历年 page;
    with_suggestions: unconfirmed suggestions marked 待确认, as in print preview)."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        _warn(parent, _tr("不支持的格式：%1").replace("%1", fmt))
        return None
    try:
        data = load_sheet(parent, store, f, with_suggestions, series=series)
        if data is None:
            return None
        start = default_export_path(data, fmt)
        chosen, _ = QFileDialog.getSaveFileName(parent, _tr("导出对照表"), str(start),
                                                FORMATS[fmt])
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        out = write_export(parent, data, path, landscape)
    except UserError as exc:
        _warn(parent, str(exc))
        return None
    if out is not None:
        QSettings().setValue(FOLDER_KEY, str(out.parent))
    return out
