"""`tracker` command line: every concern registers its subcommands here.

common (filters, opening the store) is shared by extract, store, verify and sheet.

Each command module exposes register(subparsers); a command's handler takes the
parsed args and returns an exit code. UserError -> one line on stderr, exit 1.
"""

from __future__ import annotations

import argparse
import sys

from tracker.cli import curate, extract, reports, series, sheet, store, supervise, verify
from tracker.cli.terminal import escaped_stdout
from tracker.errors import UserError, log_bug

# Modules that add subcommands, in the order they appear in --help.
_COMMAND_MODULES = (extract, store, reports, curate, verify, series, sheet, supervise)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that remembers which --options take a value (argparse keeps that
    in private attributes), so `--note -2+3` can be read as a value, not an option."""

    def __init__(self, *args, **kwargs):
        self.takes_value: set[str] = set()
        self.options: set[str] = set()             # every option string, -h included
        self.children: list[Parser] = []
        self.commands: dict[str, Parser] = {}      # subcommand name -> its parser
        super().__init__(*args, **kwargs)

    def add_argument(self, *names, **kwargs):
        """argparse's add_argument, noting its option strings and an --option that stores a value."""
        action = super().add_argument(*names, **kwargs)
        self.options.update(n for n in names if n.startswith("-"))
        if kwargs.get("action", "store") in ("store", "append") and kwargs.get("nargs") is None:
            self.takes_value.update(n for n in names if n.startswith("--"))
        return action

    def add_subparsers(self, **kwargs):
        """argparse's add_subparsers; the parsers made by it are remembered as children."""
        group = super().add_subparsers(**kwargs)
        make = group.add_parser

        def add_parser(name, **options):
            child = make(name, **options)
            self.children.append(child)
            self.commands[name] = child
            return child
        group.add_parser = add_parser
        return group

    def all_taking_value(self) -> set[str]:
        """--options of this parser and its subcommands that take a value."""
        return self.takes_value.union(*(c.all_taking_value() for c in self.children))


def build_parser() -> Parser:
    """The full argument parser with every registered subcommand."""
    parser = Parser(
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
    for command in parser.children:
        command.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                             help="台账文件 store file")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `tracker` console script."""
    parser = build_parser()
    argv = _attach_values(parser, sys.argv[1:] if argv is None else list(argv))
    args = parser.parse_args(_dash_texts(parser, argv))
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        # Listings show control characters in notes, report text and file names escaped.
        with escaped_stdout(enabled=not getattr(args, "json", False)):
            return int(args.handler(args) or 0)
    except UserError as exc:
        print(f"tracker: {_one_line(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("tracker: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:   # a bug, not the user's input: traceback to the log
        print(f"tracker: {log_bug(exc)}", file=sys.stderr)
        return 70


def _one_line(message: str) -> str:
    """message with control characters (a newline in a file name) shown escaped: one line."""
    return "".join(ch if ch.isprintable() or ch == "\u3000" else repr(ch)[1:-1] for ch in message)


def _attach_values(parser: Parser, argv: list[str]) -> list[str]:
    """`--note -2+3` as `--note=-2+3`: argparse takes a value starting with '-' for an option."""
    takes_value = parser.all_taking_value()
    out, i = [], 0
    while i < len(argv):
        a = argv[i]
        if a in takes_value and i + 1 < len(argv) and argv[i + 1].startswith("-") and argv[i + 1] != "--":
            out.append(f"{a}={argv[i + 1]}")
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _dash_texts(parser: Parser, argv: list[str]) -> list[str]:
    """`edit 17 -2+3`: a word starting with a single '-' that names no option is a text
    (argparse would take it for an unknown option). Then the command's options go first and
    its texts after '--', in their order."""
    at = next((i for i, a in enumerate(argv) if a in parser.commands), None)
    if at is None or "--" in argv[at:]:
        return argv
    command = parser.commands[argv[at]]
    head, opts, texts, i = argv[:at + 1], [], [], at + 1
    while i < len(argv):
        word = argv[i]
        name = word.split("=", 1)[0]
        if name in command.options:
            takes = name in command.takes_value and "=" not in word
            opts += argv[i:i + 2] if takes else [word]
            i += 2 if takes else 1
            continue
        texts.append(word)
        i += 1
    if not any(t.startswith("-") and not t.startswith("--") and len(t) > 1 for t in texts):
        return argv
    return head + opts + ["--"] + texts


if __name__ == "__main__":
    sys.exit(main())
