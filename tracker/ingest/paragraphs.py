"""Logical paragraphs: lines joined where a PDF or web copy broke a sentence.

Rules look at one paragraph at a time; a paragraph remembers where each of its
characters came from, so a match maps back to a file line and offset.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from unicodedata import east_asian_width

from tracker.model import SourceText
from tracker.ingest.normalize import fold
from tracker import words

# A line that ends like this closes its sentence (or is a heading on its own).
_CLOSED = re.compile(r"[。！？!?；;：:”」』）)…]\s*$")
# A line that starts like this opens a new paragraph: 一、 （一） (1) 1. 第一篇 二是
_OPENS = re.compile(
    rf"^\s*(?:{words.CN_DUN}|[（(][{words.CN_ORDINAL}\d]+[)）]|{words.ARABIC_DOT}"
    rf"|第[{words.CN_ORDINAL}\d]+[篇章节部分]|{words.CN_SHI})"
)
# A line ending in a comma, or in a word that cannot end a phrase: "…民生优先战略，为".
_OPEN_CLAUSE = re.compile(r"(?:[，、,]|[，,][^，,。；;]{0,2}[为的和与及在对把将从向以])\s*$")
# 一、 （一） (一) 第一部分: section headings (Arabic-numbered lines are list items).
_SECTION = re.compile(rf"^\s*{words.SECTION_MARKER}")
_HEADING_MAX = 40
# "— 3 —", "- 12 -", "第 3 页", "3/20": page furniture of a PDF text layer.
_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?"
                          r"|\d{1,4}\s*/\s*\d{1,4})\s*$")
_MIN_BROKEN = 30   # shorter unterminated lines are headings, not broken sentences
# A PDF print wraps every line at the page width: "…预计增长8%以" / "上,城乡居民…", "6%左" / "右".
_WRAP_SLACK = 3       # display columns a full line may fall short of the page width
_WRAP_SHARE = 0.35    # share of lines at the page width that marks a wrapped (printed) text
_WRAP_MIN_LINES = 20


@dataclass(frozen=True)
class Paragraph:
    """Joined text of one or more source lines."""

    text: str                       # original characters, line breaks removed
    folded: str                     # fold(text), same length
    first_line: int                 # 1-based line of the first character
    last_line: int
    _piece_starts: tuple[int, ...]  # paragraph offset where each piece starts
    _piece_lines: tuple[int, ...]   # its 1-based source line
    _piece_offsets: tuple[int, ...]  # its offset in SourceText.text

    def line_at(self, pos: int) -> int:
        """Source line of the character at paragraph offset pos."""
        return self._piece_lines[bisect.bisect_right(self._piece_starts, pos) - 1]

    def file_offset(self, pos: int) -> int:
        """Offset in SourceText.text of the character at paragraph offset pos."""
        i = bisect.bisect_right(self._piece_starts, pos) - 1
        return self._piece_offsets[i] + pos - self._piece_starts[i]

    def pos_of(self, offset: int) -> int | None:
        """Paragraph offset of the character at file offset `offset` (None when not in it)."""
        i = bisect.bisect_right(self._piece_offsets, offset) - 1
        if i < 0:
            return None
        pos = self._piece_starts[i] + offset - self._piece_offsets[i]
        piece_end = self._piece_starts[i + 1] if i + 1 < len(self._piece_starts) else len(self.text)
        return pos if pos < piece_end else None


def paragraphs(source: SourceText, line_start: int = 1, line_end: int | None = None) -> list[Paragraph]:
    """Paragraphs of lines line_start..line_end (1-based, inclusive) of source."""
    line_end = line_end or len(source.lines)
    offsets = _line_offsets(source)
    width = _wrap_width(source)
    out: list[Paragraph] = []
    pieces: list[tuple[int, str, int]] = []   # (line, text, file offset)

    def flush() -> None:
        if not pieces:
            return
        starts, text = [], ""
        for _, piece, _ in pieces:
            starts.append(len(text))
            text += piece
        out.append(Paragraph(text, fold(text), pieces[0][0], pieces[-1][0], tuple(starts),
                             tuple(p[0] for p in pieces), tuple(p[2] for p in pieces)))
        pieces.clear()

    for no in range(line_start, min(line_end, len(source.lines)) + 1):
        raw = source.lines[no - 1].rstrip("\r")
        if not raw.strip() or _PAGE_NUMBER.match(raw):
            continue        # blank lines and page numbers inside a broken sentence do not end it
        if pieces and (_OPENS.match(raw) or _breaks(pieces[-1][1], raw, width,
                                                      source.lines[pieces[-1][0] - 1].rstrip())):
            flush()
        lead = len(raw) - len(raw.lstrip())
        pieces.append((no, raw[lead:].rstrip(), offsets[no - 1] + lead))
    flush()
    return out


def _breaks(previous: str, raw: str, width: int | None, previous_raw: str = "") -> bool:
    """Whether a paragraph ends between the previous line (stripped, and as printed) and raw."""
    if width:
        if raw[:1] in "\u3000 \t":
            return True                   # an indented line opens a paragraph of a printed page
        if _display_width(previous_raw or previous) >= width - _WRAP_SLACK:
            return False                  # a full line: the page width broke it, not the writer
    return not _continues(previous) or _is_heading_line(previous)


def _display_width(line: str) -> int:
    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in line)


_WIDTHS: tuple[SourceText | None, int | None] = (None, None)


def _wrap_width(source: SourceText) -> int | None:
    """The page width (display columns) a printed text was wrapped at, or None if it was not."""
    global _WIDTHS
    cached, width = _WIDTHS
    if cached is source:
        return width
    widths = [_display_width(line.rstrip()) for line in source.lines if line.strip()]
    width = None
    if len(widths) >= _WRAP_MIN_LINES:
        counts = Counter(widths)
        near = {w: sum(counts[v] for v in range(w - _WRAP_SLACK + 1, w + 1)) for w in counts if w >= 20}
        if near:
            best = max(near, key=lambda w: (near[w], w))
            if near[best] >= _WRAP_SHARE * len(widths):
                width = max(w for w in counts if best - _WRAP_SLACK < w <= best + 1)
    _WIDTHS = (source, width)
    return width


# (source, its line offsets) of the last call: a file of many reports is walked once,
# not once per report (which made a 50 MB compilation quadratic).
_OFFSETS: tuple[SourceText | None, list[int]] = (None, [])


def _line_offsets(source: SourceText) -> list[int]:
    """source.line_start_offsets(), computed once per SourceText object."""
    global _OFFSETS
    cached, offsets = _OFFSETS
    if cached is not source:
        offsets = source.line_start_offsets()
        _OFFSETS = (source, offsets)
    return offsets


def _is_heading_line(line: str) -> bool:
    """A whole line that is a section heading: "(一)聚力建好园区、协同发展,在构筑新型工业集链成群上奋勇争先".

    It has no full stop, so length alone would join it to the next line.
    """
    return (bool(_SECTION.match(line)) and "。" not in line and len(line) <= _HEADING_MAX
            and not _OPEN_CLAUSE.search(line))


def _continues(previous: str) -> bool:
    """Whether a line stopped mid-sentence, so the next line carries on its sentence."""
    if _OPEN_CLAUSE.search(previous):     # "深入实施全民参保计划，" then a blank line
        return True
    return len(previous) >= _MIN_BROKEN and not _CLOSED.search(previous)
