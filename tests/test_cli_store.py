"""The store commands of `tracker`: exit codes, output, JSON, aliases, one-line errors."""

from __future__ import annotations

import sys

import json

import pytest

from tracker.cli.main import main
from tracker.store import Filter, Store

from conftest import seed


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.db"
    assert main(["--db", str(path), "import", str(seed("001")), str(seed("002"))]) == 0
    return path


def run(db, *args, capsys):
    code = main(["--db", str(db), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_reports_progress_on_a_terminal_and_summary(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code, out, err = run(tmp_path / "x.db", "import", seed("001"), capsys=capsys)
    assert code == 0 and "+1" in out and "100%" in err
    code, out, _ = run(tmp_path / "x.db", "import", seed("001"), capsys=capsys)
    assert code == 0 and "skipped 1" in out


def test_list_json_carries_subject_and_shows_it_before_the_clause(db, capsys):
    code, out, _ = run(db, "list", "--kind", "project", "--json", capsys=capsys)
    rows = json.loads(out)
    assert code == 0 and all("subject" in r and "stretch" in r for r in rows)
    hit = [r for r in rows if r["text"] == "力争3月份开工建设"]
    assert hit and hit[0]["subject"] == "国能煤电项目"
    code, out, _ = run(db, "list", "--kind", "project", capsys=capsys)
    assert "国能煤电项目：力争3月份开工建设" in out


def test_list_json_and_filters(db, capsys):
    code, out, _ = run(db, "list", "--json", capsys=capsys)
    rows = json.loads(out)
    assert code == 0 and rows and {"id", "kind", "text", "target", "status"} <= set(rows[0])
    code, out, _ = run(db, "list", "--kind", "target", "--json", capsys=capsys)
    assert {r["kind"] for r in json.loads(out)} == {"target"}
    word = rows[0]["text"][:3]
    code, out, _ = run(db, "list", "--search", word, "--json", capsys=capsys)
    assert all(word in r["text"] for r in json.loads(out)) and json.loads(out)
    code, out, _ = run(db, "list", "--sort", "text", "--desc", "--limit", "5", "--json", capsys=capsys)
    texts = [r["text"] for r in json.loads(out)]
    assert len(texts) == 5


def test_mark_with_chinese_status_then_history_and_undo(db, capsys):
    with Store.open(db) as s:
        a, b = s.query(Filter())[:2]
    code, out, _ = run(db, "mark", a, b, "部分完成", "--note", "过半", "--progress", "55", "--actual", "3.1",
                       capsys=capsys)
    assert code == 0 and "partial" in out
    code, out, _ = run(db, "list", "--status", "部分完成", "--json", capsys=capsys)
    assert sorted(r["id"] for r in json.loads(out)) == sorted([a, b])
    code, out, _ = run(db, "history", a, "--json", capsys=capsys)
    event = json.loads(out)[0]
    assert (event["status"], event["note"], event["progress"], event["actual_value"]) == ("partial", "过半", 0.55, 3.1)
    assert run(db, "undo", a, capsys=capsys)[0] == 0
    code, out, _ = run(db, "history", a, capsys=capsys)
    assert "undo #" in out and "undone by" in out       # the undo is kept in the history
    code, out, _ = run(db, "list", "--status", "unmarked", "--json", capsys=capsys)
    assert a in [r["id"] for r in json.loads(out)]


def test_show_marks_the_commitment_in_its_paragraph(db, capsys):
    with Store.open(db) as s:
        cid = s.query(Filter(kind="target"))[0]
        text = s.commitment(cid)["text"]
    code, out, _ = run(db, "show", cid, capsys=capsys)
    assert code == 0 and f"【{text[:5]}" in out and "】" in out
    code, out, _ = run(db, "show", cid, "--json", capsys=capsys)
    data = json.loads(out)
    assert data["id"] == cid and data["source"]["marks"]


def test_correct_and_reports_and_set_year(db, capsys):
    with Store.open(db) as s:
        cid = s.query(Filter(kind="target"))[0]
    code, out, _ = run(db, "correct", cid, "value=12.5", "unit=%", capsys=capsys)
    assert code == 0 and "-> 12.5" in out
    code, out, _ = run(db, "reports", "--json", capsys=capsys)
    report = json.loads(out)[0]
    assert run(db, "set-year", report["id"], "2030", capsys=capsys)[0] == 0
    code, out, _ = run(db, "reports", capsys=capsys)
    assert "2030*" in out
    assert run(db, "reextract", capsys=capsys)[0] == 0
    with Store.open(db) as s:
        assert s.commitment(cid)["value"] == 12.5
        assert next(r for r in s.reports() if r["id"] == report["id"])["plan_year"] == 2030
    assert run(db, "set-year", report["id"], "none", capsys=capsys)[0] == 0


def test_backup(db, tmp_path, capsys):
    dest = tmp_path / "备份.db"
    code, out, _ = run(db, "backup", dest, capsys=capsys)
    assert code == 0 and dest.exists()
    with Store.open(dest) as b, Store.open(db) as s:
        assert b.count(Filter()) == s.count(Filter())


@pytest.mark.parametrize("args, fragment", [
    (["mark", "1", "finished"], "unknown status"),
    (["mark", "999999", "done"], "999999"),
    (["mark", "done"], "give one or more ids"),
    (["show", "424242"], "424242"),
    (["correct", "1", "colour=red"], "colour"),
    (["correct", "1", "value"], "FIELD=VALUE"),
    (["correct", "1", "deadline=next week"], "YYYY-MM-DD"),
    (["list", "--sort", "nonsense"], "nonsense"),
    (["list", "--as-of", "yesterday"], "yesterday"),
    (["set-year", "1", "twenty"], "twenty"),
    (["undo", "1"], "nothing to undo"),
])
def test_errors_are_one_line(db, capsys, args, fragment):
    code, out, err = run(db, *args, capsys=capsys)
    assert code == 1 and fragment in err and len(err.strip().split("\n")) == 1
