"""Dates a user types for a mark: "昨天", "2025-03-01", "3月1日", "三天前", "上周五".

Numeric dates (2025-03-01, 2025/3/1, 2025年3月1日, 二〇二五年三月一日) are read by rule
and checked by datetime, because dateparser turns an impossible 2025年13月1日 into
2025-01-13. dateparser (languages zh, en) reads the other writings of a complete date
("1 March 2025", "2025年3月1号") and relative words ("上个月"). It cannot read a month
and day without a year ("3月1日" gives None), "N天前" or "上周五", so those are
normalised here first. A date
is when evidence was seen, so it must be a whole day and not in the future: "2025年3月"
(no day) and tomorrow are refused with a one-line reason.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import dateparser

from tracker import words
from tracker.errors import UserError
from tracker.extract.numbers import parse_int
from tracker.ingest.normalize import fold

_NUM = rf"(\d{{1,4}}|[{words.CN_COUNT}百]{{1,4}})"
# "2025年3月1日", "2025-03-01", "2025/3/1", "二〇二五年三月一日": read by rule, because
# dateparser turns an impossible "2025年13月1日" into 2025-01-13 instead of refusing it.
_YMD = re.compile(rf"^{_NUM}\s*[年\-/.]\s*{_NUM}\s*[月\-/.]\s*{_NUM}\s*[日号]?$")
# "3月1日", "三月一号": month and day without a year -> the latest such day not after today.
_MONTH_DAY = re.compile(rf"^{_NUM}\s*月\s*{_NUM}\s*[日号]?$")
# "三天前", "2日前", "5天以前": a count of days back.
_DAYS_AGO = re.compile(rf"^{_NUM}\s*[天日]\s*(?:前|以前|之前)$")
# "上周五", "上星期一", "本周三", "这周日": a weekday of last or this week.
_WEEKDAY = re.compile(r"^(上|本|这)(?:个)?(?:周|星期|礼拜)([一二三四五六日天])$")
_WEEKDAYS = "一二三四五六日"
# Relative words dateparser reads itself ("昨天", "前天"), plus 大前天 it does not.
_FIXED = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2, "大前天": 3}
_SETTINGS = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"],
             "RETURN_AS_TIMEZONE_AWARE": False}


def parse_user_date(text: str, today: date | None = None) -> date:
    """The day text names (relative to today); UserError with the reason when it names none."""
    today = today or date.today()
    s = fold(text).strip().replace(" ", "")
    if not s:
        raise UserError("日期为空 / empty date")
    day = _read(s, today)
    if day is None:
        raise UserError(f"{text}: 看不懂的日期 / not a date (e.g. 2025-03-01, 3月1日, 昨天, 三天前)")
    if day > today:
        raise UserError(f"{text}: 日期在今天之后 / date {day.isoformat()} is in the future")
    return day


def _read(s: str, today: date) -> date | None:
    if s in _FIXED:
        return today - timedelta(days=_FIXED[s])
    if m := _DAYS_AGO.match(s):
        n = parse_int(m.group(1))
        return None if n is None or n > 36500 else today - timedelta(days=n)
    if m := _WEEKDAY.match(s):
        weekday = _WEEKDAYS.index("日" if m.group(2) == "天" else m.group(2))
        monday = today - timedelta(days=today.weekday()) - timedelta(weeks=1 if m.group(1) == "上" else 0)
        return monday + timedelta(days=weekday)
    if m := _YMD.match(s):
        year, month, day = (parse_int(g) for g in m.groups())
        try:
            return date(year or 0, month or 0, day or 0) if (year or 0) >= 1900 else None
        except ValueError:
            return None
    if m := _MONTH_DAY.match(s):
        return _latest(parse_int(m.group(1)), parse_int(m.group(2)), today)
    base = datetime(today.year, today.month, today.day)
    parsed = dateparser.parse(s, languages=["zh", "en"], settings={**_SETTINGS, "RELATIVE_BASE": base})
    return parsed.date() if parsed else None


def _latest(month: int | None, day: int | None, today: date) -> date | None:
    """month/day in this year, or last year when that is still to come."""
    for year in (today.year, today.year - 1):
        try:
            d = date(year, month or 0, day or 0)
        except ValueError:
            return None
        if d <= today:
            return d
    return None
