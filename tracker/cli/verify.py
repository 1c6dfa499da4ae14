"""`tracker verify PLAN REVIEW [--json]`, `tracker suggest`, `tracker accept`, `tracker reject`."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from tracker.cli.common import open_store
from tracker.errors import UserError
from tracker.labels import status_label

# The stages are imported when a command runs, not here: `tracker --help` and every
# other command would otherwise pay for all of them at start-up (issue 15).



def register(subparsers) -> None:
    """Add the verify, suggest, accept and reject subcommands."""
    p = subparsers.add_parser("verify", help="对照后续文件核查承诺（不写入台账）/ check a plan against a review (no store)")
    p.add_argument("plan", metavar="PLAN", help="计划年份的报告 report with the commitments")
    p.add_argument("review", metavar="REVIEW", help="后续的报告或总结 later report, summary or yearbook")
    p.add_argument("--json", action="store_true", help="输出 JSON（见 CONTRACT.md）/ print the contract JSON")
    p.set_defaults(handler=run_verify)

    p = subparsers.add_parser("suggest", help="为未完成的承诺查找证据建议 / suggest evidence for open commitments")
    p.add_argument("--plan-year", type=int, metavar="N", help="只看这一计划年份 / only this plan year")
    p.add_argument("--review", metavar="FILE", help="用这个文件核查（需要时先导入）/ review file, imported if needed")
    p.set_defaults(handler=run_suggest)

    p = subparsers.add_parser("suggestions", help="列出一条承诺的证据建议 / list a commitment's suggestions")
    p.add_argument("id", type=int, metavar="ID", help="承诺编号 commitment id")
    p.add_argument("--json", action="store_true",
                   help="输出 JSON：[{id, state, status, score, reason, evidence}] / print JSON")
    p.set_defaults(handler=run_suggestions)

    p = subparsers.add_parser("accept", help="采纳建议 / accept a suggestion as the verdict")
    p.add_argument("id", type=int, metavar="ID", help="承诺编号 commitment id")
    p.add_argument("suggestion", type=int, nargs="?", metavar="SUGGESTION_ID",
                   help="建议编号（省略时取最佳待定建议）/ suggestion id (default: best pending)")
    p.set_defaults(handler=run_accept)

    p = subparsers.add_parser("reject", help="驳回建议 / reject a suggestion (it never returns)")
    p.add_argument("id", type=int, metavar="ID", help="承诺编号 commitment id")
    p.add_argument("suggestion", type=int, metavar="SUGGESTION_ID", help="建议编号 suggestion id")
    p.set_defaults(handler=run_reject)


def run_verify(args: argparse.Namespace) -> int:
    """Print verdicts for every commitment of PLAN judged against REVIEW."""
    from tracker.extract.pipeline import extract_file
    from tracker.ingest.read import read_source
    from tracker.verify import review_year, verify_texts

    plan = extract_file(args.plan)
    review = read_source(args.review)
    results = verify_texts(plan, review)
    plan_year = next((r.report.plan_year for r in plan.reports if r.report.plan_year), None)
    if args.json:
        out = {"plan": {"path": args.plan, "plan_year": plan_year},
               "review": {"path": args.review, "report_year": review_year(review)},
               "results": [r.to_json() for r in results]}
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for r in results:
        c = r.commitment
        print(f"[{status_label(r.status)}] 第{c.line}行 {c.text[:40]}")
        print(f"    {r.reason}")
        if r.evidence:
            e = r.evidence[0]
            print(f"    证据 第{e.line}行: {e.text[:80]}")
    return 0


def run_suggest(args: argparse.Namespace) -> int:
    """Store suggestions for open commitments and say how many were added."""
    from tracker.verify import find_evidence

    with open_store(args) as store:
        doc_id = _review_document(store, args.review) if args.review else None
        outcome = find_evidence(store, plan_year=args.plan_year, review_document_id=doc_id)
    print(outcome.message())
    print(f"新增建议 {outcome.added} 条 / {outcome.added} suggestions added")
    return 0


def run_suggestions(args: argparse.Namespace) -> int:
    """Print the suggestions of one commitment, pending and best first."""

    with open_store(args, create=False) as store:
        c = store.commitment(args.id)
        items = store.suggestions(args.id)
    if args.json:
        json.dump([suggestion_json(s) for s in items], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    print(f"#{args.id} {c['text'][:60]}")
    if not items:
        print("  没有建议 / no suggestions")
    for s in items:
        value = "" if s["actual_value"] is None else f" {s['actual_value']:g}"
        print(f"  [{s['id']}] {s['state']:<8} {status_label(s['status'])}{value}"
              f"  score {s['score'] or 0:.2f}  {s['reason']}")
        for e in s["evidence"][:1]:
            where = e.get("report_title") or ""
            print(f"        {where} 第{e.get('line')}行: {str(e.get('text'))[:80]}")
    return 0


def suggestion_json(s: dict) -> dict:
    """What `suggestions --json` prints for one suggestion: id, state (pending, accepted,
    rejected), status, actual_value, score, reason, evidence (text, line, document_id,
    report_title …), review_document_id."""
    return {"id": s["id"], "state": s["state"], "status": s["status"], "actual_value": s["actual_value"],
            "score": s["score"], "reason": s["reason"], "evidence": s["evidence"],
            "review_document_id": s["review_document_id"]}


def _review_document(store, path: str) -> int:
    """Id of the stored document holding the file at path, imported first when new."""
    from tracker.importer import import_files, is_store_file

    p = Path(path)
    if is_store_file(store, p):     # only SQLite may open the store file
        raise UserError(f"{path}: 是台账文件本身，不是报告 / is the store itself, not a report")
    try:
        sha = hashlib.sha256(p.read_bytes()).hexdigest()
    except OSError as exc:
        raise UserError(f"{path}: 无法读取 / cannot read ({exc.strerror})") from None
    for _ in range(2):
        for d in store.documents():
            if d["sha256"] == sha:
                return d["id"]
        import_files(store, [p])
    raise UserError(f"{path}: 无法导入为核查文件 / could not be imported as a review")


def run_accept(args: argparse.Namespace) -> int:
    """Accept a suggestion (the best pending one when no id is given)."""

    with open_store(args) as store:
        sid = args.suggestion
        if sid is None:
            pending = [s for s in store.suggestions(args.id) if s["state"] == "pending"]
            pending.sort(key=lambda s: (s["status"] == "unknown", -(s["score"] or 0)))
            if not pending:
                raise UserError(f"{args.id}: 没有待定的建议 / no pending suggestion")
            sid = pending[0]["id"]
        _own(store, args.id, sid)
        store.evidence.accept(sid)
    print(f"已采纳建议 {sid} / suggestion {sid} accepted")
    return 0


def run_reject(args: argparse.Namespace) -> int:
    """Reject a suggestion of a commitment."""

    with open_store(args) as store:
        _own(store, args.id, args.suggestion)
        store.evidence.reject(args.suggestion)
    print(f"已驳回建议 {args.suggestion} / suggestion {args.suggestion} rejected")
    return 0


def _own(store, cid: int, sid: int) -> None:
    """UserError unless suggestion sid belongs to commitment cid."""
    if not any(s["id"] == sid for s in store.suggestions(cid)):
        raise UserError(f"suggestion {sid}: 不属于承诺 {cid} / is not a suggestion of commitment {cid}")
