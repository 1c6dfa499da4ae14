"""Numbers in report text: Arabic, full-width and Chinese numerals, units, masks, modifiers.

`parse_number` reads one numeral; `find_quantities` finds every value+unit in a clause
(with ranges such as 6.5%-7%, masks such as ×.×‰, and the 以上/以内/左右 after it).
Values stay in the unit as written: 150亿元 -> (150, "亿元"); 一千万元 -> (1000, "万元").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import cn2an

from tracker import words
from tracker.ingest.normalize import fold

_CN_NUM = f"[{words.CN_NUMERAL}]+"
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}

# Arabic numeral; PDF copies put spaces inside ("242 亿元") but never between digits and
# a decimal point we can trust, so only thousands commas and one decimal point are read.
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# Masks used by redacted copies: "增长×%", "×.×‰", "**%", "～年", "XX%".
_MASK = r"(?:[×xX*＊]+(?:\.[×xX*＊]+)?|～)"

# Base units, longest first so 万吨标准煤 wins over 万吨 and 个百分点 over 个.
_BASE_UNITS = sorted("""
%  ‰  个百分点 百分点 倍 微克/立方米 微克每立方米 毫克/升 岁
美元 元 吨标准煤 标准煤 吨 千瓦时 千瓦 兆瓦 度
平方公里 平方米 立方米 公顷 亩 公里 千米 米 公斤 千克 斤 微克 标准箱 标箱
人次 批次 场次 架次 班次 车次 户次 台次 艘次 人 户 家 个 座 所 套 间 辆 台 处 条 项 件 栋 幢 张 名 批 床 公顷 株 棵 头 只 艘 架 本 场 次 天
""".split(), key=len, reverse=True)
# A magnitude written in front of the base unit belongs to the unit as written.
_MAGNITUDE = r"(?:万亿|千亿|百亿|亿|千万|百万|万|千)?"
# A rate unit keeps what it is per: "16.8万元/人", "600立方米/秒", "30万吨/日".
_PER = r"(?:[/／](?:人|户|日|天|秒|年|小时|平方米|亩))?"
# "370亿方" of gas: 方 is a unit only after a magnitude (a bare "5方面" is a word).
_UNIT = r"(?:%s(?:%s)%s|[万亿]方(?!面|案|式|向|法)|万亿|亿|万)" % (_MAGNITUDE, "|".join(re.escape(u) for u in _BASE_UNITS), _PER)
# Chinese numerals before a unit: the magnitude may belong to the unit (一千万元 = 1000 万元).
_NUMBER = rf"(?:{_ARABIC}|{_MASK}|{_CN_NUM})"
_RANGE_SEP = r"\s*[-－~～—–至到]\s*"
# The unit after the second number of a range ("6.5-7%", "3亿元-5亿元") only: after a single
# number a second unit is the next word ("163个项目" is 个, not 项; "30家人才" is 家, not 人).
_QUANTITY = re.compile(
    rf"(?P<pre>百分之|千分之)?(?P<low>{_NUMBER})(?:\s*(?P<unit1>%|‰|{_UNIT}))?"
    rf"(?:{_RANGE_SEP}(?P<high>{_NUMBER}))?(?(high)\s*(?P<unit>{_UNIT})?)\s*(?P<mod>以上|以内|以下|左右|上下|之内)?"
)


@dataclass(frozen=True)
class Quantity:
    """A value with its unit as written, found at text[start:end]."""

    value: float | None          # None when masked
    unit: str | None
    start: int
    end: int
    value_high: float | None = None   # upper end of a range 6.5%-7%
    modifier: str | None = None       # 以上 / 以内 / 以下 / 左右 / 上下 / 之内
    masked: bool = False
    chinese: bool = False             # written in Chinese numerals (两个, 十件)


def parse_number(text: str) -> float | None:
    """Value of one numeral: "7．5" -> 7.5, "1.2万" -> 12000, "一千万" -> 1e7, "百分之五" -> 5."""
    s = fold(text).strip().replace(" ", "").replace(",", "")
    if not s:
        return None
    for prefix in ("百分之", "千分之"):
        if s.startswith(prefix):
            s = s[len(prefix):]
    whole = _parse_chinese(s) if s and s[-1] in _CN_BIG else None
    if whole is not None:
        return _clean(whole)                      # 一亿二千万 as one numeral, not 一亿二千 × 万
    scale = 1.0
    while s and s[-1] in _CN_BIG:
        scale *= _CN_BIG[s[-1]]
        s = s[:-1]
    if not s:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return _clean(float(s) * scale)
    value = _parse_chinese(s)
    return None if value is None else _clean(value * scale)


def parse_int(text: str) -> int | None:
    """A whole number from Arabic or Chinese numerals: "7" -> 7, "十二" -> 12, "三十一" -> 31."""
    value = parse_number(text)
    return int(value) if value is not None and value == int(value) else None


def _clean(x: float) -> float:
    """Round away binary noise (1.2*10000 = 12000.000000000002)."""
    r = round(x, 9)
    return float(int(r)) if r == int(r) else r


@lru_cache(maxsize=4096)
def _parse_chinese(s: str) -> float | None:
    """Value of a Chinese numeral such as 三千五百, 十一, 二〇二五, 零点五, 一万二千, 九千六 (9600).

    cn2an reads it; this wrapper keeps what cn2an does not: a bare 十/百/千 is its own value
    ("千亩" -> 1000), and a numeral starting or ending in 点 is not a number ("三点", "点一").
    """
    if not s or any(c not in words.CN_NUMERAL for c in s) or s[0] == "点" or s[-1] == "点":
        return None
    if s in _CN_SMALL:
        return float(_CN_SMALL[s])
    try:
        return float(cn2an.cn2an(s, "normal"))
    except (ValueError, KeyError):     # "十三五", "万亿三": not a numeral cn2an accepts
        return None


def _value(token: str) -> tuple[float | None, bool]:
    """(value, masked) of one numeral token from _QUANTITY."""
    if re.fullmatch(_MASK, token):
        return None, True
    return parse_number(token), False


def find_quantities(text: str) -> list[Quantity]:
    """Every number with a unit (or a percent/mask) in text, left to right."""
    folded = fold(text)
    out: list[Quantity] = []
    for m in _QUANTITY.finditer(folded):
        low, high = m.group("low"), m.group("high")
        unit = m.group("unit") or m.group("unit1")
        if m.group("pre"):
            unit = "%" if m.group("pre") == "百分之" else "‰"
        if low == "～" and not unit:
            continue                              # a tilde alone is punctuation
        if not unit and not re.fullmatch(_ARABIC, low):
            continue                              # bare Chinese numerals are words (一是, 十分)
        if unit and re.fullmatch(_CN_NUM, low) and not _chinese_with_unit(low, unit):
            continue
        if unit and re.fullmatch(_CN_NUM, low) and low[-1] in "万亿" and len(low) > 1 \
                and unit[0] not in "万亿千百":
            low, unit = low[:-1], low[-1] + unit   # 一千万元 -> 一千 + 万元
        value, masked = _value(low)
        vhigh, masked_high = _value(high) if high else (None, False)
        if high and m.group("unit1") and m.group("unit") and m.group("unit1") != m.group("unit"):
            continue                              # "3亿元-5万元" is not one range
        if value is None and not masked:
            continue
        out.append(Quantity(value, unit, m.start(), m.end(), vhigh, m.group("mod"),
                            masked or masked_high, bool(re.fullmatch(_CN_NUM, low))))
    return out


def _chinese_with_unit(numeral: str, unit: str) -> bool:
    """A Chinese numeral counts before a unit only when it reads as a number (十件, 三千五百万元)."""
    return parse_number(numeral) is not None and numeral not in ("万", "亿", "点")


def split_unit_magnitude(unit: str) -> tuple[float, str]:
    """("亿元") -> (1e8, "元"): the scale a unit carries and its base, for comparing values."""
    for prefix, scale in (("万亿", 1e12), ("千亿", 1e11), ("百亿", 1e10), ("亿", 1e8),
                          ("千万", 1e7), ("百万", 1e6), ("万", 1e4)):
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return scale, unit[len(prefix):]
    return 1.0, unit
