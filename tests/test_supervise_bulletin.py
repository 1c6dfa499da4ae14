"""The 通报 by unit: counts by the office's status, the 红/黄/绿 rule as printed, 未报送 after the
due day, and the same content in PDF, XLSX and DOCX."""

from __future__ import annotations

import subprocess
import zipfile
from datetime import date
from fractions import Fraction

import openpyxl
import pytest
from docx import Document

from tracker.errors import UserError
from tracker.supervise.bulletin_data import (BulletinItem, BulletinRule, UnitForms, UnitReport,
                                             bulletin_data)
from tracker.supervise.bulletin_write import write_bulletin

AS_OF = date(2026, 6, 30)


def item(cid, leads, status="unmarked", overdue=False, behind=False, reports=None, awaiting=()):
    return BulletinItem(cid, f"承诺事项{cid}", "年底前", tuple(leads), status, overdue, behind,
                        reports or {}, frozenset(awaiting))


@pytest.fixture
def data():
    items = [
        item(1, ["人社厅"], "done"),
        item(2, ["人社厅"], "in_progress", awaiting=["人社厅"]),
        item(3, ["教育厅"], "partial", behind=True),
        item(4, ["教育厅"], "done"),
        item(5, ["教育厅"], "in_progress"),
        item(6, ["教育厅", "卫健委"], "not_done", overdue=True,
             reports={"卫健委": UnitReport("卫健委", "in_progress", "已完成手术1500例", date(2026, 6, 20))}),
        item(7, ["卫健委"], "done"),
        item(8, ["民政厅"], "in_progress", behind=True),
        item(9, ["民政厅"], "in_progress", behind=True),
        item(10, ["住建厅"], "in_progress", awaiting=["住建厅"]),
    ]
    forms = {"人社厅": UnitForms("人社厅", date(2026, 6, 1), date(2026, 6, 15), "王芳", "0471-1"),
             "住建厅": UnitForms("住建厅", date(2026, 6, 1), date(2026, 7, 15))}
    return bulletin_data(items, forms, AS_OF, title="2026年民生实事推进情况通报", unassigned=2)


def test_counts_and_marks_by_the_rule(data):
    lines = {line.unit: line for line in data.lines}
    # Each co-lead counts item 6; 逾期 makes both red.
    assert (lines["教育厅"].assigned, lines["教育厅"].done, lines["教育厅"].in_progress,
            lines["教育厅"].behind, lines["教育厅"].overdue, lines["教育厅"].mark) == (4, 1, 2, 1, 1, "红")
    assert (lines["卫健委"].assigned, lines["卫健委"].overdue, lines["卫健委"].mark) == (2, 1, "红")
    # Two of two behind: a third or more -> red without any overdue.
    assert lines["民政厅"].mark == "红"
    # Past its due day with an item unreported: yellow; its contact is printed.
    assert (lines["人社厅"].unreported, lines["人社厅"].mark, lines["人社厅"].phone) == (1, "黄", "0471-1")
    # Not yet due: 未报送 not counted, green.
    assert (lines["住建厅"].unreported, lines["住建厅"].mark) == (0, "绿")
    assert [line.mark for line in data.lines] == ["红", "红", "红", "黄", "绿"]
    assert data.by_mark == {"红": 3, "黄": 1, "绿": 1}
    assert "另有 2 项尚未指派" in data.summary()


def test_the_rule_counts_behind_against_a_share():
    rule = BulletinRule()
    assert rule.mark(assigned=9, behind=3, overdue=0, unreported=0) == "红"
    assert rule.mark(assigned=10, behind=3, overdue=0, unreported=0) == "黄"
    assert rule.mark(assigned=10, behind=0, overdue=0, unreported=1) == "黄"
    assert rule.mark(assigned=10, behind=0, overdue=0, unreported=0) == "绿"
    assert "三分之一" in rule.words()
    assert BulletinRule(Fraction(1, 2)).mark(assigned=10, behind=4, overdue=0, unreported=0) == "黄"


def test_late_items_are_listed_by_unit_with_the_units_latest_report(data):
    blocks = {b.unit: b for b in data.items}
    assert set(blocks) == {"教育厅", "卫健委", "民政厅"}
    (row,) = [r for r in blocks["卫健委"].rows]
    assert row[1] == "承诺事项6" and row[3] == "逾期"
    assert row[4] == "推进中：已完成手术1500例（2026-06-20）" and row[5] == "未完成"
    assert [r[4] for r in blocks["教育厅"].rows] == ["（未报送）", "（未报送）"]


def test_every_format_says_the_same(data, tmp_path):
    pdf = write_bulletin(data, tmp_path / "t.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    for words in ("2026年民生实事推进情况通报", "评价规则：红", "教育厅", "已完成手术1500例", "0471-1"):
        assert words in text
    wb = openpyxl.load_workbook(write_bulletin(data, tmp_path / "t.xlsx"))
    ws = wb["各单位"]
    header = [c.value for c in ws[6]]
    assert header[:9] == ["序号", "责任单位", "牵头事项", "已完成", "推进中", "滞后", "逾期", "未报送", "评价"]
    assert [ws.cell(row=r, column=2).value for r in range(7, 12)] == [line.unit for line in data.lines]
    assert ws.cell(row=7, column=3).value == 4            # a number, not text
    doc = Document(write_bulletin(data, tmp_path / "t.docx"))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "评价规则：红" in body and "卫健委（1 项）" in body
    assert doc.tables[0].rows[1].cells[1].text == data.lines[0].unit
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.docx", "t.pdf", "t.xlsx"]


def test_a_wrong_suffix_or_a_store_file_is_refused(data, tmp_path):
    with pytest.raises(UserError, match="t.csv: 通报不支持"):
        write_bulletin(data, tmp_path / "t.csv")
    import sqlite3
    db = tmp_path / "store.xlsx"
    sqlite3.connect(db).execute("create table t(x)").connection.close()
    with pytest.raises(UserError, match="SQLite"):
        write_bulletin(data, db)
    assert zipfile.is_zipfile(db) is False


def test_an_empty_bulletin_still_prints(tmp_path):
    empty = bulletin_data([], {}, AS_OF)
    text = subprocess.run(["pdftotext", str(write_bulletin(empty, tmp_path / "e.pdf")), "-"],
                          capture_output=True, text=True).stdout
    assert "尚无指派了牵头单位的承诺事项" in text
