"""The text a browser shows of a parsed page: hidden elements dropped, then one pass over
the tree (no recursion, no re-walking of subtrees) that breaks lines around blocks and stops
at MAX_HTML_DEPTH.

Hidden text is not report text: a 网站 page keeps comment boxes (<textarea>), drop-down
lists and `display:none` blocks (inline, or by a class of its style sheet) that a reader
never sees.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, CData, NavigableString, Tag

from tracker.ingest.css_hidden import hidden_by_style_sheets
from tracker.ingest.limits import MAX_HTML_DEPTH, Deadline, too_deep

# Elements whose text is never shown as page text: form fields and closed dialogs.
_HIDDEN_TAGS = {"textarea", "select", "datalist", "option", "optgroup"}
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\b",
                           re.IGNORECASE)
# The strings get_text() would give: not comments, doctypes, or <rt> ruby annotations.
_TEXT_TYPES = (NavigableString, CData)


def _is_hidden(tag: Tag) -> bool:
    if tag.name in _HIDDEN_TAGS or (tag.name == "dialog" and not tag.has_attr("open")):
        return True
    if tag.has_attr("hidden"):
        return True
    style = tag.get("style")
    return isinstance(style, str) and bool(_HIDDEN_STYLE.search(style))


def drop_hidden(soup: BeautifulSoup, deadline: Deadline | None = None) -> None:
    """Remove the elements a browser does not show (hidden attribute, display:none,
    visibility:hidden in their style or by the page's style sheets, form fields)."""
    by_sheets = hidden_by_style_sheets(soup, deadline.check if deadline else None)
    for tag in by_sheets + soup.find_all(_is_hidden):
        if not tag.decomposed:          # inside one removed before it
            tag.decompose()


def block_text(soup: BeautifulSoup, blocks: frozenset[str] | set[str], name: str) -> str:
    """The page's strings in document order with a line break before and after each element
    named in blocks; UserError past MAX_HTML_DEPTH nested elements."""
    out: list[str] = []
    stack = [(iter(soup.contents), False)]
    while stack:
        node = next(stack[-1][0], None)
        if node is None:
            if stack.pop()[1]:
                out.append("\n")
        elif isinstance(node, Tag):
            block = node.name in blocks
            if block:
                out.append("\n")
            stack.append((iter(node.contents), block))
            if len(stack) - 1 > MAX_HTML_DEPTH:     # the first entry is the page itself
                raise too_deep(name)
        elif type(node) in _TEXT_TYPES:
            out.append(str(node))
    return "".join(out)
