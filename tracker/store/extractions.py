"""store.extractions: documents and what the rules found in them, written by tracker.importer.

A file's extraction is written in one transaction with everything derived from it (lines,
full-text rows, report copies on commitments, the carry links of its regions), so a bad
file, a cancel or a killed process leaves the store as it was. The store never runs the
extractor: the importer extracts first, then calls these.
"""

from __future__ import annotations

from collections.abc import Callable

from tracker.errors import Cancelled
from tracker.model import FileExtraction
from tracker.store import links
from tracker.store.guard import guarded
from tracker.store.sync import (ExcerptRefused, ImportResult, excerpt_of, insert_document, stale_unclaimed,
                                write_extraction)

Cancel = Callable[[], bool] | None


class Extractions:
    """Writing extractions; the documents already imported."""

    def __init__(self, store):
        self.store = store

    def known_hashes(self) -> set[str]:
        """sha256 of every imported file (an identical file is never imported twice)."""
        return {s for (s,) in self.store.conn.execute("SELECT sha256 FROM documents")}

    def current_documents(self) -> list[tuple[int, str, int | None]]:
        """(id, path or name, plan-year hint) of every document not superseded, for re-extraction."""
        return [(d, path or name, hint) for d, path, name, hint in self.store.conn.execute(
            "SELECT id, path, name, plan_year_hint FROM documents WHERE superseded_by IS NULL ORDER BY id")]

    @guarded
    def add(self, extractions: list[FileExtraction], plan_year: int | None = None,
            cancel: Cancel = None, force: bool = False, separate: bool = False) -> ImportResult:
        """Store new documents with their extractions, all in one transaction (cancel():
        nothing of them is stored, and Cancelled is raised).

        A file that is only an excerpt of a stored document is refused (ExcerptRefused)
        unless force (it becomes that report's current version) or separate (a document
        of its own, its reports matched to none stored)."""
        result = ImportResult()
        claimed: set[int] = set()
        with self.store.write() as conn:
            for fx in extractions:
                if cancel and cancel():
                    raise Cancelled()
                part = None if force or separate else excerpt_of(conn, fx)
                if part:
                    name, title, missing = part
                    raise ExcerptRefused(
                        f"{fx.source.path}: 只是已导入的《{title}》（{name}）的一部分，缺少其 {missing:.0%} 的段落，"
                        f"未导入；可强制作为新版本，或作为单独的文档导入 / only a part of {name} (lacks "
                        f"{missing:.0%} of its paragraphs), already imported; not imported (it can be made the "
                        f"current version anyway, or imported as a separate document)",
                        title=title, name=name, missing=missing)
                doc_id = insert_document(conn, fx.source, plan_year)
                write_extraction(conn, fx, doc_id, result, claimed, separate=separate)
                result.documents_added += 1
            _relink_reports(conn, claimed)
        if extractions:
            self.store.analyze()
        return result

    @guarded
    def replace(self, extractions: list[tuple[int, FileExtraction]], cancel: Cancel = None) -> ImportResult:
        """Sync stored documents with new extractions of their text (one transaction);
        commitments not found again become stale, never deleted."""
        result = ImportResult()
        claimed: set[int] = set()
        with self.store.write() as conn:
            for doc_id, fx in extractions:
                if cancel and cancel():
                    raise Cancelled()
                write_extraction(conn, fx, doc_id, result, claimed)
                result.stale += stale_unclaimed(conn, doc_id, claimed, result)
            links.relink(conn)
        self.store.analyze()
        return result


def _relink_reports(conn, report_ids: set[int]) -> None:
    """The carry links of the regions of the reports just written."""
    ids = sorted(report_ids)
    if ids:
        links.relink(conn, {r for (r,) in conn.execute(
            f"SELECT DISTINCT region FROM reports WHERE id IN ({','.join('?' * len(ids))})", ids)})
