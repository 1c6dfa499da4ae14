"""A report's identity set by the user (issue 21 parts 2–3): region, year, title, kind, removal,
region merges; recorded edits that survive re-import and reextract; the CLI's words."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import ROOT, seed
from tracker.cli.main import main
from tracker.importer import import_files, reextract
from tracker.store import Filter, Store
from tracker.store.changes import Ref

NOTICE = ROOT / "tests" / "data" / "notice_minsheng_2025.html"    # names no government: uncertain


def _report(store, rid: int) -> dict:
    return next(r for r in store.reports() if r["id"] == rid)


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "t.db")
    import_files(s, [seed("001"), NOTICE])
    yield s
    s.close()


def test_set_region_year_title_kind_and_undo(store) -> None:
    rid = next(r["id"] for r in store.reports() if r["region"] is None)
    assert _report(store, rid)["identity_uncertain"]
    rows = store.report_edits.set_identity(rid, region="芜湖", plan_year=2025, title="市十大民生实事", kind="list")
    r = _report(store, rid)
    assert (r["region"], r["plan_year"], r["title"], r["kind"], r["identity_uncertain"]) == \
        ("芜湖市", 2025, "市十大民生实事", "list", False)        # one spelling: 芜湖 = 芜湖市
    ids = store.query(Filter(report_id=rid))
    assert ids and all(store.commitment(i)["region"] == "芜湖市" for i in ids)
    store.changes.void_all([Ref("report", r) for r in rows])
    r = _report(store, rid)
    assert (r["region"], r["title"], r["identity_uncertain"]) == (None, "市政府关于公布2025年十大民生实事项目的通知", True)


def test_confirming_a_guess_settles_it(store) -> None:
    rid = next(r["id"] for r in store.reports() if r["region"] is None)
    store.report_edits.set_identity(rid, region="芜湖市")
    store.report_edits.set_identity(rid, confirm=("plan_year",))
    assert not _report(store, rid)["identity_uncertain"]


def test_edits_survive_reimport_and_reextract(store, tmp_path) -> None:
    rid = next(r["id"] for r in store.reports() if r["region"] is None)
    store.report_edits.set_identity(rid, region="芜湖市", title="十大民生实事")
    store.report_edits.remove(rid)
    copy = tmp_path / NOTICE.name
    shutil.copy(NOTICE, copy)
    copy.write_text(copy.read_text(encoding="utf-8").replace("总投资约46.8亿元", "总投资约47亿元"), encoding="utf-8")
    import_files(store, [copy], force=True)      # an edited version of the same page
    reextract(store)
    r = _report(store, rid)
    assert (r["region"], r["title"], r["dropped"]) == ("芜湖市", "十大民生实事", True)
    assert len([x for x in store.reports() if x["title"] == "十大民生实事"]) == 1


def test_remove_and_restore_a_report_holding_a_mark(store) -> None:
    cid = store.query(Filter(kind="target"))[0]
    rid = store.commitment(cid)["report_id"]
    store.marks.mark([cid], "done", note="统计公报")
    total = store.count(Filter())
    assert store.report_edits.user_data(rid)["marks"] == 1
    store.report_edits.remove(rid)
    assert store.count(Filter()) < total and cid not in store.query(Filter())
    assert _report(store, rid)["dropped"] and all(t["dropped"] for t in store.tree() if t["report_id"] == rid)
    store.report_edits.restore(rid)
    assert store.count(Filter()) == total
    assert store.commitment(cid)["status"] == "done"           # the mark came back with it


def test_region_merge_files_a_spelling_under_another(store) -> None:
    rid = next(r["id"] for r in store.reports() if r["region"] is None)
    store.report_edits.set_identity(rid, region="芜湖县")     # renamed 湾沚区 in 2020: one place to the user
    merge = store.report_edits.merge_region("芜湖县", "湾沚区")
    assert _report(store, rid)["region"] == "湾沚区"
    import_files(store, [seed("002")])
    store.report_edits.set_identity(store.reports()[-1]["id"], region="芜湖县")   # set later: merged too
    assert store.reports()[-1]["region"] == "湾沚区"
    store.changes.void("region_merge", merge)
    assert {_report(store, rid)["region"], store.reports()[-1]["region"]} == {"芜湖县"}


# -- the command line ---------------------------------------------------------------------
def _cli(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_files_its_best_guess_and_says_so_in_one_line(tmp_path, capsys) -> None:
    db = str(tmp_path / "c.db")
    code, out, err = _cli(capsys, "import", str(NOTICE), str(seed("001")), "--db", db)
    assert code == 0
    notes = [line for line in err.splitlines() if line.startswith("提示")]
    assert len(notes) == 1 and NOTICE.name in notes[0] and "tracker report" in notes[0]
    code, out, _ = _cli(capsys, "reports", "--json", "--db", db)
    rows = json.loads(out)
    assert [list(r)[:8] for r in rows][0] == ["id", "region", "plan_year", "title", "kind", "document_path",
                                             "dropped", "identity_uncertain"]
    assert [(r["region"], r["identity_uncertain"], r["dropped"]) for r in rows] == \
        [(None, True, False), ("肃州区", False, False)]


def test_report_command_sets_fields_and_set_year_is_its_alias(tmp_path, capsys) -> None:
    db = str(tmp_path / "c.db")
    _cli(capsys, "import", str(NOTICE), "--db", db)
    code, out, _ = _cli(capsys, "report", "1", "--region", "云南", "--kind", "实事清单", "--json", "--db", db)
    row = json.loads(out)
    assert code == 0 and (row["region"], row["kind"], row["identity_uncertain"]) == ("云南省", "list", False)
    assert _cli(capsys, "set-year", "1", "2024", "--db", db)[0] == 0
    assert json.loads(_cli(capsys, "report", "1", "--json", "--db", db)[1])["plan_year"] == 2024
    code, _, err = _cli(capsys, "report", "1", "--kind", "memo", "--db", db)
    assert code == 1 and len(err.strip().splitlines()) == 1


def test_remove_report_asks_only_for_the_users_work(tmp_path, capsys) -> None:
    db = str(tmp_path / "c.db")
    _cli(capsys, "import", str(seed("001")), str(NOTICE), "--db", db)
    rows = {r["title"][:4]: r["id"] for r in json.loads(_cli(capsys, "reports", "--json", "--db", db)[1])}
    plan, notice = rows["2025"], rows["市政府关"]
    assert _cli(capsys, "remove-report", str(notice), "--db", db)[0] == 0       # nothing of the user's: no question
    with Store.open(db) as s:
        cid = s.query(Filter(report_id=plan))[0]
        s.marks.mark([cid], "in_progress")
    code, _, err = _cli(capsys, "remove-report", str(plan), "--db", db)         # no terminal: refused
    assert code == 1 and len(err.strip().splitlines()) == 1 and "--yes" in err
    assert _cli(capsys, "remove-report", str(plan), "--yes", "--db", db)[0] == 0
    listed = json.loads(_cli(capsys, "list", "--json", "--db", db)[1])
    assert listed == []
    assert json.loads(_cli(capsys, "reports", "--json", "--db", db)[1]) == []
    assert all(r["dropped"] for r in json.loads(_cli(capsys, "reports", "--all", "--json", "--db", db)[1]))
    assert _cli(capsys, "restore-report", str(plan), "--db", db)[0] == 0
    listed = json.loads(_cli(capsys, "list", "--json", "--db", db)[1])
    assert any(r["id"] == cid and r["status"] == "in_progress" for r in listed)
