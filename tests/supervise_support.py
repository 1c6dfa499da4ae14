"""Filling progress forms as departments do (openpyxl standing in for the person at the desk):
shared by the round-trip tests and benchmarks/bench_supervise.py."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import openpyxl

from tracker.supervise.form_layout import DATA_SHEET, FORM_HEADER
from tracker.supervise.form_write import FIRST_ROW

COL = {name: i + 1 for i, name in enumerate(FORM_HEADER)}
STATUSES = ("已完成", "推进中", "部分完成", "推进中", "未完成")


def form_ids(path: Path) -> list[int]:
    """The 编号 of a form's rows, in order."""
    ws = openpyxl.load_workbook(path)[DATA_SHEET]
    return [ws.cell(row=r, column=1).value for r in range(FIRST_ROW, ws.max_row + 1)
            if ws.cell(row=r, column=1).value is not None]


def fill(path: Path, out: Path | None = None, who: str = "王芳", phone: str = "0471-6945001",
         on: date = date(2026, 3, 20), rows: int | None = None, edit_number: tuple[int, int] | None = None) -> Path:
    """Fill the first `rows` rows (all by default) the way a department does: a status from the
    dropdown, a line of progress, a value, who and when. edit_number=(row index, new 编号)
    overwrites one 编号 (the sheet is unprotected first, as a determined user would)."""
    out = out or path
    wb = openpyxl.load_workbook(path)
    ws = wb[DATA_SHEET]
    last = ws.max_row if rows is None else min(ws.max_row, FIRST_ROW + rows - 1)
    for r in range(FIRST_ROW, last + 1):
        n = r - FIRST_ROW
        ws.cell(row=r, column=COL["完成状态"], value=STATUSES[n % len(STATUSES)])
        ws.cell(row=r, column=COL["进展情况"], value=f"已完成年度任务的{40 + 10 * (n % 6)}%，按计划推进")
        ws.cell(row=r, column=COL["完成值"], value=f"{n + 1}万")
        ws.cell(row=r, column=COL["填报人"], value=who)
        ws.cell(row=r, column=COL["联系电话"], value=phone)
        ws.cell(row=r, column=COL["填报日期"], value=on)
    if edit_number is not None:
        ws.protection.sheet = False
        ws.cell(row=FIRST_ROW + edit_number[0], column=1, value=edit_number[1])
    wb.save(out)
    return out


def copy(path: Path, folder: Path) -> Path:
    """A department's own copy of the form it received."""
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(path, folder / path.name))
