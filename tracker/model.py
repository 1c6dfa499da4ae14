"""Frozen dataclasses that flow through the pipeline: file -> text -> reports -> commitments.

Every object carries its source position (1-based line of the decoded file and a
character span in SourceText.text) so each item leads back to its paragraph.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# One English name per Chinese term.
TARGET = "target"            # 主要预期目标 indicator
LIVELIHOOD = "livelihood"    # 惠民实事 / 为民实事 / 民生实事 list item
PROJECT = "project"          # other concrete, checkable pledge of the plan year
TASK = "task"                # 督办事项: a task of the office's 分工方案 that no report sentence states
KINDS = (TARGET, LIVELIHOOD, PROJECT, TASK)

STATUSES = ("done", "partial", "in_progress", "not_done", "unknown")

# What a report is, for filing and pairing: a plan for a year (a work report, a plan, a half-year
# summary with its second-half plan), a review of the past (a summary, a bulletin, a yearbook),
# a list of the year's 实事 published on its own, the news or notice of their completion, or other.
PLAN, REVIEW, LIST, COMPLETION, OTHER = "plan", "review", "list", "completion", "other"
REPORT_KINDS = (PLAN, REVIEW, LIST, COMPLETION, OTHER)


@dataclass(frozen=True)
class SourceText:
    """A decoded file: its text and lines exactly as decoded (line i is lines[i-1])."""

    path: str
    text: str                 # decoded text; lines are text.split("\n")
    sha256: str               # of the raw file bytes
    encoding: str             # e.g. "utf-8", "gb18030", "docx", "pdf", "html"
    lines: tuple[str, ...] = field(repr=False, default=())

    def line_start_offsets(self) -> list[int]:
        """Character offset in text where each line starts (index 0 = line 1)."""
        offsets, pos = [], 0
        for line in self.lines:
            offsets.append(pos)
            pos += len(line) + 1
        return offsets


@dataclass(frozen=True)
class Report:
    """One report (article) inside a file, with the metadata read from its text."""

    title: str
    line_start: int           # 1-based, inclusive
    line_end: int
    region: str | None = None
    report_year: int | None = None   # the year it was delivered/dated
    plan_year: int | None = None     # the year its commitments are for; None if not stated
    doc_type: str | None = None      # government_work_report, half_year_summary, ...
    kind: str | None = None          # one of REPORT_KINDS
    uncertain: tuple[str, ...] = ()  # "region", "plan_year": what the text does not settle

    @property
    def identity_uncertain(self) -> bool:
        """Whether region or plan year is a guess the user should confirm."""
        return bool(self.uncertain)


@dataclass(frozen=True)
class Commitment:
    """One commitment as extracted; field meanings follow ../shared/CONTRACT.md."""

    kind: str
    text: str                 # verbatim from the source, smallest span stating it
    line: int                 # 1-based line where text starts
    start: int = -1           # char offset of text in SourceText.text (-1 when spread over lines)
    end: int = -1
    indicator: str | None = None
    measure: str | None = None        # growth | level | rank | qualitative
    value: float | None = None
    value_high: float | None = None
    unit: str | None = None
    comparator: str | None = None     # ">=" | "<=" | "≈" | "range" | None
    direction: str = "increase"       # increase | decrease
    deadline: str | None = None       # ISO date, last day of the period named
    deadline_text: str | None = None
    number: int | None = None         # position in a livelihood list
    category: str | None = None       # section heading, e.g. 主要预期目标
    period: str | None = None         # "year", "five-year", ...
    annual_average: bool = False      # 年均
    masked: bool = False              # number hidden by ×, **, ～
    level_value: float | None = None  # paired growth+level: 增长15%，达到150亿元以上
    level_unit: str | None = None
    level_comparator: str | None = None
    factor: float | None = None       # 翻番 -> 2
    stretch: float | None = None      # 增长6%以上、力争达到7%: the stretch 7 (value is the floor 6)
    subject: str | None = None        # what a project clause is about when it names nothing itself
    lead_unit: str | None = None      # 牵头单位 the text names (co-leads joined by 、): "卫健委、医保局"
    partner_units: tuple[str, ...] = ()   # 配合单位 the text names

    def to_json(self) -> dict:
        """The contract's commitment object (start/end omitted)."""
        d = asdict(self)
        d.pop("start")
        d.pop("end")
        d["partner_units"] = list(self.partner_units)
        return d


@dataclass(frozen=True)
class ListSummary:
    """A numbered list of a report: where it starts, the count its header states, the items found.

    stated != found is worth a reader's look ("办好十件民生实事" with nine items found); note says
    why in words (a count mismatch, an appendix repeating a list).
    """

    kind: str                 # LIVELIHOOD
    line: int                 # 1-based line of the first item
    category: str | None      # 民生实事, 惠民实事 …
    stated: int | None        # the count the header names (十件 -> 10), None when it names none
    found: int                # items extracted
    style: str | None = None  # marker style of the run ("chinese_shi", "arabic" …); None: unnumbered
    note: str | None = None

    def to_json(self) -> dict:
        """The contract's list object."""
        return asdict(self)


@dataclass(frozen=True)
class ReportExtraction:
    """A report with the commitments extracted from it."""

    report: Report
    commitments: tuple[Commitment, ...]
    glossary: dict[str, str] = field(default_factory=dict, compare=False)   # 名词解释 term -> definition
    lists: tuple[ListSummary, ...] = field(default=(), compare=False)      # livelihood lists found


@dataclass(frozen=True)
class FileExtraction:
    """Everything extracted from one file."""

    source: SourceText
    reports: tuple[ReportExtraction, ...]
