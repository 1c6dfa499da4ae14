"""The status sheet (对照表): its words, colours and the snapshot the renderers lay out.

SheetData is a plain snapshot of the filtered commitments, grouped by kind and
category, with every cell already worded; the PDF, XLSX, CSV and HTML renderers only
lay it out, so they all say the same thing. Building it from the store lives in
build.py; writing a file by its suffix in write.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tracker.labels import KIND_LABELS, UNMARKED
from tracker.labels import SHOWN_STATUS_LABELS as STATUS_LABELS
from tracker.model import LIVELIHOOD, PROJECT, TARGET, TASK
from tracker import words

# Printed statuses: an item nobody marked prints as 未标记, as the app and the CLI say,
# apart from 未核实 (someone looked and could not tell).
STATUS_ORDER = ("done", "partial", "in_progress", "not_done", "unknown", UNMARKED)
# (STATUS_LABELS and KIND_LABELS are tracker.labels: the app and the CLI say the same.)
# Symbols keep the status readable on a black-and-white copy; chosen among the glyphs
# WenQuanYi Micro Hei draws at full size (its ◐ △ ○ come out half-height).
STATUS_SYMBOLS = {"done": "✔", "partial": "⊙", "in_progress": "→",
                  "not_done": "✘", "unknown": "？", UNMARKED: "－"}
# Light fills: still distinct when printed grey, dark text stays legible on them.
STATUS_FILLS = {"done": "#d5ecd0", "partial": "#fdf0c4", "in_progress": "#d6e6f7",
                "not_done": "#f6d0cc", "unknown": "#ececec", UNMARKED: "#ffffff"}
STATUS_INKS = {"done": "#1f6b2a", "partial": "#8a6100", "in_progress": "#1d4f8a",
               "not_done": "#a8231a", "unknown": "#555555", UNMARKED: "#555555"}

KIND_ORDER = (TARGET, LIVELIHOOD, PROJECT, TASK)

COLUMNS = ("序号", "承诺内容", "目标", "完成情况", "状态", "证据", "时限", "责任单位")
CHINESE_ORDINALS = words.CN_ORDINAL


def status_word(status: str) -> str:
    """Symbol and word for a status key, e.g. "✔ 已完成"."""
    return f"{STATUS_SYMBOLS[status]} {STATUS_LABELS[status]}"


@dataclass(frozen=True)
class SheetRow:
    """One commitment as printed: every cell already in words."""

    cid: int
    number: str            # 序号 within its kind section
    kind: str
    category: str          # section heading it sits under ("" when none)
    text: str              # 承诺内容, verbatim
    target: str            # 目标, e.g. "增长7.2%以上"
    progress: str          # 完成情况: actual value and latest note
    status: str            # a STATUS_ORDER key ("unmarked" when nobody marked it)
    evidence: str          # 证据: document, line, short quote
    deadline: str          # 时限 as written ("7月份"), or the date
    overdue: bool = False
    stale: bool = False    # no longer found by the current rules (kept, shown)
    behind: bool = False   # recorded progress below 序时进度 (share of the year elapsed)
    pending: bool = False  # the status is verification's suggestion, nobody confirmed it (待确认)
    carry: str = ""        # 跨年: "延续至2026", "较2025年下调", "2026年不再提及" (；-joined)
    units: str = ""        # 责任单位: the lead units, then "配合：…" on a line of its own

    @property
    def status_text(self) -> str:
        """The 状态 cell: "✔ 已完成", or "✔ 已完成（待确认）" for an unconfirmed suggestion."""
        return status_word(self.status) + ("（待确认）" if self.pending else "")

    @property
    def status_label(self) -> str:
        """The status in words without its symbol (CSV): "已完成", "已完成（待确认）"."""
        return STATUS_LABELS[self.status] + ("（待确认）" if self.pending else "")

    @property
    def flags(self) -> list[str]:
        """Warnings printed under the deadline: 已逾期, 落后序时进度."""
        return [w for w, on in (("已逾期", self.overdue), ("落后序时进度", self.behind)) if on]

    @property
    def target_cell(self) -> str:
        """目标 with the 跨年 label on its own line where the layout has no column for it."""
        return f"{self.target}\n〔{self.carry}〕" if self.carry else self.target

    @property
    def deadline_cell(self) -> str:
        """时限 with the warnings the sheet prints, e.g. "7月份（已逾期）"."""
        return self.deadline + "".join(f"（{w}）" for w in self.flags)


@dataclass(frozen=True)
class SheetGroup:
    """Rows of one kind and category, in sheet order."""

    kind: str
    category: str
    rows: tuple[SheetRow, ...]


@dataclass(frozen=True)
class SeriesTable:
    """指标历年 page: one indicator of one region, a row per plan year (cells in words)."""

    region: str
    indicator: str
    rows: tuple[tuple[str, ...], ...]    # SERIES_COLUMNS order


SERIES_COLUMNS = ("年份", "目标", "实际", "判断", "调整", "依据")


@dataclass(frozen=True)
class SheetData:
    """Everything a status sheet shows, independent of the output format."""

    title: str
    scope: str                       # the filter in words, "" when the whole store
    printed: date
    store_name: str
    groups: tuple[SheetGroup, ...]
    overdue: int = 0
    behind: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)
    source: str = ""                 # region and reports the sheet is drawn from (header, footer)
    with_suggestions: bool = False   # unconfirmed suggestions printed, marked 待确认
    pending: int = 0                 # rows whose status is such a suggestion
    series: tuple[SeriesTable, ...] = ()   # the optional 指标历年 page

    @property
    def rows(self) -> list[SheetRow]:
        """All rows in sheet order."""
        return [r for g in self.groups for r in g.rows]

    @property
    def total(self) -> int:
        """Number of commitments on the sheet."""
        return sum(len(g.rows) for g in self.groups)

    def kinds(self) -> list[str]:
        """Kinds present, in sheet order."""
        seen: list[str] = []
        for g in self.groups:
            if g.kind not in seen:
                seen.append(g.kind)
        return seen


def kind_heading(kind: str, index: int, count: int) -> str:
    """Section heading such as "一、主要预期目标（12项）"."""
    ordinal = CHINESE_ORDINALS[index] if index < len(CHINESE_ORDINALS) else str(index + 1)
    return f"{ordinal}、{KIND_LABELS.get(kind, kind)}（{count}项）"


def summary_lines(data: SheetData) -> list[tuple[str, str]]:
    """(label, value) pairs of the summary block, shared by every format."""
    lines = [("承诺事项合计", f"{data.total} 项")]
    lines += [(KIND_LABELS.get(k, k), f"{data.by_kind.get(k, 0)} 项") for k in KIND_ORDER
              if data.by_kind.get(k)]
    lines += [(status_word(s), f"{data.by_status.get(s, 0)} 项") for s in STATUS_ORDER]
    lines.append(("已逾期未完成", f"{data.overdue} 项"))
    lines.append(("落后序时进度", f"{data.behind} 项"))
    if data.with_suggestions:
        lines.append(("其中系统建议待确认", f"{data.pending} 项"))
    return lines
