"""Reviews ready to search, and the stateless check of a plan against a review text."""

from __future__ import annotations

import re

from tracker.model import LIVELIHOOD, FileExtraction, Report, SourceText
from tracker.extract.segment import split_reports
from tracker.verify.core import Result, Review, query_of, verify_one
from tracker.verify.ledger import Ledger, prior_levels
from tracker.verify.passages import Index, split_passages


# A work report of year Y reviews year Y-1 ("2024年工作回顾" in the 2025 report), and so does a
# yearbook; a summary, progress report or bulletin speaks of the year in its title.
_REVIEWS_LAST_YEAR = ("government_work_report", "peoples_congress_report", "cppcc_report",
                      "party_congress_report", "yearbook_front_matter", "yearbook_body")


def default_year(report_year: int | None, doc_type: str | None, title: str = "") -> int | None:
    """The year a passage of this report speaks of when it names none."""
    m = re.search(r"((?:19|20)\d\d)\s*年", title or "")
    if doc_type not in _REVIEWS_LAST_YEAR and m:
        return int(m.group(1))
    if report_year is None:
        return None
    return report_year - 1 if doc_type in _REVIEWS_LAST_YEAR else report_year


_PART_YEAR = re.compile(r"上半年|半年|[一二三四1-4]季度|前三季度|\d{1,2}[-－—至]\d{1,2}月")


def is_part_year(doc_type: str | None, title: str) -> bool:
    """True for a half-year or quarterly summary ("2024年上半年工作总结暨下半年工作安排")."""
    return doc_type == "half_year_summary" or bool(_PART_YEAR.search(title or ""))


def build_review(source: SourceText, report: Report | dict | None = None, document_id: int | None = None,
                 vocabulary: set[str] | None = None) -> Review:
    """A searchable Review of source, or of one report (Report or store row) inside it.

    vocabulary: the terms the queries will use (see query_vocabulary); indexing only
    those keeps a 1 MB review under half a second.
    """
    if isinstance(report, dict):
        report = Report(report["title"], report["line_start"], report["line_end"], report.get("region"),
                        report.get("report_year"), report.get("plan_year"), report.get("doc_type"))
    if report is None:
        found = [r for r in split_reports(source) if r.report_year]
        report_year = found[0].report_year if found else None
        passages = split_passages(source, report_year)
        return Review(passages, Index(passages, vocabulary), report_year, document_id,
                      default_year(report_year, found[0].doc_type if found else None,
                                   found[0].title if found else ""),
                      part_year=bool(found) and is_part_year(found[0].doc_type, found[0].title))
    passages = split_passages(source, report.report_year, report.line_start, report.line_end)
    return Review(passages, Index(passages, vocabulary), report.report_year, document_id,
                  default_year(report.report_year, report.doc_type, report.title),
                  part_year=is_part_year(report.doc_type, report.title))


def prior_ledger(source: SourceText, report: Report | dict | None, plan_year: int | None) -> Ledger | None:
    """Levels of the year before plan_year that the plan itself states (its review of that
    year: "粮食播种面积1266.6万亩、产量514.4万吨"), for growth computed from levels."""
    if plan_year is None or report is None:
        return None
    plan = build_review(source, report, None, set())
    return prior_levels(plan.passages, plan_year - 1, plan)


def review_year(source: SourceText) -> int | None:
    """The year the review was written, read by the report splitter (first report with one)."""
    for report in split_reports(source):
        if report.report_year:
            return report.report_year
    return None


def query_vocabulary(commitments) -> set[str]:
    """Every index term the queries of commitments use."""
    vocab: set[str] = set()
    for c in commitments:
        vocab.update(query_of(c)[0])
    return vocab


def verify_texts(plan: FileExtraction, review: SourceText) -> list[Result]:
    """A Result for every commitment of plan, judged against each report of review (best kept)."""
    reports = split_reports(review) or [None]
    vocab = query_vocabulary(c for rep in plan.reports for c in rep.commitments)
    reviews = [(r, build_review(review, r, None, vocab)) for r in reports]
    same_file = plan.source.sha256 == review.sha256
    results = []
    for rep in plan.reports:
        # A file checked against itself: a report is never its own evidence.
        usable = [rv for r, rv in reviews
                  if not (same_file and r is not None and _overlap(r, rep.report))] or [None]
        size = sum(1 for c in rep.commitments if c.kind == LIVELIHOOD) or None
        prior = prior_ledger(plan.source, rep.report, rep.report.plan_year) if rep.commitments else None
        for c in rep.commitments:
            found = [verify_one(c, rep.report.plan_year, rv, size, prior) for rv in usable if rv is not None]
            results.append(max(found, key=lambda r: (r.status != "unknown", r.score)) if found
                           else Result(c, "unknown", reason="核查文件中没有另一份报告"))
    return results


def _overlap(a: Report, b: Report) -> bool:
    """True when two reports share lines."""
    return a.line_start <= b.line_end and b.line_start <= a.line_end
