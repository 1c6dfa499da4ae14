"""Re-import of an edited document and re-extraction keep every mark, note and correction."""

from __future__ import annotations

import shutil

import pytest

from tracker.store import Filter, Store
from tracker.display import _num
from tracker.importer import import_files, reextract

from conftest import seed


def _events(store, ids):
    return {cid: [(e["status"], e["note"]) for e in store.history(cid)] for cid in ids}


@pytest.fixture
def marked(tmp_path):
    """Seed 001 imported under a Chinese name with spaces; every commitment marked, one corrected."""
    doc = tmp_path / "肃州 报告 2025.txt"
    shutil.copy(seed("001"), doc)
    store = Store.open(tmp_path / "t.db")
    import_files(store, [doc])
    ids = store.query(Filter())
    for i, cid in enumerate(ids):
        store.marks.mark([cid], "in_progress", note=f"备注{i}", progress=0.25)
    store.corrections.correct(ids[-1], category="人工修正的章节")
    yield store, doc, ids
    store.close()


def test_reextract_keeps_everything(marked):
    store, _, ids = marked
    before = _events(store, ids)
    r = reextract(store)
    assert r.kept == len(ids) and r.added == 0 and r.stale == 0
    assert _events(store, ids) == before
    assert store.commitment(ids[-1])["category"] == "人工修正的章节"
    assert sorted(store.query(Filter())) == sorted(ids)


def test_edited_reimport_keeps_marks_and_flags_stale(marked):
    store, doc, ids = marked
    rows = store.rows(ids)
    lines = doc.read_text(encoding="utf-8").split("\n")
    # Edit the number of one target in place ("增长7.2%" -> "增长7.29%") ...
    edited = next(r for r in rows.values() if r["kind"] == "target" and store.commitment(r["id"])["value"]
                  and _num(store.commitment(r["id"])["value"]) in r["text"]
                  and lines[r["line"] - 1].count(r["text"]) == 1)
    num = _num(store.commitment(edited["id"])["value"])
    new_text = edited["text"].replace(num, num + "9", 1)
    lines[edited["line"] - 1] = lines[edited["line"] - 1].replace(edited["text"], new_text)
    # ... and delete a line holding other commitments only.
    on_line = {}
    for r in rows.values():
        on_line.setdefault(r["line"], []).append(r["id"])
    gone_line = next(n for n in sorted(on_line, reverse=True) if n != edited["line"])
    gone = on_line[gone_line]
    del lines[gone_line - 1]
    doc.write_text("\n".join(lines), encoding="utf-8")

    before = _events(store, ids)
    r = import_files(store, [doc])
    # Every commitment here is marked: those not found again are held visible (never
    # silently stale) and named in the result, until the user decides (issue 11).
    assert r.documents_added == 1 and r.stale == 0 and sorted(r.held) == sorted(gone)
    # Every id still has its events; the edited one kept its id and shows the new text.
    assert _events(store, ids) == before
    assert store.commitment(edited["id"])["text"] == new_text
    assert not store.commitment(edited["id"])["stale"]
    assert store.commitment(ids[-1])["category"] == "人工修正的章节" or ids[-1] in gone
    current = set(store.query(Filter()))
    assert set(gone) <= current
    assert not any(store.rows(gone)[g]["stale"] for g in gone)
    # Lines after the deleted one moved up by one in the new version.
    moved = [i for i in ids if rows[i]["line"] > gone_line and i not in gone]
    assert all(store.rows([i])[i]["line"] == rows[i]["line"] - 1 for i in moved)
    # The same edited file again is a no-op; re-extraction still holds the marked ones.
    assert import_files(store, [doc]).documents_skipped == 1
    r2 = reextract(store)
    assert r2.stale == 0 and set(store.query(Filter())) == current


def test_unrelated_files_with_look_alike_reports_do_not_merge(tmp_path):
    # 004 holds reports with neither region nor plan year ("政府部门年终总结"): weak identities.
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(seed("004"), a)
    b.write_text(seed("004").read_text(encoding="utf-8") + "\n附：另一份文件\n", encoding="utf-8")
    with Store.open(tmp_path / "t.db") as store:
        first = import_files(store, [a])
        second = import_files(store, [b])
        assert second.stale == 0 and second.kept <= first.added
        weak = [r for r in store.reports() if not (r["region"] and r["plan_year"])]
        assert {r["document"] for r in weak} == {"a.txt", "b.txt"}


def test_reextract_finds_a_report_whose_region_is_read_only_now(marked):
    store, _, ids = marked
    before = _events(store, ids)
    rid = store.commitment(ids[0])["report_id"]
    # As an older rule set would have stored it: no region read from the text.
    store.conn.execute("UPDATE reports SET region = NULL, extracted_region = NULL WHERE id = ?", (rid,))
    r = reextract(store)
    assert r.added == 0 and r.stale == 0 and r.kept == len(ids)
    assert store.commitment(ids[0])["region"] is not None
    assert _events(store, ids) == before


def test_reextract_stales_a_report_no_longer_found(marked):
    store, _, ids = marked
    rid = store.commitment(ids[0])["report_id"]
    # A stored report under a different known region is not the one re-extracted now.
    store.conn.execute("UPDATE reports SET region = '别的区', extracted_region = '别的区' WHERE id = ?", (rid,))
    r = reextract(store)
    # All of them marked: held visible beside the new report's, not stale (issue 11).
    assert r.added == len(ids) and r.stale == 0 and sorted(r.held) == sorted(ids)
    assert not any(store.commitment(i)["stale"] for i in ids)
    assert _events(store, ids)[ids[0]][0][:2] == ("in_progress", "备注0")
    assert store.count(Filter()) == 2 * len(ids)
