"""The importer: files -> text -> extraction -> store, and re-extraction of stored text.

Each file is extracted, then written in its own transaction before the next file is
read, so memory is bounded by one file, not by the whole selection; a bad file, a cancel
or a killed process leaves every file before it imported and nothing of it. The store
never runs extraction itself. The store file itself is never opened here: only SQLite
may open it (closing any other descriptor of it drops SQLite's locks).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from tracker.errors import Cancelled, UserError
from tracker.extract import extract_source
from tracker.ingest.limits import MAX_FILE_BYTES, Deadline
from tracker.ingest.read import read_source
from tracker.store import ImportResult, Store
from tracker.store.sync import ExcerptRefused

Progress = Callable[[int, int], None] | None
Cancel = Callable[[], bool] | None


def import_files(store: Store, paths: Iterable[str | Path], plan_year: int | None = None,
                 progress: Progress = None, cancel: Cancel = None, force: bool = False,
                 separate: bool = False) -> ImportResult:
    """Extract and store each file in turn, one transaction per file (files already imported
    are skipped); the counts of every file stored.

    progress(bytes done, bytes in all) moves inside a file too: a 500,000-character file is one file
    but seconds of work. cancel() is asked between files and between reports; the file
    being read when it says yes is not stored, and result.cancelled is set.
    A file that is only an excerpt of a stored document is refused (ExcerptRefused, a
    UserError) unless force (it becomes the current version) or separate (its own document);
    the exception's `path` is that file and `before` the result of the files before it.
    """
    paths = [Path(p) for p in paths]
    for path in paths:
        if is_store_file(store, path):
            raise UserError(f"{path}: 是台账文件本身，不是报告 / is the store itself, not a report")
    result = ImportResult()
    _import_each(store, paths, plan_year, progress, cancel, result, {"force": force, "separate": separate})
    return result


def _import_each(store: Store, paths: list[Path], plan_year: int | None, progress: Progress,
                 cancel: Cancel, result: ImportResult, how: dict) -> None:
    """The files in turn, each stored before the next is read; counts go into result."""
    known = store.extractions.known_hashes()
    sizes = [_size_or_zero(p) or 1 for p in paths]
    total, base = sum(sizes), 0
    for path, size in zip(paths, sizes):
        if cancel and cancel():
            result.cancelled = True
            return
        sha = _sha256_or_none(path)
        if sha is not None and sha in known:
            result.documents_skipped += 1
        else:
            def within(done: int, lines: int, base=base, size=size) -> None:
                if progress:
                    progress(base + size * done // max(lines, 1), total)
            try:
                _import_one(store, path, plan_year, known, result, within, cancel, how)
            except UserError as exc:
                if isinstance(exc, ExcerptRefused):
                    # The caller may import this one otherwise (force / separate) and go on.
                    exc.path, exc.before = path, result
                if result.documents_added:
                    exc.args = (f"{exc} (之前的 {result.documents_added} 个文件已导入 / "
                                f"the {result.documents_added} files before it were imported)",)
                raise
            if result.cancelled:
                return
        base += size
        if progress:
            progress(base, total)


def _import_one(store: Store, path: Path, plan_year: int | None, known: set[str],
                result: ImportResult, progress, cancel: Cancel, how: dict) -> None:
    """Extract one file and store it in its own transaction; counts go into result.
    A file still being read or extracted after IMPORT_SECONDS is refused (UserError), and
    nothing of it is stored."""
    deadline = Deadline(str(path))

    def stop() -> bool:         # asked between reports and before the write
        deadline.check()
        return bool(cancel and cancel())

    fx = extract_source(read_source(path, deadline), plan_year, progress, stop)
    if stop():
        result.cancelled = True
        return
    if fx.source.sha256 in known:
        result.documents_skipped += 1
        return
    try:
        # One transaction: the file, its commitments and the carry links it changes.
        done = store.extractions.add([fx], plan_year, stop, **how)
    except Cancelled:
        result.cancelled = True
        return
    known.add(fx.source.sha256)
    result.add(done)


def reextract(store: Store, progress: Progress = None, cancel: Cancel = None) -> ImportResult:
    """Re-run extraction over the stored text of every current document (one transaction)."""
    docs = store.extractions.current_documents()
    done = []
    for i, (doc_id, _name, hint) in enumerate(docs):
        if cancel and cancel():
            return ImportResult(cancelled=True)
        done.append((doc_id, extract_source(store.document_source(doc_id), hint)))
        if progress:
            progress(i + 1, len(docs))
    try:
        return store.extractions.replace(done, cancel)
    except Cancelled:
        return ImportResult(cancelled=True)


def _size_or_zero(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:        # missing or unreadable: extraction names the reason
        return 0


def _sha256_or_none(path: Path) -> str | None:
    """sha256 of a readable regular file, else None (the extractor then names the problem)."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
            return None         # reading refuses it in one line, without hashing gigabytes
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None


def is_store_file(store: Store, path: Path) -> bool:
    """Whether path is the open store or one of SQLite's files beside it (compared by stat,
    never by opening: that would drop SQLite's locks on it)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        own = store.path.with_name(store.path.name + suffix)
        try:
            if os.path.samefile(path, own):
                return True
        except OSError:
            continue
    return False
