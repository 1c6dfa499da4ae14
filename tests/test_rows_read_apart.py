"""Rows that quote alike read apart: each is led by the subject its text leaves unsaid.

Seed 002, line 47 pledges "植树×万棵" three times in one paragraph: for the year's 森林复兴建设,
under the "两网" and under the "三大基地". The table of the real window, `tracker list` and the
status sheet show each led by its own subject.
"""

from __future__ import annotations

import pytest

from conftest import seed
from tracker.cli.main import main
from tracker.importer import import_files
from tracker.sheet.build import sheet_data
from tracker.store import Filter, Store
from ui.mainwindow import MainWindow
from ui.models import COLUMN

TREES = "植树×万棵"
SUBJECTS = ["森林复兴建设", "“两网”景观绿化网络", "“三大基地”城市森林板块"]


@pytest.fixture
def store_002(tmp_path):
    path = tmp_path / "t.db"
    with Store.open(path) as store:
        import_files(store, [seed("002")])
    return path


def _tree_rows(store):
    ids = store.query(Filter(text=TREES, kind="project"), order="line")
    return [store.rows(ids)[i] for i in ids]


def test_the_three_alike_rows_carry_their_subjects(store_002):
    with Store.open(store_002, create=False) as store:
        rows = _tree_rows(store)
    assert [r["text"] for r in rows] == [TREES] * 3
    assert [r["subject"] for r in rows] == SUBJECTS


def test_the_window_table_shows_them_apart(qtbot, store_002):
    window = MainWindow(Store.open(store_002))
    qtbot.addWidget(window)
    window.show()
    try:
        window.model.set_filter(Filter(text=TREES, kind="project"))
        model = window.model
        shown = [model.index(r, COLUMN["text"]).data() for r in range(model.rowCount())]
        assert sorted(shown) == sorted(f"{s}：{TREES}" for s in SUBJECTS)
        assert len(set(shown)) == 3
    finally:
        window.close()


def test_tracker_list_and_the_sheet_show_them_apart(store_002, capsys):
    assert main(["--db", str(store_002), "list", "--kind", "project", "--search", TREES]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3 and all(any(line.endswith(f"{s}：{TREES}") for line in out) for s in SUBJECTS)
    with Store.open(store_002, create=False) as store:
        texts = [r.text for r in sheet_data(store, Filter(text=TREES, kind="project")).rows]
    assert sorted(texts) == sorted(f"{s}：{TREES}" for s in SUBJECTS)


@pytest.mark.parametrize("report, quote", [
    ("zhejiang_2025.docx", "居民可支配收入与经济增长基本同步"),   # compared with, not listed with
    ("beijing_2026.txt", "独角兽企业数量居全国各城市首位"),       # a rank names what it ranks
])
def test_a_row_naming_its_indicator_once_is_not_led_by_it_again(report, quote):
    from dataclasses import asdict

    from conftest import DEV
    from tracker.display import commitment_label
    from tracker.extract import extract_file
    rows = [asdict(c) for rx in extract_file(DEV / "provinces" / report).reports for c in rx.commitments]
    row = next(r for r in rows if r["text"] == quote)
    assert row["indicator"] and commitment_label(row) == quote
