"""单位与别名 in the window (pytest-qt, the 内蒙古 2026 report): two names said to be one unit
count as one everywhere, the aliases are listed, and each undo voids only its own alias row."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from conftest import DEV
from tracker.importer import import_files
from tracker.store import Filter, Store
from ui.mainwindow import MainWindow
from ui.models import COLUMN
from ui.unit_aliases import UnitAliasDialog

LONG = "自治区人力资源社会保障厅"


@pytest.fixture
def window(qtbot, tmp_path):
    store = Store.open(tmp_path / "a.db")
    import_files(store, [DEV / "provinces" / "neimenggu_2026.txt"])
    # A third 人社 row under the long name, as a 分工方案 or a colleague would write it.
    target = store.query(Filter(kind="target"), order="position")[0]
    store.units.assign([target], [LONG])
    store.units.alias("教育部门", "教育厅")          # an alias made earlier (by the CLI)
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.resize(1440, 900)
    w.show()
    yield w, target
    w.close()


def counts(store) -> dict[str, int]:
    return {u["name"]: u["lead"] for u in store.units.known()}


def standing(store) -> list[tuple[str, str]]:
    return [(a["alias"], a["unit"]) for a in store.units.aliases()]


def open_dialog(w, monkeypatch, steps, alias: str = "") -> None:
    """Open 单位与别名 from the window and run steps(dialog) while it is open."""
    def run(dialog):
        steps(dialog)
        return QDialog.DialogCode.Rejected
    monkeypatch.setattr(UnitAliasDialog, "exec", run)
    if alias:
        w.dashboard.units.aliasRequested.emit(alias)
    else:
        w.update_supervise_actions()
        assert w.units_action.isEnabled()
        w.units_action.trigger()


def test_two_names_said_to_be_one_unit_count_as_one_and_undo_voids_only_that_alias(qtbot, window, monkeypatch):
    w, target = window
    store = w.store
    assert counts(store)["人社厅"] == 2 and counts(store)[LONG] == 1
    seen = {}

    def steps(d):
        names = [d.units.item(r, 0).text() for r in range(d.units.rowCount())]
        assert "人社厅" in names and LONG in names
        assert [d.aliases.item(0, 0).text(), d.aliases.item(0, 1).text()] == ["教育部门", "教育厅"]
        # Click the long name, then the short one: the fields fill in that order.
        d.units.selectRow(names.index(LONG))
        d.units.selectRow(names.index("人社厅"))
        assert (d.alias.text(), d.unit.text()) == (LONG, "人社厅")
        d.add_button.click()
        assert d.note.text() == ""
        seen["units"] = [d.units.item(r, 0).text() for r in range(d.units.rowCount())]
        seen["aliases"] = [d.aliases.item(r, 0).text() for r in range(d.aliases.rowCount())]
        d.alias.setText("不存在")
        d.unit.setText("没有的单位")
        d.add_button.click()                      # refused in one line, in the dialog
        seen["note"] = d.note.text()

    open_dialog(w, monkeypatch, steps)
    assert LONG not in seen["units"] and seen["aliases"] == ["教育部门", LONG]
    assert "没有这个单位" in seen["note"]
    assert counts(store)["人社厅"] == 3 and LONG not in counts(store)
    assert store.rows([target])[target]["lead_unit"] == "人社厅"
    assert w.model.index(w.model.row_of(target), COLUMN["units"]).data() == "人社厅"
    w.filter_bar.set_fields(unit="人社厅")
    assert w.model.rowCount() == 3
    w.filter_bar.reset()
    first = store.units.aliases()[-1]["id"]

    w.undo_stack.undo()                           # voids the window's alias row, nothing else
    assert counts(store)[LONG] == 1 and standing(store) == [("教育部门", "教育厅")]
    assert store.rows([target])[target]["lead_unit"] == LONG
    assert [r for (r,) in store.conn.execute("SELECT voids FROM unit_aliases WHERE voids IS NOT NULL")] == [first]
    w.undo_stack.redo()
    assert counts(store)["人社厅"] == 3 and standing(store) == [("教育部门", "教育厅"), (LONG, "人社厅")]


def test_an_alias_is_taken_back_from_the_list_and_the_take_back_is_undone(qtbot, window, monkeypatch):
    w, _target = window
    store = w.store
    w.tabs.setCurrentIndex(1)
    qtbot.waitUntil(w.dashboard.units.isVisible)
    seen = {}

    def steps(d):
        assert d.alias.text() == LONG             # from the 按单位 view's 设为另一单位的别名…
        d.unit.setText("人社厅")
        d.add_button.click()
        rows = [d.aliases.item(r, 0).text() for r in range(d.aliases.rowCount())]
        d.aliases.selectRow(rows.index("教育部门"))
        assert d.remove_button.isEnabled()
        d.remove_button.click()
        seen["after"] = [d.aliases.item(r, 0).text() for r in range(d.aliases.rowCount())]

    open_dialog(w, monkeypatch, steps, alias=LONG)
    assert seen["after"] == [LONG] and standing(store) == [(LONG, "人社厅")]
    w.undo_stack.undo()                           # the take-back undone: 教育部门 stands again
    assert sorted(standing(store)) == sorted([("教育部门", "教育厅"), (LONG, "人社厅")])
    w.undo_stack.undo()                           # then the window's own alias
    assert standing(store) == [("教育部门", "教育厅")]
    words = [c["words"] for c in store.changes.recent()]
    assert any("单位别名" in x for x in words)
