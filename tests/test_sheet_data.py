"""SheetData from a real store: which rows, in which groups, worded how."""

from __future__ import annotations

from datetime import date

import pytest

from sheet_support import SCRIPT, SEED_001, store, store_file  # noqa: F401 (fixtures)
from tracker.labels import status_label
from tracker.model import KINDS
from tracker.sheet import KIND_ORDER, STATUS_ORDER
from tracker.sheet.build import sheet_data, short_title
from tracker.sheet.data import summary_lines
from tracker.store import Filter, Store
from tracker.importer import import_files


def test_title_names_region_and_year_of_the_report(store):
    data = sheet_data(store, Filter())
    report = store.tree()[0]
    assert data.title.startswith(f"{report['region']}{report['plan_year']}年")
    assert data.title.endswith("承诺事项完成情况对照表")
    assert data.store_name == "tracker.db"
    assert data.printed == date.today()


@pytest.mark.parametrize("f", [
    Filter(),
    Filter(kind="target"),
    Filter(kind="project"),
    Filter(status="done"),
    Filter(status="unmarked"),
    Filter(overdue=True, as_of="2025-12-31"),
    Filter(text="5G"),
], ids=["all", "target", "project", "done", "unmarked", "overdue", "text"])
def test_sheet_holds_exactly_the_filtered_commitments(store, f):
    data = sheet_data(store, f)
    cids = [r.cid for r in data.rows]
    assert len(cids) == len(set(cids))
    assert set(cids) == set(store.query(f))
    assert data.total == store.count(f)


def test_filters_select_what_they_say(store):
    assert {r.kind for r in sheet_data(store, Filter(kind="target")).rows} == {"target"}
    done = sheet_data(store, Filter(status="done"))
    assert [r.status for r in done.rows] == ["done"]
    partial = sheet_data(store, Filter(status="partial"))
    assert len(partial.rows) == 2 and {r.status for r in partial.rows} == {"partial"}
    overdue = sheet_data(store, Filter(overdue=True, as_of="2025-12-31"))
    assert overdue.rows and all(r.overdue for r in overdue.rows)
    assert all(r.deadline for r in overdue.rows)
    # Before any deadline has passed nothing is overdue.
    assert sheet_data(store, Filter(overdue=True, as_of="2025-01-01")).rows == []
    assert all("5G" in r.text for r in sheet_data(store, Filter(text="5G")).rows)


def test_scope_says_the_filter_in_words(store):
    assert sheet_data(store, Filter()).scope == ""
    scope = sheet_data(store, Filter(kind="project", status="not_done", overdue=True)).scope
    assert "类别：项目承诺" in scope and "状态：未完成" in scope and "仅已逾期" in scope


def test_groups_follow_kind_order_and_number_within_kind(store):
    data = sheet_data(store, Filter())
    kinds = data.kinds()
    assert kinds == [k for k in KIND_ORDER if k in kinds]
    for kind in kinds:
        numbers = [r.number for r in data.rows if r.kind == kind]
        assert numbers == [str(i) for i in range(1, len(numbers) + 1)]
    assert sum(data.by_kind.values()) == data.total
    assert sum(data.by_status.get(s, 0) for s in STATUS_ORDER) == data.total
    assert set(data.by_kind) <= set(KINDS)


def test_rows_keep_the_source_order_within_a_group(store):
    data = sheet_data(store, Filter(kind="project"))
    for group in data.groups:
        lines = [store.commitment(r.cid)["line"] for r in group.rows]
        assert lines == sorted(lines)


def test_latest_event_fills_progress_and_evidence(store):
    data = sheet_data(store, Filter(status="done"))
    row = data.rows[0]
    # The note gives the figure already: 完成情况 says it once (not "实际增长7.5%；全年增长7.5%").
    assert row.progress.startswith("全年增长7.5%") and row.progress.count("7.5") == 1
    assert "第20行" in row.evidence and "地区生产总值增长7.5%" in row.evidence
    # A newer mark wins; the older one stays in the history.
    store.marks.mark([row.cid], "partial", note="核减后增长6.9%", actual_value=6.9)
    newer = next(r for r in sheet_data(store, Filter()).rows if r.cid == row.cid)
    assert newer.status == "partial" and "6.9%" in newer.progress and "7.5" not in newer.progress


def test_by_default_the_sheet_prints_only_confirmed_statuses(store):
    # An official document: a pending suggestion is no status and leaves no trace.
    data = sheet_data(store, Filter())
    assert not [r for r in data.rows if "系统建议" in r.progress or r.pending]
    last = store.query(Filter(), order="line")[-1]     # the one with a pending suggestion
    suggested = next(r for r in data.rows if r.cid == last)
    assert suggested.status == "unmarked" and suggested.status_text == "－ 未标记"


def test_with_suggestions_prints_them_marked_pending(store):
    data = sheet_data(store, Filter(), with_suggestions=True)
    rows = [r for r in data.rows if r.pending]
    assert len(rows) == 1 and data.pending == 1
    assert rows[0].status == "done" and rows[0].status_text == "✔ 已完成（待确认）"
    assert "系统建议" in rows[0].progress
    assert "新建5G基站120个" in rows[0].evidence and "第30行" in rows[0].evidence
    # Confirmed rows are the same either way; the summary counts the pending ones.
    plain = {r.cid: r for r in sheet_data(store, Filter()).rows}
    assert all(plain[r.cid] == r for r in data.rows if not r.pending)
    assert ("其中系统建议待确认", "1 项") in summary_lines(data)


def test_an_automatic_event_is_not_a_confirmed_status(store):
    cid = store.query(Filter(status="unmarked"))[0]
    store.marks.mark([cid], "done", note="核实引擎", source="auto")
    row = next(r for r in sheet_data(store, Filter()).rows if r.cid == cid)
    assert row.status == "unmarked" and not row.pending
    row = next(r for r in sheet_data(store, Filter(), with_suggestions=True).rows if r.cid == cid)
    assert row.status == "done" and row.pending


def test_header_source_names_region_and_report_not_the_file(store):
    data = sheet_data(store, Filter())
    assert "肃州区" in data.source and "政府工作报告" in data.source
    assert ".db" not in data.source


def test_unmarked_commitments_print_as_unmarked_apart_from_unknown(store):
    # The app and the CLI's word (tracker.labels), not 未核实: nobody has looked yet.
    data = sheet_data(store, Filter(status="unmarked"))
    assert data.rows and {r.status for r in data.rows} == {"unmarked"}
    assert {r.status_label for r in data.rows} == {status_label(None)} == {"未标记"}
    cid = data.rows[0].cid
    store.marks.mark([cid], "unknown", note="查不到")
    row = next(r for r in sheet_data(store, Filter()).rows if r.cid == cid)
    assert row.status_label == status_label("unknown") != status_label(None)
    assert {r.progress for r in data.rows if "系统建议" not in r.progress} == {""}


def test_commitment_text_is_kept_verbatim(store):
    """The quote is printed whole; at most an indicator or subject is put in front of it."""
    data = sheet_data(store, Filter())
    texts = {r.cid: r.text for r in data.rows}
    for cid in store.query(Filter()):
        assert texts[cid].endswith(store.commitment(cid)["text"])
    assert any(SCRIPT in t for t in texts.values())


def test_rows_of_one_clause_read_as_distinct(store):
    """A clause split into several targets prints each row with its own indicator."""
    data = sheet_data(store, Filter(kind="target"))
    by_quote: dict[str, list[str]] = {}
    for cid, row in ((r.cid, r) for r in data.rows):
        by_quote.setdefault(store.commitment(cid)["text"], []).append(row.text)
    shared = {q: shown for q, shown in by_quote.items() if len(shown) > 1}
    assert shared, "the seeds hold clauses with several indicators"
    for quote, shown in shared.items():
        assert len(set(shown)) == len(shown), quote


def test_reports_of_a_multi_report_sheet_stay_apart(tmp_path):
    seeds = sorted(SEED_001.parent.glob("*.txt"))
    with Store.open(tmp_path / "all.db") as store:
        import_files(store, seeds)
        data = sheet_data(store, Filter())
        present = {store.rows([r.cid])[r.cid]["report_id"] for r in data.rows}
        assert data.total == store.count(Filter())
    assert len(present) > 1
    # Every group holds one report's rows only, so its heading can name that report.
    categories = [g.category for g in data.groups]
    assert len(categories) == len(set((g.kind, g.category) for g in data.groups))
    assert "承诺事项完成情况对照表" in data.title


def test_empty_selection_gives_an_empty_sheet(store):
    data = sheet_data(store, Filter(text="这段文字不在任何报告里"))
    assert data.total == 0 and data.groups == ()


@pytest.mark.parametrize("title, expected", [
    ("2025年酒泉市肃州区政府工作报告 2025年1月4日在会议上", "2025年酒泉市肃州区政府工作报告"),
    ("政府工作报告", "政府工作报告"),
    ("回顾五年的历程，我们积累了一些好的经验，值得在今后的工作中借鉴", "回顾五年的历程，我们积累了一些好的经验，值得在今…"),
])
def test_short_title(title, expected):
    assert short_title(title) == expected


def test_behind_schedule_is_flagged_and_counted(store):
    f = Filter(behind=True, as_of="2025-12-31")   # 80% done when the whole year has elapsed
    data = sheet_data(store, f)
    assert data.total == store.count(f) == 2
    assert all(r.behind and "落后序时进度" in r.deadline_cell for r in data.rows)
    assert data.behind == 2
    # Early in the year the same progress is ahead of schedule.
    early = sheet_data(store, Filter(as_of="2025-03-31"))
    assert early.behind == 0 and not any(r.behind for r in early.rows)


def test_report_filter_names_the_report(store):
    report = store.tree()[0]
    data = sheet_data(store, Filter(report_id=report["report_id"]))
    assert data.total == store.count(Filter(report_id=report["report_id"])) > 0
    assert data.scope.startswith(f"报告：{short_title(report['title'])}")


def test_an_accepted_suggestion_says_its_figure_once(national_db, tmp_path):
    import shutil

    path = tmp_path / "n.db"
    shutil.copy(national_db, path)
    with Store.open(path) as s:
        cid = next(c for c in s.query(Filter(kind="target"), order="line")
                   if any(x.get("actual_value") for x in s.suggestions(c)))
        best = next(x for x in s.suggestions(cid) if x.get("actual_value"))
        pending = next(r for r in sheet_data(s, Filter(), with_suggestions=True).rows if r.cid == cid)
        s.evidence.accept(best["id"])
        row = next(r for r in sheet_data(s, Filter()).rows if r.cid == cid)
    figure = f"{best['actual_value']:g}"
    assert best["reason"] in row.progress and row.progress.count(figure) == 1, row.progress
    assert pending.progress.count(figure) == 1, pending.progress
