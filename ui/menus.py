"""Menus, toolbar and the handlers behind them for the main window.

File (new/open store, import, print, export, backup, quit), Edit (undo/redo, mark),
View (概览, search, reset filters), Tools (find evidence and walk the suggestions, from
ui/review_flow.py), Help. Long store work runs on the worker; a UserError is shown as
its one line.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tracker.errors import UserError
from tracker.store.ops import read_op
from ui import curation, help_dialogs, i18n, printing
from ui.icons import icon
from ui.marking import mark_actions, mark_ids
from ui.review_flow import ReviewFlow

STORE_FILTER = "台账 (*.db *.sqlite);;所有文件 (*)"
FOLDER_KEY = "store/last_folder"


def _backup(store, dest: str, progress=None, cancel=None) -> str:
    """The backup, on the worker's own connection (tracker.store.ops.read_op); dest."""
    store.backup(dest, force=True)     # the save dialog asked before replacing another file
    return dest


def _action(window, text: str, slot, shortcut=None, icon_name: str | None = None,
            tip: str | None = None) -> QAction:
    action = QAction(text, window)
    if icon_name:
        action.setIcon(icon(icon_name))
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def install(w) -> SimpleNamespace:
    """Create the menus and toolbar of main window w; the actions by name."""
    tr = w.tr
    h = _Handlers(w)
    a = SimpleNamespace()
    a.new_store = _action(w, tr("新建台账…"), h.new_store, QKeySequence.StandardKey.New,
                          "new-store", tr("新建一个空台账文件"))
    a.open_store = _action(w, tr("打开台账…"), h.open_store, QKeySequence.StandardKey.Open,
                           "open-store", tr("打开已有的台账文件"))
    a.import_ = _action(w, tr("导入报告…"), h.import_files, "Ctrl+I", "import",
                        tr("导入政府工作报告（txt、docx、pdf、html），也可拖放到窗口"))
    a.preview = _action(w, tr("打印预览…"), lambda: h.sheet("print_preview"), None,
                        "print-preview", tr("预览当前筛选结果的情况表"))
    a.print_ = _action(w, tr("打印…"), lambda: h.sheet("print_sheet"),
                       QKeySequence.StandardKey.Print, "print")
    # Every export honours it, as the preview's and the print dialog's box: an official
    # sheet holds confirmed statuses only unless asked (off at every start).
    a.export_with_suggestions = QAction(tr("含未确认建议"), w)
    a.export_with_suggestions.setCheckable(True)
    a.export_with_suggestions.setStatusTip(tr("导出时加入未确认的系统建议（标“待确认”）"))

    def export(fmt: str, landscape: bool = False, series: bool = False) -> None:
        h.sheet("export_sheet", fmt, landscape, series, a.export_with_suggestions.isChecked())

    a.export_pdf = _action(w, tr("导出 PDF…"), lambda: export("pdf"),
                           "Ctrl+E", "export", tr("把当前筛选结果导出为情况表"))
    # A wide table (long 承诺内容, many columns) reads better across an A4 page.
    a.export_pdf_landscape = _action(w, tr("导出 PDF（横向）…"),
                                     lambda: export("pdf", True), None, None,
                                     tr("把当前筛选结果导出为横向页面的情况表"))
    # The optional 指标历年 page: each indicator's targets and outcomes by year.
    a.export_pdf_series = _action(w, tr("导出 PDF（含指标历年）…"),
                                  lambda: export("pdf", False, True), None, None,
                                  tr("情况表之后附上所涉地区各指标的历年目标与完成情况"))
    a.export_html = _action(w, tr("导出 HTML…"), lambda: export("html"))
    a.export_csv = _action(w, tr("导出 CSV…"), lambda: export("csv"))
    a.export_xlsx = _action(w, tr("导出 Excel（XLSX）…"), lambda: export("xlsx"))
    # Offices edit the 对照表 before issuing it: real Word tables, every cell editable.
    a.export_docx = _action(w, tr("导出 Word（DOCX）…"), lambda: export("docx"), None, None,
                            tr("把当前筛选结果导出为可编辑的 Word 对照表"))
    a.backup = _action(w, tr("备份台账…"), h.backup, None, "backup",
                       tr("把整个台账复制到另一个文件"))
    a.quit = _action(w, tr("退出"), w.close, QKeySequence.StandardKey.Quit)
    a.quit.setMenuRole(QAction.MenuRole.QuitRole)

    a.undo = w.undo_stack.createUndoAction(w, tr("撤销"))
    a.undo.setShortcut(QKeySequence.StandardKey.Undo)
    a.undo.setIcon(icon("undo"))
    a.redo = w.undo_stack.createRedoAction(w, tr("重做"))
    a.redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
    a.redo.setIcon(icon("redo"))
    a.mark = _action(w, tr("标记进展…"), lambda: h.mark(None), "Ctrl+M", "mark",
                     tr("为所选承诺记录完成情况"))
    a.mark_as = mark_actions(w.table, h.mark)
    for action in a.mark_as:
        w.table.addAction(action)
    # Completing the extraction by hand (添加为承诺 is in the source view of the detail pane).
    a.drop = _action(w, tr("不是承诺"), h.drop, "Ctrl+Shift+D", None,
                     tr("把所选条目标为不是承诺：从列表和对照表中隐藏（可撤销）"))
    a.restore = _action(w, tr("恢复"), h.restore, None, None,
                        tr("撤销“不是承诺”或拆分/合并，重新列入所选条目"))
    a.edit_text = _action(w, tr("修改文字…"), lambda: h.curate(curation.edit_text), None, None,
                          tr("修改承诺内容的文字"))
    a.split = _action(w, tr("拆分…"), lambda: h.curate(curation.split_id), None, None,
                      tr("把一条拆成几条承诺"))
    a.merge = _action(w, tr("合并所选…"), h.merge, None, None,
                      tr("把同一报告中所选的几条合并为一条承诺"))
    for action in (a.drop, a.restore, a.edit_text, a.split, a.merge):
        w.table.addAction(action)
    a.copy = _action(w, tr("复制承诺内容"), h.copy, QKeySequence.StandardKey.Copy)
    a.copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    w.table.addAction(a.copy)

    a.dashboard = _action(w, tr("概览"), h.toggle_dashboard, "Ctrl+D", "dashboard",
                          tr("按状态和类型统计当前范围"))
    a.dashboard.setCheckable(True)
    w.tabs.currentChanged.connect(lambda i: a.dashboard.setChecked(i == 1))
    a.dashboard.setChecked(w.tabs.currentIndex() == 1)
    a.search = _action(w, tr("搜索"), h.search, QKeySequence.StandardKey.Find)
    a.reset = _action(w, tr("重置筛选"), w.filter_bar.reset, "Ctrl+Shift+R",
                      "reset-filters", tr("清除搜索和所有筛选条件"))
    w.review = ReviewFlow(w)
    a.suggest = _action(w, tr("查找核验证据"), w.review.find, "Ctrl+Shift+V", "suggest",
                        tr("在已导入的后续文件中为承诺查找完成情况的证据"))
    a.review = w.review.actions
    a.series = _action(w, tr("指标历年…"), lambda: w.show_series(), "Ctrl+Shift+Y", "dashboard",
                       tr("一个指标各年的目标和完成情况（图表、可打印）"))
    a.quick_start = _action(w, tr("快速入门"), h.quick_start, QKeySequence.StandardKey.HelpContents,
                            None, tr("导入、核对、标记、核验、打印：主要步骤和快捷键"))
    a.shortcuts = _action(w, tr("键盘快捷键"), h.shortcuts, None, None, tr("所有菜单项的快捷键"))
    a.samples = _action(w, tr("打开示例台账"), w.open_samples, None, None,
                        tr("五份示例报告的台账（只读），与你的台账分开"))
    a.about = _action(w, tr("关于承诺台账"), h.about)
    a.about.setMenuRole(QAction.MenuRole.AboutRole)
    a.about_qt = _action(w, tr("关于 Qt"), QApplication.aboutQt)

    bar = w.menuBar()
    file_menu = bar.addMenu(tr("文件(&F)"))
    file_menu.addActions([a.new_store, a.open_store, a.import_])
    file_menu.addSeparator()
    file_menu.addActions([a.preview, a.print_])
    export_menu = file_menu.addMenu(tr("导出"))
    export_menu.addActions([a.export_pdf, a.export_pdf_landscape, a.export_pdf_series, a.export_html,
                            a.export_csv, a.export_xlsx, a.export_docx])
    export_menu.addSeparator()
    export_menu.addAction(a.export_with_suggestions)
    file_menu.addSeparator()
    file_menu.addAction(a.backup)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit_menu = bar.addMenu(tr("编辑(&E)"))
    edit_menu.addActions([a.undo, a.redo])
    edit_menu.addSeparator()
    edit_menu.addAction(a.mark)
    mark_menu = edit_menu.addMenu(tr("标记为"))
    mark_menu.addActions(a.mark_as)
    edit_menu.addSeparator()
    edit_menu.addActions([a.drop, a.restore, a.edit_text, a.split, a.merge])
    edit_menu.addSeparator()
    edit_menu.addAction(a.copy)
    view_menu = bar.addMenu(tr("查看(&V)"))
    view_menu.addActions([a.dashboard, a.series, a.search, a.reset])
    tools_menu = bar.addMenu(tr("工具(&T)"))
    tools_menu.addAction(a.suggest)
    tools_menu.addSeparator()
    tools_menu.addActions([a.review.next, a.review.previous, a.review.accept, a.review.reject])
    help_menu = bar.addMenu(tr("帮助(&H)"))
    help_menu.addActions([a.quick_start, a.shortcuts])
    help_menu.addSeparator()
    help_menu.addAction(a.samples)
    help_menu.addSeparator()
    help_menu.addActions([a.about, a.about_qt])

    toolbar = w.addToolBar(tr("工具栏"))
    toolbar.setObjectName("main-toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
    toolbar.setMovable(False)
    toolbar.addActions([a.open_store, a.import_])
    toolbar.addSeparator()
    toolbar.addActions([a.preview, a.export_pdf])
    toolbar.addSeparator()
    toolbar.addActions([a.undo, a.redo, a.mark])
    toolbar.addSeparator()
    toolbar.addActions([a.dashboard, a.suggest, a.reset])

    # Context menu of the table: the mark actions, the dialog, copy.
    w.table.insertAction(a.mark_as[0], a.mark)
    a.handlers = h
    return a


# Above this many selected rows the menus do not read each one to decide (all are offered).
_ROWS_LOOKED_AT = 200


def update_enabled(w) -> None:
    """Offer only what applies to the selection: no change on a read-only store; 修改文字 and
    拆分 for one listed row, 恢复 for hidden ones, 合并 for several rows of one report."""
    a = getattr(w, "actions_", None)
    if a is None:           # a model reset while the menus are being made
        return
    writable = w.store is not None and not getattr(w.store, "read_only", None)
    rows = sorted(i.row() for i in w.table.selectionModel().selectedRows())
    if not rows and w.table.currentIndex().isValid():
        rows = [w.table.currentIndex().row()]
    looked = [w.model.row_data(r) or {} for r in rows[:_ROWS_LOOKED_AT]]
    every = len(rows) > _ROWS_LOOKED_AT
    hidden = [bool(r.get("dropped")) for r in looked]
    reports = {r.get("report_id") for r in looked}
    one_listed = len(rows) == 1 and not any(hidden)
    can = {
        a.mark: bool(rows), **{action: bool(rows) for action in a.mark_as},
        a.drop: bool(rows) and (every or not all(hidden)), a.restore: every or any(hidden),
        a.edit_text: one_listed, a.split: one_listed,
        a.merge: len(rows) > 1 and not any(hidden) and (every or len(reports) == 1),
        a.suggest: w.model.total() > 0, a.review.accept: True, a.review.reject: True,
    }
    for action, applies in can.items():
        action.setEnabled(writable and applies)
    a.copy.setEnabled(bool(rows))


class _Handlers:
    """What the actions do; each failure is one line in a warning box."""

    def __init__(self, window) -> None:
        self.w = window

    def _folder(self) -> str:
        return QSettings().value(FOLDER_KEY, str(Path.home()), type=str)

    def _remember(self, path: str) -> None:
        QSettings().setValue(FOLDER_KEY, str(Path(path).parent))

    def new_store(self) -> None:
        w = self.w
        path, _ = QFileDialog.getSaveFileName(
            w, w.tr("新建台账"), str(Path(self._folder()) / "台账.db"), w.tr(STORE_FILTER),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if not path:
            return
        if Path(path).exists():
            w.show_error(w.tr("%1: 文件已存在，请用“打开台账”").replace("%1", path))
            return
        self._remember(path)
        w.open_store(path)

    def open_store(self) -> None:
        w = self.w
        path, _ = QFileDialog.getOpenFileName(w, w.tr("打开台账"), self._folder(),
                                              w.tr(STORE_FILTER))
        if path:
            self._remember(path)
            w.open_store(path)

    def import_files(self) -> None:
        from ui.importing import choose_files
        paths = choose_files(self.w)
        if paths:
            self.w.import_paths(paths)

    def sheet(self, name: str, *args: object) -> None:
        w = self.w
        fn = getattr(printing, name)
        if w.store is None:
            return
        try:
            fn(w, w.store, w.current_filter(), *args)
        except UserError as exc:
            w.show_error(str(exc))

    def backup(self) -> None:
        w = self.w
        if w.store is None:
            return
        stem = Path(str(w.store.path)).stem
        path, _ = QFileDialog.getSaveFileName(
            w, w.tr("备份台账"), str(Path(self._folder()) / f"{stem}-备份.db"),
            w.tr(STORE_FILTER))
        if not path:
            return
        if Path(path).resolve() == Path(str(w.store.path)).resolve():
            w.show_error(w.tr("%1: 不能备份到正在使用的台账文件").replace("%1", path))
            return
        self._remember(path)
        w.run_in_background(read_op(w.store, _backup, path), message=w.tr("正在备份…"), on_done=lambda dest:
                            w.statusBar().showMessage(w.tr("已备份到 %1").replace("%1", dest),
                                                      8000))

    def mark(self, status: str | None) -> None:
        w = self.w
        ids = w.selected_ids()
        if w.store is None or not ids:
            return
        try:
            # Ctrl+1..5 (a status) mark at once; 标记进展… (Ctrl+M, no status) asks for a note.
            mark_ids(w, w.store, w.undo_stack, ids, status, notify=w.detail.notify,
                     ask=status is None)
        except UserError as exc:
            w.show_error(str(exc))

    def _ids(self) -> list[int]:
        return self.w.selected_ids() if self.w.store is not None else []

    def drop(self) -> None:
        w = self.w
        ids = [i for i in self._ids() if not w.store.rows([i]).get(i, {}).get("dropped")]
        curation.drop_ids(w.store, w.undo_stack, ids, notify=w.detail.curated_notify)

    def restore(self) -> None:
        w = self.w
        for cid in self._ids():
            curation.restore_id(w.store, w.undo_stack, cid, notify=w.detail.curated_notify)

    def curate(self, ask) -> None:
        """edit_text / split_id on the current commitment."""
        w = self.w
        cid = w.current_id()
        if w.store is not None and cid is not None:
            try:
                ask(w, w.store, w.undo_stack, cid, notify=w.detail.curated_notify)
            except UserError as exc:
                w.show_error(str(exc))

    def merge(self) -> None:
        w = self.w
        try:
            curation.merge_ids(w, w.store, w.undo_stack, self._ids(), notify=w.detail.curated_notify)
        except UserError as exc:
            w.show_error(str(exc))

    def copy(self) -> None:
        w = self.w
        ids = w.selected_ids()
        if w.store is None or not ids:
            return
        rows = w.store.rows(ids)
        texts = [str(rows[i].get("text") or "") for i in ids if i in rows]
        QApplication.clipboard().setText("\n".join(texts))

    def toggle_dashboard(self) -> None:
        tabs = self.w.tabs
        tabs.setCurrentIndex(0 if tabs.currentIndex() == 1 else 1)

    def search(self) -> None:
        self.w.tabs.setCurrentIndex(0)
        self.w.filter_bar.focus_search()

    def quick_start(self) -> None:
        help_dialogs.show_once(self.w, "quick_start_dialog", lambda: help_dialogs.QuickStartDialog(self.w))

    def shortcuts(self) -> None:
        help_dialogs.show_once(self.w, "shortcuts_dialog", lambda: help_dialogs.ShortcutsDialog(self.w.menuBar(), self.w))

    def about(self) -> None:
        w = self.w
        kinds = "、".join(label for _key, label in i18n.kinds())
        QMessageBox.about(w, w.tr("关于承诺台账"), w.tr(
            "<h3>承诺台账 0.1</h3>"
            "<p>从政府工作报告中提取%1，"
            "对照后续文件核验完成情况，并打印情况表。</p>"
            "<p>数据只保存在本机的台账文件中。</p>").replace("%1", kinds))
