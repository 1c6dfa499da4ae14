"""verify: for each commitment, the review passages about it, the actual figure and a verdict."""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from rapidfuzz.distance import LCSseq

from tracker.model import LIVELIHOOD, TARGET, Commitment
from tracker.ingest.normalize import fold
from tracker.verify.tokens import query_terms
from tracker.verify.actuals import figures_by_key, figure_keys, figures_for, progress_share
from tracker import words
from tracker.verify.lexicon import Indicator, indicators as all_indicators, known_in, mentions_of, pair_mentions, resolve
from tracker.verify.period import classify, period_ok
from tracker.verify.ledger import year_figures
from tracker.verify.passages import BIGRAM, Index, Passage, best_clause, clause_at
from tracker.verify.qualitative import indicators as sync_indicators, is_sync_target, sync_verdict, trend_verdict
from tracker.verify.verdict import (LIST_DONE, STATUS_WORDS, compatible, in_target_sense, judge, list_claim, list_claim_count,
                      words_status)

CANDIDATES = 12
EVIDENCE = 3
MIN_CLAUSE_COVERAGE = 0.65
MIN_COVERAGE = 0.5     # share of the commitment's (idf-weighted) terms a passage must hold to speak for it
_SPAN_TARGET = re.compile(rf"{words.FIVE_YEAR_PLAN}|[两三四五]年(?:内|来|间)|{words.SPAN_TOTAL}|{words.ANNUAL_AVERAGE}")
# A rate stated only against the country's: "增速均高于全国平均水平", "快于全国0.4个百分点".
_RELATIVE = re.compile(r"(?:高于|快于|低于|慢于|好于|优于|领先)全国(?:平均水平|平均|水平)?(?:\d+(?:\.\d+)?个百分点)?")
_DIGITS = re.compile(r"[\d.．%％×*]+")


@dataclass
class Evidence:
    """A review passage quoted as evidence."""

    text: str
    line: int
    score: float
    document_id: int | None = None
    period: str = "other"      # year | multi-year | plan | other (period.classify)

    def to_json(self) -> dict:
        """The contract's evidence object."""
        return {"text": self.text, "line": self.line, "score": round(self.score, 3), "period": self.period}


@dataclass
class Result:
    """The verdict on one commitment."""

    commitment: Commitment
    status: str
    actual_value: float | None = None
    evidence: list[Evidence] = field(default_factory=list)
    reason: str = ""
    progress: float | None = None
    score: float = 0.0

    def to_json(self) -> dict:
        """The contract's result object."""
        return {"commitment": self.commitment.to_json(), "status": self.status,
                "actual_value": self.actual_value, "evidence": [e.to_json() for e in self.evidence],
                "reason": self.reason, "progress": self.progress}


@dataclass
class Review:
    """A review text ready to search: passages, their index, and the year it was written."""

    passages: list[Passage]
    index: Index
    report_year: int | None = None
    document_id: int | None = None
    default_year: int | None = None    # the year a passage naming none speaks of
    part_year: bool = False            # a half-year or quarterly summary: figures cover part of the year
    _claims: list[Passage] | None = None
    _ledgers: dict = field(default_factory=dict)

    def ledger(self, plan_year: int | None) -> dict:
        """The review's figures of plan_year by indicator name (see ledger.py), read once."""
        if plan_year not in self._ledgers:
            self._ledgers[plan_year] = year_figures(self.passages, plan_year, self)
        return self._ledgers[plan_year]

    def claims(self) -> list[Passage]:
        """Passages saying a whole 实事 list was done, found once."""
        if self._claims is None:
            self._claims = [p for p in self.passages if "实事" in p.text and list_claim(p.text)]
        return self._claims


def indicator_of(c: Commitment) -> Indicator | None:
    """The indicator a commitment is about (targets, and others naming a known one)."""
    if c.indicator or c.kind == TARGET:
        return resolve(c.indicator, c.text if c.kind == TARGET else "")
    if c.value is not None and c.unit:
        # "把居民消费价格涨幅控制在3.5%左右" listed as a project is still about a known indicator
        return known_in(c.text)
    return None


def query_of(c: Commitment) -> tuple[list[str], dict[str, float]]:
    """Index terms and weights of a commitment's query."""
    return _query(c, indicator_of(c))


@lru_cache(maxsize=65536)
def _query(c: Commitment, ind: Indicator | None) -> tuple[list[str], dict[str, float]]:
    """Index terms for a commitment and weights favouring the indicator's names."""
    boost: dict[str, float] = {}
    terms: list[str] = []
    if ind is not None:
        for alias in ind.aliases:
            for t in query_terms(alias):
                boost[t] = 2.0
                terms.append(t)
    if c.kind != TARGET or ind is None:
        terms.extend(query_terms(_DIGITS.sub(" ", c.text)))
    if is_sync_target(c):
        for other in sync_indicators():
            terms.extend(t for alias in other.aliases for t in query_terms(alias))
    return list(dict.fromkeys(terms)), boost


def verify_one(c: Commitment, plan_year: int | None, review: Review, list_size: int | None = None) -> Result:
    """Evidence and verdict for one commitment against one review.

    list_size: how many items the commitment's 实事 list has, so that a claim about a list
    of another length ("9件省列为民实事全部完成" against a list of 10) is not applied.
    """
    ind = indicator_of(c)
    terms, boost = _query(c, ind)
    if not terms:
        return Result(c, "unknown", reason="承诺文本中没有可检索的词语")
    top = review.index.max_score(terms, boost)
    core = fold(_DIGITS.sub("", c.text))[:40]
    scored = []
    for i, raw in review.index.search(terms, CANDIDATES, boost):
        p = review.passages[i]
        cov = min(raw / top, 1.0)
        # Character overlap: share of the commitment's characters found in order in the passage.
        sim = max(cov, LCSseq.similarity(core, p.folded) / len(core) if len(core) >= 4 else 0.0)
        scored.append([p, sim, cov])
    if ind is not None and ind.name in _known_names():
        # Every year passage giving a figure for the indicator, however search ranked it.
        held = {id(e[0]) for e in scored}
        for p, _ in review.ledger(plan_year).get(ind.name, ()):
            if id(p) not in held:
                held.add(id(p))
                sim = LCSseq.similarity(core, p.folded) / len(core) if len(core) >= 4 else 0.0
                scored.append([p, max(sim, 0.4), 0.0])
    same_year = review.report_year is not None and review.report_year == plan_year
    numeric: list[tuple[float, Passage, float, str, str]] = []
    partial_years: list[tuple[Passage, float]] = []
    # "单位生产总值能耗完成“十四五”考核目标": a target of a five-year plan, whatever the extractor said.
    several_years = (c.period not in (None, "", "year")) or c.annual_average or bool(_SPAN_TARGET.search(c.text))
    for entry in scored:
        p, sim, cov = entry
        ok = period_ok(p, plan_year, review)
        if not ok:
            entry[1] = sim * 0.5
            continue
        if c.value is None and c.level_value is None or several_years:
            continue
        if ind is None:
            shared = len(set(terms).intersection(BIGRAM.findall(p.folded)))
            keys = figure_keys(c.text, c.value) if cov >= MIN_COVERAGE and shared >= 2 else []
            figs = figures_by_key(keys, p.text) if keys else []
            target_ind = Indicator(keys[0][1] if keys else "", ())
        else:
            if not mentions_of(ind, p.folded) and not pair_mentions(ind, p.folded):
                entry[1] = sim * 0.8
                continue
            figs = figures_for(ind, p.text, plan_year)
            target_ind = ind
        found = []
        for fig in figs:
            for level in (False, True):
                if level and c.level_value is None:
                    continue
                v = compatible(c, target_ind, fig, level)
                if v is None:
                    continue
                if fig.sub_year or review.part_year:
                    partial_years.append((p, v))
                else:
                    found.append((level, v))
                break
        if found:
            # The growth figure decides a paired target (增长15%，达到150亿元); the level is noted.
            level, v = min(found, key=lambda f: f[0])
            status, reason = judge(c, target_ind, v, level)
            v = in_target_sense(c, v, level)
            other = next((f for f in found if f[0] != level), None)
            if other is not None:
                reason += "；总量：" + judge(c, target_ind, other[1], other[0])[1]
            elif level:
                reason += "；报告未给出增速"
            if "同口径" in p.text:
                reason += "（报告按同口径计算）"
            numeric.append((sim, p, v, status, reason))
            entry[1] = min(1.0, sim + 0.35)
    scored.sort(key=lambda e: e[1], reverse=True)
    evidence = [Evidence(p.text, p.line, s, review.document_id, classify(p, plan_year, review))
                for p, s, _ in scored[:EVIDENCE]]
    if numeric:
        sim, p, v, status, reason = max(numeric, key=lambda n: n[0])
        return Result(c, status, v, _first(evidence, p, sim, review, plan_year), reason, score=min(1.0, sim + 0.35))
    if same_year and partial_years:
        p, v = partial_years[0]
        return Result(c, "in_progress", None, _first(evidence, p, 0.6, review, plan_year),
                      f"目前只有年内部分时段的数据（{v:g}{c.unit or ''}）", score=0.6)
    if several_years:
        return Result(c, "unknown", None, evidence,
                      "多年目标，一年的数据不能判定", score=0.0)
    if is_sync_target(c):
        def search(i: Indicator) -> list[Passage]:
            t, b = _query(Commitment(TARGET, i.name, 1, indicator=i.name), i)
            return [review.passages[j] for j, _ in review.index.search(t, CANDIDATES, b)]
        found = sync_verdict(c, plan_year, review, search)
        if found:
            status, reason, passages = found
            ev = [Evidence(p.text, p.line, 0.9, review.document_id, classify(p, plan_year, review)) for p in passages]
            return Result(c, status, None, (ev + evidence)[:EVIDENCE + 1], reason, score=0.9)
        # Not the income figure alone: keeping pace needs both growth rates of the year.
        return Result(c, "unknown", None, evidence, "后续文件未同时给出当年居民收入增速和经济增速", score=0.0)
    if ind is not None and c.value is None and c.level_value is None:
        found = trend_verdict(c, ind, plan_year, review, [p for p, _, _ in scored])
        if found:
            status, v, p, reason = found
            score = min(1.0, next(sim for q, sim, _ in scored if q is p) + 0.35)
            return Result(c, status, v, _first(evidence, p, score, review, plan_year), reason, score=score)
    return _by_words(c, ind, plan_year, scored, evidence, review, same_year, terms, list_size)


def _by_words(c: Commitment, ind: Indicator | None, plan_year: int | None, scored: list, evidence: list[Evidence],
              review: Review, same_year: bool, terms: list[str], list_size: int | None = None) -> Result:
    """A verdict from words (已建成, 未完成, 开工) in the clause of a passage that names the commitment."""
    for p, sim, cov in scored:
        if not period_ok(p, plan_year, review):
            continue
        if ind is not None and c.kind == TARGET:
            spans = mentions_of(ind, p.folded)
            if not spans:
                continue
            clause = clause_at(p.text, spans[0][0])
        elif cov < MIN_COVERAGE:
            continue
        else:
            clause = best_clause(p.text, terms)
        if c.kind != TARGET and (review.index.coverage(terms, clause) < MIN_CLAUSE_COVERAGE
                                 or len(set(terms).intersection(BIGRAM.findall(clause))) < 2):
            continue    # the clause must name the item itself, not only share a word or two
        status = words_status(clause)
        if status is None:
            continue
        quote = _cue(clause, STATUS_WORDS[status])
        share = progress_share(clause, c.value, c.unit)
        if share is not None and share < 1.0:
            status = "in_progress" if same_year else "partial"
        return Result(c, status, None, _first(evidence, p, sim, review, plan_year),
                      f"报告称“{quote}”", progress=share, score=sim)
    if c.kind == LIVELIHOOD:
        for p in review.claims():
            n = list_claim_count(p.text)
            if n is not None and (c.number is not None and c.number > n or list_size and list_size != n):
                continue    # a claim about a list of another length
            if period_ok(p, plan_year, review):
                # A claim about the whole list, not about this item: the user confirms it.
                return Result(c, "done", None, _first(evidence, p, 0.5, review, plan_year),
                              f"后续报告所称“{_cue(p.text, LIST_DONE)}”（清单整体表述，请逐项核对）", score=0.5)
    if ind is not None and c.kind == TARGET:
        for p, _, _ in scored:
            m = _RELATIVE.search(p.text)
            if m and mentions_of(ind, p.folded) and period_ok(p, plan_year, review):
                return Result(c, "unknown", None, _first(evidence, p, 0.5, review, plan_year),
                              f"报告只与全国比较（“{_cue(p.text, _RELATIVE)}”），没有当年数值", score=0.0)
    if c.kind != TARGET:
        # "确保世纪大桥7月份建成通车" pledged again among next year's tasks: likely not finished.
        # (A target recurring with the same value says nothing either way: targets are left out.)
        for p, _, _ in scored:
            if (classify(p, plan_year, review) == "plan" and review.report_year != plan_year
                    and review.index.coverage(terms, p.text) >= MIN_CLAUSE_COVERAGE):
                return Result(c, "unknown", None, _first(evidence, p, 0.5, review, plan_year),
                              f"后续文件未报告完成情况；又列为下一年任务（“{_cue(p.text)}”），可能尚未完成", score=0.0)
    return Result(c, "unknown", None, evidence, "后续文件未提及可比数据", score=0.0)


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    """Names of the data file's indicators (the ledger knows only those)."""
    return frozenset(i.name for i in all_indicators())


def _first(evidence: list[Evidence], p: Passage, score: float, review: Review, plan_year: int | None) -> list[Evidence]:
    """Evidence with passage p first."""
    rest = [e for e in evidence if not (e.line == p.line and e.text == p.text)]
    first = Evidence(p.text, p.line, min(score, 1.0), review.document_id, classify(p, plan_year, review))
    return [first] + rest[:EVIDENCE - 1]


def _cue(text: str, focus: re.Pattern | None = None, width: int = 60) -> str:
    """A verbatim quote of text for a reason line; a long text is cut to the clause where focus matches."""
    text = text.strip().rstrip("。；;，,")
    m = focus.search(text) if focus is not None and len(text) > width else None
    if m is not None:
        a = max(text.rfind(ch, 0, m.start()) for ch in "，,；;。：:") + 1
        ends = [i for i in (text.find(ch, m.end()) for ch in "，,；;。") if i >= 0]
        clause = text[a:min(ends) if ends else len(text)].strip()
        if len(clause) > width and m.end() - a > width - 1:
            return "…" + text[m.end() - width + 1:m.end()]   # keep the words that decide
        text = clause
    return text if len(text) <= width else text[:width - 1] + "…"
