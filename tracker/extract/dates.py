"""Deadline phrases of a pledge: 7月份, 8月底, 年底前, 上半年, 三季度, 6月30日前.

A deadline is the LAST day of the period named, in the plan year unless the phrase
names its own year (2025年6月, 2025年底). dateparser reads only full dates and
misreads "12月31日前", so every phrase, complete dates included, is read here by
rule and checked with datetime (an impossible 2月30日 gives no date).

Decisions (documented because reports leave them open):
- "X前" counts X itself: 6月30日前 -> 06-30, 6月前 -> 06-30 (by June), 国庆节前 -> 10-01.
- 上旬 -> the 10th, 中旬 -> the 20th, 下旬 -> the last day of the month.
- 春节前 names a lunar date: the phrase is kept, the ISO date is None.
- "全年" (over the whole year), "按期"/"如期" (on schedule) and a bare "2025年" are not
  deadlines; "五年内" is a multi-year span, not the plan year's 年内.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from tracker import words
from tracker.extract.numbers import parse_int
from tracker.ingest.normalize import fold

_CN = words.CN_COUNT
_NUM = rf"(?:\d{{1,2}}|[{_CN}]{{1,3}})"
_YEAR = r"(?:(?P<year>(?:19|20)\d{2})\s*年\s*)"

# Order matters: the most specific reading of a spot wins (a full date before its month).
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ymd_num", re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})[-./](?P<month>\d{1,2})[-./](?P<day>\d{1,2})(?!\d)")),
    ("day", re.compile(
        rf"(?<![\d.]){_YEAR}?(?P<month>{_NUM})\s*月\s*(?P<day>{_NUM})\s*[日号]"
        r"(?P<suffix>\s*(?:以前|之前|前|止))?")),
    ("month_range", re.compile(
        rf"(?<![\d.年]){_YEAR}?(?P<month0>{_NUM})\s*(?:[-－~～—–至到])\s*(?P<month>{_NUM})\s*月"
        r"(?P<suffix>份|底前|底|末前|末|以前|之前|前)?(?![\d份]*[日号])")),
    ("month", re.compile(
        rf"(?<![\d.个]){_YEAR}?(?P<month>{_NUM})\s*月(?!\s*{_NUM}\s*[日号])"
        r"(?P<suffix>份前|份|底前|底|末前|末|上旬|中旬|下旬|以前|之前|前|中)?")),
    ("year_end", re.compile(rf"(?<![\d{_CN}去前])(?:(?P<year>(?:19|20)\d{{2}})\s*)?年(?:底|末)(?:前|以前|之前)?")),
    ("year_named", re.compile(rf"(?<!\d)(?P<year>(?:19|20)\d{{2}})\s*年(?:前|以前|之前)(?![\d{words.CN_ORDINAL}])")),
    ("within_year", re.compile(rf"(?<![\d{_CN}多几去前])(?:今年内|当年内|年内)")),
    ("half", re.compile(r"(?P<which>上|下)半年(?:末|底)?(?:前)?")),
    ("quarter", re.compile(r"(?<![前后])(?:第)?(?P<q>[一二三四1-4])季度(?:末|底)?(?:前)?")),
    ("quarters_first", re.compile(r"前(?P<q>[一二三1-3])季度")),
    ("holiday", re.compile(r"(?P<name>国庆节?|五一|劳动节|七一|建党节|春节|元旦)(?:前|以前|之前)")),
]
_MONTH_END_SUFFIX = {"上旬": 10, "中旬": 20}
_HOLIDAY = {"国庆": (10, 1), "国庆节": (10, 1), "五一": (5, 1), "劳动节": (5, 1),
            "七一": (7, 1), "建党节": (7, 1)}   # 春节 (lunar), 元旦 (which year?) -> no date


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _resolve(kind: str, m: re.Match[str], plan_year: int | None) -> date | None:
    """The last day of the period matched, or None when no year (or no valid date) applies."""
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else plan_year
    if kind == "holiday":
        spot = _HOLIDAY.get(g["name"])
        return date(year, *spot) if spot and year else None
    if year is None:
        return None
    if kind in ("ymd_num", "day"):
        month, day = parse_int(g["month"]), parse_int(g["day"])
        if not month or not day or month > 12:
            return None
        try:
            return date(year, month, day)
        except ValueError:
            return None
    if kind in ("month", "month_range"):
        month = parse_int(g["month"])
        if not month or month > 12:
            return None
        if kind == "month_range" and (parse_int(g["month0"]) or 13) > month:
            return None
        suffix = g.get("suffix") or ""
        if suffix in _MONTH_END_SUFFIX:
            return date(year, month, _MONTH_END_SUFFIX[suffix])
        return _month_end(year, month)
    if kind in ("year_end", "year_named", "within_year"):
        return date(year, 12, 31)
    if kind == "half":
        return date(year, 6, 30) if g["which"] == "上" else date(year, 12, 31)
    if kind in ("quarter", "quarters_first"):
        q = parse_int(g["q"]) if not g["q"].isdigit() else int(g["q"])
        return _month_end(year, q * 3) if q and 1 <= q <= 4 else None
    return None


def _bare_month_ok(kind: str, m: re.Match[str], folded: str) -> bool:
    """A month with no suffix is a deadline only in digits before a verb: "7月建成",
    not "1-11月,全区…" nor "一月一调度"."""
    if kind not in ("month", "month_range") or m.group("suffix") or m.group("year"):
        return True
    if not m.group("month").strip().isdigit():
        return False        # "一月一调度": a Chinese-numeral month needs 份/底/末/前 to be a date
    after = folded[m.end():m.end() + 1]
    return bool(after) and after not in "，,、；;。:：)）%"


def find_deadline(text: str, plan_year: int | None) -> tuple[str | None, str, int, int] | None:
    """(ISO date or None, phrase, start, end) of the first deadline phrase in text."""
    folded = fold(text)
    best: tuple[int, int, str, re.Match[str]] | None = None
    for rank, (kind, pattern) in enumerate(_PATTERNS):
        for m in pattern.finditer(folded):
            if not _bare_month_ok(kind, m, folded):
                continue
            if best is None or m.start() < best[0] or (m.start() == best[0] and rank < best[1]):
                best = (m.start(), rank, kind, m)
            break
    if best is None:
        return None
    start, _, kind, m = best
    end = m.end()
    while end > start and folded[end - 1].isspace():
        end -= 1
    when = _resolve(kind, m, plan_year)
    return (when.isoformat() if when else None), text[start:end], start, end


def parse_deadline(text: str, plan_year: int | None) -> tuple[str | None, str] | None:
    """(ISO date of the last day of the period named, the words) for the first deadline
    phrase in text; the date is None when the phrase needs a year and plan_year is None."""
    found = find_deadline(text, plan_year)
    return None if found is None else (found[0], found[1])

