"""verify: for each commitment, the review passages about it, the actual figure and a verdict.

verify_one runs four stages, each a function over a dataclass:
  passages (Review: the review cut into passages, indexed; passages.py, period.py)
  -> ledger (every quantity of the review, with its head and the year it speaks of; ledger.py)
  -> candidates (what may speak of this commitment: passages and figures; candidates.py)
  -> verdict (the rules in order, with an honest reason; decide.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.model import Commitment
from tracker.verify.candidates import Candidates, gather, indicator_of, query_of, subject_of
from tracker.verify.decide import Verdict, decide
from tracker.verify.ledger import Ledger, build as build_ledger
from tracker.verify.passages import Index, Passage
from tracker.verify.period import classify
from tracker.verify.claims import list_claim

__all__ = ["Evidence", "Result", "Review", "verify_one", "indicator_of", "query_of"]

EVIDENCE = 3


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
    """Stage 1: a review text ready to search: passages, their index, and the year it was written."""

    passages: list[Passage]
    index: Index
    report_year: int | None = None
    document_id: int | None = None
    default_year: int | None = None    # the year a passage naming none speaks of
    part_year: bool = False            # a half-year or quarterly summary: figures cover part of the year
    _claims: list[Passage] | None = None
    _ledgers: dict = field(default_factory=dict)
    _years: dict = field(default_factory=dict)
    periods: dict = field(default_factory=dict)     # (passage index, plan year) -> period.classify

    def ledger(self, plan_year: int | None) -> Ledger:
        """Stage 2: the review's quantities for a plan of plan_year (see ledger.py), read once."""
        if plan_year not in self._ledgers:
            self._ledgers[plan_year] = build_ledger(self.passages, plan_year, self)
        return self._ledgers[plan_year]

    def year_passages(self, plan_year: int | None) -> list[Passage]:
        """The passages that speak of plan_year's outcome (period `year`), classified once."""
        if plan_year not in self._years:
            self._years[plan_year] = [p for p in self.passages if classify(p, plan_year, self) == "year"]
        return self._years[plan_year]

    def claims(self) -> list[Passage]:
        """Passages saying a whole 实事 list was done, found once."""
        if self._claims is None:
            self._claims = [p for p in self.passages if "实事" in p.text and list_claim(p.text)]
        return self._claims


def verify_one(c: Commitment, plan_year: int | None, review: Review, list_size: int | None = None,
               prior: Ledger | None = None) -> Result:
    """Evidence and verdict for one commitment against one review.

    list_size: how many items the commitment's 实事 list has, so that a claim about a list
    of another length ("9件省列为民实事全部完成" against a list of 10) is not applied.
    prior: levels of the year before the plan year from the plan's own text (its review of
    that year), for growth computed from levels.
    """
    subject = subject_of(c)
    cand = gather(subject, review, review.ledger(plan_year), plan_year, prior)
    verdict = decide(subject, cand, review, plan_year, list_size)
    return Result(c, verdict.status, verdict.actual, _evidence(verdict, cand, review, plan_year),
                  verdict.reason, verdict.progress, verdict.score)


def _evidence(verdict: Verdict, cand: Candidates, review: Review, plan_year: int | None) -> list[Evidence]:
    """The passages that decided first, then the best others; a passage of the review's own plan
    part is never evidence (next year's target sentence proves nothing about this year)."""
    out: list[Evidence] = []
    seen: set[int] = set()
    ranked = [(p, s) for p, s in (verdict.first or [])] + [(s.passage, s.sim) for s in cand.passages]
    for p, score in ranked:
        if id(p) in seen:
            continue
        seen.add(id(p))
        period = classify(p, plan_year, review)
        if period == "plan":
            continue
        out.append(Evidence(p.text, p.line, min(score, 1.0), review.document_id, period))
        if len(out) >= EVIDENCE + max(0, len(verdict.first or []) - 1):
            break
    return out
