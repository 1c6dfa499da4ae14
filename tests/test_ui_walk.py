"""The frictions of a real walk (issue 25 part 3): the mark dialog and the walk through
suggestions, in the real window on real seeds (pytest-qt)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication

from conftest import seed
from test_ui_daily import find_evidence, open_window
from tracker.display import commitment_label
from tracker.importer import import_files
from tracker.store import Filter, Store
from ui.marking import MarkDialog


@pytest.fixture
def reviewed(qtbot, tmp_path):
    """肃州区 2024 plan (001) and its 2025 review (000), evidence found, window open."""
    store = Store.open(tmp_path / "r.db")
    import_files(store, [seed("000"), seed("001")])
    w = open_window(qtbot, store)
    find_evidence(qtbot, w)
    yield w
    w.close()


def dialog_text(qtbot, w, action) -> str:
    """Trigger action, read the mark dialog's words about its rows, cancel it."""
    seen = {}

    def read():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, MarkDialog)
        seen["about"] = dialog.about.text()
        dialog.reject()
    QTimer.singleShot(0, read)
    action.trigger()
    qtbot.waitUntil(lambda: "about" in seen, timeout=5000)
    w.windowHandle().requestActivate()      # offscreen, the closed dialog leaves no window active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=5000)
    w.table.setFocus()
    return seen["about"]


def test_the_mark_dialog_says_which_row_it_is_for(qtbot, reviewed):
    w = reviewed
    cid = w.model.id_at(2)
    w.select_id(cid)
    row = w.store.rows([cid])[cid]
    about = dialog_text(qtbot, w, w.actions_.mark)
    assert commitment_label(row)[:40] in about
    assert row["title"] in about and f"第{row['line']}行" in about
    # Several rows: how many, and the first ones by their text.
    for r in (3, 4):
        w.select_id(w.model.id_at(r), clear=False)
    about = dialog_text(qtbot, w, w.actions_.mark)
    assert "3 条" in about and commitment_label(row)[:20] in about


def test_alt_r_stays_on_the_row_so_ctrl_m_marks_the_one_looked_at(qtbot, reviewed):
    w = reviewed
    one = next(c for c in w.store.query(Filter(pending=True), order="position")
               if sum(s["state"] == "pending" for s in w.store.suggestions(c)) == 1)
    w.select_id(one)
    w.table.setFocus()
    qtbot.keyClick(w.table, Qt.Key_R, Qt.AltModifier)
    assert all(s["state"] == "rejected" for s in w.store.suggestions(one))
    assert w.current_id() == one                       # not moved on
    assert "Ctrl+M" in w.statusBar().currentMessage()
    about = dialog_text(qtbot, w, w.actions_.mark)
    assert commitment_label(w.store.rows([one])[one])[:30] in about
    # F8 moves on; Shift+F8 comes back to the row just decided (no longer pending).
    qtbot.keyClick(w.table, Qt.Key_F8)
    assert w.current_id() != one
    qtbot.keyClick(w.table, Qt.Key_F8, Qt.ShiftModifier)
    assert w.current_id() == one
    assert "前面没有" not in w.statusBar().currentMessage()


def test_alt_a_accepts_and_moves_on(qtbot, reviewed):
    w = reviewed
    one = next(c for c in w.store.query(Filter(pending=True), order="position")
               if sum(s["state"] == "pending" for s in w.store.suggestions(c)) == 1)
    w.select_id(one)
    w.table.setFocus()
    qtbot.keyClick(w.table, Qt.Key_A, Qt.AltModifier)
    assert w.store.history(one)[0]["source"] == "user" and w.current_id() != one
    qtbot.keyClick(w.table, Qt.Key_F8, Qt.ShiftModifier)
    assert w.current_id() == one


# -- 承诺内容 keeps its share of the table -------------------------------------------------------
@pytest.mark.parametrize("size", [(1024, 700), (1440, 900), (1920, 1080)])
def test_the_text_column_keeps_its_share_with_every_column_shown(qtbot, tmp_path, size):
    from ui.columns import TEXT_SHARE
    from ui.models import COLUMN

    store = Store.open(tmp_path / "c.db")
    import_files(store, [seed("001"), seed("002")])
    w = open_window(qtbot, store, size)
    header = w.table.horizontalHeader()

    def share() -> float:
        return header.sectionSize(COLUMN["text"]) / w.table.viewport().width()

    qtbot.waitUntil(lambda: share() >= TEXT_SHARE, timeout=5000)
    w.filter_bar.set_fields(text="GDP")                  # a search adds 地区·年度
    assert not header.isSectionHidden(COLUMN["report"])
    for action in header.actions():                      # and the user shows every column
        action.setChecked(True)
    assert not any(header.isSectionHidden(c) for c in range(header.count()))
    qtbot.waitUntil(lambda: share() >= TEXT_SHARE, timeout=5000)     # once the layout settles
    # None of the others is squeezed to nothing: each keeps two characters.
    char = w.table.fontMetrics().horizontalAdvance("中")
    assert min(header.sectionSize(c) for c in range(header.count())) >= 1.5 * char
    w.resize(1024, 700)                        # and again when the window narrows
    qtbot.waitUntil(lambda: share() >= TEXT_SHARE, timeout=5000)
    w.close()


def test_a_narrow_type_column_prints_short_words(qtbot, tmp_path):
    from PySide6.QtWidgets import QStyleOptionViewItem

    from ui.models import COLUMN

    store = Store.open(tmp_path / "k.db")
    import_files(store, [seed("001")])
    w = open_window(qtbot, store, (1024, 700))
    for action in w.table.horizontalHeader().actions():
        action.setChecked(True)
    index = w.model.index(0, COLUMN["kind"])
    option = QStyleOptionViewItem()
    option.rect = w.table.visualRect(index)
    w.columns.short_words.initStyleOption(option, index)
    assert index.data() == "预期目标" and option.text == "目标"
    w.close()


# -- the sheet's preview: its option in sight ----------------------------------------------------
def test_the_previews_suggestions_option_is_visible_at_the_default_size(qtbot, tmp_path):
    from PySide6.QtWidgets import QCheckBox, QToolBar

    from ui import printing

    store = Store.open(tmp_path / "p.db")
    import_files(store, [seed("001")])
    w = open_window(qtbot, store)
    dialog = printing.preview_dialog(w, store, w.current_filter())
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.findChild(QCheckBox, "with_suggestions")
    qtbot.waitUntil(box.isVisible, timeout=5000)
    toolbar = dialog.findChild(QToolBar)
    assert not toolbar.isAncestorOf(box)                 # never folded behind the toolbar's »
    corner = box.mapTo(dialog, box.rect().bottomRight())
    assert dialog.rect().contains(corner) and box.width() >= box.sizeHint().width()
    dialog.close()
    w.close()


def test_the_sheet_exports_as_word_from_the_menu(qtbot, tmp_path, monkeypatch):
    from docx import Document
    from PySide6.QtWidgets import QFileDialog

    store = Store.open(tmp_path / "w.db")
    import_files(store, [seed("001")])
    w = open_window(qtbot, store)
    target = tmp_path / "对照表"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    w.actions_.export_docx.trigger()
    doc = Document(str(tmp_path / "对照表.docx"))          # the suffix added
    assert doc.paragraphs[0].text.endswith("对照表") and len(doc.tables) >= 2
    w.close()


# -- Qt's own dialogs in Chinese ------------------------------------------------------------------
_ALLOWED = {"PDF", "Ctrl", "Shift", "Alt"}


def english_left(widget) -> set[str]:
    """Words in Latin letters on widget's labels, buttons, tabs, boxes and actions (paths, paper
    names and units are data, not words)."""
    import re

    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabWidget

    texts = [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)]
    texts += [w.title() for w in widget.findChildren(QGroupBox)]
    texts += [t.tabText(i) for t in widget.findChildren(QTabWidget) for i in range(t.count())]
    texts += [a.text() for a in widget.findChildren(QAction)] + [widget.windowTitle()]
    return {word for text in texts for word in re.findall(r"[A-Za-z]{2,}", text)} - _ALLOWED


def test_qts_own_dialogs_speak_chinese(qtbot, qapp):
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QFileDialog, QPushButton

    from ui import i18n

    i18n.install(qapp)
    # The app's own words are no catalogue's: they come through untouched.
    assert QApplication.translate("SuggestionList", "暂无核实建议。") == "暂无核实建议。"
    assert QApplication.translate("menus", "导出 PDF…") == "导出 PDF…"
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        dialog = QFileDialog(None, "导入报告")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(mode)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not english_left(dialog), english_left(dialog)      # was "Look in:", "Files of type:"
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not english_left(dialog), english_left(dialog)          # was "Page Set:"
    seen = {}

    def properties():
        shown = QApplication.activeModalWidget()
        seen["words"] = english_left(shown)                          # was "Pages per sheet:", "Page order:"
        shown.reject()
    QTimer.singleShot(200, properties)
    next(b for b in dialog.findChildren(QPushButton) if b.objectName() == "properties").click()
    qtbot.waitUntil(lambda: "words" in seen, timeout=5000)
    assert not seen["words"], seen["words"]
    preview = QPrintPreviewDialog(printer)
    qtbot.addWidget(preview)
    preview.show()
    assert not english_left(preview), english_left(preview)


# -- the small ones ---------------------------------------------------------------------------------
def test_the_status_bar_never_paints_two_messages_at_once(qtbot, reviewed):
    w = reviewed                                   # find_evidence has just said what it found
    bar = w.statusBar()
    assert w.review.outcome_label.isVisible() and not bar.currentMessage()
    bar.showMessage("已选 3 条")                    # another message: the label makes way
    assert not w.review.outcome_label.isVisible()
    bar.clearMessage()
    assert w.review.outcome_label.isVisible()


def test_the_context_menu_offers_only_what_applies(qtbot, tmp_path):
    store = Store.open(tmp_path / "m.db")
    import_files(store, [seed("001")])
    w = open_window(qtbot, store)
    a = w.actions_
    w.select_id(w.model.id_at(0))
    assert a.split.isEnabled() and a.edit_text.isEnabled() and a.drop.isEnabled()
    assert not a.restore.isEnabled() and not a.merge.isEnabled()
    w.select_id(w.model.id_at(1), clear=False)              # two rows of one report
    assert a.merge.isEnabled() and not a.split.isEnabled() and not a.edit_text.isEnabled()
    w.select_id(w.model.id_at(0))
    a.drop.trigger()
    w.filter_bar.set_fields(dropped=True)                   # the hidden one
    w.select_id(w.model.id_at(0))
    assert a.restore.isEnabled() and not a.split.isEnabled() and not a.drop.isEnabled()
    w.close()


def test_the_empty_suggestions_tab_names_the_menu_item(qtbot, tmp_path):
    store = Store.open(tmp_path / "e.db")
    import_files(store, [seed("001")])
    w = open_window(qtbot, store)
    w.select_id(w.model.id_at(0))
    from PySide6.QtWidgets import QLabel
    body = w.detail.suggestion_list.widget()
    text = " ".join(label.text() for label in body.findChildren(QLabel))
    assert "查找核验证据" in text and w.actions_.suggest.text() == "查找核验证据" and "运行“核实”" not in text
    w.close()


def test_the_detail_tabs_stay_put_from_row_to_row(qtbot, tmp_path):
    from PySide6.QtCore import QPoint

    store = Store.open(tmp_path / "d.db")
    import_files(store, [seed("001"), seed("002")])
    w = open_window(qtbot, store)
    texts = {cid: len(store.commitment(cid)["text"]) for cid in store.query(Filter())}
    longest, shortest = max(texts, key=texts.get), min(texts, key=texts.get)
    target = store.query(Filter(kind="target"))[0]
    where = []
    for cid in (target, shortest, longest, target):
        w.select_id(cid)
        qtbot.wait(20)
        where.append(w.detail.tabs.mapTo(w.detail, QPoint(0, 0)).y())
    assert len(set(where)) == 1, where
    w.close()
