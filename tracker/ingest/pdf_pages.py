"""Page furniture of a PDF text layer: running headers, footers and page numbers.

A report printed to PDF repeats its title (or "XX区人民政府文件") at the top of every page
and a page number ("— 3 —", "第3页 共20页", "3") at the bottom; left in, they land inside
sentences that run across a page break. A line counts as furniture when it is a page number
at a page's edge, or when the same line (digits aside) sits at the edge of most pages.
"""

from __future__ import annotations

import re
from collections import Counter

EDGE = 2            # lines at the top and at the bottom of a page that may be furniture
_MIN_SHARE = 0.6    # share of pages a running header or footer appears on
_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–－]*\s*\d{1,4}\s*[-—–－]*|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?"
                          r"|\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)\s*$", re.IGNORECASE)


def _key(line: str) -> str:
    """A line with its digits and spaces blurred, so "第3页" and "第4页" are the same furniture."""
    return re.sub(r"\d+", "#", "".join(line.split()))


def _edges(lines: list[str]) -> list[int]:
    """Indexes of the first and last EDGE non-blank lines of a page."""
    filled = [k for k, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:EDGE] + filled[-EDGE:]))


def strip_furniture(pages: list[str]) -> list[str]:
    """Each page's text without its running header, footer and page number lines."""
    split = [page.split("\n") for page in pages]
    counts = Counter(key for lines in split for key in {_key(lines[k]) for k in _edges(lines)})
    running = {key for key, n in counts.items()
               if len(split) >= 2 and n >= max(2, _MIN_SHARE * len(split)) and key}
    out = []
    for lines in split:
        drop = {k for k in _edges(lines) if _PAGE_NUMBER.match(lines[k]) or _key(lines[k]) in running}
        out.append("\n".join(line for k, line in enumerate(lines) if k not in drop))
    return out
