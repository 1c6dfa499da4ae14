"""`tracker add | drop | restore | split | merge | edit`: completing the extraction by hand.

The fields of an added (or split-off) commitment come from the extractor's own clause
rules run over its text (tracker.extract.selection.prefill); options override them.
Every one is a logged edit shown by `tracker history` and kept across `reextract`.
"""

from __future__ import annotations

import argparse

from tracker.cli.common import open_store
from tracker.errors import UserError
from tracker.model import KINDS

# The extraction rules are imported when a command runs (start-up time, issue 15).
# Each store call below is one transaction with the carry links it changes.


def register(sub) -> None:
    """Add the curation subcommands."""
    p = sub.add_parser("add", help="添加漏提取的承诺 add a commitment the extractor missed",
                       description="把报告原文中的一段文字添加为承诺；类型、指标、数值、时限由提取规则预填。")
    p.add_argument("report_id", type=int, metavar="REPORT_ID", help="报告编号 (tracker reports)")
    p.add_argument("text", metavar="TEXT", help="原文中的承诺文字 the text as in the report")
    p.add_argument("--kind", choices=KINDS, help="类型 (默认按文字判断 / guessed from the text)")
    p.add_argument("--line", type=int, help="原文行号 (文字在原文中找不到时必填)")
    p.add_argument("--category", help="章节 section heading")
    p.set_defaults(handler=cmd_add)

    p = sub.add_parser("drop", help="标为不是承诺 hide items that are not commitments",
                       description="标为“不是承诺”：从列表和对照表中隐藏（tracker list --dropped 可见，tracker restore 恢复）。")
    p.add_argument("ids", type=int, nargs="+", metavar="ID")
    p.add_argument("--note", default="", help="原因 reason")
    p.set_defaults(handler=cmd_drop)

    p = sub.add_parser("restore", help="恢复被隐藏的承诺 undo a drop, split or merge",
                       description="恢复被标为不是承诺、或因拆分/合并而隐藏的条目（撤销那次修改）。")
    p.add_argument("id", type=int, metavar="ID")
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("split", help="拆分为几条 split one commitment into several")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("texts", nargs="+", metavar="TEXT", help="每条的文字 (至少两条)")
    p.set_defaults(handler=cmd_split)

    p = sub.add_parser("merge", help="合并为一条 merge commitments of one report into one")
    p.add_argument("ids", type=int, nargs="+", metavar="ID")
    p.add_argument("--text", help="合并后的文字 (默认按原文顺序连接)")
    p.set_defaults(handler=cmd_merge)

    p = sub.add_parser("edit", help="修改承诺文字 re-word a commitment")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("text", metavar="TEXT")
    p.set_defaults(handler=cmd_edit)


def _fields(store, report_id: int, text: str, kind: str | None) -> dict:
    """Prefilled fields of text in the report's plan year."""
    from tracker.extract.selection import prefill

    year = next((r["plan_year"] for r in store.reports() if r["id"] == report_id), None)
    return prefill(text, year, kind)


def _describe(store, cid: int) -> str:
    c = store.commitment(cid)
    parts = [c["kind"], c.get("target") or "", c.get("deadline_text") or ""]
    return f"#{cid} 第{c['line']}行 [{' '.join(p for p in parts if p)}] {c['text']}"


def cmd_add(args) -> int:
    """tracker add REPORT_ID TEXT [--kind K] [--line N]"""
    with open_store(args) as store:
        fields = _fields(store, args.report_id, args.text, args.kind)
        if args.line:
            fields["line"] = args.line
        if args.category:
            fields["category"] = args.category
        from tracker.store.curate import TextNotFound
        try:
            cid = store.curation.add(args.report_id, args.text, **fields)
        except TextNotFound as exc:
            raise UserError(f"{exc} (--line N)") from None
        print(f"已添加 added {_describe(store, cid)}")
    return 0


def cmd_drop(args) -> int:
    """tracker drop ID…"""
    with open_store(args) as store:
        store.curation.drop(args.ids, note=args.note)
    print(f"已标为不是承诺 dropped {' '.join(f'#{i}' for i in args.ids)} (tracker restore ID 可恢复)")
    return 0


def cmd_restore(args) -> int:
    """tracker restore ID"""
    with open_store(args) as store:
        touched = store.curation.restore(args.id)
        shown = [i for i in touched if not store.commitment(i)["dropped"]]
        hidden = [i for i in touched if i not in shown]
    print(f"已恢复 restored {' '.join(f'#{i}' for i in shown)}"
          + (f"；随之隐藏 hidden again {' '.join(f'#{i}' for i in hidden)}" if hidden else ""))
    return 0


def cmd_split(args) -> int:
    """tracker split ID TEXT TEXT…"""
    if len(args.texts) < 2:
        raise UserError(f"{args.id}: 拆分至少需要两段文字 / a split needs at least two texts")
    with open_store(args) as store:
        c = store.commitment(args.id)
        parts = [{"text": t, **_fields(store, c["report_id"], t, c["kind"])} for t in args.texts]
        _kid, new = store.curation.split(args.id, parts)
        print(f"#{args.id} 已拆分为 split into:")
        for cid in new:
            print(f"  {_describe(store, cid)}")
    return 0


def cmd_merge(args) -> int:
    """tracker merge ID ID… [--text TEXT]"""
    with open_store(args) as store:
        first = store.commitment(args.ids[0])
        fields = _fields(store, first["report_id"], args.text, first["kind"]) if args.text else {}
        _kid, new = store.curation.merge(args.ids, text=args.text, **fields)
        print(f"已合并为 merged into {_describe(store, new)}")
    return 0


def cmd_edit(args) -> int:
    """tracker edit ID TEXT"""
    with open_store(args) as store:
        kid = store.curation.edit_text(args.id, args.text)
        print(f"已修改 edited {_describe(store, args.id)} (撤销 undo: tracker undo --change curate:{kid})")
    return 0
