"""Splitting a file into its reports (articles, speeches, yearbook parts).

A report starts at one of: an article marker ("第二篇：…"), a speech header (title
lines above "——在…会议上"), a yearbook part heading (特载, 附录, 大事记), or a
title line naming a document type ("XX区2023年上半年工作总结及下半年计划…").
Starts with only header lines between them (title, author, date) are one start.
"""

from __future__ import annotations

import re

from tracker.extract.metadata import describe, run_in_title
from tracker.model import Report, SourceText
from tracker import words

# "第二篇：2024肃州区政府工作报告", "篇三", "第 3 篇"
_ARTICLE = re.compile(rf"^\s*(?:第\s*[{words.CN_ORDINAL}百\d]+\s*篇|篇\s*[{words.CN_ORDINAL}\d]+)(?:\s*[：:、.．]\s*|\s+|$)")
# "——在肃州区第十九届人民代表大会第一次会议上", "---在…", "2025年1月4日在…会议上"
_SPEECH = re.compile(
    r"^\s*(?:[—\-－─]{1,4}\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?在"
    r"|(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?在\S.{1,60}?会议?上\s*$)"
)
# Yearbook part headings that open a new part: "特 載", "附录", "大事记".
_PART = re.compile(r"^\s*(?:特\s*[载載]|附\s*录|大\s*事\s*记)\s*$")
# A line that starts with a document title: a short name ending in a document type.
_TITLE = re.compile(
    rf"^\s*((?:\d{{4}}|[Xx]{{2,4}})?[^\s，。；！？,;:：、“”\"（(【\[\d{words.CN_ORDINAL}]"
    r"[^\s，。；！？,;:：、“”\"]{3,42}?"
    r"(?:工作报告|工作总结|工作计划|工作安排|工作打算|述职报告|统计公报|年度总结|半年总结|进展情况汇报|总结报告))"
    # "2024年政府工作报告确定的10件实事全部完成" is a sentence about a report
    r"(?!确定|提出|中|的|所|明确|部署|要求|指出|强调|已|将|是|、|，|,)"
)
_CHAPTER = re.compile(rf"^\s*第\s*[{words.CN_ORDINAL}百\d]+\s*章")
_DOCUMENT_WORD = re.compile(r"报告|公报|总结|讲话|决议|纪要|规划|意见|办法|通知")
# A line that is just "关于某某县2024年国民经济和社会发展计划执行情况与2025年计划草案的报告".
_ABOUT = re.compile(r"^\s*(关于[^，。；！？,;]{4,70}的(?:报告|说明|决议))\s*$")
# Sentences that mention a document ("现将上半年…工作安排", "召开…工作安排会议") and
# lines that start with the document type itself ("工作总结以及工作计划范文") are not titles.
_NOT_TITLE = re.compile(r"是|以下|下面|关于做好|代表|向大会|根据|按照|现将|召开|会议|^(?:工作|总结|报告|计划)")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CLOSED_LINE = re.compile(r"[。！？!?；;：:”」』）)…\d%％]\s*$")
_TOC_LINE = re.compile(r"(?:\t|\.{3,}|…{2,})\s*\d{1,4}\s*$")
_BODY_MIN = 60          # a line this long is body text, not a header
_FRONT_MIN = 1000       # characters of text before the first report that make a part
_CRUFT_MAX = 4          # "笔记", "复制", "问答": web-page buttons


def split_reports(source: SourceText) -> list[Report]:
    """The reports in source, in file order, each with its metadata."""
    lines = source.lines
    starts = _merge(_candidate_starts(lines) + _cut_starts(lines), lines)
    first = _first_content(lines, 0)
    if not starts:
        starts = [(first, "plain", first)]
    # A yearbook's front matter or a preface long enough to read on its own is a part;
    # an editor's note of a few lines above the title is dropped like site chrome.
    if starts[0][0] > first and _body_chars(lines, first, starts[0][0]) >= _FRONT_MIN:
        starts.insert(0, (first, "front", first))
    reports: list[Report] = []
    file_year = None
    for i, (start, how, title_at) in enumerate(starts):
        stop = starts[i + 1][0] if i + 1 < len(starts) else len(lines)
        begin = start + 1 if how == "part" and lines[start].strip() in _part_words() else start
        begin = _first_content(lines, begin)
        if i == 0:
            begin = _skip_site_chrome(lines, begin, stop)
        end = _last_content(lines, begin, stop)
        if end < begin:
            continue
        if i == len(starts) - 1:
            end = _trim_cruft(lines, begin, end)
        report = describe(source, begin + 1, end + 1, how, file_year, max(begin, title_at) + 1)
        if file_year is None and report.report_year is not None:
            file_year = report.report_year
        reports.append(report)
    return reports


def _part_words() -> set[str]:
    """Part headings that are headings only (特载, 附录), not the part's own title."""
    return {"特载", "特 载", "特載", "特 載", "附录", "附 录"}


Start = tuple[int, str, int]   # (0-based first line, kind, 0-based line holding the title)


def _candidate_starts(lines: tuple[str, ...]) -> list[Start]:
    """(0-based line, kind, title line) of every line that may open a report."""
    out: list[Start] = []
    titles: list[str] = []
    # A 规划纲要 is one document whose parts are "第一篇 …" with "第一章 …" inside.
    articles = not _has_chapters(lines)
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if _ARTICLE.match(line):
            if articles and not _TOC_LINE.search(line):     # "第一篇 …\t3" lists a page
                out.append((i, "article", i))
                titles.append(_compact(_title_of(line)))
        elif _PART.match(line):
            if not _in_toc(lines, i) and _opens_document(lines, i):
                out.append((i, "part", i))
                titles.append("")
        elif _SPEECH.match(line) and len(line.strip()) <= 70:
            title_at = _title_above(lines, i)
            if title_at is not None:
                out.append((title_at, "speech", title_at))
                titles.append(_compact("".join(lines[title_at:i])))
        else:
            m = _TITLE.match(line) or _ABOUT.match(line)
            if not m or _NOT_TITLE.search(m.group(1)) or _in_toc(lines, i):
                continue
            title = _compact(run_in_title(line) or m.group(1))
            # "XX开发区…工作安排到此结束。" closes the current report, a page header
            # repeats it, and a shorter repeat ("上半年工作总结及下半年工作计划1…")
            # heads a section of it.
            if titles and titles[-1] and (title in titles[-1] or titles[-1] in title):
                continue
            out.append((i, "title", i))
            titles.append(title)
    return out


def _compact(text: str) -> str:
    """text without whitespace, for comparing titles."""
    return re.sub(r"\s+", "", text)


def _has_chapters(lines: tuple[str, ...]) -> bool:
    """Whether the text has 第N章 chapter headings (then 第N篇 are its parts)."""
    return sum(1 for line in lines if _CHAPTER.match(line)) >= 2


def _opens_document(lines: tuple[str, ...], at: int) -> bool:
    """Whether a 特载/附录 heading is followed by a document, not by a list of notes.

    "附录" then "2021年肃州区国民经济和社会发展统计公报" opens one; a report's own
    "附录" followed by "名词解释" does not. 大事记 always opens the yearbook body.
    """
    if "大" in lines[at]:
        return True
    seen = 0
    for i in range(at + 1, min(len(lines), at + 12)):
        text = lines[i].strip()
        if not text:
            continue
        if _DOCUMENT_WORD.search(text) or _SPEECH.match(text):
            return True
        seen += 1
        if seen >= 3:
            break
    return False


def _title_of(line: str) -> str:
    """The title text that follows an article marker."""
    return _ARTICLE.sub("", line, count=1).strip()


def _title_above(lines: tuple[str, ...], at: int) -> int | None:
    """First line of the title block above a speech header line, or None."""
    top, seen = None, 0
    i = at - 1
    while i >= 0 and at - i <= 8 and seen < 3:
        text = lines[i].strip()
        if text:
            # "0/0", "特 載", "注册 | 登录" above a title are not part of it
            if len(text) > 40 or re.search(r"[。；！？|]", text) or len(_HAN.findall(text)) < 5:
                break
            top, seen = i, seen + 1
        i -= 1
    return top


def _cut_starts(lines: tuple[str, ...]) -> list[Start]:
    """Reports that start with no heading right after the previous one breaks off.

    "…对与群众切身利" then " 回顾五年的历程，…": a long line stopping mid-word,
    followed by an indented paragraph, in a text whose paragraphs otherwise end
    with punctuation and are not indented, means a document was cut and another begins.
    """
    long_lines = [line for line in lines if len(line.strip()) >= _BODY_MIN // 2]
    if not long_lines:
        return []
    closed = sum(bool(_CLOSED_LINE.search(line)) for line in long_lines)
    indented = sum(bool(re.match(r"^[ \t\u3000]+\S", line)) for line in long_lines)
    if closed < 0.9 * len(long_lines) or indented > 0.05 * len(long_lines):
        return []
    out: list[Start] = []
    for i, line in enumerate(lines[:-1]):
        text = line.rstrip()
        if len(text.strip()) < _BODY_MIN // 2 or not _HAN.match(text[-1]):
            continue
        j = _first_content(lines, i + 1)
        if j < len(lines) and re.match(r"^[ \t\u3000]+\S", lines[j]) \
                and len(lines[j].strip()) >= _BODY_MIN // 2 and _has_body(lines, max(0, i - 10), i):
            out.append((j, "cut", j))
    return out


def _merge(starts: list[Start], lines: tuple[str, ...]) -> list[Start]:
    """Starts with only header lines between them belong to one report."""
    out: list[Start] = []
    for start, how, title_at in sorted(set(starts)):
        if out and not _has_body(lines, out[-1][0], start):
            first, kind, _ = out[-1]
            if kind == "title" and how == "title":
                out[-1] = (first, kind, title_at)   # the title nearest the text wins
            elif kind == "title":
                out[-1] = (first, how, title_at)
            continue
        out.append((start, how, title_at))
    return out


def _has_body(lines: tuple[str, ...], first: int, stop: int) -> bool:
    """Whether lines first..stop-1 hold body text (a sentence or a long line)."""
    for i in range(first, stop):
        text = lines[i].strip()
        if len(text) >= _BODY_MIN or "。" in text:
            return True
    return False


def _body_chars(lines: tuple[str, ...], first: int, stop: int) -> int:
    """Characters in lines first..stop-1."""
    return sum(len(lines[i].strip()) for i in range(first, stop))


def _in_toc(lines: tuple[str, ...], at: int) -> bool:
    """Whether line at is part of a table of contents (entries end in page numbers)."""
    if _TOC_LINE.search(lines[at]):
        return True
    seen = 0
    for i in range(at + 1, min(len(lines), at + 12)):
        if lines[i].strip():
            seen += 1
            if _TOC_LINE.search(lines[i]):
                return True
            if seen >= 3:
                break
    return False


def _first_content(lines: tuple[str, ...], i: int) -> int:
    """Index of the first non-blank line at or after i (len(lines) if none)."""
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def _last_content(lines: tuple[str, ...], begin: int, stop: int) -> int:
    """Index of the last non-blank line in begin..stop-1 (begin-1 if none)."""
    i = stop - 1
    while i >= begin and not lines[i].strip():
        i -= 1
    return i


def _trim_cruft(lines: tuple[str, ...], begin: int, end: int) -> int:
    """Drop a trailing run of web-page buttons (笔记, 复制, 问答, 搜索…)."""
    i, run = end, 0
    while i > begin:
        text = lines[i].strip()
        if text and (len(text) > _CRUFT_MAX or re.search(r"\d|[。，；：]", text)):
            break
        run += bool(text)
        i -= 1
    return _last_content(lines, begin, i + 1) if run >= 3 else end


# Web-page chrome above a report copied from a site: "注册 | 登录", "首页 > 政务公开", "0/0".
_CHROME = re.compile(r"登录|注册|首页|导航|搜索|分享|打印|收藏|导出|返回|当前位置|字号|浏览次数|来源[:：]|"
                     r"^\W*\d+\s*/\s*\d+\W*$|[|>»]")


def _skip_site_chrome(lines: tuple[str, ...], begin: int, stop: int) -> int:
    """First line after a leading run of short site-navigation lines."""
    i = begin
    while i < stop:
        text = lines[i].strip()
        if text and not (len(text) <= 30 and _CHROME.search(text)):
            break
        i += 1
    return _first_content(lines, i) if i < stop else begin
