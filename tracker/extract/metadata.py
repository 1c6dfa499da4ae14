"""What a report says about itself: title, region, document type, report and plan year.

Everything is read from the report's own text, never from the file name; a year
the text masks ("～年", "XX年") or does not state stays None.
"""

from __future__ import annotations

import re
from collections import Counter

from tracker import words
from tracker.model import Report, SourceText
from tracker.ingest.normalize import fold

_ARTICLE = re.compile(rf"^\s*(?:第\s*[{words.CN_ORDINAL}百\d]+\s*篇|篇\s*[{words.CN_ORDINAL}\d]+)\s*[：:、.．]?\s*")
# \d also matches full-width digits ("２０２４年"), and int() reads them, so no folding.
_YEAR = r"((?:[1１][9９]|[2２][0０])\d{2})"
# A dated line: （2024年12月26日）, (2024.8.6), （2024.12）, 2022-04-18, "2025年1月4日在…会议上".
_DATE = re.compile(
    _YEAR + r"\s*(?:年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|[.．/-]\s*\d{1,2}(?:\s*[.．/-]\s*\d{1,2})?(?!\d))"
)
_DATE_LINE_MAX = 40
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
    # a standalone list: "2025年澜江市民生实事项目" (not "2025年十件民生实事全部办结", its outcome)
    re.compile(_YEAR + r"\s*年[^，。；,;\n]{0,12}?(?:民生|为民|惠民)实事(?:项目)?"
               r"(?![^。；\n]{0,8}(?:完成|办结|落实情况|进展|情况))"),
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
# "在酒泉市肃州区第十九届人民代表大会", "肃州区人民政府区长", "中共复兴区委": the name is
# the two characters before 区/县/市/旗, or three when a boundary precedes them.
# "第十九届", "第5次": the ordinal of a congress or its session.
_NTH = rf"第[{words.CN_ORDINAL}\d]+"
_REGION = re.compile(
    rf"[区县市旗](?={_NTH}届|人民政府|人民代表大会|人大常委会|"
    r"政府工作报告|国民经济|统计局|年鉴)"
)
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
_PARTY_COMMITTEE = re.compile(r"中共(?:[\u4e00-\u9fff]{2,3}?[市州盟])?([\u4e00-\u9fff]{2,3}?[区县市旗])委")
_BOUNDARY = re.compile(r"[^\u4e00-\u9fff]|[在市州省盟共]")
_REGION_STOP = re.compile(r"^[全本我该各城园社辖景新市省县区了的是在和与及并请向对为位其此等代表将年会]|开发|高新")
_PROVINCE = re.compile(r"(?:(?<=\d年)|(?<=在)|(?<![\u4e00-\u9fff]))(?![年月日在])([\u4e00-\u9fff]{2,3}?省|[\u4e00-\u9fff]{2,6}?自治区)"
                       rf"(?=人民政府|人民代表大会|政府工作报告|{_NTH}届)")
_PROVINCIAL = re.compile(r"(?:省|自治区)$")
# The national government's report: delivered by 国务院总理 to the 全国人民代表大会
# ("——2012年3月5日在第十一届全国人民代表大会第五次会议上", "国务院总理 温家宝").
# Its region is NATIONAL, one name for every year, so plans and reviews pair.
NATIONAL = "国务院"
_NATIONAL = re.compile(rf"在{_NTH}届全国人民代表大会{_NTH}次会议上"
                       r"|^\s*国务院总理")
_HEAD_LINE_MAX = 60


def describe(source: SourceText, line_start: int, line_end: int, how: str,
             file_year: int | None = None, title_line: int | None = None) -> Report:
    """A Report for lines line_start..line_end (1-based) with metadata read from its text."""
    lines = source.lines[line_start - 1:line_end]
    title = _title(source.lines[(title_line or line_start) - 1:line_end], how)
    doc_type = _doc_type(title, lines)
    report_year = _report_year(title, lines)
    if report_year is None and how == "part":
        report_year = file_year   # a yearbook part is dated by the yearbook
    plan_year = None
    if doc_type not in _NO_PLAN:
        text = "\n".join(lines)
        plan_year = _plan_year(title, text, report_year)
        if plan_year is None and report_year is not None and (
                _THIS_YEAR.search(text) or _SECOND_HALF.search(text)):
            plan_year = report_year    # "今年经济社会发展的主要预期目标是" in a report of that year
    return Report(title=title, line_start=line_start, line_end=line_end,
                  region=_region(title, lines), report_year=report_year,
                  plan_year=plan_year, doc_type=doc_type)


_DOC_END = r"(?:总结报告|报告|总结|计划|安排|打算|公报|汇报)"
_NO_PLAN = {"party_congress_report", "cppcc_report", "statistical_bulletin",
            "yearbook_front_matter", "yearbook_body"}


def _title(lines: tuple[str, ...], how: str) -> str:
    """The report's title: the article marker's text, its title lines, or its first line."""
    heads = [line.strip() for line in lines[:12] if line.strip()]
    if not heads:
        return ""
    first = heads[0]
    if how == "article":
        rest = _ARTICLE.sub("", first, count=1).strip()
        return rest or (heads[1] if len(heads) > 1 else first)
    if how == "speech":
        parts = []
        for text in heads[:4]:
            if re.match(r"^\s*[—\-－─]", text) or len(text) > 40 or re.search(r"会议?上\s*$", text):
                break
            if not re.search(r"电\s*$|^\W*$", text):    # "新华社北京3月14日电" is a dateline
                parts.append(text)
        return " ".join(parts) or first
    if how == "title":
        return run_in_title(first) or first[:60]
    if how == "cut":
        return first[:24] + "…"      # a fragment: its first words stand in for the lost title
    return first[:60]


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


def _report_year(title: str, lines: tuple[str, ...]) -> int | None:
    """Year the report is dated: a date line near its top or bottom, else a year in its title."""
    content = [line for line in lines if line.strip()]
    for line in content[:10] + content[-3:]:
        text = fold(line.strip())
        m = _DATE.search(text)
        if not m:
            continue
        # "2024年5月，肃州区被…确定为" is a sentence, not a date line.
        if len(text) <= _DATE_LINE_MAX or re.search(r"会议上\s*$|会议$", text):
            return int(m.group(1))
    years = [int(y) for y in re.findall(_YEAR + r"(?!\d)", title)]
    if years:       # "关于2024年计划执行情况与2025年计划草案的报告": the later year
        return max(years)
    m = None
    if content:   # "…述职报告范文2023": a year run into the title line
        m = re.search(r"(?<!\d)" + _YEAR + r"(?!\d)", fold(content[0].strip())[:_DATE_LINE_MAX])
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


def _region(title: str, lines: tuple[str, ...]) -> str | None:
    """The region (county, city, or a province's own report) the text names, else None."""
    if _national(lines):
        return NATIONAL
    counts: Counter[str] = Counter()
    m = _TITLE_REGION.match(fold(title).strip())
    if m and _clean_region(m.group(1)):
        counts[m.group(1)] += 5
    head = " ".join(line.strip() for line in lines[:12])
    for weight, text in ((5, title + " " + head), (1, "\n".join(lines))):
        for m in _REGION.finditer(text):
            name = _clean_region(_region_name(text, m.start()))
            if name:
                counts[name] += weight
        for m in _PARTY_COMMITTEE.finditer(text):
            name = _clean_region(m.group(1))
            if name:
                counts[name] += weight
    if not counts:
        # a province's own report: "2025年甘肃省政府工作报告", "广西壮族自治区人民政府"
        m = _PROVINCE.search(title + " " + head)
        return m.group(1) if m else None
    name, score = counts.most_common(1)[0]
    return name if score >= 2 else None


def _national(lines: tuple[str, ...]) -> bool:
    """True for a report whose short head lines say it goes to the 全国人民代表大会 or is the 国务院总理's."""
    return any(len(line.strip()) <= _HEAD_LINE_MAX and _NATIONAL.search(line.strip()) for line in lines[:12])


def _region_name(text: str, suffix: int) -> str:
    """The name ending at text[suffix]: two characters before it, three when a boundary precedes."""
    n = 0
    while n < 3 and suffix - n - 1 >= 0 and _HAN_CHAR.match(text[suffix - n - 1]):
        n += 1
    name = text[suffix - n:suffix + 1]
    if n == 3 and not (suffix - 3 == 0 or _BOUNDARY.match(text[suffix - 4])) or _REGION_STOP.match(name):
        return name[1:]
    return name


_TITLE_REGION = re.compile(r"^(?:\d{4}\s*年?)?(?:[\u4e00-\u9fff]{2,3}[市州盟])?([\u4e00-\u9fff]{2}[区县市旗])")
_NOT_PLACE = re.compile(r"[了的是我们这那个]")


def _clean_region(name: str) -> str | None:
    """name without a leading city prefix ("酒泉市肃州区" -> "肃州区"); None for generic words."""
    name = re.sub(r"^.*?[市省]", "", name) if len(name) > 3 and re.search(r"[市省].", name) else name
    if len(name) < 3 or _REGION_STOP.match(name) or _NOT_PLACE.search(name) or _PROVINCIAL.search(name):
        return None
    return name
