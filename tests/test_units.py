"""Units as reports and 分工方案 write them: lists split, leads told from partners."""

from __future__ import annotations

import pytest

from tracker.extract.units import units_in_text
from tracker.unit_names import canonical, split_lead_marked, split_units, unit_key


@pytest.mark.parametrize("text, leads, partners", [
    # 内蒙古 2026, 民生实事: co-leads in one bracket
    ("…全额报销（牵头单位：卫健委、医保局）。", ("卫健委", "医保局"), ()),
    ("…夜间门诊、节假日门诊（牵头单位：红十字会、残联、妇联、卫健委）。",
     ("红十字会", "残联", "妇联", "卫健委"), ()),
    ("（牵头单位：司法厅；配合单位：信访局、公安厅）", ("司法厅",), ("信访局", "公安厅")),
    ("（配合单位：信访局；牵头单位：司法厅）", ("司法厅",), ("信访局",)),
    ("建设口袋公园10个（责任单位：市城管局（牵头）、市住建局、市财政局）", ("市城管局",), ("市住建局", "市财政局")),
    ("建设口袋公园10个（责任单位：市城管局、市住建局）", ("市城管局", "市住建局"), ()),
    ("由市发展改革委牵头，市财政局、市商务局配合", ("市发展改革委",), ("市财政局", "市商务局")),
    ("由省教育厅、省财政厅牵头负责", ("省教育厅", "省财政厅"), ()),
    ("（牵头单位：人社厅）", ("人社厅",), ()),
])
def test_units_read_from_a_commitments_words(text, leads, partners):
    found = units_in_text(text)
    assert found.leads == leads
    assert found.partners == partners
    assert text[found.start:found.end].startswith(("牵头", "配合", "责任", "由"))


@pytest.mark.parametrize("text", [
    "由龙头企业牵头组建创新联合体",        # an enterprise, not an office
    "建立由一个部门牵头、多个部门协同的工作机制",
    "由有关部门牵头负责",
    "鼓励企业牵头组建创新联合体",
    "实现城镇新增就业18万人以上",
    "牵头领导：张三",
])
def test_words_that_name_no_unit(text):
    assert not units_in_text(text)


def test_a_list_split_as_written_each_once():
    assert split_units("人社厅、财政厅，教育厅；人社厅  卫健委") == ["人社厅", "财政厅", "教育厅", "卫健委"]
    assert split_units("省发展改革委等有关部门") == ["省发展改革委"]
    assert split_units("") == []


def test_a_lead_marker_picks_the_lead():
    u = split_lead_marked("市财政局、市住建局（牵头）、市城管局")
    assert u.leads == ("市住建局",) and u.partners == ("市财政局", "市城管局")
    assert split_lead_marked("市财政局、市住建局").leads == ("市财政局", "市住建局")


def test_a_unit_keeps_its_first_name_and_aliases_map_onto_it():
    names = {unit_key("人社厅"): "人社厅", unit_key("人社部门"): "人社厅"}
    assert canonical("人社部门", names) == "人社厅"
    assert canonical("人社厅 ", names) == "人社厅"
    assert canonical("ＡＢ局", {unit_key("AB局"): "AB局"}) == "AB局"     # full-width folded
    assert canonical("教育厅", names) == "教育厅"                      # new: its own name


def units_of(path):
    from tracker.extract.pipeline import extract_report
    from tracker.extract.segment import split_reports
    from tracker.extract.units import units_for
    from tracker.ingest.paragraphs import paragraphs
    from tracker.ingest.read import read_source

    src = read_source(path)
    out = []
    for rep in split_reports(src):
        found, _ = extract_report(src, rep)
        out += list(zip(found, units_for(found, paragraphs(src, rep.line_start, rep.line_end))))
    return out


def test_neimenggu_2026_items_carry_their_lead_units_even_when_cut_before_them():
    from conftest import DEV

    items = [(c, u) for c, u in units_of(DEV / "provinces" / "neimenggu_2026.txt") if c.kind == "livelihood"]
    assert [(c.number, u.leads) for c, u in items] == [
        (1, ("农牧厅", "林草局", "人社厅")), (2, ("人社厅",)), (3, ("教育厅",)),
        (4, ("红十字会", "残联", "妇联", "卫健委")), (5, ("民政厅",)), (6, ("卫健委", "医保局")),
        (7, ("交通厅", "公安厅", "住建厅")), (8, ("司法厅", "信访局")), (9, ("市场监管局",)), (10, ("住建厅",))]
    # Item 1 stops at its first ；: its units stand at the end of its paragraph.
    assert "牵头单位" not in items[0][0].text


def test_an_item_never_takes_the_next_items_units(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("2026年某县政府工作报告\n今年要办好以下民生实事：一是新建口袋公园10个；"
                    "二是改造老旧小区20个（牵头单位：县住建局）。\n", encoding="utf-8")
    found = [(c.text, u.leads) for c, u in units_of(path) if c.kind == "livelihood"]
    assert found == [("一是新建口袋公园10个", ()), ("二是改造老旧小区20个（牵头单位：县住建局）", ("县住建局",))]


def test_no_units_read_where_the_dev_reports_name_none():
    from conftest import DEV

    for path in [*sorted((DEV / "provinces").glob("*_2026.txt"))[:6], DEV / "national_2014.txt"]:
        assert [c.text for c, u in units_of(path) if u] == []
