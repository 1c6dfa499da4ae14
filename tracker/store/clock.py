"""The store's clock: when a row was recorded (UTC) and which day it is for the user (local)."""

from __future__ import annotations

from datetime import datetime, timezone


def utc_now() -> datetime:
    """The current moment (a function of its own, so a test can set the clock)."""
    return datetime.now(timezone.utc)


def now() -> str:
    """Current UTC time as ISO text, the store's timestamp format (created_at). To the
    microsecond: the rows of every kind of change are ordered by it (store.changes.recent)."""
    return utc_now().isoformat(timespec="microseconds")


def local_day(timestamp: str | None) -> str | None:
    """The user's day (machine's time zone) of a stored UTC timestamp: a mark recorded at
    07:00 in Beijing (23:00 UTC the evening before) is of that morning, not the day before."""
    if not timestamp:
        return None
    try:
        moment = datetime.fromisoformat(timestamp)
    except ValueError:
        return timestamp[:10]
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().date().isoformat()


def local_time(timestamp: str | None) -> str:
    """A stored timestamp as the user's local 'YYYY-MM-DD HH:MM' (what the app and the CLI
    show; the text itself if unparsable, a timestamp without a zone taken as UTC)."""
    if not timestamp:
        return ""
    try:
        moment = datetime.fromisoformat(timestamp)
    except ValueError:
        return timestamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
