"""指标历年: one government's targets and outcomes for one indicator, year by year.

A chart (QtCharts: the target line, the outcome points coloured 已完成 / 未完成 / 未核实)
above a table with each point's source sentence. The numbers come from
tracker.history.series (the user's marks win over suggestions); the view prints
itself (chart and table) through a QPrinter, so paper shows what the screen shows.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from tracker.errors import UserError
from tracker.history.series import (VERDICT_WORDS, Series, indicator_title, indicators,
                                    region_title, series)
from tracker.store.backup import refuse_store_target
from tracker.whole_file import replacing
from ui.compact import fit_screen, gui_words, plain_tip, warn_plain
from ui.series_chart import VERDICT_COLOURS, series_chart
from ui.series_print import paint_series

SOURCE_WORDS = {"user": "用户标记", "auto": "核查建议"}
COLUMNS = ("年份", "目标", "实际", "判断", "调整", "来源", "依据原文")


def _num(x: float | None) -> str:
    return "" if x is None else f"{x:g}"


def quote(text: str | None, actual: float | None) -> str:
    """The sentence of text that states actual (a review passage is long), else text."""
    if not text:
        return ""
    sentences = [t for t in re.split(r"(?<=[。；;！!])", text) if t.strip()]
    if actual is not None:
        figure = _num(actual)
        hit = next((t for t in sentences if re.search(rf"(?<![\d.]){re.escape(figure)}(?![\d])", t)), None)
        if hit:
            # Only the clause around the figure when the sentence runs long.
            if len(hit) > 80:
                parts = re.split(r"(?<=[，,])", hit)
                hit = next((t for t in parts if figure in t), hit)
            return hit.strip()
    return text.strip()


class SeriesView(QWidget):
    """Region and indicator pickers, the chart and the table; open_requested(cid) on double-click."""

    open_requested = Signal(int)

    def __init__(self, store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.current: Series | None = None
        layout = QVBoxLayout(self)
        pickers = QHBoxLayout()
        self.region = QComboBox()
        self.indicator = QComboBox()
        self.indicator.setMinimumContentsLength(12)
        pickers.addWidget(QLabel(self.tr("地区：")))
        pickers.addWidget(self.region)
        pickers.addWidget(QLabel(self.tr("指标：")))
        pickers.addWidget(self.indicator, 1)
        layout.addLayout(pickers)
        # Why the window shows another indicator than the row's (a multi-year goal's).
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a4b00;")
        self.note.hide()
        layout.addWidget(self.note)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Vertical)
        self.chart_view = QChartView(QChart())
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)
        split.addWidget(self.chart_view)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for col in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(self._open_row)
        split.addWidget(self.table)
        split.setSizes([340, 240])
        layout.addWidget(split, 1)
        self.region.currentIndexChanged.connect(self._region_changed)
        self.indicator.currentIndexChanged.connect(self._indicator_changed)
        self._fill_regions()

    # -- choosing -------------------------------------------------------------------------
    def _fill_regions(self) -> None:
        self.region.blockSignals(True)
        self.region.clear()
        for name in self.store.facets().get("regions") or []:
            self.region.addItem(region_title(name), name)
        self.region.blockSignals(False)
        self._region_changed()

    def show_note(self, text: str) -> None:
        """A line above the series saying why it is shown ("" hides it)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _region_changed(self, *_args) -> None:
        self.show_note("")
        region = self.region.currentData()
        self.indicator.blockSignals(True)
        self.indicator.clear()
        if region:
            for name, years in indicators(self.store, region):
                self.indicator.addItem(self.tr("%1（%2年）").replace("%1", indicator_title(region, name))
                                       .replace("%2", str(years)), name)
        self.indicator.blockSignals(False)
        self._indicator_changed()

    def _indicator_changed(self, *_args) -> None:
        self.show_note("")
        self.show_series(self.region.currentData(), self.indicator.currentData())

    def refresh(self) -> None:
        """Read regions and indicators again (after an import), keeping the choice when it is still there."""
        region, indicator = self.region.currentData(), self.indicator.currentData()
        self._fill_regions()
        if region and indicator:
            self.choose(region, indicator)

    def choose_region(self, region: str) -> None:
        """Show region's first indicator (the one most years target)."""
        i = self.region.findData(region)
        if i >= 0 and i != self.region.currentIndex():
            self.region.setCurrentIndex(i)

    def choose(self, region: str, indicator: str) -> None:
        """Show region's series of indicator (any alias), selecting both in the pickers."""
        i = self.region.findData(region)
        if i >= 0 and i != self.region.currentIndex():
            self.region.setCurrentIndex(i)
        try:
            wanted = series(self.store, region, indicator).indicator
        except UserError as exc:
            # No picker may show an indicator the chart is not about.
            self.indicator.blockSignals(True)
            self.indicator.setCurrentIndex(-1)
            self.indicator.blockSignals(False)
            self._clear(str(exc))
            return
        j = self.indicator.findData(wanted)
        if j >= 0 and j != self.indicator.currentIndex():
            self.indicator.setCurrentIndex(j)
        else:
            self.show_series(region, wanted)

    # -- showing --------------------------------------------------------------------------
    def show_series(self, region: str | None, indicator: str | None) -> None:
        """Chart and table of one series (an empty view with a message when there is none)."""
        if not region or not indicator:
            self._clear(self.tr("台账里没有带目标的报告。导入同一地区几年的政府工作报告后，这里显示各指标的历年目标和完成情况。"))
            return
        try:
            self.current = series(self.store, region, indicator)
        except UserError as exc:
            self._clear(str(exc))
            return
        s = self.current
        counts = [(VERDICT_WORDS[b], sum(p.bucket == b for p in s.points)) for b in VERDICT_WORDS]
        self.message.setText(self.tr("%1：%2 年有目标，").replace("%1", s.title).replace("%2", str(len(s.points)))
                             + "，".join(f"{word} {n} 年" for word, n in counts if n) + "。")
        self._fill_table(s)
        self.chart_view.setChart(series_chart(s))

    def _clear(self, message: str) -> None:
        self.current = None
        self.message.setText(gui_words(message))
        self.table.setRowCount(0)
        self.chart_view.setChart(QChart())

    def _fill_table(self, s: Series) -> None:
        self.table.setRowCount(len(s.points))
        for row, p in enumerate(s.points):
            actual = f"{_num(p.actual_value)}{p.unit or ''}" if p.actual_value is not None else "—"
            said = quote(p.evidence_text, p.actual_value) or p.reason or ""
            cells = (str(p.year), p.target or p.target_text, actual, p.word, p.carry or "",
                     SOURCE_WORDS.get(p.source, ""), f"{p.where}：{said}" if p.where and said else said or p.where)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, p.commitment_id)
                if col == 1:
                    item.setToolTip(plain_tip(p.target_text))
                if col == 3:
                    item.setForeground(QColor(VERDICT_COLOURS[p.bucket]))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if col == 6:
                    item.setToolTip(plain_tip("\n".join(t for t in (p.reason, p.where, p.evidence_text) if t)))
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()

    def _open_row(self, row: int, _col: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.open_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    # -- printing -------------------------------------------------------------------------
    def print_to(self, printer: QPrinter) -> None:
        """Paint the summary, the chart and the table onto printer's page(s)."""
        paint_series(self, printer)


class SeriesDialog(QDialog):
    """The 指标历年 window: a SeriesView with 打印… and 导出PDF… buttons."""

    def __init__(self, store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("指标历年"))
        fit_screen(self, 1000, 720)
        layout = QVBoxLayout(self)
        self.view = SeriesView(store, self)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("打印…"))
        self.pdf_button = QPushButton(self.tr("导出PDF…"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        self.print_button.clicked.connect(self.print_series)
        self.pdf_button.clicked.connect(self.export_pdf)
        layout.addWidget(buttons)

    def print_series(self) -> None:
        """Ask for a printer and print the chart and table."""
        if self.view.current is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.view.print_to(printer)

    def export_pdf(self, path: str | None = None) -> str | None:
        """Write the chart and table to a PDF (asks for the file when path is None)."""
        if self.view.current is None:
            return None
        if not path:
            s = self.view.current
            name = f"{region_title(s.region)}_{indicator_title(s.region, s.indicator)}_历年.pdf"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出PDF"), name,
                                                  "PDF (*.pdf)")
            if not path:
                return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        try:
            refuse_store_target(Path(path))
            # Printed beside the target and renamed when whole; Qt does not report a full
            # disk, so a PDF without its end marker counts as not written.
            with replacing(path) as tmp:
                printer.setOutputFileName(str(tmp))
                self.view.print_to(printer)
                if not printer.isValid() or not tmp.read_bytes().rstrip().endswith(b"%%EOF"):
                    raise OSError(errno.EIO, "PDF 未写完整，磁盘是否已满？")
        except UserError as exc:
            warn_plain(self, self.tr("指标历年"), str(exc))
            return None
        return path
