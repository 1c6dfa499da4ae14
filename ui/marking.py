"""Mark progress: the dialog asking status, note, evidence, progress and date, and the actions that open it.

Used by the detail pane and by the main window (context menu, Ctrl+1..5 on the
selected rows); the edit itself is a MarkCommand pushed on the window's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QRadioButton,
                               QSpinBox, QWidget)

from tracker.display import commitment_label
from tracker.errors import UserError
from tracker.user_dates import parse_user_date
from ui.commands import MarkCommand
from ui.status_style import kind_label, status_colours, status_label, status_shortcut, statuses


@dataclass(frozen=True)
class Marking:
    """What the user entered in the dialog."""

    status: str
    note: str
    evidence: str | None
    progress: float | None = None   # share done, 0–1; None when not given
    date: str | None = None         # ISO day the status holds from; None when not given

    def extra(self) -> dict:
        """Keyword arguments for MarkCommand / store.mark beyond status, note, evidence."""
        extra = {"progress": self.progress} if self.progress is not None else {}
        return extra | ({"date": self.date} if self.date else {})


# Rows named at the top of the dialog when several are marked at once.
NAMED_ROWS = 3


class MarkDialog(QDialog):
    """Ask a status (已完成 … 未核实), a note and optional evidence text, for the rows it names."""

    def __init__(self, parent: QWidget | None = None, status: str | None = None,
                 count: int = 1, rows: Sequence[dict] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("标记进展"))
        form = QFormLayout(self)
        # Which row(s) the status is for: the walk through suggestions moves the selection,
        # so the dialog says it rather than leaving it to the table.
        self.about = QLabel(_about(rows, count))
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.about.setWordWrap(True)
        self.about.setStyleSheet("font-weight: bold;")
        self.about.setVisible(bool(self.about.text()))
        form.addRow(self.about)
        self._group = QButtonGroup(self)
        row = QHBoxLayout()
        for i, key in enumerate(statuses()):
            button = QRadioButton(status_label(key))
            fg, _bg = status_colours(key)
            button.setStyleSheet(f"QRadioButton {{ color: {fg.name()}; }}")
            button.setProperty("status", key)
            # Alt+1..5 inside the dialog, so the keyboard flow is Ctrl+1 then Enter.
            button.setShortcut(QKeySequence(f"Alt+{i + 1}"))
            button.setToolTip(status_shortcut(key))
            self._group.addButton(button, i)
            row.addWidget(button)
            if key == status:
                button.setChecked(True)
        form.addRow(self.tr("状态"), row)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(self.tr("说明（可选）：依据、进度、存在问题"))
        self.note_edit.setTabChangesFocus(True)
        form.addRow(self.tr("说明"), self.note_edit)
        self.evidence_edit = QPlainTextEdit()
        self.evidence_edit.setPlaceholderText(
            self.tr("证据（可选）：后续报告、新闻或统计公报中的原文"))
        self.evidence_edit.setTabChangesFocus(True)
        form.addRow(self.tr("证据"), self.evidence_edit)
        # Progress against the 序时进度: the table flags 滞后 when it falls behind.
        self.progress_spin = QSpinBox()
        self.progress_spin.setRange(-1, 100)
        self.progress_spin.setSpecialValueText(self.tr("未填写"))
        self.progress_spin.setSuffix("%")
        self.progress_spin.setValue(-1)
        self.progress_spin.setToolTip(self.tr("完成进度（可选），用于判断是否滞后于序时进度"))
        form.addRow(self.tr("进度"), self.progress_spin)
        # The day the status holds from, as people write it: read by tracker.user_dates,
        # the reading shown beside it so a wrong guess is seen before recording.
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText(self.tr("日期（可选）：2025-03-01、3月1日、昨天、三天前"))
        self.date_shown = QLabel()
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_edit, 1)
        date_row.addWidget(self.date_shown)
        form.addRow(self.tr("日期"), date_row)
        self._buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self._buttons.button(QDialogButtonBox.Ok).setText(self.tr("记录"))
        self._buttons.button(QDialogButtonBox.Ok).setToolTip("Ctrl+Enter")
        self._buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        form.addRow(self._buttons)
        self._group.buttonToggled.connect(self._update_ok)
        self.date_edit.textChanged.connect(self._update_ok)
        # Enter types a new line in the note; Ctrl+Enter records, as in mail clients.
        self.note_edit.installEventFilter(self)
        self.evidence_edit.installEventFilter(self)
        self._update_ok()
        self.resize(520, 320)

    def _update_ok(self, *args: object) -> None:
        date_ok = self._show_date()
        self._buttons.button(QDialogButtonBox.Ok).setEnabled(self.status() is not None and date_ok)

    def _show_date(self) -> bool:
        """Show how the typed date reads (or why it does not); False when it does not."""
        try:
            day = self.date()
        except UserError as exc:
            self.date_shown.setText(str(exc).split(": ", 1)[-1].split(" / ")[0])
            self.date_shown.setStyleSheet("color: #b3261e;")
            return False
        self.date_shown.setText(day or "")
        self.date_shown.setStyleSheet("")
        return True

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if (event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Return, Qt.Key_Enter)
                and event.modifiers() & Qt.ControlModifier):
            if self._buttons.button(QDialogButtonBox.Ok).isEnabled():
                self.accept()
            return True
        return super().eventFilter(obj, event)

    def set_status(self, status: str) -> None:
        """Select a status button."""
        for button in self._group.buttons():
            if button.property("status") == status:
                button.setChecked(True)

    def status(self) -> str | None:
        """The chosen status, or None while none is chosen."""
        button = self._group.checkedButton()
        return button.property("status") if button is not None else None

    def note(self) -> str:
        """The note, stripped."""
        return self.note_edit.toPlainText().strip()

    def evidence(self) -> str | None:
        """The evidence text, or None when empty."""
        text = self.evidence_edit.toPlainText().strip()
        return text or None

    def progress(self) -> float | None:
        """The progress entered as a share 0–1, or None when left at 未填写."""
        value = self.progress_spin.value()
        return None if value < 0 else value / 100

    def date(self) -> str | None:
        """The typed date as ISO text, None when empty; UserError when it is not a date."""
        text = self.date_edit.text().strip()
        return parse_user_date(text).isoformat() if text else None

    def marking(self) -> Marking | None:
        """The entered values, or None when no status was chosen (or the date is not one)."""
        status = self.status()
        if status is None:
            return None
        try:
            day = self.date()
        except UserError:
            return None
        return Marking(status, self.note(), self.evidence(), self.progress(), day)

    @staticmethod
    def get(parent: QWidget | None = None, status: str | None = None,
            count: int = 1, rows: Sequence[dict] = ()) -> Marking | None:
        """Run the dialog modally; the entered values, or None if cancelled."""
        dialog = MarkDialog(parent, status, count, rows)
        try:
            if dialog.exec() != QDialog.Accepted:
                return None
            return dialog.marking()
        finally:
            dialog.deleteLater()


def mark_ids(parent: QWidget | None, store, undo_stack: QUndoStack, ids: Sequence[int],
             status: str | None = None,
             notify: Callable[[list[int]], None] | None = None, ask: bool = True) -> bool:
    """Push one MarkCommand for all ids, asking with MarkDialog first unless ask is False
    (then status is recorded without a note); True if marked."""
    ids = [int(i) for i in ids]
    if not ids:
        return False
    if not ask and status is not None:
        undo_stack.push(MarkCommand(store, ids, status, "", None, notify=notify))
        return True
    rows = store.rows(ids[:NAMED_ROWS])
    marking = MarkDialog.get(parent, status, len(ids), [rows[i] for i in ids[:NAMED_ROWS] if i in rows])
    if marking is None:
        return False
    undo_stack.push(MarkCommand(store, ids, marking.status, marking.note,
                                marking.evidence, notify=notify, **marking.extra()))
    return True


def _about(rows: Sequence[dict], count: int) -> str:
    """The rows a mark is for: one with its report and line, several by their first texts."""
    def text(row: dict) -> str:
        label = commitment_label(dict(row))
        return label if len(label) <= 90 else label[:89] + "…"

    if not rows:
        return QCoreApplication.translate("MarkDialog", "将为 %1 条承诺记录同一状态。").replace(
            "%1", str(count)) if count > 1 else ""
    if count == 1:
        row = rows[0]
        report = row.get("report") if isinstance(row.get("report"), dict) else {}
        where = " · ".join(str(x) for x in (kind_label(row.get("kind")), row.get("title") or report.get("title"),
                                           f"第{row['line']}行" if row.get("line") else "") if x)
        return f"{where}\n{text(row)}"
    more = QCoreApplication.translate("MarkDialog", "……共 %1 条").replace("%1", str(count)) \
        if count > len(rows) else ""
    head = QCoreApplication.translate("MarkDialog", "将为 %1 条承诺记录同一状态：").replace("%1", str(count))
    return "\n".join([head, *(f"· {text(r)}" for r in rows), *([more] if more else [])])


def mark_actions(parent: QWidget, on_mark: Callable[[str], None]) -> list[QAction]:
    """One QAction per status (label, Ctrl+1..5) calling on_mark(status); add them to a widget."""
    actions = []
    for key in statuses():
        # No dialog: the key marks at once; Ctrl+M opens the dialog for a note.
        action = QAction(parent.tr("标记为“%1”").replace("%1", status_label(key)), parent)
        action.setShortcut(QKeySequence(status_shortcut(key)))
        # Active where the actions are added (the table and its menus), so the detail
        # pane can use the same keys for the commitment it shows.
        action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        action.setData(key)
        action.triggered.connect(lambda _checked=False, k=key: on_mark(k))
        actions.append(action)
    return actions
