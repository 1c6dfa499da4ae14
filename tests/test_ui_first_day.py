"""The first day (issue 25 part 1): an empty store with its welcome panel, the read-only
示例台账 beside the user's own store, 帮助's 快速入门 and 键盘快捷键 — in the real window."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication

from conftest import seed
from tracker.store import Filter, Store
from ui import samples
from ui.help_dialogs import QUICK_START, menu_shortcuts
from ui.mainwindow import MainWindow
from ui.welcome import user_store_path


@pytest.fixture(scope="session")
def built_samples(tmp_path_factory):
    """A sample store built once for the session (the GUI test below builds its own)."""
    folder = tmp_path_factory.mktemp("samples")
    return samples.build_samples(samples.sample_path(folder))


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch, built_samples):
    """The main window on a new, empty store, with the session's samples."""
    monkeypatch.setattr(samples, "samples_folder", lambda: built_samples.parent)
    w = MainWindow(Store.open(tmp_path / "mine.db"))
    qtbot.addWidget(w)
    w.resize(1440, 900)
    w.show()
    yield w
    w.close()


def open_samples(qtbot, window) -> None:
    window.welcome.samples_button.click()
    qtbot.waitUntil(window.showing_samples, timeout=60000)


def test_an_empty_store_shows_the_welcome_panel_in_the_window(qtbot, window):
    assert window.central.currentWidget() is window.welcome
    assert QApplication.activeModalWidget() is None          # a panel, never a dialog
    assert window.welcome.import_button.isVisible() and window.welcome.samples_button.isVisible()
    assert "mine.db" in window.welcome.store_label.text()
    # Its 导入报告… is the menu's, and an import replaces the panel by the panes.
    with qtbot.waitSignal(window.importer.imported, timeout=60000):
        window.import_paths([str(seed("001"))])
    assert window.central.currentWidget() is not window.welcome
    assert window.model.total() == window.store.count(Filter()) > 0


def test_the_welcome_panel_builds_and_opens_the_samples_read_only(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(samples, "samples_folder", lambda: tmp_path / "cache")
    w = MainWindow(Store.open(tmp_path / "mine.db"))
    qtbot.addWidget(w)
    w.show()
    open_samples(qtbot, w)           # built on the worker the first time
    assert samples.sample_path().is_file()
    assert w.store.read_only and w.sample_banner.isVisible()
    assert w.central.currentWidget() is not w.welcome
    assert w.model.total() == w.store.count(Filter()) > 100
    assert len(w.store.documents()) == len(samples.seed_paths())
    assert w.store.count(Filter(pending=True)) > 0       # evidence already found
    w.select_id(w.model.id_at(0))
    # Looked at, not changed: no marking or editing is offered.
    assert not w.actions_.mark.isEnabled() and not w.actions_.drop.isEnabled()
    assert not w.actions_.suggest.isEnabled()
    assert not w.detail.marks_row.isVisible() and w.detail.read_only_note.isVisible()
    with Store.open(tmp_path / "mine.db") as mine:
        assert not mine.documents()                       # never mixed into the user's store
    w.close()


def test_an_import_while_the_samples_are_open_goes_to_the_users_store(qtbot, window, tmp_path):
    open_samples(qtbot, window)
    sample_file = window.store.path
    with qtbot.waitSignal(window.importer.imported, timeout=60000):
        window.import_paths([str(seed("001"))])
    assert window.store.path == tmp_path / "mine.db" and not window.sample_banner.isVisible()
    assert len(window.store.documents()) == 1
    with Store.open(sample_file, read_only=True) as sample:
        assert len(sample.documents()) == len(samples.seed_paths())


def test_the_banner_goes_back_and_the_samples_are_never_the_last_store(qtbot, window, tmp_path):
    open_samples(qtbot, window)
    assert user_store_path() == tmp_path / "mine.db"      # what the next start opens
    window.sample_banner.back_button.click()
    assert window.store.path == tmp_path / "mine.db"
    assert window.central.currentWidget() is window.welcome
    window.actions_.samples.trigger()                      # 帮助 ▸ 打开示例台账
    qtbot.waitUntil(window.showing_samples, timeout=60000)


def test_help_has_quick_start_and_shortcuts(qtbot, window):
    help_menu = [a.menu() for a in window.menuBar().actions() if a.text().startswith("帮助")][0]
    texts = [a.text() for a in help_menu.actions()]
    assert "快速入门" in texts and "键盘快捷键" in texts and "打开示例台账" in texts
    window.actions_.quick_start.trigger()
    dialog = window.quick_start_dialog
    assert dialog.isVisible() and not dialog.isModal()
    text = dialog.text.toPlainText()
    assert all(title in text for title, _ in QUICK_START)
    window.actions_.shortcuts.trigger()
    table = window.shortcuts_dialog.table
    shown = {table.item(r, 2).text() for r in range(table.rowCount())}
    assert {"Ctrl+I", "Ctrl+M", "F8", "Ctrl+Shift+Y"} <= shown


def test_every_key_the_quick_start_names_is_a_menu_key(qtbot, window):
    keys = {k for _menu, _action, ks in menu_shortcuts(window.menuBar()) for k in ks.split(" / ")}
    named = set()
    for _title, text in QUICK_START:
        named |= set(re.findall(r"(?:(?:Ctrl|Shift|Alt)\+)+(?:[A-Z0-9]\b|F\d+)|\bF\d+\b", text))
    assert named and named <= keys, named - keys


def test_the_quick_start_link_of_the_welcome_panel(qtbot, window):
    window.welcome.more_button.click()
    assert window.quick_start_dialog.isVisible()


def test_files_opened_with_the_app_are_imported_and_selected(qtbot, window):
    for prefix in ("001", "003"):
        with qtbot.waitSignal(window.importer.imported, timeout=60000):
            window.open_files([str(seed(prefix))])
        qtbot.waitUntil(lambda: not window.busy(), timeout=5000)
    report = window.tree.scope().get("report_id") or window.tree.scope().get("region")
    assert report                                          # 003's report (or its region) selected
    first = next(r for r in window.store.reports() if r["document_id"] == 1)
    # Opening a file imported before selects it, without importing it twice.
    with qtbot.waitSignal(window.importer.imported, timeout=60000) as blocker:
        window.open_files([str(seed("001"))])
    assert blocker.args[0].documents_skipped == 1
    scope = window.tree.scope()
    assert scope.get("report_id") == first["id"] or scope.get("region") == first["region"]
    assert len(window.store.documents()) == 2


def test_the_panes_get_their_sizes_when_they_first_appear(qtbot, window):
    from ui.window_settings import DETAIL_WIDTH, TREE_WIDTH

    assert window.central.currentWidget() is window.welcome        # the panes are behind it
    open_samples(qtbot, window)
    qtbot.waitUntil(lambda: window.splitter.sizes()[2] == DETAIL_WIDTH, timeout=5000)
    assert window.splitter.sizes()[0] == TREE_WIDTH                  # as a store with rows would start
