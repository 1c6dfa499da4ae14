"""What a report says about itself: title, document type, kind, report and plan year; its
region comes from tracker/extract/region.py.

Everything is read from the report's own text, never from the file name; a year
the text masks ("～年", "XX年") or does not state stays None, and the Report says which
of region and plan year the text leaves uncertain (the app asks, the CLI warns).
"""

from __future__ import annotations

import re
from tracker import words
from tracker.extract.region import NATIONAL, Found, portal_region, read_region
from tracker.ingest.normalize import fold
from tracker.ingest.portal import site_names
from tracker.model import COMPLETION, LIST, OTHER, PLAN, REVIEW, Report, SourceText

__all__ = ["NATIONAL", "describe", "run_in_title"]

_ARTICLE = re.compile(rf"^\s*(?:第\s*[{words.CN_ORDINAL}百\d]+\s*篇|篇\s*[{words.CN_ORDINAL}\d]+)\s*[：:、.．]?\s*")
# \d also matches full-width digits ("２０２４年"), and int() reads them, so no folding.
_YEAR = r"((?:[1１][9９]|[2２][0０])\d{2})"
# A dated line: （2024年12月26日）, (2024.8.6), （2024.12）, 2022-04-18, "2025年1月4日在…会议上".
_DATE = re.compile(
    _YEAR + r"\s*(?:年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|[.．/-]\s*\d{1,2}(?:\s*[.．/-]\s*\d{1,2})?(?!\d))"
)
_DATE_LINE_MAX = 40
_DATE_ALONE = re.compile(r"^[（(]?\s*" + _YEAR + r"\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[）)]?$")
# Statements of the year the commitments are for.
_PLAN = (
    # not "刚刚过去的2025年，是…收官之年" (the year reviewed)
    re.compile(r"(?<!过去的)" + _YEAR + r"\s*年\s*[，,]?\s*是(?![^。；]{0,40}(?:最后一年|不平凡|极其|过去|刚刚|即将过去|经受|砥砺))"),
    # "2025年工作安排", "2017年工作总体部署", "2022 年重点工作任务", "2024年经济社会发展的主要预期目标";
    # not "2024年预期目标全面完成" (a review).
    re.compile(_YEAR + r"\s*年(?:的|全年)?(?:政府|经济社会发展|全[区县市州省]|各项)?(?:工作)?(?:的)?"
               r"(?:工作安排|重点工作|工作任务|主要任务|重点任务|工作打算|工作计划|工作思路|工作目标|"
               r"主要预期目标|预期目标|总体要求|总体部署|目标任务)(?![^。；]{0,6}(?:完成|实现|执行|情况))"),
    re.compile(_YEAR + r"\s*年[^，。；,;]{0,14}?(?:计划|预算)(?:（|\()?草案"),   # 2025年计划草案
    re.compile(r"做好\s*" + _YEAR + r"\s*年(?:的)?(?:政府|各项|经济)?工作"),
    re.compile(_YEAR + r"\s*年\s*上\s*半?\s*年.{0,30}下\s*半\s*年"),   # 上半年总结及下半年安排
)
# A review of year N followed by "新的一年" / "明年" plans year N+1.
# "一、2025年和“十四五”时期工作回顾" too.
_REVIEW = re.compile(_YEAR + r"\s*年(?:的)?(?:政府)?(?:和[^。；，\n]{0,10}时期)?工作回顾|回顾\s*" + _YEAR + r"\s*年|"
                     + _YEAR + r"\s*年\s*[，,]?\s*是[^。；]{0,40}(?:不平凡|极其|过去|经受|砥砺)")
# "今年是…", "今年经济社会发展的主要预期目标", but not "今年以来" (a review so far).
_THIS_YEAR = re.compile(r"今年(?:是|[^。；，,]{0,12}(?:主要预期目标|总体要求|工作安排|重点工作|主要任务))")
# A heading that opens the plan part of a half-year summary: "二、下半年工作安排".
_SECOND_HALF = re.compile(rf"^\s*(?:{words.CN_DUN}|{words.CN_PAREN})?\s*(?:今年)?"
                          r"下半年(?:的)?(?:工作安排|工作计划|工作打算|重点工作|工作思路|主要任务)", re.M)
_NEXT_YEAR = re.compile(r"新的一年|明年")


def describe(source: SourceText, line_start: int, line_end: int, how: str,
             file_year: int | None = None, title_line: int | None = None,
             residue: frozenset[int] = frozenset()) -> Report:
    """A Report for lines line_start..line_end (1-based) with metadata read from its text.

    residue: 0-based indexes of the file's portal lines (tracker.ingest.portal), skipped
    for the title and the region; a date among them still dates the report.
    """
    lines = source.lines[line_start - 1:line_end]
    own = tuple(line for i, line in enumerate(lines, line_start - 1) if i not in residue)
    first_title = (title_line or line_start) - 1
    title = _title(tuple(line for i, line in enumerate(source.lines[first_title:line_end], first_title)
                         if i not in residue), how)
    doc_type = _doc_type(title, own)
    report_year = (_report_year(own) or _report_year(tuple(source.lines[i] for i in sorted(residue)
                                                          if line_start - 1 <= i < line_end))
                   or _title_year(title, own))    # the document's date, the portal's, the title's
    if report_year is None and how == "part":
        report_year = file_year   # a yearbook part is dated by the yearbook
    kind = _kind(doc_type, title, own)
    plan_year = None
    if kind in (LIST, COMPLETION):
        plan_year = _list_year(title, own, report_year)
    elif doc_type not in _NO_PLAN:
        text = "\n".join(own)
        plan_year = _plan_year(title, text, report_year)
        if plan_year is None and report_year is not None and (
                _THIS_YEAR.search(text) or _SECOND_HALF.search(text)):
            plan_year = report_year    # "今年经济社会发展的主要预期目标是" in a report of that year
    if kind == PLAN and plan_year is None and doc_type != "government_work_report":
        kind = REVIEW    # a summary with no plan part speaks of the past only
    found = read_region(title, [line.strip() for line in own if line.strip()])
    if found.name is None:      # a page naming no government: its site's region, as a guess
        found = Found(portal_region(site_names(source.lines, residue)), False)
    uncertain = tuple(field for field, sure in (
        ("region", found.certain),
        ("plan_year", plan_year is not None or kind not in (PLAN, LIST, COMPLETION))) if not sure)
    return Report(title=title, line_start=line_start, line_end=line_end,
                  region=found.name, report_year=report_year,
                  plan_year=plan_year, doc_type=doc_type, kind=kind, uncertain=uncertain)


_DOC_END = r"(?:总结报告|报告|总结|计划|安排|打算|公报|汇报)"
_NO_PLAN = {"party_congress_report", "cppcc_report", "statistical_bulletin",
            "yearbook_front_matter", "yearbook_body"}
# A list of the year's 实事 published on its own, and the news or notice of its completion.
_LIST_WORDS = r"(?:民生实事|惠民实事|为民办实事|为民实事|民生项目|实事项目|民生工程|民心工程|实事)"
_COMPLETED = re.compile(_LIST_WORDS + r"[^，。；]{0,16}?(?:全部完成|全面完成|顺利完成|圆满完成|已完成|基本完成|办结|"
                        r"完成情况|进展情况|落实情况|办理情况|实施情况|执行情况|完成了?年度)")
_LISTED = re.compile(_LIST_WORDS)
_LIST_YEAR = re.compile(_YEAR + r"\s*年(?:度)?[^，。；,;]{0,20}?" + _LIST_WORDS)
_OTHER_TYPES = {"party_congress_report", "cppcc_report", "peoples_congress_report"}
_REVIEW_TYPES = {"statistical_bulletin", "yearbook_front_matter", "yearbook_body", "work_summary",
                 "progress_report"}


def _kind(doc_type: str | None, title: str, lines: tuple[str, ...]) -> str:
    """plan, review, list, completion or other (tracker.model.REPORT_KINDS)."""
    if doc_type in _OTHER_TYPES:
        return OTHER
    if doc_type not in ("government_work_report", "plan_report", "budget_report"):
        compact = re.sub(r"\s", "", title)
        if _COMPLETED.search(compact):
            return COMPLETION
        if _LISTED.search(compact):
            return LIST
    if doc_type in _REVIEW_TYPES:
        return REVIEW
    if doc_type is None and not any(_LISTED.search(line) or "今年" in line or "计划" in line for line in lines[:30]):
        return OTHER
    return PLAN


def _list_year(title: str, lines: tuple[str, ...], report_year: int | None) -> int | None:
    """The year of the 实事 a list or a completion notice is about: "2025年十项民生实事", else
    "今年…民生实事" in a notice of that year."""
    for text in (title, *lines[:12]):
        m = _LIST_YEAR.search(fold(text))
        if m:
            return int(m.group(1))
    if report_year is not None and any("今年" in line and _LISTED.search(line) for line in lines[:20]):
        return report_year
    return None


def _title(lines: tuple[str, ...], how: str) -> str:
    """The report's title: the article marker's text, its title lines, or its first line."""
    heads = [line.strip() for line in lines[:12] if line.strip() and not _DATE_ALONE.match(line.strip())]
    if not heads:
        return ""
    first = heads[0]
    if how == "article":
        rest = _ARTICLE.sub("", first, count=1).strip()
        return rest or (heads[1] if len(heads) > 1 else first)
    if how == "speech":
        parts: list[str] = []
        for text in heads[:4]:
            if re.match(r"^\s*[—\-－─]", text) or len(text) > 40 or re.search(r"会议?上\s*$", text):
                break
            if re.search(r"电\s*$|^\W*$", text):    # "新华社北京3月14日电" is a dateline
                continue
            if not any(_compact(text) in _compact(p) for p in parts):    # "2012年国务院政府工作报告 政府工作报告"
                parts = [p for p in parts if _compact(p) not in _compact(text)] + [text]
        return " ".join(parts) or first
    # "政府工作报告——2013年3月5日在第十二届全国人民代表大会第一次会议上": the title ends at the dash
    first = re.split(r"\s*[—－]{1,2}\s*(?=\d{4}\s*年|在)", first)[0] or first
    if how == "title":
        return run_in_title(first) or first[:60]
    if how == "cut":
        return first[:24] + "…"      # a fragment: its first words stand in for the lost title
    return first[:60]


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def run_in_title(line: str) -> str | None:
    """The document title a line starts with ("…上半年工作总结暨下半年工作安排一、…"), or None."""
    line = line.strip()
    if re.match(r"^关于.{4,70}的(?:报告|说明|决议)$", line):
        return line
    m = re.match(r"^[^，。；：,;:]{4,60}?" + _DOC_END, line)
    if not m:
        return None
    end = m.end()
    # "…上半年工作总结暨下半年工作安排", "…工作总结及下半年计划(汇报报告)"
    while True:
        more = re.match(r"(?:[及暨和与并]|以及)[^，。；：,;:、]{0,16}?" + _DOC_END
                        + r"|[（(][^）)，。]{1,12}[）)]", line[end:])
        if not more:
            break
        end += more.end()
    return line[:end]


def _doc_type(title: str, lines: tuple[str, ...]) -> str | None:
    """Kind of document, from its title and header lines."""
    head = title + "".join(line.strip() for line in lines[:8])
    compact = re.sub(r"\s", "", title)
    if "统计公报" in compact:
        return "statistical_bulletin"
    if "年鉴" in compact:
        return "yearbook_front_matter"
    if compact.startswith("大事记"):
        return "yearbook_body"
    if "政治协商会议" in compact or re.search(r"在政协[^，。；]{0,30}会议上", head[:300]):
        return "cppcc_report"
    # "——在中国共产党酒泉市肃州区第十六次代表大会上"; a government report that cites
    # "党的第二十次全国代表大会精神" in its first lines is not one.
    if re.search(r"在中国共产党[^，。；]{0,30}代表大会上|党代会[^，。；]{0,4}报告", head[:300]):
        return "party_congress_report"
    if re.search(r"计划.{0,12}草案|计划执行情况", compact):
        return "plan_report"
    if re.search(r"预算.{0,12}草案|预算执行情况", compact):
        return "budget_report"
    if "人大常委会" in compact or "人民代表大会常务委员会" in compact:
        return "peoples_congress_report"
    if "政府工作报告" in compact or "工作报告" in compact:
        return "government_work_report"
    if "半年" in compact:
        return "half_year_summary"
    if "汇报" in compact or "进展" in compact:
        return "progress_report"
    if "总结" in compact:
        return "work_summary"
    return None


def _report_year(lines: tuple[str, ...]) -> int | None:
    """Year of a date line near the top or bottom of lines ("（2024年12月26日）", "2025年1月4日在…会议上")."""
    content = [line for line in lines if line.strip()]
    for line in content[:10] + content[-3:]:
        text = fold(line.strip())
        m = _DATE.search(text)
        if not m:
            continue
        # "2024年5月，肃州区被…确定为" is a sentence, not a date line.
        if len(text) <= _DATE_LINE_MAX or re.search(r"会议上\s*$|会议$|^\S{0,4}" + _YEAR
                                                    + r"[^。，；]{2,30}?在[^。，；]{2,40}会议上", text):
            return int(m.group(1))
    return None


def _title_year(title: str, lines: tuple[str, ...]) -> int | None:
    """A year in the title (the later of two), or run into the first line ("…述职报告范文2023")."""
    years = [int(y) for y in re.findall(_YEAR + r"(?!\d)", title)]
    if years:       # "关于2024年计划执行情况与2025年计划草案的报告": the later year
        return max(years)
    content = [line for line in lines if line.strip()]
    m = re.search(r"(?<!\d)" + _YEAR + r"(?!\d)", fold(content[0].strip())[:_DATE_LINE_MAX]) if content else None
    return int(m.group(1)) if m else None


def _plan_year(title: str, text: str, report_year: int | None = None) -> int | None:
    """Year the report's commitments are for, as the text states it; None if it does not."""
    years: list[int] = []
    for pattern in _PLAN:
        years += [int(m.group(1)) for m in pattern.finditer(title + "\n" + text)]
    review = _REVIEW.search(text)
    if review:
        reviewed = int(next(g for g in review.groups() if g))
        # "一、2024年工作回顾 … 今年是“十四五”规划收官之年" in a report dated 2025: 今年 is 2025.
        if _NEXT_YEAR.search(text, review.end()) or (
                report_year == reviewed + 1 and _THIS_YEAR.search(text, review.end())):
            years.append(reviewed + 1)
    if report_year is not None:
        # a report plans its own year or the next: "2035年的主要目标" is a vision, not the plan
        years = [y for y in years if report_year - 1 <= y <= report_year + 1]
    return max(years) if years else None


