"""Editable parsed fields of a commitment: fix a wrong value, unit, deadline, plan year,
a target's stretch value (力争) or a project's subject.

The form shows the current (possibly corrected) values, marks fields the user
corrected with the extracted value in a tooltip, validates entries, and emits
`apply_requested(dict)` with only the changed fields; the pane turns that into a
CorrectCommand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from tracker.model import KINDS
from ui.compact import plain_tip
from ui.status_style import kind_label

# (field, label, choices or None for free text); choices are (stored value, label).
MEASURES = (("growth", "增速"), ("level", "总量/水平"), ("rank", "排名"), ("qualitative", "定性"))
COMPARATORS = ((">=", "≥ 以上/不低于"), ("<=", "≤ 以内/不超过"), ("≈", "≈ 左右"),
               ("range", "区间"))
DIRECTIONS = (("increase", "增加"), ("decrease", "下降"))
FIELDS = ("kind", "subject", "indicator", "measure", "value", "value_high", "stretch", "unit",
          "comparator", "direction", "deadline", "category", "plan_year")
_LABELS = {"kind": "类型", "subject": "项目主体", "indicator": "指标", "measure": "度量", "value": "数值",
           "value_high": "区间上限", "stretch": "力争值", "unit": "单位", "comparator": "比较", "direction": "方向",
           "deadline": "期限", "category": "所属部分", "plan_year": "计划年度"}
_NUMERIC = {"value", "value_high", "stretch"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("fields", text)


def field_label(name: str) -> str:
    """Chinese label of a field."""
    return _tr(_LABELS.get(name, name))


def show_value(value: Any) -> str:
    """A field value as shown in the form and tooltips ("" for none, 7.0 → 7)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def parse_field(name: str, text: str) -> Any:
    """The stored value of an entry; raises ValueError with a Chinese reason."""
    text = text.strip()
    if not text:
        if name in ("kind", "direction"):
            raise ValueError(_tr("%1不能为空").replace("%1", field_label(name)))
        return None
    if name in _NUMERIC:
        try:
            return float(text.replace("，", "").replace(",", ""))
        except ValueError:
            raise ValueError(_tr("%1应为数字：%2").replace("%1", field_label(name))
                             .replace("%2", text)) from None
    if name == "plan_year":
        if not text.isdigit() or not 1949 <= int(text) <= 2100:
            raise ValueError(_tr("计划年度应为四位年份：%1").replace("%1", text))
        return int(text)
    if name == "deadline":
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise ValueError(_tr("期限应为日期 YYYY-MM-DD：%1").replace("%1", text)) from None
    return text


class FieldEditor(QWidget):
    """Form over the parsed fields with 应用更正 / 还原 buttons."""

    apply_requested = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        for name in FIELDS:
            editor = self._make_editor(name)
            label = QLabel(field_label(name))
            label.setBuddy(editor)
            form.addRow(label, editor)
            self.editors[name] = editor
            self.labels[name] = label
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)     # quotes the value typed
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.apply_button = QPushButton(self.tr("应用更正"))
        self.revert_button = QPushButton(self.tr("还原"))
        buttons.addButton(self.apply_button, QDialogButtonBox.ApplyRole)
        buttons.addButton(self.revert_button, QDialogButtonBox.ResetRole)
        layout.addWidget(buttons)
        layout.addStretch(1)
        self.apply_button.clicked.connect(self._apply)
        self.revert_button.clicked.connect(lambda: self.set_values(self._values, self._corrected))
        self._values: dict[str, Any] = {}
        self._corrected: dict[str, Any] = {}
        self._update_buttons()

    def _make_editor(self, name: str) -> QWidget:
        choices = {"kind": [(k, kind_label(k)) for k in KINDS], "measure": MEASURES,
                   "comparator": COMPARATORS, "direction": DIRECTIONS}.get(name)
        if choices is not None:
            combo = QComboBox()
            if name in ("measure", "comparator"):
                combo.addItem(self.tr("（无）"), None)
            for value, label in choices:
                combo.addItem(self.tr(label), value)
            combo.currentIndexChanged.connect(self._update_buttons)
            return combo
        edit = QLineEdit()
        edit.setClearButtonEnabled(True)
        if name == "deadline":
            edit.setPlaceholderText("YYYY-MM-DD")
        elif name == "plan_year":
            edit.setPlaceholderText(self.tr("未注明"))
        elif name == "subject":
            # A project clause that names nothing ("力争3月份开工建设") is led by it.
            edit.setPlaceholderText(self.tr("条文未点名时所指的项目"))
        elif name == "stretch":
            edit.setPlaceholderText(self.tr("如“6%以上、力争7%”中的7"))
        edit.textChanged.connect(self._update_buttons)
        return edit

    # -- values ------------------------------------------------------------------------
    def set_values(self, values: Mapping[str, Any], corrected: Mapping[str, str]) -> None:
        """Show values; corrected maps each user-corrected field to a note on the correction."""
        self._values = {name: values.get(name) for name in FIELDS}
        self._corrected = dict(corrected)
        for name, editor in self.editors.items():
            value = self._values[name]
            if isinstance(editor, QComboBox):
                index = editor.findData(value)
                if index < 0 and value is not None:
                    editor.addItem(str(value), value)   # a value the form does not list
                    index = editor.count() - 1
                editor.setCurrentIndex(max(index, 0))
            else:
                editor.setText(show_value(value))
            label = self.labels[name]
            font = label.font()
            font.setBold(name in self._corrected)
            label.setFont(font)
            text = field_label(name)
            if name in self._corrected:
                label.setText(text + " ✎")
                label.setToolTip(plain_tip(str(self._corrected[name] or "")) or self.tr("已由用户更正"))
            else:
                label.setText(text)
                label.setToolTip("")
        self._update_buttons()

    def corrected_fields(self) -> list[str]:
        """Names of the fields shown as corrected."""
        return [n for n in FIELDS if n in self._corrected]

    def entered(self) -> dict[str, Any]:
        """Every field as entered; raises ValueError naming the first bad entry."""
        out = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                out[name] = editor.currentData()
            else:
                out[name] = parse_field(name, editor.text())
        return out

    def changes(self) -> dict[str, Any]:
        """Fields whose entry differs from the shown value; raises ValueError if one is bad."""
        entered = self.entered()
        return {k: v for k, v in entered.items() if not _same(v, self._values.get(k))}

    def _update_buttons(self, *args: object) -> None:
        try:
            changed = bool(self.changes())
            self.error.setText("")
        except ValueError as exc:
            changed = False
            self.error.setText(str(exc))
        self.apply_button.setEnabled(changed)
        self.revert_button.setEnabled(changed or bool(self.error.text()))

    def _apply(self) -> None:
        try:
            fields = self.changes()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        if fields:
            self.apply_requested.emit(fields)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    if a is None or b is None:
        return (a in (None, "")) and (b in (None, ""))
    return a == b
