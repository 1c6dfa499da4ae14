"""What a project pledge is about when its own clause names nothing.

"群策群力协助国能煤电项目筹建处尽快取得环评…批复,力争3月份开工建设,…,完成投资25亿元以上":
the pledges "力争3月份开工建设" and "完成投资25亿元以上" are about 国能煤电项目, named
earlier in the sentence. A clause names its own subject when something is left of it
once the pledge words (力争, 开工建设, 完成投资, 以上…), its deadline and its figures are
taken away; otherwise its subject is the nearest project named before it in the
sentence, else in the paragraph's short run-in heading ("在明沙窝煤电产业园建设上开新局。").
None when neither names one: a subject is never guessed.
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
    r"主体工程|主体|(?:年度)?(?:建设)?任务|[前后底末内中]|份|上半年|下半年|季度")
# The head noun of a named project: "国能煤电项目", "世纪大桥", "明沙窝煤电产业园".
_HEAD = (r"项目|工程|大桥|桥|公路|高速|铁路|机场|港|码头|[站厂场馆园]|园区|基地|中心|医院|学校|"
         r"小区|水库|电站|管网|大道|广场|综合体|集团|公司|"
         r"(?:高新|经开|开发|新|片|示范|试验|保税|自贸|功能|院|校)区")
# Verbs and prepositions that lead into a project's name; the name starts after the last one.
_LEAD_IN = re.compile(r".*(?:协助|推动|推进|加快|支持|实施|建设|启动|谋划|争取|确保|力争|做好|抓好|完成|"
                      r"引进|安排|开工|建成|围绕|依托|在|对|把|将|为|使|让|和|及|与)")
_NAME = re.compile(rf"[\u4e00-\u9fffA-Za-z0-9“”\"]{{2,24}}?(?:{_HEAD})(?![\u4e00-\u9fff]{{0,2}}(?:{_HEAD}))")
# A head alone names no project: "重大项目", "重点工程" (with a count it does: "项目2900个").
_GENERIC = re.compile(r"(?:重点|重大|有关|相关|各类|一批)?(?:项目|工程|园区|基地|中心|[站厂场馆园])")
_MAX_NAME = 16
_RUN_IN = 25      # a paragraph's lead is a run-in heading when this short: "在…建设上开新局。"


def names_itself(clause: str, plan_year: int | None) -> bool:
    """Whether a clause is left with a noun of its own once pledge words, deadline and figures go."""
    rest = clause
    found = find_deadline(rest, plan_year)
    if found is not None:
        rest = rest[:found[2]] + " " + rest[found[3]:]
    for q in sorted(find_quantities(rest), key=lambda q: -q.start):
        rest = rest[:q.start] + " " + rest[q.end:]
    rest = _PLEDGE_WORDS.sub(" ", rest)
    return len(re.findall(r"[\u4e00-\u9fffA-Za-z]", rest)) >= 2


def clause_subject(text: str, sentence_start: int, clause_start: int, clause_end: int,
                   lead: tuple[int, int] | None, plan_year: int | None) -> tuple[int, int] | None:
    """(start, end) in text of the project a clause text[clause_start:clause_end] is about,
    when the clause does not name it: from the sentence before the clause, else from the
    paragraph's lead sentence `lead`."""
    if names_itself(text[clause_start:clause_end], plan_year):
        return None
    found = _last_name(text, sentence_start, clause_start)
    if found is None and lead is not None and lead[1] <= sentence_start and lead[1] - lead[0] <= _RUN_IN:
        found = _last_name(text, lead[0], lead[1])
    return found


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
