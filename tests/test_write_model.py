"""One write model (issue 19): every user change is one transaction with what it derives, its
checks run under the write lock, undo voids only its own row, and decisions on suggestions
are kept by what they are about. Each test here is one of the issue's numbered failures
(two programs are two processes: the `tracker` command beside the app's own store)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import NATIONAL, ROOT, seed
from tracker.importer import import_files, reextract
from tracker.store import Filter, Store
from tracker.verify import suggest

DATA = ROOT / "tests" / "data"

# Another program holding the store's write lock: at once (hold), or the moment another
# program's commit shows (watch), for the seconds given.
LOCKER = r"""
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
mode, hold = sys.argv[2], float(sys.argv[3])
v = c.execute("PRAGMA data_version").fetchone()[0]
if mode == "watch":
    print("ready", flush=True)
    end = time.time() + 60
    while c.execute("PRAGMA data_version").fetchone()[0] == v and time.time() < end:
        time.sleep(0.0005)
c.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(hold)
c.execute("COMMIT")
"""


def tracker(db: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """The `tracker` command as another program on the same store."""
    return subprocess.run([sys.executable, "-m", "tracker", "--db", str(db), *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=timeout)


def locker(db: Path, mode: str, hold: float) -> subprocess.Popen:
    """A program taking the write lock (mode "hold": now; "watch": right after another's commit)."""
    p = subprocess.Popen([sys.executable, "-c", LOCKER, str(db), mode, str(hold)], stdout=subprocess.PIPE,
                         text=True)
    assert p.stdout.readline().strip() == ("locked" if mode == "hold" else "ready")
    return p


@pytest.fixture
def plan(tmp_path):
    """A store with seed 000 (肃州区's 2024 plan) and seed 001 (the 2025 report reviewing it)."""
    db = tmp_path / "t.db"
    with Store.open(db) as s:
        import_files(s, [seed("000"), seed("001")])
    return db


def _target(store: Store) -> int:
    return next(c for c in store.query(Filter(kind="target", year=2024)) if store.commitment(c)["indicator"])


# ---- 1. the app's Ctrl+Z never undoes another program's correction ----------------------
@pytest.mark.parametrize("app_undoes_first", [True, False])
def test_two_programs_undo_their_own_corrections_in_either_order(qtbot, plan, monkeypatch, app_undoes_first):
    from PySide6.QtGui import QUndoStack
    from ui import commands

    errors: list[str] = []
    monkeypatch.setattr(commands, "error_handler", errors.append)
    app = Store.open(plan)
    cid = _target(app)
    extracted = app.commitment(cid)["indicator"]
    stack = QUndoStack()
    stack.push(commands.CorrectCommand(app, cid, {"indicator": "应用里改的指标"}))
    cli = tracker(plan, "correct", str(cid), "indicator=命令行改的指标")
    assert cli.returncode == 0, cli.stderr
    cli_row = cli.stdout.split("--change ")[-1].split()[0]          # correct:N, its own row
    assert app.commitment(cid)["indicator"] == "命令行改的指标"
    if app_undoes_first:
        stack.undo()                                                  # the app's Ctrl+Z
        assert app.commitment(cid)["indicator"] == "命令行改的指标"    # the other's fix stays
        assert tracker(plan, "undo", "--change", cli_row).returncode == 0
    else:
        assert tracker(plan, "undo", "--change", cli_row).returncode == 0
        assert app.commitment(cid)["indicator"] == "应用里改的指标"    # the app's fix stays
        stack.undo()
    assert app.commitment(cid)["indicator"] == extracted and errors == []
    assert app.corrections.list(cid) == [] and app.commitment(cid)["corrected_fields"] == []
    # Nothing deleted: two fixes and the two rows voiding them.
    assert app.conn.execute("SELECT count(*) FROM corrections WHERE commitment_id = ?", (cid,)).fetchone()[0] == 4
    app.close()


def test_undoing_a_reworded_text_keeps_another_programs_wording(qtbot, plan, monkeypatch):
    from PySide6.QtGui import QUndoStack
    from ui import commands

    monkeypatch.setattr(commands, "error_handler", pytest.fail)
    app = Store.open(plan)
    cid = _target(app)
    stack = QUndoStack()
    stack.push(commands.CurateCommand(app, "修改文字", lambda: (app.curation.edit_text(cid, "应用改写的文字"), [])))
    assert tracker(plan, "edit", str(cid), "命令行改写的文字").returncode == 0
    stack.undo()
    # The table and the history agree: the other program's wording stands.
    assert app.commitment(cid)["text"] == "命令行改写的文字"
    edits = app.curation.history(cid)
    standing = [k["detail"]["new"] for k in edits if k["action"] == "edit" and not k["voided"]]
    assert standing == ["命令行改写的文字"] and app.query(Filter(text="命令行改写")) == [cid]
    stack.redo()
    assert app.commitment(cid)["text"] == "应用改写的文字"
    app.close()


# ---- 2. a change that is saved says so, whoever takes the lock after it -------------------
@pytest.mark.parametrize("command", ["correct", "add", "drop"])
def test_a_saved_change_never_reports_busy(plan, command):
    with Store.open(plan) as s:
        cid = _target(s)
        report = s.commitment(cid)["report_id"]
        before = s.count(Filter())
        quote = s.commitment(cid)["text"][:12]
    args = {"correct": ["correct", str(cid), "value=9.9"], "add": ["add", str(report), quote],
            "drop": ["drop", str(cid)]}[command]
    other = locker(plan, "watch", 15)      # takes the lock the moment this change commits
    try:
        done = tracker(plan, *args)
    finally:
        other.kill()
        other.wait()
    assert done.returncode == 0, done.stderr
    with Store.open(plan) as s:
        expected = {"correct": before, "add": before + 1, "drop": before - 1}[command]
        assert s.count(Filter()) == expected      # once: a retry was never needed
        if command == "correct":
            assert s.commitment(cid)["value"] == 9.9


def test_a_correction_and_its_carry_links_are_one_transaction(tmp_path):
    """The 上调/下调 link of a corrected target is right the moment the correction is."""
    with Store.open(tmp_path / "n.db") as s:
        import_files(s, NATIONAL[:2])
        cid, nxt = next((c, k["other_id"]) for c in s.query(Filter(kind="target", year=2012))
                        for k in s.carry_links(c)
                        if k["side"] == "next" and k["other_id"] and k["flag"] == "carried"
                        and s.commitment(c)["value"] is not None)
        s.corrections.correct(cid, value=str(s.commitment(nxt)["value"] - 1))
        assert [k["flag"] for k in s.carry_links(cid) if k["side"] == "next"] == ["raised"]


def _begins(store: Store, before_second=None) -> list[str]:
    """The transactions store's connection begins from now on; before_second() runs as the
    second one is about to begin (after the first has committed)."""
    begun: list[str] = []

    def trace(sql: str) -> None:
        if sql.startswith("BEGIN"):
            begun.append(sql)
            if len(begun) == 2 and before_second is not None:
                before_second()
    store.conn.set_trace_callback(trace)
    return begun


def test_a_plan_year_fixed_with_a_figure_is_one_transaction_and_one_undo(qtbot, plan, monkeypatch):
    """应用更正 with the plan year and the value changed: another program taking the write lock
    the moment anything commits finds the whole fix or none of it; the app never says it
    failed with half of it stored; one Ctrl+Z takes back both, in one transaction."""
    from PySide6.QtGui import QUndoStack
    from ui import commands
    from ui.detail import DetailPane

    errors: list[str] = []
    monkeypatch.setattr(commands, "error_handler", errors.append)
    app = Store.open(plan, timeout=0.5)
    cid = _target(app)
    year, value = app.commitment(cid)["plan_year"], app.commitment(cid)["value"]
    pane = DetailPane(app, QUndoStack())
    qtbot.addWidget(pane)
    pane.show_commitment(cid)
    pane.fields.editors["plan_year"].setText(str(year - 1))
    pane.fields.editors["value"].setText("9.9")
    other = locker(plan, "watch", 2)     # takes the lock the moment a change commits
    # A second transaction would begin only once the other program holds the lock: the
    # interleaving a busy machine gives by chance, every time.
    held: list[str] = []
    begun = _begins(app, lambda: held.append(other.stdout.readline().strip()))
    pane.fields.apply_button.click()
    held = held or [other.stdout.readline().strip()]
    assert held == ["locked"]
    other.wait()
    c = app.commitment(cid)
    assert (c["plan_year"], c["value"], errors) == (year - 1, 9.9, []) and len(begun) == 1
    assert c["report"]["plan_year_set_by_user"]
    assert pane.undo_stack.count() == 1 and set(pane.undo_stack.undoText()[3:].split("、")) == {"数值", "计划年度"}

    begun.clear()
    pane.undo_stack.undo()
    assert errors == [] and len(begun) == 1
    c = app.commitment(cid)
    assert (c["plan_year"], c["value"], c["corrected_fields"]) == (year, value, [])
    assert not c["report"]["plan_year_set_by_user"]
    # Nothing deleted: the fix's two rows and the two voiding them.
    for table in ("corrections", "report_changes"):
        assert app.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 2
    pane.undo_stack.redo()
    assert (app.commitment(cid)["plan_year"], app.commitment(cid)["value"]) == (year - 1, 9.9)
    app.conn.set_trace_callback(None)
    app.close()


def test_the_cli_fixes_the_plan_year_with_other_fields_and_undoes_them_as_one(plan):
    with Store.open(plan) as s:
        cid = _target(s)
        year, value = s.commitment(cid)["plan_year"], s.commitment(cid)["value"]
    other = locker(plan, "watch", 15)     # takes the lock the moment this change commits
    try:
        done = tracker(plan, "correct", str(cid), f"plan_year={year + 1}", "value=9.9")
    finally:
        other.kill()
        other.wait()
    assert done.returncode == 0, done.stderr
    undo = done.stdout.split("撤销 undo: ")[-1].split()
    assert undo[:3] == ["tracker", "undo", "--change"] and [r.split(":")[0] for r in undo[3:]] == ["correct", "report"]
    with Store.open(plan) as s:
        assert (s.commitment(cid)["plan_year"], s.commitment(cid)["value"]) == (year + 1, 9.9)
    assert tracker(plan, *undo[1:]).returncode == 0
    with Store.open(plan) as s:
        assert (s.commitment(cid)["plan_year"], s.commitment(cid)["value"]) == (year, value)
        assert [c["undone"] for c in s.changes.recent(2)] == [True, True]
    bad = tracker(plan, "correct", str(cid), "value=1", "plan_year=明年")
    assert bad.returncode == 1 and "plan_year" in bad.stderr
    with Store.open(plan) as s:
        assert s.commitment(cid)["value"] == value      # refused whole


def _raced(store: Store, step) -> tuple[list[str], list[str]]:
    """Run step() while another program takes the write lock the moment anything commits,
    and, should step() begin a second transaction, holds it then; (what the other program
    said, the transactions step() began)."""
    other = locker(store.path, "watch", 1.5)
    held: list[str] = []
    begun = _begins(store, lambda: held.append(other.stdout.readline().strip()))
    try:
        step()
        held = held or [other.stdout.readline().strip()]
    finally:
        store.conn.set_trace_callback(None)
        other.wait()
    return held, begun


@pytest.mark.parametrize("after_restart", [False, True])
def test_a_multi_row_mark_is_undone_and_redone_as_one_transaction(qtbot, plan, monkeypatch, after_restart):
    """Marking three selected rows is one step: its Ctrl+Z and Ctrl+Y each void (append) all
    three rows in one transaction, so another program taking the lock in between finds the
    step whole or not at all, and the app never says it failed with part of it stored; the
    same for the step read back from the store after a restart."""
    from PySide6.QtGui import QUndoStack
    from ui import commands

    errors: list[str] = []
    monkeypatch.setattr(commands, "error_handler", errors.append)
    with Store.open(plan) as s:
        ids = s.query(Filter(year=2024), order="position")[:3]
    app = Store.open(plan, timeout=0.5)
    stack = QUndoStack()
    if after_restart:
        with Store.open(plan) as s:
            s.marks.mark(ids, "done", note="统计公报")
        assert commands.rebuild_stack(stack, app) == 1
    else:
        stack.push(commands.MarkCommand(app, ids, "done", note="统计公报"))
    assert stack.count() == 1 and [app.commitment(i)["status"] for i in ids] == ["done"] * 3
    for step, status in ((stack.undo, None), (stack.redo, "done"), (stack.undo, None)):
        held, begun = _raced(app, step)
        assert held == ["locked"] and errors == [] and len(begun) == 1
        assert [app.commitment(i)["status"] for i in ids] == [status] * 3
    # Nothing deleted: three marks, three undos, three marks again, three undos.
    assert app.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 12
    assert [e["note"] for e in app.history(ids[0]) if e["voids"] is None] == ["统计公报"] * 2
    app.close()


# ---- 3. the same drop, split or merge never applies twice ---------------------------------
def test_two_merges_raced_against_a_held_lock_apply_once(plan):
    with Store.open(plan) as s:
        a, b = s.query(Filter(year=2024), order="position")[:2]
    holder = locker(plan, "hold", 3)
    runs = [subprocess.Popen([sys.executable, "-m", "tracker", "--db", str(plan), "merge", str(a), str(b)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
            for _ in range(2)]
    outs = [r.communicate(timeout=120) for r in runs]
    holder.wait()
    codes = sorted(r.returncode for r in runs)
    assert codes == [0, 1], outs
    assert "已合并" in next(err for (_, err), r in zip(outs, runs) if r.returncode == 1)
    with Store.open(plan) as s:
        merged = s.conn.execute("SELECT count(*) FROM curations WHERE action = 'merge'").fetchone()[0]
        assert merged == 1 and s.commitment(a)["dropped"] and s.commitment(b)["dropped"]


def test_a_second_drop_is_refused_under_the_lock(plan):
    with Store.open(plan) as s, Store.open(plan) as t:
        cid = _target(s)
        s.curation.drop([cid])
        with pytest.raises(Exception, match="不是承诺"):
            t.curation.drop([cid])


# ---- 4. rejected suggestions never come back ----------------------------------------------
def _reject_some(s: Store, n: int = 10) -> dict[int, set[str]]:
    """Reject every pending suggestion of n commitments; the rejected evidence texts by id."""
    rejected: dict[int, set[str]] = {}
    for cid in s.query(Filter(year=2024, pending=True))[:n]:
        for item in s.suggestions(cid):
            s.evidence.reject(item["id"])
            rejected.setdefault(cid, set()).add(item["evidence"][0]["text"] if item["evidence"] else "")
    return rejected


def _came_back(s: Store, rejected: dict[int, set[str]]) -> list:
    return [(cid, item["id"]) for cid, texts in rejected.items() for item in s.suggestions(cid)
            if item["state"] != "rejected" and (item["evidence"][0]["text"] if item["evidence"] else "") in texts]


def test_rejections_survive_reimport_of_the_review_and_reextraction(plan, tmp_path):
    with Store.open(plan) as s:
        suggest(s, plan_year=2024)
        rejected = _reject_some(s)
        assert len(rejected) == 10
        edited = tmp_path / seed("001").name
        edited.write_text(seed("001").read_text(encoding="utf-8") + "\n（本文件有一处补充。）\n", encoding="utf-8")
        import_files(s, [edited])                    # the review again, one line appended
        suggest(s, plan_year=2024)
        assert _came_back(s, rejected) == []
        reextract(s)
        suggest(s, plan_year=2024)
        assert _came_back(s, rejected) == []
        assert not s.query(Filter(pending=True, year=2024)) or set(s.query(Filter(pending=True))) - set(rejected)


def test_an_upgraded_store_keeps_every_decision_mark_note_and_correction(tmp_path):
    """tests/data/store_m015.db was written by the program before this write model."""
    db = tmp_path / "old.db"
    shutil.copy(DATA / "store_m015.db", db)
    made = json.loads((DATA / "store_m015.json").read_text(encoding="utf-8"))
    with Store.open(db) as s:
        assert s.backup_path is not None and s.store_id
        for cid, sid in made["rejected"]:
            assert next(x for x in s.suggestions(cid) if x["id"] == sid)["state"] == "rejected"
        for cid, sid in made["accepted"]:
            assert next(x for x in s.suggestions(cid) if x["id"] == sid)["state"] == "accepted"
            assert s.commitment(cid)["status"] is not None
        assert s.history(made["marked"])[0]["note"] == "升级前的备注"
        assert s.commitment(made["corrected"])["indicator"] == "升级前更正的指标"
        assert s.commitment(made["edited"])["text"] == "升级前改写的文字"
        assert s.commitment(made["dropped"])["dropped"]
        suggest(s, plan_year=2024)                    # the new program verifies again
        for cid, sid in made["rejected"]:
            assert [x["state"] for x in s.suggestions(cid)].count("pending") == 0, cid
        reextract(s)
        assert s.commitment(made["corrected"])["indicator"] == "升级前更正的指标"
        # Undo after the upgrade: an accepted suggestion's decision is a change like any other.
        cid, sid = made["accepted"][0]
        decision = next(c for c in s.changes.recent(100) if c["kind"] == "decide" and c["commitment_id"] == cid)
        s.changes.void("decide", decision["id"])
        assert next(x for x in s.suggestions(cid) if x["id"] == sid)["state"] == "pending"
        assert s.commitment(cid)["status"] is None


# ---- undo by id, for every kind, and the undo stack after a restart -----------------------
def test_recent_changes_rebuild_an_undo_stack_after_a_restart(plan):
    with Store.open(plan) as s:
        cid = _target(s)
        s.marks.mark([cid], "partial", note="一")
        s.corrections.correct(cid, unit="万元")
        s.curation.drop([s.query(Filter(year=2024))[-1]])
        s.report_edits.set_plan_year(s.commitment(cid)["report_id"], 2023)
    with Store.open(plan) as s:                  # a restart
        recent = s.changes.recent(10)
        assert [c["kind"] for c in recent][:4] == ["report", "curate", "correct", "mark"]
        for c in recent[:4]:                     # Ctrl+Z four times
            s.changes.void(c["kind"], c["id"])
        assert s.commitment(cid)["status"] is None and s.commitment(cid)["plan_year"] == 2024
        assert all(c["undone"] for c in s.changes.recent(10)[:4])
        mark = recent[3]
        again = s.changes.redo(mark["kind"], mark["id"])    # Ctrl+Y appends it anew
        assert s.commitment(cid)["status"] == "partial" and again != mark["id"]
        with pytest.raises(Exception, match="已经撤销"):
            s.changes.void("correct", recent[2]["id"])
        history = s.history(cid)
        assert [e["voids"] is not None for e in history] == [False, True, False]
    listed = json.loads(tracker(plan, "changes", "--json").stdout)
    assert [(c["kind"], c["id"]) for c in listed][:1] == [("mark", again)] and listed[1]["undone"]


def test_suggestions_json(plan):
    with Store.open(plan) as s:
        suggest(s, plan_year=2024)
        cid = s.query(Filter(pending=True))[0]
        n = len(s.suggestions(cid))
    out = tracker(plan, "suggestions", str(cid), "--json")
    assert out.returncode == 0, out.stderr
    items = json.loads(out.stdout)
    assert len(items) == n and {"id", "state", "status", "score", "reason", "evidence"} <= set(items[0])
    assert items[0]["state"] == "pending" and isinstance(items[0]["evidence"], list)


# ---- store-side items of issue 20 --------------------------------------------------------
def test_the_store_has_an_id_for_life_and_its_backup_carries_it(tmp_path):
    with Store.open(tmp_path / "a.db") as a, Store.open(tmp_path / "b.db") as b:
        assert a.store_id and b.store_id and a.store_id != b.store_id
        a.backup(tmp_path / "copy.db")
        first = a.store_id
    with Store.open(tmp_path / "a.db") as a, Store.open(tmp_path / "copy.db") as c:
        assert a.store_id == c.store_id == first
    old = tmp_path / "v1.db"
    shutil.copy(DATA / "store_v1.db", old)
    with Store.open(old) as s:
        assert len(s.store_id) == 36


def test_a_mark_without_a_date_is_of_the_users_day(plan, monkeypatch):
    """23:30 UTC is 07:30 the next morning in Beijing: that is the mark's day."""
    import os
    from datetime import datetime, timezone

    from tracker.sheet.build import sheet_data
    from tracker.store import clock

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        monkeypatch.setattr(clock, "utc_now", lambda: datetime(2025, 3, 1, 23, 30, tzinfo=timezone.utc))
        with Store.open(plan) as s:
            cid = _target(s)
            s.marks.mark([cid], "partial", note="早上标记")
            assert s.history(cid)[0]["day"] == "2025-03-02"
            row = next(r for g in sheet_data(s, Filter(year=2024)).groups for r in g.rows if r.cid == cid)
            assert "2025-03-02" in row.progress and "2025-03-01" not in row.progress
    finally:
        os.environ.pop("TZ", None)
        monkeypatch.delenv("TZ", raising=False)
        time.tzset()


def test_the_same_report_in_another_encoding_is_not_a_cut_copy(tmp_path):
    text = seed("001").read_text(encoding="utf-8")
    gbk = tmp_path / "001_gbk.txt"
    gbk.write_bytes(text.rstrip("\n").encode("gb18030"))
    with Store.open(tmp_path / "t.db") as s:
        import_files(s, [seed("001")])
        before = s.count(Filter())
        result = import_files(s, [gbk])              # not refused
        assert result.documents_added == 1 and s.count(Filter()) == before


def test_an_interrupted_migration_backup_leaves_no_partial_journal(tmp_path):
    """A full disk while copying the store before its upgrade: one line, and nothing left beside it."""
    old = tmp_path / "v1.db"
    shutil.copy(DATA / "store_v1.db", old)
    script = ("import resource, signal, sys\n"
              "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
              f"resource.setrlimit(resource.RLIMIT_FSIZE, ({old.stat().st_size // 2}, resource.RLIM_INFINITY))\n"
              "from tracker.store import Store\n"
              "from tracker.errors import UserError\n"
              "try:\n    Store.open(sys.argv[1])\nexcept UserError as e:\n    print('refused', e)\n")
    out = subprocess.run([sys.executable, "-c", script, str(old)], capture_output=True, text=True, cwd=ROOT)
    assert "refused" in out.stdout, out.stdout + out.stderr
    left = sorted(p.name for p in tmp_path.iterdir())
    assert [n for n in left if "partial" in n] == [], left
    with sqlite3.connect(old) as c:                  # the store itself untouched: still version 1
        assert c.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == 1


# ---- 5. an excerpt never hides most of a report --------------------------------------------
def _with_footers(text: str) -> str:
    """The report as printed: a running footer and a page number every 30 lines."""
    out = []
    for i, line in enumerate(text.split("\n"), 1):
        out.append(line)
        if i % 30 == 0:
            out += ["", f"- {i // 30} -", "肃州区人民政府办公室印发", ""]
    return "\n".join(out)


def test_an_excerpt_is_refused_unless_forced_or_separate(tmp_path):
    """The report as printed (footers every 30 lines) is stored; its first 40 %, copied
    without the footers, is offered again."""
    plain = seed("001").read_text(encoding="utf-8")
    text = _with_footers(plain)
    whole = tmp_path / "report.txt"
    whole.write_text(text, encoding="utf-8")
    lines = plain.split("\n")
    head = "\n".join(lines[:int(len(lines) * 0.4)]) + "\n"
    part = tmp_path / "report-head.txt"
    part.write_text(head, encoding="utf-8")
    db = tmp_path / "t.db"
    with Store.open(db) as s:
        import_files(s, [whole])
        shown = s.count(Filter())
    refused = tracker(db, "import", str(part))
    error = refused.stderr.strip().splitlines()[-1]
    assert refused.returncode == 1 and error.startswith("tracker: ")
    assert "report.txt" in error and "--force" in error
    with Store.open(db) as s:
        assert s.count(Filter()) == shown and len(s.documents()) == 1
        assert "--" not in str(pytest.raises(Exception, import_files, s, [part]).value)
    # Re-importing the original afterwards is no way back needed: nothing was hidden.
    assert tracker(db, "import", "--separate", str(part)).returncode == 0
    with Store.open(db) as s:
        assert len(s.documents()) == 2 and s.count(Filter(report_id=s.reports()[0]["id"])) == shown
    forced = tmp_path / "report-head-2.txt"
    forced.write_text(head + "（摘录）\n", encoding="utf-8")
    assert tracker(db, "import", "--force", str(forced)).returncode == 0
    with Store.open(db) as s:
        assert s.count(Filter(report_id=s.reports()[0]["id"])) < shown    # asked for: the new version
