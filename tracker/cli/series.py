"""`tracker series --region R --indicator I [--json]` and `tracker carried --region R --year N [--json]`."""

from __future__ import annotations

import argparse
import json
import sys

from tracker.cli.common import open_store
from tracker.store.links import FLAG_WORDS

# The history rules are imported when a command runs (start-up time, issue 15).

_SOURCE_WORDS = {"user": "用户标记", "auto": "核查建议"}


def register(subparsers) -> None:
    """Add the series and carried subcommands."""
    p = subparsers.add_parser("series", help="指标历年目标与实际 / an indicator's targets and outcomes by year")
    p.add_argument("--region", required=True, help="地区（全国报告为 国务院）/ region (national reports: 国务院)")
    p.add_argument("--indicator", help="指标，如 国内生产总值（省略则列出指标）/ indicator (omit to list them)")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(handler=run_series)

    p = subparsers.add_parser("carried", help="次年延续、上调、下调、不再提及 / what year N's plan carries into N+1")
    p.add_argument("--region", required=True, help="地区 region")
    p.add_argument("--year", type=int, required=True, help="计划年份 N plan year N")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(handler=run_carried)


def _dump(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    print()


def run_series(args: argparse.Namespace) -> int:
    """Print one indicator's series (or the region's indicators)."""
    from tracker.history.series import indicators, series

    with open_store(args) as store:
        if not args.indicator:
            names = indicators(store, args.region)
            if args.json:
                _dump([{"indicator": n, "years": y} for n, y in names])
            else:
                for n, y in names:
                    print(f"{n}  ({y} 年 years)")
            return 0
        s = series(store, args.region, args.indicator)
    if args.json:
        _dump(s.as_json())
        return 0
    print(f"{s.title}（{'、'.join(s.names)}）")
    for p in s.points:
        actual = "" if p.actual_value is None else f"{p.actual_value:g}{p.unit or ''}"
        print(f"  {p.year}  目标 {p.target or p.target_text:<14} 实际 {actual or '-':<8} "
              f"{p.word:<4} {p.carry or '':<3} {_SOURCE_WORDS.get(p.source, '')}")
        if p.evidence_text:
            print(f"        {p.where}  {p.evidence_text[:70]}")
    return 0


def run_carried(args: argparse.Namespace) -> int:
    """Print year N's commitments carried, raised, lowered or dropped in year N+1's plan."""
    from tracker.history.carried import carried_report

    with open_store(args) as store:
        data = carried_report(store, args.region, args.year)
    if args.json:
        _dump(data)
        return 0
    print(f"{data['region']} {data['year']} → {data['next_year']}")
    for flag in ("raised", "lowered", "carried", "dropped"):
        items = data[flag]
        print(f"{FLAG_WORDS[flag]}（{len(items)}）")
        for it in items:
            after = f"  →  #{it['next_id']} {it['next_text']}" if it["next_id"] else ""
            print(f"  #{it['id']} {it['text']}{after}")
    return 0
