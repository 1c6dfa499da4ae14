"""One 预期目标 clause -> indicator targets: indicator, measure, value, unit, comparator.

Works on folded text (same length as the source), so every span maps back. A clause is
what lies between ，；。 (or a run-together boundary) inside a target paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker import words
from tracker.extract.numbers import Quantity, find_quantities, parse_number

# Verbs between an indicator and its number, longest first. "增速保持在 8% 以上" is growth.
_VERB = re.compile(
    r"(?P<verb>同口径增长|年均增长|平均增长|实际增长|增速保持在|增速达到|增速|双增|增幅|增长|上涨|提高|提升|"
    r"下降到|降低到|下降至|降低至|下降|降低|减少|压减|控制在|保持在|稳定在|低于|不超过|不高于|"
    r"不低于|不少于|突破|超过|高于|达到|达)"
    r"(?P<adv>(?:[分别都均要力争确保再实现到\s])*)$"
)
_GROWTH = {"同口径增长", "年均增长", "平均增长", "实际增长", "增速保持在", "增速达到", "增速", "双增",
           "增幅", "增长", "上涨", "提高", "提升", "下降", "降低", "减少", "压减"}
_DECREASE = tuple(words.DECREASE.split("|"))
_AT_MOST_VERB = {"控制在", "低于", "不超过", "不高于"}
_RATE_UNITS = {"%", "‰", "个百分点", "百分点"}
_AT_MOST_MOD = {"以内", "以下", "之内"}
_ABOUT_MOD = {"左右", "上下"}
# Words before an indicator that are not part of its name: "力争GDP达到…", "实现全区农业总产值…".
_LEAD = re.compile(rf"^(?:[—\-－]+|{words.CN_SHI}|{words.ARABIC_DOT}|[（(]\d{{1,2}}[)）]|"
                   r"同时|其中|并且|并|分别|力争|确保|争取|努力|实现|完成|要|使|全年|今年|明年|年内|"
                   r"五年内|到\s*\d{4}\s*年(?:底|末)?|\d{4}\s*年)+")
_TRAIL = re.compile(r"(?:同比|比上年|较上年|比去年|分别|力争|争取|确保|都要|要|均|年均|同口径|再|将|"
                    r"全年|实现|保持|基本|继续|进一步|持续|稳定|在)+$")
# "…等主要经济指标", "“五项指标”", "两项指标", "各项指标" name a list, not an indicator.
_LIST_TAIL = re.compile(rf"(?:等)?(?:“?[{words.CN_AMOUNT}\d]+项指标”?|主要经济指标|各项指标|指标|等)$")
_DOUBLING = re.compile(rf"(?:[{words.CN_AMOUNT}\d]+个)?(?:实现)?“?翻(?:一)?番”?")
# Qualitative targets: "控制在省市规定目标以内", "完成市下达任务", "实现“双下降”", "…同步".
QUALITATIVE = re.compile(
    r"(?P<verb>(?:控制|保持)在.{0,12}(?:目标|范围|规定|计划|指标|任务)(?:以内|之内|内)|"
    r"(?:全面)?完成.{0,20}(?:任务|目标|约束性指标)|实现“?双下降”?|(?:保持)?(?:基本)?同步|(?:保持)?基本平衡|"
    r"(?:略?高于|快于|不低于|跑赢)经济增[长速]|达到(?:国家|省|市|上级)?的?(?:要求|目标|标准)|"
    r"(?:略?高于|快于|不低于|跑赢)(?:全国|全省|全市)(?:平均)?(?:水平)?|"
    r"(?:继续|进一步|持续|稳定|保持)(?:改善|下降|减少|降低|增强|提高|提升)|保持(?:基本)?稳定|保持(?:在)?合理(?:水平|区间)|"
    r"(?:稳中|稳量|保稳|量稳|扩量|增量|提质|提效|增效|提速|扩容|质升|有升|有进|向好|回稳|稳定){2,})"
)
# "提质提效", "稳量提质", "稳中提质": a trend with no figure, said of one indicator.
_TREND = re.compile(r"(?:稳中|稳量|保稳|量稳|扩量|增量|提质|提效|增效|提速|扩容|质升|有升|有进|向好|回稳|稳定){2,}")
# Words that make the text before a qualitative predicate a clause of prose, not an indicator:
# "保持社会和谐稳定高质量完成“十四五”规划目标任务".
_NOT_A_NAME = re.compile(r"保持|高质量|规划|推动|推进|坚持|加快|奋力|确保|超额|也是|了|我们|实施")
# An aspiration after the target ("增长5%左右、努力争取更好结果", "增长6%以上、力争达到7%"):
# a stretch on the same figure, not a second target.
_ASPIRATION = re.compile(r"努力|力争|争取")
# The subject of "居民收入增长和经济增长同步" is 居民收入.
_SYNC_SUBJECT = re.compile(r"^(.+?)(?:实际)?(?:增长|增幅|增速)?(?:和|与|同)")


# A rank among peer governments: "进入全省前十", "保持全市前列", "位居全国第一方阵", "居全省首位".
_RANK = re.compile(
    r"(?P<verb>(?:力争|争取|确保|稳定|继续|持续)?(?:进入|保持在?|稳居|位居|位列|跻身|迈入|挺进|居于?|排名|排在|争创|争进|冲进))?"
    r"\s*(?P<peer>全国|全省|全市|全区|全州|全盟|全县|同类(?:地区|城市|县市区|县区)?|[东中西]部(?:地区|省份)?"
    r"|[\u4e00-\u9fff]{1,6}?(?:城市|县市区|县区|市州|地市))?\s*"
    rf"(?P<rank>前\s*(?P<top>\d{{1,3}}|[{words.CN_AMOUNT}百]{{1,3}})\s*(?:位|名|强)?|第\s*(?P<nth>\d{{1,3}}|[{words.CN_ORDINAL}]{{1,3}})\s*(?:位|名)?"
    r"|首位|前列|前茅|第一方阵|第一梯队|上游|领先)$")
RANK = "rank"


@dataclass
class Target:
    """A parsed indicator target (before it becomes a Commitment)."""

    indicator: str
    start: int                      # span in the paragraph
    end: int
    measure: str
    value: float | None = None
    value_high: float | None = None
    unit: str | None = None
    comparator: str | None = None
    direction: str = "increase"
    masked: bool = False
    annual_average: bool = False
    factor: float | None = None
    stretch: float | None = None
    level_value: float | None = None
    level_unit: str | None = None
    level_comparator: str | None = None
    extra: dict = field(default_factory=dict)


def split_indicators(name: str) -> list[str]:
    """'城镇居民可支配收入、农民人均纯收入' -> two names; '城乡X' -> 城镇X, 农村X."""
    name = _LIST_TAIL.sub("", name.strip()).strip("“”\" ") or name.strip()
    name = re.sub(r"\s+", "", name)
    # "城、乡居民…", "城镇和农村居民…" are the usual 城乡 pair written out
    name = re.sub(r"^(?:城、乡|(?:城镇|城市)(?:居民)?(?:和|、|与|及)(?=农村))(?:农村)?", "城乡", name)
    parts = [p.strip("“”\" ") for p in re.split(r"、|和(?=.{2,})|及(?=.{2,})", name) if p.strip("“”\" ")]
    if len(parts) > 2 and all(len(p) <= 2 for p in parts[:-1]) and len(parts[-1]) > 3:
        # "一、二、三产增加值", "一产、二产、三产增加值": the short ones share the last one's tail
        parts = [p + parts[-1][len(p):] for p in parts[:-1]] + [parts[-1]]
    elif len(parts) > 1 and min(len(p) for p in parts) < 2:
        parts = [name]
    tail = re.search(r"(?:排放总量|排放量)$", parts[-1]) if len(parts) > 1 else None
    if tail and "和" not in name:
        # "二氧化硫、氮氧化物排放量": a bare substance takes the last name's measure word
        parts = [p if re.search(r"[量率额值入耗数]$", p) else p + tail.group(0) for p in parts]
    out = []
    for p in parts or [name]:
        # 城乡居民人均可支配收入 is two indicators: one for towns, one for villages
        out += ["城镇" + p[2:], "农村" + p[2:]] if p.startswith("城乡") and len(p) > 3 else [p]
    return out


def target_quantities(body: str) -> list[Quantity]:
    """Values that can state a target: a unit is needed; 两个, 三项 are words, not values."""
    return [q for q in find_quantities(body)
            if q.unit and not (q.chinese and len(q.unit) == 1 and q.unit not in "%‰"
                               and (q.value or 0) < 100)]


def _comparator(verb: str, q: Quantity) -> str:
    if q.value_high is not None:
        return "range"
    if q.modifier in _ABOUT_MOD:
        return "≈"
    if q.modifier in _AT_MOST_MOD or verb in _AT_MOST_VERB:
        return "<="
    if verb in ("下降到", "降低到", "下降至", "降低至"):
        return "<="
    return ">="


def _targets_from_quantities(indicator: str, verb: str, qs: list[Quantity], start: int,
                             end: int, clause: str) -> list[Target]:
    """Targets for an indicator list and the parallel values after its verb."""
    # "GDP增速达到8%": a rate of growth named by the indicator is growth too
    rate_name = re.search(r"(?:增速|增幅|涨幅|增长速度)$", indicator)   # not 人口自然增长率
    # "居民消费价格涨幅2%左右" is a rate; "…涨幅控制在3.5%左右" is a ceiling on its level
    rate_named = rate_name is not None and verb not in _AT_MOST_VERB | {"保持在", "稳定在", "控制在"}
    growth = (verb in _GROWTH or rate_named) and qs[0].unit in _RATE_UNITS
    names = split_indicators(indicator)
    if len(names) != len(qs):
        qs = qs[:1] * len(names)
    modifier_q = qs[-1]
    out = []
    for name, q in zip(names, qs):
        comp_q = q if q.modifier or q.value_high is not None else modifier_q
        out.append(Target(
            indicator=name, start=start, end=end, measure="growth" if growth else "level",
            value=q.value, value_high=q.value_high, unit=q.unit, comparator=_comparator(verb, comp_q),
            direction="decrease" if verb.startswith(_DECREASE) else "increase",
            masked=q.masked, annual_average="年均" in clause))
    return out


def _parallel(qs: list[Quantity], text: str, first: int) -> list[Quantity]:
    """qs[first] and the values right after it joined by 和/、/与 in the same unit (7%和8%)."""
    group = [qs[first]]
    for q in qs[first + 1:]:
        gap = text[group[-1].end:q.start].strip()
        same = q.unit == group[0].unit or {q.unit, group[0].unit} <= {"%", "‰"}
        if gap in ("和", "、", "与", "及", ",", "，") and same:
            group.append(q)
        else:
            break
    return group


def parse_clause(text: str, offset: int = 0) -> list[Target]:
    """Targets stated by one clause (text is folded); spans are text offsets + offset."""
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    if not body:
        return []
    start, end = offset + lead, offset + lead + len(body)
    ranked = parse_rank(body, start, end)
    if ranked:
        return [ranked]
    qs = target_quantities(body)
    doubling = _DOUBLING.search(body)
    if doubling and all(doubling.start() <= q.start < doubling.end() for q in qs):
        return _doubling(body, start, end)
    if not qs:
        return _qualitative(body, start, end)
    q0 = qs[0]
    pre = body[:q0.start]
    m = _VERB.search(pre)
    verb = m.group("verb") if m else ""
    name = pre[:m.start()] if m else pre
    name = _TRAIL.sub("", _LEAD.sub("", name.strip()).strip())
    if name in ("总量", "总额", "规模", "总规模"):
        name = ""       # "增长8%，总量达到300亿元": the level of the indicator just named
    if len(name) > 30 or name.endswith(("的", "是", "为")):
        return []
    group = _parallel(qs, body, 0)
    tail = body[group[-1].end:].strip()
    targets = _targets_from_quantities(name, verb, group, start, end, body)
    if not name:    # "达到150亿元以上", "增长4%": half of a pair, joined by the caller
        targets = targets[:1]
        targets[0].extra = {"qs": group, "verb": verb, "aspiration": bool(_ASPIRATION.search(pre))}
    rest = qs[len(group):]
    if rest and targets:
        between = body[group[-1].end:rest[0].start]
        if _ASPIRATION.search(between) and rest[0].unit == group[0].unit:
            for t in targets:       # "增长6%以上、力争达到7%": the floor 6 with a stretch 7
                t.stretch = rest[0].value
            tail = body[rest[0].end:].strip()
        elif re.search(r"(?:达到|达)\s*$", between):
            # run together without a comma: "增长15%达到150亿元"
            attach_level(targets, [rest[0]])
            tail = body[rest[0].end:].strip()
    if tail and re.match(r"[、,，]?\s*(?:努力|力争|争取)", tail) and not target_quantities(tail):
        tail = ""           # "、努力争取更好结果": an aspiration with no figure of its own
    if tail.startswith("、") and targets and name:
        # "城镇新增就业47万人左右、城镇调查失业率5.5%左右": two targets in one clause
        at = body.index(tail) + 1
        more = parse_clause(body[at:], start + at - (len(text) - len(text.lstrip())) + lead)
        more = rank_of_previous(targets, more)
        if more and all(t.indicator for t in more):
            for t in targets:
                t.end = start + at - 1
            return targets + more
    if tail and not re.fullmatch(r"[（(].*[)）]", tail) and (len(tail) > 6 or tail.startswith("的")):
        return []
    return targets


def parse_rank(body: str, start: int = 0, end: int | None = None) -> Target | None:
    """A target stated as a rank among peers (body folded, one clause): measure "rank", value N
    (the rank or the size of the top group; None for 前列, 第一方阵…), comparator "<=" (N or
    better) and the peer group in the indicator: "县域经济综合实力进入全省前十" ->
    indicator "县域经济综合实力全省排名", value 10."""
    m = _RANK.search(body)
    if m is None or not (m.group("verb") or m.group("peer")):
        return None
    name = _TRAIL.sub("", _LEAD.sub("", body[:m.start()].strip()).strip())
    if len(name) > 30 or re.search(r"[，,；;。]", name) or target_quantities(name):
        return None         # "地区生产总值增长6%、增速保持…": the figure is read first, the rank after it
    of_previous = not name or bool(_OF_PREVIOUS.fullmatch(name))
    if not name and not (m.group("verb") and m.group("peer")):
        return None
    number = m.group("top") or m.group("nth")
    value = 1.0 if m.group("rank") == "首位" else (float(parse_number(number)) if number else None)
    end = start + len(body) if end is None else end
    return Target(indicator=f"{name}{m.group('peer') or ''}排名", start=start, end=end, measure=RANK,
                  value=value, comparator="<=" if value is not None else None,
                  extra={"of_previous": "named" if name else "unnamed"} if of_previous else {})


# A rank said of the indicator just named: "地区生产总值增长6%左右、增速保持在全国第一方阵".
_OF_PREVIOUS = re.compile(r"增速|增幅|增长速度|总量|规模|位次|排名")


def rank_of_previous(previous: list[Target], found: list[Target]) -> list[Target]:
    """found, with a rank said of the indicator just named ("增速保持全国第一方阵" after
    "地区生产总值增长6%") named after it: "地区生产总值增速全国排名"; such a rank with nothing
    named before it and no name of its own is dropped."""
    out = []
    for t in found:
        said_of = t.extra.pop("of_previous", None) if t.measure == RANK else None
        if said_of and previous and previous[-1].indicator and previous[-1].measure != RANK:
            t.indicator = previous[-1].indicator + t.indicator
        elif said_of == "unnamed":
            continue
        out.append(t)
    return out


def _doubling(body: str, start: int, end: int) -> list[Target]:
    m = _DOUBLING.search(body)
    name = _LEAD.sub("", body[:m.start()].strip()).strip()
    if not name:
        return []
    return [Target(indicator=n, start=start, end=end, measure="growth", comparator=">=", factor=2.0)
            for n in split_indicators(name)]


def _qualitative(body: str, start: int, end: int) -> list[Target]:
    """Targets with no number: 翻番, 控制在规定目标以内, 完成下达任务, 双下降, 同步."""
    if _DOUBLING.search(body):
        return _doubling(body, start, end)
    m = QUALITATIVE.search(body)
    if not m:
        return []
    verb = m.group("verb")
    end = start + m.end()       # the clause ends with its predicate ("…进一步下降")
    # "按照国家要求坚决完成节能减排降碳任务": the words before 完成 say how, not what
    manner = re.sub(r"^(?:按照|根据|依照|对照).{0,10}?(?:要求|部署|安排)|(?:坚决|全面|努力)$", "",
                    body[:m.start()].strip())
    if verb.startswith(("完成", "全面完成")) and not manner.strip(" 全面"):
        # "全面完成节能减排任务" names 节能减排; "完成省市下达的各项目标任务" names none
        inner = re.sub(r"^(?:全面)?完成|(?:目标)?任务$|目标$", "", verb)
        name = re.sub(r"^(?:国家|[省市区县]|上级)*(?:下达|规定)?(?:给)?(?:[我本全][省市区县])?的?(?:各项)?(?:目标)?",
                      "", inner)
        name = _LIST_TAIL.sub("", name) or "各项目标任务"
    else:
        name = _LEAD.sub("", body[:m.start()].strip()).strip()
    if _NOT_A_NAME.search(name) or (_TREND.fullmatch(verb) and ("、" in name or len(name) > 12)):
        return []       # "…科创能力攀登、内需扩容增效": a list of work themes, not one indicator
    if "同步" in verb or "经济增" in verb:
        sub = _SYNC_SUBJECT.match(body[:m.start()] + "和")
        name = _LEAD.sub("", sub.group(1)).strip() if sub else name
        return [Target(indicator=name, start=start, end=end, measure="qualitative")] if name else []
    name = _TRAIL.sub("", name)
    if not name or len(name) > 40:
        return []
    direction = "decrease" if re.search("下降|减少|降低", verb) else "increase"
    # "完成节能减排降碳和环境质量改善约束性指标": one target, the binding indicators as a class
    names = [name + "指标"] if name.endswith("约束性") else split_indicators(name)
    return [Target(indicator=n, start=start, end=end, measure="qualitative", direction=direction)
            for n in names]


def attach_level(targets: list[Target], qs: list[Quantity], verb: str = "达到") -> None:
    """Paired level of growth targets: "增长15%，达到150亿元以上" (one value per target, or shared)."""
    if len(qs) != len(targets):
        qs = qs[:1] * len(targets)
    last = qs[-1]
    for t, q in zip(targets, qs):
        t.level_value, t.level_unit = q.value, q.unit
        t.level_comparator = _comparator(verb, q if q.modifier else last)
        t.masked = t.masked or q.masked

