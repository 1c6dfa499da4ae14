"""Project pledges: any other concrete, checkable pledge of the plan year.

A pledge is one clause (split at , ， ； 。) of the plan part that states a quantity
("新建充电桩392个", "完成投资25亿元以上") or a deadline ("确保世纪大桥7月份建成通车").
Clauses joined by 、 under one verb stay one entry. Results of past years, forecasts
and slogans are left out, and so is any span already taken by targets or livelihood.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Sequence

from tracker import words
from tracker.extract.dates import find_deadline
from tracker.model import PROJECT, Commitment, Report, SourceText
from tracker.ingest.normalize import fold
from tracker.extract.numbers import Quantity
from tracker.ingest.paragraphs import Paragraph
from tracker.extract.named_pledges import names_finished_project
from tracker.extract.plan_part import plan_starts
from tracker.extract.pledge_figures import figure_fields, pledge_quantities, shift
from tracker.extract.sections import heading_of
from tracker.extract.subjects import clause_subject, context_subject

_SENTENCE_END = "。！？!?"
# A list item marker where a livelihood item taken by another rule starts: "（1）", "3.", "第三件".
_ITEM = re.compile(rf"\s*(?:[（(]\s*\d{{1,2}}\s*[)）]|\d{{1,2}}\s*[.、．](?!\d)|{words.CN_PAREN})")
_CLAUSE_END = ",，；;:："

# Past results and progress: "圆满完成了", "累计完成", "比上年增长", "已建成", "截至6月底".
_RESULT = re.compile(
    r"(?<![为除])了(?![解])|累计|比上年|比去年|较上年|同比|^(?:去年|上年)|目前|已经"
    r"|已(?:完成|建成|实现|达到|开工|竣工|投产|落地|签约|超过|按|有)"
    r"|将达(?=\s*\d)"        # "今年高校毕业生将达727万人": a forecast of a fact
    r"|目标(?:拟)?(?:定为|为|是)"   # "今年的经济增长目标定为7.5%左右": a target, not a project
    r"|共(?:完成|实现|争取|落实)|超额完成|完成年度?(?:计划|任务)的|占全年"
    r"|^(?:全[省市区县州盟]|我[省市区县])?(?:还)?有(?=\s*\d)"   # "全区有280万农牧民在城镇转移就业": a fact
    r"|平均每年|每年平均"                                        # "…老年人平均每年新增30万": a trend
    r"|^(?:围绕|聚焦|依托|立足|瞄准|针对|对标)"                    # "围绕乳制品、牛羊肉等10个品类": a scope, not a pledge
)
# A whole sentence that forecasts or reports: "预计到年底可完成…", "截至目前…".
_NOT_PLEDGE_SENTENCE = re.compile(r"预计|截至|截止|至目前|目前已")
# Multi-year goals belong to targets of another period: "“十二五”期间", "到2027年", "年均".
_MULTI_YEAR = re.compile(rf"期间|五年|{words.ANNUAL_AVERAGE}|{words.CN}+五(?:”|\")?(?:末|时期|规划)")
# The livelihood list's own heading: "切实办好10件惠民实事".
_LIVELIHOOD = re.compile(r"(?:惠民|为民|民生|件)实事")
# A clause that only completes the one before it: "…改造,让3800户群众乐享绿色暖冬",
# "完成投资184亿元以上,增长5%以上", "改造城市老旧小区 30 个，共 1709 户".
_RESULT_TAIL = re.compile(r"^(?:让|使|惠及|受益)")
_RATE_TAIL = re.compile(r"^(?:同比)?(?:增长|增速|增幅)")
_SHARE_TAIL = re.compile(r"^(?:共|合计|总计|其中)")
# Work words a clause needs to inherit a deadline that heads its sentence ("年内…；确保完成…").
_WORK = re.compile(r"完成|建成|开工|竣工|投产|投用|运营|通车|交付|达产|实现|引进|落地|签约|启动|搬迁|改造|新建|建设"
                   r"|开放|投入使用|挂牌|验收|出台|制定|编制|达标|上线|开通|开业|招生|入住|并网|发电")
_DONE = re.compile(r"竣工|投入使用|建成|投用|通车|完工|投产|运营|开业")
_OWN_VERB = re.compile(r"确保|力争|争取|加快|推进|推动|积极|大力|全力|全面|完成|实施|启动|开工|新建|建成")


def extract_projects(source: SourceText, report: Report, paras: list[Paragraph],
                     cats: list[str | None], taken: list[tuple[int, int]],
                     targets: Sequence[Commitment] = ()) -> list[Commitment]:
    """Project pledges of the plan part of report, skipping the (start, end) file spans in taken
    and clauses that only restate one of the report's targets."""
    if report.plan_year is None and report.doc_type != "government_work_report":
        return []             # yearbooks, bulletins, summaries with no plan year pledge nothing
    out: list[Commitment] = []
    items = {a for a, b in taken if _ITEM.match(source.text, a) or "实事" in source.text[a:b]}
    for para, cat, start in zip(paras, cats, plan_starts(paras, report.plan_year)):
        if start is not None:   # a 主要预期目标 paragraph may run on into the tasks: targets are in taken
            stop = _item_start(para, items)
            out.extend(_paragraph_projects(para, cat, report.plan_year, taken, start, stop))
    return _told_apart([(c, topic) for c, topic in out if not any(restates(c, t) for t in targets)])


def _told_apart(rows: list[tuple[Commitment, str | None]]) -> list[Commitment]:
    """The rows, each of several reading alike but for their figures ("植树×万棵" under 两网 and
    under 三大基地) led by the topic it stands under, so that none reads like another."""
    alike = Counter(_gist(c.text) for c, _ in rows if not c.subject)
    return [replace(c, subject=topic) if topic and not c.subject and alike[_gist(c.text)] > 1 else c
            for c, topic in rows]


def _gist(text: str) -> str:
    """A row's words without its figures: "植树20万棵" and "植树×万棵" read alike."""
    return re.sub(r"[\d.×*]+", "#", _squeeze(text))


# A target text this short ("增长7%") is too common to mark a clause as its restatement.
_MIN_TARGET_TEXT = 6


def restates(project: Commitment, target: Commitment) -> bool:
    """True when a project clause only restates a target of the same report.

    The paragraph that explains the targets repeats them ("提出居民消费价格涨幅控制在4%左右",
    "把居民消费价格涨幅控制在3.5%左右"): same indicator and value, or the target's text
    inside the clause.
    """
    text = _squeeze(project.text)
    own = _squeeze(target.text)
    if len(own) >= _MIN_TARGET_TEXT and own in text:
        return True
    if target.annual_average or target.period not in (None, "", "year"):
        return False   # "年均增长20%以上" over five years is not this year's "增长20%以上"
    name = _squeeze(target.indicator or "")
    return (bool(name) and name in text and target.value is not None
            and project.value is not None and abs(project.value - target.value) < 1e-9
            and project.unit == target.unit)


def _squeeze(text: str) -> str:
    """Folded text without blanks, so "4．6%" and "4.6 %" compare equal."""
    return re.sub(r"\s+", "", fold(text or ""))


def _item_start(para: Paragraph, items: set[int]) -> int:
    """Where the first livelihood item taken by another rule starts in para (its end if none).

    The rest of an item ("（1）…培训农村技能型劳动力1万人；…新增城镇就业5000人。", or
    "…作为第二件为民实事。…确保向全市提供保障性住房×套") belongs to that item, so it
    yields no projects of its own.
    """
    first = para.file_offset(0)
    last = para.file_offset(len(para.text) - 1) if para.text else first
    inside = [a for a in items if first <= a <= last]
    for pos in range(len(para.text)) if inside else ():
        if para.file_offset(pos) in inside:
            return pos
    return len(para.text)


def _spans(text: str, start: int, end: int, stops: str) -> list[tuple[int, int]]:
    """(start, end) pieces of text[start:end] split after any char in stops, blanks trimmed."""
    out, begin = [], start
    for i in range(start, end + 1):
        if i == end or text[i] in stops:
            a, b = begin, i
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append((a, b))
            begin = i + 1
    return out


def _paragraph_projects(para: Paragraph, cat: str | None, plan_year: int | None,
                        taken: list[tuple[int, int]], plan_start: int = 0,
                        stop: int | None = None) -> list[tuple[Commitment, str | None]]:
    """Pledges of one plan paragraph (from plan_start to stop), sentence by sentence, each with
    the topic it stands under (for telling alike rows apart)."""
    out: list[tuple[Commitment, str | None]] = []
    text = para.folded
    begin = max(plan_start, _body_start(para.text))
    stop = len(text) if stop is None else stop
    sentences = _spans(text, begin, max(begin, stop), _SENTENCE_END)
    # every sentence of the paragraph, the first a run-in heading perhaps ("在明沙窝煤电产业园建设上开新局。")
    whole = _spans(text, 0, len(text), _SENTENCE_END)
    for s_start, s_end in sentences:
        earlier = [x for x in whole if x[1] <= s_start]
        # the whole sentence, also past a livelihood item that cuts it (its later clauses may name the subject)
        full = next(((s_start, b) for a, b in whole if a <= s_start < b), (s_start, s_end))
        sentence = text[s_start:s_end]
        if _NOT_PLEDGE_SENTENCE.search(sentence) or "预期目标" in sentence:
            continue
        clauses = _spans(text, s_start, s_end, _CLAUSE_END)
        if clauses and _later_year_head(text[clauses[0][0]:clauses[0][1]], plan_year):
            continue           # "到2025年，全市养老床位达到1.5万张": a goal of a later year
        head = _head_deadline(text, clauses[0], plan_year) if clauses else None
        pending: list[tuple[int, int, list[Quantity], tuple | None, bool]] = []
        blocked = False        # a dropped result clause ends what a tail may join
        for c_start, c_end in clauses:
            clause = text[c_start:c_end]
            quants = pledge_quantities(text, c_start, c_end)
            own = find_deadline(clause, plan_year)   # "春节前": words kept, ISO date None
            if clause in ("其中", "同时", "另外"):
                continue               # a connective alone ("要投入近×亿元,其中,财政投入…")
            if pending and not blocked and _joins_previous(clause, quants, own, pending[-1]):
                p_start, _, p_quants, p_deadline, p_named = pending[-1]
                pending[-1] = (p_start, c_end, p_quants or quants, p_deadline or own, p_named)
                continue
            blocked = bool(_RESULT.search(clause) or _LIVELIHOOD.search(clause)
                           or _multi_year(clause, plan_year))
            if blocked:
                continue
            if own is not None and not quants and not _WORK.search(clause):
                own = None             # "尤其在下半年工作中…", "为贯彻落实8月3日…精神": a time, not a deadline
            deadline = own
            if deadline is None and head is not None and c_start > s_start and text[c_start - 1] in "；;" \
                    and (quants or _WORK.search(clause)):
                deadline = head        # "年内确保完成…；确保完成…两条道路建设；"
            if quants or deadline is not None:
                pending.append((c_start, c_end, quants, deadline, False))
            elif _RESULT_TAIL.match(clause) is None:
                # "建成广湛高铁": a named project's finish pledges without a figure; any other
                # clause may still gain a tail ("…改造,让3800户…")
                pending.append((c_start, c_end, [], None, names_finished_project(clause)))
        for c_start, c_end, quants, deadline, named in pending:
            if not quants and deadline is None and not named:
                continue
            if _overlaps(para, c_start, c_end, taken):
                continue
            subject = clause_subject(text, full, c_start, c_end, earlier, plan_year)
            c = _commitment(para, c_start, c_end, quants, deadline, cat, subject)
            topic = None if subject else context_subject(text, earlier)
            out.extend((row, topic and para.text[topic[0]:topic[1]])
                       for row in _respectively(c, para, c_start, c_end, quants) or [c])
    return out


# "…分别达2300亿元、600亿元" / "…分别从每人每月202元、270元提高到209元、280元".
_RESPECTIVELY = re.compile(r"分别")
_NAME_LEAD = re.compile(r"(?:全年|今年|年内|力争|确保|争取|推动|促进|实现|努力|要|使|并|全省|全市|全区|全县)+")
_SHORT_NAME = 3     # names this short share the last one's tail: "交通、水利、市政领域投资"


def _respectively(c: Commitment, para: Paragraph, start: int, end: int,
                  quants: list[Quantity]) -> list[Commitment]:
    """One row per name of a "A、B、C…分别…X、Y、Z" clause, each with its own figure and the
    name as its subject (the quote stays the whole clause); [] when the clause is not one."""
    text = para.folded
    m = _RESPECTIVELY.search(text, start, end)
    if m is None:
        return []
    values = [q for q in quants if q.start >= m.end()]
    to = [k for k in (text.rfind(w, m.end(), end) for w in "到至") if k >= 0]
    if to:
        values = [q for q in values if q.start > max(to)] or values
    lead = _NAME_LEAD.match(text, start, m.start())
    names = [n.strip() for n in re.split(r"、", text[lead.end() if lead else start:m.start()]) if n.strip()]
    if len(names) < 2 or len(names) != len(values):
        return []
    if all(len(n) <= _SHORT_NAME for n in names[:-1]) and len(names[-1]) > len(names[0]):
        tail = names[-1][len(names[0]):]
        names = [n + tail for n in names[:-1]] + names[-1:]
    last = values[-1]
    rows = []
    for name, q in zip(names, values):
        if q.modifier is None and last.modifier is not None:
            q = replace(q, modifier=last.modifier)   # "90%、60%、35%以上": 以上 is said of each
        fields = figure_fields(text[start:end], [shift(q, -start)])
        rows.append(replace(c, subject=name, **fields))
    return rows


def _body_start(text: str) -> int:
    """Offset after a section heading that opens the paragraph ("二、下半年工作安排", "（一）…。")."""
    found = heading_of(text)
    if not found or found[0] > 2:
        return 0             # "1.新建公厕10座" may be a list item holding a pledge
    end = text.find(found[1])
    return len(text) if end < 0 else end + len(found[1])


def _joins_previous(clause: str, quants: list[Quantity], own: tuple | None, previous: tuple) -> bool:
    """Whether clause only completes the previous clause and belongs to its entry."""
    _, _, p_quants, p_deadline, _ = previous
    if _RESULT_TAIL.match(clause):      # "…改造,让3800户群众乐享绿色暖冬": the figure comes after
        return not p_quants and p_deadline is None and bool(quants)
    if _RATE_TAIL.match(clause) or _SHARE_TAIL.match(clause):
        return bool(p_quants)
    # "年内五星级酒店开工建设，会展中心…集群竣工并投入使用": one dated sentence, one entry.
    return (p_deadline is not None and not p_quants and not quants and own is None
            and bool(_DONE.search(clause)) and not _OWN_VERB.match(clause))


def _head_deadline(text: str, first: tuple[int, int], plan_year: int | None) -> tuple | None:
    """A deadline that opens a sentence ("年内确保完成…；确保完成…") and so scopes each clause."""
    found = find_deadline(text[first[0]:first[1]], plan_year)
    if found is None:
        return None
    lead = text[first[0]:first[0] + found[2]]
    return found if re.fullmatch(r"(?:力争|确保|争取|要|将|全力|努力)?", lead) else None


def _later_year_head(clause: str, plan_year: int | None) -> bool:
    """A clause that only names a later year ("到2025年", "2027年底前") and so scopes its sentence."""
    m = re.fullmatch(r"(?:力争|争取|确保)?(?:到|至)?\s*((?:19|20)\d{2})\s*年(?:底|末)?(?:前)?", clause.strip())
    return bool(m and plan_year and int(m.group(1)) > plan_year)


def _multi_year(clause: str, plan_year: int | None) -> bool:
    """A goal of another period: "“十四五”末", "到2027年", "年均增长"."""
    if _MULTI_YEAR.search(clause):
        return True
    return plan_year is not None and any(int(y) > plan_year for y in re.findall(r"(?<!\d)((?:19|20)\d{2})\s*年(?![底末内前])", clause))


def _overlaps(para: Paragraph, start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    a, b = para.file_offset(start), para.file_offset(end - 1) + 1
    return any(a < t_end and t_start < b for t_start, t_end in taken)


def _commitment(para: Paragraph, start: int, end: int, quants: list[Quantity],
                deadline: tuple | None, cat: str | None,
                subject: tuple[int, int] | None = None) -> Commitment:
    """The Commitment for paragraph span [start, end) with its main quantity, deadline and
    the paragraph span of its subject (when the clause does not name it)."""
    return Commitment(
        kind=PROJECT, text=para.text[start:end], line=para.line_at(start),
        start=para.file_offset(start), end=para.file_offset(end - 1) + 1,
        **figure_fields(para.folded[start:end], [shift(q, -start) for q in quants]),
        deadline=deadline[0] if deadline else None, deadline_text=deadline[1] if deadline else None,
        category=cat, period="year",
        subject=para.text[subject[0]:subject[1]] if subject else None,
    )
