"""Reading an office's 任务分工方案 (a DOCX or XLSX table) into rows: task, lead units,
partner units, time limit.

Offices lay the table out in many ways; what they share is a header row naming the columns
(序号 / 工作任务 / 牵头单位 / 责任单位 / 配合单位 / 完成时限 and their variants). Any row that
reads like such a header starts a table; rows under it are tasks. A row whose only text is a
heading ("一、稳定经济增长", a cell merged across the row) names the category of the rows
below. Merged cells count for every row and column they cover. Where a table has one
责任单位 column and the document says "列第一位的为牵头单位", the first unit of each cell
leads and the others assist; "市住建局（牵头）" marks a lead in any cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import UserError
from tracker.ingest.normalize import fold
from tracker.supervise.office_files import load_docx, load_workbook
from tracker.unit_names import Units, split_lead_marked, split_units

# Column names as offices write them, most specific first (a cell is read once, first match).
_COLUMNS = (
    ("number", ("序号", "编号")),
    ("partner", ("配合单位", "配合部门", "协办单位", "参与单位", "协同单位", "配合")),
    ("lead", ("牵头单位", "牵头部门", "牵头责任单位", "牵头")),
    ("duty", ("责任单位", "责任部门", "主责单位", "承办单位", "主办单位", "实施单位")),
    ("deadline", ("完成时限", "时限", "完成时间", "时间节点", "时间要求", "完成期限", "时间安排")),
    ("task", ("工作任务", "重点任务", "主要任务", "具体任务", "目标任务", "任务内容", "工作内容",
              "工作事项", "重点工作", "任务", "事项", "内容", "实事", "项目")),
)
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[部分章])")
# "列第一位的为牵头单位" / "排在首位的是牵头单位": the first unit of a 责任单位 cell leads.
_FIRST_LEADS = re.compile(r"(?:列|排)(?:在)?(?:第一位|首位|第一个|第一)的?(?:单位)?(?:为|是)牵头")
_YEAR = re.compile(r"(20\d{2})\s*年")


@dataclass(frozen=True)
class PlanRow:
    """One task of a 分工方案 as written."""

    where: str                    # "表1第5行" / "Sheet1第5行": for the unmatched list
    number: str                   # 序号 as written ("" when none)
    task: str
    leads: tuple[str, ...]
    partners: tuple[str, ...]
    deadline_text: str            # 完成时限 as written ("2026年6月底前", "长期坚持")
    category: str = ""            # the heading row above it


@dataclass(frozen=True)
class PlanTable:
    """A 分工方案 read from one file."""

    path: str
    title: str
    plan_year: int | None         # the year its title names (2026年…分工方案), else None
    rows: tuple[PlanRow, ...]


def _norm(cell: str) -> str:
    """A header cell without spaces, line breaks and bracketed notes: "牵头单位\n（部门）" -> 牵头单位."""
    s = re.sub(r"\s+", "", fold(cell or ""))
    return re.sub(r"[（(][^）)]*[)）]", "", s)


def _column(cell: str) -> str | None:
    name = _norm(cell)
    if not name or "领导" in name or len(name) > 12:
        return None
    for col, words in _COLUMNS:
        if name in words:
            return col
    for col, words in _COLUMNS:
        if any(w in name for w in words):
            return col
    return None


def _header(cells: list[str]) -> dict[str, int] | None:
    """Column positions if cells read as a header row (a task column and a unit column)."""
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        col = _column(cell)
        if col and col not in found:
            found[col] = i
    if "task" in found and ("lead" in found or "duty" in found):
        return found
    return None


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _units(cells: list[str], columns: dict[str, int], first_leads: bool) -> Units:
    """Leads and partners of one row under the table's columns."""
    def cell(name: str) -> str:
        i = columns.get(name)
        return cells[i] if i is not None and i < len(cells) else ""

    if "lead" in columns:
        found = split_lead_marked(cell("lead"))
        other = cell("partner") or (cell("duty") if "partner" not in columns else "")
        partners = list(found.partners) + split_units(other)
    else:
        text = cell("duty")
        found = split_lead_marked(text)
        partners = list(found.partners) + split_units(cell("partner"))
        if first_leads and "partner" not in columns and not found.partners and found.leads:
            found = Units(leads=found.leads[:1])
            partners = list(split_units(text)[1:])
    leads = {u for u in found.leads}
    return Units(found.leads, tuple(p for p in dict.fromkeys(partners) if p not in leads))


def _rows(grid: list[tuple[str, list[str]]], first_leads: bool) -> list[PlanRow]:
    """Task rows of a grid of (where, cells): headers start tables, headings set categories."""
    out: list[PlanRow] = []
    columns: dict[str, int] | None = None
    category = ""
    after_header = False
    for where, cells in grid:
        header = _header(cells)
        if header:
            columns, after_header = header, True
            continue
        names = {_column(c): i for i, c in enumerate(cells) if c and _column(c)}
        if after_header and names and len(names) == sum(1 for c in cells if c):
            columns = {**columns, **names}     # a header's second row: 牵头单位 | 配合单位 under 责任单位
            if "lead" in names and columns.get("duty") in names.values():
                columns.pop("duty")
            continue
        after_header = False
        filled = [c for c in cells if c]
        if filled and len(set(filled)) == 1 and (
                _HEADING.match(filled[0]) or (len(filled) > 1 and columns is not None)):
            category = filled[0]     # a heading merged across the row (not the title above the table)
            continue
        if not filled or columns is None:
            continue
        task = cells[columns["task"]] if columns["task"] < len(cells) else ""
        units = _units(cells, columns, first_leads)
        if not task or task == category or (_HEADING.match(task) and not units):
            if task and _HEADING.match(task):
                category = task
            continue
        number = cells[columns["number"]] if "number" in columns and columns["number"] < len(cells) else ""
        deadline = cells[columns["deadline"]] if "deadline" in columns and columns["deadline"] < len(cells) else ""
        out.append(PlanRow(where, number, task, units.leads, units.partners, deadline, category))
    return out


def _docx(path: Path) -> PlanTable:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = load_docx(path)
    grid: list[tuple[str, list[str]]] = []
    texts: list[str] = []
    title = ""
    n_table = 0
    for block in doc.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(block, doc).text.strip()
            texts.append(text)
            if text and not title and not n_table:
                title = text
            elif _HEADING.match(text) and len(text) <= 40:
                grid.append(("", [text]))     # a heading between tables: the next rows' category
        elif tag == "tbl":
            n_table += 1
            for r, row in enumerate(Table(block, doc).rows, 1):
                cells, seen = [], set()
                for cell in row.cells:
                    # A horizontally merged cell repeats its element: one column's text only.
                    text = "" if id(cell._tc) in seen else cell.text.strip()
                    seen.add(id(cell._tc))
                    cells.append(text)
                if len(set(c for c in cells if c)) == 1 and sum(1 for c in cells if c) == 1 \
                        and len(seen) == 1 and len(cells) > 1:
                    cells = [cells[0]] * len(cells)   # one cell across the row: a heading
                texts.extend(cells)
                grid.append((f"表{n_table}第{r}行", cells))
    first_leads = any(_FIRST_LEADS.search(t) for t in texts if t)
    return _table(path, title, _rows(grid, first_leads))


def _spread(values: list[list[str]], r0: int, r1: int, c0: int, c1: int) -> None:
    """A merged range's value in the cells it covers, as the docx reader sees them: down a
    column in every row; across a row only in its first column, unless it fills the whole
    row (a heading)."""
    if r0 >= len(values):
        return
    top = values[r0][c0] if c0 < len(values[r0]) else ""
    for r in range(r0, min(r1, len(values) - 1) + 1):
        row = values[r]
        whole = all(not v for i, v in enumerate(row) if not c0 <= i <= c1)
        for c in range(c0, min(c1, len(row) - 1) + 1):
            row[c] = top if c == c0 or whole else ""
        if whole and c1 > c0:
            row[:] = [top] * len(row)


def _xlsx(path: Path) -> PlanTable:
    wb = load_workbook(path)
    grid: list[tuple[str, list[str]]] = []
    texts: list[str] = []
    title = ""
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        values = [[_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
        for rng in ws.merged_cells.ranges:
            _spread(values, rng.min_row - 1, rng.max_row - 1, rng.min_col - 1, rng.max_col - 1)
        for r, cells in enumerate(values, 1):
            texts.extend(c for c in cells if c)
            if not title and any(cells) and _header(cells) is None:
                title = next(c for c in cells if c)
            grid.append((f"{ws.title}第{r}行", cells))
    first_leads = any(_FIRST_LEADS.search(t) for t in texts)
    return _table(path, title, _rows(grid, first_leads))


def _table(path: Path, title: str, rows: list[PlanRow]) -> PlanTable:
    if not rows:
        raise UserError(f"{path}: 未找到分工表（需要一行表头含“工作任务”和“牵头单位”或“责任单位”）")
    m = _YEAR.search(title or "")
    return PlanTable(str(path), title, int(m.group(1)) if m else None, tuple(rows))


def read_plan(path: str | Path) -> PlanTable:
    """The 分工方案 table of a DOCX or XLSX file; UserError naming the file when it has none."""
    p = Path(path)
    if p.suffix.lower() == ".docx":
        return _docx(p)
    if p.suffix.lower() in (".xlsx", ".xlsm"):
        return _xlsx(p)
    raise UserError(f"{p}: 分工方案请用 .docx 或 .xlsx 文件（不支持 {p.suffix or '无后缀'}）")


def plan_row_lines(plan: dict) -> list[str]:
    """A 督办事项's source as the 原文 tab and `tracker show` print it: the 分工方案 file and
    row it came from, then the row's cells by column (tracker.store.units.task_source)."""
    row = plan.get("row") or {}
    where = row.get("where") or ""
    head = f"分工方案《{plan.get('file', '')}》{where}（督办事项，不在报告原文中）"
    if not row:
        return [head, "（导入时未保存该行的内容）"]
    cells = [("序号", row.get("number")), ("工作任务", row.get("task")), ("分类", row.get("category")),
             ("牵头单位", "、".join(row.get("leads") or [])), ("配合单位", "、".join(row.get("partners") or [])),
             ("完成时限", row.get("deadline_text"))]
    return [head] + [f"{name}：{value}" for name, value in cells if value]
