"""XLSX, CSV, HTML and DOCX sheets: every row present, text intact, markup escaped."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from bs4 import BeautifulSoup
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from pypdf import PdfReader

from sheet_support import SCRIPT, store, store_file  # noqa: F401 (fixtures)
from tracker.errors import UserError
from tracker.labels import status_label
from tracker.sheet import KIND_LABELS, STATUS_FILLS, SheetData, SheetGroup, SheetRow, write_data
from tracker.sheet.data import COLUMNS, status_word
from tracker.sheet.build import sheet_data
from tracker.sheet.csv_file import CSV_COLUMNS, csv_record
from tracker.sheet.html_file import render
from tracker.sheet.xlsx_file import KIND_COLUMNS
from tracker.store import Filter


@pytest.fixture()
def data(store) -> SheetData:
    return sheet_data(store, Filter())


# ---- XLSX ------------------------------------------------------------------------------

def test_xlsx_has_a_summary_and_one_sheet_per_kind(data, tmp_path):
    wb = load_workbook(write_data(data, tmp_path / "s.xlsx"))
    assert wb.sheetnames == ["汇总"] + [KIND_LABELS[k] for k in data.kinds()]
    summary = wb["汇总"]
    assert summary["A1"].value == data.title
    counts = {summary.cell(row=r, column=1).value: summary.cell(row=r, column=2).value
              for r in range(5, summary.max_row + 1)}
    assert counts["承诺事项合计"] == data.total
    assert counts[status_word("done")] == data.by_status["done"]


def test_every_xlsx_sheet_prints_one_page_wide(data, tmp_path):
    # The 汇总's chart printed half on a second page (LibreOffice, Excel).
    for ws in load_workbook(write_data(data, tmp_path / "s.xlsx")):
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0), ws.title
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4


def test_xlsx_holds_every_row_with_its_text(data, tmp_path):
    wb = load_workbook(write_data(data, tmp_path / "s.xlsx"))
    for kind in data.kinds():
        ws = wb[KIND_LABELS[kind]]
        expected = [r for r in data.rows if r.kind == kind]
        assert ws.max_row == len(expected) + 1
        assert [c.value for c in ws[1]] == list(KIND_COLUMNS)
        got = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
        assert [g[2] for g in got] == [r.text for r in expected]
        assert [g[5] for g in got] == [status_word(r.status) for r in expected]


def test_xlsx_freezes_the_header_and_wraps_and_colours(data, tmp_path):
    wb = load_workbook(write_data(data, tmp_path / "s.xlsx"))
    ws = wb[KIND_LABELS["project"]]
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["C"].width >= 40
    assert ws["C2"].alignment.wrap_text
    rows = [r for r in data.rows if r.kind == "project"]
    for i, row in enumerate(rows, 2):
        fill = ws.cell(row=i, column=6).fill.fgColor.rgb
        assert fill.endswith(STATUS_FILLS[row.status].lstrip("#").upper())


def test_xlsx_keeps_a_text_starting_with_equals_as_text(tmp_path):
    row = SheetRow(1, "1", "project", "", "=SUM(A1:A9)新建道路", "", "", "unknown", "", "")
    data = SheetData("对照表", "", date.today(), "t.db", (SheetGroup("project", "", (row,)),))
    ws = load_workbook(write_data(data, tmp_path / "f.xlsx"))["项目承诺"]
    assert ws["C2"].value == "=SUM(A1:A9)新建道路" and ws["C2"].data_type == "s"


# ---- CSV -------------------------------------------------------------------------------

def test_csv_is_utf8_with_bom(data, tmp_path):
    raw = write_data(data, tmp_path / "s.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    raw[3:].decode("utf-8")


def test_csv_round_trips(data, tmp_path):
    out = write_data(data, tmp_path / "s.csv")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        records = list(csv.reader(fh))
    assert records[0] == list(CSV_COLUMNS)
    assert records[1:] == [csv_record(r) for r in data.rows]
    by_id = {int(rec[-1]): rec for rec in records[1:]}
    for r in data.rows:
        assert by_id[r.cid][CSV_COLUMNS.index("承诺内容")] == r.text
    assert any(SCRIPT in rec[CSV_COLUMNS.index("完成情况")] for rec in records)


def test_csv_of_a_filtered_sheet_holds_only_those(store, tmp_path):
    out = write_data(sheet_data(store, Filter(kind="target")), tmp_path / "t.csv")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        records = list(csv.DictReader(fh))
    assert records and {r["类别"] for r in records} == {KIND_LABELS["target"]}
    assert len(records) == store.count(Filter(kind="target"))


# ---- HTML ------------------------------------------------------------------------------

def test_html_escapes_document_text(data):
    page = render(data)
    assert SCRIPT not in page
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find("script") is None
    cells = [td.get_text() for td in soup.find_all("td")]
    assert sum(SCRIPT in c for c in cells) == 2      # one commitment text, one note


def test_html_is_a_standalone_printable_page_with_every_row(data, tmp_path):
    out = write_data(data, tmp_path / "s.html")
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    assert soup.title.get_text() == data.title
    assert "@page" in soup.style.get_text()
    assert soup.find("link") is None and soup.find("img") is None
    rows = soup.select("tr[data-id]")
    assert [int(tr["data-id"]) for tr in rows] == [r.cid for r in data.rows]
    assert [tr.find_all("td")[1].get_text() for tr in rows] == [r.text for r in data.rows]
    assert len(soup.find_all("thead")) == len(data.kinds())


def test_html_landscape(data):
    assert "size: A4 landscape" in render(data, landscape=True)
    assert "size: A4 portrait" in render(data)


# ---- dispatch --------------------------------------------------------------------------

def test_unknown_suffix_is_a_user_error(data, tmp_path):
    with pytest.raises(UserError, match=r"s\.odt: 不支持的格式.*\.docx"):
        write_data(data, tmp_path / "s.odt")


def test_missing_folder_is_a_user_error(data, tmp_path):
    with pytest.raises(UserError, match="目录不存在"):
        write_data(data, tmp_path / "no" / "s.csv")


def test_every_format_prints_an_unmarked_row_as_the_app_does(data, tmp_path):
    # One vocabulary (tracker.labels): 未标记 in the app and the CLI, so on paper too.
    word = status_label(None)
    unmarked = [r for r in data.rows if r.status == "unmarked"]
    assert unmarked and word == "未标记"
    with open(write_data(data, tmp_path / "s.csv"), encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert sum(1 for r in rows if r["状态"] == word) == len(unmarked)
    wb = load_workbook(write_data(data, tmp_path / "s.xlsx"))
    cells = [c.value for k in data.kinds() for c in wb[KIND_LABELS[k]]["F"][1:]]
    assert sum(1 for c in cells if c == status_word("unmarked")) == len(unmarked)
    html = BeautifulSoup(write_data(data, tmp_path / "s.html").read_text(encoding="utf-8"),
                         "html.parser").get_text()
    assert html.count(word) > len(unmarked)        # every row and the summary
    pdf = "".join(p.extract_text() for p in PdfReader(write_data(data, tmp_path / "s.pdf")).pages)
    assert word in pdf
    docx = Document(str(write_data(data, tmp_path / "s.docx")))
    cells = [row.cells[4].text for table in docx.tables[1:] for row in table.rows[1:]]
    assert sum(1 for c in cells if c == status_word("unmarked")) == len(unmarked)


# ---- DOCX ------------------------------------------------------------------------------

def test_docx_is_an_editable_word_table_of_every_row(data, tmp_path):
    out = write_data(data, tmp_path / "s.docx")
    doc = Document(str(out))
    assert doc.paragraphs[0].text == data.title
    assert doc.core_properties.title == data.title
    summary, *kinds = doc.tables
    assert summary.rows[1].cells[0].text == "承诺事项合计"
    assert len(kinds) == len(data.kinds())
    texts = []
    for table in kinds:
        head = table.rows[0]
        assert [c.text for c in head.cells] == list(COLUMNS)
        # The header row repeats on every page the table runs onto.
        assert head._tr.trPr.find(qn("w:tblHeader")) is not None
        # (a category row is one cell across the table)
        texts += [row.cells[1].text for row in table.rows[1:] if row.cells[0]._tc is not row.cells[1]._tc]
    assert texts == [r.text + ("（原文已变）" if r.stale else "") for r in data.rows]
    # Markup in a document is text; the 状态 cell carries its status colour.
    assert any(SCRIPT in t for t in texts)
    done = next(r for r in data.rows if r.status == "done")
    cell = next(row.cells[4] for table in kinds for row in table.rows if row.cells[1].text == done.text)
    assert cell.text == status_word("done")
    assert cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == STATUS_FILLS["done"].lstrip("#").upper()
    # The East Asian face named (else Word sets Chinese in a Latin face's fallback), and the
    # page footer counts pages with Word's own fields.
    rfonts = doc.styles["Normal"].element.rPr.rFonts
    assert rfonts.get(qn("w:eastAsia")) == "仿宋"
    footer = doc.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert not list(tmp_path.glob(".*partial"))            # written whole, nothing left beside it


def test_docx_landscape_and_series(national_db, tmp_path):
    from tracker.store import Store

    with Store.open(national_db) as s:
        data = sheet_data(s, Filter(), series=True)
    doc = Document(str(write_data(data, tmp_path / "s.docx", landscape=True)))
    section = doc.sections[0]
    assert section.page_width > section.page_height
    headings = [p.text for p in doc.paragraphs]
    assert "指标历年" in headings and "全国 · 国内生产总值" in headings


def test_docx_from_the_command_line(store, tmp_path, capsys):
    from tracker.cli.main import main

    out = tmp_path / "对照表.docx"
    assert main(["--db", str(store.path), "sheet", "--kind", "target", "--out", str(out)]) == 0
    doc = Document(str(out))
    assert len(doc.tables) == 2 and doc.tables[1].rows[0].cells[1].text == "承诺内容"
