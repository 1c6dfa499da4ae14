"""Import and other long store work for the main window, on the worker thread.

File ▸ Import and drops go through ui.importing (progress dialog with cancel); the
first-run seeds, backups and evidence suggestions show their progress in the status
bar instead, so the window stays usable while they run. One task at a time: the
worker pool has one thread and the store one writer.
"""

from __future__ import annotations

from pathlib import Path

from tracker.store.ops import write_op
from ui import workers
from ui.compact import warn_plain
from ui.importing import held_message, summary

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _import_files(*args, **kwargs):
    """tracker.importer.import_files, imported on the worker at first use (the extraction
    rules compile ~200 regular expressions: not before the window's first paint)."""
    from tracker.importer import import_files
    return import_files(*args, **kwargs)


class BackgroundMixin:
    """MainWindow methods that start store work on the worker and report on it."""

    def busy(self) -> bool:
        """True while an import or another store task runs."""
        task = self.background_task
        return self.importer.busy() or (task is not None and not task.is_done())

    def import_paths(self, paths: list[str]) -> workers.Task | None:
        """Import files with ui.importing's progress dialog (menu and drag-and-drop)."""
        if self.store is None:
            self.show_error(self.tr("请先新建或打开一个台账。"))
            return None
        self._remember_reports()
        return self.importer.start(paths)

    def _remember_reports(self) -> None:
        """Note the newest report id, so the import's own reports can be found after it."""
        self._reports_before = max((r["id"] for r in self.store.reports()), default=0)

    def run_in_background(self, op, message: str, on_done=None) -> workers.Task | None:
        """Run op(progress=, cancel=) on the worker with progress in the status bar (the
        window stays usable). Store work is a tracker.store.ops read_op / write_op: it opens
        its own connection there; the window's store is never used off the GUI thread."""
        if self.busy():
            self.show_error(self.tr("请等待当前任务完成。"))
            return None
        self.progress.setRange(0, 0)
        self.progress.show()
        self.statusBar().showMessage(message)
        self._background_message = message

        def progress(done: int, total: int) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(min(done, max(total, 1)))

        def finished(result: object) -> None:
            if on_done is not None:
                on_done(result)

        task = workers.run_task(op, on_done=finished, on_error=self.show_error, on_progress=progress)
        task.ended.connect(self._background_ended)
        self.background_task = task
        return task

    def _background_ended(self) -> None:
        self.progress.hide()
        # The task's own outcome (set by on_done before ended) stays; only "正在…" goes.
        if self.statusBar().currentMessage() == getattr(self, "_background_message", None):
            self.statusBar().clearMessage()

    def import_seeds(self) -> workers.Task | None:
        """Import the bundled seeds/*.txt in the background (first run)."""
        paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
        if not paths or self.store is None:
            return None
        self._remember_reports()
        return self.run_in_background(write_op(self.store, _import_files, paths),
                                      message=self.tr("正在导入示例报告…"),
                                      on_done=self._imported)

    def _imported(self, result: object) -> None:
        self.refresh_all()
        self.select_imported()
        self.statusBar().showMessage(summary(result), 8000)
        held = held_message(result)
        if held:        # marks the new text lost: said plainly, not only in the status bar
            warn_plain(self, self.tr("请核对"), held)

    def select_imported(self) -> bool:
        """Select in the tree what the last import added: its report, or the region or year
        all its reports share; False when it added no report with commitments."""
        before = getattr(self, "_reports_before", None)
        if self.store is None or not before:   # the first import is the whole store: 全部
            return False
        new = [r for r in self.store.tree() if r["report_id"] > before and r.get("count")]
        if not new:
            return False
        if len(new) == 1:
            return self.tree.select_scope({"report_id": new[0]["report_id"]})
        regions = {r.get("region") for r in new}
        years = {r.get("plan_year") for r in new}
        region = regions.pop() if len(regions) == 1 else None
        if region and len(years) == 1 and None not in years:
            return self.tree.select_scope({"region": region, "year": years.pop()})
        if region:
            return self.tree.select_scope({"region": region})
        return self.tree.select_scope({"report_id": new[0]["report_id"]})

    def show_error(self, message: str) -> None:
        """The one-line warning box for a UserError or a failed task."""
        warn_plain(self, self.tr("承诺台账"), message)
