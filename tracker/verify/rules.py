"""The verification rules that came from one document, by name, with that document.

Each is general (no region, year or wording of its source), and eval/leave_one_out.py shows
it helps on documents it did not come from by switching it off (`OFF`) and scoring every
other key, and by listing the verdicts it changes on the pairs nobody keyed.
"""

from __future__ import annotations

# name -> the development pair (plan file stem) it came from, and what it does
RULES: dict[str, tuple[str, str]] = {
    "part_not_whole": ("liaoning", "a name narrowed by words before it is a part (跨境电商进出口 is not 进出口)"),
    "name_head": ("shanghai", "a name is the indicator whose alias is its head (…生产总值的比例 is a ratio)"),
    "own_period": ("guangxi", "in 从X到Y the words before X date X only (年末…从上半年5.5%降到5.3%)"),
    "dated_value": ("guizhou", "a figure dated with the plan year is of that year, in any passage (到2025年的57.7%)"),
    "end_of_span": ("jiangsu", "a ratio or a held level at the end of a span ending with the plan year"),
    "levelled": ("fujian", "持平 is a change of 0"),
    "direction_with_prior": ("fujian", "a stated rise with last year's level above a floor meets it"),
    "basic_sync_mixed": ("sichuan", "基本同步 with urban and rural on either side of GDP is unknown"),
    "plan_part_sticky": ("neimenggu", "the review's plan part runs on under its own sub-headings"),
    "siblings": ("ningxia", "one head, another modifier (一产/二产增加值) is another subject"),
    "binding_figures": ("guangxi", "a binding-class target shows the year's figures of its families"),
}

OFF: set[str] = set()


def on(name: str) -> bool:
    """True unless the rule is switched off (only eval/leave_one_out.py does)."""
    return name not in OFF
