"""Completing the extraction by hand in the app: 添加为承诺 from a source selection, 不是承诺,
恢复, 修改文字, 拆分, 合并 — the dialogs, and the undoable CurateCommands they push.

The add dialog comes prefilled by the extractor's own clause rules run over the
selection (tracker.extract.selection.prefill); every field stays editable. Each
function returns the command it pushed (None when the user cancelled).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from tracker.errors import UserError
from tracker.extract.selection import prefill
from tracker.model import KINDS
from tracker.store.query import format_target
from ui.commands import CurateCommand, errors_to
from ui.compact import FlowLayout, gui_words, warn_plain
from ui.status_style import kind_label

Notify = Callable[[list[int]], None] | None
# Clause ends a split is first offered at: "…增长7%；…增长8%" -> two parts.
_CLAUSE_END = re.compile(r"(?<=[；;。])|(?<=，)(?=[^，]{6,}$)")


def _tr(text: str) -> str:
    return QCoreApplication.translate("curation", text)


def _number(text: str) -> float | None:
    text = text.strip().rstrip("%％")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise UserError(_tr("%1: 目标值应为数字").replace("%1", text)) from None


class AddDialog(QDialog):
    """The selected text and its fields as the extractor reads them, all editable."""

    def __init__(self, parent: QWidget | None, text: str, plan_year: int | None,
                 where: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加为承诺"))
        self.plan_year = plan_year
        form = QFormLayout(self)
        if where:
            form.addRow(QLabel(where))
        self.text_edit = QPlainTextEdit(text)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMaximumHeight(90)
        form.addRow(self.tr("承诺内容"), self.text_edit)
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        form.addRow(self.tr("类型"), self.kind)
        self.indicator = QLineEdit()
        form.addRow(self.tr("指标"), self.indicator)
        self.value = QLineEdit()
        self.unit = QLineEdit()
        form.addRow(self.tr("目标值"), self.value)
        form.addRow(self.tr("单位"), self.unit)
        self.deadline_text = QLineEdit()
        self.deadline = QLineEdit()
        self.deadline.setPlaceholderText("YYYY-MM-DD")
        form.addRow(self.tr("时限"), self.deadline_text)
        form.addRow(self.tr("截止日期"), self.deadline)
        self.target = QLabel()
        self.target.setStyleSheet("color: palette(placeholder-text);")
        form.addRow(self.tr("读作"), self.target)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("添加"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._fields: dict = {}
        self._fill(prefill(text, plan_year))
        # A re-worded text is read again (the kind the user chose stays).
        self.text_edit.textChanged.connect(
            lambda: self._fill(prefill(self.text(), plan_year, self.kind.currentData())))
        self.kind.currentIndexChanged.connect(
            lambda: self._fill(prefill(self.text(), plan_year, self.kind.currentData())))
        for edit in (self.value, self.unit, self.indicator):
            edit.textEdited.connect(self._show_target)
        self.resize(520, 0)

    def text(self) -> str:
        """The commitment text as edited."""
        return self.text_edit.toPlainText().strip()

    def _fill(self, fields: dict) -> None:
        self._fields = dict(fields)
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(self.kind.findData(fields["kind"]), 0))
        self.kind.blockSignals(False)
        self.indicator.setText(fields.get("indicator") or "")
        value = fields.get("value")
        self.value.setText("" if value is None else f"{value:g}")
        self.unit.setText(fields.get("unit") or "")
        self.deadline_text.setText(fields.get("deadline_text") or "")
        self.deadline.setText(fields.get("deadline") or "")
        self._show_target()

    def _show_target(self, *_args: object) -> None:
        try:
            fields = self.fields()
        except UserError as exc:
            self.target.setText(str(exc))
            return
        words = format_target(fields)
        self.target.setText(" · ".join(x for x in (fields.get("indicator") or "", words,
                                                   fields.get("deadline_text") or "") if x)
                            or self.tr("（无数值目标）"))

    def fields(self) -> dict:
        """The fields as shown (the extractor's reading with the user's changes)."""
        fields = dict(self._fields)
        value = _number(self.value.text())
        if value != fields.get("value"):
            fields.update(value=value, value_high=None)
            if value is not None and fields.get("measure") == "qualitative":
                fields["measure"] = "level"
        fields.update(kind=self.kind.currentData(), indicator=self.indicator.text().strip() or None,
                      unit=self.unit.text().strip() or None,
                      deadline_text=self.deadline_text.text().strip() or None,
                      deadline=self.deadline.text().strip() or None)
        return fields


def _plan_year(store, report_id: int) -> int | None:
    return next((r["plan_year"] for r in store.reports() if r["id"] == report_id), None)


def _added(store, cid: int) -> tuple[int, list[int]]:
    """(curation id, [cid]) of a commitment just made by hand (its newest curation)."""
    return store.curation.history(cid)[0]["id"], [cid]


def _push(stack: QUndoStack, command: CurateCommand) -> CurateCommand | None:
    # A command that fails shows its one line itself and leaves the stack (commands.py).
    stack.push(command)
    return command if command.kid is not None else None


def add_from_selection(parent: QWidget | None, store, stack: QUndoStack, report_id: int,
                       text: str, line: int | None, notify: Notify = None) -> CurateCommand | None:
    """Ask with AddDialog (prefilled from the selection) and add the commitment (undoable)."""
    text = " ".join(text.split())
    if not text:
        return None
    where = _tr("第%1行").replace("%1", str(line)) if line else ""
    dialog = AddDialog(parent, text, _plan_year(store, report_id), where)
    try:
        if dialog.exec() != QDialog.Accepted:
            return None
        final, fields = dialog.text(), dialog.fields()
    except UserError as exc:
        warn_plain(parent, _tr("无法添加"), str(exc))
        return None
    finally:
        dialog.deleteLater()
    return _push(stack, CurateCommand(
        store, _tr("添加为承诺"),
        lambda: _added(store, store.curation.add(report_id, final, line=line, **fields)), notify))


def drop_ids(store, stack: QUndoStack, ids: Sequence[int], notify: Notify = None
             ) -> CurateCommand | None:
    """Mark commitments 不是承诺 (undoable)."""
    ids = [int(i) for i in ids]
    if not ids:
        return None
    text = _tr("标为不是承诺") if len(ids) == 1 else \
        _tr("将 %1 条标为不是承诺").replace("%1", str(len(ids)))
    return _push(stack, CurateCommand(store, text, lambda: (store.curation.drop(ids), []), notify))


class RestoreCommand(CurateCommand):
    """Show a hidden commitment again by undoing what hid it (or redoing what made it);
    undo puts each of those edits back the way it was."""

    def __init__(self, store, cid: int, notify: Notify = None) -> None:
        super().__init__(store, _tr("恢复"), lambda: (0, []), notify)
        self.cid = int(cid)
        self.plan: list[tuple[int, bool]] = []

    def _redo(self) -> None:
        if not self.plan:
            self.plan = self.store.curation.hiding(self.cid)
            if not self.plan:
                raise UserError(_tr("%1: 没有被隐藏，无需恢复").replace("%1", str(self.cid)))
        # One transaction for the whole restore (and for its undo).
        touched = {self.cid, *self.store.curation.turn(self.plan)}
        self.kid, self.ids = self.plan[0][0], sorted(touched)
        self.notify([self.cid])

    def _undo(self) -> None:
        self.store.curation.turn([(kid, not creator) for kid, creator in reversed(self.plan)])
        self.notify(self.ids)


def restore_id(store, stack: QUndoStack, cid: int, notify: Notify = None) -> CurateCommand | None:
    """Show a hidden commitment again (undoable)."""
    return _push(stack, RestoreCommand(store, cid, notify))


def edit_text(parent: QWidget | None, store, stack: QUndoStack, cid: int,
              notify: Notify = None) -> CurateCommand | None:
    """Ask a new wording and re-word the commitment (undoable)."""
    old = store.commitment(cid)["text"]
    dialog = _TextDialog(parent, _tr("修改承诺文字"), _tr("承诺内容"), old)
    text = dialog.ask()
    if text is None or text == old:
        return None
    return _push(stack, CurateCommand(store, _tr("修改文字"),
                                      lambda: (store.curation.edit_text(cid, text), []), notify))


def split_parts(text: str) -> list[str]:
    """A first guess at the parts of a split: the text cut after each 。； (else the last ，)."""
    parts = [p.strip() for p in _CLAUSE_END.split(text) if p and p.strip()]
    return parts if len(parts) > 1 else [text]


def split_id(parent: QWidget | None, store, stack: QUndoStack, cid: int,
             notify: Notify = None) -> CurateCommand | None:
    """Ask the parts (one a line, in any wording: each keeps the original's place in the
    report) and split the commitment into them (undoable). Until the split is made or the
    user cancels, the dialog stays with what was typed and says what is wrong."""
    c = store.commitment(cid)
    text, error = "\n".join(split_parts(c["text"])), ""
    year = c.get("plan_year")
    while True:
        dialog = _TextDialog(parent, _tr("拆分承诺"), _tr("每行一条"), text, error,
                             _tr("原文：%1").replace("%1", c["text"]))
        answer = dialog.ask()
        if answer is None:
            return None
        text = answer
        texts = [t.strip() for t in answer.splitlines() if t.strip()]
        if len(texts) < 2:
            error = _tr("请写至少两条，每行一条。")
            continue
        parts = [{"text": t, **prefill(t, year, c["kind"])} for t in texts]
        failures: list[str] = []
        with errors_to(failures.append):
            command = _push(stack, CurateCommand(store, _tr("拆分为 %1 条").replace("%1", str(len(parts))),
                                                 lambda: store.curation.split(cid, parts), notify))
        if command is not None:
            return command
        error = gui_words(failures[-1]) if failures else _tr("无法拆分")


def merge_ids(parent: QWidget | None, store, stack: QUndoStack, ids: Sequence[int],
              notify: Notify = None) -> CurateCommand | None:
    """Ask the merged wording (their texts joined in document order) and merge (undoable)."""
    rows = sorted((store.commitment(i) for i in ids), key=lambda r: (r["line"], r["start"] or 0, r["id"]))
    if len(rows) < 2:
        raise UserError(_tr("合并至少需要选择两条承诺"))
    joined = ""
    for r in rows:
        joined += ("" if not joined or joined[-1] in "，。；;,、：:" else "；") + r["text"]
    dialog = _TextDialog(parent, _tr("合并承诺"), _tr("合并后的内容"), joined)
    text = dialog.ask()
    if text is None:
        return None
    fields = prefill(text, rows[0].get("plan_year"), rows[0]["kind"]) if text != joined else {}

    def do() -> tuple[int, list[int]]:
        kid, new = store.curation.merge([r["id"] for r in rows], text=text, **fields)
        return kid, [new]
    return _push(stack, CurateCommand(store, _tr("合并 %1 条").replace("%1", str(len(rows))), do, notify))


class _TextDialog(QDialog):
    """A multi-line text to confirm or edit (with what went wrong last time, and a note above)."""

    def __init__(self, parent: QWidget | None, title: str, label: str, text: str,
                 error: str = "", note: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        for words, style in ((note, "color: palette(placeholder-text);"), (error, "color: #b3261e;")):
            if words:
                shown = QLabel(words)
                shown.setTextFormat(Qt.TextFormat.PlainText)
                shown.setWordWrap(True)
                shown.setStyleSheet(style)
                form.addRow(shown)
        self.error = error
        self.edit = QPlainTextEdit(text)
        self.edit.setTabChangesFocus(True)
        form.addRow(label, self.edit)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, 220)

    def ask(self) -> str | None:
        """Run modally: the text (stripped), or None if cancelled."""
        try:
            return self.edit.toPlainText().strip() if self.exec() == QDialog.Accepted else None
        finally:
            self.deleteLater()


class CurationBar(QWidget):
    """Under the mark buttons: 不是承诺 / 修改文字 / 拆分, or for a hidden item why and 恢复."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.hidden_label = QLabel()
        self.hidden_label.setStyleSheet("color: #b71c1c;")
        self.hidden_label.setWordWrap(True)
        self.drop_button = QPushButton(self.tr("不是承诺"))
        self.drop_button.setToolTip(self.tr("从列表和对照表中隐藏（可撤销；筛选“不是承诺”可查看）"))
        self.edit_button = QPushButton(self.tr("修改文字…"))
        self.split_button = QPushButton(self.tr("拆分…"))
        self.split_button.setToolTip(self.tr("把一条拆成几条承诺"))
        self.restore_button = QPushButton(self.tr("恢复"))
        self.restore_button.setToolTip(self.tr("撤销“不是承诺”或拆分/合并，重新列入"))
        layout.addWidget(self.hidden_label)
        # The buttons wrap in a narrow pane (1024×700) instead of widening it past the window.
        buttons = QWidget()
        flow = FlowLayout(buttons)
        for button in (self.drop_button, self.edit_button, self.split_button, self.restore_button):
            flow.addWidget(button)
        layout.addWidget(buttons)

    def show_row(self, row: dict, history: list[dict]) -> None:
        """Offer what fits the commitment shown (a hidden one: why, and 恢复)."""
        hidden = bool(row.get("dropped"))
        why = next((k["words"] for k in history if k["action"] not in ("undo", "redo")), "")
        self.hidden_label.setText(self.tr("已隐藏：%1（不在列表和对照表中）").replace("%1", why)
                                  if hidden else "")
        self.hidden_label.setVisible(hidden)
        for button in (self.drop_button, self.edit_button, self.split_button):
            button.setVisible(not hidden)
        self.restore_button.setVisible(hidden)
