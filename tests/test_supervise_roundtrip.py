"""The 督办 loop end to end on a real store: 30 units' forms out, filled by departments (some
complete, some blank, one with an edited 编号, one sent back twice, one for a row the office
marked in between, the rest never returned), collected; the import report, the conflicts and
the 通报 are right, and nothing the office recorded changed."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import DEV
from supervise_support import copy, fill, form_ids
from tracker.importer import import_files
from tracker.store import Filter, Store
from tracker.store.changes import Ref
from tracker.supervise.bulletin_build import bulletin_from_store
from tracker.supervise.collect import collect_files
from tracker.supervise.forms_out import send_forms

UNITS = ("发展改革委", "教育厅", "科技厅", "工业和信息化厅", "公安厅", "民政厅", "司法厅", "财政厅",
         "人力资源社会保障厅", "自然资源厅", "生态环境厅", "住房城乡建设厅", "交通运输厅", "水利厅",
         "农业农村厅", "商务厅", "文化和旅游厅", "卫生健康委", "退役军人事务厅", "应急管理厅", "审计厅",
         "国资委", "市场监管局", "广电局", "体育局", "统计局", "医保局", "林草局", "能源局", "数据局")
COMPLETE, BLANK = UNITS[:12], UNITS[12:18]
EDITED, TWICE, MARKED_BETWEEN = UNITS[18], UNITS[19], UNITS[20]
SILENT = UNITS[21:]
SENT, DUE, AS_OF = date(2026, 3, 2), date(2026, 3, 31), date(2026, 4, 15)


def office_record(store) -> tuple:
    """Everything the office itself recorded: its events and the statuses they derive."""
    return (store.conn.execute("SELECT * FROM events ORDER BY id").fetchall(),
            store.conn.execute("SELECT id, current_status, current_progress FROM commitments ORDER BY id").fetchall())


@pytest.fixture(scope="module")
def loop(tmp_path_factory):
    root = tmp_path_factory.mktemp("loop")
    store = Store.open(root / "t.db")
    import_files(store, [DEV / "provinces" / "neimenggu_2026.txt", DEV / "provinces" / "jiangxi_2026.txt"])
    ids = store.query(Filter(), order="position")
    for n, unit in enumerate(UNITS):
        mine = ids[n::len(UNITS)]
        store.units.assign(mine, [unit], [UNITS[(n + 7) % len(UNITS)]] if n % 3 == 0 else [])
    out = root / "out"
    out.mkdir()
    sent = send_forms(store, out, due=DUE, sent=SENT)
    forms = {p.name.split("_")[0]: p for p in sent.paths}
    back = root / "back"
    returned = [fill(copy(forms[u], back)) for u in COMPLETE]
    returned += [copy(forms[u], back) for u in BLANK]
    other = form_ids(forms[UNITS[0]])[0]
    returned.append(fill(copy(forms[EDITED], back), edit_number=(0, other)))
    twice = fill(copy(forms[TWICE], back))
    returned += [twice, twice]
    marked = form_ids(forms[MARKED_BETWEEN])[0]
    store.marks.mark([marked], "done", note="办公室核实：已完成")    # after the form went out
    returned.append(fill(copy(forms[MARKED_BETWEEN], back)))
    before = office_record(store)
    report = collect_files(store, returned)
    yield {"store": store, "sent": sent, "forms": forms, "report": report, "before": before,
           "marked": marked, "other": other}
    store.close()


def test_forms_go_out_one_per_unit_named_by_the_unit(loop):
    assert set(loop["forms"]) == set(UNITS)
    assert all(p.name.endswith("_进展情况报送表_20260302.xlsx") for p in loop["sent"].paths)
    # Every assigned open commitment is on its lead's form; partners get theirs too.
    assert sum(loop["sent"].rows.values()) > 104


def test_the_import_report_says_what_each_form_did(loop):
    lines = {line.split("/")[-1].split("_")[0]: line for line in loop["report"].lines}
    text = "\n".join(loop["report"].lines)
    assert loop["report"].backup.exists() and ".backup-before-collect-" in loop["report"].backup.name
    for unit in COMPLETE:
        rows = loop["sent"].rows[unit]
        assert f"{unit}：记录 {rows} 行，冲突 0 行，空白 0 行，拒收 0 行" in text
    for unit in BLANK:
        assert f"{unit}：记录 0 行，冲突 0 行，空白 {loop['sent'].rows[unit]} 行" in text
    edited = [line for line in loop["report"].lines if f"{EDITED}：" in line][0]
    assert f"记录 {loop['sent'].rows[EDITED] - 1} 行" in edited and "拒收 1 行" in edited
    assert f"编号 {loop['other']}" in edited and "发展改革委报送表中的条目" in edited
    first, second = [line for line in loop["report"].lines if f"{TWICE}：" in line]
    assert f"记录 {loop['sent'].rows[TWICE]} 行" in first
    assert f"记录 0 行，已导入过 {loop['sent'].rows[TWICE]} 行" in second
    between = [line for line in loop["report"].lines if f"{MARKED_BETWEEN}：" in line][0]
    assert "冲突 1 行" in between
    assert loop["report"].conflicts == 1 and loop["report"].unreadable == 0
    assert not any(u in lines for u in SILENT)


def test_nothing_the_office_recorded_changed(loop):
    assert office_record(loop["store"]) == loop["before"]


def test_the_conflict_keeps_both_sides(loop):
    (report,) = [r for r in loop["store"].forms.reports(loop["marked"]) if r["unit"] == MARKED_BETWEEN]
    assert report["status"] == "done" and "已完成年度任务的40%" in report["progress"]
    assert report["conflict"].startswith("报送表发出后办公室已标记为“已完成”")
    assert loop["store"].commitment(loop["marked"])["current_status"] == "done"


def test_the_bulletin_counts_silence_after_the_due_day(loop):
    data = bulletin_from_store(loop["store"], Filter(as_of=AS_OF))
    lines = {line.unit: line for line in data.lines}
    for unit in SILENT + BLANK:
        assert lines[unit].unreported == lines[unit].assigned - lines[unit].done, unit
        assert lines[unit].mark == "黄", unit
    for unit in COMPLETE:
        assert (lines[unit].unreported, lines[unit].mark, lines[unit].reporter) == (0, "绿", "王芳")
    assert lines[EDITED].unreported == 1 and lines[EDITED].mark == "黄"
    assert lines[MARKED_BETWEEN].unreported == 0
    # Before the due day nobody is late.
    early = bulletin_from_store(loop["store"], Filter(as_of=DUE))
    assert all(line.unreported == 0 for line in early.lines)


def test_accepting_a_report_is_the_offices_own_undoable_mark(loop, tmp_path):
    loop["store"].backup(tmp_path / "copy.db")     # the WAL too: a file copy would miss it
    with Store.open(tmp_path / "copy.db") as store:
        cid = form_ids(loop["forms"][COMPLETE[1]])[0]
        (report,) = [r for r in store.forms.reports(cid) if r["unit"] == COMPLETE[1]]
        assert report["state"] == "pending" and store.commitment(cid)["current_status"] is None
        decision = store.forms.accept(report["id"])
        assert store.commitment(cid)["current_status"] == "done"
        assert store.history(cid)[0]["note"].startswith(f"单位自报（{COMPLETE[1]}）")
        store.changes.void("unit_report", decision)
        assert store.commitment(cid)["current_status"] is None
        assert [r["state"] for r in store.forms.reports(cid) if r["id"] == report["id"]] == ["pending"]
        decided = store.forms.decide_all("accepted")
        assert len(decided) == store.conn.execute(
            "SELECT count(*) FROM unit_reports WHERE state = 'accepted'").fetchone()[0]
        store.changes.void_all([Ref("unit_report", d) for d in decided])
        assert store.conn.execute("SELECT count(*) FROM unit_reports WHERE state != 'pending'").fetchone()[0] == 0


def test_a_form_of_another_store_records_nothing(loop, tmp_path):
    with Store.open(tmp_path / "other.db") as other:
        report = collect_files(other, [loop["forms"][COMPLETE[1]]])
    assert report.lines == [f"{loop['forms'][COMPLETE[1]]}: 是另一个台账发出的报送表，未导入 / a form of another store"]


def test_the_overview_counts_in_sql_what_the_bulletin_prints(loop):
    from tracker.supervise.bulletin_build import unit_lines

    f = Filter(as_of=AS_OF)
    assert unit_lines(loop["store"], f) == list(bulletin_from_store(loop["store"], f).lines)
    narrow = Filter(as_of=AS_OF, region="江西省")
    assert unit_lines(loop["store"], narrow) == list(bulletin_from_store(loop["store"], narrow).lines)
