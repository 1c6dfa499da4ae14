"""The status sheet as CSV: UTF-8 with BOM so Excel opens the Chinese correctly."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from tracker.sheet.data import KIND_LABELS, SheetData, SheetRow
from tracker.whole_file import write_whole

# One flat table: the grouping becomes columns so a spreadsheet can filter on it.
CSV_COLUMNS = ("序号", "类别", "分类", "承诺内容", "目标", "完成情况", "状态", "证据", "时限", "责任单位",
               "已逾期", "落后序时进度", "原文已变", "跨年", "编号")


# A spreadsheet runs a cell starting with = + - @ (or tab, CR before one) as a formula:
# "=HYPERLINK(...)" in a note would run on opening. Plain numbers ("-0.5%") stay numbers.
_FORMULA_START = re.compile(r"^[=+\-@\t\r]")
_PLAIN_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?%?$")


def text_cell(value: str) -> str:
    """value as a cell a spreadsheet shows as text, never evaluates (a leading ' when needed)."""
    if isinstance(value, str) and _FORMULA_START.match(value) and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def csv_record(row: SheetRow) -> list[str]:
    """The CSV cells of one row, in CSV_COLUMNS order (formula-like text made inert)."""
    return [text_cell(v) for v in _cells(row)]


def _cells(row: SheetRow) -> list[str]:
    return [row.number, KIND_LABELS.get(row.kind, row.kind), row.category, row.text, row.target,
            row.progress, row.status_label, row.evidence, row.deadline, row.units.replace("\n", "；"),
            "是" if row.overdue else "", "是" if row.behind else "", "是" if row.stale else "",
            row.carry, str(row.cid)]


def write(data: SheetData, out: Path, landscape: bool = False) -> None:
    """Write one header line and one line per commitment, whole (landscape has no meaning here)."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(CSV_COLUMNS)
    for row in data.rows:
        writer.writerow(csv_record(row))
    write_whole(out, buf.getvalue().encode("utf-8-sig"))
