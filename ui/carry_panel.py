"""The detail pane's 跨年 row: how the shown commitment continues in the next or previous
year's plan (延续, 上调, 下调, 不再提及, each a link to the other year's commitment), and the
指标历年 button for a target.
"""

from __future__ import annotations

from typing import Any, Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tracker.errors import UserError
from tracker.history.carried import indicator_name
from tracker.history.series import in_series
from tracker.store.links import label

SNIPPET_CHARS = 24


class CarryPanel(QWidget):
    """Carry-over links of one commitment; open_requested(cid), series_requested(region, indicator)."""

    open_requested = Signal(int)
    series_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        self.links = QLabel()
        self.links.setWordWrap(True)
        self.links.setOpenExternalLinks(False)
        self.links.linkActivated.connect(lambda href: self.open_requested.emit(int(href.split(":")[1])))
        outer.addWidget(self.links)
        row = QHBoxLayout()
        self.series_button = QPushButton(self.tr("指标历年…"))
        self.series_button.setToolTip(self.tr("这个指标各年的目标和完成情况（图表，可打印）"))
        self.series_button.clicked.connect(self._ask_series)
        row.addWidget(self.series_button)
        row.addStretch(1)
        outer.addLayout(row)
        self._region: str | None = None
        self._indicator: str | None = None

    def set_commitment(self, store, row: Mapping[str, Any]) -> None:
        """Show the links of the commitment row (a store.commitment dict)."""
        try:
            links = store.carry_links(row["id"]) if store is not None and row.get("id") else []
        except UserError:
            links = []
        parts = []
        for link in links:
            words = label(link["flag"], link["other_year"] if link["side"] == "previous"
                          else link["other_year"] - 1, link["side"])
            if link["other_id"] is None:
                parts.append(words)
                continue
            text = link["other_text"] or ""
            snippet = text[:SNIPPET_CHARS] + ("…" if len(text) > SNIPPET_CHARS else "")
            parts.append(f'{words}：<a href="commitment:{link["other_id"]}">{_escape(snippet)}</a>')
        self.links.setText(self.tr("跨年：") + "；".join(parts) if parts else "")
        self.links.setVisible(bool(parts))
        report = row.get("report") if isinstance(row.get("report"), Mapping) else {}
        self._region = report.get("region") or row.get("region")
        # Only a year's target has a series; a five-year goal's button would open another one.
        self._indicator = indicator_name(dict(row)) if in_series(dict(row)) else None
        self.series_button.setVisible(bool(self._region and self._indicator))
        self.setVisible(bool(parts) or not self.series_button.isHidden())   # isVisible() is False while self is hidden

    def _ask_series(self) -> None:
        if self._region and self._indicator:
            self.series_requested.emit(self._region, self._indicator)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
