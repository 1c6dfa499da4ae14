"""`tracker sheet`: write the status sheet (对照表) as PDF, CSV, XLSX or HTML."""

from __future__ import annotations

import argparse
import sys

from tracker.errors import UserError
from tracker.cli.common import add_filter_arguments, filter_from_args, open_store

# The stages are imported when a command runs, not here: `tracker --help` and every
# other command would otherwise pay for all of them at start-up (issue 15).


def register(sub) -> None:
    """Add `tracker sheet` with the same filters as `tracker list`."""
    p = sub.add_parser("sheet", help="打印对照表 write the status sheet (.pdf .csv .xlsx .docx .html)",
                       description="按筛选条件输出承诺事项完成情况对照表；格式由 --out 的后缀决定。")
    p.add_argument("--out", "-o", required=True, metavar="FILE",
                   help="输出文件 status.pdf | .csv | .xlsx | .docx | .html")
    p.add_argument("--landscape", action="store_true", help="横向 A4 landscape (PDF, XLSX, DOCX, HTML)")
    p.add_argument("--with-suggestions", action="store_true",
                   help="加入未经确认的系统建议，标“待确认” (默认只印经人确认的状态 / "
                        "default: only statuses a person confirmed)")
    p.add_argument("--by-unit", action="store_true",
                   help="按责任单位的通报 the 通报 by unit (.pdf .xlsx .docx): counts, 红/黄/绿, late items")
    p.add_argument("--series", action="store_true",
                   help="附指标历年页 add the 指标历年 page (indicator series of the sheet's regions)")
    add_filter_arguments(p)
    p.set_defaults(handler=cmd_sheet)


def cmd_sheet(args: argparse.Namespace) -> int:
    """tracker sheet --out FILE [filters] [--landscape]"""
    from tracker.sheet import sheet_data, write_data

    f = filter_from_args(args)
    if args.by_unit:
        return _bulletin(args, f)
    with open_store(args, create=False) as store:
        data = sheet_data(store, f, with_suggestions=args.with_suggestions, series=args.series)
    if data.total == 0:
        print("提示: 所选范围内没有承诺事项 / no commitments match; the sheet is empty",
              file=sys.stderr)
    try:
        out = write_data(data, args.out, landscape=args.landscape)
    except OSError as exc:
        raise UserError(f"{args.out}: 无法写入 / cannot write ({exc.strerror or exc})") from None
    pending = f"，其中 {data.pending} 项待确认 / pending" if data.with_suggestions else ""
    print(f"{out}: {data.total} 项承诺 / commitments{pending}")
    return 0


def _bulletin(args: argparse.Namespace, f) -> int:
    """tracker sheet --by-unit --out FILE: the 通报 by unit."""
    from tracker.supervise.bulletin_build import bulletin_from_store
    from tracker.supervise.bulletin_write import write_bulletin

    with open_store(args, create=False) as store:
        data = bulletin_from_store(store, f)
    if not data.lines:
        print("提示: 所选范围内没有指派了牵头单位的承诺 / no commitment with a lead unit", file=sys.stderr)
    out = write_bulletin(data, args.out, landscape=args.landscape)
    marks = data.by_mark
    print(f"{out}: {len(data.lines)} 个单位（红 {marks['红']} 黄 {marks['黄']} 绿 {marks['绿']}）")
    return 0
