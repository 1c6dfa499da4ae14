"""`tracker extract FILE... [--json] [--plan-year N]`: commitments of each file, no store."""

from __future__ import annotations

import argparse
import io
import json
import sys

from tracker.model import FileExtraction

# The stages are imported when a command runs, not here: `tracker --help` and every
# other command would otherwise pay for all of them at start-up (issue 15).

_KIND_LABEL = {"target": "目标", "livelihood": "实事", "project": "项目"}


def register(subparsers) -> None:
    """Add the extract subcommand."""
    p = subparsers.add_parser(
        "extract",
        help="提取承诺（不写入台账）/ extract commitments from files (no store)",
        description="从报告文件（txt/docx/pdf/html）中提取承诺 / "
                    "extract commitments from report files (txt, docx, pdf, html).",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="报告文件 report file(s)")
    p.add_argument("--json", action="store_true",
                   help="输出 JSON（见 CONTRACT.md）/ print the contract JSON")
    p.add_argument("--plan-year", type=_year, metavar="N",
                   help="文中未写明时的计划年份 / plan year for reports that state none")
    p.set_defaults(handler=run)


def _year(text: str) -> int:
    """argparse type for a plausible four-digit year."""
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是年份 / not a year: {text!r}") from None
    if not 1949 <= year <= 2100:
        raise argparse.ArgumentTypeError(f"年份超出范围 / year out of range: {year}")
    return year


def run(args: argparse.Namespace) -> int:
    """Extract every file (all are read before anything is printed) and print the result."""
    from tracker.extract.pipeline import contract_json, extract_files

    extractions = extract_files(args.files, plan_year=args.plan_year)
    out = _utf8_stdout()
    if args.json:
        json.dump(contract_json(extractions), out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        for fx in extractions:
            _print_listing(fx, out)
    out.flush()
    return 0


def _utf8_stdout() -> io.TextIOBase:
    """stdout writing UTF-8 whatever the locale says."""
    stream = sys.stdout
    if (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    return stream


def _print_listing(fx: FileExtraction, out) -> None:
    """A readable listing of one file's reports and commitments."""
    out.write(f"{fx.source.path}  ({fx.source.encoding}, {len(fx.source.lines)} 行/lines)\n")
    for rx in fx.reports:
        r = rx.report
        years = f"计划年份 plan {r.plan_year or '?'} · 报告年份 report {r.report_year or '?'}"
        out.write(f"  [{r.line_start}-{r.line_end}] {r.title}  ·  {r.region or '?'}  ·  {years}"
                  f"  ·  {len(rx.commitments)} 条 items\n")
        for c in rx.commitments:
            label = _KIND_LABEL.get(c.kind, c.kind)
            extra = f"  截止 {c.deadline}" if c.deadline else ""
            out.write(f"    {c.line:>5}  {label}  {c.text}{extra}\n")
    out.write("\n")
