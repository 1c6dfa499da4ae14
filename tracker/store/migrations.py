"""Schema of the store as named sqlite-utils migrations, applied in order on open.

An applied migration is never edited: a store written by an older version keeps
opening, and the next migration brings it up to date. tests/data/store_v1.db was
made by m001 alone and must keep opening.
"""

from __future__ import annotations

import json
import uuid

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from tracker.store import fts, line_spans

MIGRATIONS = Migrations("commitment-tracker")
# Every migration's name, in order (sqlite-utils keeps its own list private): a store
# holding a name not here was written by a newer program.
NAMES: list[str] = []


def migration(fn):
    """Register fn as the next named migration."""
    NAMES.append(fn.__name__)
    return MIGRATIONS()(fn)
# Names of every table m001 creates: a SQLite file holding none of them is not a store.
CORE_TABLES = ("documents", "lines", "reports", "commitments", "events", "corrections")


@migration
def m001_initial(db: Database) -> None:
    """Documents, their lines, reports, commitments, status events, field corrections."""
    db.executescript("""
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        name TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        encoding TEXT,
        imported_at TEXT NOT NULL,
        plan_year_hint INTEGER,
        superseded_by INTEGER REFERENCES documents(id),
        text TEXT NOT NULL
    );
    CREATE TABLE lines (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        no INTEGER NOT NULL,
        text TEXT NOT NULL,
        UNIQUE (document_id, no)
    );
    CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        title TEXT NOT NULL,
        region TEXT,
        report_year INTEGER,
        plan_year INTEGER,
        extracted_plan_year INTEGER,
        line_start INTEGER NOT NULL,
        line_end INTEGER NOT NULL,
        doc_type TEXT,
        plan_year_set_by_user INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE commitments (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id),
        document_id INTEGER NOT NULL REFERENCES documents(id),
        key TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        line INTEGER NOT NULL,
        start INTEGER,
        "end" INTEGER,
        indicator TEXT,
        measure TEXT,
        value REAL,
        value_high REAL,
        unit TEXT,
        comparator TEXT,
        direction TEXT,
        deadline TEXT,
        deadline_text TEXT,
        number INTEGER,
        category TEXT,
        period TEXT,
        annual_average INTEGER NOT NULL DEFAULT 0,
        masked INTEGER NOT NULL DEFAULT 0,
        level_value REAL,
        level_unit TEXT,
        level_comparator TEXT,
        factor REAL,
        stale INTEGER NOT NULL DEFAULT 0,
        current_status TEXT,
        current_progress REAL,
        evidence_count INTEGER NOT NULL DEFAULT 0,
        UNIQUE (report_id, key)
    );
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        commitment_id INTEGER NOT NULL REFERENCES commitments(id),
        status TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        evidence_text TEXT,
        evidence_document_id INTEGER REFERENCES documents(id),
        evidence_line INTEGER,
        actual_value REAL,
        progress REAL,
        source TEXT NOT NULL DEFAULT 'user',
        suggestion_id INTEGER,
        created_at TEXT NOT NULL
    );
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        commitment_id INTEGER NOT NULL REFERENCES commitments(id),
        commitment_key TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT,
        created_at TEXT NOT NULL
    );
    CREATE INDEX events_commitment ON events(commitment_id, id);
    CREATE INDEX corrections_commitment ON corrections(commitment_id, id);
    CREATE INDEX commitments_report ON commitments(report_id);
    """)


@migration
def m002_suggestions_glossary(db: Database) -> None:
    """Verification suggestions (deduplicated by fingerprint) and 名词解释 terms."""
    db.executescript("""
    CREATE TABLE suggestions (
        id INTEGER PRIMARY KEY,
        commitment_id INTEGER NOT NULL REFERENCES commitments(id),
        review_document_id INTEGER REFERENCES documents(id),
        status TEXT NOT NULL,
        actual_value REAL,
        progress REAL,
        reason TEXT NOT NULL DEFAULT '',
        score REAL,
        evidence TEXT NOT NULL DEFAULT '[]',
        state TEXT NOT NULL DEFAULT 'pending',
        fingerprint TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
    );
    CREATE INDEX suggestions_commitment ON suggestions(commitment_id, state);
    CREATE TABLE glossary (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id),
        term TEXT NOT NULL,
        definition TEXT NOT NULL,
        UNIQUE (report_id, term)
    );
    """)


@migration
def m003_fulltext(db: Database) -> None:
    """FTS5 indexes (one token per character) over commitment texts and document lines."""
    fts.create(db)
    fts.rebuild(db)


@migration
def m004_query_indexes(db: Database) -> None:
    """Indexes for the table's filters and sort orders at 100,000 commitments."""
    db.executescript("""
    CREATE INDEX commitments_kind ON commitments(stale, kind);
    CREATE INDEX commitments_status ON commitments(current_status);
    CREATE INDEX commitments_deadline ON commitments(deadline);
    CREATE INDEX commitments_category ON commitments(category);
    CREATE INDEX reports_year_region ON reports(plan_year, region);
    CREATE INDEX reports_document ON reports(document_id);
    CREATE INDEX documents_name ON documents(name);
    """)


@migration
def m005_sorted_indexes(db: Database) -> None:
    """(stale, column) indexes: each table sort is an index scan, counts never touch rows."""
    db.executescript("""
    DROP INDEX IF EXISTS commitments_status;
    DROP INDEX IF EXISTS commitments_deadline;
    DROP INDEX IF EXISTS commitments_category;
    DROP INDEX IF EXISTS commitments_report;
    CREATE INDEX commitments_report_stale ON commitments(report_id, stale);
    CREATE INDEX commitments_stale ON commitments(stale);
    CREATE INDEX commitments_s_text ON commitments(stale, text);
    CREATE INDEX commitments_s_deadline ON commitments(stale, deadline);
    CREATE INDEX commitments_s_status ON commitments(stale, current_status);
    CREATE INDEX commitments_s_evidence ON commitments(stale, evidence_count);
    CREATE INDEX commitments_s_value ON commitments(stale, value);
    CREATE INDEX commitments_s_indicator ON commitments(stale, indicator);
    CREATE INDEX commitments_s_category ON commitments(stale, category);
    CREATE INDEX commitments_s_line ON commitments(stale, line);
    CREATE INDEX commitments_progress ON commitments(current_progress, stale, current_status, report_id)
        WHERE current_progress IS NOT NULL;
    """)


@migration
def m006_report_columns_on_commitments(db: Database) -> None:
    """Copies of the report's region and plan year, so sorting by them is an index scan too.

    Kept in step by store_import.sync_report and Store.set_plan_year (the only writers).
    """
    db.executescript("""
    ALTER TABLE commitments ADD COLUMN report_region TEXT;
    ALTER TABLE commitments ADD COLUMN report_plan_year INTEGER;
    UPDATE commitments SET
        report_region = (SELECT region FROM reports WHERE reports.id = commitments.report_id),
        report_plan_year = (SELECT plan_year FROM reports WHERE reports.id = commitments.report_id);
    CREATE INDEX commitments_s_region ON commitments(stale, report_region);
    CREATE INDEX commitments_s_year ON commitments(stale, report_plan_year);
    """)


@migration
def m007_position_index(db: Database) -> None:
    """Document order (report_id, line) as an index scan: all rows, or one kind or status."""
    db.executescript("""
    CREATE INDEX commitments_s_position ON commitments(stale, report_id, line);
    CREATE INDEX commitments_s_kind_position ON commitments(stale, kind, report_id, line);
    CREATE INDEX commitments_s_status_position ON commitments(stale, current_status, report_id, line);
    """)


@migration
def m008_curations(db: Database) -> None:
    """Completing the extraction by hand: added, dropped, split, merged and re-worded items.

    commitments.origin: 'extracted' (the rules found it; re-extraction keeps or stales it)
    or 'user' (added, or the result of a split/merge: no rule will find it again, so
    re-extraction leaves it alone). commitments.stale becomes two bits, so every
    (stale, …) index keeps serving "what the lists show" (stale = 0):
    1 = not found again by the rules, 2 = hidden by the user (不是承诺, or replaced by
    the parts of a split / the result of a merge). curations is the append-only log
    (add, drop, split, merge, edit, and undo/redo rows naming the curation they void or
    revive); curation_links ties each to the commitments it hid, created or edited.
    """
    db.executescript("""
    ALTER TABLE commitments ADD COLUMN origin TEXT NOT NULL DEFAULT 'extracted';
    CREATE TABLE curations (
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL,
        report_id INTEGER REFERENCES reports(id),
        target_id INTEGER REFERENCES curations(id),
        detail TEXT NOT NULL DEFAULT '{}',
        voided INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    );
    CREATE TABLE curation_links (
        curation_id INTEGER NOT NULL REFERENCES curations(id),
        commitment_id INTEGER NOT NULL REFERENCES commitments(id),
        role TEXT NOT NULL,
        PRIMARY KEY (curation_id, commitment_id)
    );
    CREATE INDEX curation_links_commitment ON curation_links(commitment_id);
    CREATE INDEX curations_target ON curations(target_id);
    """)


@migration
def m009_carry_links(db: Database) -> None:
    """Links between one year's commitments and the next year's plan: 延续, 上调, 下调, 不再提及.

    Derived data (tracker.history.carried rebuilds a region-year's links whole), so no
    user edit lives here; to_id is NULL for a target no longer mentioned.
    """
    db.executescript("""
    CREATE TABLE carry_links (
        id INTEGER PRIMARY KEY,
        region TEXT NOT NULL,
        year INTEGER NOT NULL,
        from_id INTEGER NOT NULL REFERENCES commitments(id),
        to_id INTEGER REFERENCES commitments(id),
        flag TEXT NOT NULL,
        score REAL
    );
    CREATE INDEX carry_links_from ON carry_links(from_id);
    CREATE INDEX carry_links_to ON carry_links(to_id);
    CREATE INDEX carry_links_region_year ON carry_links(region, year);
    CREATE INDEX carry_links_flag ON carry_links(flag);
    """)


@migration
def m010_lines_index_without_text_copy(db: Database) -> None:
    """The lines' full-text index keeps no second copy of the document text (issue 15)."""
    fts.make_lines_contentless(db)


@migration
def m011_undo_events_void(db: Database) -> None:
    """Undo appends an event that voids an earlier one (events stay append-only)."""
    db.executescript("""
    ALTER TABLE events ADD COLUMN voids INTEGER REFERENCES events(id);
    CREATE UNIQUE INDEX events_voids ON events(voids) WHERE voids IS NOT NULL;
    """)


@migration
def m012_stretch_and_subject(db: Database) -> None:
    """A target's stretch value (力争达到7%) and a project's subject (国能煤电项目)."""
    db.executescript("""
    ALTER TABLE commitments ADD COLUMN stretch REAL;
    ALTER TABLE commitments ADD COLUMN subject TEXT;
    """)


@migration
def m013_event_date(db: Database) -> None:
    """The day a status holds from, as the user gives it ("--date 昨天", the mark dialog's
    date): ISO text, NULL when not given (created_at is when it was recorded)."""
    db.execute("ALTER TABLE events ADD COLUMN date TEXT")


@migration
def m014_lines_as_offsets_into_document_text(db: Database) -> None:
    """The document text is stored once (issue 15): `lines` becomes a view over
    `line_spans` (each line's offset and byte range in documents.text), and the lines'
    full-text index keeps rowids only (detail=none)."""
    line_spans.migrate(db.conn)


@migration
def m015_stats_covering_index(db: Database) -> None:
    """Every column the 概览 counts read (store.stats), so redrawing them after a filter
    change reads this index alone instead of fetching 100,000 table rows."""
    db.executescript("""
    CREATE INDEX commitments_s_stats
        ON commitments(stale, kind, current_status, deadline, current_progress, report_id);
    """)


@migration
def m016_one_write_model(db: Database) -> None:
    """Every user change is an appended row, undone by a row voiding it by id (issue 19).

    - meta: the store's id (a uuid kept for life: a backup of this store carries it).
    - corrections.voids: undoing a field fix appends a row voiding it; extracted_values
      keeps the rules' value of each corrected field, so voiding the last fix of a field
      gives back what the rules read (not what another program's fix said).
    - decisions: accepting or rejecting a suggestion, keyed by the commitment and the
      evidence's content (suggestions.evidence_key), so a re-import, re-extraction or
      regenerated suggestions keep it; suggestions.state becomes a cache of them.
    - report_changes: a report's fields set by hand (the plan year so far), voidable;
      reports.plan_year and plan_year_set_by_user become a cache of them.
    - curations.voided is a cache of the undo/redo rows naming a curation.
    """
    from tracker.store.identity import evidence_key
    conn = db.conn
    for sql in (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "ALTER TABLE corrections ADD COLUMN voids INTEGER REFERENCES corrections(id)",
        "CREATE UNIQUE INDEX corrections_voids ON corrections(voids) WHERE voids IS NOT NULL",
        """CREATE TABLE extracted_values (
            commitment_id INTEGER NOT NULL REFERENCES commitments(id),
            field TEXT NOT NULL,
            value TEXT,
            PRIMARY KEY (commitment_id, field)) WITHOUT ROWID""",
        """CREATE TABLE decisions (
            id INTEGER PRIMARY KEY,
            commitment_id INTEGER NOT NULL REFERENCES commitments(id),
            evidence_key TEXT NOT NULL,
            decision TEXT NOT NULL,
            suggestion_id INTEGER REFERENCES suggestions(id),
            event_id INTEGER REFERENCES events(id),
            voids INTEGER REFERENCES decisions(id),
            created_at TEXT NOT NULL)""",
        "CREATE INDEX decisions_subject ON decisions(commitment_id, evidence_key)",
        "CREATE UNIQUE INDEX decisions_voids ON decisions(voids) WHERE voids IS NOT NULL",
        "ALTER TABLE suggestions ADD COLUMN evidence_key TEXT",
        """CREATE TABLE report_changes (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id),
            field TEXT NOT NULL,
            value TEXT,
            voids INTEGER REFERENCES report_changes(id),
            created_at TEXT NOT NULL)""",
        "CREATE INDEX report_changes_report ON report_changes(report_id, field)",
        "CREATE UNIQUE INDEX report_changes_voids ON report_changes(voids) WHERE voids IS NOT NULL",
    ):
        conn.execute(sql)
    conn.execute("INSERT INTO meta (key, value) VALUES ('store_id', ?)", (str(uuid.uuid4()),))
    rows = conn.execute("SELECT id, status, evidence FROM suggestions").fetchall()
    conn.executemany("UPDATE suggestions SET evidence_key = ? WHERE id = ?",
                     [(evidence_key(status, json.loads(ev or "[]")), sid) for sid, status, ev in rows])
    conn.execute("CREATE INDEX suggestions_evidence ON suggestions(commitment_id, evidence_key)")
    # The decisions made so far, as rows (an accepted one with the event it appended).
    conn.execute("""
        INSERT INTO decisions (commitment_id, evidence_key, decision, suggestion_id, event_id, created_at)
        SELECT s.commitment_id, s.evidence_key, s.state, s.id,
               (SELECT max(e.id) FROM events e WHERE e.suggestion_id = s.id AND e.voids IS NULL
                  AND NOT EXISTS (SELECT 1 FROM events v WHERE v.voids = e.id)),
               s.created_at
        FROM suggestions s WHERE s.state IN ('accepted', 'rejected') ORDER BY s.id""")
    # What an edited text said before its first 修改文字, so undoing every edit gives it back.
    conn.execute("""
        INSERT OR IGNORE INTO extracted_values (commitment_id, field, value)
        SELECT l.commitment_id, 'text', json_quote(json_extract(k.detail, '$.old'))
        FROM curations k JOIN curation_links l ON l.curation_id = k.id
        WHERE k.action = 'edit' AND json_extract(k.detail, '$.old') IS NOT NULL ORDER BY k.id""")
    conn.execute("""
        INSERT INTO report_changes (report_id, field, value, created_at)
        SELECT id, 'plan_year', json(plan_year), datetime('now') FROM reports
        WHERE plan_year_set_by_user = 1""")


@migration
def m017_report_identity(db: Database) -> None:
    """A report's identity as the user sets it (issue 21).

    - reports.extracted_region, extracted_title, extracted_kind: what the rules read; region,
      title, kind (like plan_year) become a cache of the newest standing report_changes row
      of the field, else what the rules read (tracker/store/report_fields.py).
    - reports.kind: plan, review, list, completion or other (from the document type here).
    - reports.uncertain: the fields the text did not settle (JSON list); identity_uncertain:
      whether one of them has no standing change (set or confirmed) yet.
    - reports.removed: the standing 'removed' change; its commitments carry stale bit 4.
    - region_merges: a spelling of a region filed under another (云南 -> 云南省), voidable.
    """
    conn = db.conn
    for sql in (
        "ALTER TABLE reports ADD COLUMN extracted_region TEXT",
        "ALTER TABLE reports ADD COLUMN extracted_title TEXT",
        "ALTER TABLE reports ADD COLUMN kind TEXT",
        "ALTER TABLE reports ADD COLUMN extracted_kind TEXT",
        "ALTER TABLE reports ADD COLUMN uncertain TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE reports ADD COLUMN identity_uncertain INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE reports ADD COLUMN removed INTEGER NOT NULL DEFAULT 0",
        """UPDATE reports SET extracted_region = region, extracted_title = title,
               kind = CASE WHEN doc_type IN ('party_congress_report', 'cppcc_report', 'peoples_congress_report')
                           THEN 'other'
                           WHEN doc_type IN ('statistical_bulletin', 'yearbook_front_matter', 'yearbook_body',
                                             'work_summary', 'progress_report') THEN 'review'
                           ELSE 'plan' END""",
        "UPDATE reports SET extracted_kind = kind",
        """UPDATE reports SET uncertain = CASE
               WHEN region IS NULL AND extracted_plan_year IS NULL AND kind = 'plan'
                 THEN '["region", "plan_year"]'
               WHEN region IS NULL THEN '["region"]'
               WHEN extracted_plan_year IS NULL AND kind = 'plan' THEN '["plan_year"]'
               ELSE '[]' END""",
        """UPDATE reports SET identity_uncertain = (region IS NULL OR
               (extracted_plan_year IS NULL AND kind = 'plan' AND plan_year_set_by_user = 0))""",
        """CREATE TABLE region_merges (
            id INTEGER PRIMARY KEY,
            alias TEXT NOT NULL,
            region TEXT,
            voids INTEGER REFERENCES region_merges(id),
            created_at TEXT NOT NULL)""",
        "CREATE INDEX region_merges_alias ON region_merges(alias)",
        "CREATE UNIQUE INDEX region_merges_voids ON region_merges(voids) WHERE voids IS NOT NULL",
        "CREATE INDEX reports_removed ON reports(removed) WHERE removed = 1",
    ):
        conn.execute(sql)


@migration
def m018_units_forms_reports(db: Database) -> None:
    """The 督办 loop (issue 24): responsible units on commitments, forms sent to units, and the
    progress units report back.

    - units: a unit by its first name as written (key: how two writings are recognised);
      unit_aliases: the user's aliases mapping a name onto a unit (voidable changes).
    - assignments (+ assignment_items): the user's 指派 of lead and partner units, one row
      per action (a batch of rows, or a 分工方案 with a deadline correction where the report
      gave none), voidable; the text's own units stay in extracted_lead_unit /
      extracted_partner_units; lead_unit, partner_units and commitment_units are caches of
      the standing assignment, else the text.
    - forms (+ form_items): each progress form sent: to which unit, when, until when, and the
      newest event then (a later office mark makes a unit's row a conflict).
    - unit_reports: each filled row collected (单位自报), kept apart from the office's status;
      unit_report_decisions: the office accepting (with a mark) or rejecting one, voidable.
    """
    for sql in (
        "CREATE TABLE units (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, "
        "created_at TEXT NOT NULL)",
        """CREATE TABLE unit_aliases (
            id INTEGER PRIMARY KEY, alias TEXT NOT NULL, alias_key TEXT NOT NULL,
            unit_id INTEGER NOT NULL REFERENCES units(id),
            voids INTEGER REFERENCES unit_aliases(id), created_at TEXT NOT NULL)""",
        "CREATE UNIQUE INDEX unit_aliases_voids ON unit_aliases(voids) WHERE voids IS NOT NULL",
        """CREATE TABLE assignments (
            id INTEGER PRIMARY KEY, source TEXT NOT NULL, detail TEXT,
            voids INTEGER REFERENCES assignments(id), created_at TEXT NOT NULL)""",
        "CREATE UNIQUE INDEX assignments_voids ON assignments(voids) WHERE voids IS NOT NULL",
        """CREATE TABLE assignment_items (
            assignment_id INTEGER NOT NULL REFERENCES assignments(id),
            commitment_id INTEGER NOT NULL REFERENCES commitments(id),
            leads TEXT NOT NULL, partners TEXT NOT NULL, deadline TEXT, deadline_text TEXT,
            corrections TEXT,
            PRIMARY KEY (assignment_id, commitment_id)) WITHOUT ROWID""",
        "CREATE INDEX assignment_items_commitment ON assignment_items(commitment_id, assignment_id)",
        """CREATE TABLE commitment_units (
            commitment_id INTEGER NOT NULL REFERENCES commitments(id),
            role TEXT NOT NULL, position INTEGER NOT NULL,
            unit_id INTEGER NOT NULL REFERENCES units(id),
            PRIMARY KEY (commitment_id, role, position)) WITHOUT ROWID""",
        "CREATE INDEX commitment_units_unit ON commitment_units(unit_id, role, commitment_id)",
        "ALTER TABLE commitments ADD COLUMN lead_unit TEXT",
        "ALTER TABLE commitments ADD COLUMN partner_units TEXT",
        "ALTER TABLE commitments ADD COLUMN extracted_lead_unit TEXT",
        "ALTER TABLE commitments ADD COLUMN extracted_partner_units TEXT",
        """CREATE TABLE forms (
            id INTEGER PRIMARY KEY, form_id TEXT NOT NULL UNIQUE,
            unit_id INTEGER NOT NULL REFERENCES units(id), sent TEXT NOT NULL, due TEXT,
            file_name TEXT, events_seen INTEGER NOT NULL, created_at TEXT NOT NULL)""",
        "CREATE INDEX forms_unit ON forms(unit_id, id)",
        """CREATE TABLE form_items (
            form_id INTEGER NOT NULL REFERENCES forms(id),
            commitment_id INTEGER NOT NULL REFERENCES commitments(id), digest TEXT NOT NULL,
            PRIMARY KEY (form_id, commitment_id)) WITHOUT ROWID""",
        "CREATE INDEX form_items_commitment ON form_items(commitment_id)",
        """CREATE TABLE unit_reports (
            id INTEGER PRIMARY KEY,
            commitment_id INTEGER NOT NULL REFERENCES commitments(id),
            unit_id INTEGER NOT NULL REFERENCES units(id),
            form_id INTEGER NOT NULL REFERENCES forms(id),
            status TEXT, progress TEXT NOT NULL, value TEXT NOT NULL, evidence TEXT NOT NULL,
            reporter TEXT NOT NULL, phone TEXT NOT NULL, filled_on TEXT, digest TEXT NOT NULL,
            conflict TEXT, state TEXT NOT NULL DEFAULT 'pending', collected_at TEXT NOT NULL)""",
        "CREATE UNIQUE INDEX unit_reports_once ON unit_reports(form_id, commitment_id, digest)",
        "CREATE INDEX unit_reports_commitment ON unit_reports(commitment_id, id)",
        "CREATE INDEX unit_reports_unit ON unit_reports(unit_id, id)",
        """CREATE TABLE unit_report_decisions (
            id INTEGER PRIMARY KEY,
            unit_report_id INTEGER NOT NULL REFERENCES unit_reports(id),
            decision TEXT NOT NULL, event_id INTEGER REFERENCES events(id),
            voids INTEGER REFERENCES unit_report_decisions(id), created_at TEXT NOT NULL)""",
        "CREATE INDEX unit_report_decisions_report ON unit_report_decisions(unit_report_id)",
        "CREATE UNIQUE INDEX unit_report_decisions_voids ON unit_report_decisions(voids) "
        "WHERE voids IS NOT NULL",
    ):
        db.conn.execute(sql)


def pending(db: Database) -> list[str]:
    """Names of migrations not yet applied to db."""
    return [m.name for m in MIGRATIONS.pending(db)]


def apply(db: Database) -> None:
    """Bring db up to the newest schema."""
    MIGRATIONS.apply(db)
