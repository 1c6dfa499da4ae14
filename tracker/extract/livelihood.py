"""Numbered 惠民实事 / 为民实事 / 民生实事 lists of the plan year.

Every list form ("（1）…" lines, "1.…" paragraphs, "一是…十是" in one paragraph, "①…⑩", an
appendix of "一、" headings, "1 实施…；" lines of a web notice, "第一件为民实事" in prose) is
a run of ordinals found by tracker.extract.enumeration; a run is a livelihood list when a
header near its start says so ("切实办好10件惠民实事：", "办好十件民生实事。…一是",
"2025年省十件民生实事" above an appendix, a notice titled "…十大民生实事"). The count the
header states is checked against the run and a mismatch is noted. A header with a count and
no list ("办好十项重点民生实事，着力解决…") is one pledge (kind project). Reports on last
year's list ("圆满完成了…10件实事") and work priorities ("十一件大事") are not lists.
"""

from __future__ import annotations

import difflib
import logging
import re
from dataclasses import dataclass, replace

from tracker.extract.dates import parse_deadline
from tracker.extract.enumeration import ITEM_MAX, PROSE, Run, find_runs, item_spans, label_of, split_items
from tracker.extract.numbers import parse_number
from tracker.extract.plan_part import plan_starts
from tracker.extract.pledge_figures import figure_fields, pledge_quantities
from tracker.extract.sections import heading_of
from tracker.ingest.paragraphs import Paragraph
from tracker.ingest.normalize import fold
from tracker.model import LIST, LIVELIHOOD, PROJECT, Commitment, ListSummary, Report, SourceText
from tracker import words

log = logging.getLogger(__name__)

_KIND = r"(?:惠民|为民|民生|便民)"
# "10件惠民实事", "十方面民生实事", "十大民生实事", "“十件民生实事”", "15件市级重点民生实事",
# "以下为民实事"; not "第一件为民实事", "每一件民生实事".
_HEADER = re.compile(
    rf"(?:(?<![第每\d{words.CN_AMOUNT}])(?P<count>\d{{1,2}}|[{words.CN_AMOUNT}]{{1,3}})\s*(?P<unit>件|项|类|个?方面|大)\s*“?"
    rf"(?:[\u4e00-\u9fff]{{1,6}}?(?=(?:重点)?{_KIND}))?)?(?:重点)?"
    rf"(?:(?P<kind>{_KIND})(?:办好?|办理)?(?:以下)?(?:重点)?)?实事(?:工程|项目)?”?"
)
# The header sentence reports on a past list, not this year's.
_PAST = re.compile(r"圆满|完成了|已经|已完成|去年|上年|过去|进展|每年|历年|五年来|兑现|办结|(?:完成|落实|执行)情况"
                   r"|(?:全面|全部|如期|顺利|超额)(?:完成|落实)")
# "这十件民生实事分别是：", "…民生实事，包括：": the items follow.
_LIST_OPENER = re.compile(r"\s*[，,]?\s*(?:分别是|分别为|是|为|包括|如下)?\s*[：:]")
# The words before the first item of "…、…等十件民生实事": "大力实施好自治区今年确定的".
_LEAD_IN = re.compile(r"[^、，,]*的(?=[^的]{4,}$)|\s*(?:[^、，,]{0,6}?(?:实施|办好|推进|抓好|做好|开展|包括)好?)")
_PROSE_KIND = re.compile(rf"\s*{_KIND}?实事")
_HEADER_REACH = 200   # characters of prose allowed between a header and item 1
_HEADER_PARAS = 3     # paragraphs back from item 1 searched for its header
_TITLE_PARAS = 6      # a run this near the top of a report may take its header from the title
_TITLE_LINES = 2      # (the title and the line under it)
_PROSE_REACH = 30     # paragraphs back from 第一件…实事 searched for a stated count


@dataclass(frozen=True)
class _Header:
    para: int
    start: int
    end: int
    count: int | None
    unit: str | None
    category: str


def extract_livelihood(source: SourceText, report: Report, paras: list[Paragraph],
                       cats: list[str | None]) -> list[Commitment]:
    """Items of every livelihood list of the report, in order."""
    items, _ = find_livelihood(source, report, paras)
    return [c for c in items if c.kind == LIVELIHOOD]


def find_livelihood(source: SourceText, report: Report, paras: list[Paragraph]
                    ) -> tuple[list[Commitment], list[ListSummary]]:
    """(list items plus one project per count-only header, a summary of each list)."""
    headers = [h for i, p in enumerate(paras) for h in _headers(p.folded, i, report.plan_year)]
    out: list[Commitment] = []
    lists: list[ListSummary] = []
    accepted: list[tuple[int, int, list[Commitment]]] = []   # (first para, last para, items)
    covered: set[int] = set()                                 # paragraphs of accepted lists
    runs = find_runs(paras)
    for run in runs:
        m0 = run.markers[0]
        if m0.para in covered:
            continue            # a sub-list inside an item ("①…②" under "3.")
        header = _prose_header(run, paras, headers) if run.style == PROSE else _header_for(run, paras, headers)
        found = _list_of(run, header, paras, runs, report.plan_year) if header else None
        if found is None:
            continue
        run, bodies, items = found
        stated = header.count
        first, last = m0.para, max([run.markers[-1].para, *bodies[-1]])
        repeated = next((a for a in accepted if _repeats(items, a[2])), None)
        covered.update(range(min(first, header.para), last + 1))
        if repeated:
            lists.append(ListSummary(LIVELIHOOD, items[0].line, header.category, stated, 0, run.style,
                                     f"repeats the list at line {repeated[2][0].line}"))
            continue
        accepted.append((min(first, header.para), last, items))
        out += items
        lists.append(_summary(items, header, stated, run.style))
    if report.kind == LIST and not accepted:
        notice = _notice_list(report, paras, runs, covered)
        if notice:
            header, (run, bodies, items) = notice
            out += items
            lists.append(_summary(items, header, header.count, run.style))
            accepted.append((run.markers[0].para, max([run.markers[-1].para, *bodies[-1]]), items))
    used = {p for a, b, _ in accepted for p in range(max(0, a - _HEADER_PARAS), b + 1)} | covered
    starts = plan_starts(paras, report.plan_year)
    for h in headers:                       # unnumbered: "包括：…；…；…" as many as announced
        items = [] if h.para in used or not h.count else _unnumbered(paras[h.para], h, report.plan_year)
        if items:
            out += items
            lists.append(_summary(items, h, h.count, None))
            used.add(h.para)
    for h in headers:                       # a count and no list: one pledge
        if h.para in used or not h.count or any(x.stated == h.count and x.found for x in lists):
            continue            # "以办好10件民生实事为牵引" when the report lists them elsewhere
        if starts[h.para] is not None and h.start >= starts[h.para]:
            out.append(_count_pledge(paras[h.para], h, report.plan_year))
            lists.append(ListSummary(LIVELIHOOD, paras[h.para].line_at(h.start), h.category, h.count, 0,
                                     None, "a count without a list: one pledge"))
            used.add(h.para)
    return out, lists


Found = tuple[Run, list[range], list[Commitment]]   # a list: its markers, each item's body, its items


def _list_of(run: Run, header: _Header, paras: list[Paragraph], runs: list[Run], plan_year: int | None
             ) -> Found | None:
    """(the run cut to the count announced, each item's body paragraphs, the items) of a run
    under header; None when the run is no list of them: fewer items than announced, or
    section headings whose body holds a longer list ("二、项目安排" over "（一）…（八）").
    Group headings over lists of their own ("一、教育类（3项）" over "1.…2.…3.…") give the
    items of their lists, numbered on."""
    stated = header.count
    groups = _groups(run, paras, runs, header.category, plan_year)
    if groups:
        markers = tuple(m for inner, _, _ in groups for m in inner.markers)
        items = [replace(c, number=k + 1) for k, c in enumerate(c for _, _, its in groups for c in its)]
        found = Run(groups[0][0].style, markers), [b for _, bodies, _ in groups for b in bodies], items
        return None if stated and len(items) * 2 < stated else found
    if stated and len(run) > stated:
        run = run.first(stated)
    if len(run) < 2 and stated != 1 or stated and len(run) * 2 < stated:
        return None             # "办好十件民生实事。" then "1.…" "2.…" sections of the report
    spans = item_spans(run, paras)
    bodies = _bodies(run, spans, paras)
    if any(len(other) > len(run) and all(m.para in body for m in other.markers)
           for body in bodies if body for other in runs):
        return None
    return run, bodies, _items(spans, bodies, paras, category=header.category, plan_year=plan_year)


def _items(spans: list[tuple[int, int, int]], bodies: list[range], paras: list[Paragraph], *,
           category: str, plan_year: int | None) -> list[Commitment]:
    return [_commitment(paras[j], s, e, k + 1, category, plan_year, [paras[i] for i in body])
            for k, ((j, s, e), body) in enumerate(zip(spans, bodies))]


def _groups(run: Run, paras: list[Paragraph], runs: list[Run], category: str, plan_year: int | None
            ) -> list[Found] | None:
    """The lists under a run of group headings: every heading is a paragraph of its own with a
    run of another style starting right under it and ending before the next heading, and at
    least half of every group's items pledge a figure or a deadline (not "一、总体要求" over
    "（一）指导思想（二）基本原则")."""
    if len(run) < 2:
        return None
    out: list[Found] = []
    for k, (j, _, e) in enumerate(item_spans(run, paras)):
        stop = run.markers[k + 1].para if k + 1 < len(run.markers) else len(paras)
        inner = next((r for r in runs if r.style != run.style and r.markers[0].para == j + 1
                      and len(r) >= 2 and r.markers[-1].para < stop), None)
        if inner is None or paras[j].folded[e:].strip(" 。；;，,"):
            return None
        spans = item_spans(inner, paras)
        bodies = _bodies(inner, spans, paras)
        items = _items(spans, bodies, paras, category=category, plan_year=plan_year)
        if _pledged(items) * 2 < len(items):
            return None
        out.append((inner, bodies, items))
    return out


def _pledged(items: list[Commitment]) -> int:
    """How many items pledge a figure or a deadline."""
    return sum(c.value is not None or c.deadline is not None for c in items)


def _notice_list(report: Report, paras: list[Paragraph], runs: list[Run], covered: set[int]
                 ) -> tuple[_Header, Found] | None:
    """A notice titled as a list ("关于印发2025年区级民生实事项目清单的通知") is its list, whatever
    stands between the title and item 1 (a letterhead, a preamble, a section heading): of the
    runs the title may head, the one of as many items as it states, else the one whose items
    pledge the most figures or deadlines, never its section headings nor its 保障措施."""
    m = _HEADER.search(fold(report.title))
    header = _Header(0, 0, 0, _count(m.group("count")) if m else None, m.group("unit") if m else None,
                     (m and m.group("kind") or "民生") + "实事")
    best, best_key = None, None
    for run in runs:
        found = None if run.style == PROSE or run.markers[0].para in covered else \
            _list_of(run, header, paras, runs, report.plan_year)
        if found is None:
            continue
        items = found[2]
        pledged = _pledged(items)
        key = (len(items) == header.count, pledged, pledged - len(items))
        if pledged * 2 >= len(items) and (best_key is None or key > best_key):
            best, best_key = found, key
    return (header, best) if best else None


def _bodies(run: Run, spans: list[tuple[int, int, int]], paras: list[Paragraph]) -> list[range]:
    """Indexes of the paragraphs after each item's own that belong to it: "1.城镇老旧小区改造"
    then "年度目标：新开工改造…。（牵头单位：…）" up to the next item. An item that does not
    reach the end of its paragraph has none (its paragraph goes on with other words)."""
    out: list[range] = []
    markers = run.markers
    for k, (j, s, e) in enumerate(spans):
        nxt = markers[k + 1].para if k + 1 < len(markers) else None
        if nxt == j or paras[j].folded[e:].strip(" 。；;，,"):
            out.append(range(0))
        elif nxt is not None:
            out.append(range(j + 1, nxt))
        else:
            out.append(_last_body(j, out, paras))
    return out



# The report turning back to its audience: "各位代表，…", "同志们！".
_ADDRESS = re.compile(r"\s*(?:各位代表|各位委员|同志们)")


def _last_body(j: int, earlier: list[range], paras: list[Paragraph]) -> range:
    """The last item's body: as many following paragraphs as every item before it has, each
    opening like theirs (the same label, or none), never a heading or a list header."""
    if not earlier or not all(earlier):
        return range(0)
    labels = {label_of(paras[i]) for body in earlier for i in body}
    longest = max(len(paras[i].text) for body in earlier for i in body)
    end = j + 1
    for i in range(j + 1, min(j + 1 + min(len(b) for b in earlier), len(paras))):
        p = paras[i]
        if (label_of(p) not in labels or heading_of(p.text) or _HEADER.search(p.folded)
                or _ADDRESS.match(p.folded) or len(p.text) > 2 * longest):
            break
        end = i + 1
    return range(j + 1, end)


def _headers(text: str, i: int, plan_year: int | None) -> list[_Header]:
    out = []
    for m in _HEADER.finditer(text):
        if _is_header(text, m, plan_year):
            count = _count(m.group("count"))
            out.append(_Header(i, m.start(), m.end(), count, m.group("unit"),
                               (m.group("kind") or "惠民") + "实事"))
    return out


def _count(token: str | None) -> int | None:
    value = parse_number(token) if token else None
    return int(value) if value else None


def _is_header(text: str, m: re.Match, plan_year: int | None) -> bool:
    """A list header in the future tense: "办好10件惠民实事：", not "圆满完成了…10件实事"."""
    if not (m.group("count") or m.group("kind")):
        return False                      # "干实事", "办实事" are slogans
    if not (m.group("count") or _LIST_OPENER.match(text, m.end()) or not text[m.end():].strip(" 。")):
        return False                      # "惠民实事" in passing, with no list announced
    start = max(text.rfind(c, 0, m.start()) for c in "。！？；") + 1
    end = min([k for k in (text.find(c, m.end()) for c in "。！？；") if k >= 0] or [len(text)])
    if _PAST.search(text, start, end):
        return False
    years = [int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", text[start:end])]
    # "2023年十件惠民实事" in a 2025 report, "2026年…" in a review of 2025: not this year's list.
    return not (plan_year and years and plan_year not in years)


def _header_for(run: Run, paras: list[Paragraph], headers: list[_Header]) -> _Header | None:
    """The nearest header before item 1, with little prose between them; near a report's top
    (a notice or news page titled "…十大民生实事"), any header above."""
    m0 = run.markers[0]
    before = [h for h in headers if h.para < m0.para or h.para == m0.para and h.end <= m0.start]
    if not before:
        return None
    h = before[-1]
    near_title = m0.para < _TITLE_PARAS and h.para < _TITLE_LINES
    if m0.para - h.para > _HEADER_PARAS and not near_title:
        return None
    between = "".join([paras[h.para].folded[h.end:]] + [paras[j].folded for j in range(h.para + 1, m0.para)]
                      + [paras[m0.para].folded[:m0.start]]) if h.para < m0.para else paras[m0.para].folded[h.end:m0.start]
    if len(between) > _HEADER_REACH and not near_title:
        return None
    if any((heading_of(paras[j].text) or (9,))[0] <= 1 for j in range(h.para + 1, m0.para)):
        return None             # "…每一件民生实事。" "四、全面提升政府治理…" "（一）…": a new part
    # "…“十一件为民实事”。" then "强力推进“十一件大事”：" then "（一）…": the sentence right
    # before item 1 announces another list.
    opener = _LIST_OPENER.match(between)
    rest = between[opener.end() if opener else 0:]
    return None if re.search(r"[:：]\s*$", rest) else h


def _prose_header(run: Run, paras: list[Paragraph], headers: list[_Header]) -> _Header | None:
    """"第一件为民实事" names its own kind; the count comes from a header above, if any."""
    kinds = []
    for m in run.markers:
        found = _PROSE_KIND.match(paras[m.para].folded, m.end)
        if not found:
            return None
        kinds.append(found.group(0).strip())
    m0 = run.markers[0]
    above = [h for h in headers if m0.para - _PROSE_REACH <= h.para <= m0.para
             and (h.para < m0.para or h.end <= m0.start)]
    if above:
        return above[-1]
    return _Header(m0.para, m0.start, m0.end, None, None, kinds[0] if len(kinds[0]) > 2 else "惠民实事")


def _repeats(items: list[Commitment], earlier: list[Commitment]) -> bool:
    """An appendix restating a list of the report body: as many items, most of them alike."""
    if len(items) != len(earlier):
        return False
    alike = sum(difflib.SequenceMatcher(None, _gist(a.text), _gist(b.text)).ratio() >= 0.6
                for a, b in zip(items, earlier))
    return alike * 2 > len(items)


def _gist(text: str) -> str:
    """An item's words without its marker, first clause only."""
    text = re.sub(rf"^\s*(?:[（(]?[\d{words.CN_ORDINAL}①-⑳]{{1,3}}[)）]?\s*(?:是|[.、．])?)", "", text)
    return re.split(r"[。；;，,]", text, maxsplit=1)[0][:30]


def _unnumbered(para: Paragraph, h: _Header, plan_year: int | None) -> list[Commitment]:
    """Items after "分别是：" / "包括：", or before "等十件民生实事", split at ；, 、 or ，,
    whichever gives as many as announced."""
    text = para.folded
    m = _LIST_OPENER.match(text, h.end)
    if m:
        end = text.find("。", m.end())
        spans = split_items(text, m.end(), len(text.rstrip()) if end < 0 else end, h.count)
    elif text[:h.start].rstrip().endswith("等"):
        # "大力实施好自治区今年确定的天山北坡…整治、南北疆…工程、…、科技文体惠民等十件民生实事"
        stop = len(text[:h.start].rstrip()) - 1
        start = max(text.rfind(c, 0, stop) for c in "。！？；;：:") + 1
        spans = split_items(text, start, stop, h.count)
        if spans:
            lead = _LEAD_IN.match(text, spans[0][0], spans[0][1])
            spans[0] = (lead.end() if lead else spans[0][0], spans[0][1])
    else:
        return []
    return [_commitment(para, s, e, k + 1, h.category, plan_year) for k, (s, e) in enumerate(spans)]


def _summary(items: list[Commitment], h: _Header, stated: int | None, style: str | None) -> ListSummary:
    note = None
    if stated and stated != len(items):
        note = f"the header states {stated} items, {len(items)} found"
        log.warning("livelihood list at line %d: %s", items[0].line, note)
    return ListSummary(LIVELIHOOD, items[0].line, h.category, stated, len(items), style, note)


def _count_pledge(para: Paragraph, h: _Header, plan_year: int | None) -> Commitment:
    """"今年继续实施10大类55项民生实事": the clause naming the count, as one project pledge."""
    text = para.folded
    s = max(text.rfind(c, 0, h.start) for c in "。！？；;，,：:") + 1
    c = _commitment(para, s, h.end, None, h.category, plan_year)
    return Commitment(**{**c.__dict__, "kind": PROJECT, "value": float(h.count), "unit": h.unit,
                         "measure": "level", "comparator": ">=", "value_high": None, "direction": "increase"})


def _commitment(para: Paragraph, s: int, e: int, number: int | None, category: str,
                plan_year: int | None, body: list[Paragraph] = ()) -> Commitment:
    """One list item as a Commitment: its words and the paragraphs of its body (its 年度目标),
    the main figure they pledge and a deadline when they name one (年内…)."""
    while s < e and para.text[s].isspace():
        s += 1
    while e > s and para.text[e - 1].isspace():
        e -= 1
    pieces = [(para, s, e)]
    for p in body:
        if sum(b - a for _, a, b in pieces) + len(p.text) > ITEM_MAX:
            break
        pieces.append((p, 0, len(p.text.rstrip())))
    last, a, end = pieces[-1]
    while end > a and last.text[end - 1] in "。；;，,":
        end -= 1          # the body's closing stop, as an item's own is left out
    pieces[-1] = (last, a, end)
    text = "\n".join(p.text[a:b] for p, a, b in pieces)
    folded = "\n".join(p.folded[a:b] for p, a, b in pieces)
    quants = pledge_quantities(folded, 0, len(folded))
    fields = figure_fields(folded, quants) if quants else {"masked": bool(re.search(r"×|\*\*", text))}
    deadline = deadline_text = None
    if plan_year:
        found = parse_deadline(text, plan_year)
        if found:
            deadline, deadline_text = found
    return Commitment(
        kind=LIVELIHOOD, text=text, line=para.line_at(s), start=para.file_offset(s),
        end=last.file_offset(end - 1) + 1, number=number, category=category, period="year",
        deadline=deadline, deadline_text=deadline_text, **fields)
