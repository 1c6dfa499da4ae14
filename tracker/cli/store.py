"""Store commands: import, list, show, mark, history, undo, changes, correct, reextract, backup (reports and their identity: tracker/cli/reports.py)."""

from __future__ import annotations

import argparse
import json
import sys

from tracker.display import commitment_line
from tracker.errors import UserError
from tracker.labels import UNMARKED_LABEL, kind_label, status_choices, status_label
from tracker.cli.common import add_filter_arguments, filter_from_args, open_store
from tracker.cli.reports import uncertain_notes
from tracker.store.clock import local_time

# The stages are imported when a command runs, not here: `tracker --help` and every
# other command would otherwise pay for all of them at start-up (issue 15).



def register(sub) -> None:
    """Add the store subcommands to the `tracker` parser."""
    p = sub.add_parser("import", help="导入文件到台账 import files into the store")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--plan-year", type=int, metavar="N", help="文中未写明时的计划年份 plan year if not stated")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--force", action="store_true",
                     help="只是已导入报告的一部分时，仍作为其新版本导入 make an excerpt the current version anyway")
    how.add_argument("--separate", action="store_true",
                     help="作为单独的文档导入，不替换已导入的报告 import as a document of its own")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("list", help="列出承诺 list commitments")
    add_filter_arguments(p)
    p.add_argument("--sort", default="id", help="排序列 sort column (id, kind, text, deadline, status, …)")
    p.add_argument("--desc", action="store_true", help="倒序 descending")
    p.add_argument("--limit", type=int, help="最多显示 at most N rows")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("show", help="显示一条承诺及原文 show a commitment and its source")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("mark", help="标记完成情况 mark status: mark ID... STATUS",
                       usage="tracker mark ID... STATUS [--note TEXT] [--evidence TEXT] [--actual N] "
                             "[--progress P] [--date DAY]")
    p.add_argument("args", nargs="+", metavar="ID... STATUS",
                   help=status_choices())
    p.add_argument("--note", default="", help="备注 note")
    p.add_argument("--evidence", help="佐证 evidence text")
    p.add_argument("--actual", type=float, help="实际值 actual value")
    p.add_argument("--progress", type=float, help="进度 progress, 0-1 or percent")
    p.add_argument("--date", help="日期 the day the status holds from: 2025-03-01, 3月1日, 昨天, 三天前")
    p.set_defaults(handler=cmd_mark)

    p = sub.add_parser("history", help="标记历史 status history")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_history)

    p = sub.add_parser("undo", help="撤销最近一次标记，或按编号撤销一项修改 undo the newest mark of ID, "
                                    "or one change by its id (kept in the history)")
    p.add_argument("id", type=int, nargs="?", help="承诺编号：撤销它最近一次标记 commitment id")
    p.add_argument("--change", metavar="KIND:ID", nargs="+",
                   help="按编号撤销一项修改（见 tracker changes）undo this change, e.g. correct:12; "
                        "several: undone together in one step")
    p.add_argument("--redo", action="store_true", help="重做已撤销的修改 apply an undone --change again")
    p.set_defaults(handler=cmd_undo)

    p = sub.add_parser("changes", help="最近的修改 the recent changes, newest first (undo one with undo --change)")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_changes)

    p = sub.add_parser("correct", help="修正字段 correct fields: correct ID FIELD=VALUE... "
                                       "(plan_year=: 报告的计划年份 the report's plan year; one transaction)")
    p.add_argument("id", type=int)
    p.add_argument("assignments", nargs="+", metavar="FIELD=VALUE")
    p.set_defaults(handler=cmd_correct)

    p = sub.add_parser("reextract", help="按现有规则重新提取 re-run extraction on stored text")
    p.set_defaults(handler=cmd_reextract)

    p = sub.add_parser("backup", help="备份台账 back up the store",
                       description="把台账备份到 PATH：不会写到任何台账或其 -wal/-shm 文件上（本台账以前的备份除外）。")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--force", action="store_true",
                   help="替换已存在的其他文件 replace an existing file that is not a store")
    p.set_defaults(handler=cmd_backup)


def _progress(stage: str):
    """A \r-updated percentage on a terminal, then one line when writing starts.

    Not a terminal (a pipe, a log): only that last line, so an error stays one line.
    """
    tty = sys.stderr.isatty()

    def report(done: int, total: int) -> None:
        if tty:
            print(f"\r{stage} {100 * done // max(total, 1)}%", end="", file=sys.stderr, flush=True)
        if done >= total:
            print(("\n" if tty else "") + "写入 writing…", file=sys.stderr, flush=True)
    return report


def _print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _summary(r) -> list[str]:
    """The lines saying what an import or re-extraction did (each printed on its own)."""
    lines = [f"文件 files: +{r.documents_added} (跳过 skipped {r.documents_skipped}); 报告 reports: {r.reports}; "
             f"承诺 commitments: 新增 added {r.added}, 保留 kept {r.kept}, 失效 stale {r.stale}"]
    if r.held:
        ids = " ".join(str(i) for i in r.held[:20]) + (" …" if len(r.held) > 20 else "")
        lines.append(f"注意 / note: {len(r.held)} 条已标记或修正的承诺在新文本中找不到，仍保留显示，请核对 / "
                     f"marked or corrected commitments not found in the new text are kept visible; check them: {ids}")
    if r.cancelled:
        lines.append("已取消：之后的文件未导入 / cancelled: the files after this point were not imported")
    return lines


def cmd_import(args) -> int:
    """tracker import FILES... [--plan-year N]"""
    from tracker.importer import import_files
    from tracker.store.sync import ExcerptRefused

    with open_store(args) as store:
        try:
            r = import_files(store, args.files, plan_year=args.plan_year, progress=_progress("提取 extracting"),
                             force=args.force, separate=args.separate)
        except ExcerptRefused as exc:
            raise UserError(f"{exc} (--force / --separate)") from None
        notes = uncertain_notes(store, r.report_ids)
    print(*_summary(r), sep="\n")
    for line in notes:      # the best guess is filed; the user confirms or sets it later
        print(line, file=sys.stderr)
    return 0


def cmd_list(args) -> int:
    """tracker list [filters] [--json]"""
    f = filter_from_args(args)
    with open_store(args, create=False) as store:
        ids = store.query(f, order=args.sort, descending=args.desc)
        if args.limit is not None:
            ids = ids[:args.limit]
        rows = store.rows(ids, as_of=args.as_of)
        reported = store.forms.latest(ids) if args.json else {}
    ordered = [rows[i] for i in ids if i in rows]
    if args.json:
        _print_json([{**r, "unit_report": reported.get(r["id"])} for r in ordered])
        return 0
    for r in ordered:
        flags = ("逾期 " if r["overdue"] else "") + ("落后 " if r["behind"] else "") + ("失效 " if r["stale"] else "") + ("不是承诺 " if r.get("dropped") else "")
        print(f"{r['id']:>6}  {kind_label(r['kind'])}  {status_label(r['status'])}  "
              f"{r['target'] or '-'}  {r['deadline'] or '-'}  {flags}{commitment_line(r)}")
    sys.stdout.flush()    # the rows first: into one pipe (2>&1), a count mid-row would cut a line
    print(f"共 {len(ordered)} 条 / {len(ordered)} commitments", file=sys.stderr)
    return 0


def cmd_show(args) -> int:
    """tracker show ID: fields, then the source paragraph with the commitment in 【】."""
    with open_store(args, create=False) as store:
        c = store.commitment(args.id)
        src = store.source(args.id)
    if args.json:
        _print_json({**c, "source": src})
        return 0
    skip = {"report", "document", "current_status", "current_progress", "key"}
    if src.get("plan"):      # a 督办事项: its place in the report's text is no source of it
        skip |= {"line", "start", "end"}
    for k, v in c.items():
        if k not in skip and v not in (None, "", [], False):
            print(f"{k}: {v}")
    if src.get("plan"):
        from tracker.supervise.plan_read import plan_row_lines
        print("----")
        print("\n".join(plan_row_lines(src["plan"])))
        return 0
    print(f"document: {c['document']['name']} (#{c['document']['id']})")
    print("----")
    spans = {}
    for no, a, b in src["marks"]:
        spans.setdefault(no, []).append((a, b))
    for no, text in src["lines"]:
        for a, b in sorted(spans.get(no, []), reverse=True):
            text = f"{text[:a]}【{text[a:b]}】{text[b:]}"
        print(f"{no:>5}| {text}")
    return 0


def cmd_mark(args) -> int:
    """tracker mark ID... STATUS [--note --evidence --actual --progress --date]"""
    from tracker.store.marks import parse_status
    from tracker.user_dates import parse_user_date

    if len(args.args) < 2:
        raise UserError("mark: 需要编号和状态 / give one or more ids and a status")
    *raw_ids, status = args.args
    try:
        ids = [int(i) for i in raw_ids]
    except ValueError:
        raise UserError(f"{' '.join(raw_ids)}: 编号应为数字 / ids must be numbers") from None
    day = parse_user_date(args.date) if args.date else None
    with open_store(args) as store:
        events = store.marks.mark(ids, status, note=args.note, evidence_text=args.evidence,
                            actual_value=args.actual, progress=args.progress, date=day)
    print(f"已记录 recorded {len(events)}: {parse_status(status)}")
    return 0


def history_timeline(events: list[dict], curations: list[dict], assignments: list[dict] = ()) -> list[dict]:
    """What `history --json` prints: the same timeline as the text, newest first. Each entry
    has a type: "status" (a mark, with undone_by if voided), "undo" (voids the event #voids),
    "edit" (a hand edit of the extraction: action, words such as "拆分为 #12 #13", voided) or
    "assign" (responsible units given: words, voided)."""
    out = [{"type": "undo" if e["voids"] is not None else "status", **e} for e in events]
    out += [{"type": "assign", **a} for a in assignments]
    for k in curations:
        out.append({"type": "edit", "id": k["id"], "action": k["action"], "words": k["words"],
                    "role": k.get("role"), "detail": k["detail"], "voided": bool(k["voided"]),
                    "target_id": k["target_id"], "created_at": k["created_at"],
                    "related": [{"id": c, "role": r} for c, r in k["related"]]})
    # Stable: entries of one instant keep the store's newest-first order.
    return sorted(out, key=lambda x: str(x["created_at"]), reverse=True)


def cmd_history(args) -> int:
    """tracker history ID"""
    with open_store(args, create=False) as store:
        events = store.history(args.id)
        curations = store.curation.history(args.id)
        assignments = store.units.history(args.id)
    if args.json:
        _print_json(history_timeline(events, curations, assignments))
        return 0
    if not events:
        print(f"{UNMARKED_LABEL} / no status recorded")
    lines = []
    for e in events:
        if e["voids"] is not None:
            lines.append((e["created_at"], f"#{e['id']} {local_time(e['created_at'])}  撤销 undo #{e['voids']}"))
            continue
        extra = "".join(f"  {k}={e[k]}" for k in ("date", "actual_value", "progress", "evidence_text", "evidence_document")
                        if e.get(k) is not None)
        undone = f"  [已撤销 undone by #{e['undone_by']}]" if e["undone_by"] is not None else ""
        lines.append((e["created_at"], f"#{e['id']} {local_time(e['created_at'])}  {e['status']} ({e['source']})  "
                                       f"{e['note']}{extra}{undone}"))
    # Hand edits of the extraction (添加, 不是承诺, 拆分, 合并, 修改文字) in the same timeline.
    for k in curations:
        voided = "（已撤销 undone）" if k["voided"] else ""
        lines.append((k["created_at"], f"编辑 edit {k['id']} {local_time(k['created_at'])}  {k['words']}{voided}"))
    for a in assignments:         # 指派 and 分工方案 (tracker undo --change assign:ID)
        voided = "（已撤销 undone）" if a["voided"] else ""
        lines.append((a["created_at"], f"指派 assign:{a['id']} {local_time(a['created_at'])}  {a['words']}{voided}"))
    for _, line in sorted(lines, key=lambda x: x[0], reverse=True):
        print(line)
    return 0


def cmd_undo(args) -> int:
    """tracker undo ID: void the newest standing event of a commitment; tracker undo --change
    KIND:ID [--redo]: void (or apply again) that change by its id. Kept in the history."""
    if args.change:
        refs = [_change_ref(text) for text in args.change]
        with open_store(args) as store:
            # One change of several rows (a correction of several fields) is undone as one.
            new = (store.changes.redo_all if args.redo else store.changes.void_all)(refs)
        print(f"已{'重做' if args.redo else '撤销'} {'redone' if args.redo else 'undone'} "
              f"{' '.join(args.change)} (记录 recorded as {' '.join(map(str, new))})")
        return 0
    if args.id is None:
        raise UserError("undo: 需要承诺编号或 --change KIND:ID / give a commitment id or --change KIND:ID")
    with open_store(args) as store:
        event = store.marks.undo_newest(args.id)
    print(f"已撤销 undone #{event['id']} {event['status']} (记录 recorded as #{event['undone_by']})")
    return 0


def _change_ref(text: str):
    """KIND:ID as `tracker changes` prints it."""
    from tracker.store.changes import Ref

    kind, _, row = text.partition(":")
    if not row.isdigit():
        raise UserError(f"{text}: 应为 KIND:ID，如 correct:12 / expected KIND:ID (tracker changes)")
    return Ref(kind, int(row))


def cmd_changes(args) -> int:
    """tracker changes [--limit N] [--json]: the user's recent changes, newest first."""
    with open_store(args, create=False) as store:
        recent = store.changes.recent(args.limit)
    if args.json:
        _print_json(recent)
        return 0
    for c in recent:
        undone = "  [已撤销 undone]" if c["undone"] else ""
        print(f"{c['kind']}:{c['id']}  {local_time(c['created_at'])}  {c['words']}{undone}")
    return 0


def cmd_correct(args) -> int:
    """tracker correct ID FIELD=VALUE..."""
    fields = {}
    for a in args.assignments:
        if "=" not in a:
            raise UserError(f"{a}: 应为 FIELD=VALUE / expected FIELD=VALUE")
        k, v = a.split("=", 1)
        fields[k.strip()] = v
    with open_store(args) as store:
        before = store.commitment(args.id)
        # One transaction with what it derives (the report's plan year among the fields, the
        # carry links a corrected figure changes); undone as one.
        rows = store.corrections.apply(args.id, fields)
        after = store.commitment(args.id)
    for k in fields:
        print(f"{k}: {before.get(k)} -> {after.get(k)}")
    print("撤销 undo: tracker undo --change " + " ".join(map(str, rows)))
    return 0


def cmd_reextract(args) -> int:
    """tracker reextract"""
    from tracker.importer import reextract

    with open_store(args) as store:
        r = reextract(store, progress=_progress("提取 extracting"))
    print(*_summary(r), sep="\n")
    return 0


def cmd_backup(args) -> int:
    """tracker backup PATH"""
    with open_store(args, create=False) as store:
        dest = store.backup(args.path, force=args.force)
    print(f"已备份到 backed up to {dest}")
    return 0
