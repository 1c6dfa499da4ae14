"""Completing the extraction by hand (store/curate.py, cli/curate.py): add a missed item,
drop one that is no commitment, restore, split, merge, re-word; each logged, undoable and
kept across re-extraction and re-import."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import seed
from tracker.cli.main import main
from tracker.errors import UserError
from tracker.extract.selection import prefill
from tracker.importer import import_files, reextract
from tracker.sheet.build import sheet_data
from tracker.store import Filter, Store

# Seed 001, line 57: a dated project pledge the extractor misses (its only figure, 110KV,
# is a specification, not a pledged quantity) — a real miss.
MISSED = "全面建成中水管线、进厂主线道路、110KV启备电源等配套基础设施工程"
# The same report, line 51: a target clause (for the prefill of a target).
TARGET_CLAUSE = "居民消费价格涨幅控制在省市规定目标以内"


def _report(store) -> int:
    return next(r["id"] for r in store.reports() if r["plan_year"] == 2025)


def _targets(store, **kw) -> list[int]:
    return store.query(Filter(kind="target", **kw), order="position")


def test_add_places_the_text_on_its_line_and_survives_reextract(store):
    before = store.count(Filter())
    fields = prefill(MISSED, 2025)
    cid = store.curation.add(_report(store), MISSED, **fields)
    c = store.commitment(cid)
    assert (c["kind"], c["line"], c["origin"], c["stale"], c["dropped"]) == ("project", 57, "user", False, False)
    src = store.source(cid)
    line_text = dict(src["lines"])[57]
    (no, a, b), = src["marks"]
    assert no == 57 and line_text[a:b] == MISSED
    target = store.curation.add(_report(store), TARGET_CLAUSE, **prefill(TARGET_CLAUSE, 2025))
    t = store.commitment(target)
    assert (t["kind"], t["indicator"], t["line"]) == ("target", "居民消费价格涨幅", 51)
    before += 1
    assert store.count(Filter()) == before + 1
    result = reextract(store)
    assert result.stale == 0
    assert store.commitment(cid)["stale"] is False and store.count(Filter()) == before + 1
    assert [k["action"] for k in store.curation.history(cid)] == ["add"]


def test_add_of_text_not_in_the_report_needs_a_line(store):
    with pytest.raises(UserError, match="行号") as refused:
        store.curation.add(_report(store), "本报告中没有的一句话")
    assert "--" not in str(refused.value)      # the store names no CLI flag (issue 25)
    cid = store.curation.add(_report(store), "本报告中没有的一句话", line=60)
    assert store.commitment(cid)["line"] == 60
    with pytest.raises(UserError, match="no such report"):
        store.curation.add(999, MISSED)
    with pytest.raises(UserError, match="empty"):
        store.curation.add(_report(store), "   ")


def test_drop_hides_everywhere_shows_under_its_filter_and_survives_reextract(store):
    wrong = _targets(store)[1]
    total = store.count(Filter())
    store.curation.drop([wrong], note="重复")
    assert wrong not in store.query(Filter())
    assert store.count(Filter()) == total - 1
    assert store.query(Filter(dropped=True)) == [wrong]
    assert wrong not in {r.cid for r in sheet_data(store, Filter()).rows}
    assert store.rows([wrong])[wrong]["dropped"] is True
    reextract(store)
    assert store.query(Filter(dropped=True)) == [wrong] and store.count(Filter()) == total - 1
    assert store.stats(Filter())["total"] == total - 1
    with pytest.raises(UserError, match="already dropped"):
        store.curation.drop([wrong])
    assert store.curation.restore(wrong) == [wrong]
    assert store.count(Filter()) == total and not store.query(Filter(dropped=True))
    words = [k["words"] for k in store.curation.history(wrong)]
    assert words == ["撤销：不是承诺", "不是承诺：重复"]
    with pytest.raises(UserError, match="not dropped"):
        store.curation.restore(wrong)


def test_edits_survive_reimport_of_an_edited_file(tmp_path):
    text = seed("001").read_text(encoding="utf-8")
    first, second = tmp_path / "a" / "报告.txt", tmp_path / "b" / "报告.txt"
    first.parent.mkdir()
    second.parent.mkdir()
    first.write_text(text, encoding="utf-8")
    # The next version adds a paragraph before the targets: every line number moves.
    second.write_text(text.replace("主要预期目标是", "（补充说明一段。）\n\n主要预期目标是", 1), encoding="utf-8")
    with Store.open(tmp_path / "t.db") as store:
        import_files(store, [first])
        rid = _report(store)
        added = store.curation.add(rid, MISSED, **prefill(MISSED, 2025))
        wrong = _targets(store)[1]
        store.curation.drop([wrong])
        import_files(store, [second])
        assert store.commitment(wrong)["dropped"] is True
        c = store.commitment(added)
        assert c["stale"] is False and c["line"] == 59       # re-placed in the new version
        doc = store.reports()[-1]["document_id"]
        assert c["document_id"] == doc


def test_split_and_merge_replace_the_originals(store):
    t = _targets(store)
    total = store.count(Filter())
    both = store.commitment(t[3])["text"]          # 城乡居民人均可支配收入分别增长7%和8%
    kid, parts = store.curation.split(t[3], [{"text": "城乡居民人均可支配收入分别增长7%", "value": 7},
                                    {"text": "和8%", "value": 8}])
    assert store.commitment(t[3])["dropped"] is True
    assert [store.commitment(p)["kind"] for p in parts] == ["target", "target"]
    assert [store.commitment(p)["line"] for p in parts] == [51, 51]
    assert store.count(Filter()) == total + 1
    _, merged = store.curation.merge([t[0], t[2]])
    m = store.commitment(merged)
    assert m["text"] == store.commitment(t[0])["text"] + "；" + store.commitment(t[2])["text"]
    assert store.count(Filter()) == total
    assert [k["words"] for k in store.curation.history(t[0])] == [f"与 #{t[2]} 合并为 #{merged}"]
    reextract(store)
    assert store.count(Filter()) == total
    # Undo the split: the original is back, its parts hidden; redo brings them back.
    store.curation.undo(kid)
    assert store.commitment(t[3])["dropped"] is False and store.commitment(t[3])["text"] == both
    assert all(store.commitment(p)["dropped"] for p in parts)
    store.curation.restore(parts[0])
    assert store.commitment(t[3])["dropped"] is True and not store.commitment(parts[1])["dropped"]
    with pytest.raises(UserError, match="different reports|two"):
        store.curation.merge([t[0]])


def test_split_takes_any_wording_and_keeps_the_source_span(store):
    """Issue 25 item 2: 拆分 into reworded clauses (not quotes of the source) is accepted;
    each part leads back to the original's place in the source."""
    cid = _targets(store)[3]
    original = store.commitment(cid)
    _kid, parts = store.curation.split(cid, [{"text": "城镇居民人均可支配收入增长百分之七"},
                                             {"text": "农村居民人均可支配收入增长百分之八"}])
    for p in parts:
        c = store.commitment(p)
        assert (c["line"], c["start"], c["end"]) == (original["line"], original["start"], original["end"])
        assert store.source(p)["marks"] == store.source(cid)["marks"]


def test_edit_text_is_logged_kept_and_undone(store):
    cid = _targets(store)[0]
    old = store.commitment(cid)["text"]
    kid = store.curation.edit_text(cid, "地区生产总值增长7.2%")
    reextract(store)
    assert store.commitment(cid)["text"] == "地区生产总值增长7.2%"
    assert store.query(Filter(text="7.2%")) == [cid]
    store.curation.undo(kid)
    assert store.commitment(cid)["text"] == old
    reextract(store)
    assert store.commitment(cid)["text"] == old
    assert [k["action"] for k in store.curation.history(cid)] == ["undo", "edit"]


def test_sheet_rows_before_and_after_adding_and_dropping(store):
    before = sheet_data(store, Filter(kind="target"))
    wrong = _targets(store)[4]      # 城乡居民…分别增长7%和8% read twice: the second copy
    store.curation.drop([wrong])
    added = store.curation.add(_report(store), TARGET_CLAUSE, **prefill(TARGET_CLAUSE, 2025))
    after = sheet_data(store, Filter(kind="target"))
    assert after.total == before.total
    texts = [r.text for r in after.rows]
    assert TARGET_CLAUSE in texts and wrong not in {r.cid for r in after.rows}
    assert added in {r.cid for r in after.rows}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "t.db"
    shutil.copy(seed("001"), tmp_path / "001.txt")
    assert main(["--db", str(path), "import", str(tmp_path / "001.txt")]) == 0
    return path


def _run(db, capsys, *args) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _list(db, capsys, *args) -> list[dict]:
    code, out, _ = _run(db, capsys, "list", "--json", *args)
    assert code == 0
    return json.loads(out)


def test_cli_add_drop_restore_history(db, capsys):
    rid = next(r["id"] for r in json.loads(_run(db, capsys, "reports", "--json")[1]) if r["plan_year"] == 2025)
    n = len(_list(db, capsys))
    code, out, _ = _run(db, capsys, "add", str(rid), MISSED)
    assert code == 0 and "第57行" in out and "project" in out
    cid = int(out.split("#")[1].split()[0])
    code, out, _ = _run(db, capsys, "add", str(rid), "年底前建成城市书房10处", "--line", "60")
    assert code == 0 and "project" in out and "年底前" in out
    assert len(_list(db, capsys)) == n + 2
    assert _run(db, capsys, "drop", str(cid), "--note", "试一下")[0] == 0
    assert [r["id"] for r in _list(db, capsys, "--dropped")] == [cid]
    assert cid not in {r["id"] for r in _list(db, capsys)}
    assert _run(db, capsys, "reextract")[0] == 0
    assert [r["id"] for r in _list(db, capsys, "--dropped")] == [cid]
    code, out, _ = _run(db, capsys, "history", str(cid))
    assert "不是承诺：试一下" in out and "添加为承诺" in out
    code, out, _ = _run(db, capsys, "restore", str(cid))
    assert code == 0 and f"#{cid}" in out
    assert cid in {r["id"] for r in _list(db, capsys)}


def test_cli_split_merge_edit(db, capsys):
    t = [r["id"] for r in _list(db, capsys, "--kind", "target")]
    code, out, _ = _run(db, capsys, "split", str(t[3]), "城乡居民人均可支配收入分别增长7%", "和8%")
    assert code == 0 and out.count("第51行") == 2
    code, out, _ = _run(db, capsys, "merge", str(t[0]), str(t[1]))
    assert code == 0 and "地区生产总值增长7.2%以上；社会消费品零售总额增长6%以上" in out
    code, out, _ = _run(db, capsys, "edit", str(t[2]), "一般公共预算收入增长7%以上")
    assert code == 0
    code, out, _ = _run(db, capsys, "history", str(t[2]))
    assert "修改文字" in out and "一般公共预算收入增长7%以上" in out
    code, out, _ = _run(db, capsys, "history", str(t[3]))
    assert "拆分为" in out


@pytest.mark.parametrize("args, fragment", [
    (["drop", "9999"], "9999"),
    (["restore", "1"], "not dropped"),
    (["split", "1", "只有一段"], "two"),
    (["merge", "1"], "two"),
    (["add", "9999", "文字"], "no such report"),
    (["add", "1", "原文里没有这句话"], "--line"),
    (["edit", "1", ""], "empty"),
])
def test_cli_errors_are_one_line(db, capsys, args, fragment):
    code, out, err = _run(db, capsys, *args)
    assert code == 1 and fragment in err and len(err.strip().splitlines()) == 1


def test_an_added_item_the_rules_later_find_is_not_duplicated(tmp_path):
    # Version 1 of the report lacks a pledge; the user adds it by hand (by line). Version 2
    # states it, and the rules find it: the user's row stands for it, no duplicate.
    pledge = "新建5G基站80个以上"
    text = seed("001").read_text(encoding="utf-8")
    assert pledge in text
    first, second = tmp_path / "a" / "报告.txt", tmp_path / "b" / "报告.txt"
    first.parent.mkdir()
    second.parent.mkdir()
    first.write_text(text.replace(pledge, ""), encoding="utf-8")
    second.write_text(text, encoding="utf-8")
    with Store.open(tmp_path / "t.db") as store:
        import_files(store, [first])
        added = store.curation.add(_report(store), pledge, line=63, **prefill(pledge, 2025))
        n = store.count(Filter())
        result = import_files(store, [second])
        assert store.count(Filter()) == n and result.added == 0
        assert store.query(Filter(text=pledge)) == [added]
        assert store.commitment(added)["start"] >= 0      # now found in the new version


def test_cli_history_json_holds_marks_undos_and_hand_edits(db, capsys):
    t = [r["id"] for r in _list(db, capsys, "--kind", "target")]
    assert _run(db, capsys, "mark", str(t[2]), "done", "--note", "全年完成")[0] == 0
    assert _run(db, capsys, "undo", str(t[2]))[0] == 0
    assert _run(db, capsys, "edit", str(t[2]), "一般公共预算收入增长7%以上")[0] == 0
    assert _run(db, capsys, "drop", str(t[2]), "--note", "重复")[0] == 0
    assert _run(db, capsys, "restore", str(t[2]))[0] == 0
    code, out, _ = _run(db, capsys, "history", str(t[2]), "--json")
    entries = json.loads(out)
    assert code == 0
    types = [e["type"] for e in entries]
    assert sorted(set(types)) == ["edit", "status", "undo"]
    mark = next(e for e in entries if e["type"] == "status")
    undo = next(e for e in entries if e["type"] == "undo")
    assert mark["status"] == "done" and mark["undone_by"] == undo["id"] and undo["voids"] == mark["id"]
    edits = [e for e in entries if e["type"] == "edit"]
    assert {e["action"] for e in edits} >= {"edit", "drop"}
    text_out = _run(db, capsys, "history", str(t[2]))[1]
    assert all(e["words"] in text_out for e in edits)      # the same timeline as the text
    stamps = [e["created_at"] for e in entries]
    assert stamps == sorted(stamps, reverse=True)
    code, out, _ = _run(db, capsys, "split", str(t[3]), "城乡居民人均可支配收入分别增长7%", "和8%")
    split = next(e for e in json.loads(_run(db, capsys, "history", str(t[3]), "--json")[1])
                 if e["type"] == "edit")
    assert split["action"] == "split" and len(split["related"]) == 2


def test_list_dropped_prints_its_count_after_the_rows(tmp_path):
    """Rows on stdout, the count on stderr: into one pipe (2>&1) the count is its own last line."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    db = tmp_path / "l.db"
    with Store.open(db) as s:
        import_files(s, [seed("001"), seed("002")])
        s.curation.drop(s.query(Filter()), note="试")        # enough rows to fill a pipe's buffer
        hidden = s.count(Filter(dropped=True))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}   # buffered, as usual
    proc = subprocess.run([sys.executable, "-m", "tracker", "--db", str(db), "list", "--dropped"], cwd=ROOT,
                          env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120)
    lines = proc.stdout.splitlines()
    assert proc.returncode == 0 and len(proc.stdout.encode()) > 8192
    assert lines[-1] == f"共 {hidden} 条 / {hidden} commitments"
    assert sum("共 " in line for line in lines) == 1 and len(lines) == hidden + 1
