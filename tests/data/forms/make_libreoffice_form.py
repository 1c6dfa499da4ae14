"""Writes filled_by_libreoffice.xlsx: a progress form written by tracker, filled as a department
would (openpyxl standing in for the person), then opened and saved again by LibreOffice
(`soffice --headless --convert-to xlsx`), the way a form comes back from a WPS/LibreOffice
desk. Run once; the result is committed so tests need no LibreOffice."""

import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from tracker.supervise.form_layout import FormRow, FormSpec  # noqa: E402
from tracker.supervise.form_write import write_form  # noqa: E402

HERE = Path(__file__).parent
SPEC = FormSpec(
    unit="人社厅", store_id="fixture-store", form_id="fixture-form-1", sent=date(2026, 3, 2),
    due=date(2026, 3, 31), title="2026年民生实事",
    rows=(FormRow(101, "2.实现城镇新增就业18万人以上（牵头单位：人社厅）", "18万人以上", "年底前", "人社厅"),
          FormRow(102, "发放就业岗位50万个以上", "50万个以上", "", "人社厅", "教育厅", "推进中"),
          FormRow(103, "开展职业技能培训40万人次", "40万人次", "", "人社厅"),
          FormRow(104, "=提高城乡居民养老保险基础养老金标准", "", "", "农牧厅、林草局、人社厅")))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        form = write_form(SPEC, Path(tmp) / "form.xlsx")
        wb = openpyxl.load_workbook(form)
        ws = wb["进展情况"]
        ws["H3"], ws["I3"], ws["J3"] = "已完成", "1-2月新增就业3.1万人，全年任务已过序时", "3.1万人"
        ws["L3"], ws["M3"], ws["N3"] = "王芳", 13904710000, datetime(2026, 3, 20)
        ws["H4"], ws["I4"], ws["N4"] = "推进中", "已发布岗位12万个", "2026年3月21日"
        ws["A5"], ws["H5"] = 999, "已完成"               # an edited 编号
        wb.save(form)
        out = Path(tmp) / "lo"
        subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(out), str(form)],
                       check=True, capture_output=True, timeout=120)
        shutil.copy(out / "form.xlsx", HERE / "filled_by_libreoffice.xlsx")


if __name__ == "__main__":
    main()
