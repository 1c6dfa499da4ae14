"""Units as reports and 分工方案 write them: lists split, leads told from partners."""

from __future__ import annotations

import pytest

from tracker.supervise.unit_names import canonical, split_lead_marked, split_units, unit_key, units_in_text


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
