"""Import and other long store work for the main window, on the worker thread.

File ▸ Import and drops go through ui.importing (progress dialog with cancel); the
first-run seeds, backups and evidence suggestions show their progress in the status
bar instead, so the window stays usable while they run. One task at a time: the
worker pool has one thread and the store one writer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from ui import workers

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
        return self.importer.start(paths)

    def run_in_background(self, fn, *args, message: str, on_done=None, **kwargs
                          ) -> workers.Task | None:
        """Run a store task on the worker with progress in the status bar (window stays usable)."""
        if self.busy():
            self.show_error(self.tr("请等待当前任务完成。"))
            return None
        self.progress.setRange(0, 0)
        self.progress.show()
        self.statusBar().showMessage(message)

        def progress(done: int, total: int) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(min(done, max(total, 1)))

        def finished(result: object) -> None:
            if on_done is not None:
                on_done(result)

        task = workers.run_task(fn, *args, on_done=finished, on_error=self.show_error,
                                on_progress=progress, **kwargs)
        task.ended.connect(self._background_ended)
        self.background_task = task
        return task

    def _background_ended(self) -> None:
        self.progress.hide()
        self.statusBar().clearMessage()

    def import_seeds(self) -> workers.Task | None:
        """Import the bundled seeds/*.txt in the background (first run)."""
        paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
        if not paths or self.store is None:
            return None
        return self.run_in_background(_import_files, self.store, paths,
                                      message=self.tr("正在导入示例报告…"),
                                      on_done=self._imported)

    def _imported(self, result: object) -> None:
        self.refresh_all()
        from ui.importing import summary
        self.statusBar().showMessage(summary(result), 8000)

    def show_error(self, message: str) -> None:
        """The one-line warning box for a UserError or a failed task."""
        QMessageBox.warning(self, self.tr("承诺台账"), message)
