"""The 指标历年 page of the status sheet: the series of each indicator a region targeted in
two or more years, every cell in words (tracker.history.series does the reading)."""

from __future__ import annotations

from collections.abc import Iterable

from tracker.history.series import indicator_title, indicators, region_title, series
from tracker.labels import UNMARKED_LABEL
from tracker.sheet.data import SeriesTable

_QUOTE_MAX = 60
MIN_YEARS = 2      # a "series" of one year says nothing the table does not


def _num(x: float) -> str:
    return f"{x:g}"


def series_tables(store, regions: Iterable[str | None], with_suggestions: bool = False) -> tuple[SeriesTable, ...]:
    """SeriesTables of every indicator targeted in MIN_YEARS or more years of each region.

    As on the rest of the sheet, an outcome nobody confirmed (a suggestion) is printed only
    with_suggestions, marked 待确认; otherwise that year reads 未标记, as
    an unmarked item does everywhere."""
    out = []
    for region in sorted({r for r in regions if r}):
        for name, years in indicators(store, region):
            if years < MIN_YEARS:
                continue
            s = series(store, region, name)
            rows = []
            for p in s.points:
                unconfirmed = p.source is not None and p.source != "user"
                if unconfirmed and not with_suggestions:
                    rows.append((str(p.year), p.target or p.target_text, "", UNMARKED_LABEL, p.carry or "", ""))
                    continue
                actual = f"{_num(p.actual_value)}{p.unit or ''}" if p.actual_value is not None else ""
                verdict = p.word + ("（待确认）" if unconfirmed else "")
                quote = (p.evidence_text or "").strip()
                quote = quote[:_QUOTE_MAX] + "…" if len(quote) > _QUOTE_MAX else quote
                said = f"{p.where}：“{quote}”" if p.where and quote else quote or p.where
                rows.append((str(p.year), p.target or p.target_text, actual, verdict,
                             p.carry or "", said))
            out.append(SeriesTable(region=region_title(region), indicator=indicator_title(region, s.indicator),
                                   rows=tuple(rows)))
    return tuple(out)
