"""The words for kinds and statuses: one vocabulary for the app, the CLI and the sheet.

The core stores English identifiers (`livelihood`, `in_progress`); every client shows
these words, so a 督查室 officer reads the same 预期目标 / 未标记 on screen, in the
terminal and on paper. "unmarked" is no status: nobody has recorded one yet.
"""

from __future__ import annotations

from tracker.model import COMPLETION, LIST, LIVELIHOOD, OTHER, PLAN, PROJECT, REVIEW, STATUSES, TARGET, TASK

UNMARKED = "unmarked"

# Four characters each, so the 类型 column of the table shows them whole.
KIND_LABELS = {TARGET: "预期目标", LIVELIHOOD: "民生实事", PROJECT: "项目承诺", TASK: "督办事项"}

# "unknown" is a recorded verdict (looked, could not tell); 未标记 means nobody looked.
STATUS_LABELS = {"done": "已完成", "partial": "部分完成", "in_progress": "推进中",
                 "not_done": "未完成", "unknown": "未核实"}
UNMARKED_LABEL = "未标记"
# Every word a list or a sheet shows in its 状态 column, unmarked included.
SHOWN_STATUS_LABELS = {**STATUS_LABELS, UNMARKED: UNMARKED_LABEL}

# Words users type for a status (CLI, correction files); the labels themselves come first.
STATUS_WORDS = {**{label: key for key, label in STATUS_LABELS.items()},
                "完成": "done", "进行中": "in_progress", "未知": "unknown", "无法核实": "unknown",
                "in-progress": "in_progress", "not-done": "not_done"}
KIND_WORDS = {**{label: key for key, label in KIND_LABELS.items()},
              "主要预期目标": TARGET, "主要目标": TARGET, "目标": TARGET, "惠民实事": LIVELIHOOD,
              "为民实事": LIVELIHOOD, "实事": LIVELIHOOD, "项目": PROJECT, "重点项目": PROJECT,
              "督办": TASK, "任务": TASK, "工作任务": TASK}

# What a report is (tracker.model.REPORT_KINDS), in the words of the tree, the dialogs and `tracker reports`.
REPORT_KIND_LABELS = {PLAN: "计划", REVIEW: "回顾", LIST: "实事清单", COMPLETION: "完成情况", OTHER: "其他"}
REPORT_KIND_WORDS = {**{label: key for key, label in REPORT_KIND_LABELS.items()},
                     "工作报告": PLAN, "政府工作报告": PLAN, "总结": REVIEW, "清单": LIST, "民生实事": LIST,
                     "完成": COMPLETION, "通报": COMPLETION}

# Review states of a suggestion from the verify engine.
SUGGESTION_STATES = {"pending": "待处理", "accepted": "已采纳", "rejected": "已驳回"}


def kind_label(kind: str | None) -> str:
    """The word for a kind ("" for none; an unknown identifier as is)."""
    return KIND_LABELS.get(kind or "", kind or "")


def status_label(status: str | None) -> str:
    """The word for a status; None, "" and "unmarked" are 未标记."""
    if not status or status == UNMARKED:
        return UNMARKED_LABEL
    return STATUS_LABELS.get(status, status)


def status_choices() -> str:
    """The statuses as a user may type them, for help texts and error messages."""
    return " ".join(STATUSES) + " / " + " ".join(STATUS_LABELS.values())


def report_kind_label(kind: str | None) -> str:
    """The word for a report's kind ("" for none)."""
    return REPORT_KIND_LABELS.get(kind or "", kind or "")


def parse_report_kind(word: str) -> str:
    """A report kind from an English or Chinese word; ValueError if none."""
    return _parse(word, REPORT_KIND_WORDS, REPORT_KIND_LABELS, "未知报告类型 / unknown report kind")


def parse_kind(word: str) -> str:
    """A kind identifier from an English or Chinese word; ValueError if none."""
    return _parse(word, KIND_WORDS, KIND_LABELS, "未知类型 / unknown kind")


def _parse(word: str, words: dict[str, str], labels: dict[str, str], what: str) -> str:
    """The identifier a typed word stands for (a label, a synonym or the identifier itself)."""
    word = (word or "").strip()
    key = words.get(word, word.lower())
    if key not in labels:
        raise ValueError(f"{word}: {what} (use {' '.join(labels)} / {' '.join(labels.values())})")
    return key
