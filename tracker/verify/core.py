"""verify: for each commitment, the review passages about it, the actual figure and a verdict."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..model import LIVELIHOOD, TARGET, Commitment
from ..normalize import fold
from ..tokens import query_terms
from .actuals import figures_after, figures_for, progress_share, verb_key
from .lexicon import Indicator, mentions_of, resolve
from .passages import Index, Passage
from .verdict import compatible, judge, list_claim, words_status

CANDIDATES = 12
EVIDENCE = 3
MIN_WORDS_SIMILARITY = 0.55    # a non-numeric passage must be this close to speak for an item
_PLAN_WORDS = re.compile(r"拟|预期|预计|目标|力争|计划|争取|确保|要|将")
_DIGITS = re.compile(r"[\d.．%％×*]+")


@dataclass
class Evidence:
    """A review passage quoted as evidence."""

    text: str
    line: int
    score: float
    document_id: int | None = None

    def to_json(self) -> dict:
        """The contract's evidence object."""
        return {"text": self.text, "line": self.line, "score": round(self.score, 3)}


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
    _claims: list[Passage] | None = None

    def claims(self) -> list[Passage]:
        """Passages saying a whole 实事 list was done, found once."""
        if self._claims is None:
            self._claims = [p for p in self.passages if "实事" in p.text and list_claim(p.text)]
        return self._claims


def period_ok(p: Passage, plan_year: int | None, report_year: int | None = None) -> bool:
    """True when a passage may speak about plan_year (not another year, not a five-year span)."""
    if plan_year is None:
        return not p.multi_year
    if report_year and report_year != plan_year and p.first_year == report_year and _PLAN_WORDS.search(p.text):
        return False    # "今年拟安排财政赤字1.2万亿元，比去年预算增加4000亿元": next year's plan
    if p.years:
        return plan_year in p.years
    if p.multi_year:
        return False
    return p.context_year is None or p.context_year == plan_year


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
    return list(dict.fromkeys(terms)), boost


def verify_one(c: Commitment, plan_year: int | None, review: Review) -> Result:
    """Evidence and verdict for one commitment against one review."""
    ind = resolve(c.indicator, c.text if c.kind == TARGET else "") if (c.indicator or c.kind == TARGET) else None
    terms, boost = _query(c, ind)
    if not terms:
        return Result(c, "unknown", reason="nothing to search for")
    top = review.index.max_score(terms, boost)
    core = fold(_DIGITS.sub("", c.text))[:40]
    scored = []
    for i, raw in review.index.search(terms, CANDIDATES, boost):
        p = review.passages[i]
        sim = max(min(raw / top, 1.0), fuzz.partial_ratio(core, fold(p.text)) / 100 if len(core) >= 4 else 0.0)
        scored.append([p, sim, None])
    same_year = review.report_year is not None and review.report_year == plan_year
    numeric: list[tuple[float, Passage, float, str, str]] = []
    partial_years: list[tuple[Passage, float]] = []
    for entry in scored:
        p, sim, _ = entry
        ok = period_ok(p, plan_year, review.report_year)
        if not ok:
            entry[1] = sim * 0.5
            continue
        if c.value is None and c.level_value is None:
            continue
        if ind is None:
            key = verb_key(c.text, c.value) if sim >= MIN_WORDS_SIMILARITY else None
            figs = figures_after(key, p.text) if key else []
            target_ind = Indicator(key or "", (key or "",))
        else:
            if not mentions_of(ind, fold(p.text)):
                entry[1] = sim * 0.8
                continue
            figs = figures_for(ind, p.text, plan_year)
            target_ind = ind
        for fig in figs:
            for level in (False, True):
                if level and c.level_value is None:
                    continue
                v = compatible(c, target_ind, fig, level)
                if v is None:
                    continue
                if fig.sub_year:
                    partial_years.append((p, v))
                    continue
                status, reason = judge(c, target_ind, v, level)
                numeric.append((sim, p, v, status, reason))
                entry[1] = min(1.0, sim + 0.35)
                break
            else:
                continue
            break
    scored.sort(key=lambda e: e[1], reverse=True)
    evidence = [Evidence(p.text, p.line, s, review.document_id) for p, s, _ in scored[:EVIDENCE]]
    if numeric:
        sim, p, v, status, reason = max(numeric, key=lambda n: n[0])
        return Result(c, status, v, _first(evidence, p, sim, review), reason, score=min(1.0, sim + 0.35))
    if same_year and partial_years:
        p, v = partial_years[0]
        return Result(c, "in_progress", None, _first(evidence, p, 0.6, review),
                      f"only a part-year figure so far ({v:g}{c.unit or ''})", score=0.6)
    return _by_words(c, ind, plan_year, scored, evidence, review, same_year)


def _by_words(c: Commitment, ind: Indicator | None, plan_year: int | None, scored: list, evidence: list[Evidence],
              review: Review, same_year: bool) -> Result:
    """A verdict from words (已建成, 未完成, 开工) in a passage close enough to the commitment."""
    for p, sim, _ in scored:
        if not period_ok(p, plan_year, review.report_year):
            continue
        if ind is not None and c.kind == TARGET:
            if not mentions_of(ind, fold(p.text)):
                continue
        elif sim < MIN_WORDS_SIMILARITY:
            continue
        status = words_status(p.text)
        if status is None:
            continue
        share = progress_share(p.text, c.value, c.unit)
        if share is not None and share < 1.0:
            status = "in_progress" if same_year else "partial"
        return Result(c, status, None, _first(evidence, p, sim, review),
                      f"the review says so in words: {_cue(p.text)}", progress=share, score=sim)
    if c.kind == LIVELIHOOD:
        for p in review.claims():
            if period_ok(p, plan_year, review.report_year):
                return Result(c, "done", None, _first(evidence, p, 0.5, review),
                              f"the whole list is reported done: {_cue(p.text)}", score=0.5)
    return Result(c, "unknown", None, evidence, "the review states nothing comparable", score=0.0)


def _first(evidence: list[Evidence], p: Passage, score: float, review: Review) -> list[Evidence]:
    """Evidence with passage p first."""
    rest = [e for e in evidence if not (e.line == p.line and e.text == p.text)]
    return [Evidence(p.text, p.line, min(score, 1.0), review.document_id)] + rest[:EVIDENCE - 1]


def _cue(text: str, width: int = 60) -> str:
    """A short quote of text for a reason line."""
    return text if len(text) <= width else text[:width - 1] + "…"
