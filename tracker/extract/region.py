"""Whose report it is: the government a report names, and whether the text settles it.

Read the way a reader finds it: the speech line (在XX县第十八届人民代表大会…会议上), "我代表XX人民
政府", the title, the speaker (福建省人民政府省长), the issuer of a notice (its signature
or letterhead) and a news item's first sentence weigh most; names elsewhere in the text
add a little each. Portal residue (a source line naming another province's newspaper, a
sidebar link to another district, a dateline's city) is skipped by the caller.

National reports (delivered by 国务院总理 to the 全国人民代表大会, "我代表国务院") have the
one region NATIONAL whatever their year.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from tracker import regions, words
from tracker.ingest.portal import MEDIUM_WORD

NATIONAL = regions.NATIONAL
_NTH = rf"第\s*[{words.CN_ORDINAL}\d]+\s*"
_NATIONAL = re.compile(rf"在\s*{_NTH}届全国人民代表大会\s*{_NTH}次会议上|^\s*国务院总理|我代表国务院")
_SPEECH = re.compile(rf"在([^，。；在]{{1,24}}?)\s*(?:{_NTH}届|[{words.CN_ORDINAL}]+届)[^，。；]{{0,8}}?人民代表大会")
_ON_BEHALF = re.compile(r"我代表([^，。；\s]{2,20}?)人民政府")
_SPEAKER = re.compile(r"^([^，。；\s]{2,20}?)(?:人民政府)?(?:省长|市长|县长|区长|旗长|州长|盟长|主席)\s*\S{0,6}$")
# A signature or letterhead: "芜湖市人民政府办公室", "某某县人民政府办公室文件"; a joint one
# ("中共某某县委办公室 某某县人民政府办公室") is read part by part.
_ISSUER = re.compile(r"^([^，。；\s]{2,20}?)(?:人民政府|人民政府办公室|人民政府办公厅|政府办公室|政府办)(?:文件)?$")
_ISSUER_MAX = 40
_HEADLINE_STEM = re.compile(r"^([\u4e00-\u9fff]{2,4})\s*[：:]")
# A news item's opening: "新华社合肥1月8日电（记者 陈刚）", "本报讯（记者 …）": the city there is the agency's.
_DATELINE = re.compile(r"^\s*(?:(?:新华社|中新社|中新网|人民网|新华网|央视网|央广网|本报|本台|\S{2,8}?(?:日报|晚报|新闻网))"
                       r"\S{0,12}?\d{1,2}\s*月\s*\d{1,2}\s*日\s*电|本报讯|本台消息)(?:\s*[（(][^）)]{0,24}[）)])?")
# Names a reader takes as a government only with a word of government after them.
_CONTEXT = re.compile(rf"\s*(?:人民政府|人民代表大会|人大常委会|人大|政府工作报告|政府|国民经济|统计局|年鉴|委员会|委|"
                      rf"{_NTH}届|\d{{4}}\s*年|召开|民生实事|惠民实事)")
_PARTY_COMMITTEE = re.compile(r"中共(?:[\u4e00-\u9fff]{2,3}?[市州盟])?([\u4e00-\u9fff]{1,3}?[区县市旗])委")
# The fallback for names the gazetteer lacks (new districts, 某某县 in examples): the two
# characters before 区/县/市/旗 with a government word after, three after a boundary.
_UNKNOWN = re.compile(rf"[区县市旗](?={_NTH}届|人民政府|人民代表大会|人大常委会|政府工作报告|国民经济|统计局|年鉴)")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_BOUNDARY = re.compile(r"[^\u4e00-\u9fff]|[在市州省盟共年日]")
_STOP = re.compile(r"^[全本我该各城园社辖景新市省县区了的是在和与及并请向对为位其此等代表将年会]|开发|高新")
_NOT_PLACE = re.compile(r"[了的是我们这那个]")

STRONG = 6       # a name at a place that says whose report it is
_TITLE, _SPEECH_W, _ISSUER_W, _FIRST, _HEAD, _BODY = 6, 10, 6, 4, 2, 1


@dataclass(frozen=True)
class Found:
    """The region a report names, or None, and whether the text settles it."""

    name: str | None
    certain: bool


def read_region(title: str, lines: list[str]) -> Found:
    """The region of a report from its title and its content lines (portal residue already left out)."""
    head = lines[:15]
    if any(len(line) <= 120 and _NATIONAL.search(line) for line in head) \
            or any("我代表国务院" in line for line in lines[:40]) or "国务院" in title:
        return Found(NATIONAL, True)
    scores: dict[str, float] = defaultdict(float)
    strong: dict[str, float] = defaultdict(float)

    def add(names: list[str], weight: float) -> None:
        for name in names:
            scores[name] += weight
            if weight >= STRONG:
                strong[name] += weight

    add(_named(title, context=False) + _headline_stem(title), _TITLE)
    for line in head:
        for m in _SPEECH.finditer(line):
            add(_named(m.group(1), context=False), _SPEECH_W)
        for m in _ON_BEHALF.finditer(line):
            add(_named(m.group(1), context=False), _SPEECH_W)
        m = _SPEAKER.match(line)
        if m and len(line) <= _ISSUER_MAX:
            add(_named(m.group(1), context=False), _ISSUER_W)
    for line in head[:3] + lines[-6:]:
        for part in line.split() if len(line) <= _ISSUER_MAX else ():
            m = _ISSUER.match(part)
            if m:
                add(_named(m.group(1), context=False), _ISSUER_W)
    first = next((line for line in lines if len(line) >= 30 or "。" in line), "")
    add(_named(_DATELINE.sub("", first).split("。")[0]), _FIRST)
    for line in head:
        add(_named(line), _HEAD)
    text = "\n".join(lines)
    add(_named(text), _BODY)
    if not scores:
        return Found(_by_stem(text), False)
    for name in list(scores):   # "富强肃州、生态肃州": a place whose name the text keeps using
        stem = regions.stem_of(name)
        if stem and len(stem) >= 2:
            scores[name] += min(3.0, text.count(stem) / 5)
    ranked = sorted(scores, key=lambda n: (-scores[n], -len(n)))
    best = ranked[0]
    rival = next((n for n in ranked[1:] if not _nested(n, best)), None)
    certain = (strong.get(best, 0) > 0 and regions.is_place(best) and
               (rival is None or strong.get(rival, 0) == 0 or scores[best] >= 2 * scores[rival]))
    if scores[best] < 2:
        return Found(None, False)
    return Found(best, certain)


_MEDIUM_WORD = re.compile(MEDIUM_WORD + "$")


def portal_region(site_names: list[str]) -> str | None:
    """The region of the sites a page was copied from, when they agree on one: a full name in
    the site's name (泾县融媒体中心, 芜湖市人民政府), else a province's or a city's short name
    (安徽日报, 芜湖新闻网); a county's short name is too often a word (光明日报, 东方网)."""
    found = set()
    for site in site_names:
        stem = _MEDIUM_WORD.sub("", site)
        if regions.is_place(stem):
            found.add(stem)
            continue
        name = regions.from_stem(stem)
        if name and (regions.level(name) or 9) <= 2:
            found.add(name)
    return found.pop() if len(found) == 1 else None


def _by_stem(text: str) -> str | None:
    """A report that masks its own name ("在**区第二届人民代表大会") but keeps using it ("信州特色",
    "和谐平安信州"): the place of its level whose short name it repeats most, three times or more."""
    levels = Counter(re.findall(r"全([区县市旗])", text))
    if not levels:
        return None
    suffix = levels.most_common(1)[0][0]
    counts: Counter[str] = Counter()
    for size in (2, 3):
        for i in range(len(text) - size + 1):
            name = regions.from_stem(text[i:i + size])
            if name and name.endswith(suffix) and name[:-1] == text[i:i + size]:
                counts[name] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    return ranked[0][0]


def _nested(a: str, b: str) -> bool:
    """Whether one name is the other's spelling with a parent ("酒泉市肃州区" and "肃州区")."""
    return a.endswith(b) or b.endswith(a)


def _named(text: str, context: bool = True) -> list[str]:
    """The government names in text: known division names (followed by a word of government
    when context), a province's short name before its year or 政府, and names the gazetteer
    lacks written as 某某县人民政府."""
    out: list[str] = []
    for start, end, name in regions.places_in(text):
        if not context or _CONTEXT.match(text, end):
            out.append(name)
    for m in re.finditer(r"(?:^|(?<=\d年)|(?<=[^\u4e00-\u9fff]))([\u4e00-\u9fff]{2,3}?)(?=\d{4}\s*年|政府工作报告|人民政府)",
                         text):
        full = regions.SHORT_PROVINCES.get(m.group(1))
        if full:
            out.append(full)
    if not out:
        out += _unknown_names(text)
    if not out and not context and re.fullmatch(r"[\u4e00-\u9fff]{2,8}[区县市旗州盟]", text):
        name = _clean(text)     # the name itself, from a speech line or signature: 某某县
        out += [name] if name else []
    return out


def _headline_stem(title: str) -> list[str]:
    """"芜湖：2025年十项民生实事全部完成": a headline led by a place's short name."""
    m = _HEADLINE_STEM.match(title.strip())
    full = regions.from_stem(m.group(1)) if m else None
    return [full] if full else []


def _unknown_names(text: str) -> list[str]:
    """Names before a government word that the gazetteer does not hold (某某县人民政府)."""
    out = []
    for m in _UNKNOWN.finditer(text):
        name = _clean(_name_before(text, m.start()))
        if name:
            out.append(name)
    for m in _PARTY_COMMITTEE.finditer(text):
        name = _clean(m.group(1))
        if name:
            out.append(name)
    return out


def _name_before(text: str, suffix: int) -> str:
    """The name ending at text[suffix]: two characters before it, three when a boundary precedes."""
    n = 0
    while n < 3 and suffix - n - 1 >= 0 and _HAN.match(text[suffix - n - 1]):
        n += 1
    name = text[suffix - n:suffix + 1]
    if n == 3 and not (suffix - 3 == 0 or _BOUNDARY.match(text[suffix - 4])) or _STOP.match(name):
        return name[1:]
    return name


def _clean(name: str) -> str | None:
    """name without a leading city prefix ("酒泉市肃州区" -> "肃州区"); None for generic words."""
    name = re.sub(r"^.*?[市省]", "", name) if len(name) > 3 and re.search(r"[市省].", name) else name
    if len(name) < 3 or not re.fullmatch(r"[\u4e00-\u9fff]+", name) or _STOP.match(name) or _NOT_PLACE.search(name) or re.search(r"(?:省|自治区)$", name):
        return None
    return name
