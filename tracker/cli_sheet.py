"""`tracker sheet`: write the status sheet (对照表) as PDF, CSV, XLSX or HTML."""

from __future__ import annotations

import argparse
import sys

from .errors import UserError
from .store import Filter, Store


def register(sub: argparse._SubParsersAction) -> None:
    """Add `tracker sheet` with the same filters as `tracker list`."""
    p = sub.add_parser("sheet", help="打印对照表 write the status sheet (.pdf .csv .xlsx .html)",
                       description="按筛选条件输出承诺事项完成情况对照表；格式由 --out 的后缀决定。")
    p.add_argument("--out", "-o", required=True, metavar="FILE",
                   help="输出文件 status.pdf | .csv | .xlsx | .html")
    p.add_argument("--landscape", action="store_true", help="横向 A4 landscape (PDF, XLSX, HTML)")
    # Its own dest: a subcommand default would overwrite `tracker --db X sheet`.
    p.add_argument("--db", dest="sheet_db", metavar="PATH", help="台账文件 store file")
    p.add_argument("--kind", choices=("target", "livelihood", "project"))
    p.add_argument("--year", type=int, help="计划年份 plan year")
    p.add_argument("--region", help="地区 region")
    p.add_argument("--status", help="状态 status, or unmarked / 未标记")
    p.add_argument("--category", help="章节 section heading")
    p.add_argument("--report", type=int, dest="report_id", help="报告编号 report id")
    p.add_argument("--overdue", action="store_true", help="已逾期 deadline passed, not done")
    p.add_argument("--behind", action="store_true", help="落后序时进度 behind schedule")
    p.add_argument("--search", metavar="TEXT", help="全文检索 text contains")
    p.add_argument("--as-of", metavar="DATE", help="参照日期 reference date YYYY-MM-DD")
    p.add_argument("--stale", action="store_true", help="包括已失效的 include stale ones")
    p.set_defaults(handler=cmd_sheet)


def sheet_filter(args: argparse.Namespace) -> Filter:
    """The Filter the sheet's options describe."""
    status = args.status
    if status in ("unmarked", "未标记"):
        status = "unmarked"
    elif status:
        from .store_edit import parse_status
        status = parse_status(status)
    return Filter(kind=args.kind, status=status, year=args.year, region=args.region,
                  report_id=args.report_id, category=args.category, overdue=args.overdue,
                  behind=args.behind, text=args.search, as_of=args.as_of,
                  include_stale=args.stale)


def cmd_sheet(args: argparse.Namespace) -> int:
    """tracker sheet --out FILE [filters] [--landscape]"""
    from .sheet import write_data
    from .sheet_build import sheet_data

    f = sheet_filter(args)
    db = args.sheet_db or getattr(args, "db", None)
    with Store.open(db) as store:
        data = sheet_data(store, f)
    if data.total == 0:
        print("提示: 所选范围内没有承诺事项 / no commitments match; the sheet is empty",
              file=sys.stderr)
    try:
        out = write_data(data, args.out, landscape=args.landscape)
    except OSError as exc:
        raise UserError(f"{args.out}: 无法写入 / cannot write ({exc.strerror or exc})") from None
    print(f"{out}: {data.total} 项承诺 / commitments")
    return 0
