"""The importer: files -> text -> extraction -> store, and re-extraction of stored text.

Extraction runs before the one write transaction, so a bad file, a cancel or a killed
process leaves the store as it was. The store never runs extraction itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from tracker.extract import extract_file, extract_source
from tracker.history.carried import refresh as refresh_carry_links
from tracker.store import ImportResult, Store

Progress = Callable[[int, int], None] | None
Cancel = Callable[[], bool] | None


def import_files(store: Store, paths: Iterable[str | Path], plan_year: int | None = None,
                 progress: Progress = None, cancel: Cancel = None) -> ImportResult:
    """Extract every file, then store all of them in one transaction (files already imported are skipped).

    progress(bytes done, bytes in all) moves inside a file too: a 50 MB file is one file
    but minutes of work. cancel() is asked between files and between reports.
    """
    paths = [Path(p) for p in paths]
    known = store.known_hashes()
    result, todo = ImportResult(), []
    sizes = [_size_or_zero(p) or 1 for p in paths]
    total, base = sum(sizes), 0
    for path, size in zip(paths, sizes):
        if cancel and cancel():
            return ImportResult(cancelled=True)
        sha = _sha256_or_none(path)
        if sha is not None and sha in known:
            result.documents_skipped += 1
        else:
            def within(done: int, lines: int, base=base, size=size) -> None:
                if progress:
                    progress(base + size * done // max(lines, 1), total)
            fx = extract_file(path, plan_year, within, cancel)
            if cancel and cancel():
                return ImportResult(cancelled=True)
            if fx.source.sha256 in known:
                result.documents_skipped += 1
            else:
                known.add(fx.source.sha256)
                todo.append(fx)
        base += size
        if progress:
            progress(base, total)
    before = {r["id"] for r in store.reports()}
    result = store.add_extractions(todo, plan_year, cancel, result)
    if not result.cancelled:
        # Year N+1's plan arriving links year N's pledges to it (延续 / 上调 / 下调 / 不再提及).
        refresh_carry_links(store, {r["region"] for r in store.reports()
                                    if r["id"] not in before and r.get("region")})
    return result


def reextract(store: Store, progress: Progress = None, cancel: Cancel = None) -> ImportResult:
    """Re-run extraction over the stored text of every current document (one transaction)."""
    docs = store.current_documents()
    done = []
    for i, (doc_id, _name, hint) in enumerate(docs):
        if cancel and cancel():
            return ImportResult(cancelled=True)
        done.append((doc_id, extract_source(store.document_source(doc_id), hint)))
        if progress:
            progress(i + 1, len(docs))
    result = store.replace_extractions(done, cancel)
    if not result.cancelled:
        refresh_carry_links(store)
    return result


def _size_or_zero(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:        # missing or unreadable: extraction names the reason
        return 0


def _sha256_or_none(path: Path) -> str | None:
    """sha256 of a readable regular file, else None (the extractor then names the problem)."""
    try:
        if not path.is_file():
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
