"""The first day: the welcome panel of an empty store, the 示例台账 and the user's own store.

The user's store starts empty. While the open store holds no document the window shows,
in place of its panes (never a modal dialog), a panel offering 导入报告…, 打开示例台账 and
a short 快速入门. The 示例台账 (ui/samples.py) opens read-only with a banner saying so;
an import made while it is open goes to the user's store, which the window switches back
to first. The user's store is the last store opened that is not a sample, else the
default store that `tracker` without --db uses too.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QSizePolicy, QStackedWidget, QVBoxLayout, QWidget)

from tracker.errors import UserError
from tracker.store import default_store_path
from ui import samples
from ui.help_dialogs import quick_start_html

LAST_STORE_KEY = "store/last"


def user_store_path() -> Path:
    """The user's own store: the last one opened (never a sample), else the default store."""
    last = QSettings().value(LAST_STORE_KEY, "", type=str)
    if last and Path(last).is_file() and not samples.is_sample(last):
        return Path(last)
    return default_store_path()


def remember_store(path: str | Path | None) -> None:
    """Note path as the store to open next time, unless it is a sample."""
    if path and not samples.is_sample(path):
        QSettings().setValue(LAST_STORE_KEY, str(path))


class WelcomePanel(QScrollArea):
    """What an empty store shows: the three ways to start, and where the store lives."""

    import_requested = Signal()
    samples_requested = Signal()
    help_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget()
        outer = QHBoxLayout(page)
        column = QWidget()
        column.setMaximumWidth(620)
        column.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        outer.addStretch(1)
        outer.addWidget(column, 4)
        outer.addStretch(1)
        layout = QVBoxLayout(column)
        layout.setSpacing(12)
        layout.addStretch(1)
        title = QLabel(self.tr("欢迎使用承诺台账"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        lead = QLabel(self.tr("导入政府工作报告，承诺台账逐条列出其中的预期目标、民生实事和项目承诺，"
                              "对照后续报告核验完成情况，并打印对照表。你的台账现在还是空的。"))
        lead.setWordWrap(True)
        layout.addWidget(lead)
        buttons = QHBoxLayout()
        self.import_button = QPushButton(self.tr("导入报告…"))
        self.import_button.setDefault(True)
        self.import_button.setToolTip(self.tr("选择 txt、docx、pdf 或 html 文件（Ctrl+I）"))
        self.samples_button = QPushButton(self.tr("打开示例台账"))
        self.samples_button.setToolTip(self.tr("五份示例报告，只读；随时可从“帮助”菜单打开"))
        for button in (self.import_button, self.samples_button):
            button.setMinimumHeight(button.sizeHint().height() + 12)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.import_button.clicked.connect(self.import_requested)
        self.samples_button.clicked.connect(self.samples_requested)
        layout.addLayout(buttons)
        drop = QLabel(self.tr("也可以把报告文件拖到这个窗口。"))
        drop.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(drop)
        heading = QLabel(self.tr("快速入门"))
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        steps = QLabel(quick_start_html(short=True))
        steps.setWordWrap(True)
        steps.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(steps)
        self.more_button = QPushButton(self.tr("完整的快速入门和快捷键…"))
        self.more_button.setFlat(True)
        self.more_button.setStyleSheet("text-align: left; color: palette(link);")
        self.more_button.clicked.connect(self.help_requested)
        layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.store_label = QLabel()
        self.store_label.setTextFormat(Qt.TextFormat.PlainText)
        self.store_label.setWordWrap(True)
        self.store_label.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.store_label)
        layout.addStretch(2)
        self.setWidget(page)

    def set_store_path(self, path: str | Path | None) -> None:
        """Say which file the user's work will go to."""
        self.store_label.setText(self.tr("你的台账文件：%1").replace("%1", str(path)) if path else "")


class SampleBanner(QFrame):
    """The strip over the panes while the 示例台账 is open: it is read-only, and the way back."""

    back_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sample-banner")
        self.setStyleSheet("#sample-banner { background: #fff8e1; border-bottom: 1px solid #e0c068; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        self.label = QLabel(self.tr("这是示例台账（只读）：看看承诺台账能做什么。你自己的报告请导入到你的台账。"))
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.import_button = QPushButton(self.tr("导入报告…"))
        self.back_button = QPushButton(self.tr("回到我的台账"))
        layout.addWidget(self.import_button)
        layout.addWidget(self.back_button)
        self.import_button.clicked.connect(self.import_requested)
        self.back_button.clicked.connect(self.back_requested)
        self.hide()


class WelcomeMixin:
    """MainWindow methods: the central stack (panes or welcome), samples, the user's store."""

    def build_central(self, panes: QWidget) -> QStackedWidget:
        """The central widget: the sample banner over the panes, or the welcome panel."""
        self.welcome = WelcomePanel()
        self.sample_banner = SampleBanner()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sample_banner)
        layout.addWidget(panes, 1)
        self.central = QStackedWidget()
        self.central.addWidget(page)
        self.central.addWidget(self.welcome)
        self.welcome.samples_requested.connect(self.open_samples)
        self.welcome.help_requested.connect(lambda: self.actions_.quick_start.trigger())
        self.sample_banner.back_requested.connect(self.open_user_store)
        for panel in (self.welcome, self.sample_banner):
            panel.import_requested.connect(lambda: self.actions_.import_.trigger())
        return self.central

    def showing_samples(self) -> bool:
        """True while the 示例台账 is the open store."""
        return self.store is not None and samples.is_sample(getattr(self.store, "path", None))

    def show_start_panels(self) -> None:
        """Welcome panel for an empty (or no) store; the banner while the samples are open."""
        empty = self.store is None or not self.store.documents()
        self.central.setCurrentWidget(self.welcome if empty else self.central.widget(0))
        if not empty:
            self.initial_sizes()      # the panes' first appearance after the welcome panel
        self.welcome.set_store_path(getattr(self.store, "path", None))
        self.sample_banner.setVisible(self.showing_samples())

    def user_store_path(self) -> Path:
        """The store the user's own work goes to (never the samples)."""
        path = getattr(self, "_user_store", None)
        return path if path is not None else user_store_path()

    def note_user_store(self, store) -> None:
        """After a store was opened: remember it as the user's, unless it is the samples."""
        path = getattr(store, "path", None)
        if path and not samples.is_sample(path):
            self._user_store = Path(path)
            remember_store(path)

    def open_user_store(self) -> bool:
        """Leave the samples for the user's own store (made when it does not exist yet)."""
        return self.open_store(self.user_store_path())

    def open_samples(self) -> None:
        """Open the 示例台账, building it on the worker the first time (a few seconds)."""
        if self.showing_samples():
            return
        path = samples.sample_path()
        if path.is_file():
            self._show_samples(path)
            return
        self.run_in_background(partial(samples.build_samples, path), message=self.tr("正在准备示例台账…"),
                               on_done=lambda built: built and self._show_samples(built))

    def _show_samples(self, path: Path) -> None:
        try:
            store = samples.open_samples(path)
        except UserError as exc:
            self.show_error(str(exc))
            return
        if self.busy():
            store.close()
            self.show_error(self.tr("请等待当前任务完成后再切换台账。"))
            return
        self.set_store(store)
        self.statusBar().showMessage(self.tr("已打开示例台账（只读）"), 5000)

    def import_paths(self, paths: list[str]):
        """Import files into the open store; while the samples are open, into the user's."""
        if self.showing_samples() and not self.open_user_store():
            return None
        return super().import_paths(paths)

    def open_files(self, paths: list[str]):
        """`tracker-app FILE…` (a desktop's "open with"): import the files, then select what
        they hold, a file imported before included (it is not imported twice)."""
        hashes = {_sha256(p) for p in paths}
        task = self.import_paths(paths)
        if task is not None:
            task.finished.connect(lambda _result: self._select_files(hashes))
        return task

    def _select_files(self, hashes: set[str | None]) -> bool:
        """Select in the tree the report of those files, or the region they share."""
        docs = {d["id"] for d in self.store.documents() if d.get("sha256") in hashes}
        shown = [r for r in self.store.tree() if r.get("document_id") in docs and r.get("count")]
        regions = {r.get("region") for r in shown}
        if len(shown) == 1:
            return self.tree.select_scope({"report_id": shown[0]["report_id"]})
        if len(regions) == 1 and None not in regions:
            return self.tree.select_scope({"region": regions.pop()})
        return bool(shown) and self.tree.select_scope({"report_id": shown[0]["report_id"]})


def _sha256(path: str) -> str | None:
    """The file's sha256, as the importer knows a file (None when it cannot be read)."""
    import hashlib

    from tracker.ingest.limits import MAX_FILE_BYTES
    try:
        # Only a regular file within the bound: a pipe would block here, /dev/zero never end
        # (the import then refuses them in one line).
        if not Path(path).is_file() or Path(path).stat().st_size > MAX_FILE_BYTES:
            return None
        with open(path, "rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except OSError:
        return None
