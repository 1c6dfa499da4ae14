"""The 督办 loop on the command line: `assign`, `units`, `forms`, `collect`, `unit-reports`,
`plan` (the office's 分工方案). The 通报 is `tracker sheet --by-unit`."""

from __future__ import annotations

import argparse
import json
import sys

from tracker.cli.common import add_filter_arguments, filter_from_args, open_store
from tracker.errors import UserError

# The stages are imported when a command runs (start-up time of every command, issue 15).


def _names(text: str | None) -> list[str]:
    return [n for n in (text or "").replace("，", ",").split(",") if n.strip()]


def register(sub) -> None:
    """Add the 督办 commands."""
    p = sub.add_parser("assign", help="指派责任单位 assign lead/partner units: assign ID... --lead U [--with U2,U3] "
                                      "| assign --from 分工方案.docx",
                       description="给承诺指派牵头单位（可多个，共同牵头各计一次）和配合单位；或导入分工方案"
                                   "（docx/xlsx 表格）按文字对应到承诺。")
    p.add_argument("ids", nargs="*", type=int, metavar="ID")
    p.add_argument("--lead", help="牵头单位，多个用逗号分隔 lead unit(s)")
    p.add_argument("--with", dest="partners", help="配合单位，逗号分隔 partner units")
    p.add_argument("--clear", action="store_true", help="清除指派（不再按原文） assign no unit")
    p.add_argument("--from", dest="plan", metavar="FILE", help="分工方案 a 分工方案 (.docx or .xlsx table)")
    p.add_argument("--plan-year", type=int, help="分工方案对应的计划年份（默认取其标题中的年份）")
    p.add_argument("--region", help="分工方案对应的地区（默认取其标题中出现的地区）")
    p.add_argument("--add-unmatched", action="store_true",
                   help="把未对应的任务添加为督办事项 add unmatched tasks as 督办事项 (kind task)")
    p.add_argument("--report", type=int, dest="report_id", help="督办事项归入的报告编号 report for the tasks")
    p.add_argument("--dry-run", action="store_true", help="只显示对应结果，不写入 show the matching only")
    p.set_defaults(handler=cmd_assign)

    p = sub.add_parser("units", help="责任单位 the units and their counts; --alias 别名=单位",
                       description="列出责任单位及其牵头、配合的承诺数；--alias 把另一个名称归到某单位名下。")
    p.add_argument("--alias", action="append", metavar="ALIAS=UNIT", help="别名=单位，如 人社部门=人社厅")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_units)

    p = sub.add_parser("forms", help="生成各单位进展报送表 write one progress form (XLSX) per unit",
                       description="每个责任单位一份 XLSX 报送表：列出其牵头、配合的未完成承诺；填好后用 tracker collect 导入。")
    p.add_argument("--out", required=True, metavar="DIR", help="输出文件夹 folder")
    p.add_argument("--plan-year", type=int, help="只含该计划年份 only this plan year")
    p.add_argument("--unit", help="只为该单位生成 only this unit")
    p.add_argument("--due", metavar="DATE", help="报送截止日期 due date, e.g. 2026-03-31")
    p.set_defaults(handler=cmd_forms)

    p = sub.add_parser("collect", help="导入填好的报送表 collect filled forms (each row: the unit's report)",
                       description="导入各单位填好的报送表：每行记为该单位的自报（不改变办公室确认的状态）；"
                                   "导入前自动备份台账。")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(handler=cmd_collect)

    p = sub.add_parser("unit-reports", help="单位自报 list, accept or reject units' reports",
                       description="列出单位自报；--accept/--reject 逐条采纳或驳回（采纳即记为办公室的标记），"
                                   "--accept-all/--reject-all 一次处理全部待处理的。")
    p.add_argument("--commitment", type=int, metavar="ID", help="只看这条承诺 one commitment")
    p.add_argument("--accept", nargs="+", type=int, metavar="RID", help="采纳 accept report(s)")
    p.add_argument("--reject", nargs="+", type=int, metavar="RID", help="驳回 reject report(s)")
    p.add_argument("--accept-all", action="store_true", help="采纳全部待处理的 accept every pending one")
    p.add_argument("--reject-all", action="store_true", help="驳回全部待处理的 reject every pending one")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_unit_reports)

    p = sub.add_parser("plan", help="导出分工方案 export the office's 分工方案 (.xlsx .docx)",
                       description="按筛选条件导出任务分工方案：序号、工作任务、牵头单位、配合单位、完成时限。")
    p.add_argument("--out", "-o", required=True, metavar="FILE", help="分工方案.xlsx | .docx")
    p.add_argument("--title", help="标题 title")
    add_filter_arguments(p)
    p.set_defaults(handler=cmd_plan)


def cmd_assign(args: argparse.Namespace) -> int:
    """tracker assign ID... --lead U [--with U2,U3] | --from FILE"""
    if args.plan:
        if args.ids or args.lead or args.partners or args.clear:
            raise UserError("--from 与编号、--lead 不能同用 / --from takes no ids or --lead")
        return _assign_plan(args)
    if not args.ids:
        raise UserError("请给出承诺编号 / give commitment ids (or --from FILE)")
    if args.clear and (args.lead or args.partners):
        raise UserError("--clear 不能与 --lead/--with 同用")
    with open_store(args) as store:
        aid = store.units.assign(args.ids, _names(args.lead), _names(args.partners), clear=args.clear)
        rows = store.rows(args.ids)
    for cid in args.ids:
        r = rows.get(cid, {})
        partners = "、".join(r.get("partner_units") or [])
        print(f"#{cid} 牵头：{r.get('lead_unit') or '—'}" + (f"；配合：{partners}" if partners else ""))
    print(f"已指派（撤销：tracker undo --change assign:{aid}）")
    return 0


def _assign_plan(args: argparse.Namespace) -> int:
    from tracker.supervise.plan_import import add_tasks, assign_matched, match_plan

    with open_store(args) as store:
        match = match_plan(store, args.plan, plan_year=args.plan_year, region=args.region)
        print(f"{args.plan}: {match.line()}"
              + (f"（{match.region}{match.plan_year or ''}年）" if match.region else ""))
        for row in match.unmatched:
            units = "、".join(row.leads) or "—"
            print(f"  未对应 {row.where} {row.number + '.' if row.number else ''}{row.task[:60]}（牵头：{units}）")
        if args.dry_run:
            return 0
        if match.matched:
            aid = assign_matched(store, match)
            print(f"已指派 {sum(len(v) for v in match.matched.values())} 条承诺（撤销：tracker undo --change assign:{aid}）")
        if args.add_unmatched and match.unmatched:
            report_id = args.report_id or _report_for(store, match)
            kid, _aid, ids = add_tasks(store, match, list(match.unmatched), report_id)
            print(f"已添加 {len(ids)} 项督办事项 #{ids[0]}–#{ids[-1]} 到报告 {report_id}"
                  f"（撤销：tracker undo --change curate:{kid}）")
        elif match.unmatched:
            print("未对应的任务可用 tracker assign ID --lead … 逐条指派，或 --add-unmatched 添加为督办事项",
                  file=sys.stderr)
    return 0


def _report_for(store, match) -> int:
    """The one report of the plan's year and region the tasks go to (else --report is needed)."""
    found = [r["id"] for r in store.reports()
             if (match.plan_year is None or r.get("plan_year") == match.plan_year)
             and (match.region is None or r.get("region") == match.region) and not r.get("dropped")]
    if len(found) != 1:
        raise UserError(f"{len(found)} 份报告符合，请用 --report 指定督办事项归入的报告 / give --report ID")
    return found[0]


def cmd_units(args: argparse.Namespace) -> int:
    """tracker units [--json] [--alias A=B]"""
    with open_store(args, create=bool(args.alias)) as store:
        for pair in args.alias or []:
            alias, sep, unit = pair.partition("=")
            if not sep:
                raise UserError(f"{pair}: 别名格式为 别名=单位 / use ALIAS=UNIT")
            aid = store.units.alias(alias, unit)
            print(f"{alias.strip()} → {unit.strip()}（撤销：tracker undo --change alias:{aid}）")
        known = store.units.known()
    if args.json:
        print(json.dumps(known, ensure_ascii=False, indent=2))
        return 0
    if not known:
        print("还没有责任单位：用 tracker assign 指派，或导入写明牵头单位的报告 / no units yet")
        return 0
    def shown(name: str) -> int:      # a Chinese character takes two columns of a terminal
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in name)

    width = max(shown(u["name"]) for u in known)
    for u in known:
        aliases = f"  别名：{'、'.join(u['aliases'])}" if u["aliases"] else ""
        pad = " " * (width - shown(u["name"]))
        print(f"{u['name']}{pad}  牵头 {u['lead']:>4}  配合 {u['partner']:>4}  未完成 {u['open']:>4}{aliases}")
    return 0


def cmd_forms(args: argparse.Namespace) -> int:
    """tracker forms --out DIR [--plan-year N] [--unit U] [--due DATE]"""
    from tracker.supervise.form_read import parse_day
    from tracker.supervise.forms_out import describe, send_forms

    due = None
    if args.due:
        due = parse_day(args.due)
        if due is None:
            raise UserError(f"{args.due}: 日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD")
    with open_store(args) as store:
        sent = send_forms(store, args.out, plan_year=args.plan_year, unit=args.unit, due=due)
    for path in sent.paths:
        print(path)
    print(describe(sent))
    return 0


def cmd_collect(args: argparse.Namespace) -> int:
    """tracker collect FILE...: one line per form; exit 1 only when a file cannot be read at all."""
    from tracker.supervise.collect import collect_files

    with open_store(args, create=False) as store:
        report = collect_files(store, args.files)
    print(f"已备份台账 / backed up: {report.backup}")
    for line in report.lines:
        print(line)
    print(report.summary())
    return 1 if report.unreadable else 0


def cmd_unit_reports(args: argparse.Namespace) -> int:
    """tracker unit-reports [--commitment ID] [--accept RID…] [--reject RID…] [--accept-all] [--json]"""
    from tracker.labels import status_label

    with open_store(args, create=False) as store:
        for rid in args.accept or []:
            print(f"已采纳单位自报 {rid}（撤销：tracker undo --change unit_report:{store.forms.accept(rid)}）")
        for rid in args.reject or []:
            print(f"已驳回单位自报 {rid}（撤销：tracker undo --change unit_report:{store.forms.reject(rid)}）")
        for flag, decision in ((args.accept_all, "accepted"), (args.reject_all, "rejected")):
            if flag:
                ids = [args.commitment] if args.commitment else None
                done = store.forms.decide_all(decision, ids)
                print(f"已{'采纳' if decision == 'accepted' else '驳回'} {len(done)} 条单位自报")
        if args.accept or args.reject or args.accept_all or args.reject_all:
            return 0
        ids = [args.commitment] if args.commitment else store.forms.reported_ids()
        reports = [{**r, "commitment_id": cid} for cid in ids for r in store.forms.reports(cid)]
    if args.json:
        print(json.dumps(reports, ensure_ascii=False, indent=2))
        return 0
    states = {"pending": "待处理", "accepted": "已采纳", "rejected": "已驳回"}
    for r in reports:
        conflict = f"  ⚠ {r['conflict']}" if r["conflict"] else ""
        print(f"{r['id']:>5}  #{r['commitment_id']:<6} {r['unit']}  {status_label(r['status']) if r['status'] else '未选状态'}"
              f"  {r['date']}  {states.get(r['state'], r['state'])}  {r['progress'][:40]}{conflict}")
    if not reports:
        print("还没有单位自报 / no unit reports yet")
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    """tracker plan --out FILE [filters]: the office's 分工方案."""
    from tracker.supervise.plan_import import export_plan

    with open_store(args, create=False) as store:
        out = export_plan(store, filter_from_args(args), args.out, title=args.title)
    print(out)
    return 0
