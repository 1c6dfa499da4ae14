"""Print preview, printing and export from the app (offscreen, pytest-qt)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from sheet_support import store, store_file  # noqa: F401 (fixtures)
from tracker.sheet import SheetData, SheetGroup, SheetRow
from tracker.sheet.build import sheet_data
from tracker.sheet.pdf import pdf_bytes
from tracker.store import Filter
from tracker.importer import import_files

pytest.importorskip("PySide6.QtPdf")

from PySide6.QtGui import QPageLayout  # noqa: E402
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QMessageBox  # noqa: E402

from ui import printing  # noqa: E402


def _pages(content: bytes, tmp_path: Path) -> int:
    path = tmp_path / "ref.pdf"
    path.write_bytes(content)
    return len(PdfReader(path).pages)


def test_preview_renders_every_page_of_the_sheet(qtbot, store, tmp_path):
    expected = _pages(pdf_bytes(sheet_data(store, Filter())), tmp_path)
    dialog = printing.preview_dialog(None, store, Filter())
    qtbot.addWidget(dialog)
    dialog.show()
    widget = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() == expected, timeout=10000)
    assert expected >= 2


def test_preview_in_landscape_lays_the_sheet_out_again(qtbot, store, tmp_path):
    expected = _pages(pdf_bytes(sheet_data(store, Filter()), landscape=True), tmp_path)
    dialog = printing.preview_dialog(None, store, Filter(), landscape=True)
    qtbot.addWidget(dialog)
    dialog.show()
    widget = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() == expected, timeout=10000)
    assert widget.orientation() == QPageLayout.Orientation.Landscape


def test_preview_orientation_switch_relays_the_sheet(qtbot, store, tmp_path):
    data = sheet_data(store, Filter())
    portrait = _pages(pdf_bytes(data), tmp_path)
    landscape = _pages(pdf_bytes(data, landscape=True), tmp_path)
    assert portrait != landscape
    dialog = printing.preview_dialog(None, store, Filter())
    qtbot.addWidget(dialog)
    dialog.show()
    widget = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() == portrait, timeout=10000)
    widget.setLandscapeOrientation()
    qtbot.waitUntil(lambda: widget.pageCount() == landscape, timeout=10000)


def test_printing_puts_each_page_on_paper(qtbot, store, tmp_path):
    from PySide6.QtPdf import QPdfDocument

    content = pdf_bytes(sheet_data(store, Filter(kind="target")))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setFullPage(True)
    doc = printing.open_pdf(content)
    assert printing.paint_pdf(printer, doc, dpi=100) == doc.pageCount()
    printed = PdfReader(out)
    assert len(printed.pages) == doc.pageCount()
    # The paper is not blank: the rendered page has dark (text) pixels near the top.
    check = QPdfDocument()
    check.load(str(out))
    image = check.render(0, check.pagePointSize(0).toSize())
    dark = sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height() // 4, 3)
               if image.pixelColor(x, y).alpha() > 0 and image.pixelColor(x, y).lightness() < 100)
    assert dark > 50


def test_export_writes_the_chosen_format(qtbot, store, tmp_path, monkeypatch):
    chosen = tmp_path / "导出"          # no suffix typed: the format's is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(chosen), "")))
    for fmt in ("pdf", "xlsx", "csv", "html"):
        out = printing.export_sheet(None, store, Filter(), fmt)
        assert out == chosen.with_name(f"导出.{fmt}") and out.stat().st_size > 0
    assert len(PdfReader(chosen.with_name("导出.pdf")).pages) >= 2


def test_export_cancelled_writes_nothing(qtbot, store, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert printing.export_sheet(None, store, Filter(), "pdf") is None


def test_export_error_is_shown_as_one_line(qtbot, store, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "none" / "s.pdf"), "")))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: shown.append(a[2])))
    assert printing.export_sheet(None, store, Filter(), "pdf") is None
    assert len(shown) == 1 and "目录不存在" in shown[0] and "\n" not in shown[0]


def test_big_sheet_is_rendered_off_the_gui_thread(qtbot, tmp_path):
    rows = tuple(SheetRow(i, str(i), "project", "", f"第{i}项：新建道路{i}公里，年底前完工", "",
                          "", "unknown", "", "12月底")
                 for i in range(1, printing.BACKGROUND_ROWS + 50))
    data = SheetData("大表", "", date.today(), "t.db", (SheetGroup("project", "", rows),),
                     by_status={"unknown": len(rows)}, by_kind={"project": len(rows)})
    ticks = []
    from PySide6.QtCore import QTimer
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    content = printing.render_pdf(None, data, landscape=False)
    timer.stop()
    assert content.startswith(b"%PDF")
    # The event loop kept running while the PDF was made.
    assert len(ticks) >= 3


def test_big_export_writes_the_pdf(qtbot, tmp_path):
    rows = tuple(SheetRow(i, str(i), "livelihood", "", f"第{i}件实事：改造老旧小区{i}个", "", "",
                          "done", "", "") for i in range(1, printing.BACKGROUND_ROWS + 20))
    data = SheetData("大表", "", date.today(), "t.db", (SheetGroup("livelihood", "", rows),),
                     by_status={"done": len(rows)}, by_kind={"livelihood": len(rows)})
    out = printing.write_export(None, data, tmp_path / "big.pdf")
    assert out == tmp_path / "big.pdf"
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert f"第{len(rows)}件实事：改造老旧小区{len(rows)}个" in text


def test_big_selection_is_read_and_exported_off_the_gui_thread(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer

    from sheet_support import SEED_001
    from tracker.store import Store

    with Store.open(tmp_path / "all.db") as store:
        import_files(store, sorted(SEED_001.parent.glob("*.txt")))
        total = store.count(Filter())
        assert total > printing.BACKGROUND_ROWS
        chosen = tmp_path / "all.csv"
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            staticmethod(lambda *a, **k: (str(chosen), "")))
        ticks = []
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start(10)
        out = printing.export_sheet(None, store, Filter(), "csv")
        timer.stop()
    assert out == chosen
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) >= total + 1
    assert ticks     # the event loop ran while the store was read
