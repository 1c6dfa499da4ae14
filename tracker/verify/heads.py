"""Every quantity of a text with the words it is about (its head): the open-vocabulary reader.

"社会消费品零售总额增长1.4%" is (社会消费品零售总额, growth, 1.4 %); "改造老旧小区682个、老旧管网
7912公里" is (改造老旧小区, 682 个) and (老旧管网, 7912 公里); "城镇和农村居民人均可支配收入分别
增长4.3%、5.3%" gives each name its figure. No list of indicators is needed: a target is then
matched to these heads by unit dimension and by how alike the words are (`similarity`), the
vocabulary's aliases only raising a match (ledger.py).

A head is the noun phrase before the figure, back to the clause break, with the verb that
links them (增长, 达到, 稳定在…) and the words naming only the place or the time (全省, 全年,
2025年) dropped. A figure of several years (年均, 累计), of part of a year (上半年) or the start
of a change (从X到Y: X) is marked, not dropped: the reader says what it saw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tracker.verify import rules
from tracker.verify.quantities import OTHER_PERIOD, SUB_YEAR, numbers
from tracker import words

_CLAUSE_BREAK = "，,；;。：:！!？?"
_SENTENCE_BREAK = re.compile(r"[。；;！!？?]")
# Words between a name and its figure, at the end of the head: 增长, 达到, 稳定在, 比上年.
_LINK = re.compile(rf"(?:比上年|同比|较上年|比去年|与上年相比|实际|分别|年均|年平均|均|全年|共计|总计|合计|首次|累计|共"
                   rf"|{words.INCREASE}|{words.FALL}|上涨|增速|增幅|涨幅|增长率|达到|达|为|是|实现|突破|超过|超|逾|约|近|不到|不足"
                   r"|稳定在|保持在|控制在|提高到|提高至|提升到|提升至|增加到|增至|降至|降到|降低到|下降到|下降至|回落到|回落至"
                   r"|在|了|的)$")
# Words at the start of a head that name only the place, the time or the source.
_FRAME = re.compile(r"^(?:全[省市区县州盟旗镇]|本[省市区县]|我[省市区县]|全国|全年|年末|年底|年初|当年|去年|今年|上年|本年"
                    r"|(?:19|20)\d\d年(?:度|末|底)?|初步核算|初步统计|据统计|其中|实现|完成|带动|拉动|推动)+")
# Words that leave what is counted the same: 外贸进出口总额 is 进出口, 出口总额 is 出口.
NEUTRAL = re.compile(r"总额|总值|总量|规模|外贸|货物|全社会|全口径|实际|全体|年度")
RATE_LEAD = re.compile(r"(?:增长率|增速|增幅)(?:达到|达|为|是|保持在)?$")
UP = re.compile(rf"(?:{words.INCREASE}|上涨|增速|增幅)(?:了)?$")
DOWN = re.compile(rf"(?:{words.FALL})(?:了)?$")
YEAR_BEFORE = re.compile(r"((?:19|20)\d\d)\s*年(?:底|末|初)?(?:的)?\s*$")
_LOWER_BEFORE = re.compile(r"(?:超过|超|突破|逾|多于|高于|不低于|首次突破|首次超过)$")
UPPER_BEFORE = re.compile(r"(?:不到|不足|低于|不超过)$")
_ABOUT_BEFORE = re.compile(r"(?:约|近|接近)$")
_JOIN = re.compile(r"[、和及与]")
MAX_HEAD = 24


@dataclass(frozen=True)
class Quantity:
    """One figure of a text and the words it is about."""

    value: float               # as written, signed (下降 gives a negative change)
    unit: str
    measure: str               # growth | level
    start: int                 # offsets in the text read
    end: int
    heads: tuple[str, ...]     # the phrase(s) it is about, best reading first; ("",) when none
    bound: str | None = None   # lower (以上, 超, 突破) | upper (以内, 不到) | about (左右, 约)
    span: bool = False         # a figure of several years: 年均, 累计, 五年, 十四五
    sub_year: bool = False     # of part of a year: 上半年, 一季度
    start_value: bool = False  # the X of 从X到Y
    year: int | None = None    # the year it is dated with: 到2025年的57.7%
    link: str = ""             # the words joining it to its head: 增长, 达到, 稳定在


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the comma clause around pos."""
    start = max(text.rfind(c, 0, pos) for c in _CLAUSE_BREAK) + 1
    ends = [i for i in (text.find(c, pos) for c in _CLAUSE_BREAK) if i >= 0]
    return start, min(ends) if ends else len(text)


def _strip_links(head: str) -> str:
    """head without the linking verbs and words at its end (增长, 达到, 比上年…)."""
    while True:
        shorter = _LINK.sub("", head)
        if shorter == head:
            return head
        head = shorter


def _frame_free(head: str) -> str:
    return _FRAME.sub("", head)


def _members(subject: str) -> list[str]:
    """The names a coordinated subject lists (城镇和农村居民人均可支配收入 -> 城镇…, 农村…)."""
    parts = [p for p in (subject.split("、") if "、" in subject else _JOIN.split(subject)) if p]
    if len(parts) < 2:
        return parts
    last, first = parts[-1], parts[0]
    out = []
    for i, p in enumerate(parts):
        if i < len(parts) - 1 and len(p) <= 3 < len(last):
            p = p + last[len(p):]          # 城镇 + 居民人均可支配收入 (the last one's own part swapped)
        elif i > 0 and len(p) <= 2 < len(first):
            p = first[:2] + p              # 粮食播种面积、单产、总产: 粮食 + 单产
        out.append(p)
    return out


_LEVELLED = re.compile(r"(?:与上年|同比|较上年|比上年|与去年)?(?:基本)?持平")


def read(text: str) -> list[Quantity]:
    """Every figure with a unit in text (folded), with its head, measure, bound and period marks;
    "居民消费价格与上年持平" is a change of 0%."""
    out = _read(text)
    for m in _LEVELLED.finditer(text) if rules.on("levelled") else ():
        c_start, _ = clause_bounds(text, m.start())
        head = _frame_free(_strip_links(text[c_start:m.start()]))
        if head and not any(q.start <= m.start() < q.end for q in out):
            own = own_period_text(text[c_start:m.start()])
            out.append(Quantity(0.0, "%", "growth", m.start(), m.end(), (head,), None,
                                bool(OTHER_PERIOD.search(own)), bool(SUB_YEAR.search(own)), link="持平"))
    return sorted(out, key=lambda q: q.start)


def _read(text: str) -> list[Quantity]:
    found = numbers(text)
    out: list[Quantity] = []
    respectively: dict[tuple[str, str], int] = {}     # (sentence start, measure/unit kind) -> next member
    for i, (a, b, value, unit) in enumerate(found):
        c_start, c_end = clause_bounds(text, a)
        prev_end = found[i - 1][1] if i and found[i - 1][1] > c_start else c_start
        lead = text[prev_end:a]
        lead_core = re.sub(r"(?:比上年|同比|较上年|比去年)$", "", lead.rstrip())
        if RATE_LEAD.search(lead_core):
            measure = "growth"
        elif DOWN.search(lead_core):
            measure, value = "growth", -value
        elif UP.search(lead_core):
            measure = "growth"
        else:
            measure = "level"
        if unit == "倍" and measure == "level" and re.search(r"增长$|增加$", lead_core):
            measure = "growth"
        # "4.3%、5.3%" / "5.2万亿元、增长5.4%": no name of its own, the one before it counts
        prev = out[-1] if out and found[i - 1][1] > c_start - 2 else None
        joined = re.sub(r"^\s*(?:左右|以上|以下|以内|多|余)", "", lead).strip()    # "5.5%左右、6%左右"
        if prev is not None and not _strip_links(joined.strip("、和及与 ")) and joined[:1] in ("、", "和", "及", "与", ""):
            if measure == "level" and prev.measure == "growth" and prev.unit == unit:
                measure, value = "growth", (-value if prev.value < 0 else value)
        after = text[b:b + 4]
        bound = ("lower" if re.match(r"\s*(?:以上|多|余)", after) or _LOWER_BEFORE.search(lead_core)
                 else "upper" if re.match(r"\s*(?:以内|以下)", after) or UPPER_BEFORE.search(lead_core)
                 else "about" if re.match(r"\s*左右", after) or _ABOUT_BEFORE.search(lead_core) else None)
        heads, span, sub, start_value, year = _context(text, found, i, c_start, c_end, a, b, measure, unit, respectively, out)
        link = lead_core[len(_strip_links(lead_core)):]
        out.append(Quantity(value, unit, measure, a, b, heads, bound, span, sub, start_value, year, link))
    return out


def _context(text, found, i, c_start, c_end, a, b, measure, unit, respectively, out):
    """(heads, span, sub_year, start_value, year) of the i-th figure."""
    sentence_start = max((m.end() for m in _SENTENCE_BREAK.finditer(text, 0, a)), default=0)
    before = text[c_start:a]
    frm = max(before.rfind("从"), before.rfind("由"))
    start_value = frm >= 0 and bool(re.match(r"[^，。；]{0,16}?(?:到|至)", text[b:]))
    own = own_period_text(before)
    sub = bool(SUB_YEAR.search(own))
    span = bool(OTHER_PERIOD.search(own)) and not sub
    dated = YEAR_BEFORE.search(text[max(0, a - 10):a])
    year = int(dated.group(1)) if dated else None
    # the head: the words before the figure, back to the clause break
    prev_end = found[i - 1][1] if i and found[i - 1][1] > c_start else c_start
    lead = text[prev_end:a]
    if frm >= 0 and frm + c_start >= prev_end:
        lead = text[prev_end:c_start + frm]         # 年末城镇调查失业率从…降到5.3%: the name before 从
    if out and i and found[i - 1][1] > c_start and out[-1].start_value:
        return out[-1].heads, span, sub, start_value, year     # the Y of 从X到Y: X's name
    subject = _strip_links(lead.strip())
    if "分别" in text[c_start:a] or "分别" in text[sentence_start:a]:
        names_part = text[sentence_start:a]
        cut = names_part.rfind("分别")
        if cut >= 0:
            group_start = max(names_part.rfind(ch, 0, cut) for ch in "，,：:") + 1
            members = [_frame_free(m) for m in _members(_strip_links(names_part[group_start:cut]))]
            if len(members) >= 2:
                key = (sentence_start + group_start, f"{measure}|{unit if unit in ('%', '个百分点') else 'n'}")
                k = respectively.get(key, 0)
                respectively[key] = k + 1
                if k < len(members):
                    return (members[k],), False, sub, start_value, year
    after_list = "、" in subject or lead.lstrip()[:1] == "、"
    if "、" in subject:
        subject = subject[subject.rfind("、") + 1:]
    subject = _frame_free(subject)[-MAX_HEAD:]
    if not subject and out and i and found[i - 1][1] > c_start - 2:
        return out[-1].heads, span or out[-1].span, sub, start_value, year
    if after_list and 0 < len(subject) <= 3 and out and found[i - 1][1] > c_start and len(out[-1].heads[-1]) > 3:
        # "粮食播种面积1266.6万亩、产量514.4万吨": 产量 shares the list's first words (粮食产量)
        return (subject, out[-1].heads[-1][:2] + subject), span, sub, start_value, year
    obj = re.match(r"([\u4e00-\u9fff]{2,10})", text[b:c_end]) if unit not in ("%", "‰", "个百分点") else None
    heads = (subject,)
    said = obj.group(1) if obj else ""
    if said and not (_LINK.search(said[:2]) or DOWN.search(said[:2]) or UP.search(said[:2])
                     or re.match(r"以上|以内|以下|左右|多|余|的", said)):
        heads = (subject + obj.group(1), subject) if subject else (obj.group(1),)
    return heads, span, sub, start_value, year


def own_period_text(before: str) -> str:
    """The words of a clause before a figure that date it: for the Y of 从X到Y, not the words
    between 从 and X (年末城镇调查失业率从上半年5.5%降到5.3%: 上半年 dates 5.5% only)."""
    frm = max(before.rfind("从"), before.rfind("由"))
    if frm < 0 or not rules.on("own_period"):
        return before
    to = re.search(r"\d[^到至]*(?:到|至)[^到至]*$", before[frm:])
    return before[:frm] + before[frm:][to.end() - 1:] if to else before


def qualified(text: str, start: int) -> bool:
    """True when the name at start is narrowed by words attached before it: 跨境电商进出口,
    南疆五地州地区生产总值, 对东盟进出口 are parts of the whole, not the whole (全省, 全年,
    实现, 其中 only frame it)."""
    run = re.search(r"[\u4e00-\u9fff]*$", text[max(0, start - 16):start]).group(0)
    run = re.split(r"实现|完成|带动|拉动|推动|其中|以及|比上年|同比|对|在|的|和|与|及|使|让|将|把|为|是|达到|全年|年末", run)[-1]
    return len(NEUTRAL.sub("", _frame_free(run))) >= 2


@lru_cache(maxsize=65536)
def bigrams(text: str) -> frozenset[str]:
    """Overlapping character pairs of text with the neutral words dropped (a single char is its own)."""
    core = NEUTRAL.sub("", text) or text
    return frozenset(core[i:i + 2] for i in range(len(core) - 1)) or frozenset([core])


def similarity(names, heads, narrower_differs: bool = False) -> float:
    """How alike two sets of phrases are: the best Dice coefficient of character pairs.

    narrower_differs: for indicator names, where the modifier comes first and the head last: a
    name that is the other one with words in front is another thing (出口 and 进出口), and so is
    one ending on a noun the other lacks (…一般公共预算收入比重 is a share)."""
    best = 0.0
    for n in names:
        bn, cn = bigrams(n), _core(n)
        for h in heads:
            if not h or bn.isdisjoint(bigrams(h)):
                continue
            if narrower_differs:
                ch = _core(h)
                if ch != cn and (ch.endswith(cn) or cn.endswith(ch)):
                    continue
                if len(ch) >= 2 and ch[-2:] not in bn and ch[-2:] not in cn:
                    continue    # 税收占一般公共预算收入比重 ends on its own noun: a share, not the revenue
                if rules.on("siblings") and _siblings(cn, ch):
                    continue    # 一产增加值 / 二产增加值: one head, another modifier
            bh = bigrams(h)
            best = max(best, 2 * len(bn & bh) / (len(bn) + len(bh)))
    return best


def _siblings(a: str, b: str) -> bool:
    """True for two names sharing their head and differing only in a short modifier in front."""
    k = 0
    while k < min(len(a), len(b)) and a[-1 - k] == b[-1 - k]:
        k += 1
    pa, pb = a[:len(a) - k], b[:len(b) - k]
    return k >= 2 and 0 < len(pa) <= 3 and 0 < len(pb) <= 3


@lru_cache(maxsize=65536)
def _core(text: str) -> str:
    return NEUTRAL.sub("", text) or text


@dataclass(frozen=True)
class Statement:
    """A change stated without a figure: 总产连续6年增长, 能耗强度持续下降, 物价总体平稳."""

    direction: int             # +1 up (增长, 创历史新高), -1 down (下降), 0 steady (持平, 平稳)
    start: int
    end: int
    heads: tuple[str, ...]     # each name it is said of
    words: str                 # the words that say it


_STATED = re.compile(r"(?:连续\d+年|持续|继续|稳步|不断|均|实现|再)?(?:(?P<up>增长|增加|提高|提升|上升|扩大|创历史新高|再创新高|创新高|历史新高)"
                     r"|(?P<down>下降|减少|降低|回落|下滑|收窄)|(?P<flat>持平|总体平稳|保持平稳|基本稳定|保持稳定|运行平稳))")


def statements(text: str) -> list[Statement]:
    """Changes text (folded) states of something without a figure of their own."""
    out = []
    for m in _STATED.finditer(text):
        if re.match(r"\s*(?:了)?\s*[\d一二三四五六七八九十百]", text[m.end():m.end() + 3]) or \
                re.match(r"(?:率|幅|速|量|值|额)", text[m.end():m.end() + 1]):
            continue    # 增长5%: a figure (heads.read), 增长率: a name
        c_start, _ = clause_bounds(text, m.start())
        subject = _frame_free(_strip_links(text[c_start:m.start()]))
        if not subject or re.search(r"\d", subject):
            continue
        members = [_frame_free(x) for x in _members(subject)]
        direction = 1 if m.group("up") else -1 if m.group("down") else 0
        out.append(Statement(direction, m.start(), m.end(), tuple(x for x in members if x),
                             text[c_start:m.end()]))
    return out
