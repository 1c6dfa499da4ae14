"""Units in the store: read from the text on import, assigned by hand or by a 分工方案, aliases,
undo, and surviving re-import and reextract."""

from __future__ import annotations

import pytest

from conftest import DEV, ROOT
from tracker.errors import UserError
from tracker.importer import import_files, reextract
from tracker.store import Filter, Store
from tracker.supervise.plan_import import add_tasks, assign_matched, export_plan, match_plan
from tracker.supervise.plan_read import read_plan

NEIMENGGU = DEV / "provinces" / "neimenggu_2026.txt"
JIANGXI = DEV / "provinces" / "jiangxi_2026.txt"
PLAN = ROOT / "tests" / "data" / "plans" / "jiangxi_2026_fengong.docx"


@pytest.fixture
def nmg(tmp_path):
    s = Store.open(tmp_path / "t.db")
    import_files(s, [NEIMENGGU])
    yield s
    s.close()


def items(store) -> list[dict]:
    ids = store.query(Filter(kind="livelihood"), order="position")
    rows = store.rows(ids)
    return [rows[i] for i in ids]


def test_neimenggu_items_carry_their_lead_units_after_import(nmg):
    assert [(r["text"][:2], r["lead_unit"]) for r in items(nmg)] == [
        ("1.", "农牧厅、林草局、人社厅"), ("2.", "人社厅"), ("3.", "教育厅"), ("4.", "红十字会、残联、妇联、卫健委"),
        ("5.", "民政厅"), ("6.", "卫健委、医保局"), ("7.", "交通厅、公安厅、住建厅"), ("8.", "司法厅、信访局"),
        ("9.", "市场监管局"), ("10", "住建厅")]
    units = {u["name"]: u for u in nmg.units.known()}
    # Each co-lead counts: 卫健委 leads items 4 and 6, 住建厅 7 and 10.
    assert units["卫健委"]["lead"] == 2 and units["住建厅"]["lead"] == 2
    assert nmg.count(Filter(unit="卫健委")) == 2


def test_an_assignment_wins_over_the_text_and_undoes(nmg):
    first = items(nmg)[0]["id"]
    aid = nmg.units.assign([first], ["人社厅"], ["财政厅", "人社厅"])
    row = nmg.rows([first])[first]
    assert (row["lead_unit"], row["partner_units"]) == ("人社厅", ["财政厅"])
    nmg.units.void(aid)
    assert nmg.rows([first])[first]["lead_unit"] == "农牧厅、林草局、人社厅"
    nmg.units.redo(aid)
    assert nmg.rows([first])[first]["lead_unit"] == "人社厅"
    assert any(c["kind"] == "assign" for c in nmg.changes.recent())


def test_assignments_survive_reimport_and_reextract(nmg, tmp_path):
    cid = items(nmg)[1]["id"]
    nmg.units.assign([cid], ["就业局"])
    reextract(nmg)
    assert nmg.rows([cid])[cid]["lead_unit"] == "就业局"
    copy = tmp_path / "copy.txt"
    copy.write_text(NEIMENGGU.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    import_files(nmg, [copy])
    assert nmg.rows([cid])[cid]["lead_unit"] == "就业局"


def test_a_unit_keeps_its_first_name_and_an_alias_joins_the_counts(nmg):
    cid = nmg.query(Filter(kind="target"), order="position")[0]
    nmg.units.assign([cid], ["教育部门"])
    names = [u["name"] for u in nmg.units.known()]
    assert "教育厅" in names and "教育部门" in names
    aid = nmg.units.alias("教育部门", "教育厅")
    units = {u["name"]: u for u in nmg.units.known()}
    assert "教育部门" not in units and units["教育厅"]["lead"] == 2 and units["教育厅"]["aliases"] == ["教育部门"]
    assert nmg.rows([cid])[cid]["lead_unit"] == "教育厅"
    assert nmg.count(Filter(unit="教育部门")) == 2
    nmg.changes.void("alias", aid)
    assert nmg.rows([cid])[cid]["lead_unit"] == "教育部门"
    with pytest.raises(UserError, match="没有这个单位"):
        nmg.units.alias("某某", "不存在的单位")
    with pytest.raises(UserError, match="已经是"):
        nmg.units.alias("教育厅 ", "教育厅")


def test_assigning_nothing_is_refused_and_changes_nothing(nmg):
    before = nmg.conn.execute("SELECT count(*) FROM assignments").fetchone()[0]
    with pytest.raises(UserError, match="牵头单位"):
        nmg.units.assign([items(nmg)[0]["id"]], [])
    with pytest.raises(UserError, match="99999"):
        nmg.units.assign([99999], ["教育厅"])
    assert nmg.conn.execute("SELECT count(*) FROM assignments").fetchone()[0] == before


def test_a_plan_assigns_its_rows_and_unmatched_become_tasks(tmp_path):
    with Store.open(tmp_path / "t.db") as s:
        import_files(s, [JIANGXI, NEIMENGGU])
        match = match_plan(s, PLAN)
        assert (match.plan_year, match.region) == (2026, "江西省")
        assert len(match.matched) == 30 and [r.task[:6] for r in match.unmatched] == ["加快老化燃气", "办好省第十七"]
        aid = assign_matched(s, match)
        gdp = s.query(Filter(text="地区生产总值增长5%-5.5%"))
        row = s.rows(gdp)[gdp[0]]
        assert (row["lead_unit"], row["partner_units"]) == ("省发展改革委", ["省统计局"])
        # The 完成时限 where the report gave none, as a correction undone with the plan.
        assert row["deadline"] == "2026-12-31"
        report = s.rows(gdp)[gdp[0]]["report_id"]
        kid, _aid, ids = add_tasks(s, match, list(match.unmatched), report)
        tasks = s.rows(ids)
        assert [tasks[i]["kind"] for i in ids] == ["task", "task"]
        assert tasks[ids[1]]["lead_unit"] == "省体育局" and tasks[ids[1]]["deadline"] == "2026-10-31"
        assert s.count(Filter(kind="task")) == 2
        # A 督办事项's source is its 分工方案 row, not the opening of the report it is filed under.
        src = s.source(ids[1])
        assert src["lines"] == [] and src["document_id"] is None
        assert src["plan"]["file"] == PLAN.name and src["plan"]["row"]["task"] == match.unmatched[1].task
        assert src["plan"]["row"]["where"] == match.unmatched[1].where and src["plan"]["row"]["leads"] == ["省体育局"]
        assert "plan" not in s.source(gdp[0])
        s.units.void(aid)
        row = s.rows(gdp)[gdp[0]]
        assert (row["lead_unit"], row["deadline"]) == (None, None)
        s.curation.undo(kid)
        assert s.count(Filter(kind="task")) == 0


def test_the_office_exports_its_own_plan(tmp_path):
    with Store.open(tmp_path / "t.db") as s:
        import_files(s, [JIANGXI])
        assign_matched(s, match_plan(s, PLAN))
        out = export_plan(s, Filter(region="江西省"), tmp_path / "分工方案.docx")
        back = read_plan(out)
    assert "江西省2026年" in back.title and "分工方案" in back.title
    gdp = [r for r in back.rows if r.task == "地区生产总值增长5%-5.5%"][0]
    assert (gdp.leads, gdp.partners, gdp.deadline_text) == (("省发展改革委",), ("省统计局",), "2026年12月底前")


def test_assignments_are_in_the_commitments_history(nmg, capsys):
    from tracker.cli.main import main

    cid = items(nmg)[0]["id"]
    aid = nmg.units.assign([cid], ["人社厅"], ["财政厅"])
    nmg.units.void(aid)
    (entry,) = nmg.units.history(cid)
    assert entry["words"] == "指派：牵头 人社厅；配合 财政厅" and entry["voided"]
    assert main(["--db", str(nmg.path), "history", str(cid)]) == 0
    assert f"指派 assign:{aid}" in capsys.readouterr().out


def test_a_task_added_before_its_row_was_kept_names_its_plan_and_nothing_else(tmp_path):
    """督办事项 of a store made before the rows were kept: the file, no report text."""
    from tracker.supervise.plan_read import plan_row_lines

    with Store.open(tmp_path / "t.db") as s:
        import_files(s, [JIANGXI])
        match = match_plan(s, PLAN)
        report = s.rows(s.query(Filter(region="江西省"))[:1]).popitem()[1]["report_id"]
        kid, _aid, ids = add_tasks(s, match, list(match.unmatched), report)
        with s.write() as conn:
            conn.execute("UPDATE curations SET detail = ? WHERE id = ?",
                         (f'{{"text": "分工方案《{PLAN.name}》2 项"}}', kid))
        src = s.source(ids[0])
    assert src["plan"] == {"file": PLAN.name, "row": None} and src["lines"] == []
    lines = plan_row_lines(src["plan"])
    assert lines[0].startswith(f"分工方案《{PLAN.name}》") and "未保存" in lines[1]
