"""The main window's side of 指标历年 and the carry-over links: opening the series window
(from the menu or a target's detail pane) and jumping to a linked commitment."""

from __future__ import annotations

from tracker.errors import UserError
from tracker.history.carried import indicator_name
from tracker.history.series import in_series
from ui.series_view import SeriesDialog


def _period_words(period: str | None) -> str:
    """"five-year" -> "五年", "3-year" -> "3年": how long a multi-year goal runs."""
    if period == "five-year":
        return "五年"
    head = (period or "").split("-")[0]
    return f"{head}年" if head.isdigit() else "多年"


class SeriesMixin:
    """For MainWindow: show_series(region, indicator) and open_commitment(cid)."""

    series_dialog: SeriesDialog | None = None

    def connect_series(self) -> None:
        """Wire the detail pane's 跨年 row to the window."""
        self.detail.carry.series_requested.connect(self.show_series)
        self.detail.carry.open_requested.connect(self.open_commitment)

    def show_series(self, region: str | None = None, indicator: str | None = None) -> SeriesDialog | None:
        """Open (or raise) the 指标历年 window on region's indicator; without them, on the
        selected row's (its region's first indicator when the row is not a target)."""
        if self.store is None:
            self.show_error(self.tr("请先打开或导入台账。"))
            return None
        note = ""
        if region is None:
            region, indicator, note = self._row_indicator()
        dialog = self.series_dialog
        if dialog is None or dialog.view.store is not self.store:
            if dialog is not None:
                dialog.close()
            dialog = self.series_dialog = SeriesDialog(self.store, self)
            dialog.view.open_requested.connect(self.open_commitment)
        else:
            dialog.view.refresh()     # reports imported since it was opened
        if region and indicator:
            dialog.view.choose(region, indicator)
        elif region:
            dialog.view.choose_region(region)
        dialog.view.show_note(note)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _row_indicator(self) -> tuple[str | None, str | None, str]:
        """(region, indicator, note) of the table's current row: a year's target gives its
        indicator; a multi-year goal none, and a note why (it has no year-by-year series)."""
        cid = self.current_id()
        if cid is None:
            return None, None, ""
        try:
            row = self.store.commitment(cid)
        except UserError:
            return None, None, ""
        report = row.get("report") if isinstance(row.get("report"), dict) else {}
        region = report.get("region") or row.get("region")
        if in_series(row):
            return region, indicator_name(row), ""
        if row.get("kind") != "target":
            return region, None, ""
        text = row.get("text") or ""
        return region, None, self.tr("所选的“%1”是%2目标，到期末才考核，没有逐年的目标和完成情况。"
                                     "这里是%3各年度目标的指标。").replace(
            "%1", text if len(text) <= 24 else text[:24] + "…").replace(
            "%2", _period_words(row.get("period"))).replace("%3", region or "")

    def open_commitment(self, cid: int) -> None:
        """Select commitment cid in the table, clearing the filters when they hide it."""
        if self.select_id(cid):
            return
        self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.filter_bar.reset()
        if not self.select_id(cid):
            self.detail.show_commitment(cid)
