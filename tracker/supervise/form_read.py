"""Reading a filled progress form back: the metadata, each filled row, and each row refused
with its reason.

Forms come back saved by Excel, WPS, LibreOffice or a script: the hidden metadata sheet is
found by name, the data by its header row (whatever its sheet is called), numbers may come
back as floats ("12.0") and dates as datetimes or text. A row is never matched by its text:
its 编号 must be one the form was sent with, and the 承诺内容 beside it the text sent with
that 编号 (else the 编号 was edited). A row with none of the unit's columns filled records
nothing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tracker.errors import UserError
from tracker.ingest.normalize import fold
from tracker.labels import STATUS_WORDS
from tracker.supervise.form_layout import (DATA_SHEET, FIRST_FILLED, FORM_HEADER, FORMAT, META_KEYS,
                                           META_SHEET, ROWS_MARK, STATUS_OF_WORD, text_digest)
from tracker.supervise.office_files import load_workbook

_COL = {name: i for i, name in enumerate(FORM_HEADER)}
_DATE = re.compile(r"^\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?\s*$")
_HEADER_SCAN = 12            # the header row is looked for in the first rows of a sheet


@dataclass(frozen=True)
class FormMeta:
    """What the hidden sheet says of a form: its store, id, unit, day sent and due day."""

    store_id: str
    form_id: str
    unit: str
    sent: date
    due: date | None
    rows: tuple[tuple[int, str], ...]     # (commitment id, digest of its 承诺内容) as sent


@dataclass(frozen=True)
class FilledRow:
    """One row a unit filled in."""

    line: int                 # row number in the sheet
    cid: int
    status: str | None        # done, partial, in_progress, not_done, unknown; None when not chosen
    progress: str             # 进展情况
    value: str                # 完成值
    evidence: str             # 佐证材料
    reporter: str             # 填报人
    phone: str                # 联系电话
    filled_on: date | None    # 填报日期, when readable

    @property
    def digest(self) -> str:
        """What the unit said in this row: the same form collected twice adds nothing."""
        parts = (self.status or "", self.progress, self.value, self.evidence, self.reporter,
                 self.phone, self.filled_on.isoformat() if self.filled_on else "")
        return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class RefusedRow:
    """A filled row that records nothing, and why (one line)."""

    line: int
    number: str               # the 编号 cell as found
    reason: str


@dataclass(frozen=True)
class FilledForm:
    """A returned form: its metadata, the rows recorded, those refused, the blank count."""

    path: str
    meta: FormMeta
    rows: tuple[FilledRow, ...]
    refused: tuple[RefusedRow, ...]
    blank: int


def _text(value) -> str:
    """A cell as text: 12.0 -> "12", a datetime -> its day, None -> ""."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_day(value) -> date | None:
    """A day from a cell or typed text: a datetime, 2026-03-05, 2026/3/5, 2026年3月5日; None otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    m = _DATE.match(fold(_text(value)))
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _meta(wb, path: Path) -> FormMeta:
    names = {ws.title: ws for ws in wb.worksheets}
    ws = names.get(META_SHEET)
    if ws is None:
        raise UserError(f"{path}: 不是本程序发出的进展情况报送表（没有表单信息页）")
    values: dict[str, str] = {}
    rows: list[tuple[int, str]] = []
    in_rows = False
    for a, b, *_ in ws.iter_rows(min_col=1, max_col=2, values_only=True):
        key = _text(a)
        if in_rows:
            if key.isdigit():
                rows.append((int(key), _text(b)))
        elif key == ROWS_MARK:
            in_rows = True
        elif key in META_KEYS:
            values[key] = _text(b)
    sent = parse_day(values.get("sent"))
    if values.get("format") != FORMAT or not values.get("store_id") or sent is None:
        raise UserError(f"{path}: 报送表的表单信息页已损坏或不是本程序的格式")
    return FormMeta(values["store_id"], values.get("form_id", ""), values.get("unit", ""), sent,
                    parse_day(values.get("due")) if values.get("due") else None, tuple(rows))


def _data_rows(wb, path: Path):
    """(sheet rows after the header) of the sheet holding the form's header row."""
    sheets = sorted(wb.worksheets, key=lambda ws: ws.title != DATA_SHEET)
    for ws in sheets:
        if ws.title == META_SHEET:
            continue
        for r, row in enumerate(ws.iter_rows(max_row=_HEADER_SCAN, values_only=True), 1):
            cells = tuple(re.sub(r"\s+", "", _text(v)) for v in row[:len(FORM_HEADER)])
            if cells == FORM_HEADER:
                return r, ws.iter_rows(min_row=r + 1, values_only=True)
    raise UserError(f"{path}: 找不到报送表的表头（{' '.join(FORM_HEADER[:3])}…），表头被改动？")


def _status(word: str) -> str | None:
    word = re.sub(r"\s+", "", word)
    return STATUS_OF_WORD.get(word) or STATUS_WORDS.get(word)


def read_form(path: str | Path) -> FilledForm:
    """The rows a unit filled in path; UserError naming the file when it cannot be read or is
    not one of our forms."""
    p = Path(path)
    wb = load_workbook(p, read_only=True)
    try:
        return _read(wb, p)
    except UserError:
        raise
    except Exception as exc:   # a damaged sheet surfaces only while its cells stream
        raise UserError(f"{p}: Excel 文件无法读取（{type(exc).__name__}）") from None
    finally:
        wb.close()


def _read(wb, p: Path) -> FilledForm:
    for ws in wb.worksheets:
        # Streamed sheets trust the size a file states; some programs state it wrongly.
        ws.reset_dimensions()
    meta = _meta(wb, p)
    header_row, data = _data_rows(wb, p)
    sent = dict(meta.rows)
    rows: list[FilledRow] = []
    refused: list[RefusedRow] = []
    seen: set[int] = set()
    blank = 0
    for line, values in enumerate(data, header_row + 1):
        values = values or ()
        cells = [(values[i] if i < len(values) else None) for i in range(len(FORM_HEADER))]
        texts = [_text(v) for v in cells]
        if not any(texts[FIRST_FILLED:]):
            blank += 1 if texts[0] else 0
            continue
        if not any(texts[FIRST_FILLED:FORM_HEADER.index("填报人")]):
            blank += 1      # only who and when: nothing reported
            continue
        number = texts[0]

        def refuse(reason: str) -> None:
            refused.append(RefusedRow(line, number, reason))

        if not number.isdigit():
            refuse(f"第{line}行：编号“{number}”不是本表发出的编号" if number else f"第{line}行：没有编号")
            continue
        cid = int(number)
        if cid not in sent:
            refuse(f"第{line}行：编号 {cid} 不在本表发出的条目中（编号被改动或来自其他表）")
            continue
        if text_digest(texts[1]) != sent[cid]:
            refuse(f"第{line}行：编号 {cid} 与发出时的承诺内容不符（编号或内容被改动）")
            continue
        if cid in seen:
            refuse(f"第{line}行：编号 {cid} 重复")
            continue
        word = texts[_COL["完成状态"]]
        status = _status(word) if word else None
        if word and status is None:
            refuse(f"第{line}行：完成状态“{word}”不是下拉选项之一")
            continue
        seen.add(cid)
        rows.append(FilledRow(line, cid, status, texts[_COL["进展情况"]], texts[_COL["完成值"]],
                              texts[_COL["佐证材料"]], texts[_COL["填报人"]], texts[_COL["联系电话"]],
                              parse_day(cells[_COL["填报日期"]])))
    return FilledForm(str(p), meta, tuple(rows), tuple(refused), blank)
