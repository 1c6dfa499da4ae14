"""Splitting a file into its reports (articles, speeches, yearbook parts).

A report starts at one of: an article marker ("第二篇：…"), a speech header (title
lines above "——在…会议上"), a yearbook part heading (特载, 附录, 大事记), or a
title line naming a document type ("XX区2023年上半年工作总结及下半年计划…").
Starts with only header lines between them (title, author, date) are one start.
"""

from __future__ import annotations

import re

from tracker import words
from tracker.extract.metadata import describe, run_in_title
from tracker.ingest.portal import residue_lines
from tracker.model import Report, SourceText

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
# A line that is just "关于某某县2024年国民经济和社会发展计划执行情况与2025年计划草案的报告",
# also after its issuer ("某某市人民政府办公室关于印发…的通知").
_ABOUT = re.compile(r"^\s*((?:[^\s，。；！？,;:：、“”]{2,24}?(?:人民政府|办公室|办公厅|委员会|政府))?关于[^，。；！？,;]{4,70}的(?:报告|说明|决议|通知|意见|方案|公告|公示|通报|决定|批复|函))\s*$")
# Sentences that mention a document ("现将上半年…工作安排", "召开…工作安排会议") and
# lines that start with the document type itself ("工作总结以及工作计划范文") are not titles.
_NOT_TITLE = re.compile(r"是|以下|下面|关于做好|代表|向大会|根据|按照|现将|召开|会议|^(?:工作|总结|报告|计划)")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CLOSED_LINE = re.compile(r"[。！？!?；;：:”」』）)…\d%％]\s*$")
_TOC_LINE = re.compile(r"(?:\t|\.{3,}|…{2,})\s*\d{1,4}\s*$")
_BODY_MIN = 60          # a line this long is body text, not a header
_FRONT_MIN = 1000       # characters of text before the first report that make a part
_REPORT_MIN = 300       # characters of its own text below which a later start is no report


def split_reports(source: SourceText) -> list[Report]:
    """The reports in source, in file order, each with its metadata."""
    lines = source.lines
    residue = residue_lines(lines)
    starts = _merge(_candidate_starts(lines, residue) + _cut_starts(lines), lines, residue)
    first = _first_own(lines, 0, len(lines), residue)
    if not starts:
        starts = [(first, "plain", first)]
    # A yearbook's front matter or a preface long enough to read on its own is a part;
    # an editor's note of a few lines above the title is dropped like site chrome.
    if starts[0][0] > first and _body_chars(lines, first, starts[0][0], residue) >= _FRONT_MIN:
        starts.insert(0, (first, "front", first))
    starts = _without_snippets(starts, lines, residue)
    reports: list[Report] = []
    file_year = None
    for i, (start, how, title_at) in enumerate(starts):
        stop = starts[i + 1][0] if i + 1 < len(starts) else len(lines)
        begin = start + 1 if how == "part" and lines[start].strip() in _part_words() else start
        if i == 0 and _letterhead(lines, first, begin, residue):
            begin = first     # a letterhead or document number above the title is the document's
        begin = _first_own(lines, begin, stop, residue)
        end = _last_own(lines, begin, stop, residue)
        if end < begin:
            continue
        if i == len(starts) - 1:
            end = _before_repeat(lines, begin, end, residue) or end
        report = describe(source, begin + 1, end + 1, how, file_year, max(begin, title_at) + 1, residue)
        if file_year is None and report.report_year is not None:
            file_year = report.report_year
        reports.append(report)
    return reports


# A red-head document's lines above its title: "某某县人民政府办公室文件", "宣政办〔2025〕3号", "特急".
_HEADER_LINE = re.compile(r"(?:人民政府|办公室|办公厅|委员会)(?:文件)?$|〔\d{4}〕\s*\d+\s*号$|\[\d{4}\]\s*\d+\s*号$|"
                          r"^(?:特急|加急|平急|紧急|秘密|机密|公开)$")


def _letterhead(lines: tuple[str, ...], first: int, start: int, residue: frozenset[int]) -> bool:
    """Whether the own lines above the first start are a document's letterhead only."""
    own = [lines[i].strip() for i in range(first, start) if lines[i].strip() and i not in residue]
    return bool(own) and all(len(t) <= 40 and _HEADER_LINE.search(t) for t in own)


def _without_snippets(starts: list[Start], lines: tuple[str, ...], residue: frozenset[int]) -> list[Start]:
    """Starts that open a report: not a link with no text under it, nor a page's repeat of its
    title and first sentence below the article, after its furniture ("打印本页 关闭窗口" then the
    title again and "各位代表：…")."""
    out: list[Start] = []
    for i, start in enumerate(starts):
        stop = starts[i + 1][0] if i + 1 < len(starts) else len(lines)
        if out and (not _has_body(lines, start[0], stop, residue) or (
                _body_chars(lines, start[0], stop, residue) < _REPORT_MIN
                and (_after_furniture(lines, start[0], residue) or _repeats_title(lines, out, start)))):
            continue
        out.append(start)
    return out


def _before_repeat(lines: tuple[str, ...], begin: int, end: int, residue: frozenset[int]) -> int | None:
    """The last line of the article when the page repeats its opening below it, after its furniture
    ("打印本页", "关闭窗口", then the title and the first sentence again); None when it does not."""
    i, chars = end, 0
    while i > begin and i not in residue:
        chars += len(lines[i].strip())
        i -= 1
    if i <= begin or chars >= _REPORT_MIN:
        return None
    tail = _first_own(lines, i, end + 1, residue)
    if tail > end or not any(_compact(lines[tail]) == _compact(lines[k]) for k in range(begin, i)):
        return None
    last = _last_own(lines, begin, i, residue)
    return last if last >= begin else None


def _after_furniture(lines: tuple[str, ...], at: int, residue: frozenset[int]) -> bool:
    """Whether the nearest non-blank line above at is a portal line."""
    i = at - 1
    while i >= 0 and not lines[i].strip():
        i -= 1
    return i in residue


def _repeats_title(lines: tuple[str, ...], earlier: list[Start], start: Start) -> bool:
    """Whether start's title line repeats the title line of an earlier report."""
    return any(_compact(lines[t]) == _compact(lines[start[2]]) for _, _, t in earlier)


def _part_words() -> set[str]:
    """Part headings that are headings only (特载, 附录), not the part's own title."""
    return {"特载", "特 载", "特載", "特 載", "附录", "附 录"}


Start = tuple[int, str, int]   # (0-based first line, kind, 0-based line holding the title)


def _candidate_starts(lines: tuple[str, ...], residue: frozenset[int] = frozenset()) -> list[Start]:
    """(0-based line, kind, title line) of every line that may open a report (never a portal line)."""
    out: list[Start] = []
    titles: list[str] = []
    # A 规划纲要 is one document whose parts are "第一篇 …" with "第一章 …" inside.
    articles = not _has_chapters(lines)
    for i, line in enumerate(lines):
        if not line.strip() or i in residue:
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
            title_at = _title_above(lines, i, residue)
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


def _title_above(lines: tuple[str, ...], at: int, residue: frozenset[int] = frozenset()) -> int | None:
    """First line of the title block above a speech header line, or None."""
    top, seen = None, 0
    i = at - 1
    while i >= 0 and at - i <= 8 and seen < 3:
        text = lines[i].strip()
        if text:
            # "0/0", "特 載", "注册 | 登录", a portal's source line above a title are not part of it
            if i in residue or len(text) > 40 or re.search(r"[。；！？|]", text) or len(_HAN.findall(text)) < 5:
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


def _merge(starts: list[Start], lines: tuple[str, ...], residue: frozenset[int] = frozenset()) -> list[Start]:
    """Starts with only header lines between them belong to one report.

    Of two titles, the one nearest the text wins, unless the earlier one holds it
    ("2026年宁夏回族自治区政府工作报告" above the article's own "政府工作报告").
    """
    out: list[Start] = []
    for start, how, title_at in sorted(set(starts)):
        if out and not _has_body(lines, out[-1][0], start, residue):
            first, kind, earlier = out[-1]
            if kind == "title":
                out[-1] = (first, how, earlier if _holds(lines[earlier], lines[title_at]) else title_at)
            continue
        out.append((start, how, title_at))
    return out


def _holds(earlier: str, later: str) -> bool:
    """Whether an earlier title line holds a later, shorter one ("2026年X省政府工作报告" / "政府工作报告")."""
    a, b = _compact(earlier), _compact(later)
    return len(a) > len(b) and b in a


def _has_body(lines: tuple[str, ...], first: int, stop: int, residue: frozenset[int] = frozenset()) -> bool:
    """Whether lines first..stop-1 hold body text (a sentence or a long line; portal lines are not)."""
    for i in range(first, stop):
        text = lines[i].strip()
        if i not in residue and (len(text) >= _BODY_MIN or "。" in text):
            return True
    return False


def _body_chars(lines: tuple[str, ...], first: int, stop: int, residue: frozenset[int] = frozenset()) -> int:
    """Characters in lines first..stop-1 that are not portal lines."""
    return sum(len(lines[i].strip()) for i in range(first, stop) if i not in residue)


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


def _first_own(lines: tuple[str, ...], i: int, stop: int, residue: frozenset[int]) -> int:
    """Index of the first line at or after i that is neither blank nor a portal line (stop if none)."""
    while i < stop and (not lines[i].strip() or i in residue):
        i += 1
    return i


def _last_own(lines: tuple[str, ...], begin: int, stop: int, residue: frozenset[int]) -> int:
    """Index of the last line in begin..stop-1 that is neither blank nor a portal line (begin-1 if none)."""
    i = stop - 1
    while i >= begin and (not lines[i].strip() or i in residue):
        i -= 1
    return i
