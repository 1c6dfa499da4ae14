"""Import documents into the store from the GUI: progress dialog with cancel, errors, drops.

tracker.importer.import_files runs on the worker (one transaction per file; a cancel keeps
the files already stored, the window refreshes either way), a QProgressDialog follows its progress(done, total) calls, a UserError
shows its one line in a warning box, and on_done/`imported` let the window refresh.
A file that is only an excerpt of a stored report is not an error but a question: replace
the report with it, import it as a file of its own, or not at all; the chosen import of
that one file runs on the worker, then the files after it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from tracker.store.ops import write_op
from tracker.store.sync import ExcerptRefused, ImportResult
from ui.workers import Task, run_task
from ui.compact import warn_plain

# What the file dialog offers; ingest decides what is readable and says why not.
FILE_FILTER = "报告 (*.txt *.docx *.doc *.wps *.pdf *.html *.htm);;所有文件 (*)"
LAST_FOLDER_KEY = "import/last_folder"


def _tr(text: str) -> str:
    return QCoreApplication.translate("importing", text)


def summary(result: object) -> str:
    """One line describing an ImportResult (added/kept/stale counts)."""
    def get(name: str) -> int:
        value = getattr(result, name, None)
        if value is None and isinstance(result, dict):
            value = result.get(name)
        return int(value or 0)
    return (_tr("导入完成：新增文件 %1，跳过 %2，报告 %3；承诺新增 %4，保留 %5，失效 %6")
            .replace("%1", str(get("documents_added")))
            .replace("%2", str(get("documents_skipped")))
            .replace("%3", str(get("reports")))
            .replace("%4", str(get("added")))
            .replace("%5", str(get("kept")))
            .replace("%6", str(get("stale"))))


def held_message(result: object) -> str:
    """What to tell the user about marked or corrected commitments the new text no longer
    has (kept visible, not stale); "" when there are none."""
    held = list(getattr(result, "held", None) or [])
    if not held:
        return ""
    ids = "、".join(str(i) for i in held[:20]) + ("……" if len(held) > 20 else "")
    return (_tr("有 %1 条已标记或修正过的承诺在新导入的文本中找不到了。它们仍然显示在列表中，"
                "请逐条核对（编号 %2）。")
            .replace("%1", str(len(held))).replace("%2", ids))


def show_error(parent: QWidget | None, message: str) -> None:
    """The one-line warning box for a UserError (or an internal error's one line)."""
    warn_plain(parent, _tr("无法导入"), message)


def extract_and_store(*args, **kwargs):
    """tracker.importer.import_files, imported on the worker at first use (the extraction
    rules compile ~200 regular expressions: not before the window's first paint). An
    excerpt refused is returned, not raised: the user is asked what to do with it."""
    from tracker.importer import import_files
    try:
        return import_files(*args, **kwargs)
    except ExcerptRefused as exc:
        return exc


# The choices offered for an excerpt: (button, import_files option, what it does).
EXCERPT_CHOICES = (
    ("替换为此版本", "force", "替换为此版本：它成为这份报告的当前版本，缺少的段落中的承诺不再列出"
                               "（标记或更正过的仍保留）。"),
    ("作为单独文件导入", "separate", "作为单独文件导入：另作一份文件导入，已导入的报告不变。"),
)


def excerpt_question(parent: QWidget | None, refused: ExcerptRefused, before: int = 0,
                     after: int = 0) -> QMessageBox:
    """The refusal of an excerpt as a question (not yet shown): one button per
    EXCERPT_CHOICES (its `option` property names the import option) and 取消; before and
    after: how many files of the same import were stored before it, and wait after it."""
    box = QMessageBox(QMessageBox.Icon.Question, _tr("只是已导入报告的一部分"), "", QMessageBox.StandardButton.NoButton,
                      parent)
    box.setTextFormat(Qt.TextFormat.PlainText)      # file names and titles come from documents
    box.setText(_tr("“%1”只是已导入的《%2》（%3）的一部分，缺少其 %4 的段落，尚未导入。")
                .replace("%1", Path(refused.path).name).replace("%2", refused.title)
                .replace("%3", refused.name).replace("%4", f"{refused.missing:.0%}"))
    batch = ""
    if before:
        batch += _tr("之前的 %1 个文件已导入。").replace("%1", str(before))
    if after:
        batch += _tr("选择后继续导入其后的 %1 个文件；取消则不再导入。").replace("%1", str(after))
    box.setInformativeText("\n".join(_tr(words) for _, _, words in EXCERPT_CHOICES)
                           + ("\n\n" + batch if batch else ""))
    for label, option, _ in EXCERPT_CHOICES:
        button = box.addButton(_tr(label), QMessageBox.ButtonRole.AcceptRole)
        button.setProperty("option", option)
    cancel = box.addButton(_tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)        # neither import is what Enter should do by chance
    box.setEscapeButton(cancel)
    return box


class Importer(QObject):
    """Runs one import at a time and tells listeners when the store changed."""

    imported = Signal(object)   # the ImportResult, after a successful import
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None, store) -> None:
        super().__init__(parent)
        self._widget = parent
        self.store = store
        self.task: Task | None = None
        self.dialog: QProgressDialog | None = None
        self.question: QMessageBox | None = None    # asking about an excerpt
        self._done = None           # what the runs of this import added so far
        self._after: list[str] = []     # the files after an excerpt, imported once it is settled
        self._on_done: Callable[[object], None] | None = None

    def set_store(self, store) -> None:
        """Import into another store from now on."""
        self.store = store

    def busy(self) -> bool:
        """True while an import is queued or running, or asks about an excerpt."""
        return (self.task is not None and not self.task.is_done()) or self.question is not None

    def start(self, paths: Sequence[str | Path],
              on_done: Callable[[object], None] | None = None) -> Task | None:
        """Import paths with a progress dialog; the Task, or None if nothing to do."""
        paths = [str(p) for p in paths]
        if not paths or self.store is None:
            return None
        if self.busy():
            # A second drop while the first batch is still being read.
            show_error(self._widget, _tr("上一批文件仍在导入，请完成后再试。"))
            return None
        self._done, self._after, self._on_done = ImportResult(), [], on_done
        return self._run(paths)

    def _run(self, paths: list[str], **option: bool) -> Task:
        """One run on the worker: paths in turn (option: force or separate, for an excerpt)."""
        dialog = QProgressDialog(_tr("正在导入 %n 个文件…").replace("%n", str(len(paths))),
                                 _tr("取消"), 0, 0, self._widget)
        dialog.setWindowTitle(_tr("导入"))
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(300)   # quick imports never flash a dialog
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        self.dialog = dialog
        # Its own connection on the worker, so edits in the window meanwhile are safe.
        task = run_task(write_op(self.store, extract_and_store, paths, **option), on_progress=self._progress)
        self.task = task
        dialog.canceled.connect(task.cancel)
        task.finished.connect(lambda result: self._finished(result, paths))
        task.failed.connect(self._failed)
        task.cancelled.connect(self._cancelled)
        return task

    def _progress(self, done: int, total: int) -> None:
        if self.dialog is not None and not self.dialog.wasCanceled():
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, max(total, 1)))

    def _close_dialog(self) -> None:
        self.task = None
        if self.dialog is not None:
            self.dialog.reset()     # stops its show timer: it would pop up over the error box
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None

    def _finished(self, result: object, paths: list[str]) -> None:
        self._close_dialog()
        if isinstance(result, ExcerptRefused):      # returned by extract_and_store
            self._done.add(result.before)
            refused = next(i for i, p in enumerate(paths) if Path(p) == Path(result.path))
            self._after = paths[refused + 1:]
            self._ask(result)
            return
        self._done.add(result)
        if self._after:
            after, self._after = self._after, []
            self._run(after)
        else:
            self._end()

    def _end(self) -> None:
        if self._on_done is not None:
            self._on_done(self._done)
        self.imported.emit(self._done)

    def _ask(self, refused: ExcerptRefused) -> None:
        """Ask what to do with an excerpt (window-modal, without blocking); the answer
        imports that one file so, or ends the import where it stopped."""
        box = excerpt_question(self._widget, refused, self._done.documents_added, len(self._after))
        self.question = box

        def answered() -> None:
            self.question = None
            box.deleteLater()
            option = box.clickedButton().property("option") if box.clickedButton() else None
            if option:
                self._run([str(refused.path)], **{option: True})
            elif self._done.documents_added:        # the files before it are stored: show them
                self._end()
            else:
                self.cancelled.emit()
        box.finished.connect(answered)
        box.open()

    def _failed(self, message: str) -> None:
        self._close_dialog()
        show_error(self._widget, message)
        self.failed.emit(message)

    def _cancelled(self) -> None:
        self._close_dialog()
        self.cancelled.emit()


def import_files(parent: QWidget | None, store, paths: Sequence[str | Path],
                 on_done: Callable[[object], None] | None = None) -> Task | None:
    """Import paths in a worker with a progress dialog; the Task (None if nothing to do)."""
    importer = Importer(parent, store)
    task = importer.start(paths, on_done)
    if task is None:
        importer.deleteLater()
        return None
    task.importer = importer    # keeps the QObject (and its signals) alive with the task
    for ended in (importer.imported, importer.failed, importer.cancelled):   # after any question
        ended.connect(importer.deleteLater)
    return task


def choose_files(parent: QWidget | None) -> list[str]:
    """Ask for files to import, starting in the last folder used (kept in QSettings)."""
    settings = QSettings()
    folder = settings.value(LAST_FOLDER_KEY, str(Path.home()), type=str)
    paths, _ = QFileDialog.getOpenFileNames(parent, _tr("导入报告"), folder, _tr(FILE_FILTER))
    if paths:
        settings.setValue(LAST_FOLDER_KEY, str(Path(paths[0]).parent))
    return paths


def local_paths(mime) -> list[str]:
    """Local file paths among a drag's urls (web links and folders are left out)."""
    if mime is None or not mime.hasUrls():
        return []
    paths = []
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.is_file():
                paths.append(str(path))
    return paths


class DropImporter(QObject):
    """Event filter that accepts files dropped on a widget and hands their paths over.

    `widget.installEventFilter(drop)`; the widget gets setAcceptDrops(True).
    `dropped(list[str])` fires with the local paths; connect it to the import.
    """

    dropped = Signal(list)

    def __init__(self, widget: QWidget, on_paths: Callable[[list[str]], None] | None = None
                 ) -> None:
        super().__init__(widget)
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)
        if on_paths is not None:
            self.dropped.connect(on_paths)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind in (QEvent.DragEnter, QEvent.DragMove):
            if local_paths(event.mimeData()):
                event.acceptProposedAction()
                return True
            return False
        if kind == QEvent.Drop:
            paths = local_paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                self.dropped.emit(paths)
                return True
        return False
