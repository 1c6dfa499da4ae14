"""tracker.extract.numbers: numerals, units, ranges, masks and modifiers."""

from __future__ import annotations

import pytest

from tracker.extract.numbers import find_quantities, parse_int, parse_number, split_unit_magnitude


@pytest.mark.parametrize("text, value", [
    ("7.5", 7.5),
    ("7．5", 7.5),             # full-width decimal point (national reports)
    ("７．５", 7.5),            # full-width digits
    ("1,200", 1200),
    ("1.2万", 12000),
    ("3亿", 300_000_000),
    ("一千万", 10_000_000),
    ("百分之五", 5),
    ("三千五百", 3500),
    ("十一", 11),
    ("两千", 2000),
    ("一万二千", 12000),
    ("二〇二五", 2025),
    ("零点五", 0.5),
    # read by cn2an: the hand parser gave 20005, 308, 6.00000006e12 and 1.00002e12 for these
    ("两万五", 25000),
    ("三百八", 380),
    ("六亿六万", 600_060_000),
    ("一亿二千万", 120_000_000),
    ("千", 1000),               # a bare magnitude is its value ("千亩"), which cn2an refuses
])
def test_parse_number(text, value):
    assert parse_number(text) == value


# "点五", "十三五", "万亿三" read as 0.5, 15 and 3 before cn2an.
@pytest.mark.parametrize("text", ["", "abc", "万", "增长", "×", "三点", "点五", "十三五", "万亿三"])
def test_parse_number_rejects_non_numbers(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text, value", [("7", 7), ("十二", 12), ("三十一", 31), ("二十", 20), ("〇", 0),
                                         ("7.5", None), ("三点五", None), ("", None)])
def test_parse_int_whole_numbers_only(text, value):
    assert parse_int(text) == value


@pytest.mark.parametrize("text, value, unit, modifier", [
    ("增长7.2%以上", 7.2, "%", "以上"),
    ("控制在4％以内", 4, "%", "以内"),
    ("涨幅3%左右", 3, "%", "左右"),
    ("控制在5‰以下", 5, "‰", "以下"),
    ("提高4.5个百分点", 4.5, "个百分点", None),
    ("达到 242 亿元", 242, "亿元", None),          # spaces from a PDF text layer
    ("增长14.3  %", 14.3, "%", None),
    ("9% 以上", 9, "%", "以上"),
    ("城镇新增就业900万人以上", 900, "万人", "以上"),
    ("一千万元", 1000, "万元", None),                # the magnitude belongs to the unit
    ("节能3.5万吨标准煤", 3.5, "万吨标准煤", None),
    ("出口总值110万美元", 110, "万美元", None),
    ("粮食产量1.3万亿斤以上", 1.3, "万亿斤", "以上"),
    ("百分之五", 5, "%", None),
    ("十件实事", 10, "件", None),
    ("PM2.5平均浓度控制在35微克/立方米以内", 35, "微克/立方米", "以内"),
    ("人均预期寿命提高1岁", 1, "岁", None),
])
def test_find_quantities_value_unit_modifier(text, value, unit, modifier):
    q = next(q for q in find_quantities(text) if q.unit)     # "PM2.5" is a name, not a value
    assert (q.value, q.unit, q.modifier, q.masked) == (value, unit, modifier, False)


@pytest.mark.parametrize("text", ["增长6.5%-7%", "增长6.5%－7%", "增长6.5%~7%", "增长6.5%～7%",
                                  "增长6.5%—7%", "增长6.5%至7%", "增长6.5-7%"])
def test_find_quantities_ranges(text):
    q = find_quantities(text)[0]
    assert (q.value, q.value_high, q.unit) == (6.5, 7, "%")


@pytest.mark.parametrize("text, unit", [
    ("增长×%", "%"), ("控制在×.×‰以内", "‰"), ("达到×万美元", "万美元"), ("增长**%", "%"),
    ("增长XX%", "%"), ("建成×—×个", "个"),
])
def test_find_quantities_masked(text, unit):
    q = find_quantities(text)[0]
    assert q.masked and q.value is None and q.unit == unit


def test_find_quantities_offsets_point_into_the_text():
    text = "地区生产总值增长7.2%以上社会消费品零售总额增长6%以上"
    qs = find_quantities(text)
    assert [text[q.start:q.end] for q in qs] == ["7.2%以上", "6%以上"]


@pytest.mark.parametrize("text", ["千方百计", "一是加快发展", "～完成了", "第十二个五年规划"])
def test_words_are_not_quantities(text):
    # only "十二个" may read as a count; 千方百计, 一是, ～ never give a value with a unit
    assert [q.unit for q in find_quantities(text) if q.unit] in ([], ["个"])


def test_split_unit_magnitude():
    assert split_unit_magnitude("亿元") == (1e8, "元")
    assert split_unit_magnitude("万人") == (1e4, "人")
    assert split_unit_magnitude("%") == (1.0, "%")
    assert split_unit_magnitude("万") == (1.0, "万")


@pytest.mark.parametrize("text, value, unit", [
    ("滚动推进163个项目", 163, "个"),            # not 项: the next word is no second unit
    ("新建2000张家庭养老床位", 2000, "张"),
    ("建好30家人才效能提升重点平台", 30, "家"),   # a count of 家, never 人
    ("完成130公里架空线入地", 130, "公里"),
    ("全力推进1000个亿元以上工业项目建设", 1000, "个"),
    ("药品监督抽检超1.5万批次", 1.5, "万批次"),  # the counted noun 批次 with its magnitude
    ("开展宣教活动超2600场次", 2600, "场次"),
    ("全员劳动生产率16.8万元/人左右", 16.8, "万元/人"),
    ("提升城市排涝能力600立方米/秒", 600, "立方米/秒"),
])
def test_a_value_keeps_the_unit_it_counts(text, value, unit):
    q = find_quantities(text)[0]
    assert (q.value, q.unit) == (value, unit)


def test_a_range_still_takes_the_unit_after_its_second_number():
    assert [(q.value, q.value_high, q.unit) for q in find_quantities("增长6.5-7%，投资3亿元-5亿元")] == [
        (6.5, 7, "%"), (3, 5, "亿元")]
