"""The 督办 menu of the main window: assign units to the selected rows, take in a 分工方案 (and
export the office's own), send a form to every unit in one action, collect filled forms
(menu or drag and drop), decide on all units' reports at once, and the 通报 in print preview
or as a file. Long work (forms, collect) runs on the worker as a write_op."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tracker.errors import UserError
from tracker.store.ops import write_op
from ui.supervise_commands import AssignCommand, DecideReportsCommand, PlanCommand
from ui.supervise_dialogs import AssignDialog, FormsDialog, PlanDialog, ReportDialog

FORMS_FOLDER_KEY = "supervise/forms_folder"
FORM_SHEET = b'name="tracker_meta"'


def is_progress_form(path: str | Path) -> bool:
    """Whether a file is one of our progress forms (an XLSX with the hidden metadata sheet),
    read from its zip directory without loading the workbook."""
    p = Path(path)
    if p.suffix.lower() not in (".xlsx", ".xlsm"):
        return False
    try:
        with zipfile.ZipFile(p) as z:
            return FORM_SHEET in z.read("xl/workbook.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def _send(store, folder, plan_year, unit, due, progress=None, cancel=None):
    from tracker.supervise.forms_out import send_forms
    return send_forms(store, folder, plan_year=plan_year, unit=unit, due=due, progress=progress, cancel=cancel)


def _collect(store, paths, progress=None, cancel=None):
    from tracker.supervise.collect import collect_files
    return collect_files(store, paths, progress=progress, cancel=cancel)


class SuperviseMixin:
    """MainWindow methods and the 督办 menu."""

    def install_supervise(self) -> None:
        """Add the 督办 menu before 帮助."""
        bar = self.menuBar()
        menu = bar.addMenu(self.tr("督办(&D)"))
        help_action = next((a for a in bar.actions() if a.text().startswith("帮助")), None)
        if help_action is not None:
            bar.insertMenu(help_action, menu)

        def action(text: str, slot, shortcut: str | None = None, tip: str = "") -> QAction:
            a = QAction(text, self)
            if shortcut:
                a.setShortcut(QKeySequence(shortcut))
            a.setStatusTip(tip)
            a.triggered.connect(slot)
            menu.addAction(a)
            return a

        self.assign_action = action(self.tr("指派责任单位…"), self.assign_units, "Ctrl+Shift+U",
                                    self.tr("为选中的承诺指派牵头单位和配合单位"))
        self.plan_action = action(self.tr("导入分工方案…"), self.import_plan,
                                  tip=self.tr("读入任务分工方案（Word/Excel 表格），按文字对应到承诺"))
        self.export_plan_action = action(self.tr("导出分工方案…"), self.export_plan,
                                         tip=self.tr("按当前范围导出本单位的任务分工方案（XLSX 或 DOCX）"))
        self.units_action = action(self.tr("单位与别名…"), self.edit_unit_aliases,
                                   tip=self.tr("各责任单位的计数；把同一单位的另一写法设为别名，或取消别名"))
        menu.addSeparator()
        self.forms_action = action(self.tr("生成报送表…"), self.send_forms,
                                   tip=self.tr("为每个责任单位生成一份 Excel 进展情况报送表"))
        self.collect_action = action(self.tr("导入报送表…"), self.choose_forms,
                                     tip=self.tr("导入各单位填好的报送表（也可以把文件拖到窗口上）"))
        self.accept_all_action = action(self.tr("采纳全部单位自报"), lambda: self.decide_all("accepted"),
                                        tip=self.tr("把选中承诺（未选则全部）待处理的单位自报记为办公室的状态"))
        self.reject_all_action = action(self.tr("驳回全部单位自报"), lambda: self.decide_all("rejected"))
        menu.addSeparator()
        self.bulletin_action = action(self.tr("通报预览…"), self.preview_bulletin,
                                      tip=self.tr("按责任单位的通报：各单位计数和红黄绿评价，滞后、逾期事项"))
        self.export_bulletin_action = action(self.tr("导出通报…"), self.export_bulletin)
        self.supervise_menu = menu
        menu.aboutToShow.connect(self.update_supervise_actions)
        self.dashboard.units.aliasRequested.connect(self.edit_unit_aliases)

    def update_supervise_actions(self) -> None:
        """Offer only what applies: writing needs a writable store, assigning a selection."""
        has_store = self.store is not None
        writable = has_store and not getattr(self.store, "read_only", None)
        for a in (self.plan_action, self.forms_action, self.collect_action, self.accept_all_action,
                  self.reject_all_action):
            a.setEnabled(writable)
        self.assign_action.setEnabled(writable and bool(self.selected_ids()))
        for a in (self.export_plan_action, self.units_action, self.bulletin_action, self.export_bulletin_action):
            a.setEnabled(has_store)

    # -- assigning -------------------------------------------------------------------
    def _known_units(self) -> list[str]:
        return [u["name"] for u in self.store.units.known()] if self.store is not None else []

    def assign_units(self) -> None:
        """指派责任单位… for the selected rows (one undoable change)."""
        ids = self.selected_ids()
        if self.store is None or not ids:
            return
        rows = self.store.rows(ids[:1])
        first = rows.get(ids[0], {})
        dialog = AssignDialog(self, self._known_units(), len(ids), first.get("lead_unit") or "",
                              "、".join(first.get("partner_units") or []))
        if dialog.exec():
            leads, partners, clear = dialog.values()
            self.undo_stack.push(AssignCommand(self.store, ids, leads, partners, clear,
                                               notify=self._units_changed))

    def _units_changed(self, ids: list[int]) -> None:
        self.detail.notify(ids)
        self.filter_bar.set_facets(self.store.facets())

    def edit_unit_aliases(self, alias: str = "") -> None:
        """单位与别名…: the units with their aliases; 设为别名 / 取消别名 as undoable commands."""
        if self.store is None:
            return
        from ui.unit_aliases import UnitAliasDialog
        self.alias_dialog = UnitAliasDialog(self, self.store, self.undo_stack.push, self._aliases_changed,
                                            alias=alias or "")
        self.alias_dialog.exec()
        self.alias_dialog = None

    def _aliases_changed(self, _ids: list[int]) -> None:
        """An alias renames units on many rows: everything is read again (and the open dialog)."""
        self.refresh_all()
        self.detail.reload()
        dialog = getattr(self, "alias_dialog", None)
        if dialog is not None:
            dialog.reload()

    def import_plan(self, path: str | None = None) -> None:
        """导入分工方案…: read, match, let the user settle the unmatched, then one change."""
        if self.store is None:
            return
        if not path:
            folder = QSettings().value(FORMS_FOLDER_KEY, str(Path.home()), type=str)
            path, _ = QFileDialog.getOpenFileName(self, self.tr("导入分工方案"), folder,
                                                  self.tr("分工方案 (*.docx *.xlsx)"))
            if not path:
                return
        from tracker.display import commitment_line
        from tracker.store import Filter
        from tracker.supervise.plan_import import add_tasks, assign_matched, match_plan

        try:
            match = match_plan(self.store, path)
        except UserError as exc:
            self.show_error(str(exc))
            return
        ids = self.store.query(Filter(year=match.plan_year, region=match.region), order="position")
        rows = self.store.rows(ids)
        candidates = [(i, commitment_line(rows[i])) for i in ids if i in rows]
        dialog = PlanDialog(self, match, candidates)
        if not dialog.exec():
            return
        extra, tasks = dialog.decisions()
        report = rows[ids[0]]["report_id"] if ids else None
        if tasks and report is None:
            self.show_error(self.tr("没有可归入督办事项的报告：请先导入该年度的报告"))
            return

        def do() -> tuple[list[int], list[tuple[str, int]]]:
            done: list[tuple[str, int]] = []
            touched = sorted({c for v in [*match.matched.values(), *extra.values()] for c in v})
            if touched:
                done.append(("assign", assign_matched(self.store, match, extra)))
            if tasks:
                kid, aid, new = add_tasks(self.store, match, tasks, report)
                done += [("curate", kid), ("assign", aid)]
                touched += new
            return touched, done

        self.undo_stack.push(PlanCommand(self.store, self.tr("导入分工方案"), do, notify=self._plan_done))

    def _plan_done(self, ids: list[int]) -> None:
        self.refresh_all()
        self.detail.refresh(ids)

    def export_plan(self) -> None:
        """导出分工方案…: the office's own, for the current scope."""
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("导出分工方案"),
                                                   str(Path.home() / "分工方案.docx"),
                                                   self.tr("Word (*.docx);;Excel (*.xlsx)"))
        if not path:
            return
        from tracker.supervise.plan_import import export_plan
        from ui.bulletin_print import saved_path
        try:
            out = export_plan(self.store, self.current_filter(), saved_path(path, chosen, (".docx", ".xlsx")))
        except UserError as exc:
            self.show_error(str(exc))
            return
        self.statusBar().showMessage(self.tr("已导出 %1").replace("%1", str(out)), 8000)

    # -- forms -----------------------------------------------------------------------
    def send_forms(self) -> None:
        """生成报送表…: one form per unit, on the worker."""
        if self.store is None:
            return
        settings = QSettings()
        folder = settings.value(FORMS_FOLDER_KEY, str(Path.home()), type=str)
        units = [name for name in self.store.facets().get("units", [])]
        dialog = FormsDialog(self, folder, self.store.facets().get("years", []), units)
        if not dialog.exec():
            return
        v = dialog.values()
        settings.setValue(FORMS_FOLDER_KEY, v["folder"])
        self.run_in_background(write_op(self.store, _send, v["folder"], v["plan_year"], v["unit"], v["due"]),
                               self.tr("正在生成报送表…"), on_done=self._forms_sent)

    def _forms_sent(self, sent) -> None:
        from tracker.supervise.forms_out import describe
        self.refresh_all()      # the worker wrote the forms sent: the 按单位 counts, and no "其他程序"
        lines = [f"{p.name}（{sent.rows.get(u, 0)} 行）" for p, u in zip(sent.paths, sent.rows)]
        ReportDialog(self, self.tr("生成报送表"), describe(sent) + self.tr("，保存在 %1")
                     .replace("%1", str(sent.paths[0].parent) if sent.paths else ""), lines).exec()

    def choose_forms(self) -> None:
        """导入报送表…: pick filled forms and collect them."""
        folder = QSettings().value(FORMS_FOLDER_KEY, str(Path.home()), type=str)
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("导入报送表"), folder, self.tr("报送表 (*.xlsx)"))
        if paths:
            self.collect_forms(paths)

    def collect_forms(self, paths: list[str]) -> None:
        """Collect filled forms on the worker (the store is backed up first), then the report."""
        if self.store is None:
            return
        self.run_in_background(write_op(self.store, _collect, list(paths)), self.tr("正在导入报送表…"),
                               on_done=self._forms_collected)

    def _forms_collected(self, report) -> None:
        self.refresh_all()
        self.detail.reload()
        lines = report.lines + ([self.tr("导入前已备份台账：%1").replace("%1", str(report.backup))]
                                if report.backup else [])
        ReportDialog(self, self.tr("报送表导入结果"), report.summary(), lines).exec()

    def dropped_paths(self, paths: list[str]) -> None:
        """Files dropped on the window: progress forms are collected, a 分工方案 (an XLSX that
        is no form) opens its import, everything else is imported as reports."""
        forms = [p for p in paths if is_progress_form(p)]
        plans = [p for p in paths if p not in forms and p.lower().endswith((".xlsx", ".xlsm"))]
        reports = [p for p in paths if p not in forms and p not in plans]
        if forms:
            self.collect_forms(forms)
        for p in plans[:1]:
            self.import_plan(p)
        if reports and not forms:
            self.import_paths(reports)

    def decide_all(self, decision: str) -> None:
        """采纳 / 驳回 every pending unit report of the selected rows (none selected: all)."""
        if self.store is None:
            return
        ids = self.selected_ids() or None
        scope = self.tr("选中的 %1 条承诺").replace("%1", str(len(ids))) if ids else self.tr("全部承诺")
        word = self.tr("采纳") if decision == "accepted" else self.tr("驳回")
        if QMessageBox.question(self, word, self.tr("%1%2的待处理单位自报？（可撤销）")
                                .replace("%1", word).replace("%2", scope)) != QMessageBox.StandardButton.Yes:
            return
        self.undo_stack.push(DecideReportsCommand(self.store, decision, commitment_ids=ids,
                                                  cids=ids or [], notify=self._reports_decided))

    def _reports_decided(self, ids: list[int]) -> None:
        if ids:
            self.detail.notify(ids)
        else:
            self.refresh_all()
            self.detail.reload()

    # -- the 通报 ----------------------------------------------------------------------
    def preview_bulletin(self) -> None:
        """通报预览…: the 通报 of the current scope, in the print preview."""
        from ui.bulletin_print import bulletin_preview
        bulletin_preview(self, self.store, self.current_filter())

    def export_bulletin(self) -> None:
        """导出通报…: PDF, Word (to edit before issuing) or Excel."""
        from ui.bulletin_print import export_bulletin
        out = export_bulletin(self, self.store, self.current_filter())
        if out is not None:
            self.statusBar().showMessage(self.tr("已导出通报 %1").replace("%1", str(out)), 8000)

