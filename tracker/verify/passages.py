"""Review text as passages (sentences with line and period context) and BM25 search over them."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from tracker.model import SourceText
from tracker.verify import rules
from tracker.ingest.paragraphs import paragraphs
from tracker import words

_SENTENCE_END = re.compile(r"[。！？!?；;]+")
_MAX_LEN = 160          # longer sentences are cut at commas into windows of about this size
_TOP_HEADING = re.compile(rf"^\s*(?:{words.CN}+、|第[{words.CN_ORDINAL}\d]+[篇章部分])")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
# Headings without a number: "2024年工作回顾", "2025年工作安排", "今年的主要任务".
_WORD_HEADING = re.compile(r"工作回顾|回顾$|工作安排$|总体部署|主要任务$|重点工作$|工作建议$|的建议$|预期目标$")
# Relative year words, as an offset from the review's own year.
_RELATIVE = (("前年", -2), ("去年", -1), ("上年", -1), ("上一年", -1), ("过去一年", -1),
             ("今年", 0), ("本年", 0), ("明年", 1))
# A span of several years: "过去五年工作回顾", "五年来", "“十二五”期间".
MULTI_YEAR = re.compile(rf"[过这近][去]?{words.SEVERAL_YEARS}|{words.SEVERAL_YEARS}来|[五六七八九十]年的回顾"
                        rf"|本届政府|{words.FIVE_YEAR_PLAN}”?\s*(?:期间|时期|以来)|{words.SPAN_TOTAL}")
# A sentence opening on a span of several years: "过去的五年极不寻常", "五年来，", "这五年，",
# "“十四五”时期是…极不平凡的五年", "经过五年接续奋斗".
_MULTI_OPENER = re.compile(rf"^(?:各位代表[！!，,]\s*)?(?:回首|回顾|经过|在)?(?:过去的?|这|近)?{words.SEVERAL_YEARS}|^[“\"]?{words.FIVE_YEAR_PLAN}[”\"]?"
                           r"(?:时期|期间|的五年|以来|发展成就)|^(?:本届政府|[两三四五]年来)")
# A sentence opening on one year: "刚刚过去的2025年很不平凡", "过去一年，", "一年来，", "2025年是…".
_YEAR_OPENER = re.compile(r"^(?:各位代表[！!，,]\s*)?(?:刚刚过去的|过去的)?(?:(?:19|20)\d\d年(?!以来|至|到|[-－—])|一年来|过去一年|去年)")
# Headings of the review's own plan part: "二、“十五五”时期主要目标任务", "三、2026年重点工作".
_PLAN_HEADING = re.compile(r"目标任务|主要目标|主要考虑|工作安排|总体部署|重点工作|工作建议|的建议|主要任务|总体要求|预期目标|展望")
# "主要预期目标是：地区生产总值增长7.2%以上。社会消费品…": the rest of the paragraph lists goals.
_GOALS = re.compile(r"目标(?:任务)?(?:是|为)\s*[：:]|目标(?:任务)?是|目标为")
K1, B = 1.2, 0.75
MAX_TERMS = 10
# Overlapping Han bigrams in one C-level pass (same terms as tokens.bigrams for runs of 2+).
BIGRAM = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*")


@dataclass(frozen=True)
class Passage:
    """One sentence (or window of a long one) of the review, verbatim, with its context."""

    text: str
    line: int
    folded: str                # fold(text), same length
    years: frozenset[int]      # years the passage itself names (absolute or 去年/今年)
    context_year: int | None   # year its section heading names
    multi_year: bool           # the passage or its section covers several years
    index: int = 0
    first_year: int | None = None   # the year named first ("2012年，…为今年…" -> 2012)
    in_plan: bool = False      # follows "主要预期目标是：" in its paragraph: a goal, not a result
    plan_part: bool = False    # in a section of the review's own plan ("二、“十五五”时期主要目标任务")


def split_passages(source: SourceText, report_year: int | None = None,
                   line_start: int = 1, line_end: int | None = None) -> list[Passage]:
    """Passages of lines line_start..line_end of source, best cut for evidence."""
    out: list[Passage] = []
    ctx_year: int | None = None
    plan_part = False
    span_multi = False      # the text now speaks of several years, until a sentence opens on one year
    for para in paragraphs(source, line_start, line_end):
        text = para.text
        if len(text) <= 40 and (_TOP_HEADING.match(para.folded) or _WORD_HEADING.search(text.rstrip("：: "))):
            # "一、2013年工作回顾" / "一、过去五年工作回顾" / "一、2025年和“十四五”时期工作回顾"
            years = years_named(text, report_year)
            ctx_year = min(years) if len(years) == 1 else None
            # A heading naming one year besides a five-year plan does not switch off that
            # year's figures: they follow under it ("刚刚过去的2025年…").
            span_multi = ctx_year is None and bool(MULTI_YEAR.search(text))
            # the review's own plan runs on under headings of its own ("一、把铸牢…作为主线" after
            # "“十五五”时期主要目标和2026年重点工作") until a heading turns back to the past
            looks_back = bool(re.search(r"回顾|成就|成绩|完成情况|落实情况|进展情况", text))
            plan_part = not looks_back and ((plan_part and rules.on("plan_part_sticky")) or bool(_PLAN_HEADING.search(text))
                                            or _names_next_plan(text, report_year))
        in_plan = False
        para_multi = False
        for start, end in _pieces(text):
            piece = text[start:end].strip()
            in_plan = in_plan or bool(_GOALS.search(piece))
            # "…“十二五”收官之年。过去五年，…城镇新增就业人数超过6400万人": a sentence opening
            # on several years turns the text to them, across paragraphs ("——经济实力实现整体
            # 跃升…"), until a sentence opens on a single year again; a span named inside a
            # sentence holds for the rest of its paragraph.
            if _MULTI_OPENER.search(piece):
                span_multi = True
            elif _YEAR_OPENER.search(piece):
                span_multi = para_multi = False
            elif MULTI_YEAR.search(piece):
                para_multi = True
            if len(piece) < 4:
                continue
            lead = start + (len(text[start:end]) - len(text[start:end].lstrip()))
            out.append(Passage(piece, para.line_at(lead), para.folded[lead:lead + len(piece)], frozenset(years_named(piece, report_year)),
                               ctx_year, span_multi or para_multi, len(out), first_year(piece, report_year), in_plan, plan_part))
    return out


_CN_NUM = dict(zip("一二三四五六七八九", range(1, 10)))


def _names_next_plan(heading: str, report_year: int | None) -> bool:
    """True for a heading naming the report's own year or the five-year plan it opens
    ("三、一鼓作气勇争先，全力推动“十五五”开好局" in a 2026 report): the review's own plan."""
    if report_year is None:
        return False
    if report_year in {int(y) for y in _YEAR.findall(heading)}:
        return True
    for m in re.finditer(r"十([一二三四五六七八九])五", heading):
        first_year = 2021 + (10 + _CN_NUM[m.group(1)] - 14) * 5     # 十四五: 2021-2025
        if first_year == report_year:
            return True
    return False


def years_named(text: str, report_year: int | None) -> set[int]:
    """Years a text names: 2012年, and 去年/今年 counted from report_year."""
    years = {int(y) for y in _YEAR.findall(text)}
    if report_year:
        for word, delta in _RELATIVE:
            if word in text:
                years.add(report_year + delta)
    return years


def first_year(text: str, report_year: int | None) -> int | None:
    """The year text names first, absolute or relative."""
    found = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(text)]
    if report_year:
        found += [(text.find(w), report_year + d) for w, d in _RELATIVE if w in text]
    return min(found)[1] if found else None


def _pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of text; long ones cut at commas."""
    spans, pos = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((pos, m.end()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    out = []
    for start, end in spans:
        if end - start <= _MAX_LEN:
            out.append((start, end))
            continue
        cut = start
        for m in re.finditer(r"[，,]", text[start:end]):
            if start + m.end() - cut >= _MAX_LEN * 0.6:
                out.append((cut, start + m.end()))
                cut = start + m.end()
        if cut < end:
            out.append((cut, end))
    return out


class Index:
    """BM25 over passages with character-bigram terms."""

    def __init__(self, passages: list[Passage], vocabulary: frozenset[str] | set[str] | None = None):
        """Index passages; with a vocabulary (the queries' terms), only those terms are indexed."""
        self.passages = passages
        self.postings: dict[str, list[int]] = {}
        lengths = []
        postings = self.postings
        for i, p in enumerate(passages):
            grams = BIGRAM.findall(p.folded)
            lengths.append(len(grams) or 1)
            # Presence, not counts: a passage is a sentence, a term rarely repeats in it.
            held = set(grams)
            held.update(w.upper() for w in _LATIN.findall(p.folded))
            if vocabulary is not None:
                held &= vocabulary
            for t in held:
                ids = postings.get(t)
                if ids is None:
                    postings[t] = [i]
                else:
                    ids.append(i)
        n = len(passages) or 1
        avg = sum(lengths) / n if lengths else 1.0
        self.norm = [K1 * (1 - B + B * ln / avg) for ln in lengths]
        self.idf = {t: math.log(1 + (n - len(ps) + 0.5) / (len(ps) + 0.5)) for t, ps in self.postings.items()}
        self.common = max(60, n // 40)   # terms in more passages than this are too common to rank by

    def search(self, terms: list[str], k: int = 10, boost: dict[str, float] | None = None) -> list[tuple[int, float]]:
        """(passage index, score) of the k best passages for terms, best first."""
        boost = boost or {}
        known = [t for t in terms if t in self.postings]
        # The most telling terms find the candidates; very common bigrams (建设, 推进) add
        # little but cost a pass over thousands of passages.
        known.sort(key=lambda t: self.idf[t] * boost.get(t, 1.0), reverse=True)
        rare = [t for t in known if len(self.postings[t]) <= self.common][:MAX_TERMS] or known[:2]
        scores: dict[int, float] = defaultdict(float)
        norm = self.norm
        for t in rare:
            w = self.idf[t] * boost.get(t, 1.0) * (K1 + 1)
            for i in self.postings[t]:
                scores[i] += w / (1 + norm[i])
        best = sorted(scores, key=scores.__getitem__, reverse=True)[:k]
        return [(i, scores[i]) for i in best]

    def max_score(self, terms: list[str], boost: dict[str, float] | None = None) -> float:
        """Score of an ideal passage holding each term once (to scale scores to 0..1)."""
        total = 0.0
        unseen = math.log(1 + (len(self.passages) + 0.5) / 0.5)   # a term no passage holds
        for t in terms:
            total += self.idf.get(t, unseen) * (boost.get(t, 1.0) if boost else 1.0)
        return total or 1.0

    def coverage(self, terms: list[str], text: str) -> float:
        """Idf-weighted share of terms that text holds (0..1)."""
        held = set(BIGRAM.findall(text)) | {w.upper() for w in _LATIN.findall(text)}
        unseen = math.log(1 + (len(self.passages) + 0.5) / 0.5)
        total = sum(self.idf.get(t, unseen) for t in terms) or 1.0
        return sum(self.idf.get(t, unseen) for t in terms if t in held) / total


def _clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of the comma clauses of text."""
    out, pos = [], 0
    for m in re.finditer(r"[，,；;。：:]", text):
        out.append((pos, m.end()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def clause_at(text: str, pos: int) -> str:
    """The clause holding pos and the one after it ("叶挺大道延伸工程，已经竣工通车")."""
    spans = _clauses(text)
    for i, (a, b) in enumerate(spans):
        if a <= pos < b:
            return text[a:spans[i + 1][1] if i + 1 < len(spans) else b]
    return text


def best_clause(text: str, terms: list[str]) -> str:
    """The clause sharing most query terms with the commitment, with the clause after it."""
    wanted = set(terms)
    best, best_n = 0, -1
    for a, b in _clauses(text):
        n = len(wanted.intersection(BIGRAM.findall(text, a, b)))
        if n > best_n:
            best, best_n = a, n
    return clause_at(text, best)
