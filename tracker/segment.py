"""Splitting a file into its reports (articles, speeches, yearbook parts).

A report starts at one of: an article marker ("第二篇：…"), a speech header (title
lines above "——在…会议上"), a yearbook part heading (特载, 附录, 大事记), or a
title line naming a document type ("XX区2023年上半年工作总结及下半年计划…").
Starts with only header lines between them (title, author, date) are one start.
"""

from __future__ import annotations

import re

from .metadata import describe
from .model import Report, SourceText

# "第二篇：2024肃州区政府工作报告", "篇三", "第 3 篇"
_ARTICLE = re.compile(r"^\s*(?:第\s*[一二三四五六七八九十百\d]+\s*篇|篇\s*[一二三四五六七八九十\d]+)(?:\s*[：:、.．]\s*|\s+|$)")
# "——在肃州区第十九届人民代表大会第一次会议上", "---在…", "2025年1月4日在…会议上"
_SPEECH = re.compile(
    r"^\s*(?:[—\-－─]{1,4}\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?在"
    r"|(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?在\S.{1,60}?会议?上\s*$)"
)
_DASHED = re.compile(r"^\s*[—\-－─]{1,4}")
# Yearbook part headings that open a new part: "特 載", "附录", "大事记".
_PART = re.compile(r"^\s*(?:特\s*[载載]|附\s*录|大\s*事\s*记)\s*$")
# A line that starts with a document title: a short name ending in a document type.
_TITLE = re.compile(
    r"^\s*((?:\d{4}|[Xx]{2,4})?[^\s，。；！？,;:：、“”\"（(【\[\d一二三四五六七八九十]"
    r"[^，。；！？,;:：“”\"]{3,42}?"
    r"(?:工作报告|工作总结|工作计划|工作安排|工作打算|述职报告|统计公报|年度总结|半年总结|进展情况汇报|总结报告))"
)
_NOT_TITLE = re.compile(r"是|以下|下面|关于做好|代表|向大会|根据|按照")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_TOC_LINE = re.compile(r"(?:\t|\.{3,}|…{2,})\s*\d{1,4}\s*$")
_BODY_MIN = 60          # a line this long is body text, not a header
_CRUFT_MAX = 4          # "笔记", "复制", "问答": web-page buttons


def split_reports(source: SourceText) -> list[Report]:
    """The reports in source, in file order, each with its metadata."""
    lines = source.lines
    starts = _merge(_candidate_starts(lines), lines)
    if not starts:
        starts = [(_first_content(lines, 0), "plain")]
    first = _first_content(lines, 0)
    if starts[0][0] > first and _has_body(lines, first, starts[0][0]):
        starts.insert(0, (first, "front"))     # a yearbook's front matter, a preface
    reports: list[Report] = []
    file_year = None
    for i, (start, how) in enumerate(starts):
        stop = starts[i + 1][0] if i + 1 < len(starts) else len(lines)
        begin = start + 1 if how == "part" and lines[start].strip() in _part_words() else start
        begin = _first_content(lines, begin)
        end = _last_content(lines, begin, stop)
        if end < begin:
            continue
        if i == len(starts) - 1:
            end = _trim_cruft(lines, begin, end)
        report = describe(source, begin + 1, end + 1, how, file_year)
        if file_year is None and report.report_year is not None:
            file_year = report.report_year
        reports.append(report)
    return reports


def _part_words() -> set[str]:
    """Part headings that are headings only (特载, 附录), not the part's own title."""
    return {"特载", "特 载", "特載", "特 載", "附录", "附 录"}


def _candidate_starts(lines: tuple[str, ...]) -> list[tuple[int, str]]:
    """(0-based line, kind) of every line that may open a report."""
    out: list[tuple[int, str]] = []
    titles: list[str] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if _ARTICLE.match(line):
            out.append((i, "article"))
            titles.append(_title_of(line))
        elif _PART.match(line) and not _in_toc(lines, i):
            out.append((i, "part"))
            titles.append("")
        elif _SPEECH.match(line) and len(line.strip()) <= 70:
            title_at = _title_above(lines, i)
            if title_at is not None:
                out.append((title_at, "speech"))
                titles.append("")
        else:
            m = _TITLE.match(line)
            if not m or _NOT_TITLE.search(m.group(1)) or _in_toc(lines, i):
                continue
            title = m.group(1).strip()
            # "XX开发区…工作安排到此结束。" closes the current report; a shorter
            # repeat of its title ("上半年工作总结及下半年工作计划1…") heads a section.
            if titles and titles[-1] and (title in titles[-1] or titles[-1] in title):
                continue
            out.append((i, "title"))
            titles.append(title)
    return out


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


def _merge(starts: list[tuple[int, str]], lines: tuple[str, ...]) -> list[tuple[int, str]]:
    """Starts with only header lines between them belong to one report."""
    starts = sorted(set(starts))
    out: list[tuple[int, str]] = []
    for start, how in starts:
        if out and not _has_body(lines, out[-1][0], start):
            if out[-1][1] == "title" and how != "title":
                out[-1] = (out[-1][0], how)
            continue
        out.append((start, how))
    return out


def _has_body(lines: tuple[str, ...], first: int, stop: int) -> bool:
    """Whether lines first..stop-1 hold body text (a sentence or a long line)."""
    for i in range(first, stop):
        text = lines[i].strip()
        if len(text) >= _BODY_MIN or "。" in text:
            return True
    return False


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
