"""序时进度, overdue and behind-schedule arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.schedule import elapsed_share, is_behind, is_overdue


@pytest.mark.parametrize("as_of, share", [
    (date(2024, 12, 31), 0.0),       # before the plan year
    (date(2025, 1, 1), 0.0),
    (date(2025, 1, 31), 1 / 12),
    (date(2025, 2, 28), 2 / 12),     # February ends on the 28th in 2025
    (date(2025, 6, 30), 0.5),        # 上半年 complete
    (date(2025, 11, 29), 10 / 12),   # November not yet complete
    (date(2025, 11, 30), 11 / 12),   # 截至11月底
    (date(2025, 12, 31), 1.0),
    (date(2026, 3, 1), 1.0),         # after the plan year
])
def test_elapsed_share_whole_months(as_of, share):
    assert elapsed_share(2025, as_of) == pytest.approx(share)


def test_elapsed_share_end_of_november_is_0_917():
    assert round(elapsed_share(2025, "2025-11-30"), 3) == 0.917


def test_leap_february_counts_on_29th():
    assert elapsed_share(2024, date(2024, 2, 28)) == pytest.approx(1 / 12)
    assert elapsed_share(2024, date(2024, 2, 29)) == pytest.approx(2 / 12)


@pytest.mark.parametrize("deadline, status, as_of, overdue", [
    ("2025-07-31", None, date(2025, 8, 1), True),          # 7月份 passed, unmarked
    ("2025-07-31", "in_progress", date(2025, 7, 31), False),  # deadline day itself
    ("2025-07-31", "done", date(2025, 9, 1), False),
    ("2025-07-31", "not_done", date(2025, 9, 1), True),
    (None, None, date(2030, 1, 1), False),                 # no deadline stated
])
def test_is_overdue(deadline, status, as_of, overdue):
    assert is_overdue(deadline, status, as_of) is overdue


@pytest.mark.parametrize("progress, status, as_of, behind", [
    (0.6042, "in_progress", date(2025, 9, 30), True),   # 60.42% vs 9/12 = 75%
    (0.80, "in_progress", date(2025, 9, 30), False),
    (0.75, "in_progress", date(2025, 9, 30), False),    # exactly on schedule
    (0.10, "done", date(2025, 9, 30), False),
    (None, "in_progress", date(2025, 9, 30), False),
    (0.0, None, date(2024, 12, 1), False),              # plan year not started
])
def test_is_behind(progress, status, as_of, behind):
    assert is_behind(progress, 2025, status, as_of) is behind
