"""`tracker` command line: every concern registers its subcommands here.

common (filters, opening the store) is shared by extract, store, verify and sheet.

Each command module exposes register(subparsers); a command's handler takes the
parsed args and returns an exit code. UserError -> one line on stderr, exit 1.
"""

from __future__ import annotations

import argparse
import sys

from tracker.cli import curate, extract, series, sheet, store, verify
from tracker.errors import UserError, log_bug

# Modules that add subcommands, in the order they appear in --help.
_COMMAND_MODULES = (extract, store, curate, verify, series, sheet)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="tracker",
        description="承诺台账 Commitment Tracker: 从政府工作报告中提取承诺并跟踪完成情况 "
                    "(extract commitments from government work reports and track them).",
    )
    parser.add_argument("--db", metavar="PATH",
                        help="台账文件 store file (default: the user data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _COMMAND_MODULES:
        module.register(sub)
    # `tracker sheet --db X` as well as `tracker --db X sheet`; SUPPRESS keeps the
    # subcommand from overwriting a --db given before it.
    for command in sub.choices.values():
        command.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                             help="台账文件 store file")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `tracker` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except UserError as exc:
        print(f"tracker: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("tracker: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:   # a bug, not the user's input: traceback to the log
        print(f"tracker: {log_bug(exc)}", file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
