"""Text bound for the terminal with its control characters shown escaped.

A note, a report line or a file name may hold ESC sequences (which retitle the terminal,
clear it or hide what follows), a carriage return, a newline or a right-to-left override:
printed raw they rewrite what the user sees. `list`, `show`, `history`, `reports` and the
other listings print through EscapedStream, which shows each as \\x1b, \\n, \\u202e.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from typing import TextIO

# C0 and C1 controls except tab, DEL, line/paragraph separators, bidi embeddings/overrides/isolates.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def escaped(text: str) -> str:
    """text with every control character written as its Python escape (\\x1b, \\n, \\u202e)."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


class EscapedStream:
    """A text stream that escapes control characters in what is written to it, except the
    one line break ending each write (how print() and the listings end their lines)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        end = "\n" if text.endswith("\n") else ""
        return self._stream.write(escaped(text[:len(text) - len(end)]) + end)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)       # flush, encoding, isatty, fileno …


@contextmanager
def escaped_stdout(enabled: bool = True):
    """sys.stdout escaped for the duration (not for JSON, which escapes on its own)."""
    import sys

    if not enabled:
        yield
        return
    saved = sys.stdout
    sys.stdout = EscapedStream(saved)
    try:
        yield
    finally:
        sys.stdout = saved
