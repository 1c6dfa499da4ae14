"""Store-backed suggestions: evidence for open commitments from later documents of the region.

A suggestion is stored as source "auto" (a suggestions row), never as the user's verdict
until accepted. Its fingerprint is the commitment, review document, status, actual value
and first evidence passage, so a re-run adds nothing new and a rejected one never returns.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Callable

from tracker.labels import status_label
from tracker.model import Commitment
from tracker.pairing import can_review, ranked_reviews
from tracker.store import Filter
from tracker.verify.core import Result, Review, verify_one
from tracker.verify.review import build_review, prior_ledger, query_vocabulary

Progress = Callable[[int, int], None] | None
Cancel = Callable[[], bool] | None
OPEN = (None, "", "unknown", "in_progress", "partial")
MIN_UNKNOWN_SCORE = 0.5   # an honest "unknown" is kept only with a passage worth reading
_FIELDS = ("kind", "text", "line", "indicator", "measure", "value", "value_high", "unit", "comparator",
           "direction", "deadline", "deadline_text", "number", "category", "period", "level_value",
           "level_unit", "level_comparator")


@dataclass(frozen=True)
class Outcome:
    """What a search for evidence did: how much it found, and why nothing when nothing."""

    added: int = 0                 # new suggestions stored
    commitments: int = 0           # commitments that got at least one new suggestion
    checked: int = 0               # open commitments looked at
    reviewable: int = 0            # of those, with at least one later report of their region
    unreviewed: tuple[tuple[str, int], ...] = ()   # (region, plan year) without a later report
    cancelled: bool = False
    # The store's other reports, nearest to the first unreviewed plan first: (id, region, year)
    others: tuple[tuple[int, str, int | None], ...] = ()

    def message(self) -> str:
        """One line for the user: 找到 N 条建议，涉及 M 条承诺, or why there are none."""
        if self.added:
            return f"找到 {self.added} 条建议，涉及 {self.commitments} 条承诺"
        if self.cancelled:
            return "已取消，没有找到新的建议"
        if not self.checked:
            closed = "、".join(status_label(s) for s in ("done", "not_done"))
            return f"没有找到建议：范围内没有待核实的承诺（{closed}或已失效的不再查找）"
        if not self.reviewable:
            where = "、".join(f"{r or '（未识别地区）'}{y or '（年份未知）'}{'年' if y else ''}"
                             for r, y in self.unreviewed[:3])
            more = " 等" if len(self.unreviewed) > 3 else ""
            if not self.others:
                return (f"没有找到建议：{where}{more}的承诺还没有同一地区更晚年份的报告；"
                        "请先导入下一年的政府工作报告")
            present = "、".join(f"#{i} {r or '（未识别地区）'}{y or ''}{'年' if y else ''}"
                                for i, r, y in self.others[:3])
            return (f"没有找到建议：{where}{more}的承诺没有同一地区更晚年份的报告（台账中另有 {present}"
                    f"{' 等' if len(self.others) > 3 else ''}）；若其中有它的核验文件，请改正该报告的地区或年份"
                    "（报告树右键「设定地区、年份」/ tracker report ID --region 地区 --year 年份），"
                    "或指定核验文件（右键计划「选择核验文件」/ tracker suggest --review 文件）")
        return (f"没有找到新的建议：已对照后续报告查找 {self.reviewable} 条承诺，"
                "没有新的相关段落（已驳回的不再出现）")


def suggest(store, plan_year: int | None = None, review_document_id: int | None = None,
            progress: Progress = None, cancel: Cancel = None) -> int:
    """Add suggestions for open commitments (of plan_year, or all); returns how many were added."""
    return find_evidence(store, plan_year, review_document_id, progress, cancel).added


def find_evidence(store, plan_year: int | None = None, review_document_id: int | None = None,
                  progress: Progress = None, cancel: Cancel = None) -> Outcome:
    """Add suggestions for open commitments (of plan_year, or all); what was found and why."""
    reports = store.reports()
    by_id = {r["id"]: r for r in reports}
    ids = store.query(Filter(year=plan_year) if plan_year is not None else Filter())
    reviews: dict[int, Review] = {}
    sources: dict[int, object] = {}
    priors: dict[int, object] = {}
    todo = []
    for cid in ids:
        row = store.commitment(cid)
        if row.get("status") in OPEN and not row.get("stale"):
            todo.append((cid, row, _as_commitment(row)))
    vocab = query_vocabulary(c for _, _, c in todo)
    # How many 实事 each plan report lists, so a claim about a list of another length is skipped.
    sizes = {r["id"]: store.count(Filter(report_id=r["id"], kind="livelihood")) or None for r in reports}
    added, total, found, reviewable, cancelled = 0, len(todo), 0, 0, False
    unreviewed: dict[tuple[str, int], None] = {}
    for n, (cid, row, c) in enumerate(todo, 1):
        if cancel and cancel():
            cancelled = True
            break
        plan = by_id[row["report_id"]]
        items = []
        later = _review_reports(plan, reports, review_document_id)
        if later:
            reviewable += 1
        else:
            unreviewed[(plan.get("region") or "", plan.get("plan_year") or 0)] = None
        if later and plan["id"] not in priors:
            priors[plan["id"]] = prior_ledger(_source(store, sources, plan["document_id"]), plan, plan.get("plan_year"))
        for rep in later:
            rv = reviews.get(rep["id"])
            if rv is None:
                doc = rep["document_id"]
                rv = reviews[rep["id"]] = build_review(_source(store, sources, doc), rep, doc, vocab)
            result = verify_one(c, plan["plan_year"], rv, sizes.get(plan["id"]), priors.get(plan["id"]))
            if result.status != "unknown" or (result.evidence and result.evidence[0].score >= MIN_UNKNOWN_SCORE):
                items.append(_item(cid, rep["document_id"], result))
        if items:
            new = store.evidence.add(cid, items)
            added += new
            found += bool(new)
        _tick(progress, n, total)
    return Outcome(added, found, len(todo), reviewable, tuple(unreviewed), cancelled,
                   _others(reports, by_id[todo[0][1]["report_id"]]) if todo and not reviewable else ())


def _others(reports: list[dict], plan: dict) -> tuple[tuple[int, str, int | None], ...]:
    """The reports that might have been plan's review (id, region, year written), nearest first."""
    return tuple((r["id"], r.get("region"), r.get("report_year") or r.get("plan_year"))
                 for r in ranked_reviews(plan, reports))


def _source(store, sources: dict, doc: int):
    """A stored document's text, read once per run."""
    if doc not in sources:
        sources[doc] = store.document_source(doc)
    return sources[doc]


def _review_reports(plan: dict, reports: list[dict], review_document_id: int | None) -> list[dict]:
    """Reports that can review plan: the given document's, or later reports of the same region
    in any spelling, and the completion notice of its list (tracker.pairing)."""
    if review_document_id is not None:
        return [r for r in reports if r["document_id"] == review_document_id and r["id"] != plan["id"]]
    return [r for r in reports if can_review(plan, r)]


def _as_commitment(row: dict) -> Commitment:
    """A Commitment from a store row (corrected fields included)."""
    return Commitment(**{k: row.get(k) for k in _FIELDS if row.get(k) is not None or k in ("line", "text")},
                      start=row.get("start") if row.get("start") is not None else -1,
                      end=row.get("end") if row.get("end") is not None else -1)


def _item(cid: int, doc_id: int, r: Result) -> dict:
    """The store's suggestion dict for a result."""
    evidence = [{"text": e.text, "line": e.line, "score": round(e.score, 3), "document_id": doc_id}
                for e in r.evidence]
    first = (evidence[0]["text"], evidence[0]["line"]) if evidence else None
    blob = json.dumps([cid, doc_id, r.status, r.actual_value, first], ensure_ascii=False)
    return {"review_document_id": doc_id, "status": r.status, "actual_value": r.actual_value,
            "progress": r.progress, "reason": r.reason, "score": round(r.score, 3), "evidence": evidence,
            "fingerprint": hashlib.sha256(blob.encode()).hexdigest()}


def _tick(progress: Progress, done: int, total: int) -> None:
    if progress:
        progress(done, total)
