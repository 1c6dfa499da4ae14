"""Figures in text: numbers with their units, unit dimensions and conversions, period words.

The primitives both readers share: the known-indicator reader (actuals.py) and the
open-vocabulary reader (heads.py). A unit belongs to a dimension (its family) with a
factor to the family's base, so 万吨 and 亿斤 compare (1 吨 = 2000 斤), as do 亿元 and 万亿元.
"""

from __future__ import annotations

import re

from tracker.extract.numbers import parse_number
from tracker import words

_COUNT_UNITS = "个所座家套件项条辆张间处台块批户只栋艘架列"

# Unit -> (family, factor to the family's base).
UNITS: dict[str, tuple[str, float]] = {
    "%": ("%", 1), "‰": ("‰", 1), "个百分点": ("pp", 1),
    "万亿元": ("元", 1e12), "亿元": ("元", 1e8), "万元": ("元", 1e4), "元": ("元", 1),
    "万元/人": ("元/人", 1e4), "元/人": ("元/人", 1),
    "万亿美元": ("美元", 1e12), "亿美元": ("美元", 1e8), "万美元": ("美元", 1e4), "美元": ("美元", 1),
    "亿人次": ("人次", 1e8), "万人次": ("人次", 1e4), "人次": ("人次", 1), "万人": ("人", 1e4), "人": ("人", 1), "名": ("人", 1),
    "万亩": ("亩", 1e4), "亩": ("亩", 1), "万公顷": ("亩", 15e4), "公顷": ("亩", 15),
    # Weight: 1 吨 = 2000 斤, so 粮食产量1285万吨 and 257亿斤 are one quantity.
    "亿吨": ("吨", 1e8), "万吨": ("吨", 1e4), "吨": ("吨", 1), "公斤": ("吨", 1e-3),
    "亿斤": ("吨", 5e4), "万斤": ("吨", 5), "斤": ("吨", 5e-4),
    "万平方米": ("平方米", 1e4), "平方米": ("平方米", 1), "平方公里": ("平方公里", 1),
    "亿立方米": ("立方米", 1e8), "万立方米": ("立方米", 1e4), "立方米": ("立方米", 1),
    "万公里": ("公里", 1e4), "公里": ("公里", 1), "千米": ("公里", 1),
    "亿千瓦时": ("千瓦时", 1e8), "万千瓦时": ("千瓦时", 1e4), "千瓦时": ("千瓦时", 1),
    "亿千瓦": ("千瓦", 1e8), "万千瓦": ("千瓦", 1e4), "千瓦": ("千瓦", 1),
    "万标箱": ("标箱", 1e4), "标箱": ("标箱", 1), "微克/立方米": ("微克/立方米", 1), "岁": ("岁", 1),
    "万": ("数", 1e4), "亿": ("数", 1e8), "倍": ("倍", 1),
    **{f"万{c}": (c, 1e4) for c in _COUNT_UNITS}, **{c: (c, 1) for c in _COUNT_UNITS},
}
RATE_FAMILIES = ("%", "‰", "pp")
_UNIT_RE = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
NUMBER = re.compile(rf"(\d+(?:\.\d+)?)\s*(多|余)?\s*({_UNIT_RE})?")
UNIT_RE = _UNIT_RE

# "增长百分之八", "下降百分之二点五": Chinese numerals as reviews sometimes write rates.
_CN_PERCENT = re.compile(f"百分之([{words.CN_COUNT}点]+)")

# Clause words marking a figure of another period than one plan year.
OTHER_PERIOD = re.compile(rf"{words.ANNUAL_AVERAGE}|{words.SPAN_TOTAL}|[两三四五]年[来间]|过去[两三四五]年|这[两三四五]年"
                          rf"|{words.FIVE_YEAR_PLAN}|上半年|下半年|[一二三四]季度|前三季度|\d{{1,2}}[-－—至]\d{{1,2}}月")
SUB_YEAR = re.compile(r"上半年|下半年|[一二三四]季度|前三季度|\d{1,2}[-－—至]\d{1,2}月")


def family(unit: str | None) -> tuple[str | None, float]:
    """(dimension, factor to its base) of a unit; an unknown unit is its own dimension."""
    return UNITS.get(unit or "", (unit, 1.0))


def convert(value: float, unit: str | None, to: str | None) -> float | None:
    """value in unit expressed in to, or None when they measure different things."""
    a, b = family(unit), family(to)
    if a[0] is None or a[0] != b[0]:
        return None
    return value * a[1] / b[1]


def numbers(scope: str) -> list[tuple[int, int, float, str]]:
    """(start, end, value, unit) of each figure with a unit in scope, in order."""
    found = []
    for m in NUMBER.finditer(scope):
        if not m.group(3):
            continue
        value, start = float(m.group(1)), m.start()
        # "居民消费价格涨幅为－0.1%": a minus sign (-, －, −, a lone —), not a range's dash (5%－7%)
        # nor a "——" bullet.
        if start and scope[start - 1] in "-－−—" and not re.search(r"[\d%％—]$", scope[:start - 1]):
            value, start = -value, start - 1
        found.append((start, m.end(), value, m.group(3)))
    for m in _CN_PERCENT.finditer(scope):
        value = parse_number(m.group(1))
        if value is not None:
            found.append((m.start(), m.end(), value, "%"))
    return sorted(found)
