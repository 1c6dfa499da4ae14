"""Verification: review passages about each commitment, actual figures, verdicts, suggestions."""

from __future__ import annotations

from ..model import FileExtraction, SourceText
from .core import Evidence, Result, Review, verify_one
from .passages import Index, split_passages

__all__ = ["Evidence", "Result", "Review", "build_review", "verify_texts", "suggest"]


def build_review(source: SourceText, report_year: int | None = None, document_id: int | None = None,
                 line_start: int = 1, line_end: int | None = None) -> Review:
    """A searchable Review of source (or of its lines line_start..line_end)."""
    if report_year is None:
        report_year = review_year(source)
    passages = split_passages(source, report_year, line_start, line_end)
    return Review(passages, Index(passages), report_year, document_id)


def review_year(source: SourceText) -> int | None:
    """The year the review was written, read by the report splitter (first report with one)."""
    from ..segment import split_reports

    for report in split_reports(source):
        if report.report_year:
            return report.report_year
    return None


def verify_texts(plan: FileExtraction, review: SourceText) -> list[Result]:
    """A Result for every commitment of plan, judged against review."""
    rv = build_review(review)
    results = []
    for rep in plan.reports:
        for c in rep.commitments:
            results.append(verify_one(c, rep.report.plan_year, rv))
    return results


def suggest(store, plan_year: int | None = None, review_document_id: int | None = None,
            progress=None, cancel=None) -> int:
    """Store evidence suggestions for open commitments; returns how many were added."""
    from .suggest import suggest as _suggest

    return _suggest(store, plan_year, review_document_id, progress, cancel)
