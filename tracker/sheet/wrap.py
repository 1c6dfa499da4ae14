"""Line-breaking a table cell's text for the PDF, once, into plain lines.

reportlab's CJK Paragraph splits and measures its text again for every wrap and draws
it fragment by fragment; for a sheet of thousands of rows that was most of the time. A
cell's text is plain (never markup), so it is broken here into lines that a Table
draws as they are: Chinese may break between any two characters, a run of Latin letters,
digits and number signs (6.5%, PM2.5, 2025年 → "2025") stays whole unless it is wider
than the cell, and no line starts with closing punctuation or ends with an opening one
(禁则: "，" never heads a line; "（" never ends one).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth

# Unbreakable pieces: a Latin/number run, or any single other character.
_PIECE = re.compile(r"[A-Za-z0-9.,%+\-/:_#&@'~$€¥°]+|\s+|.", re.S)
_NO_LINE_START = set("，。、；：！？）》」』】〕”’…%,.;:!?)]}·—")
_NO_LINE_END = set("（《「『【〔“‘([{")


@lru_cache(maxsize=65536)
def _width(piece: str, font: str, size: float) -> float:
    return stringWidth(piece, font, size)


def _split_wide(piece: str, font: str, size: float, width: float) -> list[str]:
    """A piece wider than the cell, cut character by character into widths that fit."""
    out, line = [], ""
    for ch in piece:
        if line and _width(line + ch, font, size) > width:
            out.append(line)
            line = ""
        line += ch
    return out + [line] if line else out


def wrap_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """text broken into lines no wider than width (explicit newlines kept)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, font, size, width))
    return lines


def _wrap_paragraph(text: str, font: str, size: float, width: float) -> list[str]:
    pieces: list[str] = []
    for piece in _PIECE.findall(text):
        if _width(piece, font, size) > width:
            pieces.extend(_split_wide(piece, font, size, width))
        else:
            pieces.append(piece)
    lines: list[list[str]] = [[]]
    used = 0.0
    for piece in pieces:
        w = _width(piece, font, size)
        line = lines[-1]
        if not line or used + w <= width:
            if line or not piece.isspace():   # no line starts with a space
                line.append(piece)
                used += w
            continue
        if piece.isspace():                   # a break at a space drops the space
            lines.append([])
            used = 0.0
            continue
        carry: list[str] = []
        # 禁则: closing punctuation goes down with the piece before it; an opening mark
        # at the end of a line goes down with what it opens.
        if piece[0] in _NO_LINE_START:
            while len(line) > 1:              # "程”，": both marks go down with 程
                carry.insert(0, line.pop())
                if carry[0][0] not in _NO_LINE_START:
                    break
        while len(line) > 1 and line[-1][-1] in _NO_LINE_END:
            carry.insert(0, line.pop())
        if carry and sum(_width(p, font, size) for p in carry) + w > width:
            line.extend(carry)                # too wide together: break plainly instead
            carry = []
        lines.append(carry + [piece])
        used = sum(_width(p, font, size) for p in lines[-1])
    return ["".join(line).rstrip() for line in lines]
