"""Report commands: reports, report, set-year, remove-report, restore-report, regions.

A report's region, plan year, title and kind as the rules read them can be set by hand
(`tracker report ID --region 云南省 --year 2025`), a guess confirmed (`--confirm`), a
wrongly imported report removed and restored, and two spellings of a region merged. Each
is a recorded edit (tracker/store/report_edits.py) that re-import and reextract keep.
The import says in one line each which reports' region or year it had to guess.
"""

from __future__ import annotations

import argparse
import json
import sys

from tracker.cli.common import open_store
from tracker.cli.terminal import escaped
from tracker.errors import UserError
from tracker.labels import parse_report_kind, report_kind_label

_WORDS = {"region": "地区", "plan_year": "计划年份"}
_NONE = ("none", "null", "-", "原文")
# The fields of `tracker reports --json` (../shared/CONTRACT.md), then the rest.
_CONTRACT = ("id", "region", "plan_year", "title", "kind", "document_path", "dropped", "identity_uncertain")


def register(sub: argparse._SubParsersAction) -> None:
    """Add the report subcommands."""
    p = sub.add_parser("reports", help="列出报告 list reports")
    p.add_argument("--all", action="store_true", help="也列出已移除的报告 include removed reports")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_reports)

    p = sub.add_parser("report", help="查看或设定报告的地区、年份、标题、类型 show or set a report's identity")
    p.add_argument("report_id", type=int)
    p.add_argument("--region", help="地区 region (none: as the text says)")
    p.add_argument("--year", help="计划年份 plan year (none: as the text says)")
    p.add_argument("--title", help="标题 title")
    p.add_argument("--kind", help="类型 kind: plan review list completion other / 计划 回顾 实事清单 完成情况 其他")
    p.add_argument("--confirm", action="store_true", help="确认程序推测的地区和年份 confirm the guessed region and year")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("set-year", help="设定报告计划年份 set a report's plan year (= report ID --year N)")
    p.add_argument("report_id", type=int)
    p.add_argument("year", help="年份 year, or 'none' to use the year read from the text")
    p.set_defaults(handler=cmd_set_year)

    p = sub.add_parser("remove-report", help="移除误导入的报告（可恢复）remove a wrongly imported report")
    p.add_argument("report_id", type=int)
    p.add_argument("--yes", action="store_true", help="报告有标记或整理时也不询问 do not ask")
    p.set_defaults(handler=cmd_remove)

    p = sub.add_parser("restore-report", help="恢复移除的报告 restore a removed report")
    p.add_argument("report_id", type=int)
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("regions", help="列出地区，合并两种写法 list regions, merge two spellings")
    p.add_argument("--merge", metavar="写法=地区", help="把一种写法并入另一地区 file one spelling under another: 云南=云南省")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_regions)


def _year(text: str | None):
    if text is None or text.strip().lower() in _NONE:
        return None
    try:
        return int(text)
    except ValueError:
        raise UserError(f"{text}: 年份应为数字 / year must be a number") from None


def _row(store, report_id: int) -> dict:
    row = next((r for r in store.reports() if r["id"] == report_id), None)
    if row is None:
        raise UserError(f"report {report_id}: 没有这个报告 / no such report")
    return row


def _line(r: dict) -> str:
    year = f"{r['plan_year'] or '?'}{'*' if r.get('plan_year_set_by_user') else ''}"
    flags = ("  待确认 unconfirmed" if r["identity_uncertain"] else "") + ("  已移除 removed" if r["dropped"] else "")
    return (f"{r['id']:>4}  {r['region'] or '（未识别地区）'}  {year}  {report_kind_label(r.get('kind'))}  "
            f"{r['count']:>4}  {r['title'][:40]}  ({r['document']}){flags}")


def contract_row(r: dict) -> dict:
    """A report as `tracker reports --json` prints it: the contract's fields first."""
    return {**{k: r.get(k) for k in _CONTRACT}, **{k: v for k, v in r.items() if k not in _CONTRACT}}


def cmd_reports(args) -> int:
    """tracker reports [--all] [--json]"""
    with open_store(args, create=False) as store:
        reports = [r for r in store.reports() if args.all or not r["dropped"]]
    if args.json:
        json.dump([contract_row(r) for r in reports], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for r in reports:
        print(_line(r))
    return 0


def cmd_report(args) -> int:
    """tracker report ID [--region R] [--year N] [--title T] [--kind K] [--confirm]"""
    fields = {}
    if args.region is not None:
        fields["region"] = None if args.region.strip().lower() in _NONE else args.region
    if args.year is not None:
        fields["plan_year"] = _year(args.year)
    if args.title is not None:
        fields["title"] = args.title
    if args.kind is not None:
        try:
            fields["kind"] = None if args.kind.strip().lower() in _NONE else parse_report_kind(args.kind)
        except ValueError as exc:
            raise UserError(str(exc)) from None
    with open_store(args, create=bool(fields or args.confirm)) as store:
        if fields or args.confirm:
            store.report_edits.set_identity(args.report_id, **fields,
                                            confirm=("region", "plan_year") if args.confirm else ())
        row = _row(store, args.report_id)
    if args.json:
        json.dump(contract_row(row), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print(_line(row))
    return 0


def cmd_set_year(args) -> int:
    """tracker set-year REPORT_ID YEAR|none: the same as tracker report ID --year YEAR."""
    year = _year(args.year)
    with open_store(args) as store:
        store.report_edits.set_plan_year(args.report_id, year)   # with the carry links it changes
    print(f"报告 report {args.report_id}: plan_year = {year if year is not None else '(from text)'}")
    return 0


def cmd_remove(args) -> int:
    """tracker remove-report ID [--yes]: asks first when the report holds the user's work."""
    with open_store(args) as store:
        row = _row(store, args.report_id)
        held = store.report_edits.user_data(args.report_id)
        if any(held.values()) and not args.yes:
            what = "、".join(f"{n} {w}" for n, w in ((held["marks"], "条标记"), (held["curations"], "项整理"),
                                                    (held["corrections"], "处修正")) if n)
            if not sys.stdin.isatty():
                raise UserError(f"报告 {args.report_id}「{row['title'][:30]}」有{what}：确认移除请加 --yes "
                                f"/ it holds your marks or edits; add --yes to remove it")
            answer = input(f"报告 {args.report_id}「{row['title'][:30]}」有{what}（移除后保留，可恢复）。"
                           f"确定移除？[y/N] ").strip().lower()
            if answer not in ("y", "yes", "是", "确定"):
                print("未移除 / not removed")
                return 1
        store.report_edits.remove(args.report_id)
    print(f"已移除报告 removed report {args.report_id}「{row['title'][:40]}」；"
          f"恢复 restore: tracker restore-report {args.report_id}")
    return 0


def cmd_restore(args) -> int:
    """tracker restore-report ID"""
    with open_store(args) as store:
        store.report_edits.restore(args.report_id)
        row = _row(store, args.report_id)
    print(f"已恢复报告 restored report {args.report_id}「{row['title'][:40]}」")
    return 0


def cmd_regions(args) -> int:
    """tracker regions [--merge 写法=地区] [--json]"""
    if args.merge:
        alias, sep, region = args.merge.partition("=")
        if not sep:
            raise UserError(f"{args.merge}: 应为 写法=地区 / use SPELLING=REGION, e.g. 云南=云南省")
        with open_store(args) as store:
            store.report_edits.merge_region(alias, region)
        print(f"已把「{alias.strip()}」并入「{region.strip()}」/ merged")
    with open_store(args, create=False) as store:
        counts: dict[str, int] = {}
        for r in store.reports():
            if not r["dropped"]:
                counts[r["region"] or ""] = counts.get(r["region"] or "", 0) + 1
    if args.json:
        json.dump([{"region": k or None, "reports": n} for k, n in sorted(counts.items())], sys.stdout,
                  ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif not args.merge:
        for region, n in sorted(counts.items()):
            print(f"{region or '（未识别地区）'}  {n}")
    return 0


def uncertain_notes(store, report_ids: list[int]) -> list[str]:
    """One line per report just imported whose region or plan year the text left a guess."""
    wanted = set(report_ids)
    lines = []
    for r in store.reports():
        if r["id"] in wanted and r["identity_uncertain"] and not r["dropped"]:
            which = "、".join(_WORDS[f] for f in r["uncertain"] if f in _WORDS) or "地区"
            guess = f"{r['region'] or '（未识别地区）'} {r['plan_year'] or '?'}年"
            lines.append(f"提示 note: 报告 {r['id']}「{escaped(r['title'][:24])}」（{escaped(r['document'])}）原文没有写清{which}，"
                         f"暂记为 {guess}；确认或修改 / confirm or set: tracker report {r['id']} "
                         f"--region 地区 --year 年份 (或 --confirm)")
    return lines
