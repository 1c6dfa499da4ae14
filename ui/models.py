"""The commitments table model: ordered ids from one store query, rows fetched lazily in blocks.

Sorting and filtering happen in SQL (store.query); the model never sorts in Python and
no QSortFilterProxyModel sits on top (far too slow at 100,000 rows). Rows are exposed
in batches through canFetchMore/fetchMore and their fields are read with store.rows()
a block at a time, when a view first asks for them, then cached.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from tracker.display import commitment_label
from tracker.store import Filter
from ui.glossary import text_tooltip
from ui.status_style import (kind_label, status_background, status_foreground,
                             status_label)

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole          # the commitment id of a row
BATCH = 2000     # rows added to the view per fetchMore
BLOCK = 200      # rows read from the store per store.rows() call
CACHE_LIMIT = 20000
# Document order (report, then line): the rows before any header sort, and every tie.
DEFAULT_ORDER = "position"

# (key, header, store.query order) per column, in display order.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("kind", "类型", "kind"),
    ("text", "承诺内容", "text"),
    ("target", "目标值", "value"),
    ("deadline", "时限", "deadline"),
    ("status", "状态", "status"),
    ("units", "责任单位", "lead_unit"),
    ("flags", "提示", "overdue"),
    ("evidence", "证据", "evidence_count"),
    ("indicator", "指标", "indicator"),
    ("report", "地区·年度", "region"),
)
COLUMN = {key: i for i, (key, _h, _o) in enumerate(COLUMNS)}

_FLAG_BRUSH = QBrush(QColor("#c62828"))
_STALE_BRUSH = QBrush(QColor("#9e9e9e"))
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_ROLES = frozenset((_DISPLAY, _TOOLTIP, _ALIGN, _FOREGROUND, _BACKGROUND, ID_ROLE))
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_ALIGNMENT = {"evidence": int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
              "kind": _CENTRE, "status": _CENTRE, "flags": _CENTRE, "deadline": _CENTRE}


def flag_labels(row: dict) -> list[str]:
    """Short warnings for a row: 逾期 (deadline passed), 滞后 (behind 序时进度), 失效 (stale),
    待核 (suggested evidence waiting for 采纳 / 驳回)."""
    flags = []
    if row.get("pending"):
        flags.append("待核")
    if row.get("overdue"):
        flags.append("逾期")
    if row.get("behind"):
        flags.append("滞后")
    if row.get("stale"):
        flags.append("失效")
    if row.get("dropped"):
        flags.append("不是承诺")
    return flags


class CommitmentTableModel(QAbstractTableModel):
    """Rows of commitments for one Filter and sort order, loaded lazily from the store."""

    def __init__(self, store=None, parent=None) -> None:
        super().__init__(parent)
        self._store = store
        self._filter = Filter()
        self._order = DEFAULT_ORDER
        self._descending = False
        self._ids: list[int] = []
        self._shown = 0
        self._cache: dict[int, dict | None] = {}
        self._row_of: dict[int, int] | None = None
        self._glossaries: dict[int, dict[str, str]] = {}
        self._fetching = False

    # -- queries -------------------------------------------------------------------
    def set_store(self, store) -> None:
        """Show commitments of another store (None: empty) with the current filter."""
        self._store = store
        self._glossaries.clear()
        self.reload()

    def store(self):
        """The store the rows come from (None: empty)."""
        return self._store

    def set_filter(self, f: Filter) -> None:
        """Run the store query for f and show its rows from the top."""
        self._filter = f
        self.reload()

    def filter(self) -> Filter:
        """The filter the rows were queried with."""
        return self._filter

    def order(self) -> tuple[str, bool]:
        """(store order key, descending) of the rows."""
        return self._order, self._descending

    def reload(self) -> None:
        """Query the ids again (after an import or a change of filter)."""
        ids = []
        if self._store is not None:
            ids = self._store.query(self._filter, order=self._order,
                                    descending=self._descending)
        self.beginResetModel()
        self._ids = list(ids)
        self._shown = min(len(self._ids), BATCH)
        self._cache.clear()
        self._row_of = None
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL by the column's store key (the view calls this on a header click).

        Column -1 (no sort indicator) means document order.
        """
        if column >= len(COLUMNS):
            return
        if column < 0:
            self._order, self._descending = DEFAULT_ORDER, False
        else:
            self._order = COLUMNS[column][2]
            self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def total(self) -> int:
        """Number of commitments matching the filter (also those not yet fetched)."""
        return len(self._ids)

    def ids(self) -> list[int]:
        """Every matching id in display order."""
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        """The commitment id shown in row, or None."""
        return self._ids[row] if 0 <= row < self._shown else None

    def row_of(self, cid: int) -> int:
        """The row showing commitment cid, -1 if it is not among the rows."""
        if self._row_of is None:
            self._row_of = {cid: i for i, cid in enumerate(self._ids)}
        return self._row_of.get(cid, -1)

    def ensure_shown(self, row: int) -> None:
        """Fetch batches until row is part of the model (for selecting a far id)."""
        while row >= self._shown and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def refresh(self, ids: Iterable[int]) -> None:
        """Re-read these commitments (after a mark or correction) and repaint their rows."""
        last = len(COLUMNS) - 1
        for cid in ids:
            self._cache.pop(cid, None)
            row = self.row_of(cid)
            if 0 <= row < self._shown:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    # -- lazy rows -----------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()
                     ) -> bool:  # noqa: N802
        return not parent.isValid() and not self._fetching and self._shown < len(self._ids)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()
                  ) -> None:  # noqa: N802
        if parent.isValid() or self._fetching:
            return
        n = min(BATCH, len(self._ids) - self._shown)
        if n <= 0:
            return
        # A view may ask for more while the insert is being announced: not twice.
        self._fetching = True
        try:
            self.beginInsertRows(QModelIndex(), self._shown, self._shown + n - 1)
            self._shown += n
            self.endInsertRows()
        finally:
            self._fetching = False

    def row_data(self, row: int) -> dict | None:
        """The store row shown in row (fetched with its block on first use), None if gone."""
        cid = self._ids[row]
        if cid not in self._cache:
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            first = row - row % BLOCK
            block = [i for i in self._ids[first:first + BLOCK] if i not in self._cache]
            fetched = self._store.rows(block) if self._store is not None else {}
            for i in block:
                self._cache[i] = fetched.get(i)
        return self._cache.get(cid)

    def glossary(self, report_id: int | None) -> dict[str, str]:
        """名词解释 terms of a report, read once per report."""
        if report_id is None or self._store is None:
            return {}
        if report_id not in self._glossaries:
            try:
                self._glossaries[report_id] = self._store.glossary(report_id) or {}
            except Exception:  # a report without a glossary must not break a tooltip
                log.exception("glossary of report %s", report_id)
                self._glossaries[report_id] = {}
        return self._glossaries[report_id]

    # -- Qt model interface --------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()
                 ) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()
                    ) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section][1])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("点击按此列排序")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        try:
            broken = self.row_data(index.row()) is None
        except Exception:
            broken = True
        if broken:   # a row that vanished or failed to load shows disabled
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        # A repaint asks ~10 roles per cell; the unanswered ones return before any work.
        if role not in _ROLES or not index.isValid():
            return None
        r = index.row()
        if not 0 <= r < self._shown:
            return None
        try:
            if role == ID_ROLE:
                return self._ids[r]
            row = self.row_data(r)
            if row is None:
                return self.tr("（无法读取）") if role == _DISPLAY \
                    and index.column() == COLUMN["text"] else None
            key = COLUMNS[index.column()][0]
            if role == _DISPLAY:
                cells = row.get("_cells")
                if cells is None:    # formatted once per fetched row
                    cells = row["_cells"] = [self._display(row, k) for k, _h, _o in COLUMNS]
                return cells[index.column()]
            return self._data(row, key, role)
        except Exception:   # never raise into Qt: log and show the cell empty
            log.exception("row %s column %s role %s", r, index.column(), role)
            return None

    def _data(self, row: dict, key: str, role: int):
        if role == _TOOLTIP:
            return self._tooltip(row, key)
        if role == _ALIGN:
            return _ALIGNMENT.get(key, _LEFT)
        if role == _FOREGROUND:
            if key == "status":
                return QBrush(status_foreground(row.get("status")))
            if key == "flags" and flag_labels(row):
                return _FLAG_BRUSH
            if row.get("stale"):
                return _STALE_BRUSH
            return None
        if role == _BACKGROUND and key == "status":
            return QBrush(status_background(row.get("status")))
        return None

    def _display(self, row: dict, key: str) -> str:
        if key == "kind":
            return kind_label(row.get("kind"))
        if key == "text":
            return " ".join(commitment_label(row).split())
        if key == "indicator":
            return row.get("indicator") or ""
        if key == "target":
            return row.get("target") or ""
        if key == "deadline":
            return row.get("deadline") or ""
        if key == "status":
            return status_label(row.get("status"))
        if key == "flags":
            return " ".join(self.tr(f) for f in flag_labels(row))
        if key == "evidence":
            count = row.get("evidence_count") or 0
            return str(count) if count else ""
        if key == "units":
            return row.get("lead_unit") or ""
        if key == "report":
            year = row.get("plan_year")
            return " ".join(str(v) for v in (row.get("region"), year) if v)
        return ""

    def _tooltip(self, row: dict, key: str) -> str | None:
        if key == "text":
            return text_tooltip(str(row.get("text") or ""), self.glossary(row.get("report_id")))
        if key in ("indicator", "target") and self._display(row, key):
            return text_tooltip(self._display(row, key))
        if key == "status" and row.get("claim"):
            return self.tr("核验建议：%1").replace("%1", status_label(row["claim"]))
        if key == "report" and row.get("title"):
            return text_tooltip(str(row["title"]))
        if key == "units" and (row.get("lead_unit") or row.get("partner_units")):
            partners = "、".join(row.get("partner_units") or [])
            return text_tooltip(self.tr("牵头：%1").replace("%1", row.get("lead_unit") or "—")
                                + (self.tr("；配合：%1").replace("%1", partners) if partners else ""))
        if key == "flags" and flag_labels(row):
            return self.tr("待核：有待处理的核验建议（F8 跳到下一条）；逾期：时限已过仍未完成；"
                           "滞后：进度低于序时进度；失效：重新提取后已找不到")
        return None
