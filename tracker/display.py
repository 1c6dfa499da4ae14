"""How a commitment reads on its own, in the table and on the status sheet.

The quote stays verbatim; what it leaves unsaid goes in front of it:
- a target cut from a clause naming several indicators ("实现全区GDP、工业增加值…五个翻番",
  "城乡居民人均可支配收入分别增长7%和8%") is led by its own indicator, so the rows of one
  clause read as distinct ("工业增加值：实现全区GDP、工业增加值…");
- a project whose clause names nothing ("力争3月份开工建设") is led by its subject
  ("国能煤电项目：力争3月份开工建设").

The 目标值 column (`target_label`) says the figure as the report does: a comparator only
where the text states one ("增长2%" stays "增长2%", "增长2%以上" reads "增长2%以上"), the
noun a count counts ("≥30个县"), a rank with its peers ("全省前十").
"""

from __future__ import annotations

import re

from tracker.ingest.normalize import fold

# Next to these, a name is one of a list ("单位生产总值能耗、主要污染物排放…控制在…") and the
# quote alone could be any of its members' row.
_LIST_JOIN = ("、", "和", "及", "与", ",", "，")
# ...but not when it is compared with what follows: "居民收入与经济增长基本同步" is one target.
_COMPARED = re.compile(r"[与和同][^，。；、]{1,12}?(?:基本|保持)?(?:同步|相适应|相协调|相匹配|持平|一致)")
# A rank's indicator names its peers ("独角兽企业数量居全国各城市排名", "县域经济综合实力全省排名");
# the quote names the thing ranked ("独角兽企业数量居全国各城市首位").
_RANK_PEERS = re.compile(r"(?:居|位居|位列|保持|进入)?(?:(?:全国|全省|全市|全区|全州|全盟|全县|同类|[东中西]部)"
                         r"[\u4e00-\u9fff]{0,6})?排名$")


def commitment_label(row: dict) -> str:
    """The text a table row or sheet row shows: the quote, led by its indicator or subject
    where the quote alone does not say which one it is."""
    text = str(row.get("text") or "")
    lead = _lead_word(row, text)
    return f"{lead}：{text}" if lead else text


def commitment_line(row: dict) -> str:
    """commitment_label on one line (an item with its 年度目标 paragraph spans two), for a
    listing that prints one row per line."""
    return " ".join(commitment_label(row).split())


def _lead_word(row: dict, text: str) -> str | None:
    if row.get("kind") == "project":
        return (row.get("subject") or "").strip() or None
    if row.get("kind") != "target":
        return None
    name = re.sub(r"\s+", "", row.get("indicator") or "")
    if not name:
        return None
    body = re.sub(r"\s+", "", text)
    ranked = _RANK_PEERS.sub("", name) if row.get("measure") == "rank" else name
    at = body.find(ranked or name)
    if at < 0:
        return name          # "城乡居民…分别增长7%和8%" holds 城镇居民… only as a pair
    before, after = body[at - 1:at], body[at + len(ranked or name):]
    if before in _LIST_JOIN or (after.startswith(_LIST_JOIN) and not _COMPARED.match(after)):
        return name          # one of a list: "实现全区GDP、工业增加值…五个翻番"
    return None              # "地区生产总值增长7.2%以上", "全面完成节能减排任务" name it once


_COMPARATOR_WORD = {">=": "以上", "<=": "以内", "≈": "左右"}
_COMPARATOR_SIGN = {">=": "≥", "<=": "≤", "≈": "≈"}
# Words by which a text states a comparator; without one a figure is shown bare. They stand
# right after the figure ("12个以上", "4%以内") or right before it ("不低于5%", "超过3万人").
_STATED = re.compile(r"以上|以内|以下|左右|上下|之内|不低于|不少于|不超过|不高于|超过|突破|控制在|低于|高于|至少|最多|多于|少于|超|逾")
# After: also at the end of a series of figures ("分别稳定在800亿斤、60亿斤、160亿斤以上").
_STATED_AFTER = re.compile(r"(?:[、和及][\d.]+[^\d、，,。；;以]{0,5})*(?:以上|以内|以下|左右|上下|之内)")
# Before: "超每千人6.5批次" (a rate's base between), "至少办好1所" (a verb between).
_STATED_BEFORE = re.compile(r"(?:(?:不低于|不少于|不超过|不高于|超过|突破|控制在|低于|高于|多于|少于|超|逾)(?:每[千万百]?人)?"
                            r"|(?:至少|最多)[\u4e00-\u9fff]{0,4})$")
# Nouns a count of 个/家/所… counts that the unit alone leaves unsaid: "30个县", "163个项目".
_COUNTED = re.compile(r"(?:乡镇|社区|街道|项目|企业|学校|医院|基地|园区|站点|县|市|区|村|镇|乡)(?!级)")
_MEASURE_WORDS = set("个家所座处项条")
# A rank as the report states it: "进入全省前十" -> "全省前十".
_RANK_WORDS = re.compile(r"(全国|全省|全市|全区|全州|全盟|全县|同类[\u4e00-\u9fff]{0,4}|[东中西]部[\u4e00-\u9fff]{0,2})?\s*"
                         r"(第一方阵|第一梯队|首位|前列|前茅|上游|领先"
                         r"|前\s*[\d一二两三四五六七八九十百]{1,3}\s*[位名强]?|第\s*[\d一二三四五六七八九十]{1,3}\s*[位名]?)")


def _num(x: float | None) -> str:
    """7.0 -> "7", 7.25 -> "7.25"."""
    if x is None:
        return ""
    return f"{x:.6f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))


def target_label(row: dict) -> str:
    """Short target text: "增长7.2%以上", "≤4%", "6.5%–7%", "翻番", "全省前十", "" for qualitative.

    With the row's text at hand a comparator shows only where the text states one, and a count
    keeps the noun it counts; without it (a form being filled in) the parsed comparator shows."""
    text = fold(str(row.get("text") or ""))
    if row.get("measure") == "rank":
        m = _RANK_WORDS.search(text)
        return (m.group(0) if m else (f"前{_num(row.get('value'))}" if row.get("value") is not None else "")).replace(" ", "")
    unit = row.get("unit") or ""
    value, high, comp = row.get("value"), row.get("value_high"), row.get("comparator")
    if text and not _stated(text, value, unit):
        comp = None if comp != "range" else comp
    growth = row.get("measure") == "growth"
    verb = ("下降" if row.get("direction") == "decrease" else "增长") if growth else ""
    if row.get("masked") and value is None:
        out = f"{verb}×{unit}"
    elif value is None:
        out = "翻番" if row.get("factor") == 2 else (f"{_num(row.get('factor'))}倍" if row.get("factor") else "")
    elif comp == "range" and high is not None:
        out = f"{verb}{_num(value)}{unit}–{_num(high)}{unit}"
    elif growth:
        out = f"{verb}{_num(value)}{unit}{_COMPARATOR_WORD.get(comp, '')}"
    else:
        out = f"{_COMPARATOR_SIGN.get(comp, '')}{_num(value)}{unit}{_counted(text, value, unit)}"
    if row.get("stretch") is not None and out:
        out = f"{out}（力争{_num(row['stretch'])}{unit}）"
    if row.get("level_value") is not None:
        level = f"{_COMPARATOR_SIGN.get(row.get('level_comparator'), '')}{_num(row['level_value'])}{row.get('level_unit') or ''}"
        out = f"{out}，{level}" if out else level
    return out


def _figure(text: str, value: float | None, unit: str) -> tuple[str, int, int]:
    """(text without spaces, start, end of "30个" in it); start -1 when the figure is not
    written in digits there ("十件", a rate of another spelling)."""
    compact = re.sub(r"\s+", "", text)
    figure = f"{_num(value)}{unit}" if value is not None else ""
    at = compact.find(figure) if figure else -1
    return compact, at, at + len(figure)


def _stated(text: str, value: float | None, unit: str) -> bool:
    """Whether the text states a comparator at its figure: "新建12个以上", "不低于5%"; not a 以上 of
    another number ("为65岁以上老年人免费体检15万人次"). Anywhere when the figure is not found."""
    compact, start, end = _figure(text, value, unit)
    if start < 0:
        return bool(_STATED.search(text))
    return bool(_STATED_AFTER.match(compact, end) or _STATED_BEFORE.search(compact, 0, start))


def _counted(text: str, value: float, unit: str) -> str:
    """The noun right after "30个" in text ("县" of "30个县"), when the unit is a measure word."""
    if unit not in _MEASURE_WORDS or not text:
        return ""
    compact, start, end = _figure(text, value, unit)
    m = _COUNTED.match(compact, end) if start >= 0 else None
    return m.group(0) if m else ""
