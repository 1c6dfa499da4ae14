"""Options shared by several commands: the commitment filters and the store to open."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tracker.themes import theme_names
from tracker.labels import KIND_LABELS, UNMARKED, UNMARKED_LABEL, parse_kind
from tracker.store.links import FLAG_WORDS

if TYPE_CHECKING:
    from tracker.store.core import Filter, Store

# The stages are imported when a command runs, not here: `tracker --help` and every
# other command would otherwise pay for all of them at start-up (issue 15).

# --carry takes the flag or its Chinese word.
CARRY_CHOICES = {**{f: f for f in FLAG_WORDS}, **{w: f for f, w in FLAG_WORDS.items()}}


def add_filter_arguments(p: argparse.ArgumentParser) -> None:
    """The filters of `tracker list`, also used by `tracker sheet`."""
    p.add_argument("--kind", type=parse_kind, metavar="KIND",
                   help=f"类型 {' '.join(KIND_LABELS)} / {' '.join(KIND_LABELS.values())}")
    p.add_argument("--year", type=int, help="计划年份 plan year")
    p.add_argument("--region", help="地区 region")
    p.add_argument("--status", help=f"状态 status, or {UNMARKED} / {UNMARKED_LABEL}")
    p.add_argument("--category", help="章节 section heading")
    p.add_argument("--theme", help="分类 theme: " + " ".join(theme_names()))
    p.add_argument("--pending", action="store_true", help="有待处理核验建议 with pending suggestions")
    p.add_argument("--report", type=int, dest="report_id", help="报告编号 report id")
    p.add_argument("--overdue", action="store_true", help="已逾期 deadline passed, not done")
    p.add_argument("--behind", action="store_true", help="落后序时进度 behind schedule")
    p.add_argument("--search", metavar="TEXT", help="全文检索 text contains")
    p.add_argument("--as-of", metavar="DATE", help="参照日期 reference date YYYY-MM-DD")
    p.add_argument("--stale", action="store_true", help="包括已失效的 include stale ones")
    p.add_argument("--dropped", action="store_true",
                   help="只看标为不是承诺（或因拆分/合并而隐藏）的 only items hidden by hand")
    p.add_argument("--unit", help="责任单位（牵头或配合，任一名称或别名） responsible unit, lead or partner")
    p.add_argument("--carry", choices=sorted(CARRY_CHOICES),
                   help="跨年标记 carry-over flag: 延续 上调 下调 不再提及 (carried raised lowered dropped)")


def filter_from_args(args: argparse.Namespace) -> Filter:
    """The Filter the filter options describe."""
    from tracker.store.core import Filter
    from tracker.store.marks import parse_status

    status = args.status
    if status in (UNMARKED, UNMARKED_LABEL):
        status = UNMARKED
    elif status:
        status = parse_status(status)
    return Filter(kind=args.kind, status=status, year=args.year, region=args.region,
                  report_id=args.report_id, category=args.category, overdue=args.overdue,
                  behind=args.behind, text=args.search, as_of=args.as_of,
                  include_stale=args.stale, dropped=args.dropped,
                  carry=CARRY_CHOICES.get(getattr(args, "carry", None)),
                  theme=args.theme, pending=args.pending, unit=getattr(args, "unit", None) or None)


def open_store(args: argparse.Namespace, create: bool = True) -> Store:
    """The store named by --db (before or after the command), else the default one.

    create=False for commands that only read: a missing or empty file is an error (never
    a new store), and a store of a newer program opens for reading.
    """
    from tracker.store.core import Store

    return Store.open(getattr(args, "db", None), create=create)
