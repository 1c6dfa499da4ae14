"""Progress forms: one XLSX per unit out (exact header, dropdown, protection, hidden metadata),
and back in from Excel, WPS, LibreOffice or a script, row by row."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime

import openpyxl
import pytest

from conftest import ROOT
from tracker.errors import UserError
from tracker.supervise.form_layout import FORM_HEADER, FormRow, FormSpec, form_file_name
from tracker.supervise.form_read import read_form
from tracker.supervise.form_write import FIRST_ROW, HEADER_ROW, instructions, write_form

FORMS = ROOT / "tests" / "data" / "forms"


def spec(**kw) -> FormSpec:
    rows = (FormRow(11, "实现城镇新增就业18万人以上", "18万人以上", "年底前", "人社厅", "教育厅", "推进中"),
            FormRow(12, "开展职业技能培训40万人次", "40万人次", "", "人社厅、财政厅"),
            FormRow(13, "=发放创业担保贷款180亿元", "180亿元", "6月底前", "人民银行", "人社厅"))
    return FormSpec(**{"unit": "人社厅", "store_id": "s-1", "form_id": "f-1", "sent": date(2026, 3, 2),
                       "rows": rows, "due": date(2026, 3, 31), "title": "2026年民生实事", **kw})


def test_the_form_lays_out_what_the_unit_needs(tmp_path):
    out = write_form(spec(), tmp_path / form_file_name("人社厅", date(2026, 3, 2)))
    assert out.name == "人社厅_进展情况报送表_20260302.xlsx"
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:2] == ["填报说明", "进展情况"]
    guide = wb["填报说明"]
    lines = [guide.cell(row=r, column=2).value for r in (3, 4)]
    assert lines == list(instructions(spec())) and "2026-03-31" in lines[1]
    ws = wb["进展情况"]
    assert tuple(c.value for c in ws[HEADER_ROW]) == FORM_HEADER
    assert "2026-03-31" in ws["A1"].value
    assert [ws.cell(row=FIRST_ROW + i, column=1).value for i in range(3)] == [11, 12, 13]
    assert ws.cell(row=FIRST_ROW + 2, column=2).data_type == "s"        # "=…" stays text
    assert ws.protection.sheet
    assert ws.cell(row=FIRST_ROW, column=1).protection.locked            # 编号
    assert ws.cell(row=FIRST_ROW, column=2).protection.locked            # 承诺内容
    assert ws.cell(row=FIRST_ROW, column=7).protection.locked            # 当前状态
    assert not ws.cell(row=FIRST_ROW, column=8).protection.locked        # 完成状态
    assert not ws.cell(row=FIRST_ROW, column=14).protection.locked       # 填报日期
    (dv,) = ws.data_validations.dataValidation
    assert dv.formula1 == '"已完成,部分完成,推进中,未完成,未核实"' and str(dv.sqref) == "H3:H5"
    meta = wb["tracker_meta"]
    assert meta.sheet_state == "hidden"
    assert {meta.cell(row=r, column=1).value: meta.cell(row=r, column=2).value for r in range(1, 7)}[
        "store_id"] == "s-1"


def fill(path, cells: dict[str, object]):
    wb = openpyxl.load_workbook(path)
    ws = wb["进展情况"]
    for ref, value in cells.items():
        ws[ref] = value
    wb.save(path)


def test_filled_rows_come_back_and_others_are_refused_or_blank(tmp_path):
    path = write_form(spec(), tmp_path / "f.xlsx")
    fill(path, {"H3": "已完成", "I3": "新增就业20万人", "J3": 20.0, "L3": "王芳", "M3": 13904710000,
                "N3": datetime(2026, 3, 20),
                "A4": 14, "H4": "推进中",                    # an edited 编号
                "H5": "基本完成",                            # a word not in the dropdown
                "A6": 12, "B6": "开展职业技能培训40万人次", "I6": "已培训8万人次"})   # an added row repeating 12
    form = read_form(path)
    assert form.meta.store_id == "s-1" and form.meta.unit == "人社厅" and form.meta.due == date(2026, 3, 31)
    (row, again) = form.rows
    assert (row.cid, row.status, row.progress, row.value, row.reporter, row.phone, row.filled_on) == (
        11, "done", "新增就业20万人", "20", "王芳", "13904710000", date(2026, 3, 20))
    assert (again.cid, again.status, again.progress) == (12, None, "已培训8万人次")
    reasons = [r.reason for r in form.refused]
    assert reasons == ["第4行：编号 14 不在本表发出的条目中（编号被改动或来自其他表）",
                       "第5行：完成状态“基本完成”不是下拉选项之一"]
    assert form.blank == 0


def test_an_edited_number_pointing_at_another_row_of_the_form_is_refused(tmp_path):
    path = write_form(spec(), tmp_path / "f.xlsx")
    fill(path, {"A3": 12, "H3": "已完成"})      # row of 11 now says 12: the text is 11's
    form = read_form(path)
    assert form.rows == () and "与发出时的承诺内容不符" in form.refused[0].reason


def test_a_blank_form_records_nothing(tmp_path):
    path = write_form(spec(), tmp_path / "f.xlsx")
    fill(path, {"L3": "王芳", "M3": "0471-1234567"})      # who, but nothing reported
    form = read_form(path)
    assert form.rows == () and form.refused == () and form.blank == 3


def test_the_same_row_reads_the_same_digest_twice(tmp_path):
    path = write_form(spec(), tmp_path / "f.xlsx")
    fill(path, {"H3": "推进中", "I3": "过半"})
    first = read_form(path).rows[0].digest
    assert read_form(path).rows[0].digest == first
    fill(path, {"I3": "已完成七成"})
    assert read_form(path).rows[0].digest != first


def test_a_form_saved_by_libreoffice_collects():
    form = read_form(FORMS / "filled_by_libreoffice.xlsx")
    assert (form.meta.unit, form.meta.form_id, form.meta.sent) == ("人社厅", "fixture-form-1", date(2026, 3, 2))
    assert [(r.cid, r.status, r.filled_on) for r in form.rows] == [
        (101, "done", date(2026, 3, 20)), (102, "in_progress", date(2026, 3, 21))]
    assert form.rows[0].phone == "13904710000"
    assert [r.number for r in form.refused] == ["999"]
    assert form.blank == 1


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_libreoffice_keeps_dropdown_protection_and_metadata(tmp_path):
    path = write_form(spec(), tmp_path / "f.xlsx")
    subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(tmp_path / "lo"), str(path)],
                   check=True, capture_output=True, timeout=180)
    wb = openpyxl.load_workbook(tmp_path / "lo" / "f.xlsx")
    ws = wb["进展情况"]
    assert ws.protection.sheet and ws.data_validations.dataValidation[0].formula1.startswith('"已完成')
    assert wb["tracker_meta"].sheet_state == "hidden"
    assert read_form(tmp_path / "lo" / "f.xlsx").meta.form_id == "f-1"


@pytest.mark.parametrize("content, reason", [
    (b"", "空文件"), (b"PK\x03\x04broken", "不是有效的 Excel 文件")])
def test_an_unreadable_file_is_one_line(tmp_path, content, reason):
    (tmp_path / "x.xlsx").write_bytes(content)
    with pytest.raises(UserError, match=f"x.xlsx: {reason}"):
        read_form(tmp_path / "x.xlsx")


def test_a_workbook_that_is_not_our_form_is_one_line(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(list(FORM_HEADER))
    wb.save(tmp_path / "other.xlsx")
    with pytest.raises(UserError, match="other.xlsx: 不是本程序发出的进展情况报送表"):
        read_form(tmp_path / "other.xlsx")


def test_a_form_whose_header_was_changed_is_one_line(tmp_path):
    path = write_form(spec(), tmp_path / "f.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["进展情况"]["H2"] = "状态"
    wb.save(path)
    with pytest.raises(UserError, match="找不到报送表的表头"):
        read_form(path)


def test_a_unit_name_any_file_system_can_hold():
    assert form_file_name("发改委/统计局", date(2026, 1, 5)) == "发改委_统计局_进展情况报送表_20260105.xlsx"
