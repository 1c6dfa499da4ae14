"""The 分工方案: read from DOCX and XLSX as offices lay it out, matched to commitments by text,
and exported by the office."""

from __future__ import annotations

import pytest
from docx import Document
from openpyxl import Workbook

from conftest import DEV, ROOT
from tracker.errors import UserError
from tracker.extract.pipeline import extract_file
from tracker.supervise.plan_export import PlanLine, write_plan
from tracker.supervise.plan_match import match_tasks
from tracker.supervise.plan_read import read_plan

PLANS = ROOT / "tests" / "data" / "plans"


@pytest.fixture(scope="module")
def jiangxi():
    """(id, text) of the commitments the rules extract from 江西's 2026 report."""
    fx = extract_file(DEV / "provinces" / "jiangxi_2026.txt")
    return [(i, c.text) for i, c in enumerate(fx.reports[0].commitments)]


@pytest.mark.parametrize("suffix", ["docx", "xlsx"])
def test_the_jiangxi_plan_reads_every_task_with_its_units(suffix):
    plan = read_plan(PLANS / f"jiangxi_2026_fengong.{suffix}")
    assert plan.plan_year == 2026 and "分工方案" in plan.title
    assert len(plan.rows) == 32
    first = plan.rows[0]
    assert (first.number, first.task, first.leads, first.partners, first.deadline_text) == (
        "1", "地区生产总值增长5%-5.5%", ("省发展改革委",), ("省统计局",), "2026年12月底前")
    assert first.category == "一、经济社会发展主要预期目标"
    assert all(r.leads for r in plan.rows)
    # Two tasks under one merged 责任单位 cell (DOCX) both get it.
    by_number = {r.number: r for r in plan.rows}
    assert by_number["11"].leads == by_number["12"].leads == ("省工业和信息化厅",)
    assert by_number["19"].partners == ("省财政厅", "人民银行江西省分行")
    assert by_number["32"].category == "三、10件民生实事"


def test_the_jiangxi_plan_assigns_every_task_or_lists_it_unmatched(jiangxi):
    plan = read_plan(PLANS / "jiangxi_2026_fengong.docx")
    m = match_tasks([(r.where, r.task) for r in plan.rows], jiangxi)
    texts = dict(jiangxi)
    assert set(m.matched) | set(m.unmatched) == {r.where for r in plan.rows}
    unmatched = [r.task for r in plan.rows if r.where in m.unmatched]
    assert [t[:8] for t in unmatched] == ["加快老化燃气管道", "办好省第十七届运"]
    got = {r.number: sorted(texts[i] for i in m.matched.get(r.where, ())) for r in plan.rows}
    assert got["1"] == ["地区生产总值增长5%-5.5%"]
    # A task quoting a sentence takes each commitment of it; both targets of one clause.
    assert got["8"] == ["实施省大中型项目5296个", "年度完成投资1.1万亿元左右"][::-1] or \
        set(got["8"]) == {"实施省大中型项目5296个", "年度完成投资1.1万亿元左右"}
    assert len(got["5"]) == 2
    assert got["18"] == ["城镇新增就业41万人"]
    assert len(m.matched) == 30


def test_matching_follows_edits_offices_make_and_refuses_coincidences():
    commitments = [(1, "新建和改造高标准农田81万亩"), (2, "粮食总产436亿斤以上"),
                   (3, "地区生产总值增长5%左右"), (4, "城镇新增就业41万人")]
    tasks = [("a", "（一）确保粮食总产稳定在436亿斤以上，新建、改造高标准农田81万亩"),
             ("b", "地区生产总值增长6%以上"), ("c", "城镇新增就业4.1万人")]
    m = match_tasks(tasks, commitments)
    assert m.matched == {"a": (1, 2)}
    # A different figure is a different pledge: 5%左右 is not 6%以上, 41万 is not 4.1万.
    assert m.unmatched == ("b", "c")


def test_a_short_task_inside_a_longer_commitment_matches_it():
    m = match_tasks([("t", "提升养老服务能力")], [(7, "提升养老服务能力，新建社区食堂200个")])
    assert m.matched == {"t": (7,)}


def test_a_file_with_no_plan_table_is_refused_with_one_line(tmp_path):
    doc = Document()
    doc.add_paragraph("关于做好2026年重点工作的通知")
    doc.save(tmp_path / "notice.docx")
    with pytest.raises(UserError, match="notice.docx: 未找到分工表"):
        read_plan(tmp_path / "notice.docx")
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(UserError, match="bad.xlsx: 不是有效的 Excel 文件"):
        read_plan(tmp_path / "bad.xlsx")
    with pytest.raises(UserError, match="plan.pdf"):
        read_plan(tmp_path / "plan.pdf")


def test_a_header_over_two_rows_and_a_merged_lead_cell(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "工作任务", "责任单位", None, "完成时限"])
    ws.append([None, None, "牵头单位", "配合单位", None])
    ws.merge_cells("C1:D1")
    ws.append([1, "新建口袋公园10个", "市城管局", "市财政局", "6月底前"])
    ws.append([2, "改造老旧小区20个", None, "区政府", "年底前"])
    ws.merge_cells("C3:C4")
    ws.append([3, "开展技能培训1万人次", "市人社局\n市教育局", None, "年底前"])
    wb.save(tmp_path / "p.xlsx")
    rows = read_plan(tmp_path / "p.xlsx").rows
    assert [(r.task, r.leads, r.partners) for r in rows] == [
        ("新建口袋公园10个", ("市城管局",), ("市财政局",)),
        ("改造老旧小区20个", ("市城管局",), ("区政府",)),
        ("开展技能培训1万人次", ("市人社局", "市教育局"), ())]


def test_the_office_plan_exports_and_reads_back(tmp_path):
    lines = [PlanLine("一、主要预期目标", "地区生产总值增长5%左右", "市发改委", "市统计局", "年底前"),
             PlanLine("二、民生实事", "=新建口袋公园10个 <b>", "市城管局、市住建局", "", "6月底前")]
    for suffix in ("xlsx", "docx"):
        out = write_plan("2026年重点工作任务分工方案", lines, tmp_path / f"plan.{suffix}")
        rows = read_plan(out).rows
        assert [(r.number, r.task, r.leads, r.partners, r.deadline_text, r.category) for r in rows] == [
            ("1", "地区生产总值增长5%左右", ("市发改委",), ("市统计局",), "年底前", "一、主要预期目标"),
            ("2", "=新建口袋公园10个 <b>", ("市城管局", "市住建局"), (), "6月底前", "二、民生实事")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx", "plan.xlsx"]   # no temp files left
    with pytest.raises(UserError, match="plan.pdf"):
        write_plan("t", lines, tmp_path / "plan.pdf")
