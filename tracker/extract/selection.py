"""Fields of a commitment a person picks out by hand: the extractor's own clause rules
run over the selected text, so 添加为承诺 comes prefilled (kind, indicator, value,
deadline) and the person only corrects what is off.

The rules are the ones the pipeline uses on whole reports: target_clauses.parse_clause
for 预期目标 clauses ("地区生产总值增长6%左右"), pledge_figures for a project's main
quantity ("新建5G基站1200个"), dates.find_deadline for 年底前 / 6月底 / 三季度.
"""

from __future__ import annotations

import re

from tracker.extract.dates import find_deadline
from tracker.extract.numbers import parse_int
from tracker.extract.pledge_figures import main_quantity, pledge_quantities
from tracker.extract.target_clauses import parse_clause
from tracker.ingest.normalize import fold
from tracker.model import LIVELIHOOD, PROJECT, TARGET
from tracker import words

# A livelihood list item as selected: "（3）新建…", "3.新增…", "第三件：…".
_LIST_ITEM = re.compile(rf"^\s*(?:[（(]\s*(\d{{1,2}})\s*[)）]|(\d{{1,2}})\s*[.、．](?!\d)|第({words.CN}+)件)")
_COMPARATOR = {"以上": ">=", "以内": "<=", "以下": "<=", "之内": "<=", "左右": "≈", "上下": "≈"}
# "新建5G基站1200个" parses as an indicator clause, but building things is a project.
_PROJECT_VERB = re.compile(r"^(?:新建|建成|建设|新改建|改扩建|改造|实施|开工|启动|打造|培育|引进|举办|开展|推进)")
_DECREASE = re.compile(rf"{words.DECREASE}|控制在.*以内")
# A percentage after one of these is a rate of change ("增长8%", "减少5%"), else a level.
_CHANGE = re.compile(f"{words.INCREASE}|{words.DECREASE}")
_EMPTY = {"indicator": None, "measure": "qualitative", "value": None, "value_high": None, "unit": None,
          "comparator": None, "direction": "increase", "annual_average": False, "factor": None,
          "level_value": None, "level_unit": None, "level_comparator": None, "masked": False}


def _list_number(text: str) -> int | None:
    m = _LIST_ITEM.match(text)
    if not m:
        return None
    if m.group(3):
        return parse_int(m.group(3))
    return int(m.group(1) or m.group(2))


def _target_fields(folded: str) -> dict | None:
    """The first indicator target stated by the text, or None."""
    found = [t for t in parse_clause(folded) if t.indicator]
    if not found:
        return None
    t = found[0]
    return {"indicator": t.indicator, "measure": t.measure, "value": t.value, "value_high": t.value_high,
            "unit": t.unit, "comparator": t.comparator, "direction": t.direction,
            "annual_average": t.annual_average, "factor": t.factor, "level_value": t.level_value,
            "level_unit": t.level_unit, "level_comparator": t.level_comparator, "masked": t.masked}


def _quantity_fields(folded: str) -> dict:
    """A pledge's main quantity as value/unit/comparator (qualitative without one)."""
    main = main_quantity(folded, pledge_quantities(folded, 0, len(folded)))
    if main is None:
        return dict(_EMPTY)
    comparator = "range" if main.value_high is not None else _COMPARATOR.get(main.modifier or "", ">=")
    before = folded[:main.start]
    growth = main.unit in ("%", "个百分点") and _CHANGE.search(before)
    return {**_EMPTY, "measure": "growth" if growth else "level", "value": main.value,
            "value_high": main.value_high, "unit": main.unit, "comparator": comparator,
            "direction": "decrease" if _DECREASE.search(before) else "increase", "masked": main.masked}


def prefill(text: str, plan_year: int | None = None, kind: str | None = None) -> dict:
    """Commitment fields for a hand-picked text: kind (guessed unless given), indicator,
    measure, value(s), unit, comparator, direction, number, deadline, deadline_text."""
    folded = fold(text).strip()
    number = _list_number(folded)
    target = _target_fields(folded)
    deadline = find_deadline(folded, plan_year)
    if kind is None:
        # An indicator with a figure (or a 控制在…以内 / 同步 wording) and no date reads as a
        # 预期目标; a numbered item as a 惠民实事; anything else as a project pledge.
        if number is not None:
            kind = LIVELIHOOD
        elif (target and not _PROJECT_VERB.match(target["indicator"])
              and (target["value"] is not None or target["measure"] == "qualitative")
              and deadline is None and len(folded) <= 60):
            kind = TARGET
        else:
            kind = PROJECT
    fields = target if kind == TARGET and target else _quantity_fields(folded)
    if kind == TARGET and target is None:
        fields = {**fields, "indicator": None}
    return {"kind": kind, **fields, "number": number if kind == LIVELIHOOD else None,
            "deadline": deadline[0] if deadline else None,
            "deadline_text": deadline[1] if deadline else None}
