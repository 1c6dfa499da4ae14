"""The extraction pipeline: file -> SourceText -> reports -> paragraphs -> commitments.

Targets and livelihood items are read first; project rules then skip the spans
they took, so one sentence never yields the same commitment twice.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Callable, Iterable

from tracker.ingest.read import read_source
from tracker.extract.glossary import parse_glossary
from tracker.extract.headline_targets import extract_headline_targets
from tracker.extract.livelihood import find_livelihood
from tracker.model import COMPLETION, TARGET, Commitment, FileExtraction, ListSummary, Report, ReportExtraction, SourceText
from tracker.ingest.paragraphs import paragraphs
from tracker.extract.projects import extract_projects
from tracker.extract.sections import categories
from tracker.extract.segment import split_reports
from tracker.extract.targets import extract_targets
from tracker.extract.units import units_for

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


def extract_source(source: SourceText, plan_year: int | None = None,
                   progress: Progress | None = None, cancel: Cancel | None = None) -> FileExtraction:
    """Every report of source with its commitments; plan_year fills a report's missing plan year.

    progress(lines done, lines in all) after each report, so one big file shows movement;
    cancel() is asked between reports and stops early (the caller discards the result).
    """
    results = []
    total = len(source.lines) or 1
    for report in split_reports(source):
        if cancel is not None and cancel():
            break
        if plan_year is not None and report.plan_year is None:
            report = replace(report, plan_year=plan_year,
                             uncertain=tuple(f for f in report.uncertain if f != "plan_year"))
        # a completion notice or news item holds outcomes, never commitments
        commitments, lists = ([], []) if report.kind == COMPLETION else extract_report(source, report)
        results.append(ReportExtraction(report, tuple(commitments), parse_glossary(source, report),
                                        tuple(lists)))
        if progress is not None:
            progress(min(report.line_end, total), total)
    return FileExtraction(source, tuple(results))


def extract_report(source: SourceText, report: Report) -> tuple[list[Commitment], list[ListSummary]]:
    """(commitments of one report in source order, its livelihood lists)."""
    paras = paragraphs(source, report.line_start, report.line_end)
    if not paras:
        return [], []
    cats = categories(paras)
    found = list(extract_targets(source, report, paras, cats))
    found += extract_headline_targets(report, paras, found)
    listed, lists = find_livelihood(source, report, paras)
    found += listed
    taken = [(c.start, c.end) for c in found if c.start >= 0]
    found += extract_projects(source, report, paras, cats, taken, [c for c in found if c.kind == TARGET])
    found.sort(key=lambda c: (c.line, c.start))
    found = [replace(c, lead_unit=u.lead_text or None, partner_units=u.partners) if u else c
             for c, u in zip(found, units_for(found, paras))]
    return found, lists


def extract_file(path: str | os.PathLike, plan_year: int | None = None,
                 progress: Progress | None = None, cancel: Cancel | None = None) -> FileExtraction:
    """Read and extract one file (UserError when it cannot be read)."""
    return extract_source(read_source(path), plan_year, progress, cancel)


def extract_files(paths: Iterable[str | os.PathLike], progress: Progress | None = None,
                  cancel: Cancel | None = None, *,
                  plan_year: int | None = None) -> list[FileExtraction]:
    """extract_file over paths, reporting progress(done, total); stops early when cancel()."""
    paths = list(paths)
    out: list[FileExtraction] = []
    for done, path in enumerate(paths):
        if cancel is not None and cancel():
            break
        out.append(extract_file(path, plan_year))
        if progress is not None:
            progress(done + 1, len(paths))
    return out


def contract_json(extractions: Iterable[FileExtraction]) -> dict:
    """The `tracker extract --json` object of ../shared/CONTRACT.md."""
    documents = []
    for fx in extractions:
        for rx in fx.reports:
            r = rx.report
            documents.append({
                "path": fx.source.path,
                "title": r.title,
                "region": r.region,
                "report_year": r.report_year,
                "plan_year": r.plan_year,
                "line_start": r.line_start,
                "line_end": r.line_end,
                "doc_type": r.doc_type,
                "kind": r.kind,
                "identity_uncertain": r.identity_uncertain,
                "uncertain": list(r.uncertain),
                "commitments": [c.to_json() for c in rx.commitments],
                "lists": [x.to_json() for x in rx.lists],
                "notes": [f"line {x.line}: {x.note}" for x in rx.lists if x.note],
            })
    return {"documents": documents}
