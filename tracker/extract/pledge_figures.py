"""Figures a pledge can state: which numbers in a clause count, and which is its main one.

A clause of a plan names many numbers that are not pledged figures: years (2025年),
model names (5G, 110KV, G213线), ranks (第3, 100强), names in quotes (“5+4+2”,
“三个1亿人”), the size of a project (总投资×亿元的…) and sayings (千家万户).
"""

from __future__ import annotations

import re
from dataclasses import replace

from tracker import words
from tracker.extract.numbers import Quantity, find_quantities

# Counters that make a Chinese numeral a word rather than a figure: "八个方面", "两条道路".
_COUNTERS = set("个家项件条所座处批次名场天本台辆套间栋幢张床株棵头只艘架倍")
# Verbs that make a Chinese-numeral count a pledge: "新建两所幼儿园", "完成…两条道路建设"
# (not the vague "实施一批…项目").
_BUILD_VERB = re.compile(r"新建|新增|建成|改造|改建|扩建|开工|竣工|完成|实施|引进|培育|创建|打造|新开|开通|新上|落地|签约|招引")
_DESCRIPTIVE = re.compile(r"(?:总投资|总占地|占地面积|占地|总建筑面积|总面积|全长|总长|两侧宽|宽度|宽)(?:约|近|达|为)?\s*$")
# A measure word the numbers module does not list ("2829眼机井"); not 年/月/日/期/届/代/小时.
_MEASURE_WORD = re.compile(r"[\u4e00-\u9fff](?<![年月日号期届代时分秒岁周季度线路段版级强型世小])")


def pledge_quantities(text: str, start: int, end: int) -> list[Quantity]:
    """Figures of the clause text[start:end] that a pledge can state (not years, ranks, model
    names or slogans), with offsets in text."""
    out = []
    for q in find_quantities(text[start:end]):
        a, b = start + q.start, start + q.end
        before = text[a - 1] if a > 0 else " "
        after = text[b] if b < len(text) else " "
        if before.isascii() and before.isalpha() or before in "第前+" or after in "+强级版号型线路段" \
                or text[b:b + 2] == "热线":
            continue                     # "G213线", "第3个", "“5+4+2”", "100强", "3A级"
        if not q.unit and not q.masked:
            q = _bare_number(text, a, b, q)
            if q is None:
                continue                 # "5G", "2025年", "“1246”", "30多年"
        if re.match(r"\s*(?:千伏|伏|[kK][vV])", text[b - (1 if text[b - 1:b] == "千" else 0):]) \
                or text[max(start, a - 2):a] == "减按":
            continue                     # "500千伏主干网架" a voltage; "减按15%征收" a tax rate of a policy
        if _SUSTAIN.search(text[max(start, a - 4):a]):
            continue                     # "支持103个开发区…", "巩固368个经济薄弱村扶持成效": what exists, not an output
        if _size_class(text, a, b, q):
            continue                     # "营收1亿元以上企业", "投资过千万元的项目": which ones, not how many
        if _announces(text, start, a, b, q):
            continue                     # "重点做好9个方面工作", "A、B、C、D4项行动": the work is named, not counted
        if q.unit == "岁":
            continue                     # "为60岁以上老年人…": an age says who, not how many
        if _DESCRIPTIVE.search(text[max(start, a - 6):a]):
            continue                     # "总投资×亿元的…项目": the size of a project, not a pledge
        if _in_quotes(text, a):
            continue                     # a name or saying: "“三个1亿人”问题", "“四两拨千斤”"
        numeral = text[a:b].lstrip()
        if q.chinese and not re.match(f"[{words.CN_COUNT}]", numeral):
            continue                     # "千家万户": 千/万 alone are not a figure
        if not numeral[:1].isdigit() and not q.masked:
            magnitude = any(m in (q.unit or "") for m in "万亿")
            counted = q.unit in _COUNTERS and q.unit != "批" and _BUILD_VERB.search(text[max(start, a - 12):a])
            if not magnitude and not counted and (q.unit in _COUNTERS or (q.value or 0) < 10):
                continue                 # "八个方面", "两手发力", "一户一策"; but "新建两所幼儿园"
        out.append(shift(q, start))     # paragraph offsets, so joined clauses stay comparable
    return out


# Counts of work areas a report announces: "9个方面工作", "五件事".
_AREAS = re.compile(r"\s*(?:方面|件事|大事|大方面)")
# What a restated count of a named list counts when it is work, not an output ("4项行动", "2个产业链").
_AREA_NOUN = re.compile(r"行动|工作|任务|举措|行业|领域|产业链|功能")


# Verbs that sustain what exists: the count straight after them is of things already there.
_SUSTAIN = re.compile(r"(?:支持|巩固|扶持|继续支持)\s*$")
# What a threshold figure picks out when a noun follows it: "1亿元以上企业", "超50万县".
_CLASSED = re.compile(r"的?(?:[\u4e00-\u9fff]{0,2}(?<![由让使])(?:企业|项目|工程|园区|县|市|城市|村|镇|乡镇|家庭|户))")


def _size_class(text: str, a: int, b: int, q: Quantity) -> bool:
    """A figure with a threshold (以上, 超, 过) straight before the noun it sizes names a class
    of things ("营收5亿元以上企业有研发机构", "城区人口超50万县"), not a pledged amount."""
    counts_it = (q.unit or "").lstrip("万千百亿") in ("个", "家", "所", "座", "项", "条", "处", "%", "‰")
    if counts_it:
        return False
    if q.modifier in ("以上", "以下"):     # "25度以上陡坡旱地", "500万元以上技改项目": a noun follows
        if re.search(r"(?:规模|装机|容量)\s*$", text[max(0, a - 4):a]):
            return False                 # "新建一处装机规模1600兆瓦以上的产业园": the size of what is built
        return re.match(r"的?[\u4e00-\u9fff]", text[b:b + 2]) is not None and text[b:b + 1] not in "和及与或并且为是、"
    return text[max(0, a - 1):a] in ("超", "过", "逾") and _CLASSED.match(text, b) is not None


def _announces(text: str, start: int, a: int, b: int, q: Quantity) -> bool:
    """Whether the number counts the areas of work a sentence announces rather than an output:
    "做好以下11个方面工作", "抓好5件事", or a count restating the list named just before it
    ("开展A、B、C、D4项行动"; "A、B等20个专项" counts more than it names, so it stays)."""
    if _AREAS.match(text, b) or q.unit in ("方面", "件事") or text[max(start, a - 2):a] == "以下":
        return True
    before = text[start:a]
    if q.value is None or q.value != int(q.value) or "、" not in before or before.rstrip().endswith("等"):
        return False
    names = [p for p in before.split("、") if p.strip()]
    end = min([k for k in (text.find(c, b) for c in "，,；;。：:") if k >= 0] or [len(text)])
    return len(names) == int(q.value) and bool(_AREA_NOUN.search(text, b, end))


def _bare_number(text: str, a: int, b: int, q: Quantity) -> Quantity | None:
    """A number with no listed unit: "700多亿元" -> 亿元, "2829眼机井" -> 眼; None for "30多年"."""
    if not text[a:b].strip().isdigit():
        return None
    after = text[b:b + 1]
    if after in ("多", "余"):
        rest = find_quantities(text[a:b] + text[b + 1:b + 8])
        if rest and rest[0].start == 0 and rest[0].unit:
            return Quantity(q.value, rest[0].unit, q.start, q.end + 1 + len(rest[0].unit),
                            modifier=rest[0].modifier)
        return None
    if _MEASURE_WORD.match(after) and text[b:b + 2] not in ("方面", "大类"):   # "5方面21项问题"
        return Quantity(q.value, after, q.start, q.end + 1)
    return None


def main_quantity(folded: str, quants: list[Quantity]) -> Quantity | None:
    """The figure a pledge is about: not a "每50公斤" rate base nor the "由240元" of "提高到280元"."""
    usable = [q for q in quants if not folded[max(0, q.start - 1):q.start].endswith("每")] or quants
    if not usable:
        return None
    if "由" in folded[:usable[0].start]:
        after_to = [q for q in usable if re.search(r"(?:到|至)\s*$", folded[:q.start])]
        if after_to:
            return after_to[0]
    return usable[0]


_COMPARATOR = {"以上": ">=", "以内": "<=", "以下": "<=", "之内": "<=", "左右": "≈", "上下": "≈"}
_DECREASE = re.compile(words.DECREASE)
_GROWTH = re.compile(r"增长|提高|提升|增加|增速")


def figure_fields(folded: str, quants: list[Quantity]) -> dict:
    """The contract fields (measure, value, unit, comparator, direction…) of a pledge whose
    folded text is `folded`, from its main figure among quants (offsets in folded)."""
    main = main_quantity(folded, quants)
    if main is None:
        return {"measure": "qualitative"}
    before = folded[:main.start]
    rate = main.unit in ("%", "个百分点") and (_GROWTH.search(before) or _DECREASE.search(before))
    to_level = re.search(r"(?:达到|提高到|增加到|降低到|下降到|控制在|稳定在)\s*$", before)
    ceiling = re.search(r"(?:不超过|不高于|不大于|(?<!不)低于|控制在|压减到|降至|降到|降低到|下降到)\s*$", before)
    return {
        "measure": "growth" if rate and not to_level else "level",
        "value": main.value, "value_high": main.value_high, "unit": main.unit,
        "comparator": "range" if main.value_high is not None
        else _COMPARATOR.get(main.modifier or "", "<=" if ceiling else ">="),
        "direction": "decrease" if _DECREASE.search(before) else "increase",
        "masked": main.masked,
    }


def _in_quotes(text: str, pos: int, longest: int = 12) -> bool:
    """Whether pos lies inside a short “…” quotation."""
    opened = max(text.rfind("“", 0, pos), text.rfind('"', 0, pos))
    if opened < 0 or text.rfind("”", 0, pos) > opened:
        return False
    closed = text.find("”", pos)
    return 0 <= closed - opened <= longest

def shift(q: Quantity, by: int) -> Quantity:
    """q with its offsets moved by `by` (paragraph offsets -> clause offsets)."""
    return replace(q, start=q.start + by, end=q.end + by)
