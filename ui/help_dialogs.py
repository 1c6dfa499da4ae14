"""帮助: the 快速入门 (the main journeys, in Chinese) and the 键盘快捷键 list.

The shortcut list is read from the window's own menus, so it always says what the keys
do; the quick start names keys too, and tests/test_ui_first_day.py checks each of them
against the menus.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView,
                               QMenu, QTableWidget, QTableWidgetItem, QTextBrowser,
                               QVBoxLayout, QWidget)


def _tr(text: str) -> str:
    return QCoreApplication.translate("help", text)


# The journeys of a first day, each with the menu item and key that starts it.
QUICK_START = (
    ("导入报告", "文件 ▸ 导入报告（Ctrl+I），或把 txt、docx、pdf、html 文件拖到窗口。"
     "每份政府工作报告中的预期目标、民生实事和项目承诺被逐条提取，并记下原文行号。"),
    ("浏览与查找", "左侧按地区 ▸ 年度 ▸ 报告缩小范围；表格上方按类型、状态、年度、分类筛选；"
     "Ctrl+F 搜索承诺内容（GDP 也能找到地区生产总值）；Ctrl+Shift+R 重置筛选。"),
    ("核对提取结果", "右侧“原文”中选中漏提取的文字，按“添加为承诺…”；不是承诺（Ctrl+Shift+D）、"
     "修改文字、拆分、合并在“编辑”菜单和右键菜单中。"),
    ("标记进展", "选中一行或几行，Ctrl+1 已完成、Ctrl+2 部分完成、Ctrl+3 推进中、Ctrl+4 未完成、"
     "Ctrl+5 未核实；Ctrl+M 打开对话框，可附说明、证据和日期。Ctrl+Z 撤销，Ctrl+Y 重做。"),
    ("核验证据", "导入下一年的报告后，工具 ▸ 查找核验证据（Ctrl+Shift+V）。表格随即列出待核实的承诺："
     "F8 / Shift+F8 到下一条 / 上一条，Alt+A 采纳、Alt+R 驳回它的建议。"),
    ("指标历年", "选中一条预期目标，查看 ▸ 指标历年（Ctrl+Shift+Y）：这个指标历年的目标和完成情况，"
     "图表和表格都可打印。"),
    ("打印与导出", "文件 ▸ 打印预览、打印（Ctrl+P）、导出（PDF、HTML、CSV、Excel、Word）当前筛选结果的"
     "对照表。对照表只印经人确认的状态；需要时可加入未确认的系统建议（标“待确认”）。"),
    ("台账文件", "数据只保存在本机的台账文件中（路径见状态栏）。文件 ▸ 备份台账 复制一份；"
     "命令行 tracker 不带 --db 时使用同一个台账。帮助 ▸ 打开示例台账 可随时查看示例（只读）。"),
)


def quick_start_html(short: bool = False) -> str:
    """The quick start as HTML; short: the first four journeys, for the welcome panel."""
    items = QUICK_START[:4] if short else QUICK_START
    rows = "".join(f"<li><b>{_tr(title)}</b>：{_tr(text)}</li>" for title, text in items)
    if short:
        return f"<ol style='margin-left: 0'>{rows}</ol>"
    return (f"<h2>{_tr('快速入门')}</h2>"
            f"<p>{_tr('承诺台账从政府工作报告中提取每年的承诺，对照后续报告核验完成情况，并打印对照表。')}</p>"
            f"<ol>{rows}</ol>"
            f"<p>{_tr('全部快捷键见 帮助 ▸ 键盘快捷键。')}</p>")


class QuickStartDialog(QDialog):
    """帮助 ▸ 快速入门: the journeys in a window the user can keep open beside the app."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("快速入门"))
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setHtml(quick_start_html())
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(620, 560)


def _plain(text: str) -> str:
    """A menu text without its accelerator and dots: 打开台账… → 打开台账."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def menu_shortcuts(menu_bar) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every action with a shortcut, in menu order."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{title} ▸ {_plain(action.text())}")
            elif action.shortcuts():
                keys = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                                  for k in action.shortcuts())
                rows.append((title, _plain(action.text()), keys))

    for top in menu_bar.actions():
        if top.menu() is not None:
            walk(top.menu(), _plain(top.text()).split("(")[0])
    return rows


# Keys that belong to a dialog, not to a menu.
DIALOG_KEYS = (
    ("标记进展对话框", "选择状态", "Alt+1 … Alt+5"),
    ("标记进展对话框", "记录", "Ctrl+Enter"),
    ("右侧详情", "标记所示承诺", "Ctrl+1 … Ctrl+5"),
)


class ShortcutsDialog(QDialog):
    """帮助 ▸ 键盘快捷键: every key of the menus (read from them) and of the dialogs."""

    def __init__(self, menu_bar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("键盘快捷键"))
        rows = menu_shortcuts(menu_bar) + [tuple(_tr(x) for x in row) for row in DIALOG_KEYS]
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([_tr("位置"), _tr("操作"), _tr("快捷键")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(560, 620)


def show_once(window, name: str, make) -> QDialog:
    """Show the window's help dialog `name` (made once by make()), raised, never modal."""
    dialog = getattr(window, name, None)
    if dialog is None:
        dialog = make()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        setattr(window, name, dialog)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog

