"""主要预期目标: find the target paragraph(s) of a report and cut them into indicator targets.

A target region starts after "主要预期目标是：", "预期目标为", "主要奋斗目标是", "思路目标是",
or a "主要目标：" heading, and runs sentence by sentence until a sentence states no
target ("这里，着重对…作些说明") or turns to the work ("为确保实现上述目标…").
"""

from __future__ import annotations

import re

from tracker import words
from tracker.model import TARGET, Commitment, Report, SourceText
from tracker.ingest.paragraphs import Paragraph
from tracker.extract.target_clauses import (QUALITATIVE, Target, attach_level, parse_clause, rank_of_previous,
                                            target_quantities)

CATEGORY = "主要预期目标"

_TRIGGER = re.compile(r"(?:(?:预期|主要|奋斗|思路|发展)目标(?:任务)?|预期指标)\s*"
                      r"(?:(?:建议|拟|初步)?(?:确定|设定|安排|定)?(?:是|为)|如下)?\s*[：:]|"
                      r"(?:(?:预期|主要|奋斗|思路)目标|预期指标)\s*(?:建议|拟|初步)?(?:确定|设定|安排|定)?"
                      r"(?:是|为)")
# A heading line of its own: "二、2018年发展主要预期目标", then one target per numbered line.
_HEADING = re.compile(rf"^\s*(?:{words.CN_DUN}|{words.CN_PAREN})?\s*"
                      r"[^，。；,;]{0,20}(?:预期目标|主要目标)(?:任务)?\s*[：:]?\s*$")
# A numbered section heading ends a list of targets: "三、对2018年政府工作的建议".
_SECTION = re.compile(rf"^\s*{words.SECTION_MARKER}")
# The paragraph has turned from targets to the work that serves them.
_STOP = re.compile(r"上述目标|以下几|重点抓好|着力抓好|重点做好|重点任务|主要任务|工作重点|"
                   rf"为此|为实现|为确保|[（(]{words.CN}[)）]")
_PAST = re.compile(r"实现了|完成了|圆满|超额|顺利完成|全面完成|达到了|"
                   r"(?:去年|上年)初?(?:确定|提出|设定|制定)?的")
_FIVE_YEAR = re.compile(rf"(?:今后|未来)[五几]年|五年内|“?{words.FIVE_YEAR_PLAN}”?(?:期间|时期|末)|"
                        r"五年(?:的|发展|奋斗|主要)")
_ONE_YEAR = re.compile(r"今年|明年|本年度|新的?一年|(?:\d{4}|[～×*]+)\s*年(?![底末内代])")
_LEADING_SKIPS = 3        # "思路目标是：以科学发展观为指导…。…确保到2024年，实现…翻番"
_HEADING_MISSES = 1       # a "主要目标：" heading over themed paragraphs, some without numbers
_MAX_PARAGRAPHS = 10
_NO_SPLIT_AFTER = set("和及与、至到的以左上之,，;；:：)）")


def extract_targets(source: SourceText, report: Report, paras: list[Paragraph],
                    cats: list[str | None]) -> list[Commitment]:
    """Indicator targets of every 预期目标 paragraph of the report."""
    out: list[Commitment] = []
    seen: set[int] = set()
    for i, para in enumerate(paras):
        if i in seen:
            continue
        if _HEADING.match(para.folded):
            period = _period(paras, i, len(para.folded))
            for j, found in _scan_following(paras, i + 1, _HEADING_MISSES):
                seen.add(j)
                out += [target_commitment(paras[j], t, period) for t in found]
            continue
        if _TRIGGER.search(para.folded) or _broken_trigger(paras, i):
            para = _joined(paras, i, seen)
        for m in _TRIGGER.finditer(para.folded):
            if _PAST.search(para.folded, _sentence_start(para.folded, m.start()), m.start()):
                continue        # "圆满完成了年初确定的主要预期目标：…" reports results
            period = _horizon(para.folded[m.end():], report.plan_year) or _period(paras, i, m.start())
            rest = para.folded[m.end():].strip()
            if rest:
                found, _ = _scan(para, m.end(), len(para.folded))
                out += [target_commitment(para, t, period) for t in found]
                if found:
                    break
            else:
                for j, found in _scan_following(paras, i + 1, 0):
                    seen.add(j)
                    out += [target_commitment(paras[j], t, period) for t in found]
    return out


def _broken_trigger(paras: list[Paragraph], i: int) -> bool:
    """A trigger broken over two lines the paragraph joiner kept apart: "…发展的主要预期目标" / "是：…"."""
    return (i + 1 < len(paras) and re.search(r"(?:预期|主要|奋斗)目标\s*$", paras[i].folded) is not None
            and re.match(r"\s*(?:是|为)?\s*[：:]", paras[i + 1].folded) is not None)


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in "。！？!?；;") + 1


def _joined(paras: list[Paragraph], i: int, seen: set[int]) -> Paragraph:
    """paras[i] with the paragraphs that finish its last sentence, for a short line broken
    mid-clause ("主要预期目标是：地区生产总值达到" / "242 亿元，增长 9% 以上；…")."""
    para = paras[i]
    j = i + 1
    while j < len(paras) and j - i <= 3 and not re.search(r"[。！？!?；;：:]\s*$", para.text):
        last = max(para.folded.rfind(c) for c in "，,；;：:") + 1
        if parse_clause(para.folded[last:]):
            break       # the last clause is whole ("…收入增长高于经济增长"): a web line, not a break
        nxt = paras[j]
        n = len(para.text)
        para = Paragraph(para.text + nxt.text, para.folded + nxt.folded, para.first_line,
                         nxt.last_line, para._piece_starts + tuple(n + s for s in nxt._piece_starts),
                         para._piece_lines + nxt._piece_lines,
                         para._piece_offsets + nxt._piece_offsets)
        seen.add(j)
        j += 1
    return para


def _scan_following(paras: list[Paragraph], first: int, allowed_misses: int):
    """Targets of the paragraphs under a "主要目标" heading or after "…预期目标是：" at a
    paragraph end, until a paragraph without targets (a few under a heading of themed
    paragraphs) or the next numbered section."""
    misses = 0
    for j in range(first, min(first + _MAX_PARAGRAPHS, len(paras))):
        text = paras[j].folded
        if _TRIGGER.search(text) or _HEADING.match(text) or (j > first and _SECTION.match(text)):
            return
        found, stopped = _scan(paras[j], 0, len(text))
        if found:
            misses = 0
            yield j, found
        else:
            misses += 1
        if stopped or misses > allowed_misses:
            return


def _scan(para: Paragraph, start: int, end: int) -> tuple[list[Target], bool]:
    """Targets of the sentences of para.folded[start:end]; True when a stop was reached."""
    text = para.folded
    found: list[Target] = []
    skips = 0
    for s, e in sentences(text, start, end):
        stop = _STOP.search(text, s, e)
        if stop:
            e = stop.start()
        targets = _sentence_targets(text, s, e)
        if skips and not found and len(targets) < 2:
            targets = []    # after prose, a lone figure ("全年完成投资100亿元") is no target list
        if stop:
            return found + targets, True
        if targets:
            found += targets
        elif found or skips >= _LEADING_SKIPS:
            return found, True
        else:
            skips += 1
    return found, False


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence (split at 。！？ outside brackets)."""
    return _split(text, start, end, "。！？!?")


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each clause: split at ，；： outside brackets and right after a value
    that runs straight into the next indicator ("增长7.2%以上社会消费品零售总额…")."""
    cuts = set()
    for q in target_quantities(text[start:end]):
        k = start + q.end
        while k < end and text[k] == " ":
            k += 1
        # a value runs into the next indicator only after 以上/以内/左右 or a rate: 7.2%以上社会…
        if (q.modifier or q.unit in ("%", "‰", "个百分点")) and _runs_on(text, k, end):
            cuts.add(start + q.end)
    for m in QUALITATIVE.finditer(text, start, end):   # "…高于经济增长全年完成…" (lines joined)
        if _runs_on(text, m.end(), end):
            cuts.add(m.end())
    return _split(text, start, end, "，,；;：:", cuts)


def _split(text: str, start: int, end: int, separators: str,
           cuts: set[int] | frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of the non-blank pieces of text[start:end], cut at separators outside
    brackets (dropped) and before the offsets in cuts."""
    out, depth, s = [], 0, start
    for k in range(start, end):
        ch = text[k]
        if ch in "（(":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        if depth == 0 and (ch in separators or k in cuts):
            if text[s:k].strip():
                out.append((s, k))
            s = k + 1 if ch in separators else k
    if text[s:end].strip():
        out.append((s, end))
    return out


def _runs_on(text: str, k: int, end: int) -> bool:
    """Whether text[k] starts a new phrase with no separator (a Han character, not 和/以/的…)."""
    return k < end and "\u4e00" <= text[k] <= "\u9fff" and text[k] not in _NO_SPLIT_AFTER


def _sentence_targets(text: str, start: int, end: int) -> list[Target]:
    """Targets of one sentence, pairing growth and level clauses of one indicator."""
    out: list[Target] = []
    previous: list[Target] = []
    for s, e in clauses(text, start, end):
        found = rank_of_previous(previous, parse_clause(text[s:e], s))
        if found and found[0].indicator == "":
            _pair(previous, found[0], e)
            previous = []
            continue
        previous = found
        out += found
    return out


def _pair(previous: list[Target], bare: Target, end: int) -> None:
    """Join a clause with no indicator to the targets just before it.

    "增长15%，达到150亿元以上": growth then level; "农业总产值2亿元，增长4%": level then growth.
    """
    if not previous:
        return
    qs = bare.extra.get("qs", [])
    if bare.unit == previous[0].unit:
        if bare.extra.get("aspiration"):    # "增长7%，力争8%": a stretch on the same figure
            for p in previous:
                p.stretch, p.end = bare.value, end
        return
    if bare.measure == "level" and all(p.measure == "growth" and p.level_value is None for p in previous):
        attach_level(previous, qs, bare.extra.get("verb", "达到"))
    elif bare.measure == "growth" and all(p.measure == "level" and p.level_value is None
                                          for p in previous):
        for p in previous:
            p.level_value, p.level_unit, p.level_comparator = p.value, p.unit, p.comparator
            p.measure, p.value, p.value_high = "growth", bare.value, bare.value_high
            p.unit, p.comparator, p.direction = bare.unit, bare.comparator, bare.direction
            p.masked = p.masked or bare.masked
            p.annual_average = p.annual_average or bare.annual_average
    else:
        return
    for p in previous:
        p.end = end


def _period(paras: list[Paragraph], i: int, pos: int) -> str:
    """"five-year" when the words nearest before the trigger speak of five years, else "year"."""
    texts = [paras[i].folded[:pos]] + [paras[k].folded for k in range(i - 1, max(-1, i - 4), -1)]
    for text in texts:
        five = [m.end() for m in _FIVE_YEAR.finditer(text)]
        one = [m.end() for m in _ONE_YEAR.finditer(text)]
        if five or one:
            return "five-year" if max(five, default=-1) > max(one, default=-1) else "year"
    return "year"


def _horizon(after: str, plan_year: int | None) -> str | None:
    """"five-year" when the targets open with a later year: "主要预期目标是：到2015年，…"."""
    m = re.match(r"\s*(?:到|至)\s*(\d{4})\s*年", after)
    if not m:
        return None
    year = int(m.group(1))
    if plan_year is None or year > plan_year:
        return "five-year" if plan_year is None or year - plan_year >= 3 else f"{year - plan_year + 1}-year"
    return None


def target_commitment(para: Paragraph, t: Target, period: str) -> Commitment:
    """A Target (paragraph span) as a Commitment with source line and file offsets."""
    s, e = t.start, t.end
    while s < e and (para.text[s].isspace() or para.text[s] in "—-－"):
        s += 1          # "——地区生产总值增长6%左右": the bullet is not part of the clause
    while e > s and para.text[e - 1].isspace():
        e -= 1
    return Commitment(
        kind=TARGET, text=para.text[s:e], line=para.line_at(s), start=para.file_offset(s),
        end=para.file_offset(e - 1) + 1, indicator=t.indicator, measure=t.measure, value=t.value,
        value_high=t.value_high, unit=t.unit, comparator=t.comparator, direction=t.direction,
        category=CATEGORY, period="five-year" if t.annual_average else period,
        annual_average=t.annual_average, masked=t.masked, level_value=t.level_value,
        level_unit=t.level_unit, level_comparator=t.level_comparator, factor=t.factor,
        stretch=t.stretch)
