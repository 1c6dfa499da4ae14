"""Store: import, browse (filters, order, FTS), edits, suggestions, backup — real seeds, real SQLite."""

from __future__ import annotations

import random
import sqlite3
from datetime import date

import pytest

from tracker.errors import UserError
from tracker.search_terms import search_terms
from tracker.store import ROW_FIELDS, Filter, Store
from tracker.store.query import format_target
from tracker.importer import import_files, reextract

from conftest import SEEDS, seed


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory):
    """A store with all five seeds imported once (copied per test)."""
    path = tmp_path_factory.mktemp("seeded") / "tracker.db"
    with Store.open(path) as store:
        import_files(store, sorted(SEEDS.glob("*.txt")))
    return path


@pytest.fixture
def store(seeded_db, tmp_path):
    """A private copy of the seeded store."""
    src = sqlite3.connect(seeded_db)
    dest = tmp_path / "copy.db"
    target = sqlite3.connect(dest)
    src.backup(target)
    src.close()
    target.close()
    s = Store.open(dest)
    yield s
    s.close()


def test_import_counts_and_skips_same_file(tmp_path):
    with Store.open(tmp_path / "t.db") as s:
        first = import_files(s, [seed("001")])
        assert first.documents_added == 1 and first.added > 0
        again = import_files(s, [seed("001")])
        assert again.documents_added == 0 and again.documents_skipped == 1 and again.added == 0
        assert s.count(Filter()) == first.added


def test_import_stores_lines_and_text(store):
    doc = store.documents()[0]
    lines = store.document_lines(doc["id"], 1, 3)
    raw = (SEEDS / doc["name"]).read_text(encoding="utf-8").split("\n")
    assert [t for _, t in lines] == raw[:3]
    assert store.document_source(doc["id"]).sha256 == doc["sha256"]


def test_cancel_writes_nothing(tmp_path):
    with Store.open(tmp_path / "t.db") as s:
        r = import_files(s, sorted(SEEDS.glob("*.txt")), cancel=lambda: True)
        assert r.cancelled and s.count(Filter()) == 0 and s.documents() == []
        # A cancel inside the second file: the first file stays whole, nothing of the second.
        calls = []
        r = import_files(s, [seed("001"), seed("002")], progress=lambda d, t: calls.append((d, t)),
                           cancel=lambda: len(calls) >= 3)
        assert r.cancelled and [d["name"] for d in s.documents()] == [seed("001").name]


def _like(store, text):
    return sorted(i for (i,) in store.conn.execute(
        "SELECT id FROM commitments WHERE stale = 0 AND text LIKE ? ESCAPE '\\'",
        ["%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"]))


def test_full_text_equals_like(store):
    texts = [t for (t,) in store.conn.execute("SELECT text FROM commitments")]
    rng = random.Random(7)
    queries = ["就业", "增长", "%", "亿元", "7.2%", "GDP", "gdp", "以上", "，", "万人", "不存在的词",
               '"', '""', "*", "AND", "OR", "NEAR", "^", "-", "(", ")", ":", "'", "_", "\\", " ",
               "增 长", "增长 7", "%以上", "a\"b", "NOT 增长"]
    for _ in range(150):
        t = rng.choice(texts)
        a = rng.randrange(len(t))
        queries.append(t[a:a + rng.randint(1, 6)])
    for q in queries:
        # A search is any of its spellings (GDP also finds 生产总值: tracker/search_terms.py).
        expected = sorted({i for term in search_terms(q) for i in _like(store, term)})
        assert sorted(store.query(Filter(text=q))) == expected, q
    assert len(search_terms("GDP")) > 1 and search_terms("就业") == ("就业",)


def test_line_search_equals_like(store):
    hits = store.search_lines("政府工作报告", limit=10_000)
    like = store.conn.execute("SELECT count(*) FROM lines WHERE text LIKE '%政府工作报告%'").fetchone()[0]
    assert len(hits) == like > 0


@pytest.mark.parametrize("order", ["id", "kind", "text", "indicator", "value", "deadline", "status",
                                   "evidence_count", "line", "region", "plan_year", "category"])
def test_query_orders_in_sql(store, order):
    ids = store.query(Filter(), order=order)
    assert sorted(ids) == sorted(store.query(Filter()))
    # Descending reverses the column's order; ties stay in document order (ascending).
    down = store.query(Filter(), order=order, descending=True)
    key = {"status": "current_status", "region": "report_region",
           "plan_year": "report_plan_year"}.get(order, order)
    value = dict(store.conn.execute(f"SELECT id, {key} FROM commitments"))
    runs = [[i for i in ids if value[i] == v] for v in dict.fromkeys(value[i] for i in ids)]
    assert down == [i for run in reversed(runs) for i in run]


def test_unknown_order_is_user_error(store):
    with pytest.raises(UserError):
        store.query(Filter(), order="drop table")


def test_filters_match_row_values(store):
    facets = store.facets()
    assert facets["kinds"] and facets["years"]
    for kind in facets["kinds"]:
        ids = store.query(Filter(kind=kind))
        assert ids and all(r["kind"] == kind for r in store.rows(ids).values())
        assert store.count(Filter(kind=kind)) == len(ids)
    year = facets["years"][0]
    assert all(r["plan_year"] == year for r in store.rows(store.query(Filter(year=year))).values())
    region = facets["regions"][0]
    assert all(r["region"] == region for r in store.rows(store.query(Filter(region=region))).values())
    tree = store.tree()
    report = max(tree, key=lambda t: t["count"])
    assert store.count(Filter(report_id=report["report_id"])) == report["count"]


def test_rows_have_table_fields(store):
    ids = store.query(Filter(kind="target"))[:20]
    rows = store.rows(ids)
    assert set(rows) == set(ids)
    for r in rows.values():
        assert set(ROW_FIELDS) <= set(r)


@pytest.mark.parametrize("fields, expected", [
    ({"measure": "growth", "value": 7.2, "unit": "%", "comparator": ">="}, "增长7.2%以上"),
    ({"measure": "level", "value": 4, "unit": "%", "comparator": "<="}, "≤4%"),
    ({"measure": "growth", "value": 6.5, "value_high": 7, "unit": "%", "comparator": "range"}, "增长6.5%–7%"),
    ({"measure": "level", "value": 6.5, "value_high": 7.0, "unit": "%", "comparator": "range"}, "6.5%–7%"),
    ({"measure": "growth", "value": 3, "unit": "%", "comparator": "≈", "direction": "decrease"}, "下降3%左右"),
    ({"measure": "growth", "value": 15, "unit": "%", "comparator": ">=", "level_value": 150,
      "level_unit": "亿元", "level_comparator": ">="}, "增长15%以上，≥150亿元"),
    ({"measure": "qualitative"}, ""),
])
def test_format_target(fields, expected):
    assert format_target(fields) == expected


def test_mark_updates_status_filters_and_history(store):
    a, b = store.query(Filter())[:2]
    unmarked = store.count(Filter(status="unmarked"))
    events = store.marks.mark([a, b], "已完成", note="年报确认")
    assert len(events) == 2
    assert store.count(Filter(status="done")) == 2
    assert store.count(Filter(status="unmarked")) == unmarked - 2
    store.marks.mark([a], "in_progress", progress=40, evidence_text="截至6月完成40%")
    hist = store.history(a)
    assert [e["status"] for e in hist] == ["in_progress", "done"]
    assert hist[0]["progress"] == pytest.approx(0.4)
    row = store.rows([a])[a]
    assert row["status"] == "in_progress" and row["evidence_count"] == 1
    store.marks.void(hist[0]["id"])
    assert store.rows([a])[a]["status"] == "done"
    assert store.stats(Filter())["by_status"]["done"] == 2


def test_mark_is_one_transaction(store):
    a = store.query(Filter())[0]
    with pytest.raises(UserError):
        store.marks.mark([a, 99_999_999], "done")
    assert store.history(a) == []
    with pytest.raises(UserError):
        store.marks.mark([a], "finished")


def test_overdue_and_behind(store):
    dated = store.query(Filter(), order="deadline", descending=True)
    cid = next(i for i in dated if store.rows([i])[i]["deadline"])
    deadline = date.fromisoformat(store.rows([cid])[cid]["deadline"])
    after = deadline.replace(day=1).replace(year=deadline.year + 1)
    assert cid in store.query(Filter(overdue=True, as_of=after))
    assert cid not in store.query(Filter(overdue=True, as_of=deadline))
    store.marks.mark([cid], "done")
    assert cid not in store.query(Filter(overdue=True, as_of=after))

    year = store.facets()["years"][-1]
    other = store.query(Filter(year=year, status="unmarked"))[0]
    store.marks.mark([other], "in_progress", progress=0.5)
    assert other in store.query(Filter(behind=True, as_of=f"{year}-11-30"))     # 11/12 elapsed
    assert other not in store.query(Filter(behind=True, as_of=f"{year}-06-30"))  # 6/12 elapsed
    assert store.stats(Filter(as_of=f"{year}-11-30"))["behind"] >= 1


def test_correct_survives_and_undoes(store):
    cid = store.query(Filter(kind="target"))[0]
    before = store.commitment(cid)
    rows = store.corrections.correct(cid, value="9.5", indicator="测试指标")
    assert len(rows) == 2
    after = store.commitment(cid)
    assert after["value"] == 9.5 and after["indicator"] == "测试指标"
    assert set(after["corrected_fields"]) == {"value", "indicator"}
    reextract(store)
    assert store.commitment(cid)["value"] == 9.5
    for row in rows:      # undone by their own ids: what the rules read comes back
        store.corrections.void(row)
    again = store.commitment(cid)
    assert (again["value"], again["indicator"]) == (before["value"], before["indicator"])
    with pytest.raises(UserError):
        store.corrections.correct(cid, value="abc")
    with pytest.raises(UserError):
        store.corrections.correct(cid, sha256="x")


def test_correct_text_updates_search(store):
    cid = store.query(Filter())[0]
    store.corrections.correct(cid, text="一个独一无二的修正文字")
    assert store.query(Filter(text="独一无二")) == [cid]


def _assert_sorted_by_report_columns(store):
    """Sorting by region / plan year (copied onto commitments) agrees with the reports table."""
    for order, key in (("plan_year", "plan_year"), ("region", "region")):
        ids = store.query(Filter(), order=order)
        rows = store.rows(ids)
        values = [rows[i][key] for i in ids]
        assert values == sorted(values, key=lambda v: (v is not None, v)), order


def test_set_plan_year(store):
    report = store.reports()[0]
    store.report_edits.set_plan_year(report["id"], 2031)
    assert 2031 in store.facets()["years"] or report["count"] == 0
    assert next(r for r in store.reports() if r["id"] == report["id"])["plan_year_set_by_user"] == 1
    reextract(store)
    assert next(r for r in store.reports() if r["id"] == report["id"])["plan_year"] == 2031
    _assert_sorted_by_report_columns(store)
    store.report_edits.set_plan_year(report["id"], None)
    _assert_sorted_by_report_columns(store)
    assert next(r for r in store.reports() if r["id"] == report["id"])["plan_year"] == report["plan_year"]


def test_suggestions_dedup_reject_accept(store):
    cid = store.query(Filter(kind="target"))[0]
    doc = store.documents()[-1]["id"]
    item = {"status": "done", "actual_value": 7.5, "reason": "7.5% ≥ 7.2%", "score": 0.9,
            "review_document_id": doc, "evidence": [{"text": "增长7.5%", "line": 12, "score": 0.9}]}
    worse = {**item, "status": "partial", "score": 0.4, "evidence": [{"text": "增长", "line": 3}]}
    assert store.evidence.add(cid, [item, worse]) == 2
    assert store.evidence.add(cid, [item, worse]) == 0
    assert store.rows([cid])[cid]["claim"] == "done"
    best, other = store.suggestions(cid)
    store.evidence.reject(other["id"])
    assert store.evidence.add(cid, [worse]) == 0
    decision = store.evidence.accept(best["id"])
    event = store.evidence.event_of(decision)
    h = store.history(cid)[0]
    assert h["id"] == event and h["status"] == "done" and h["evidence_text"] == "增长7.5%"
    assert h["evidence_document_id"] == doc and h["evidence_line"] == 12 and h["actual_value"] == 7.5
    assert [s["state"] for s in store.suggestions(cid)] == ["accepted", "rejected"]
    store.marks.void(event)
    assert store.suggestions(cid)[0]["state"] == "pending"


def test_source_marks_the_commitment(store):
    for cid in store.query(Filter())[:50]:
        c = store.commitment(cid)
        src = store.source(cid)
        assert any(no == c["line"] for no, _ in src["lines"])
        marked = "".join(dict(src["lines"])[no][a:b] for no, a, b in src["marks"])
        assert marked.replace(" ", "") .startswith(c["text"].replace(" ", "")[:4]), cid


def test_unknown_ids_are_user_errors(store):
    for call in (lambda: store.commitment(10**9), lambda: store.source(10**9), lambda: store.history(10**9),
                 lambda: store.marks.void(10**9), lambda: store.report_edits.set_plan_year(10**9, 2024),
                 lambda: store.evidence.accept(10**9)):
        with pytest.raises(UserError):
            call()


def test_backup_is_a_working_store(store, tmp_path):
    cid = store.query(Filter())[0]
    store.marks.mark([cid], "partial", note="备份前")
    dest = store.backup(tmp_path / "备份 copy.db")
    with Store.open(dest) as b:
        assert b.count(Filter()) == store.count(Filter())
        assert b.history(cid)[0]["note"] == "备份前"
    with pytest.raises(UserError):
        store.backup(store.path)


def test_stats_and_facets_agree_with_count(store):
    st = store.stats(Filter())
    assert st["total"] == store.count(Filter()) == sum(st["by_status"].values()) == sum(st["by_kind"].values())
    assert sum(t["count"] for t in store.tree()) == st["total"]


def test_write_to_read_only_store_is_user_error(store):
    cid = store.query(Filter())[0]
    store.conn.execute("PRAGMA query_only = 1")    # what a read-only file or folder gives
    with pytest.raises(UserError, match="cannot write the store"):
        store.marks.mark([cid], "done")
    store.conn.execute("PRAGMA query_only = 0")
    assert store.history(cid) == []


def test_full_text_index_kept_in_step_with_writes(store, tmp_path):
    from tracker.store import fts
    cid = store.query(Filter())[0]
    store.corrections.correct(cid, text="修正后的文字")
    reextract(store)
    import_files(store, [seed("001")])   # already there: skipped, nothing changes
    edited = tmp_path / "edited.txt"
    edited.write_text(seed("003").read_text(encoding="utf-8") + "\n补充一行\n", encoding="utf-8")
    import_files(store, [edited])
    conn = store.conn
    pairs = dict(conn.execute("SELECT id, text FROM commitments"))
    indexed = dict(conn.execute(f"SELECT rowid, body FROM {fts.COMMITMENTS_FTS}"))
    assert indexed == {i: fts.spaced(t) for i, t in pairs.items()}
    lines = conn.execute("SELECT count(*) FROM lines").fetchone()[0]
    assert conn.execute(f"SELECT count(*) FROM {fts.LINES_FTS}").fetchone()[0] == lines


def test_glossary_of_a_report(tmp_path):
    with Store.open(tmp_path / "g.db") as s:
        import_files(s, [seed("001")])      # ends with a 名词解释 section
        rid = s.reports()[0]["id"]
        terms = s.glossary(rid)
        assert len(terms) > 10 and all(t and d for t, d in terms.items())
        reextract(s)
        assert s.glossary(rid) == terms
