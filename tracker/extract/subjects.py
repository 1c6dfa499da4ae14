"""What a project pledge is about when its own clause names nothing.

"群策群力协助国能煤电项目筹建处尽快取得环评…批复,力争3月份开工建设,…,完成投资25亿元以上":
the pledges "力争3月份开工建设" and "完成投资25亿元以上" are about 国能煤电项目, named
earlier in the sentence. A clause names its own subject when something is left of it
once the pledge words (力争, 开工建设, 完成投资, 以上…), its deadline and its figures are
taken away; otherwise its subject is the nearest project named before it in the
sentence, else in the paragraph's short run-in heading ("在明沙窝煤电产业园建设上开新局。").
A clause whose object is only a general word ("滚动推进163个项目", "筹措资金835亿元以上",
"新增通车里程400公里以上") does not name it either. Besides the sentence and the run-in
heading, a short topic sentence before it in the paragraph names it ("实施城中村改造攻坚行动。
滚动推进163个项目"), and so does a later clause of its own sentence ("筹措资金835亿元以上，实施
十大为民办实事工程"). Clauses that read alike in one report ("植树×万棵" three times in one
paragraph) each take the topic they stand under (`context_subject`), so no two rows read the same.
A subject is a noun phrase: a clause with no verb of its own ("新建百亩日光温室小区10个，百亩大棚
蔬菜小区35个") names itself and has none; a bare verb (新建, 建成) is never one.
None when nothing names one: a subject is never guessed.
"""

from __future__ import annotations

import re

from tracker.extract.dates import find_deadline
from tracker.extract.numbers import find_quantities

# Words of the pledge itself: aims, times, work verbs, comparators, connectives.
_PLEDGE_WORDS = re.compile(
    r"力争|确保|争取|全力|努力|尽快|加快|按期|如期|年内|全年|今年|年度|当年|全面|基本|顺利|高质量|"
    r"开工建设|开工|新开工|续建|建设|建成|竣工|完工|投产|达产|投用|投入使用|投入运营|运营|营业|开业|通车|"
    r"贯通|并网发电|并网|交付|验收|入住|招生|开放|上线|开通|挂牌|落地|签约|启动|实施|推进|完成|实现|"
    r"投资|总投资|年度投资|产值|营收|达到|达|突破|超过|不低于|以上|以内|左右|累计|新增|再|并|和|及|与|的|"
    r"主体工程|主体|(?:年度)?(?:建设)?任务|[前后底末内中]|份|上半年|下半年|季度|滚动|筹措|筹集|提速|接续|持续|继续")
# Objects that say how much but not of what: "资金", "项目", "通车里程".
_GENERAL = re.compile(r"资金|项目|工程|里程|规模|总量|产值|营收|收入|数量|总额|个数|批次|[一二三四五首]期")
# The head noun of a named project: "国能煤电项目", "世纪大桥", "明沙窝煤电产业园".
_HEAD = (r"项目|工程|大桥|桥|公路|高速|铁路|机场|港|码头|[站厂场馆园]|园区|基地|中心|医院|学校|"
         r"小区|水库|电站|管网|大道|广场|综合体|集团|公司|"
         r"(?:高新|经开|开发|新|片|示范|试验|保税|自贸|功能|院|校)区")
# Verbs and prepositions that lead into a project's name; the name starts after the last one.
_LEAD_IN = re.compile(r".*(?:协助|推动|推进|加快|支持|实施|建设|启动|谋划|争取|确保|力争|做好|抓好|完成|"
                      r"引进|安排|开工|建成|围绕|依托|在|对|把|将|为(?!民)|使|让|和|及|与)")
_NAME = re.compile(rf"[\u4e00-\u9fffA-Za-z0-9“”\"]{{2,24}}?(?:{_HEAD})(?![\u4e00-\u9fff]{{0,2}}(?:{_HEAD}))")
# A head alone names no project: "重大项目", "重点工程" (with a count it does: "项目2900个").
_GENERIC = re.compile(r"(?:重点|重大|有关|相关|各类|一批)?(?:项目|工程|园区|基地|中心|[站厂场馆园])")
_MAX_NAME = 20
_RUN_IN = 25      # a paragraph's lead is a run-in heading when this short: "在…建设上开新局。"


def names_itself(clause: str, plan_year: int | None) -> bool:
    """Whether a clause is left with a noun of its own once pledge words, deadline, figures and
    general objects (资金, 项目, 里程) go."""
    rest = clause
    found = find_deadline(rest, plan_year)
    if found is not None:
        rest = rest[:found[2]] + " " + rest[found[3]:]
    for q in sorted(find_quantities(rest), key=lambda q: -q.start):
        rest = rest[:q.start] + " " + rest[q.end:]
    rest = _GENERAL.sub(" ", _PLEDGE_WORDS.sub(" ", rest))
    return len(re.findall(r"[\u4e00-\u9fffA-Za-z]", rest)) >= 2


def clause_subject(text: str, sentence: tuple[int, int], clause_start: int, clause_end: int,
                   earlier: list[tuple[int, int]], plan_year: int | None) -> tuple[int, int] | None:
    """(start, end) in text of the project a clause text[clause_start:clause_end] is about,
    when the clause does not name it: from its sentence before the clause, else a topic
    sentence before it (`earlier`: the paragraph's sentences before this one, the first being
    its lead), else a later clause of its own sentence."""
    if names_itself(text[clause_start:clause_end], plan_year):
        return None
    return (_last_name(text, sentence[0], clause_start) or context_subject(text, earlier)
            or _last_name(text, clause_end, sentence[1]))


def context_subject(text: str, earlier: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The topic the sentences after `earlier` stand under: the nearest short topic sentence
    ("高水平建设“两网”景观绿化网络。"), else the paragraph's run-in heading."""
    for a, b in reversed(earlier[-_TOPIC_BACK:]):
        found = _topic(text, a, b) if b - a <= _RUN_IN else None
        if found is not None:
            return found
    if earlier and earlier[0][1] - earlier[0][0] <= _RUN_IN:
        return _last_name(text, *earlier[0]) or _topic(text, *earlier[0])
    return None


_TOPIC_BACK = 3   # sentences looked back for a topic
# What a topic names: a project (its head) or a programme of work.
_PROGRAMME = re.compile(rf"(?:{_HEAD}|行动|建设|网络|板块|廊道|长廊|绿道|体系|产业|集群|改造|更新|治理|保护|专项|攻坚战|工程)$")
# Words around the topic in its sentence: "高水平建设…", "以…为重点", "…是今年政府工作的第四件大事".
_TOPIC_LEAD = re.compile(r"(?:(?:高水平|高标准|高质量|大力度|全方位|大力|全力|加快|加力|着力|持续|深入|扎实|全面|继续|强力)*"
                         r"(?:实施|推进|建设|扩建|打造|推动|开展|抓好|做好|加强|完善|提升|发展)?)")
_MARKER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d{1,2}[.、．])")


def _topic(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of what a short sentence text[start:end] is about, when it announces a
    programme or project and pledges nothing itself; else None."""
    body = text[start:end]
    if find_quantities(body):
        return None
    a = start + (_MARKER.match(body).end() if _MARKER.match(body) else 0)
    b = min([k for k in (text.find(c, a, end) for c in "，,；;。！!") if k >= 0] or [end])
    m = re.match(r"以(.+?)为(?:重点|抓手|引领|牵引|突破口|核心)", text[a:b])
    if m:
        a, b = a + m.start(1), a + m.end(1)
    copula = text.find("是", a, b)
    if copula > a + 1:
        b = copula
    a += _TOPIC_LEAD.match(text, a, b).end() - a
    name = text[a:b].strip()
    if 2 < len(name) <= _MAX_NAME and _PROGRAMME.search(name) and not _GENERIC.fullmatch(name) \
            and not re.search(r"工作|以下|目标|任务", name):
        return a, b
    return None


def _last_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Span of the last project name in text[start:end], without the verbs leading into it."""
    last = None
    for m in _NAME.finditer(text, start, end):
        a, b = m.start(), m.end()
        cut = max(text.rfind(c, start, b) for c in "，,。；;：:！？!?（）()、等")
        a = max(a, cut + 1)
        lead = _LEAD_IN.match(text, a, b - 1)
        if lead:
            a = lead.end()
        if text[a:a + 1] in "“\"" and not re.search("[”\"]", text[a + 1:b]):
            a += 1          # an opening quote whose name is not closed here
        count = re.match(r"\s*[\d×*]+(?:\.\d+)?\s*个(?:以上|左右)?", text[b:end])
        if count:
            b += count.end()      # "重大项目2200个以上": the count names which projects
        name = text[a:b]
        if text.startswith("等", b) or text[max(start, a - 2):a] in ("以上", "以下") \
                or re.search(r"[\d×*A-Za-z]$", text[start:a]):
            continue        # "…特种油基地等5500个项目" is one of a list; "×亿元以上项目" a size
        if 2 < len(name) <= _MAX_NAME and not _GENERIC.fullmatch(name):
            last = (a, b)
    return last
