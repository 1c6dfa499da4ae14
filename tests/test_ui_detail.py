"""Detail pane: source highlight, marking with undo, corrections, suggestions, plain text."""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor, QUndoStack
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from tracker.store import Filter, Store
from tracker.importer import import_files
from ui import source_view
from ui.detail import DetailPane
from ui.marking import MarkDialog, mark_ids
from tests.conftest import seed


@pytest.fixture
def pane(qtbot, store):
    stack = QUndoStack()
    widget = DetailPane(store, stack)
    widget.undo_stack_ref = stack      # keep the stack alive with the pane
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def first_with(store, **want) -> int:
    for cid in store.query(Filter()):
        c = store.commitment(cid)
        if all(c.get(k) == v for k, v in want.items()):
            return cid
    raise AssertionError(f"no commitment with {want}")


def test_open_commitment_highlights_its_text_on_its_line(pane, store):
    cid = first_with(store, kind="target", value=7.2)
    c = store.commitment(cid)
    pane.show_commitment(cid)
    view = pane.source_view
    quote = view.quote_selections()
    assert quote, "the commitment text must be highlighted"
    assert "".join(s.cursor.selectedText() for s in quote) == c["text"]
    assert quote[0].format.background().color() == source_view.QUOTE_BACKGROUND
    block = view.document().findBlock(quote[0].cursor.selectionStart())
    assert view.line_number(block.blockNumber()) == c["line"]
    # scrolled there: the text cursor sits at the start of the quote
    assert view.textCursor().position() == quote[0].cursor.selectionStart()
    assert pane.text.text() == c["text"]


def test_find_quote_crosses_line_break_and_ignores_whitespace():
    text = "第一行开头\n确保大桥7月\n份建成 通车。"
    spans = source_view.find_quote(text, "确保大桥7月份建成通车", 0)
    assert [text[a:b] for a, b in spans] == ["确保大桥7月", "份建成 通车"]
    assert source_view.find_quote(text, "没有的话", 0) == []


def test_mark_with_note_then_undo_and_redo(pane, store, qtbot):
    cid = store.query(Filter())[0]
    pane.show_commitment(cid)
    with qtbot.waitSignal(pane.changed) as changed:
        pane.mark("partial", "完成了七成", "半年报：增长5.1%")
    assert changed.args == [[cid]]
    assert pane.history.topLevelItemCount() == 1
    item = pane.history.topLevelItem(0)
    assert (item.text(2), item.text(3), item.text(4)) == ("部分完成", "完成了七成", "半年报：增长5.1%")
    assert store.commitment(cid)["status"] == "partial"
    assert pane.user_status.text() == "部分完成"
    pane.undo_stack.undo()
    # The undo is an event of its own: the history keeps the mark and says it was undone.
    assert pane.history.topLevelItemCount() == 2
    assert pane.history.topLevelItem(0).text(2) == "撤销"
    assert "已撤销" in pane.history.topLevelItem(1).text(2)
    assert [e["standing"] for e in store.history(cid)] == [False, False]
    assert store.commitment(cid)["status"] is None
    assert pane.user_status.text() != "部分完成"
    pane.undo_stack.redo()
    assert [e["note"] for e in store.history(cid) if e["standing"]] == ["完成了七成"]
    assert pane.history.topLevelItemCount() == 3


def test_mark_button_opens_dialog_and_records(pane, store):
    cid = store.query(Filter())[1]
    pane.show_commitment(cid)

    def fill():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, MarkDialog) and dialog.status() == "done"
        dialog.note_edit.setPlainText("已竣工")
        dialog._buttons.button(QDialogButtonBox.Ok).click()
    QTimer.singleShot(0, fill)
    pane.mark_buttons["done"].click()
    events = store.history(cid)
    assert [(e["status"], e["note"], e["source"]) for e in events] == [("done", "已竣工", "user")]


def test_mark_several_ids_is_one_undo_step(qtbot, store):
    ids = store.query(Filter())[:3]
    stack = QUndoStack()
    seen = []

    def fill():
        dialog = QApplication.activeModalWidget()
        assert any("3 条" in label.text() for label in dialog.findChildren(QLabel))
        dialog.set_status("not_done")
        dialog.accept()
    QTimer.singleShot(0, fill)
    assert mark_ids(None, store, stack, ids, notify=seen.append)
    assert seen == [sorted(ids)]
    assert all(store.commitment(i)["status"] == "not_done" for i in ids)
    assert stack.count() == 1
    stack.undo()
    assert all(not any(e["standing"] for e in store.history(i)) for i in ids)   # undone, kept in the history


def test_mark_dialog_needs_a_status(qtbot):
    dialog = MarkDialog(None)
    qtbot.addWidget(dialog)
    ok = dialog._buttons.button(QDialogButtonBox.Ok)
    assert not ok.isEnabled() and dialog.marking() is None
    dialog.set_status("in_progress")
    dialog.evidence_edit.setPlainText("  ")
    assert ok.isEnabled()
    m = dialog.marking()
    assert (m.status, m.note, m.evidence) == ("in_progress", "", None)


def test_mark_dialog_reads_the_date_and_refuses_a_wrong_one(qtbot, store):
    dialog = MarkDialog(None, "done")
    qtbot.addWidget(dialog)
    ok = dialog._buttons.button(QDialogButtonBox.Ok)
    dialog.date_edit.setText("2025年13月1日")
    assert not ok.isEnabled() and dialog.marking() is None and "日期" in dialog.date_shown.text()
    dialog.date_edit.setText("2025年3月1日")
    assert ok.isEnabled() and dialog.date_shown.text() == "2025-03-01"
    m = dialog.marking()
    assert m.date == "2025-03-01" and m.extra() == {"date": "2025-03-01"}
    # The date reaches the event and the history tab shows it with the status.
    cid = store.query(Filter())[0]
    stack = QUndoStack()
    pane = DetailPane(store, stack)
    qtbot.addWidget(pane)
    pane.show_commitment(cid)
    pane.mark(m.status, m.note, m.evidence, **m.extra())
    assert store.history(cid)[0]["date"] == "2025-03-01"
    assert pane.history.topLevelItem(0).text(2).endswith("（2025-03-01）")
    assert pane.user_detail.text().startswith("2025-03-01起（")


def test_correct_value_and_undo(pane, store):
    cid = first_with(store, kind="target", value=7.2)
    pane.show_commitment(cid)
    editor = pane.fields.editors["value"]
    assert editor.text() == "7.2"
    editor.setText("7.5")
    pane.fields.apply_button.click()
    c = store.commitment(cid)
    assert c["value"] == 7.5 and c["corrected_fields"] == ["value"]
    assert pane.undo_stack.undoText() == "更正 数值"
    assert pane.fields.labels["value"].toolTip().endswith("改为：7.5")
    assert pane.fields.labels["value"].text().endswith("✎")
    assert pane.fields.corrected_fields() == ["value"]
    pane.undo_stack.undo()
    c = store.commitment(cid)
    assert c["value"] == 7.2 and c["corrected_fields"] == []
    assert pane.fields.editors["value"].text() == "7.2"
    assert pane.fields.corrected_fields() == []
    pane.undo_stack.redo()
    assert store.commitment(cid)["value"] == 7.5


def test_bad_entry_cannot_be_applied(pane, store):
    cid = store.query(Filter())[0]
    pane.show_commitment(cid)
    pane.fields.editors["deadline"].setText("7月底")
    assert not pane.fields.apply_button.isEnabled()
    assert "YYYY-MM-DD" in pane.fields.error.text()
    pane.fields.editors["deadline"].setText("2025-07-31")
    assert pane.fields.apply_button.isEnabled()


def test_correct_plan_year_refreshes_the_whole_report(pane, store, qtbot):
    cid = store.query(Filter())[0]
    pane.show_commitment(cid)
    assert store.commitment(cid)["plan_year"] == 2025
    pane.fields.editors["plan_year"].setText("2024")
    with qtbot.waitSignal(pane.changed) as changed:
        pane.fields.apply_button.click()
    assert len(changed.args[0]) == store.count(Filter(report_id=store.commitment(cid)["report_id"]))
    assert store.commitment(cid)["plan_year"] == 2024
    assert "plan_year" in pane.fields.corrected_fields()
    pane.undo_stack.undo()
    report = store.commitment(cid)["report"]
    assert report["plan_year"] == 2025 and not report["plan_year_set_by_user"]


def _suggestions(store, cid):
    items = [
        {"status": "done", "actual_value": 7.4, "reason": "7.4% ≥ 7.2%", "score": 0.93,
         "evidence": [{"text": "地区生产总值增长7.4%", "line": 12}]},
        {"status": "not_done", "actual_value": 5.0, "reason": "5.0% < 7.2%", "score": 0.41,
         "evidence": [{"text": "工业增加值增长5%", "line": 30}]},
    ]
    assert store.evidence.add(cid, items) == 2
    return items


def test_accept_one_suggestion_and_reject_another(pane, store):
    cid = first_with(store, kind="target", value=7.2)
    items = _suggestions(store, cid)
    pane.show_commitment(cid)
    cards = pane.suggestion_list.cards
    assert [c.verdict.text() for c in cards] == ["已完成", "未完成"]
    assert cards[0].passages[0].text() == "地区生产总值增长7.4%"
    assert any(label.text() == "第12行" for label in cards[0].findChildren(QLabel))
    assert pane.claim_status.text() == "已完成"
    good, bad = cards[0].sid, cards[1].sid
    pane.suggestion_list.card(good).accept_button.click()
    events = store.history(cid)
    assert [(e["status"], e["source"], e["evidence_text"]) for e in events] == [
        ("done", "user", "地区生产总值增长7.4%")]
    assert pane.user_status.text() == "已完成"
    pane.suggestion_list.card(bad).reject_button.click()
    states = {s["id"]: s["state"] for s in store.suggestions(cid)}
    assert states == {good: "accepted", bad: "rejected"}
    assert not pane.suggestion_list.card(bad).accept_button.isEnabled()
    # a rejected suggestion never comes back
    assert store.evidence.add(cid, items[1:]) == 0
    pane.undo_stack.undo()     # reject
    assert {s["id"]: s["state"] for s in store.suggestions(cid)}[bad] == "pending"
    pane.undo_stack.undo()     # accept
    assert not any(e["standing"] for e in store.history(cid))     # undone, kept in the history
    assert {s["state"] for s in store.suggestions(cid)} == {"pending"}
    assert pane.suggestion_list.card(good).accept_button.isEnabled()


def test_document_markup_is_shown_as_text(qtbot, tmp_path):
    raw = seed("001").read_text(encoding="utf-8").split("\n")
    line = next(i for i, t in enumerate(raw) if "地区生产总值增长7.2%以上" in t)
    raw[line] = raw[line] + "<b>x</b><script>alert(1)</script>"
    doc = tmp_path / "markup.txt"
    doc.write_text("\n".join(raw), encoding="utf-8")
    store = Store.open(tmp_path / "m.db")
    import_files(store, [doc])
    cid = first_with(store, kind="target", value=7.2)
    store.evidence.add(cid, [{"status": "done", "score": 0.5, "reason": "<i>r</i>",
                                 "evidence": [{"text": "<b>y</b><script>z</script>", "line": 3}]}])
    store.marks.mark([cid], "done", note="<u>note</u>")
    pane = DetailPane(store, QUndoStack())
    qtbot.addWidget(pane)
    pane.show_commitment(cid)
    assert "<b>x</b><script>alert(1)</script>" in pane.source_view.toPlainText()
    card = pane.suggestion_list.cards[0]
    assert card.passages[0].textFormat() == Qt.PlainText
    assert card.passages[0].text() == "<b>y</b><script>z</script>"
    assert card.reason.textFormat() == Qt.PlainText and card.reason.text() == "<i>r</i>"
    assert pane.history.topLevelItem(0).text(3) == "<u>note</u>"
    assert pane.user_detail.textFormat() == Qt.PlainText and "<u>note</u>" in pane.user_detail.text()
    store.close()


def test_unknown_id_shows_the_one_line_message(pane):
    pane.show_commitment(999999)
    assert pane._stack.currentIndex() == 0
    assert "999999" in pane.placeholder.text()
    pane.show_commitment(None)
    assert pane.current_id() is None
    assert "选择一条承诺" in pane.placeholder.text()


def test_suggestion_from_a_review_document_names_it_everywhere(pane, store):
    import_files(store, [seed("004")])
    review = next(d for d in store.documents() if d["name"].startswith("004_"))
    cid = first_with(store, kind="target", value=7.2)
    store.evidence.add(cid, [{"status": "done", "score": 0.8, "reason": "增长7.4%",
                                 "review_document_id": review["id"],
                                 "evidence": [{"text": "地区生产总值增长7.4%", "line": 7}]}])
    pane.show_commitment(cid)
    # Cited by the report's title, never by the hashed file name (004_….txt).
    title = next(r["title"] for r in store.reports() if r["document_id"] == review["id"]
                 and r["line_start"] <= 7 <= r["line_end"])
    card = pane.suggestion_list.cards[0]
    labels = [label.text() for label in card.findChildren(QLabel)]
    assert f"{title} 第7行" in labels
    assert not any(review["name"] in text for text in labels)
    card.accept_button.click()
    assert pane.history.topLevelItem(0).text(4) == f"地区生产总值增长7.4%（{title} 第7行）"


def test_ctrl_enter_records_the_marking(qtbot):
    dialog = MarkDialog(None, "done")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.note_edit.setFocus()
    qtbot.keyClicks(dialog.note_edit, "ok")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.note_edit, Qt.Key_Return, Qt.ControlModifier)
    assert dialog.marking().note == "ok"


def test_real_verification_suggestions_show_with_their_review_document(qtbot, tmp_path):
    from tracker import verify
    store = Store.open(tmp_path / "v.db")
    import_files(store, [seed("000"), seed("001")])
    assert verify.suggest(store) > 0
    cid = next(c for c in store.query(Filter()) if store.suggestions(c))
    suggestions = store.suggestions(cid)
    review = {d["id"]: d["name"] for d in store.documents()}[suggestions[0]["review_document_id"]]
    pane = DetailPane(store, QUndoStack())
    qtbot.addWidget(pane)
    pane.show_commitment(cid)
    assert len(pane.suggestion_list.cards) == len(suggestions)
    labels = [label.text() for label in pane.suggestion_list.cards[0].findChildren(QLabel)]
    titles = {r["title"] for r in store.reports()}
    assert any(text.endswith("行") and text.rsplit(" 第", 1)[0] in titles for text in labels)
    assert not any(review in text for text in labels)
    assert pane.tabs.tabText(2) == f"核实建议 ({len(suggestions)})"
    store.close()


def test_ctrl_number_in_the_pane_marks_the_shown_commitment_at_once(pane, store, qtbot):
    # No dialog opens (none is patched away here): the key records the status itself.
    cid = store.query(Filter())[2]
    pane.show_commitment(cid)
    pane.activateWindow()
    qtbot.waitActive(pane)
    pane.tabs.setCurrentIndex(1)
    editor = pane.fields.editors["indicator"]
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key_2, Qt.ControlModifier)
    assert [(e["status"], e["note"]) for e in store.history(cid)] == [("partial", "")]
    assert pane.user_status.text() == "部分完成"


def test_view_a_suggested_passage_in_its_document(qtbot, tmp_path):
    from tracker import verify
    store = Store.open(tmp_path / "v.db")
    import_files(store, [seed("000"), seed("001")])
    verify.suggest(store)
    cid = next(c for c in store.query(Filter()) if store.suggestions(c))
    item = store.suggestions(cid)[0]["evidence"][0]
    pane = DetailPane(store, QUndoStack())
    qtbot.addWidget(pane)
    pane.show()
    pane.show_commitment(cid)
    pane.tabs.setCurrentIndex(2)
    assert not pane.review_view.isVisible()
    pane.suggestion_list.cards[0].view_buttons[0].click()
    assert pane.review_view.isVisible()
    assert pane.review_view.highlighted_text() == item["text"]
    view = pane.review_view
    selections = view.quote_selections()
    start = selections[0].cursor.selectionStart()

    def quote_on_screen():
        cursor = QTextCursor(view.document())
        cursor.setPosition(start)
        rect = view.cursorRect(cursor)
        return 0 <= rect.top() and rect.bottom() <= view.viewport().height()
    qtbot.waitUntil(quote_on_screen, timeout=2000)
    block = pane.review_view.textCursor().block().blockNumber()
    assert pane.review_view.line_number(block) == item["line"]
    store.close()


def test_mark_with_progress_is_kept_and_shown(pane, store):
    cid = store.query(Filter())[3]
    pane.show_commitment(cid)

    def fill():
        dialog = QApplication.activeModalWidget()
        assert dialog.progress() is None
        dialog.progress_spin.setValue(60)
        dialog.accept()
    QTimer.singleShot(0, fill)
    pane.mark_buttons["in_progress"].click()
    assert store.commitment(cid)["progress"] == pytest.approx(0.6)
    assert pane.history.topLevelItem(0).text(2) == "推进中 60%"
    pane.undo_stack.undo()
    assert store.commitment(cid)["progress"] is None


def test_project_subject_leads_the_clause_and_subject_and_stretch_are_correctable(pane, store):
    cid = first_with(store, kind="project")
    c = store.commitment(cid)
    pane.show_commitment(cid)
    assert pane.fields.editors["subject"].text() == (c.get("subject") or "")
    pane.fields.editors["subject"].setText("某某示范项目")
    pane.fields.apply_button.click()
    assert store.commitment(cid)["subject"] == "某某示范项目"
    assert pane.text.text() == "某某示范项目：" + c["text"]
    assert pane.fields.labels["subject"].text().endswith("✎")
    assert pane.undo_stack.undoText() == "更正 项目主体"
    pane.undo_stack.undo()
    assert pane.text.text() == (f"{c['subject']}：{c['text']}" if c.get("subject") else c["text"])
    target = first_with(store, kind="target", value=7.2)
    pane.show_commitment(target)
    pane.fields.editors["stretch"].setText("7.5")
    pane.fields.apply_button.click()
    assert store.commitment(target)["stretch"] == 7.5
    assert pane.fields.corrected_fields() == ["stretch"]
    pane.fields.editors["stretch"].setText("七")
    assert not pane.fields.apply_button.isEnabled() and "力争值" in pane.fields.error.text()
