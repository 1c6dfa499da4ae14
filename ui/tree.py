"""The browse tree on the left: 全部 ▸ region ▸ plan year ▸ report, with commitment counts.

store.tree() returns one row per report (a few hundred at most), so a QTreeWidget is
enough here; the big table is the one that must stay lazy. Picking a node narrows the
table and the dashboard to that region, year or report.

Its context menu acts on a report (设定地区、年份…, 查找核验证据（选择核验文件）…, 移除报告 /
恢复报告) or a region (合并到另一写法…) through reportAction(action, scope); the window does
the work. A report whose region or year the program guessed says 待确认; removed reports
wait in a folded 已移除的报告 node to be restored.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QPoint, QSettings, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeWidget, QTreeWidgetItem, QWidget
from ui.compact import plain_tip

SCOPE_ROLE = Qt.ItemDataRole.UserRole   # dict of Filter fields a node stands for
REMOVED_ROLE = Qt.ItemDataRole.UserRole + 1   # a removed report's id (its node selects nothing)
TREE_MIN = 172   # "政府工作报告" three levels down, with its count


class ReportTree(QTreeWidget):
    """Region ▸ year ▸ report; emits scopeChanged(dict of Filter fields) on selection."""

    scopeChanged = Signal(dict)
    # "identity", "review", "remove", "restore" with {"report_id": …}; "merge_region" with {"region": …}
    reportAction = Signal(str, dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("报告"), self.tr("承诺")])
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(False)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, self.header().ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, self.header().ResizeMode.ResizeToContents)
        self.setIndentation(12)
        # A long title keeps both ends: what it is (its start) and its kind, 待确认 (its end).
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setMinimumWidth(TREE_MIN)
        self.currentItemChanged.connect(self._current_changed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_menu)
        self._scope: dict = {}

    def scope(self) -> dict:
        """Filter fields of the selected node ({} for 全部)."""
        return dict(self._scope)

    def scope_year(self) -> int | None:
        """Plan year of the selected node (a year, or a report under a year), else None."""
        item = self.currentItem()
        while item is not None:
            year = (item.data(0, SCOPE_ROLE) or {}).get("year")
            if year is not None:
                return int(year)
            item = item.parent()
        return None

    def set_reports(self, reports: list[dict]) -> None:
        """Rebuild from store.tree() rows, keeping the selected node when it still exists."""
        previous = self._scope
        self.blockSignals(True)
        self.clear()
        removed = [r for r in reports if r.get("dropped")]
        reports = [r for r in reports if not r.get("dropped")]
        total = sum(int(r.get("count") or 0) for r in reports)
        root = self._item(None, self.tr("全部报告"), total, {})
        regions: dict[str, QTreeWidgetItem] = {}
        years: dict[tuple[str, object], QTreeWidgetItem] = {}
        counts: dict[int, int] = {}
        # Reports without a single commitment go to one folded node at the end.
        empty = [r for r in reports if not int(r.get("count") or 0)]
        for r in sorted((r for r in reports if int(r.get("count") or 0)), key=_order):
            region = r.get("region") or ""
            year = r.get("plan_year")
            count = int(r.get("count") or 0)
            if region not in regions:
                regions[region] = self._item(root, region or self.tr("（未识别地区）"), 0,
                                             {"region": region or None})
                if not region:
                    _grouping_only(regions[region])
            if (region, year) not in years:
                label = self.tr("%1年").replace("%1", str(year)) if year else \
                    self.tr("（年份未知）")
                years[(region, year)] = self._item(regions[region], label, 0,
                                                   {"region": region or None, "year": year})
                if not region or not year:
                    _grouping_only(years[(region, year)])
            item = self._item(years[(region, year)], short_title(r.get("title") or "", region, year)
                              + _unsure(r), count, {"report_id": r.get("report_id")})
            item.setToolTip(0, _tip(r.get("title") or "", "", count, r))
            for node in (regions[region], years[(region, year)]):
                counts[id(node)] = counts.get(id(node), 0) + count
                node.setText(1, str(counts[id(node)]))
        if empty:
            # 大事记, 年鉴 chapters, 统计公报: documents with nothing to track, out of the way.
            folder = self._item(None, self.tr("无承诺的文件"), 0, {})
            _grouping_only(folder)
            folder.setText(1, str(len(empty)))
            folder.setToolTip(0, self.tr("没有提取到承诺的报告和文件（大事记、年鉴、统计公报等），"
                                         "选择其中一项可查看或设定年份"))
            for r in sorted(empty, key=_order):
                where = " ".join(str(v) for v in (r.get("region"), r.get("plan_year")
                                                  or r.get("report_year")) if v)
                title = r.get("title") or ""
                item = self._item(folder, (f"{title}（{where}）" if where else title) + _unsure(r), 0,
                                  {"report_id": r.get("report_id")})
                item.setToolTip(0, _tip(title, where, 0, r))
        if removed:
            folder = self._item(None, self.tr("已移除的报告"), 0, {})
            _grouping_only(folder)
            folder.setText(1, str(len(removed)))
            folder.setToolTip(0, self.tr("移除的报告不再出现在列表和统计中；右键可恢复"))
            for r in sorted(removed, key=_order):
                where = " ".join(str(v) for v in (r.get("region"), r.get("plan_year")) if v)
                title = r.get("title") or ""
                item = self._item(folder, f"{title}（{where}）" if where else title, 0, {})
                item.setText(1, "")
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)     # nothing to show in the table
                item.setData(0, REMOVED_ROLE, r.get("report_id"))
                item.setToolTip(0, _tip(title, where, 0))
        root.setExpanded(True)
        # Expanded down to the reports while there are few of them to scan.
        for node in list(regions.values()) + list(years.values()):
            node.setExpanded(len(reports) <= 40 or node.parent() is root)
        for node in list(regions.values()) + list(years.values()):
            node.setToolTip(0, _tip(node.text(0), "", int(node.text(1) or 0)))
        self.blockSignals(False)
        selected = self._find(previous) or root
        self.setCurrentItem(selected)
        self._current_changed(selected, None)

    def menu_for(self, item: QTreeWidgetItem | None) -> QMenu | None:
        """The context menu of a node: report actions, a region's merge, a removed report's restore."""
        if item is None:
            return None
        scope = _clean(item.data(0, SCOPE_ROLE))
        removed = item.data(0, REMOVED_ROLE)
        menu = QMenu(self)

        def add(text: str, action: str, target: dict) -> None:
            menu.addAction(text).triggered.connect(lambda _=False: self.reportAction.emit(action, dict(target)))

        if removed is not None:
            add(self.tr("恢复报告"), "restore", {"report_id": removed})
        elif "report_id" in scope:
            add(self.tr("设定地区、年份、标题…"), "identity", scope)
            add(self.tr("查找核验证据（选择核验文件）…"), "review", scope)
            menu.addSeparator()
            add(self.tr("移除报告…"), "remove", scope)
        elif set(scope) == {"region"}:
            add(self.tr("合并到另一地区写法…"), "merge_region", scope)
        if menu.isEmpty():
            menu.deleteLater()
            return None
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        menu = self.menu_for(self.itemAt(pos))
        if menu is not None:
            menu.exec(self.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def select_scope(self, scope: dict) -> bool:
        """Select the node whose scope equals scope; False if there is none."""
        item = self._find(scope)
        if item is not None:
            self.setCurrentItem(item)
        return item is not None

    def _item(self, parent: QTreeWidgetItem | None, text: str, count: int,
              scope: dict) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text, str(count)])
        item.setData(0, SCOPE_ROLE, scope)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if parent is None:
            self.addTopLevelItem(item)
        else:
            parent.addChild(item)
        return item

    def _find(self, scope: dict) -> QTreeWidgetItem | None:
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop()
            selectable = bool(item.flags() & Qt.ItemFlag.ItemIsSelectable)
            if selectable and _clean(item.data(0, SCOPE_ROLE)) == _clean(scope):
                return item
            stack.extend(item.child(i) for i in range(item.childCount()))
        return None

    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        scope = _clean(current.data(0, SCOPE_ROLE)) if current is not None else {}
        if scope != self._scope:
            self._scope = scope
            self.scopeChanged.emit(dict(scope))

    def save_state(self, settings: QSettings) -> None:
        """Remember the column widths."""
        settings.setValue("tree/header", self.header().saveState())

    def restore_state(self, settings: QSettings) -> None:
        """Restore the column widths saved by save_state."""
        state = settings.value("tree/header")
        if state is not None:
            self.header().restoreState(state)


def _grouping_only(item: QTreeWidgetItem) -> None:
    """A node without a region or year cannot be a Filter (it would mean 全部): groups only."""
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    item.setToolTip(0, QCoreApplication.translate("ReportTree", "选择其下的报告"))


# An issuing body ("市人民政府办公室", "省发展改革委") and 关于 opening a notice's title, with the
# verb that hands the list out.
_ISSUER = re.compile(r"^[\u4e00-\u9fff、]{0,30}?(?:政府|办公室|办公厅|委员会|委|厅|局|部|院|会|中心|领导小组)"
                     r"关于(?:印发|公布|发布|下达|做好)?")


def short_title(title: str, region: str | None, year: int | None) -> str:
    """A report's title without what its tree parents say (its year, its region and the
    city before it): "2025年酒泉市肃州区政府工作报告" under 肃州区 ▸ 2025年 is 政府工作报告."""
    short = title
    if region:
        short = re.sub(rf"[\u4e00-\u9fff]{{2,3}}[省市州盟](?={re.escape(region)})", "", short, count=1) \
            if region in short else short
        short = short.replace(region, "", 1)
    if year:
        short = re.sub(rf"{year}\s*年?(?:度)?", "", short, count=1)
    short = short.strip(" 　·-—()（）")
    # "人民政府办公室关于印发市级民生实事项目的通知": the issuer and the verb say nothing the
    # tree does not; a column cut at its right end would show only them ("人民政府办公室关于…").
    rest = _ISSUER.sub("", short, count=1)
    short = rest if len(rest) >= 4 else short
    words = short.split()
    if len(words) > 1 and len(set(words)) == 1:
        short = words[0]          # "政府工作报告 政府工作报告": a heading repeated under the title
    return short if len(short) >= 2 else title


def _unsure(report: dict) -> str:
    """"（待确认）" after a report whose region or plan year the program guessed."""
    return QCoreApplication.translate("ReportTree", "（待确认）") if report.get("identity_uncertain") else ""


def _tip(name: str, where: str, count: int, report: dict | None = None) -> str:
    """Tooltip of a node: its full name (the column may elide it), where, how many; shown
    as written (a title "<img src=…>" stays text)."""
    tip = name + (f"（{where}）" if where else "")
    if count:
        tip += "\n" + QCoreApplication.translate("ReportTree", "%1 条承诺").replace("%1", str(count))
    if report and report.get("identity_uncertain"):
        tip += "\n" + QCoreApplication.translate(
            "ReportTree", "地区或年份是程序从原文推测的：右键「设定地区、年份、标题…」确认或修改")
    return plain_tip(tip)


def _clean(scope: dict | None) -> dict:
    """A scope without empty fields, so {} and {"region": None} compare equal."""
    return {k: v for k, v in (scope or {}).items() if v is not None}


def _order(report: dict) -> tuple:
    """Regions alphabetically, newest plan year first, then title."""
    year = report.get("plan_year") or 0
    return (report.get("region") or "\uffff", -year, report.get("title") or "")
