"""The progress form (进展情况报送表) a unit fills in: its fixed words and the data it carries.

One XLSX per unit. The header cells read exactly FORM_HEADER; the first seven columns are
the office's (protected), the rest the unit's. A hidden sheet holds the metadata that ties a
returned form to the store, the unit and the day it went out, and, per row, the commitment
id and a digest of the 承诺内容 sent: a row whose 编号 no longer fits its text was edited.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from tracker.labels import STATUS_LABELS

FORM_HEADER = ("编号", "承诺内容", "目标值", "时限", "牵头单位", "配合单位", "当前状态",
               "完成状态", "进展情况", "完成值", "佐证材料", "填报人", "联系电话", "填报日期")
FIRST_FILLED = FORM_HEADER.index("完成状态")          # columns from here on are the unit's
# The dropdown of 完成状态, in the order a unit reads them.
FORM_STATUSES = ("已完成", "部分完成", "推进中", "未完成", "未核实")
STATUS_OF_WORD = {label: key for key, label in STATUS_LABELS.items()}
assert set(STATUS_OF_WORD) == set(FORM_STATUSES)

GUIDE_SHEET = "填报说明"
DATA_SHEET = "进展情况"
META_SHEET = "tracker_meta"       # hidden; ASCII so every spreadsheet program keeps its name
FORMAT = "tracker-progress-form/1"
# Rows of the metadata sheet before the per-row table: (key, label) in column A/B order.
META_KEYS = ("format", "store_id", "form_id", "unit", "sent", "due")
ROWS_MARK = "rows"                 # the line after which "id, digest" pairs follow

# Characters a file name cannot hold on Windows, macOS or Linux.
_BAD_FILENAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class FormRow:
    """One commitment as the form shows it (the office's columns)."""

    cid: int
    text: str             # 承诺内容
    target: str = ""      # 目标值
    deadline: str = ""    # 时限
    leads: str = ""       # 牵头单位 (、-joined)
    partners: str = ""    # 配合单位
    status: str = ""      # 当前状态: the office's confirmed status in words ("" when none)


@dataclass(frozen=True)
class FormSpec:
    """One unit's form: whom it goes to, when, from which store, and its rows in order."""

    unit: str
    store_id: str
    form_id: str          # unique per form sent: a form collected twice is recognised
    sent: date
    rows: tuple[FormRow, ...]
    due: date | None = None     # 报送截止日期, printed on the form
    title: str = ""             # what the office calls the round ("2026年政府工作报告承诺事项")


def text_digest(text: str) -> str:
    """Short digest of a row's 承诺内容 as sent (spaces ignored: a program may trim them)."""
    return hashlib.sha1(re.sub(r"\s+", "", text or "").encode("utf-8")).hexdigest()[:12]


def form_file_name(unit: str, sent: date) -> str:
    """The form's file name: the unit's name as stored (only characters no file name may hold
    replaced) and the day it went out: "人社厅_进展情况报送表_20260305.xlsx"."""
    safe = _BAD_FILENAME.sub("_", unit).strip(" .") or "单位"
    return f"{safe}_进展情况报送表_{sent.strftime('%Y%m%d')}.xlsx"
