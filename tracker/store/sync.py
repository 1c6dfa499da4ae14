"""Writing extractions into the store, keeping user data across re-import/re-extraction.

Called inside the store's single write transaction. A report found again (same
region, plan year, title) keeps its row; its commitments are matched by identity so
their ids — and with them every event, note and correction — survive. Old ones that
no longer match are flagged stale, never deleted.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field, fields as dc_fields
from pathlib import Path

from rapidfuzz import fuzz

from tracker.errors import UserError
from tracker.store import fts, line_spans, report_fields, unit_cache
from tracker.store.clock import now
from tracker.store.corrections import apply_corrections, forget_extracted
from tracker.store.identity import keyed, normalise, report_identity
from tracker.store.locate import relocate_user_items
from tracker.model import Commitment, FileExtraction, Report, SourceText

# Commitment fields stored as columns (everything of the contract plus offsets).
COMMITMENT_FIELDS = tuple(f.name for f in dc_fields(Commitment))
_FUZZY_MIN = 90   # an edited clause ("增长7%" -> "增长7%左右") still counts as the same pledge


@dataclass
class ImportResult:
    """What an import or re-extraction did."""

    documents_added: int = 0
    documents_skipped: int = 0
    reports: int = 0
    added: int = 0
    kept: int = 0
    stale: int = 0
    cancelled: bool = False
    # Marked or corrected commitments the new text no longer has: kept visible (not
    # stale) until the user decides, and named so the user is told.
    held: list[int] = field(default_factory=list)
    report_ids: list[int] = field(default_factory=list)    # the reports written, in file order

    def add(self, other: "ImportResult") -> None:
        """Add the counts of another (per-file) result to this one."""
        for name in ("documents_added", "documents_skipped", "reports", "added", "kept", "stale"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.held += other.held
        self.report_ids += other.report_ids


def insert_document(conn: sqlite3.Connection, source: SourceText, plan_year_hint: int | None) -> int:
    """Insert a document, its lines and their index entries; return its id.

    Lines are stored as offsets into the text, so the text stored is the lines joined by
    "\n" (what SourceText promises it is)."""
    lines = source.lines or tuple(source.text.split("\n"))
    cur = conn.execute(
        "INSERT INTO documents (path, name, sha256, encoding, imported_at, plan_year_hint, text) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (str(Path(source.path).resolve()) if source.path else "", Path(source.path).name,
         source.sha256, source.encoding, now(), plan_year_hint, "\n".join(lines)))
    doc_id = cur.lastrowid
    fts.index_lines(conn, zip(line_spans.insert(conn, doc_id, lines), lines))
    return doc_id


def _find_report(conn: sqlite3.Connection, report: Report, doc_name: str, claimed: set[int]) -> int | None:
    """Id of the stored report with the same identity not yet matched in this write, or None.

    A weak identity (no region or no plan year, e.g. a bare "政府工作报告") only
    matches a report from a file of the same name, so unrelated reports never merge;
    a file of the same name is preferred, and the n-th of several look-alike reports
    in a compilation matches the n-th.
    """
    wanted = report_identity(report.region, report.plan_year, report.title)
    strong = bool(report.region and report.plan_year)
    candidates = []
    # what the rules read, not what the user set: a report whose region the user corrected is still found
    for rid, region, year, title, name in conn.execute(
            "SELECT r.id, r.extracted_region, r.extracted_plan_year, r.extracted_title, d.name FROM reports r "
            "JOIN documents d ON d.id = r.document_id "
            "WHERE IFNULL(r.extracted_region, '') = ? AND IFNULL(r.extracted_plan_year, 0) = ? ORDER BY r.id",
            wanted[:2]):
        if rid in claimed or report_identity(region, year, title) != wanted:
            continue
        if strong or name == doc_name:
            candidates.append((name != doc_name, rid))
    if candidates:
        return min(candidates)[1]
    return _find_renamed_metadata(conn, report, doc_name, claimed)


def _find_renamed_metadata(conn: sqlite3.Connection, report: Report, doc_name: str,
                           claimed: set[int]) -> int | None:
    """A report of the same-named file whose region, year or title the rules read otherwise now:
    an edit that adds "肃州区" to the title line, or a newer program that reads a portal page's
    title better, must not orphan the marks. The same title, else the same place in the file
    (the span overlapping most, at least half); two different known regions or years never match."""
    best, best_overlap = None, 0.0
    for rid, region, year, title, first, last in conn.execute(
            "SELECT r.id, r.extracted_region, r.extracted_plan_year, r.extracted_title, r.line_start, r.line_end "
            "FROM reports r JOIN documents d ON d.id = r.document_id WHERE d.name = ? ORDER BY r.id",
            (doc_name,)):
        if rid in claimed or None not in (region, report.region) and region != report.region \
                or None not in (year, report.plan_year) and year != report.plan_year:
            continue
        if normalise(title) == normalise(report.title):
            return rid
        overlap = max(0, min(last, report.line_end) - max(first, report.line_start) + 1) \
            / max(last - first + 1, report.line_end - report.line_start + 1)
        if overlap > best_overlap:
            best, best_overlap = rid, overlap
    return best if best_overlap >= 0.5 else None


def _columns(c: Commitment) -> dict:
    values = {name: getattr(c, name) for name in COMMITMENT_FIELDS}
    values["annual_average"] = int(bool(c.annual_average))
    values["masked"] = int(bool(c.masked))
    # The units the text names are the rules' reading; lead_unit/partner_units are derived
    # (tracker/store/units.py: an assignment wins).
    values["extracted_lead_unit"] = values.pop("lead_unit")
    partners = values.pop("partner_units")
    values["extracted_partner_units"] = json.dumps(list(partners), ensure_ascii=False) if partners else None
    return values


def _write_commitment(conn, cid: int | None, report_id: int, doc_id: int, key: str, c: Commitment) -> int:
    cols = _columns(c)
    if cid is None:
        names = ["report_id", "document_id", "key", *cols]
        cur = conn.execute(
            f"INSERT INTO commitments ({', '.join(chr(34) + n + chr(34) for n in names)}) "
            f"VALUES ({', '.join('?' * len(names))})",
            [report_id, doc_id, key, *cols.values()])
        cid = cur.lastrowid
    else:
        sets = ", ".join(f'"{n}" = ?' for n in cols)
        # Found again: clear "not found" (bit 1), keep "hidden by the user" (bit 2).
        conn.execute(f"UPDATE commitments SET report_id = ?, document_id = ?, key = ?, stale = stale & 2, {sets} "
                     "WHERE id = ?", [report_id, doc_id, key, *cols.values(), cid])
    fts.index_commitment(conn, cid, c.text)
    forget_extracted(conn, cid)   # the columns hold what the rules read now
    apply_corrections(conn, cid)
    unit_cache.derive(conn, [cid])
    return cid


def _fuzzy_pairs(old: dict[str, int], new: list[tuple[str, Commitment]]) -> dict[str, int]:
    """Pair leftover new keys with leftover old ids: same kind/indicator/number, near-equal text."""
    pairs: dict[str, int] = {}
    free = dict(old)
    for key, c in new:
        head = key.split("|")[:3]
        best, best_score = None, _FUZZY_MIN
        for old_key, cid in free.items():
            if old_key.split("|")[:3] != head:
                continue
            score = fuzz.ratio(normalise(c.text), old_key.split("|", 3)[3].split("#")[0])
            if score >= best_score:
                best, best_score = old_key, score
        if best is not None:
            pairs[key] = free.pop(best)
    return pairs


def sync_report(conn: sqlite3.Connection, report: Report, commitments: tuple[Commitment, ...],
                doc_id: int, doc_name: str, result: ImportResult, claimed: set[int],
                separate: bool = False) -> int:
    """Insert or update one report and its commitments (separate: always a new report);
    return the report id."""
    rid = None if separate else _find_report(conn, report, doc_name, claimed)
    # What the rules read; the shown fields are derived below, under the user's changes.
    meta = (doc_id, report.title, report.region, report.report_year, report.plan_year,
            report.line_start, report.line_end, report.doc_type, report.kind or "plan",
            json.dumps(list(report.uncertain)))
    if rid is None:
        rid = conn.execute(
            "INSERT INTO reports (document_id, extracted_title, extracted_region, report_year, "
            "extracted_plan_year, line_start, line_end, doc_type, extracted_kind, uncertain, title) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (*meta, report.title)).lastrowid
    else:
        old_doc = conn.execute("SELECT document_id FROM reports WHERE id = ?", (rid,)).fetchone()[0]
        conn.execute(
            "UPDATE reports SET document_id = ?, extracted_title = ?, extracted_region = ?, report_year = ?, "
            "extracted_plan_year = ?, line_start = ?, line_end = ?, doc_type = ?, extracted_kind = ?, "
            "uncertain = ? WHERE id = ?", (*meta, rid))
        if old_doc != doc_id and not conn.execute(
                "SELECT 1 FROM reports WHERE document_id = ?", (old_doc,)).fetchone():
            conn.execute("UPDATE documents SET superseded_by = ? WHERE id = ?", (doc_id, old_doc))
    claimed.add(rid)
    result.reports += 1
    # Items a user added (or made by a split/merge) are no rule's output: never matched, never staled.
    old = dict(conn.execute("SELECT key, id FROM commitments WHERE report_id = ? AND origin = 'extracted'",
                            (rid,)))
    new = keyed(commitments)
    exact = {key: old.pop(key) for key, _ in new if key in old}
    fuzzy = _fuzzy_pairs(old, [(k, c) for k, c in new if k not in exact])
    for old_key in [k for k, cid in old.items() if cid in fuzzy.values()]:
        old.pop(old_key)
    # Give fuzzily matched rows a temporary key first: a new key may equal another row's old key.
    for key, cid in fuzzy.items():
        conn.execute("UPDATE commitments SET key = ? WHERE id = ?", (f"~{cid}", cid))
    # A pledge a user added by hand that the rules now find too: the user's row stands for it
    # (with its marks), so no duplicate appears.
    by_hand = {normalise(t) for (t,) in conn.execute(
        "SELECT text FROM commitments WHERE report_id = ? AND origin = 'user' AND stale = 0", (rid,))}
    for key, c in new:
        cid = exact.get(key) or fuzzy.get(key)
        if cid is None and normalise(c.text) in by_hand:
            result.kept += 1
            continue
        if cid is None:
            result.added += 1
        else:
            result.kept += 1
        _write_commitment(conn, cid, rid, doc_id, key, c)
    for cid in old.values():
        if has_user_data(conn, cid):
            result.held.append(cid)
        elif conn.execute("UPDATE commitments SET stale = stale | 1 WHERE id = ? AND stale & 1 = 0",
                          (cid,)).rowcount:
            result.stale += 1
    relocate_user_items(conn, rid)
    report_fields.apply(conn, rid)
    result.report_ids.append(rid)
    return rid


def sync_glossary(conn: sqlite3.Connection, rid: int, terms: dict[str, str]) -> None:
    """Store the report's 名词解释 terms."""
    conn.execute("DELETE FROM glossary WHERE report_id = ?", (rid,))
    conn.executemany("INSERT OR REPLACE INTO glossary (report_id, term, definition) VALUES (?, ?, ?)",
                     ((rid, t, d) for t, d in terms.items()))


def write_extraction(conn: sqlite3.Connection, fx: FileExtraction, doc_id: int, result: ImportResult,
                     claimed: set[int], separate: bool = False) -> None:
    """Write every report of one file extraction; claimed: report ids already matched in this
    write; separate: as reports of their own, matched to none stored."""
    name = conn.execute("SELECT name FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    for rx in fx.reports:
        rid = sync_report(conn, rx.report, rx.commitments, doc_id, name, result, claimed, separate)
        sync_glossary(conn, rid, rx.glossary)


def stale_unclaimed(conn: sqlite3.Connection, doc_id: int, claimed: set[int], result: ImportResult) -> int:
    """After re-extracting doc_id: flag the commitments of its reports not found again
    (those with marks or corrections are held visible instead); the count flagged."""
    marks = ",".join(str(int(r)) for r in claimed) or "NULL"
    lost = [cid for (cid,) in conn.execute(
        f"SELECT id FROM commitments WHERE stale & 1 = 0 AND origin = 'extracted' AND report_id IN "
        f"(SELECT id FROM reports WHERE document_id = ? AND id NOT IN ({marks}))", (doc_id,))]
    held = [cid for cid in lost if has_user_data(conn, cid)]
    result.held += held
    conn.executemany("UPDATE commitments SET stale = stale | 1 WHERE id = ?",
                     [(cid,) for cid in lost if cid not in held])
    return len(lost) - len(held)


def has_user_data(conn: sqlite3.Connection, cid: int) -> bool:
    """Whether the user marked, corrected or curated a commitment (it must not vanish from view)."""
    return conn.execute("SELECT EXISTS (SELECT 1 FROM events WHERE commitment_id = :c) "
                        "OR EXISTS (SELECT 1 FROM corrections WHERE commitment_id = :c) "
                        "OR EXISTS (SELECT 1 FROM curation_links WHERE commitment_id = :c) "
                        "OR EXISTS (SELECT 1 FROM assignment_items WHERE commitment_id = :c) "
                        "OR EXISTS (SELECT 1 FROM unit_reports WHERE commitment_id = :c)",
                        {"c": cid}).fetchone()[0] == 1


# A line that is only a page number or a page marker ("- 3 -", "第 3 页", "3/40").
_PAGE_NUMBER = re.compile(r"^[-—–·\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*\d{1,4})?(?:\s*页)?[-—–·\s]*$")
MOST = 0.5          # a file "most of whose paragraphs" are in a stored report
MISSING = 0.10      # lacking this share of that report's paragraphs is an excerpt


class ExcerptRefused(UserError):
    """A file that is only a part of a stored document (an excerpt, a cut copy): importing it
    would hide most of that document's commitments. The caller may offer to import it anyway
    as the new version (force) or as a document of its own (separate)."""

    # Set by tracker.importer.import_files: the file refused, and what the files before it added.
    path = None
    before = None

    def __init__(self, message: str, title: str = "", name: str = "", missing: float = 0.0) -> None:
        super().__init__(message)
        self.title = title          # the stored report it is a part of, and its file's name
        self.name = name
        self.missing = missing      # the share of that document's paragraphs it lacks


def paragraphs_of(text: str, cut: bool = False) -> list[str]:
    """A text's paragraphs as compared for excerpts: whitespace and undecodable characters
    dropped, without page numbers and running headers or footers (a line repeated three
    times or more); cut: without its last line (a file cut mid-line)."""
    lines = text.split("\n")
    if cut and len(lines) > 1:
        lines = lines[:-1]
    keys = ["".join(ch for ch in line if not ch.isspace() and ch != "\ufffd") for line in lines]
    counts: dict[str, int] = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    return [k for k in keys if k and counts[k] < 3 and not _PAGE_NUMBER.match(k)]


def excerpt_of(conn: sqlite3.Connection, fx: FileExtraction) -> tuple[str, str, float] | None:
    """(name, title, share missing) of a stored document this file is only an excerpt of:
    most of the file's paragraphs are in it, and it lacks MISSING or more of the stored
    one's. The same text in another encoding or a new version with a few lines changed is
    no excerpt. Only documents holding a report of the same identity, or the file's longest
    paragraphs, are compared (a few texts, not the store)."""
    name = Path(fx.source.path).name
    docs = set()
    for rx in fx.reports:
        rid = _find_report(conn, rx.report, name, set())
        if rid is not None:
            docs.add(conn.execute("SELECT document_id FROM reports WHERE id = ?", (rid,)).fetchone()[0])
    new = set(paragraphs_of(fx.source.text, cut=not fx.source.text.endswith("\n")))
    if len("".join(new)) < 200:
        return None
    # And the documents holding its longest paragraphs (an excerpt may lack the title).
    for line in sorted(new, key=len, reverse=True)[:3]:
        docs.update(d for d in {hit["document_id"] for hit in line_spans.search(conn, line[:30], None, 20)}
                    if conn.execute("SELECT superseded_by IS NULL FROM documents WHERE id = ?", (d,)).fetchone()[0])
    for doc_id in sorted(docs):
        old_name, old_text = conn.execute("SELECT name, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        old = set(paragraphs_of(old_text))
        if not old or len(new & old) < MOST * len(new):
            continue
        missing = len(old - new) / len(old)
        if missing >= MISSING:
            title = conn.execute("SELECT title FROM reports WHERE document_id = ? ORDER BY id LIMIT 1",
                                 (doc_id,)).fetchone()
            return old_name, title[0] if title else old_name, missing
    return None
