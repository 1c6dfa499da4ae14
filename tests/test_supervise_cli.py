"""The 督办 commands: assign, units, forms, collect, unit-reports, plan, sheet --by-unit; the
contract's fields of list --json; exit codes and one-line refusals."""

from __future__ import annotations

import json
import re
import subprocess

import openpyxl
import pytest

from conftest import DEV, ROOT
from supervise_support import fill
from tracker.cli.main import main

NEIMENGGU = DEV / "provinces" / "neimenggu_2026.txt"
PLAN = ROOT / "tests" / "data" / "plans" / "jiangxi_2026_fengong.xlsx"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.db"
    assert main(["--db", str(path), "import", str(NEIMENGGU), str(DEV / "provinces" / "jiangxi_2026.txt")]) == 0
    return path


def run(db, *args, capsys):
    code = main(["--db", str(db), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def listed(db, capsys, *filters) -> list[dict]:
    code, out, _ = run(db, "list", "--json", *filters, capsys=capsys)
    assert code == 0
    return json.loads(out)


def test_list_json_has_the_contracts_unit_fields(db, capsys):
    rows = listed(db, capsys, "--kind", "livelihood", "--region", "内蒙古自治区")
    assert {"lead_unit", "partner_units", "unit_report"} <= set(rows[0])
    assert rows[3]["lead_unit"] == "红十字会、残联、妇联、卫健委"
    assert rows[0]["partner_units"] == [] and rows[0]["unit_report"] is None
    assert [r["lead_unit"] for r in listed(db, capsys, "--unit", "医保局")] == ["卫健委、医保局"]


def test_assign_then_units_then_alias(db, capsys):
    target = listed(db, capsys, "--kind", "target", "--region", "内蒙古自治区")[0]["id"]
    code, out, _ = run(db, "assign", target, "--lead", "发改委,统计局", "--with", "财政厅", capsys=capsys)
    assert code == 0 and f"#{target} 牵头：发改委、统计局；配合：财政厅" in out and "assign:" in out
    code, out, _ = run(db, "units", "--alias", "自治区发展改革委=发改委", capsys=capsys)
    assert code == 0 and "自治区发展改革委 → 发改委" in out
    code, out, _ = run(db, "units", "--json", capsys=capsys)
    units = {u["name"]: u for u in json.loads(out)}
    assert units["发改委"]["aliases"] == ["自治区发展改革委"] and units["财政厅"]["partner"] == 1
    assert [r["id"] for r in listed(db, capsys, "--unit", "自治区发展改革委")] == [target]
    code, _, err = run(db, "assign", target, capsys=capsys)
    assert code == 1 and err.count("\n") == 1 and "--lead" in err


def test_assign_from_a_plan_lists_the_unmatched(db, capsys):
    code, out, _ = run(db, "assign", "--from", PLAN, "--dry-run", capsys=capsys)
    assert code == 0 and "32 项任务：30 项已对应" in out and out.count("未对应 ") == 2
    assert all(r["lead_unit"] is None for r in listed(db, capsys, "--region", "江西省"))
    code, out, _ = run(db, "assign", "--from", PLAN, "--add-unmatched", capsys=capsys)
    assert code == 0 and "已添加 2 项督办事项" in out
    tasks = listed(db, capsys, "--kind", "task")
    assert [r["lead_unit"] for r in tasks] == ["省住房城乡建设厅", "省体育局"]
    code, out, _ = run(db, "show", tasks[1]["id"], capsys=capsys)
    source = out.split("----\n", 1)[1]
    assert code == 0 and source.startswith(f"分工方案《{PLAN.name}》") and "牵头单位：省体育局" in source
    assert not re.search(r"^ *\d+\|", source, re.M) and not re.search(r"^line:", out, re.M)   # no report line


def test_forms_collect_and_the_bulletin(db, tmp_path, capsys):
    out_dir = tmp_path / "forms"
    out_dir.mkdir()
    code, out, _ = run(db, "forms", "--out", out_dir, "--plan-year", "2026", "--due", "2099-12-31", capsys=capsys)
    assert code == 0 and "已生成 16 份报送表" in out
    form = next(out_dir.glob("人社厅_*.xlsx"))
    assert openpyxl.load_workbook(form)["进展情况"]["A1"].value.startswith("人社厅")
    fill(form)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    code, out, _ = run(db, "collect", form, bad, capsys=capsys)
    assert code == 1           # one file could not be read at all; the form still counted
    assert "人社厅：记录 2 行，冲突 0 行" in out and "bad.xlsx: 不是有效的 Excel 文件" in out
    code, out, _ = run(db, "collect", form, capsys=capsys)
    assert code == 0 and "已导入过 2 行" in out
    row = [r for r in listed(db, capsys, "--unit", "人社厅") if r["unit_report"]][0]
    assert row["unit_report"]["unit"] == "人社厅" and row["unit_report"]["status"] == "done"
    assert row["status"] is None                  # the office's own status is untouched
    code, out, _ = run(db, "unit-reports", "--json", capsys=capsys)
    reports = json.loads(out)
    code, out, _ = run(db, "unit-reports", "--accept", reports[0]["id"], capsys=capsys)
    assert code == 0 and "已采纳" in out
    pdf = tmp_path / "通报.pdf"
    code, out, _ = run(db, "sheet", "--by-unit", "--out", pdf, capsys=capsys)
    assert code == 0 and "16 个单位" in out
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "人社厅" in text and "评价规则" in text


def test_forms_for_an_unknown_unit_or_no_folder_are_one_line(db, tmp_path, capsys):
    code, _, err = run(db, "forms", "--out", tmp_path, "--unit", "不存在局", capsys=capsys)
    assert code == 1 and "不存在局: 没有这个单位" in err
    code, _, err = run(db, "forms", "--out", tmp_path / "missing", capsys=capsys)
    assert code == 1 and "文件夹不存在" in err
    assert list(tmp_path.glob("*.xlsx")) == []


def test_the_office_plan_exports(db, tmp_path, capsys):
    run(db, "assign", "--from", PLAN, capsys=capsys)
    code, out, _ = run(db, "plan", "--out", tmp_path / "plan.xlsx", "--region", "江西省", capsys=capsys)
    assert code == 0
    ws = openpyxl.load_workbook(tmp_path / "plan.xlsx").active
    assert [c.value for c in ws[2]] == ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]


@pytest.mark.parametrize("suffix", ["pdf", "xlsx", "csv", "html", "docx"])
def test_every_sheet_format_has_a_unit_column_and_takes_unit(db, tmp_path, capsys, suffix):
    out = tmp_path / f"s.{suffix}"
    code, printed, _ = run(db, "sheet", "--unit", "卫健委", "--out", out, capsys=capsys)
    assert code == 0 and "2 项承诺" in printed
    if suffix == "xlsx":
        ws = openpyxl.load_workbook(out)["民生实事"]
        header = [c.value for c in ws[1]]
        column = header.index("责任单位") + 1
        assert [ws.cell(row=r, column=column).value for r in (2, 3)] == ["红十字会、残联、妇联、卫健委", "卫健委、医保局"]
        return
    if suffix == "csv":
        import csv
        records = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
        column = records[0].index("责任单位")
        assert [r[column] for r in records[1:]] == ["红十字会、残联、妇联、卫健委", "卫健委、医保局"]
        return
    if suffix == "docx":
        from docx import Document
        doc = Document(out)
        text = "\n".join([p.text for p in doc.paragraphs]
                         + [c.text for t in doc.tables for row in t.rows for c in row.cells])
    elif suffix == "pdf":
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    else:
        text = out.read_text(encoding="utf-8")
    flat = text.replace("\n", "")
    assert "责任单位" in text and "卫健委、医保局" in flat and "责任单位：卫健委" in flat
