"""序时进度 (time-elapsed share of the plan year), overdue and behind-schedule checks.

Rule, as 督查 (supervision) offices count it: the plan year is twelve whole months and a
month counts once its last day has been reached. "截至11月底" (as of 30 November) is
11/12 = 0.917 elapsed; on 29 November only October is complete, so 10/12. Any date
before 1 January of the plan year is 0, any date after 31 December is 1. A commitment
is behind when its reported share of work done (progress, 0..1) is below that share.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime

FINISHED = ("done",)


def _as_date(value: date | datetime | str | None) -> date:
    """A date from a date, datetime or ISO string; None means today."""
    if value is None:
        return date.today()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def elapsed_share(plan_year: int, as_of: date | datetime | str | None = None) -> float:
    """Share of plan_year elapsed at as_of in whole months (0.0 .. 1.0)."""
    d = _as_date(as_of)
    if d.year < plan_year:
        return 0.0
    if d.year > plan_year:
        return 1.0
    last_day = calendar.monthrange(d.year, d.month)[1]
    months = d.month if d.day >= last_day else d.month - 1
    return months / 12


def is_overdue(deadline: date | str | None, status: str | None,
               as_of: date | datetime | str | None = None) -> bool:
    """True when the deadline has passed and the commitment is not done."""
    if not deadline or status in FINISHED:
        return False
    return _as_date(as_of) > _as_date(deadline)


def is_behind(progress: float | None, plan_year: int | None, status: str | None,
              as_of: date | datetime | str | None = None) -> bool:
    """True when reported progress (0..1) lags the 序时进度 of plan_year at as_of."""
    if progress is None or plan_year is None or status in FINISHED:
        return False
    return progress + 1e-9 < elapsed_share(plan_year, as_of)
